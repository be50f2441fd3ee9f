#include "eval/cameo_manual_eval.h"

#include <algorithm>
#include <array>
#include <utility>

#include "eval/scoring_util.h"

namespace curlew::eval {
namespace {

constexpr std::string_view kBlank = " \t\r\f\v";

std::string_view Trim(std::string_view s) {
  size_t b = s.find_first_not_of(kBlank);
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(kBlank);
  return s.substr(b, e - b + 1);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), IsDigit);
}

// A running head ("CHAPTER 2. VERB CODEBOOK      27") or a bare page
// number: furniture of the PDF's pages, not part of any field.
bool IsPageFurniture(std::string_view t) {
  if (IsDigits(t)) return true;
  if (!t.starts_with("CHAPTER ")) return false;
  size_t space = t.find_last_of(' ');
  return space != std::string_view::npos && IsDigits(t.substr(space + 1));
}

// "2.4   CONSULT": a section heading of the verb chapter.
bool IsSectionHeading(std::string_view t) {
  size_t i = 0;
  while (i < t.size() && IsDigit(t[i])) ++i;
  if (i == 0 || i >= t.size() || t[i] != '.') return false;
  size_t j = ++i;
  while (i < t.size() && IsDigit(t[i])) ++i;
  if (i == j || i >= t.size() || t[i] != ' ') return false;
  std::string_view title = Trim(t.substr(i));
  return !title.empty() && std::none_of(title.begin(), title.end(), IsLower);
}

// The field label starting `line`, or "" (see the header for the rule).
std::string_view LabelOf(std::string_view line, std::string_view* rest) {
  // Longest first, so that "Example Note" is not read as "Example".
  static constexpr std::array<std::string_view, 6> kLabels = {
      "Usage Notes", "Example Note", "Description", "Example", "CAMEO", "Name"};
  size_t indent = line.find_first_not_of(' ');
  if (indent == std::string_view::npos || indent > 3) return {};
  std::string_view s = line.substr(indent);
  for (std::string_view label : kLabels) {
    if (!s.starts_with(label)) continue;
    std::string_view after = s.substr(label.size());
    if (!after.empty() && !after.starts_with("  ")) continue;
    *rest = Trim(after);
    return label;
  }
  return {};
}

// A valid CAMEO event code: three or four digits, root 01 to 20.
bool IsEventCode(std::string_view code) {
  if (!IsDigits(code) || code.size() < 3 || code.size() > 4) return false;
  int root = (code[0] - '0') * 10 + (code[1] - '0');
  return root >= 1 && root <= 20;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (IsUpper(c)) c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Why an example is not scored, or "" if it is.
std::string SkipReason(const std::string& code, bool code_ok,
                       const std::string& text) {
  if (!code_ok) {
    return code.empty() ? "no CAMEO code entry above it"
                        : "'" + code + "' is not a CAMEO event code";
  }
  if (text.empty()) return "empty example";
  std::string lower = Lower(text);
  if (lower.find("need example") != std::string::npos) {
    return "placeholder, not a sentence";
  }
  // The manual sometimes puts a coding note under an "Example" label
  // ("Two linked events ... should be coded with actors reversed.").
  if (lower.find(" coded") != std::string::npos) {
    return "coding note under an Example label, not a news sentence";
  }
  return "";
}

// Second halves of hyphenated compounds that a line break may split; their
// hyphen is real ("Syrian-backed"), unlike a word broken across lines.
bool IsCompoundTail(std::string_view word) {
  static constexpr std::array<std::string_view, 18> kTails = {
      "allied",  "armed", "backed",    "based", "born",   "controlled",
      "elected", "held",  "led",       "level", "linked", "old",
      "owned",   "ruled", "sponsored", "run",   "style",  "wide"};
  size_t end = 0;
  while (end < word.size() && IsLower(word[end])) ++end;
  word = word.substr(0, end);
  return std::find(kTails.begin(), kTails.end(), word) != kTails.end();
}

}  // namespace

std::string JoinManualLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& raw : lines) {
    std::string_view line = Trim(raw);
    if (line.empty()) continue;
    if (out.empty()) {
      out = line;
      continue;
    }
    if (out.back() != '-' || out.size() < 2 || out[out.size() - 2] == ' ') {
      out += ' ';
      out += line;
      continue;
    }
    // A line ending in a hyphen attached to a word: a word broken across
    // lines ("repatri-" "ate") or a compound ("Greek-" "Cypriot").
    size_t word_begin = out.find_last_of(' ');
    word_begin = word_begin == std::string::npos ? 0 : word_begin + 1;
    std::string_view fragment =
        std::string_view(out).substr(word_begin, out.size() - 1 - word_begin);
    bool compound = !IsLower(line.front()) || !IsLower(out[out.size() - 2]) ||
                    fragment.find('-') != std::string_view::npos ||
                    std::any_of(fragment.begin(), fragment.end(), IsDigit) ||
                    IsCompoundTail(line);
    if (!compound) out.pop_back();
    out += line;
  }
  return out;
}

