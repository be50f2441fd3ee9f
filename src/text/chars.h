// Byte-level character classes for the tokenizer and sentence splitter.
//
// The text is valid UTF-8 (checked before). ASCII is classified by table
// lookups; the few non-ASCII characters that matter for splitting (spaces,
// typographic quotes, dashes, the ellipsis, guillemets) are recognised by
// their UTF-8 bytes, so no decoding is needed on the fast path.
//
// Thread safety: pure functions.
#ifndef CURLEW_TEXT_CHARS_H_
#define CURLEW_TEXT_CHARS_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace curlew::text {

inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsAsciiAlpha(char c) { return IsAsciiUpper(c) || IsAsciiLower(c); }
inline bool IsAsciiAlnum(char c) { return IsAsciiDigit(c) || IsAsciiAlpha(c); }
inline bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' ||
         c == '\v';
}
inline char AsciiLower(char c) { return IsAsciiUpper(c) ? c + 32 : c; }
// `s` with ASCII letters lower-cased; other bytes (UTF-8) unchanged.
inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

// Byte length of the whitespace character starting at t[i] (ASCII spaces,
// no-break space, the U+2000 spaces, zero-width space, line/paragraph
// separators, ideographic space, and the byte-order mark U+FEFF, which
// separates nothing but must not stick to a word); 0 if t[i] does not start
// one.
inline size_t SpaceLen(std::string_view t, size_t i) {
  const unsigned char c = t[i];
  if (c < 0x80) return IsAsciiSpace(static_cast<char>(c)) ? 1 : 0;
  if (c == 0xC2 && i + 1 < t.size() &&
      static_cast<unsigned char>(t[i + 1]) == 0xA0) {
    return 2;
  }
  if (i + 2 < t.size()) {
    const unsigned char c1 = t[i + 1], c2 = t[i + 2];
    if (c == 0xE2 && c1 == 0x80 &&
        (c2 <= 0x8B || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF)) {
      return 3;
    }
    if (c == 0xE3 && c1 == 0x80 && c2 == 0x80) return 3;
    if (c == 0xEF && c1 == 0xBB && c2 == 0xBF) return 3;
  }
  return 0;
}

// Kinds of punctuation the tokenizer tells apart.
enum class PunctKind : uint8_t {
  kNone,
  kOpen,   // ( [ { < and opening typographic quotes “ ‘ « ¿ ¡
  kClose,  // ) ] } > and closing typographic quotes ” ’ »
  kQuote,  // " ' ` (direction unknown)
  kFinal,  // . ! ? and the ellipsis …
  kDash,   // - and the typographic dashes ‐ ‑ ‒ – — ―
  kOther,  // , ; : and the other ASCII symbols
};

struct Punct {
  PunctKind kind = PunctKind::kNone;
  uint8_t len = 0;  // bytes
};

// Table for ASCII bytes (chars.cc).
extern const std::array<PunctKind, 128> kAsciiPunct;

// The ASCII form ("-", "'" or "\"") of the typographic dash, quote,
// apostrophe or prime starting at t[i] (E2 80 xx), or nullptr.
const char* TypographicAscii(std::string_view t, size_t i);

// The non-ASCII punctuation character starting at t[i], if any.
Punct NonAsciiPunctAt(std::string_view t, size_t i);

// The punctuation character starting at t[i], if any.
inline Punct PunctAt(std::string_view t, size_t i) {
  const unsigned char c = t[i];
  if (c < 0x80) {
    const PunctKind k = kAsciiPunct[c];
    return {k, static_cast<uint8_t>(k == PunctKind::kNone ? 0 : 1)};
  }
  return NonAsciiPunctAt(t, i);
}

// Byte length of the UTF-8 character starting with byte `c`.
inline size_t Utf8Len(unsigned char c) {
  return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

// Start of the UTF-8 character that ends just before t[i] (i > 0).
inline size_t PrevCharStart(std::string_view t, size_t i) {
  size_t j = i - 1;
  while (j > 0 && (static_cast<unsigned char>(t[j]) & 0xC0) == 0x80) --j;
  return j;
}

// True if the character at t[i] is a letter or digit (any non-ASCII
// character that is not punctuation or space counts as a letter).
inline bool IsWordChar(std::string_view t, size_t i) {
  const unsigned char c = t[i];
  if (c < 0x80) return IsAsciiAlnum(static_cast<char>(c));
  return PunctAt(t, i).kind == PunctKind::kNone && SpaceLen(t, i) == 0;
}

// A fixed set of short words for fast membership tests: the words are
// bucketed by their first byte, so a lookup compares against a handful of
// candidates of the same length. Built once, immutable.
class WordSet {
 public:
  template <size_t N>
  explicit WordSet(const std::string_view (&words)[N]) {
    for (std::string_view w : words) {
      if (!w.empty()) buckets_[static_cast<unsigned char>(w[0])].push_back(w);
    }
  }
  bool contains(std::string_view w) const {
    if (w.empty()) return false;
    for (std::string_view c : buckets_[static_cast<unsigned char>(w[0])]) {
      if (c.size() == w.size() && c == w) return true;
    }
    return false;
  }

 private:
  std::array<std::vector<std::string_view>, 256> buckets_;
};

}  // namespace curlew::text

#endif  // CURLEW_TEXT_CHARS_H_
