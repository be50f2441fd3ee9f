// The word tokenizer: splits one whitespace-free chunk of text into
// syntactic words following the UD English EWT conventions.
//
//   "don't"   -> do n't        "cannot" -> can not     "Bush's" -> Bush 's
//   "$50"     -> $ 50          "50%"    -> 50 %        "U.S.)," -> U.S. ) ,
//   "long-term" -> long - term  but "e-mail", "non-stop", "713-853-3989",
//   "F-16", URLs, e-mail addresses, @handles and emoticons stay whole.
//
// Thread safety: pure functions over immutable tables.
#ifndef CURLEW_TEXT_TOKENIZER_H_
#define CURLEW_TEXT_TOKENIZER_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace curlew::text {

// A word as byte offsets into the text.
struct RawToken {
  uint32_t begin = 0;
  uint32_t end = 0;
  // One surface token with the previous word, split by the tokenizer
  // ("n't" of "don't").
  bool fused = false;
  // Set by the caller (Segment): no byte >= 0x80 (the norm is then the
  // text itself); whitespace follows; a paragraph break precedes.
  bool ascii = true;
  bool space_after = false;
  bool paragraph_start = false;
};

// Appends the words of the chunk t[begin, end) (no whitespace inside) to
// *out. `next` is the first byte of the following chunk, 0 if none (it
// decides "No." before a number).
void TokenizeChunk(std::string_view t, uint32_t begin, uint32_t end, char next,
                   std::vector<RawToken>* out);

// True if the letters-only `word` may be written as two words ("cannot",
// "gonna", "dont"): every such form has 4 to 8 letters and ends in 't' or
// 'a'. A cheap filter; TokenizeChunk decides.
inline bool MaybeFusedForm(std::string_view word) {
  if (word.size() < 4 || word.size() > 8) return false;
  const char last = word.back() | 0x20;  // ASCII lower case
  return last == 't' || last == 'a';
}

// True if `word` (ending in '.') is an abbreviation that keeps its period:
// a known abbreviation ("Gen.", "etc."), an initial ("J."), or letters
// with inner periods ("U.S.", "p.m.").
bool IsAbbreviation(std::string_view word, char next);

// Kinds of abbreviations, for the sentence splitter.
enum class AbbrevKind {
  kNone,
  kTitle,    // Mr. Dr. Gen. Sen. No. vs. ...: a name or number follows
  kMonth,    // Jan. ... Dec.
  kInitial,  // J. (a single capital letter)
  kOther,    // U.S. Inc. St. etc. p.m. ...: may end a sentence
};
AbbrevKind AbbreviationKind(std::string_view word);

}  // namespace curlew::text

#endif  // CURLEW_TEXT_TOKENIZER_H_
