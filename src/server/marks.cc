#include "server/marks.h"

#include <algorithm>
#include <string>
#include <tuple>

namespace curlew::server {
namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; }

// A byte that continues a word: ASCII letters and digits, and every byte of
// a multi-byte UTF-8 character (letters such as "ğ").
bool IsWordByte(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return u >= 0x80 || (c >= '0' && c <= '9') ||
         (Lower(c) >= 'a' && Lower(c) <= 'z');
}

bool EqualAt(std::string_view hay, size_t at, std::string_view needle) {
  for (size_t i = 0; i < needle.size(); ++i)
    if (Lower(hay[at + i]) != Lower(needle[i])) return false;
  return true;
}

}  // namespace

std::pair<size_t, size_t> FindWords(std::string_view hay,
                                    std::string_view needle) {
  constexpr auto kNone = std::string_view::npos;
  if (needle.empty() || needle.size() > hay.size()) return {kNone, kNone};
  size_t first = kNone;
  for (size_t at = 0; at + needle.size() <= hay.size(); ++at) {
    if (!EqualAt(hay, at, needle)) continue;
    size_t end = at + needle.size();
    bool starts =
        at == 0 || !IsWordByte(hay[at - 1]) || !IsWordByte(needle.front());
    bool ends = end == hay.size() || !IsWordByte(hay[end]) ||
                !IsWordByte(needle.back());
    if (starts && ends) return {at, end};
    if (first == kNone) first = at;
  }
  if (first == kNone) return {kNone, kNone};
  return {first, first + needle.size()};
}

std::vector<Mark> EventMarks(std::string_view sentence, const Event& e) {
  // TODO(trigger): when Event carries the trigger's byte span (issue 13),
  // mark it directly instead of finding verb_text.
  const std::pair<std::string_view, std::string_view> kWords[] = {
      {"trigger", e.verb_text},
      {"source", e.source_text},
      {"target", e.target_text}};
  std::vector<Mark> marks;
  for (const auto& [kind, words] : kWords) {
    auto [begin, end] = FindWords(sentence, words);
    // A trigger of several words the sentence splits ("pledged ... not to
    // return"): its first word.
    if (begin == std::string_view::npos && kind == "trigger")
      std::tie(begin, end) =
          FindWords(sentence, words.substr(0, words.find(' ')));
    if (begin == std::string_view::npos) continue;
    // Plain copies for the lambda: clang before 16 cannot capture
    // structured bindings (make fuzz builds with clang).
    const size_t b = begin, en = end;
    bool overlaps = std::any_of(marks.begin(), marks.end(), [&](const Mark& m) {
      return b < m.end && m.begin < en;
    });
    if (overlaps) continue;
    marks.push_back(
        {kind, static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
  }
  std::sort(marks.begin(), marks.end(),
            [](const Mark& a, const Mark& b) { return a.begin < b.begin; });
  return marks;
}

}  // namespace curlew::server
