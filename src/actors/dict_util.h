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

// An open-addressing hash map from 64-bit keys to small values, for the
// dictionaries' integer-keyed indexes: one flat array instead of a node per
// key, so loading allocates little and a look-up touches one cache line.
// Key ~0 is reserved (never a key: word ids are below kNoWord).
template <typename V>
class IntMap {
 public:
  static constexpr uint64_t kEmpty = ~uint64_t{0};
  // The value of `key`, or nullptr.
  const V* Find(uint64_t key) const {
    if (keys_.empty()) return nullptr;
    for (size_t i = Slot(key);; i = (i + 1) & (keys_.size() - 1)) {
      if (keys_[i] == key) return &values_[i];
      if (keys_[i] == kEmpty) return nullptr;
    }
  }
  V* Find(uint64_t key) {
    return const_cast<V*>(static_cast<const IntMap*>(this)->Find(key));
  }
  // The value of `key`, inserted as `init` if absent; *inserted says which.
  V& Insert(uint64_t key, const V& init, bool* inserted = nullptr) {
    if ((size_ + 1) * 2 > keys_.size())
      Rehash(keys_.empty() ? 16 : keys_.size() * 2);
    size_t i = Slot(key);
    while (keys_[i] != kEmpty && keys_[i] != key)
      i = (i + 1) & (keys_.size() - 1);
    const bool fresh = keys_[i] == kEmpty;
    if (fresh) {
      keys_[i] = key;
      values_[i] = init;
      ++size_;
    }
    if (inserted) *inserted = fresh;
    return values_[i];
  }
  // Room for `n` keys in all.
  void Reserve(size_t n) {
    size_t want = 16;
    while (want < n * 2) want *= 2;
    if (want > keys_.size()) Rehash(want);
  }
  size_t size() const { return size_; }
  // fn(key, value&) for every entry, in no particular order.
  template <typename Fn>
  void ForEach(Fn fn) {
    for (size_t i = 0; i < keys_.size(); ++i)
      if (keys_[i] != kEmpty) fn(keys_[i], values_[i]);
  }

 private:
  size_t Slot(uint64_t key) const {
    // Fibonacci hashing: the high bits of the product are well mixed.
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_);
  }
  void Rehash(size_t capacity) {  // capacity: a power of two
    std::vector<uint64_t> keys(capacity, kEmpty);
    std::vector<V> values(capacity);
    keys.swap(keys_);
    values.swap(values_);
    shift_ = 64;
    for (size_t c = capacity; c > 1; c >>= 1) --shift_;
    for (size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] == kEmpty) continue;
      size_t j = Slot(keys[i]);
      while (keys_[j] != kEmpty) j = (j + 1) & (keys_.size() - 1);
      keys_[j] = keys[i];
      values_[j] = std::move(values[i]);
    }
  }
  std::vector<uint64_t> keys_;
  std::vector<V> values_;
  size_t size_ = 0;
  int shift_ = 64;
};

// Interned upper-case words: ids 0, 1, ... in the order first seen. The
// words are stored end to end in one buffer (no allocation per word).
class WordTable {
 public:
  uint32_t Intern(std::string_view upper_word);
  // kNoWord if the word is in no dictionary.
  uint32_t Find(std::string_view upper_word) const;
  // The word of `id`; valid until the next Intern.
  std::string_view Text(uint32_t id) const {
    return std::string_view(chars_).substr(begin_[id],
                                           begin_[id + 1] - begin_[id]);
  }
  size_t size() const { return begin_.size() - 1; }
  size_t bytes() const { return chars_.size(); }  // of all the words
  // Room for `n` words in all, of `chars` bytes in all, so a large file
  // does not rehash or copy the words as it loads.
  void Reserve(size_t n, size_t chars = 0);

 private:
  static uint64_t Hash(std::string_view s);
  size_t Probe(std::string_view w, uint64_t h) const;
  void Rehash(size_t capacity);
  std::string chars_;               // every word, end to end
  std::vector<uint32_t> begin_{0};  // word i: chars_[begin_[i], begin_[i+1])
  std::vector<uint32_t> hash_;      // by id: the word's hash (low 32 bits)
  std::vector<uint32_t> slots_;     // open addressing: id + 1, 0 = empty
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
// The same into *out (replacing its contents, reusing its buffer).
void UpperInto(std::string_view s, std::string* out);

// Calls fn(word) for each word of a phrase: split on blanks and
// underscores, empty parts dropped; "PEOPLE'S" is two words, "PEOPLE" and
// "'S", as in the Penn Treebank's tokens.
template <typename Fn>
void ForEachWord(std::string_view p, Fn fn) {
  size_t b = 0;
  for (size_t i = 0; i <= p.size(); ++i) {
    if (i == p.size() || p[i] == ' ' || p[i] == '_' || p[i] == '\t') {
      std::string_view w = p.substr(b, i - b);
      if (w.size() > 2 && (w.ends_with("'S") || w.ends_with("'s"))) {
        fn(w.substr(0, w.size() - 2));
        fn(w.substr(w.size() - 2));
      } else if (!w.empty()) {
        fn(w);
      }
      b = i + 1;
    }
  }
}
// ForEachWord's words as a vector.
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
