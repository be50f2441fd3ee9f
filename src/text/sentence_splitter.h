// The sentence splitter for news text: decides, word by word, where a
// sentence ends.
//
// A sentence ends at a paragraph break (a blank line); after '.', '!', '?'
// or an ellipsis (with the closing quotes and brackets that follow it)
// unless a lower-case word follows a '?', '!' or quoted ending ("Why?" he
// asked); after an abbreviation only on evidence (a word that usually
// starts sentences follows "U.S.", "Inc.", "p.m."; never after titles such
// as "Gen.", "Dr.", "No." or initials); and after a news dateline
// ("ANKARA, Dec 31 (Reuters) -").
//
// Thread safety: a pure function.
#ifndef CURLEW_TEXT_SENTENCE_SPLITTER_H_
#define CURLEW_TEXT_SENTENCE_SPLITTER_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "text/tokenizer.h"

namespace curlew::text {

// A sentence as a range of word indices [begin, end).
struct TokenRange {
  uint32_t begin = 0;
  uint32_t end = 0;
  // 1, 2, ... for the pieces of a sentence cut at max_tokens; 0 for a
  // whole sentence.
  uint32_t piece = 0;
};

// Splits `words` of `t` into sentences (a paragraph break precedes the
// words with paragraph_start set). Sentences longer than `max_tokens` are
// cut into pieces of at most that many words.
void SplitSentences(std::string_view t, const std::vector<RawToken>& words,
                    size_t max_tokens, std::vector<TokenRange>* sentences);

}  // namespace curlew::text

#endif  // CURLEW_TEXT_SENTENCE_SPLITTER_H_
