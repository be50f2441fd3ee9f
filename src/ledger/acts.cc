// Acts the ledger reads itself to link them to pledges: what a party did
// in violating an agreement, a party renouncing its own pledge, a state
// brought back into an agreement.

#include <string>
#include <vector>

#include "ledger/agreement_words.h"
#include "ledger/clauses.h"
#include "ledger/extractor.h"
#include "text/chars.h"

namespace curlew::ledger_extract {

// The act verb `v` reports of `actor`: its lemma and its words after it
// (objects and modifiers; not a clause or an aside set off after them).
LedgerAct Extractor::ActAt(const Tree& t, uint32_t s, uint32_t v,
                           const std::string& actor, LedgerAct::Kind kind,
                           const std::string& date, bool violation) const {
  LedgerAct act;
  act.kind = kind;
  act.actor = actor;
  act.lemma = t.lemma(v);
  act.violation = violation;
  uint32_t first, last;
  t.Range(v, &first, &last);
  for (uint32_t k : t.kids(v)) {
    if (k < v ||
        (t.rel(k) != "parataxis" && t.rel(k) != "advcl" && t.rel(k) != "punct"))
      continue;
    uint32_t f, l;
    t.Range(k, &f, &l);
    if (f > v && f - 1 < last) last = f - 1;
  }
  while (last > v && t.tok(last).upos == "PUNCT") --last;
  act.words = act.lemma;
  if (last > v) {
    act.words += ' ';
    act.words += text::AsciiLower(t.SpanText(v + 1, last));
  }
  act.date = date;
  act.source =
      SourceRef{doc_.id, s, std::string(doc_.SpanText(doc_.sentences[s].span))};
  return act;
}

// "Russia no longer considers itself bound by its moratorium on deploying
// intermediate-range missiles", "is no longer bound by its pledge not to
// ...": a party renouncing its own pledge of that act.
void Extractor::Renounced(const Tree& t, uint32_t s, LedgerInput& in) const {
  for (uint32_t b = 0; b < t.size(); ++b) {
    if (!In(t.lemma(b), {"bound", "bind"})) continue;
    // ("considers itself bound": the verb it completes says "no longer")
    const uint32_t v = t.rel(b) == "xcomp" && t.head(b) >= 0
                           ? static_cast<uint32_t>(t.head(b))
                           : b;
    if (!NoLonger(t, v) && !NoLonger(t, b)) continue;
    const int subj = t.Child(v, {"nsubj", "nsubj:pass"});
    if (subj < 0) continue;
    for (uint32_t n = b + 1; n < t.size(); ++n) {
      if (!In(t.lemma(n), {"moratorium", "pledge", "commitment", "promise",
                           "undertaking", "vow", "obligation", "ban"}) ||
          !t.HasChildLemma(n, {"case"}, {"by"}))
        continue;
      // Its act: "on deploying ...", "not to deploy ...".
      int g = -1;
      for (uint32_t k : t.kids(n))
        if (g < 0 && t.tok(k).upos == "VERB" &&
            (t.rel(k).starts_with("acl") || t.rel(k).starts_with("nmod")))
          g = static_cast<int>(k);
      if (g < 0) break;
      for (const std::string& a :
           CodesWithConjuncts(t, static_cast<uint32_t>(subj)))
        if (IsParty(a))
          in.acts.push_back(ActAt(t, s, static_cast<uint32_t>(g), a,
                                  LedgerAct::Kind::kRenounced,
                                  DateAt(s, t.abs(v)), false));
      break;
    }
  }
}

// "Biden signed a document to bring the United States back into the Paris
// agreement": bringing a state back into an agreement is its rejoining,
// an act done when the verb (or the act it is the purpose of) is.
void Extractor::BroughtBack(const Tree& t, uint32_t s, LedgerInput& in) const {
  for (uint32_t v = 0; v < t.size(); ++v) {
    if (t.lemma(v) != "bring" || !t.HasChildLemma(v, {"advmod"}, {"back"}))
      continue;
    int into = -1;
    for (uint32_t k = v + 1; k < t.size() && into < 0; ++k)
      if (IsAgreementNoun(t, k) && t.HasChildLemma(k, {"case"}, {"into", "to"}))
        into = static_cast<int>(k);
    const int obj = t.Child(v, {"obj"});
    if (into < 0 || obj < 0) continue;
    // (the act whose purpose it is: "signed a document to bring ...")
    uint32_t done = v;
    if (t.HasChildLemma(v, {"mark"}, {"to"}) && t.head(v) >= 0)
      done = static_cast<uint32_t>(t.head(v));
    if (IsNonFactual(t, done) || IsNegated(t, done) ||
        (done != v && t.tok(done).upos != "VERB"))
      continue;
    for (const std::string& a :
         CodesWithConjuncts(t, static_cast<uint32_t>(obj))) {
      if (!IsParty(a)) continue;
      LedgerAct act = ActAt(t, s, v, a, LedgerAct::Kind::kDone,
                            DateAt(s, t.abs(done)), false);
      act.lemma = "rejoin";
      in.acts.push_back(std::move(act));
    }
  }
}

}  // namespace curlew::ledger_extract
