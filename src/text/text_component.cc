// Segment(): validation, then words chunk by chunk, then sentences; and the
// "text" pipeline component.
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "curlew/text.h"
#include "text/chars.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace curlew {

namespace {

bool HasNonAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return true;
  }
  return false;
}

// Per-thread scratch, reused across documents.
struct Scratch {
  std::vector<text::RawToken> words;
  std::vector<text::TokenRange> sentences;
};

// Fills empty norms; NormalizeForMatching (ICU) only for tokens with
// non-ASCII bytes.
void FillNorms(Document& doc) {
  for (Token& tok : doc.tokens) {
    if (!tok.norm.empty()) continue;
    const std::string_view w = doc.TokenText(tok);
    if (HasNonAscii(w)) {
      tok.norm = NormalizeForMatching(w);
    } else {
      tok.norm.assign(w.data(), w.size());
    }
  }
}

// A token as default-constructed, keeping string capacity.
void ResetToken(Token& tok) {
  tok.norm.clear();
  tok.upos.clear();
  tok.xpos.clear();
  tok.lemma.clear();
  tok.deprel.clear();
  tok.head = -1;
  tok.space_after = true;
  tok.fused_with_previous = false;
}

}  // namespace

Status Segment(Document& doc, const TextOptions& options) {
  if (doc.pretokenized) {
    // Sentences and tokens came with the document (CoNLL-U); keep them.
    FillNorms(doc);
    return Status();
  }
  doc.sentences.clear();
  const std::string_view t = doc.text;
  if (t.size() > options.max_document_bytes) {
    doc.tokens.clear();
    return Status::Error(
        ErrorCode::kLimitExceeded,
        "document longer than " + std::to_string(options.max_document_bytes) +
            " bytes (max_document_bytes)",
        doc.id, static_cast<int64_t>(options.max_document_bytes));
  }
  if (Status s = ValidateUtf8(t); !s.ok()) {
    doc.tokens.clear();
    return s.WithWhere(doc.id);
  }

  thread_local Scratch scratch;
  auto& words = scratch.words;
  words.clear();
  // Chunks between whitespace; a run of whitespace with two or more
  // newlines is a paragraph break.
  size_t i = 0;
  bool paragraph = true;
  while (i < t.size()) {
    int newlines = 0;
    while (i < t.size()) {
      const size_t len = text::SpaceLen(t, i);
      if (len == 0) break;
      newlines += t[i] == '\n';
      i += len;
    }
    if (i >= t.size()) break;
    if (newlines >= 2) paragraph = true;
    size_t e = i;
    bool ascii = true;
    bool alnum = true;  // only ASCII letters and digits
    while (e < t.size()) {
      const unsigned char c = t[e];
      if (text::IsAsciiAlnum(static_cast<char>(c))) {
        ++e;
      } else if (c - 0x21u < 0x5Eu) {  // other printable ASCII
        alnum = false;
        ++e;
      } else if (c < 0x80) {
        if (text::IsAsciiSpace(static_cast<char>(c))) break;
        alnum = false;
        ++e;
      } else {
        if (text::SpaceLen(t, e) != 0) break;
        ascii = alnum = false;
        e += text::Utf8Len(c);
      }
    }
    const size_t first = words.size();
    if (alnum && !text::MaybeFusedForm(t.substr(i, e - i))) {
      // A plain word: the tokenizer would keep it whole.
      words.push_back(
          {static_cast<uint32_t>(i), static_cast<uint32_t>(e), false});
    } else {
      size_t next = e;
      while (next < t.size() && text::IsAsciiSpace(t[next])) ++next;
      text::TokenizeChunk(t, static_cast<uint32_t>(i), static_cast<uint32_t>(e),
                          next < t.size() ? t[next] : 0, &words);
    }
    if (words.size() > first) {
      if (!ascii) {
        for (size_t k = first; k < words.size(); ++k) words[k].ascii = false;
      }
      words.back().space_after = e < t.size();
      words[first].paragraph_start = paragraph;
      paragraph = false;
    }
    i = e;
  }

  text::SplitSentences(t, words, options.max_sentence_tokens,
                       &scratch.sentences);
  // Tokens left from an earlier text in this Document are reused (their
  // strings keep their capacity) and reset; a worker that reuses one
  // Document saves constructing every Token.
  const size_t reused = std::min(doc.tokens.size(), words.size());
  doc.tokens.resize(words.size());  // new Tokens are zeroed in bulk
  for (size_t k = 0; k < words.size(); ++k) {
    if (k < reused) ResetToken(doc.tokens[k]);
    Token& tok = doc.tokens[k];
    tok.span = Span{words[k].begin, words[k].end};
    tok.space_after = words[k].space_after;
    tok.fused_with_previous = words[k].fused;
    const std::string_view w =
        t.substr(words[k].begin, words[k].end - words[k].begin);
    if (words[k].ascii) {
      tok.norm.assign(w.data(), w.size());
    } else {
      tok.norm = NormalizeForMatching(w);
    }
  }
  doc.sentences.reserve(scratch.sentences.size());
  for (const text::TokenRange& r : scratch.sentences) {
    Sentence s;
    s.token_begin = r.begin;
    s.token_end = r.end;
    s.span = Span{words[r.begin].begin, words[r.end - 1].end};
    if (r.piece == 1) {
      doc.warnings.push_back(
          Status::Error(ErrorCode::kLimitExceeded,
                        "sentence " + std::to_string(doc.sentences.size()) +
                            " is longer than max_sentence_tokens (" +
                            std::to_string(options.max_sentence_tokens) +
                            " tokens); cut into pieces of that many tokens",
                        doc.id, s.span.begin));
    }
    doc.sentences.push_back(s);
  }
  return Status();
}

namespace {

class TextComponent : public Component {
 public:
  explicit TextComponent(TextOptions o) : options_(o) {}
  std::string_view name() const override { return "text"; }
  uint32_t requires_annotations() const override { return kText; }
  uint32_t assigns_annotations() const override { return kSentences | kTokens; }
  Status Process(Document& doc) const override {
    return Segment(doc, options_);
  }

 private:
  TextOptions options_;
};

}  // namespace

std::unique_ptr<Component> MakeTextComponent(const TextOptions& options) {
  return std::make_unique<TextComponent>(options);
}

}  // namespace curlew
