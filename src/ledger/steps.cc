// The lifecycle step a verb reports about the agreement noun it governs.

#include "ledger/steps.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "ledger/clauses.h"

namespace curlew::ledger_extract {

namespace {

bool IsLegislature(const Tree& t, uint32_t i) {
  const std::string& l = t.lemma(i);
  return In(l, {"parliament", "assembly", "congress", "legislature", "senate",
                "duma", "knesset", "bundestag", "lawmaker", "legislator",
                "majlis"}) ||
         (t.text(i).size() >= 3 &&
          std::all_of(t.text(i).begin(), t.text(i).end(),
                      [](char c) { return std::isupper(c); }));
}

// The verb "agree" with a subject within three heads above `v` (the parse
// may hang "in a deal" on a verb or a noun of the agreed clause), or -1.
int AgreeingVerb(const Tree& t, uint32_t v) {
  int a = static_cast<int>(v);
  for (int hops = 0; a >= 0 && hops < 3 && t.lemma(a) != "agree"; ++hops)
    a = t.head(a);
  return a >= 0 && t.lemma(a) == "agree" && t.Child(a, {"nsubj"}) >= 0 ? a : -1;
}

}  // namespace

// Steps a party takes on its own: recorded only when the text says which.
bool IsPartyStep(StepKind k) {
  switch (k) {
    case StepKind::kRatified:
    case StepKind::kApproved:
    case StepKind::kSuspended:
    case StepKind::kResumed:
    case StepKind::kWithdrawn:
    case StepKind::kAcceded:
    case StepKind::kDeposited:
    case StepKind::kSubmitted:
      return true;
    default:
      return false;
  }
}

// The lifecycle step the verb governing agreement noun `n` reports.
StepVerb StepFor(const Tree& t, uint32_t n) {
  StepVerb sv;
  int h = t.head(n);
  if (h < 0) return sv;
  uint32_t v = static_cast<uint32_t>(h);
  std::string r(t.rel(n));
  const std::string& l = t.lemma(v);
  std::string base = r.substr(0, r.find(':'));
  // "proposed a draft treaty with X ..., and a separate draft agreement
  // with Y" parsed with the second noun conjoined to the verb: another
  // object of it.
  if (base == "conj" && t.tok(v).upos == "VERB" && n > v &&
      t.tok(n).upos == "NOUN") {
    const int obj = t.Child(v, {"obj"});
    if (obj >= 0 && static_cast<uint32_t>(obj) < n) base = "obj";
  }
  // A parse that split the agreement's phrase ("the New START | nuclear
  // arms reduction treaty" as an apposition, "the ... Forces | Treaty" as
  // an object of a noun): the step is the one of the phrase's other part.
  const std::string& hpos = t.tok(v).upos;
  if ((hpos == "NOUN" || hpos == "PROPN") &&
      (base == "appos" || base == "obj" || base == "flat" || base == "conj") &&
      (v + 1 == n || base == "appos" || base == "conj"))
    return StepFor(t, v);
  // A title the parse split at "of" ("the Exchange | of Naval Nuclear
  // Propulsion Information Agreement"): both parts capitalised.
  auto capital = [&](uint32_t i) {
    std::string_view w = t.text(i);
    return !w.empty() && std::isupper(static_cast<unsigned char>(w[0]));
  };
  if (hpos == "PROPN" && base == "nmod" && v < n && capital(v) && capital(n) &&
      t.HasChildLemma(n, {"case"}, {"of"}))
    return StepFor(t, v);
  // "suspended its obligations under the treaty", "suspended its
  // participation in the deal": the step the verb takes on the party's
  // part of the agreement is a step of the agreement.
  if ((base == "nmod" || base == "obl") &&
      In(l, {"commitment", "obligation", "participation", "membership",
             "implementation", "part", "limit", "cap", "text", "terms"}) &&
      !t.rel(v).starts_with("nmod") && !t.rel(v).starts_with("obl")) {
    // ("abandoned the last limits under the deal": leaving a part of it is
    // a partial suspension, not a withdrawal.)
    StepVerb part = StepFor(t, v);
    if (part.found && part.step == StepKind::kWithdrawn)
      part.step = StepKind::kSuspended;
    return part;
  }
  auto set = [&](StepKind k) {
    sv.found = true;
    sv.step = k;
    sv.verb = v;
  };
  // "Iran has exceeded the limit on its stockpile set by its nuclear deal",
  // "has begun enriching uranium above the purity allowed under its
  // nuclear deal": going past what the agreement sets is violating it.
  if ((base == "obl" || base == "nmod") && t.tok(v).xpos == "VBN" &&
      In(l, {"set", "allow", "permit", "fix", "impose", "agree", "lay",
             "specify"}) &&
      t.rel(v).starts_with("acl") && t.head(v) >= 0) {
    const uint32_t bound = static_cast<uint32_t>(t.head(v));
    int w = -1;
    const int bh = t.head(bound);
    if (bh >= 0 && t.rel(bound) == "obj" &&
        In(t.lemma(static_cast<uint32_t>(bh)),
           {"exceed", "breach", "surpass", "overstep", "break", "pass"}))
      w = bh;
    if (w < 0 &&
        t.HasChildLemma(bound, {"case"}, {"above", "beyond", "over", "past"}))
      for (int x = bh, hops = 0; x >= 0 && hops < 2 && w < 0;
           x = t.head(x), ++hops)
        if (t.tok(x).upos == "VERB") w = x;
    if (w >= 0) {
      sv.found = true;
      sv.step = StepKind::kViolated;
      sv.verb = static_cast<uint32_t>(w);
      sv.subj = t.Child(sv.verb, {"nsubj"});
      // ("has begun enriching ...": the subject of the verb it completes)
      if (sv.subj < 0 && t.head(w) >= 0 &&
          In(t.rel(sv.verb), {"xcomp", "advcl", "conj"}))
        sv.subj = t.Child(static_cast<uint32_t>(t.head(w)), {"nsubj"});
      return sv;
    }
  }
  // "Iran suspended some of its commitments under the deal", "abandoned
  // the limits on its stockpile under the deal": what a party sets aside
  // under an agreement (the verb within two nouns up) is a partial
  // suspension of it.
  const bool in_participation =
      t.HasChildLemma(n, {"case"}, {"in"}) &&
      t.HasChildLemma(v, {"obj"}, {"participation", "membership"});
  if ((base == "nmod" || base == "obl") &&
      (t.HasChildLemma(n, {"case"}, {"under"}) || in_participation)) {
    int w = static_cast<int>(v);
    for (int hops = 0; w >= 0 && hops < 2 && t.tok(w).upos != "VERB"; ++hops)
      w = t.head(w);
    if (w >= 0 && t.tok(w).upos == "VERB" &&
        In(t.lemma(w), {"suspend", "freeze", "abandon"})) {
      sv.found = true;
      sv.step = StepKind::kSuspended;
      sv.verb = static_cast<uint32_t>(w);
      return sv;
    }
  }
  // "Russia's withdrawal from the treaty took effect": a withdrawal that
  // takes effect is the step (an announced one is not).
  if ((base == "nmod" || base == "obl") && In(l, {"withdrawal", "exit"}) &&
      t.HasChildLemma(n, {"case"}, {"from"}) && t.rel(v) == "nsubj" &&
      t.head(v) >= 0) {
    const uint32_t w = static_cast<uint32_t>(t.head(v));
    int o = t.Child(w, {"obl", "obj"});
    std::string ol = o >= 0 ? t.lemma(static_cast<uint32_t>(o)) : "";
    if ((t.lemma(w) == "take" && ol == "effect") ||
        (In(t.lemma(w), {"enter", "come"}) && In(ol, {"force", "effect"}))) {
      sv.found = true;
      sv.step = StepKind::kWithdrawn;
      sv.verb = w;
    }
    return sv;
  }
  // "Legislation to implement Britain's withdrawal agreement received royal
  // assent", "a bill implementing the treaty was passed": the approval of
  // the state that owns the agreement's phrase ("Britain's").
  if (base == "obj" && l == "implement" && t.rel(v).starts_with("acl") &&
      t.head(v) >= 0) {
    const uint32_t bill = static_cast<uint32_t>(t.head(v));
    const int w = t.head(bill);
    // (The parse may hang "received royal assent" anywhere.)
    int assent_verb = -1;
    for (uint32_t i = n + 1; i < t.size() && assent_verb < 0; ++i)
      if (t.lemma(i) == "receive" && t.HasChildLemma(i, {"obj"}, {"assent"}))
        assent_verb = static_cast<int>(i);
    if (In(t.lemma(bill), {"legislation", "bill", "law", "act"}) &&
        (w >= 0 || assent_verb >= 0)) {
      const uint32_t wv =
          static_cast<uint32_t>(assent_verb >= 0 ? assent_verb : w);
      const bool assent = assent_verb >= 0;
      const bool passed = In(t.lemma(wv), {"pass", "approve", "adopt"}) &&
                          t.rel(bill).starts_with("nsubj:pass");
      const int owner = t.Child(n, {"nmod:poss"});
      if ((assent || passed) && owner >= 0) {
        sv.found = true;
        sv.step = StepKind::kApproved;
        sv.verb = wv;
        sv.subj = owner;
      }
    }
    return sv;
  }
  // "agreed to normalise relations in a deal brokered by the United
  // States": the phrase hung on the agreed clause's object.
  if (base == "nmod" && t.tok(v).upos == "NOUN" &&
      t.HasChildLemma(n, {"case"}, {"in"}))
    if (const int a = AgreeingVerb(t, v); a >= 0) {
      sv.found = true;
      sv.step = StepKind::kNegotiated;
      sv.verb = static_cast<uint32_t>(a);
      return sv;
    }
  if (base == "obj" || r == "nsubj:pass" || r == "dobj") {
    if (In(l, {"sign", "ink", "conclude", "seal", "finalize", "finalise"}))
      set(StepKind::kSigned);
    else if (l == "ratify")
      set(StepKind::kRatified);
    else if (In(l, {"approve", "pass"}))
      set(StepKind::kApproved);
    else if (l == "endorse")
      set(StepKind::kEndorsed);
    else if (In(l, {"bring", "put"}) &&
             t.HasChildLemma(v, {"obl"}, {"force", "effect"}))
      set(StepKind::kEnteredIntoForce);  // "bringing the pact into force"
    else if (In(l, {"adopt", "reach", "strike", "negotiate", "agree", "broker",
                    "announce", "unveil"}))
      set(StepKind::kNegotiated);
    else if (In(l, {"initial", "initialle"}))
      set(StepKind::kInitialled);
    else if (In(l, {"propose", "draft"}))
      set(StepKind::kProposed);
    else if (l == "deposit")
      set(StepKind::kDeposited);
    else if (In(l, {"join", "rejoin"}))
      set(StepKind::kAcceded);
    else if (In(l, {"extend", "renew", "prolong"}))
      set(StepKind::kExtended);
    else if (l == "submit")
      set(StepKind::kSubmitted);
    else if (In(l, {"send", "refer", "forward"})) {
      int o = t.Child(v, {"obl"});
      if (o >= 0 && IsLegislature(t, o)) set(StepKind::kSubmitted);
    } else if (In(l, {"suspend", "freeze"}))
      set(StepKind::kSuspended);
    else if (l == "resume")
      set(StepKind::kResumed);
    else if (In(l,
                {"quit", "exit", "abandon", "leave", "renounce", "denounce"}))
      set(StepKind::kWithdrawn);
    else if (In(l, {"scrap", "terminate", "abrogate", "cancel", "end"}))
      set(StepKind::kTerminated);
    else if (In(l, {"violate", "breach", "break"}))
      set(StepKind::kViolated);
    else if (l == "shatter")  // "shattering the ceasefire": it is over
      set(StepKind::kCollapsed);
  } else if (base == "obl") {
    bool from = t.HasChildLemma(n, {"case"}, {"from", "of"});
    bool to = t.HasChildLemma(n, {"case"}, {"to"});
    // "agreed (to restore ties) in a deal brokered by China": the deal is
    // what they agreed.
    if (t.HasChildLemma(n, {"case"}, {"in"})) {
      if (const int a = AgreeingVerb(t, v); a >= 0) {
        sv.found = true;
        sv.step = StepKind::kNegotiated;
        sv.verb = static_cast<uint32_t>(a);
        return sv;
      }
    }
    // "Israel and Hamas have agreed to a ceasefire", "agreed on a deal".
    if (l == "agree" && t.HasChildLemma(n, {"case"}, {"to", "on", "upon"}) &&
        t.Child(v, {"nsubj"}) >= 0)
      set(StepKind::kNegotiated);

    else if (from && (l == "withdraw" || l == "pull" || l == "exit"))
      set(StepKind::kWithdrawn);
    else if (to && In(l, {"accede", "return", "adhere"}))
      set(StepKind::kAcceded);
  } else if (base == "nsubj") {
    // "the treaty entered into force", "the deal took effect".
    int o = t.Child(v, {"obl", "obj"});
    std::string ol = o >= 0 ? t.lemma(o) : "";
    if ((In(l, {"enter", "come", "go"}) && In(ol, {"force", "effect"})) ||
        (l == "take" && ol == "effect"))
      set(StepKind::kEnteredIntoForce);
    else if (In(l, {"collapse"}))
      set(StepKind::kCollapsed);
    else if (In(l, {"expire", "lapse"}))
      set(StepKind::kExpired);
    else if (l == "end")
      set(StepKind::kTerminated);
    // "the Minsk agreements no longer existed": declared dead.
    else if (l == "exist" && NoLonger(t, v))
      set(StepKind::kCollapsed);
  }
  return sv;
}

// "New START, the last treaty limiting ..., expired on Thursday" parsed
// with the name as the root and the verb hung elsewhere: the first finite
// verb after it with no subject of its own says what happened to it.
StepVerb RootSubjectStep(const Tree& t, uint32_t n) {
  StepVerb sv;
  if (t.rel(n) != "root") return sv;
  for (uint32_t v = n + 1; v < t.size(); ++v) {
    if (t.tok(v).upos != "VERB" || !In(t.tok(v).xpos, {"VBD", "VBZ", "VBP"}))
      continue;
    if (t.Child(v, {"nsubj"}) >= 0) continue;
    const std::string& l = t.lemma(v);
    int o = t.Child(v, {"obl", "obj"});
    std::string ol = o >= 0 ? t.lemma(static_cast<uint32_t>(o)) : "";
    sv.verb = v;
    if ((In(l, {"enter", "come", "go"}) && In(ol, {"force", "effect"})) ||
        (l == "take" && ol == "effect"))
      sv.step = StepKind::kEnteredIntoForce;
    else if (l == "collapse")
      sv.step = StepKind::kCollapsed;
    else if (In(l, {"expire", "lapse"}))
      sv.step = StepKind::kExpired;
    else
      return sv;  // (the first such verb only)
    sv.found = true;
    return sv;
  }
  return sv;
}

// "The agreement entered into force on Friday" parsed with the verb as a
// participle modifying the noun: the entry into force it states.
StepVerb EntryIntoForceModifier(const Tree& t, uint32_t n) {
  StepVerb sv;
  for (uint32_t v : t.kids(n)) {
    if (!t.rel(v).starts_with("acl") ||
        (t.tok(v).xpos != "VBD" && t.tok(v).xpos != "VBN"))
      continue;
    int o = t.Child(v, {"obl", "obj"});
    std::string ol = o >= 0 ? t.lemma(static_cast<uint32_t>(o)) : "";
    const std::string& l = t.lemma(v);
    if ((In(l, {"enter", "come"}) && In(ol, {"force", "effect"})) ||
        (l == "take" && ol == "effect")) {
      sv.found = true;
      sv.step = StepKind::kEnteredIntoForce;
      sv.verb = v;
    }
  }
  return sv;
}

}  // namespace curlew::ledger_extract
