#include "events/coder_run.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace curlew {

Coder::Run::Run(const Coder& coder, const Document& doc, uint32_t sentence,
                int32_t date, DocumentMemory* memory)
    : d_(*coder.dicts_),
      opt_(coder.options_),
      doc_(doc),
      s_(doc.sentences[sentence]),
      date_(date),
      sentence_(doc, sentence, d_.words, opt_.commas, opt_.news_conventions),
      tree_(sentence_.tree),
      upper_(sentence_.upper),
      ids_(sentence_.ids),
      masked_(sentence_.asides),
      actor_options_{opt_.news_conventions, opt_.new_actor_length},
      phrases_(d_.actors, d_.agents, actor_options_, sentence_, date, memory) {
  n_ = s_.size();
  verb_tag_.resize(n_);
  for (size_t i = 0; i < n_; ++i) verb_tag_[i] = StartsWith(Tok(i).xpos, "VB");
  present_ = ids_;
  std::sort(present_.begin(), present_.end());
}

// Actor codes of the noun phrase headed by sentence token h (agents
// composed, coordinations distributed; agent-only phrases left out).
std::vector<std::string> Coder::Run::CodesOfPhrase(int h) const {
  std::vector<std::string> out;
  for (const ActorRef& a : CodeNP(h))
    if (!a.agent_only) out.push_back(a.code);
  return out;
}

void Coder::Run::SetTrigger(Event& e, size_t vb, size_t ve, int v) const {
  e.verb_text = TextOf(static_cast<uint32_t>(vb), static_cast<uint32_t>(ve));
  e.trigger_token = static_cast<int32_t>(s_.token_begin + v);
  e.trigger_begin = Tok(v).span.begin;
  e.trigger_end = Tok(v).span.end;
}

std::string Coder::Run::TextOf(uint32_t b, uint32_t e) const {
  if (b >= e || e > n_) return "";
  const Token& first = Tok(b);
  const Token& last = Tok(e - 1);
  if (last.span.end <= first.span.begin) return "";
  return std::string(doc_.SpanText({first.span.begin, last.span.end}));
}

}  // namespace curlew
