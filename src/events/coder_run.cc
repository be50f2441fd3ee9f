#include "events/coder_run.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace curlew {

namespace {

// The elements of `all` (sorted by sentence) that belong to `sentence`.
template <typename T>
std::span<const T> OfSentence(const std::vector<T>& all, uint32_t sentence) {
  auto lo =
      std::lower_bound(all.begin(), all.end(), sentence,
                       [](const T& m, uint32_t s) { return m.sentence < s; });
  auto hi = lo;
  while (hi != all.end() && hi->sentence == sentence) ++hi;
  return {lo, hi};
}

}  // namespace

Coder::Run::Run(const Coder& coder, const Document& doc, uint32_t sentence)
    : d_(*coder.dicts_),
      opt_(coder.options_),
      doc_(doc),
      s_(doc.sentences[sentence]),
      sentence_(doc, sentence, d_.words, opt_.commas, opt_.news_conventions),
      tree_(sentence_.tree),
      upper_(sentence_.upper),
      ids_(sentence_.ids),
      masked_(sentence_.asides),
      mentions_(OfSentence(doc.actor_mentions, sentence)),
      matches_(OfSentence(doc.actor_matches, sentence)) {
  n_ = s_.size();
  verb_tag_.resize(n_);
  for (size_t i = 0; i < n_; ++i) verb_tag_[i] = StartsWith(Tok(i).xpos, "VB");
  present_ = ids_;
  std::sort(present_.begin(), present_.end());
  mention_at_.assign(n_ + 1, 0);
  for (const ActorMention& m : mentions_)
    if (m.head >= s_.token_begin && m.head < s_.token_end)
      ++mention_at_[m.head - s_.token_begin + 1];
  for (size_t i = 0; i < n_; ++i) mention_at_[i + 1] += mention_at_[i];
}

std::vector<ActorRef> Coder::Run::ActorsAt(int h, bool pronouns) const {
  std::vector<ActorRef> out;
  if (h < 0 || static_cast<size_t>(h) >= n_) return out;
  for (uint32_t k = mention_at_[h]; k < mention_at_[h + 1]; ++k) {
    const ActorMention& m = mentions_[k];
    if (!pronouns && m.resolution == ActorResolution::kCoreference) continue;
    ActorRef a(m.code, m.token_begin - s_.token_begin,
               m.token_end - s_.token_begin);
    a.agent_only = m.agent_only;
    out.push_back(std::move(a));
  }
  return out;
}

bool Coder::Run::InMatch(int i) const {
  const uint32_t t = s_.token_begin + static_cast<uint32_t>(i);
  for (const ActorEntryMatch& m : matches_)
    if (m.token_begin <= t && t < m.token_end) return true;
  return false;
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