Result<CameoManual> ParseCameoManual(std::string_view text,
                                     const std::string& name) {
  std::vector<std::string_view> lines;
  for (size_t pos = 0; pos <= text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    lines.push_back(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
  size_t begin = 0;
  size_t end = lines.size();
  for (size_t i = 0; i < lines.size(); ++i) {
    if (Trim(lines[i]) == "Chapter 2") {
      begin = i + 1;
      break;
    }
  }
  for (size_t i = begin; i < lines.size(); ++i) {
    if (Trim(lines[i]) == "Chapter 3") {
      end = i;
      break;
    }
  }

  CameoManual manual;
  std::string code;
  bool code_ok = false;
  bool code_has_example = false;
  std::string_view field;  // the open field's label, "" if none
  std::vector<std::string> example_lines;
  int example_line = 0;

  auto close_field = [&] {
    if (field == "Example") {
      std::string sentence = JoinManualLines(example_lines);
      std::string reason = SkipReason(code, code_ok, sentence);
      if (reason.empty()) {
        manual.examples.push_back({code, sentence, example_line});
        code_has_example = true;
      } else {
        manual.skipped.push_back({code, sentence, example_line, reason});
      }
    }
    field = {};
    example_lines.clear();
  };
  auto close_code = [&] {
    close_field();
    if (code_ok && !code_has_example) {
      manual.codes_without_example.push_back(code);
    }
    code.clear();
    code_ok = false;
    code_has_example = false;
  };

  for (size_t i = begin; i < end; ++i) {
    // Form feeds start the PDF's pages; they are not text.
    std::string line(lines[i]);
    std::erase(line, '\f');
    std::string_view t = Trim(line);
    if (t.empty() || IsPageFurniture(t)) continue;
    if (IsSectionHeading(t)) {
      close_field();
      continue;
    }
    std::string_view rest;
    std::string_view label = LabelOf(line, &rest);
    if (label.empty()) {
      if (field == "Example") example_lines.emplace_back(t);
      continue;
    }
    if (label == "CAMEO") {
      close_code();
      code = rest;
      code_ok = IsEventCode(code);
      ++manual.codes;
      continue;
    }
    close_field();
    field = label;
    if (label == "Example") {
      example_line = static_cast<int>(i) + 1;
      if (!rest.empty()) example_lines.emplace_back(rest);
    }
  }
  close_code();
  if (manual.examples.empty()) {
    return Status::Error(ErrorCode::kParseError,
                         "no CAMEO example found (expected 'CAMEO <code>' "
                         "entries with 'Example' fields)",
                         name);
  }
  return manual;
}

Result<CameoManual> ReadCameoManual(const std::string& path) {
  auto text = ReadWholeFile(path, "CAMEO manual");
  if (!text.ok()) return text.status();
  return ParseCameoManual(*text, path);
}

const char* ManualFailureName(ManualFailure f) {
  switch (f) {
    case ManualFailure::kNone:
      return "right";
    case ManualFailure::kNoEvent:
      return "no event";
    case ManualFailure::kWrongRoot:
      return "wrong root";
    case ManualFailure::kWrongCode:
      return "right root, wrong code";
  }
  return "?";
}

CameoManualScores ScoreCameoManual(
    const std::vector<ManualExample>& examples,
    const std::vector<std::vector<Event>>& coded) {
  CameoManualScores scores;
  for (size_t i = 0; i < examples.size(); ++i) {
    const ManualExample& ex = examples[i];
    ManualResult r;
    r.example = &ex;
    if (i < coded.size()) r.events = DistinctEvents(coded[i]);
    std::string_view root = std::string_view(ex.code).substr(0, 2);
    bool root_ok =
        std::any_of(r.events.begin(), r.events.end(),
                    [&](const Event& e) { return e.cameo.starts_with(root); });
    bool code_ok =
        std::any_of(r.events.begin(), r.events.end(),
                    [&](const Event& e) { return e.cameo == ex.code; });
    if (r.events.empty()) {
      r.failure = ManualFailure::kNoEvent;
    } else if (!root_ok) {
      r.failure = ManualFailure::kWrongRoot;
    } else if (!code_ok) {
      r.failure = ManualFailure::kWrongCode;
    }
    for (ManualTally* t : {&scores.all, &scores.by_root[std::string(root)]}) {
      ++t->examples;
      t->no_event += r.events.empty();
      t->right_root += root_ok;
      t->right_code += code_ok;
      t->coded_events += static_cast<int>(r.events.size());
    }
    scores.results.push_back(std::move(r));
  }
  return scores;
}

CameoManualScores EvaluateCameoManual(
    const Engine& engine, const std::vector<ManualExample>& examples,
    std::string_view date) {
  std::vector<std::vector<Event>> coded;
  coded.reserve(examples.size());
  for (const ManualExample& ex : examples) {
    coded.push_back(CodeSentence(engine,
                                 "cameo-manual-line-" + std::to_string(ex.line),
                                 std::string(date), ex.text));
  }
  return ScoreCameoManual(examples, coded);
}

}  // namespace curlew::eval
