#include "events/phrase_lists.h"

#include <algorithm>
#include <map>

#include "events/verb_dictionary.h"

namespace curlew {

using dict::StripComment;
using dict::Trim;
using dict::Upper;

Status DiscardList::Load(const std::string& path) {
  auto text = dict::ReadFile(path);
  if (!text.ok()) return text.status();
  return LoadText(*text, path);
}

Status DiscardList::LoadText(std::string_view text, const std::string& name) {
  Status status;
  dict::ForEachLine(text, [&](std::string_view raw, int64_t n) {
    if (!status.ok()) return;
    std::string_view line = StripComment(raw);
    if (size_t semi = line.find(';'); semi != std::string_view::npos)
      line = Trim(line.substr(0, semi));
    if (line.empty()) return;
    Entry e;
    if (line[0] == '+') {
      e.story = true;
      line.remove_prefix(1);
    }
    line = Trim(line);
    if (!line.empty() && line.back() == '_') e.stem = false;
    // Words split on blanks only: '_' is the boundary marker here.
    for (std::string_view w : dict::SplitWords(line))
      e.words.push_back(Upper(w));
    if (e.words.empty()) {
      status = Status::LineError(ErrorCode::kParseError, "empty discard entry",
                                 name, n);
      return;
    }
    by_first_[e.words[0]].push_back(static_cast<uint32_t>(entries_.size()));
    min_first_ = entries_.empty() ? e.words[0].size()
                                  : std::min(min_first_, e.words[0].size());
    entries_.push_back(std::move(e));
  });
  return status;
}

DiscardKind DiscardList::Match(const std::vector<std::string>& w) const {
  DiscardKind found = DiscardKind::kNone;
  for (size_t i = 0; i < w.size(); ++i) {
    // Single-word stems: try every prefix bucket would be costly; instead
    // look up the word itself and, for stems, its prefixes of length >= 3.
    std::string_view word = w[i];
    for (size_t len = word.size(); len >= min_first_ && len >= 1; --len) {
      auto it = by_first_.find(word.substr(0, len));
      if (it == by_first_.end()) continue;
      for (uint32_t id : it->second) {
        const Entry& e = entries_[id];
        if (i + e.words.size() > w.size()) continue;
        bool ok = true;
        for (size_t k = 0; k < e.words.size() && ok; ++k) {
          const std::string& a = w[i + k];
          const std::string& b = e.words[k];
          bool last = k + 1 == e.words.size();
          if (last && e.stem)
            ok = a.compare(0, b.size(), b) == 0;
          else
            ok = a == b;
        }
        if (!ok) continue;
        if (e.story) return DiscardKind::kStory;
        found = DiscardKind::kSentence;
      }
      if (len < 3) break;
    }
  }
  return found;
}

namespace {

// Most forms one issue phrase may expand to: each '+' doubles them, so a
// hostile line would otherwise exhaust memory (found by
// fuzz/dictionary_fuzzer).
constexpr size_t kMaxIssueForms = 4096;

// Expands one issue phrase ("early+childhood n:school") into its forms;
// empty if there would be more than kMaxIssueForms.
std::vector<std::string> ExpandIssue(std::string_view phrase) {
  std::vector<std::string> forms{""};
  size_t b = 0;
  while (b < phrase.size()) {
    size_t e = phrase.find(' ', b);
    if (e == std::string_view::npos) e = phrase.size();
    std::string_view part = phrase.substr(b, e - b);
    b = e + 1;
    if (part.empty()) continue;
    // '+' joins sub-words with a blank or a hyphen.
    std::vector<std::string> variants{""};
    size_t pb = 0;
    bool first = true;
    while (pb <= part.size()) {
      size_t pe = part.find('+', pb);
      if (pe == std::string_view::npos) pe = part.size();
      std::string_view sub = part.substr(pb, pe - pb);
      pb = pe + 1;
      std::vector<std::string> sub_forms;
      if (sub.substr(0, 2) == "n:") {
        std::string w = Upper(sub.substr(2));
        sub_forms = {w, dict::Plural(w)};
      } else if (sub.substr(0, 2) == "v:") {
        sub_forms = RegularVerbForms(Upper(sub.substr(2)));
      } else {
        sub_forms = {Upper(sub)};
      }
      // The size is checked before the product is built: two parts of
      // 4,096 forms each would otherwise build 16 million strings first.
      if (variants.size() * sub_forms.size() * (first ? 1 : 2) >
          kMaxIssueForms) {
        return {};
      }
      std::vector<std::string> next;
      for (const std::string& v : variants)
        for (const std::string& s : sub_forms) {
          if (first) {
            next.push_back(s);
          } else {
            next.push_back(v + " " + s);
            next.push_back(v + "-" + s);
          }
        }
      variants = std::move(next);
      first = false;
    }
    if (forms.size() * variants.size() > kMaxIssueForms) return {};
    std::vector<std::string> next;
    for (const std::string& f : forms)
      for (const std::string& v : variants)
        next.push_back(f.empty() ? v : f + " " + v);
    forms = std::move(next);
  }
  return forms;
}

}  // namespace

Status IssueList::Load(const std::string& path, dict::WordTable& words) {
  auto text = dict::ReadFile(path);
  if (!text.ok()) return text.status();
  return LoadText(*text, path, words);
}

Status IssueList::LoadText(std::string_view text, const std::string& name,
                           dict::WordTable& words) {
  Status status;
  std::map<std::string, uint32_t> code_ids;
  std::string category;
  dict::ForEachLine(text, [&](std::string_view raw, int64_t n) {
    if (!status.ok()) return;
    std::string_view line = StripComment(raw);
    if (line.empty()) return;
    if (line[0] == '<') {
      // <ISSUE CATEGORY="X" ...>: the code of entries without their own.
      size_t c = line.find("CATEGORY=\"");
      if (c != std::string_view::npos) {
        size_t e = line.find('"', c + 10);
        category = std::string(line.substr(c + 10, e - c - 10));
      } else if (line.substr(0, 2) == "</") {
        category.clear();
      }
      return;
    }
    auto too_many = [&] {
      status = Status::LineError(ErrorCode::kLimitExceeded,
                                 "issue phrase expands to more than " +
                                     std::to_string(kMaxIssueForms) + " forms",
                                 name, n);
    };
    if (line[0] == '~') {
      while (!line.empty() && line[0] == '~') line.remove_prefix(1);
      const std::vector<std::string> forms = ExpandIssue(Trim(line));
      if (forms.empty()) return too_many();
      for (const std::string& f : forms) ignore_.Add(InternPhrase(f, words), 0);
      return;
    }
    size_t lb = line.find('[');
    size_t rb = lb == std::string_view::npos ? lb : line.find(']', lb);
    if (lb != std::string_view::npos && rb == std::string_view::npos) {
      status = Status::LineError(ErrorCode::kParseError,
                                 "'[' without ']' in issue entry", name, n);
      return;
    }
    if (lb == std::string_view::npos && category.empty()) {
      status = Status::LineError(ErrorCode::kParseError,
                                 "issue entry without [CODE]", name, n);
      return;
    }
    std::string code =
        lb == std::string_view::npos
            ? category
            : std::string(Trim(line.substr(lb + 1, rb - lb - 1)));
    if (lb == std::string_view::npos) lb = line.size();
    auto [it, fresh] = code_ids.emplace(code, codes_.size());
    if (fresh) codes_.push_back(code);
    const std::vector<std::string> forms =
        ExpandIssue(Trim(line.substr(0, lb)));
    if (forms.empty()) return too_many();
    for (const std::string& f : forms)
      index_.Add(InternPhrase(f, words), it->second);
  });
  return status;
}

std::string IssueList::Match(const std::vector<uint32_t>& words) const {
  std::map<uint32_t, int> counts;
  for (size_t i = 0; i < words.size(); ++i) {
    uint32_t v;
    if (ignore_.Longest(words, i, &v)) return "";
    size_t len = index_.Longest(words, i, &v);
    if (len) ++counts[v];
  }
  std::string out;
  for (auto [code, count] : counts) {
    if (!out.empty()) out += ", ";
    out += codes_[code] + " " + std::to_string(count);
  }
  return out;
}

}  // namespace curlew
