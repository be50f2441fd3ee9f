// TEMPORARY stand-in for the text layer so that the skeleton links; replaced
// by the real tokenizer and sentence splitter (issue "Foundation").
#include <memory>
#include <string>

#include "curlew/text.h"

namespace curlew {

std::string NormalizeForMatching(std::string_view text) {
  return std::string(text);
}

Status Segment(Document& doc, const TextOptions& options) {
  doc.sentences.clear();
  doc.tokens.clear();
  const std::string& t = doc.text;
  Sentence sent;
  sent.token_begin = 0;
  bool open = false;
  for (size_t i = 0; i < t.size();) {
    while (i < t.size() && isspace(static_cast<unsigned char>(t[i]))) ++i;
    if (i >= t.size()) break;
    size_t j = i;
    while (j < t.size() && !isspace(static_cast<unsigned char>(t[j]))) ++j;
    size_t end = j;
    bool stop = t[end - 1] == '.' && end - i > 1;
    if (stop) --end;
    if (!open) {
      sent = Sentence{};
      sent.span.begin = i;
      sent.token_begin = doc.tokens.size();
      open = true;
    }
    Token tok;
    tok.span = {static_cast<uint32_t>(i), static_cast<uint32_t>(end)};
    tok.norm = t.substr(i, end - i);
    doc.tokens.push_back(tok);
    if (stop) {
      Token dot;
      dot.span = {static_cast<uint32_t>(end), static_cast<uint32_t>(end + 1)};
      dot.norm = ".";
      doc.tokens.push_back(dot);
    }
    if (stop) {
      sent.span.end = j;
      sent.token_end = doc.tokens.size();
      doc.sentences.push_back(sent);
      open = false;
    } else {
      sent.span.end = j;
    }
    i = j;
  }
  if (open) {
    sent.token_end = doc.tokens.size();
    doc.sentences.push_back(sent);
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
  Status Process(Document& doc) const override { return Segment(doc, options_); }

 private:
  TextOptions options_;
};
}  // namespace

std::unique_ptr<Component> MakeTextComponent(const TextOptions& options) {
  return std::make_unique<TextComponent>(options);
}

}  // namespace curlew
