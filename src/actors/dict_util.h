// Helpers shared by the PETRARCH-format dictionary readers: reading a file
// whole, splitting it into lines without per-line copies, stripping
// comments, upper-casing, and the WordTable that interns every dictionary
// word so that matching compares integers.
//
// WordTable is filled while the dictionaries load and is read-only
// afterwards (safe to share between threads then).
#ifndef CURLEW_ACTORS_DICT_UTIL_H_
#define CURLEW_ACTORS_DICT_UTIL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "curlew/status.h"

namespace curlew::dict {

inline constexpr uint32_t kNoWord = 0xFFFFFFFFu;

// Interned upper-case words.
class WordTable {
 public:
  uint32_t Intern(std::string_view upper_word);
  // kNoWord if the word is in no dictionary.
  uint32_t Find(std::string_view upper_word) const;
  const std::string& Text(uint32_t id) const { return words_[id]; }
  size_t size() const { return words_.size(); }
  // Room for `n` words in all, so a large file does not rehash as it loads.
  void Reserve(size_t n) {
    ids_.reserve(n);
    words_.reserve(n);
  }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>()(s);
    }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> ids_;
  std::vector<std::string> words_;
};

// Reads a whole file (binary: a raw 0x1A byte is an ordinary byte).
Result<std::string> ReadFile(const std::string& path);

// Calls fn(line, line_number) for each line, with '\r' removed.
template <typename Fn>
void ForEachLine(std::string_view text, Fn fn) {
  size_t b = 0;
  int64_t n = 0;
  while (b < text.size()) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = text.substr(b, e - b);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    fn(line, ++n);
    b = e + 1;
  }
}

// The line without a '#' comment, trimmed; "<!-- ... -->" lines become "".
std::string_view StripComment(std::string_view line);
std::string_view Trim(std::string_view s);
// ASCII upper case; Latin letters with diacritics (Latin-1, Latin
// Extended-A, Vietnamese, Romanian comma-below) fold to their ASCII base
// letter: a name matches whether or not the text writes its accents.
std::string Upper(std::string_view s);
// Splits on blanks and underscores. Empty parts are dropped.
std::vector<std::string_view> SplitWords(std::string_view phrase);

// Regular plural of an upper-case noun (-S, -ES after S/X/Z/CH/SH, -IES
// after consonant + Y).
std::string Plural(std::string_view w);

// Date "YYYYMMDD" or "YYMMDD" as an integer YYYYMMDD; -1 if malformed.
int32_t ParseDictDate(std::string_view s);
// Document date "YYYY-MM-DD" (or "YYYYMMDD") as YYYYMMDD; 0 if absent.
int32_t DocDate(std::string_view s);

}  // namespace curlew::dict

#endif  // CURLEW_ACTORS_DICT_UTIL_H_
