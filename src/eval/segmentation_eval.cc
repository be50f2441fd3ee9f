#include "eval/segmentation_eval.h"

#include <algorithm>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "text/chars.h"

namespace curlew::text {

double F1Counts::Precision() const {
  return system == 0 ? 0.0 : static_cast<double>(correct) / system;
}
double F1Counts::Recall() const {
  return gold == 0 ? 0.0 : static_cast<double>(correct) / gold;
}
double F1Counts::F1() const {
  return gold + system == 0 ? 0.0 : 2.0 * correct / (gold + system);
}
void F1Counts::Add(const F1Counts& o) {
  gold += o.gold;
  system += o.system;
  correct += o.correct;
}

void SegmentationScores::Add(const SegmentationScores& o) {
  documents += o.documents;
  tokens.Add(o.tokens);
  words.Add(o.words);
  sentences.Add(o.sentences);
}

namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> cols;
  size_t start = 0;
  for (size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || line[i] == '\t') {
      cols.push_back(line.substr(start, i - start));
      start = i + 1;
    }
  }
  return cols;
}

// One gold sentence being read: its text and surface tokens, each with the
// forms of its words.
struct PendingSentence {
  std::string text;
  std::vector<std::pair<std::string, std::vector<std::string>>> tokens;
  int mwt_words_left = 0;
};

uint32_t SkipSpaces(std::string_view t, uint32_t pos) {
  while (pos < t.size()) {
    const size_t len = SpaceLen(t, pos);
    if (len == 0) break;
    pos += static_cast<uint32_t>(len);
  }
  return pos;
}

// Appends `s` to `g` (after a space, or a blank line for a new
// paragraph), locating each token in the text
// by its non-space characters.
Status AppendSentence(const PendingSentence& s, bool new_paragraph, GoldText* g,
                      const std::string& where, int64_t line) {
  if (!g->text.empty()) g->text += new_paragraph ? "\n\n" : " ";
  const uint32_t base = static_cast<uint32_t>(g->text.size());
  g->text += s.text;
  const std::string_view t = g->text;
  uint32_t pos = base;
  uint32_t first = 0;
  for (size_t k = 0; k < s.tokens.size(); ++k) {
    const auto& [form, words] = s.tokens[k];
    pos = SkipSpaces(t, pos);
    const uint32_t begin = pos;
    for (char c : form) {
      if (IsAsciiSpace(c)) continue;
      pos = SkipSpaces(t, pos);
      if (pos >= t.size() || t[pos] != c) {
        return Status::LineError(
            ErrorCode::kParseError,
            "token '" + form + "' does not match the # text line", where, line);
      }
      ++pos;
    }
    if (k == 0) first = begin;
    g->tokens.push_back(Span{begin, pos});
    // Words of a multiword token: consecutive pieces when their forms
    // spell the token, else each word gets the whole token.
    std::string joined;
    for (const std::string& w : words) joined += w;
    uint32_t wpos = begin;
    for (const std::string& w : words) {
      if (joined == form) {
        g->words.push_back(Span{wpos, static_cast<uint32_t>(wpos + w.size())});
        wpos += static_cast<uint32_t>(w.size());
      } else {
        g->words.push_back(Span{begin, pos});
      }
    }
  }
  if (!s.tokens.empty()) g->sentences.push_back(Span{first, pos});
  return Status();
}

}  // namespace

Result<std::vector<GoldText>> ReadConlluGold(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(ErrorCode::kNotFound, "cannot open", path);
  std::vector<GoldText> out;
  out.emplace_back();
  PendingSentence s;
  bool new_paragraph = false;
  std::string line;
  int64_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (!s.tokens.empty() || !s.text.empty()) {
        if (Status st =
                AppendSentence(s, new_paragraph, &out.back(), path, line_no);
            !st.ok()) {
          return st;
        }
      }
      s = PendingSentence();
      new_paragraph = false;
      continue;
    }
    if (line[0] == '#') {
      if (line.starts_with("# newdoc")) {
        if (!out.back().text.empty()) out.emplace_back();
        const size_t eq = line.find("id = ");
        if (eq != std::string::npos) out.back().id = line.substr(eq + 5);
      } else if (line.starts_with("# newpar")) {
        new_paragraph = true;
      } else if (line.starts_with("# text = ")) {
        s.text = line.substr(9);
      }
      continue;
    }
    const auto cols = SplitTabs(line);
    if (cols.size() != 10) {
      return Status::LineError(ErrorCode::kParseError,
                               "expected 10 tab-separated columns", path,
                               line_no);
    }
    const std::string_view id = cols[0];
    if (id.find('.') != std::string_view::npos) continue;  // empty node
    const std::string form(cols[1]);
    if (id.find('-') != std::string_view::npos) {
      const int a = std::stoi(std::string(id.substr(0, id.find('-'))));
      const int b = std::stoi(std::string(id.substr(id.find('-') + 1)));
      s.tokens.push_back({form, {}});
      s.mwt_words_left = b - a + 1;
      continue;
    }
    if (s.mwt_words_left > 0) {
      s.tokens.back().second.push_back(form);
      --s.mwt_words_left;
    } else {
      s.tokens.push_back({form, {form}});
    }
  }
  if (!s.tokens.empty()) {
    if (Status st =
            AppendSentence(s, new_paragraph, &out.back(), path, line_no);
        !st.ok()) {
      return st;
    }
  }
  if (out.back().text.empty()) out.pop_back();
  return out;
}

namespace {

F1Counts Match(std::vector<Span> gold, std::vector<Span> system) {
  auto less = [](const Span& a, const Span& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  };
  std::sort(gold.begin(), gold.end(), less);
  std::sort(system.begin(), system.end(), less);
  F1Counts c;
  c.gold = gold.size();
  c.system = system.size();
  size_t i = 0, j = 0;
  while (i < gold.size() && j < system.size()) {
    if (gold[i] == system[j]) {
      ++c.correct;
      ++i;
      ++j;
    } else if (less(gold[i], system[j])) {
      ++i;
    } else {
      ++j;
    }
  }
  return c;
}

}  // namespace

Result<SegmentationScores> ScoreSegmentation(const GoldText& gold,
                                             const TextOptions& options) {
  Document doc;
  doc.id = gold.id;
  doc.text = gold.text;
  if (Status s = Segment(doc, options); !s.ok()) return s;
  std::vector<Span> words, tokens, sentences;
  for (const Token& t : doc.tokens) {
    words.push_back(t.span);
    if (t.fused_with_previous && !tokens.empty()) {
      tokens.back().end = t.span.end;
    } else {
      tokens.push_back(t.span);
    }
  }
  for (const Sentence& s : doc.sentences) sentences.push_back(s.span);
  SegmentationScores scores;
  scores.documents = 1;
  scores.tokens = Match(gold.tokens, tokens);
  scores.words = Match(gold.words, words);
  scores.sentences = Match(gold.sentences, sentences);
  return scores;
}

}  // namespace curlew::text
