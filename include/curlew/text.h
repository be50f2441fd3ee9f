// The text layer: UTF-8 validation, normalisation for matching, sentence
// splitting and tokenization with exact byte offsets.
//
// Tokens are syntactic words following the UD English EWT conventions, so
// that the tagger trained on EWT sees what it was trained on: clitics split
// ("do" "n't", "Bush" "'s", "can" "not"; Token::fused_with_previous marks
// the second part); hyphenated compounds split ("long" "-" "term") except
// after prefixes ("e-mail", "non-stop") and in codes and phone numbers
// ("F-16"); "$" and "%" split off numbers; numbers, URLs, e-mail addresses,
// @handles, emoticons and abbreviations with their period ("U.S.", "Gen.")
// kept whole.
//
// Thread safety: all functions are reentrant; TextComponent is immutable.
#ifndef CURLEW_TEXT_H_
#define CURLEW_TEXT_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "curlew/document.h"
#include "curlew/pipeline.h"
#include "curlew/status.h"

namespace curlew {

struct TextOptions {
  // Longest document accepted, in bytes. Default: 16 MiB.
  size_t max_document_bytes = 16u << 20;
  // Longest sentence kept whole, in tokens; a longer run is cut into pieces
  // of this size at token boundaries. Default: 400.
  size_t max_sentence_tokens = 400;
};

// Ok if `text` is valid UTF-8 without NUL bytes; otherwise an error whose
// position() is the byte offset of the first offending byte.
Status ValidateUtf8(std::string_view text);

// The form used for matching: Unicode NFC, typographic quotes, apostrophes
// and dashes mapped to their ASCII forms. Case is kept.
std::string NormalizeForMatching(std::string_view text);

// Fills doc.sentences and doc.tokens from doc.text. Errors: invalid UTF-8,
// binary content, a document over max_document_bytes.
Status Segment(Document& doc, const TextOptions& options = {});

// The "text" pipeline component (assigns kSentences | kTokens).
std::unique_ptr<Component> MakeTextComponent(const TextOptions& options = {});

}  // namespace curlew

#endif  // CURLEW_TEXT_H_
