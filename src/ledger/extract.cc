#include "ledger/extract.h"

#include <string>
#include <vector>

#include "curlew/time.h"
#include "ledger/extractor.h"
#include "ledger/titles.h"
#include "text/chars.h"

namespace curlew {
namespace ledger_extract {

Extractor::Extractor(const Document& doc,
                     const std::vector<std::string>& countries,
                     const LedgerKnowledge* knowledge)
    : doc_(doc),
      countries_(countries),
      members_(knowledge != nullptr ? &knowledge->memberships : nullptr),
      aliases_(knowledge != nullptr ? &knowledge->aliases : nullptr),
      mention_at_(doc.tokens.size() + 1) {
  // Where each head word's actor mentions start in doc.actor_mentions.
  for (const ActorMention& m : doc.actor_mentions)
    if (m.head < doc.tokens.size()) ++mention_at_[m.head + 1];
  for (size_t i = 0; i < doc.tokens.size(); ++i)
    mention_at_[i + 1] += mention_at_[i];
}

LedgerInput Extractor::Run() {
  LedgerInput in;
  in.doc_id = doc_.id;
  in.doc_date = doc_.date;
  for (uint32_t s = 0; s < doc_.sentences.size(); ++s)
    in.sentences.emplace_back(doc_.SpanText(doc_.sentences[s].span));
  for (uint32_t s = 0; s < doc_.sentences.size(); ++s) {
    Tree t(doc_, s);
    if (t.size() == 0 || t.tok(0).head < 0) continue;  // not parsed
    Agreements(t, s, in);
    Joined(t, s, in);
    AgreedToStopFighting(t, s, in);
    for (uint32_t i = 0; i < t.size(); ++i)
      if (std::string org = OrgAt(t, i); !org.empty()) last_org_ = org;
    // "It became known as Minsk II": a title given to the agreement the
    // document is about.
    if (called_title_.empty()) {
      std::string called = CalledTitle(t, -1);
      if (!called.empty()) called_title_ = called;
    }
    Commitments(t, s, in);
    Renounced(t, s, in);
    BroughtBack(t, s, in);
    RememberStatePairs(t);
    RememberSubjectState(t);
    RememberApplicants(t, s);
  }
  // A title the report gives ("The treaty, known as New START") names
  // the agreement its other words ("signed a treaty") refer to.
  if (!called_title_.empty())
    for (AgreementMention& m : in.agreements)
      if (m.name.empty()) m.name = called_title_;
  // An agreement known by another name is recorded under its title.
  if (aliases_ != nullptr)
    for (AgreementMention& m : in.agreements)
      if (std::string title = aliases_->TitleOf(m.name); !title.empty())
        m.name = std::move(title);
  in.events = doc_.events;
  // Keep only the sentences a ledger record or an event points to.
  std::vector<bool> used(in.sentences.size(), false);
  for (const auto& m : in.agreements) used[m.source.sentence] = true;
  for (const auto& c : in.commitments) used[c.source.sentence] = true;
  for (const auto& a : in.acts) used[a.source.sentence] = true;
  for (const Event& e : in.events)
    if (e.sentence < used.size()) used[e.sentence] = true;
  for (size_t i = 0; i < used.size(); ++i)
    if (!used[i]) in.sentences[i].clear();
  for (const Event& e : doc_.events) {
    const int k = e.trigger_token;
    std::string lemma;
    if (k >= 0 && static_cast<size_t>(k) < doc_.tokens.size()) {
      const Token& tok = doc_.tokens[k];
      lemma = tok.lemma.empty() ? text::AsciiLower(tok.norm) : tok.lemma;
      if (LiftsObjections(e, static_cast<uint32_t>(k))) lemma = "approve";
    }
    in.event_lemmas.push_back(lemma);
  }
  return in;
}

// "Turkey lifted its objections to Finland and Sweden joining NATO":
// dropping one's objections (opposition, veto) to something is approving
// it, which reverses a refusal to approve it.
bool Extractor::LiftsObjections(const Event& e, uint32_t k) const {
  const Token& tok = doc_.tokens[k];
  const std::string lemma =
      tok.lemma.empty() ? text::AsciiLower(tok.norm) : tok.lemma;
  if (!In(lemma, {"lift", "drop", "withdraw", "abandon"}) ||
      e.sentence >= doc_.sentences.size())
    return false;
  Tree t(doc_, e.sentence);
  for (uint32_t i = 0; i < t.size(); ++i)
    if (t.abs(i) == k)
      return t.HasChildLemma(
          i, {"obj"}, {"objection", "opposition", "veto", "reservation"});
  return false;
}

std::string Extractor::DateAt(uint32_t s, uint32_t abs_token) const {
  Result<EventDate> d = DateForEvent(doc_, s, static_cast<int>(abs_token));
  return d.ok() ? d->value : doc_.date;
}

}  // namespace ledger_extract

LedgerInput ExtractLedgerInput(const Document& doc,
                               const std::vector<std::string>& countries,
                               const LedgerKnowledge* knowledge) {
  return ledger_extract::Extractor(doc, countries, knowledge).Run();
}

}  // namespace curlew
