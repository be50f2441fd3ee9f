// Accession to an organisation whose members the ledger knows: one
// agreement per applicant ("accession protocol for Finland"), and a state
// joining the organisation.

#include "ledger/extractor.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "ledger/clauses.h"
#include "ledger/steps.h"

namespace curlew::ledger_extract {

// Records mention `m`; for an accession phrase, one mention for each
// applicant's protocol (a step the organisation's members took together
// is a step of each member on that date).
void Extractor::Push(AgreementMention m, const Accession& acc,
                     LedgerInput& in) const {
  if (acc.names.empty()) {
    in.agreements.push_back(std::move(m));
    return;
  }
  m.kind = "accession";
  std::vector<std::string> parties;
  if (m.has_step && !acc.org.empty() && members_ != nullptr &&
      (m.actor == acc.org ||
       (m.actor.empty() && Contains(m.parties, Party(acc.org))))) {
    m.actor.clear();
    parties = members_->MembersOn(acc.org, m.date);
  }
  m.parties = std::move(parties);
  for (const std::string& name : acc.names) {
    AgreementMention one = m;
    one.name = name;
    in.agreements.push_back(std::move(one));
  }
}

// "Finland and Sweden formally applied to join NATO": the applicants a
// later "the bids", "their applications" stand for.
void Extractor::RememberApplicants(const Tree& t, uint32_t s) {
  if (members_ == nullptr) return;
  for (uint32_t v = 0; v < t.size(); ++v) {
    if (t.lemma(v) != "apply") continue;
    const int join = t.Child(v, {"xcomp"});
    const int subj = t.Child(v, {"nsubj"});
    if (join < 0 || subj < 0 || t.lemma(static_cast<uint32_t>(join)) != "join")
      continue;
    const int o = t.Child(static_cast<uint32_t>(join), {"obj"});
    const std::string org = o >= 0 ? OrgAt(t, static_cast<uint32_t>(o)) : "";
    if (org.empty()) continue;
    const std::string date = DateAt(s, t.abs(v));
    std::vector<std::string> names, codes;
    auto applicant = [&](uint32_t i) {
      const std::string code = Code(t, i);
      if (code.size() < 3 || !IsParty(code) || code.starts_with("IGO") ||
          members_->MemberBefore(org, code.substr(0, 3), date))
        return;
      names.push_back("accession protocol for " + NameText(t, i));
      codes.push_back(code.substr(0, 3));
    };
    applicant(static_cast<uint32_t>(subj));
    for (uint32_t k : t.kids(static_cast<uint32_t>(subj)))
      if (t.rel(k) == "conj") applicant(k);
    if (names.empty()) continue;
    applied_org_ = org;
    applicants_ = std::move(names);
    applicant_codes_ = std::move(codes);
  }
}

// True if noun `n` is "the bids", "their applications": the applications
// to join the report told of before.
bool Extractor::TheApplications(const Tree& t, uint32_t n) const {
  if (applicants_.empty() || !In(t.lemma(n), {"bid", "application"}) ||
      t.Child(n, {"acl"}) >= 0 ||
      !t.HasChildLemma(n, {"det", "nmod:poss"}, {"the", "their"}))
    return false;
  for (uint32_t k : t.kids(n))
    if (t.rel(k).starts_with("nmod") && t.lemma(k) != "they" &&
        !Code(t, k).empty())
      return false;  // ("Sweden's bid": its own applicant)
  return true;
}

// An organisation the membership table knows, named at token i.
std::string Extractor::OrgAt(const Tree& t, uint32_t i) const {
  if (members_ == nullptr) return "";
  std::string code = Code(t, i);
  return !code.empty() && members_->Knows(code) ? code : "";
}

// A state's name as the text gives it, with the words of its name
// ("North Macedonia").
std::string Extractor::NameText(const Tree& t, uint32_t i) {
  uint32_t first = i, last = i;
  while (first > 0 && t.head(first - 1) == static_cast<int>(i) &&
         (t.rel(first - 1) == "compound" || t.rel(first - 1) == "flat"))
    --first;
  while (last + 1 < t.size() && t.head(last + 1) == static_cast<int>(i) &&
         t.rel(last + 1) == "flat")
    ++last;
  return t.SpanText(first, last);
}

// Fills `acc` if noun `n` names states' accession to an organisation the
// membership table knows: "Finland's accession to NATO", "the accession
// of Finland and Sweden to NATO", "Finland's membership of NATO",
// "Sweden's NATO membership", "Sweden's bid to join NATO", "Sweden's NATO
// accession protocol", "accession protocols for Finland and Sweden" (the
// organisation named elsewhere in the sentence or earlier in the report).
// The applicants are the states named in the phrase that were not yet
// members on its date.
bool Extractor::AccessionPhrase(const Tree& t, uint32_t s, uint32_t n,
                                Accession* acc) {
  if (members_ == nullptr) return false;
  const std::string& l = t.lemma(n);
  const std::string& upos = t.tok(n).upos;
  if (upos != "NOUN" && upos != "PROPN") return false;
  const bool protocol = In(l, {"protocol", "protocols"}) &&
                        t.HasChildLemma(n, {"compound", "amod"}, {"accession"});
  if (TheApplications(t, n)) {
    acc->org = applied_org_;
    acc->names = applicants_;
    last_group_ =
        applicants_.size() >= 2 ? applicants_ : std::vector<std::string>{};
    return true;
  }
  if (!protocol && !In(l, {"accession", "membership", "bid"})) return false;
  // ("accession" modifying "protocol" is read with the protocol.)
  if (l == "accession" && t.head(n) >= 0 &&
      In(t.lemma(static_cast<uint32_t>(t.head(n))), {"protocol"}))
    return false;
  uint32_t first, last;
  t.Range(n, &first, &last);
  std::string org;
  for (uint32_t i = first; i <= last && org.empty(); ++i) org = OrgAt(t, i);
  if (org.empty() && protocol) {
    for (uint32_t i = 0; i < t.size() && org.empty(); ++i) org = OrgAt(t, i);
    if (org.empty()) org = last_org_;
  }
  // ("the accession protocols of Sweden and Finland" in a report that
  // names no organisation: the applicants' protocols all the same,
  // without the membership checks.)
  if (org.empty() && !protocol) return false;
  // "a bid" is an accession only as a bid to join.
  if (l == "bid" && t.Child(n, {"acl"}) < 0) return false;
  StepVerb sv = StepFor(t, n);
  const std::string date = sv.found ? DateAt(s, t.abs(sv.verb)) : doc_.date;
  std::vector<std::string> names;
  auto applicant = [&](uint32_t i) {
    std::string code = Code(t, i);
    if (code.size() < 3 || !IsParty(code) || code.starts_with("IGO")) return;
    if (!org.empty() && members_->MemberBefore(org, code.substr(0, 3), date))
      return;
    std::string name = "accession protocol for " + NameText(t, i);
    if (!Contains(names, name)) names.push_back(std::move(name));
  };
  for (uint32_t k : t.kids(n)) {
    std::string_view r = t.rel(k);
    if (r != "nmod:poss" && r != "nmod" && r != "compound") continue;
    if (r == "nmod" && !t.HasChildLemma(k, {"case"}, {"of", "for"})) continue;
    applicant(k);
    for (uint32_t c : t.kids(k))
      if (t.rel(c) == "conj") applicant(c);
  }
  if (names.empty()) return false;
  acc->org = org;
  acc->names = names;
  last_group_ = names.size() >= 2 ? names : std::vector<std::string>{};
  return true;
}

// "Finland joined NATO on Tuesday": a state that was not a member joins
// an organisation whose members the table knows: its accession, and the
// entry into force of its accession protocol.
void Extractor::Joined(const Tree& t, uint32_t s, LedgerInput& in) const {
  if (members_ == nullptr) return;
  for (uint32_t v = 0; v < t.size(); ++v) {
    if (!In(t.lemma(v), {"join", "rejoin"}) || t.tok(v).upos != "VERB" ||
        !In(t.tok(v).xpos, {"VBD", "VBZ", "VBP", "VBN"}))
      continue;
    int o = t.Child(v, {"obj"});
    int subj = t.Child(v, {"nsubj"});
    if (o < 0 || subj < 0) continue;
    const std::string org = OrgAt(t, static_cast<uint32_t>(o));
    const std::string code = Code(t, static_cast<uint32_t>(subj));
    if (org.empty() || code.size() < 3 || !IsParty(code) ||
        code.starts_with("IGO"))
      continue;
    if (IsNonFactual(t, v) || IsNegated(t, v)) continue;
    const std::string date = DateAt(s, t.abs(v));
    if (members_->MemberBefore(org, code.substr(0, 3), date)) continue;
    AgreementMention m;
    m.source = SourceRef{doc_.id, s, in.sentences[s]};
    m.name =
        "accession protocol for " + NameText(t, static_cast<uint32_t>(subj));
    m.kind = "accession";
    m.has_step = true;
    m.step = StepKind::kAcceded;
    m.actor = code;
    m.actor_text = t.SubtreeText(static_cast<uint32_t>(subj));
    m.date = date;
    in.agreements.push_back(m);
    m.step = StepKind::kEnteredIntoForce;
    m.actor.clear();
    m.actor_text.clear();
    in.agreements.push_back(std::move(m));
  }
}

}  // namespace curlew::ledger_extract
