#include "ledger/extract.h"

#include <algorithm>
#include <cctype>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "curlew/time.h"
#include "syntax/tree.h"
#include "text/chars.h"

namespace curlew {
namespace {

bool In(std::string_view x, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set)
    if (x == s) return true;
  return false;
}

// A parsed sentence as the extractor reads it: the shared dependency-tree
// view (syntax/tree.h) and each word's lemma in lower case, so that a word
// tagged as a name ("Treaty", lemma "Treaty") still matches the word lists.
// Indices are sentence-relative and 0-based.
class Tree {
 public:
  Tree(const Document& doc, uint32_t sentence) : view_(doc, sentence) {
    lemmas_.reserve(view_.size());
    for (uint32_t i = 0; i < view_.size(); ++i) {
      const Token& t = view_.token(i);
      lemmas_.push_back(text::AsciiLower(t.lemma.empty() ? t.norm : t.lemma));
    }
  }
  uint32_t size() const { return view_.size(); }
  const Token& tok(uint32_t i) const { return view_.token(i); }
  uint32_t abs(uint32_t i) const { return view_.abs(i); }
  int head(uint32_t i) const { return view_.head(i); }
  std::string_view rel(uint32_t i) const { return view_.deprel(i); }
  const std::string& lemma(uint32_t i) const { return lemmas_[i]; }
  std::string_view text(uint32_t i) const { return view_.text(i); }
  std::span<const int> kids(uint32_t i) const { return view_.kids(i); }

  // The first child with one of the relations (a "rel:sub" matches "rel").
  int Child(uint32_t i, std::initializer_list<std::string_view> rels) const {
    for (uint32_t k : kids(i)) {
      std::string_view r = rel(k);
      std::string_view base = r.substr(0, r.find(':'));
      for (std::string_view want : rels)
        if (r == want || base == want) return static_cast<int>(k);
    }
    return -1;
  }
  bool HasChildLemma(uint32_t i, std::initializer_list<std::string_view> rels,
                     std::initializer_list<std::string_view> lemmas) const {
    for (uint32_t k : kids(i)) {
      std::string_view r = rel(k);
      std::string_view base = r.substr(0, r.find(':'));
      bool rel_ok = false;
      for (std::string_view want : rels) rel_ok |= r == want || base == want;
      if (rel_ok && In(lemma(k), lemmas)) return true;
    }
    return false;
  }
  // Subtree token range [first, last].
  void Range(uint32_t i, uint32_t* first, uint32_t* last) const {
    int lo = static_cast<int>(i), hi = static_cast<int>(i);
    view_.SubtreeRange(static_cast<int>(i), &lo, &hi);
    *first = static_cast<uint32_t>(lo);
    *last = static_cast<uint32_t>(hi);
  }
  std::string SpanText(uint32_t first, uint32_t last) const {
    if (first > last) return "";
    Span sp{tok(first).span.begin, tok(last).span.end};
    return std::string(view_.doc().SpanText(sp));
  }
  std::string SubtreeText(uint32_t i) const {
    uint32_t f, l;
    Range(i, &f, &l);
    return SpanText(f, l);
  }

 private:
  DependencyTree view_;
  std::vector<std::string> lemmas_;
};

bool IsSpeechVerb(std::string_view lemma) {
  return In(lemma, {"say", "tell", "announce", "state", "declare"});
}

// The verb of saying that reports the clause of `v` ("told a press
// conference that Turkey has pledged"), within three heads; -1 if none.
int ReportingVerbOf(const Tree& t, uint32_t v) {
  for (int cur = t.head(v), hops = 0; cur >= 0 && hops < 3;
       cur = t.head(cur), ++hops) {
    const std::string& l = t.lemma(static_cast<uint32_t>(cur));
    if (IsSpeechVerb(l) || In(l, {"add", "stress", "insist"})) return cur;
  }
  return -1;
}

bool IsNegated(const Tree& t, uint32_t v) {
  return t.HasChildLemma(v, {"advmod", "neg"}, {"not", "never", "n't"});
}

// True if the clause headed by `v` does not report something that happened:
// future or modal ("will ratify"), conditional or temporal-prospective
// ("before the treaty enters into force", "if", "unless"), or the complement
// of a verb of intention ("plans to sign").
bool IsNonFactual(const Tree& t, uint32_t v) {
  for (int cur = static_cast<int>(v), hops = 0; cur >= 0 && hops < 4;
       cur = t.head(cur), ++hops) {
    uint32_t c = static_cast<uint32_t>(cur);
    if (t.HasChildLemma(c, {"aux"},
                        {"will", "would", "could", "may", "might", "should",
                         "shall", "can", "must", "'ll", "wo"}))
      return true;
    if (t.HasChildLemma(
            c, {"mark"},
            {"before", "until", "if", "unless", "once", "whether", "till",
             // An earlier step recalled in passing ("less than a year
             // after it was adopted") is not dated by its sentence.
             "after", "since"}))
      return true;
    // "It is the second time Trump has pulled the country out of the
    // pact": a count of past acts, not one dated by the report.
    if (t.rel(c).starts_with("acl") && t.head(c) >= 0 &&
        t.lemma(static_cast<uint32_t>(t.head(c))) == "time")
      return true;
    // "clearing the way for it to take effect": a purpose, not a fact.
    if (t.HasChildLemma(c, {"mark"}, {"for"}) &&
        t.HasChildLemma(c, {"mark"}, {"to"}))
      return true;
    std::string_view r = t.rel(c);
    if (r == "xcomp" || r == "ccomp") {
      int h = t.head(c);
      if (h >= 0 && In(t.lemma(h),
                       {"plan", "expect", "want", "hope", "seek", "aim", "due",
                        "likely", "able", "ready", "scheduled", "poised",
                        "intend", "try", "wish", "set", "prepare", "refuse",
                        "threaten", "urge", "ask", "call", "demand", "fail",
                        // promised, not yet done ("have pledged to join it")
                        "pledge", "promise", "vow", "undertake", "offer",
                        // ordered, not yet done ("directing the United
                        // States to withdraw")
                        "direct", "instruct", "order", "tell"}))
        return true;
    }
    // Only climb out of clauses that depend on their head's truth.
    if (r != "conj" && r != "xcomp") break;
  }
  return false;
}

const char* KindOf(std::string_view lemma) {
  static const std::pair<std::string_view, const char*> kKinds[] = {
      {"extradition", "extradition"},
      {"trade", "trade"},
      {"free-trade", "trade"},
      {"commerce", "trade"},
      {"security", "security"},
      {"defence", "security"},
      {"defense", "security"},
      {"military", "security"},
      {"peace", "peace"},
      {"nuclear", "nuclear"},
      {"arms", "arms control"},
      {"border", "border"},
      {"gas", "energy"},
      {"energy", "energy"},
      {"oil", "energy"},
      {"climate", "climate"},
      {"investment", "investment"},
      {"migration", "migration"},
      {"migrant", "migration"},
      {"refugee", "migration"},
      {"grain", "grain"},
      {"fishing", "fisheries"},
      {"fishery", "fisheries"},
      {"water", "water"},
      {"waters", "water"},
      {"ceasefire", "ceasefire"},
      {"cease-fire", "ceasefire"},
      {"truce", "ceasefire"},
      {"armistice", "ceasefire"},
      {"tax", "tax"},
      {"visa", "visa"},
      {"readmission", "migration"},
      {"aviation", "aviation"},
      {"accession", "accession"},
      {"withdrawal", "withdrawal"},
      {"brexit", "withdrawal"},
      {"normalisation", "normalisation"},
      {"normalization", "normalisation"},
      // Political texts that need no ratification, by their form.
      {"memorandum", "memorandum"},
      {"declaration", "declaration"},
      {"statement", "declaration"},
  };
  for (const auto& [l, k] : kKinds)
    if (lemma == l) return k;
  return nullptr;
}

bool IsAgreementWord(std::string_view lemma) {
  return In(lemma,
            {"treaty", "accord", "agreement", "deal", "pact", "convention",
             "memorandum", "ceasefire", "cease-fire", "truce", "armistice",
             "protocol", "partnership", "declaration"});
}

// Nouns that name an agreement only as the last word of a capitalised
// title ("the Windsor Framework", "the Black Sea Grain Initiative"); in
// lower case they are common words ("a framework for talks").
bool IsTitleOnlyAgreementWord(std::string_view lemma) {
  return In(lemma, {"framework", "initiative"});
}

bool IsAgreementNoun(const Tree& t, uint32_t i) {
  const std::string& l = t.lemma(i);
  // "signed a joint statement": a declaration in all but name.
  if (l == "statement")
    return t.HasChildLemma(i, {"amod"}, {"joint"}) &&
           (t.tok(i).upos == "NOUN" || t.tok(i).upos == "PROPN");
  if (IsTitleOnlyAgreementWord(l)) {
    std::string_view w = t.text(i);
    return i > 0 && !w.empty() &&
           std::isupper(static_cast<unsigned char>(w[0])) &&
           t.tok(i - 1).upos == "PROPN";
  }
  if (!IsAgreementWord(l)) return false;
  const std::string& upos = t.tok(i).upos;
  if (!upos.empty() && upos != "NOUN" && upos != "PROPN") return false;
  if (l == "deal" && t.HasChildLemma(i, {"amod"}, {"great", "good"}))
    return false;
  // "in agreement with", "reach agreement on" are not named agreements
  // unless determined; keep "an agreement", "the agreement".
  if (l == "agreement" && t.HasChildLemma(i, {"case"}, {"in"})) return false;
  return true;
}

bool IsLegislature(const Tree& t, uint32_t i) {
  const std::string& l = t.lemma(i);
  return In(l, {"parliament", "assembly", "congress", "legislature", "senate",
                "duma", "knesset", "bundestag", "lawmaker", "legislator",
                "majlis"}) ||
         (t.text(i).size() >= 3 &&
          std::all_of(t.text(i).begin(), t.text(i).end(),
                      [](char c) { return std::isupper(c); }));
}

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

struct StepVerb {
  bool found = false;
  StepKind step = StepKind::kSigned;
  uint32_t verb = 0;
  int subj = -1;  // the actor when the parse gave the verb no subject
};

// "no longer" modifying verb `v`.
bool NoLonger(const Tree& t, uint32_t v) {
  for (uint32_t k : t.kids(v))
    if (t.rel(k) == "advmod" && In(t.lemma(k), {"long", "longer"}) &&
        t.HasChildLemma(k, {"advmod", "det"}, {"no"}))
      return true;
  return false;
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
      // (within three heads: the parse may hang the phrase on a verb of
      // the agreed clause)
      int a = static_cast<int>(v);
      for (int hops = 0; a >= 0 && hops < 3 && t.lemma(a) != "agree"; ++hops)
        a = t.head(a);
      if (a >= 0 && t.lemma(a) == "agree" && t.Child(a, {"nsubj"}) >= 0) {
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

// "NATO's 30 members signed accession protocols ..." parsed with "signed"
// as a participle modifying the agreement noun and the noun hanging on the
// word before it: that word is the subject of a verb the tagger missed.
StepVerb ParticipleAfterSubject(const Tree& t, uint32_t n) {
  StepVerb sv;
  for (uint32_t k : t.kids(n)) {
    if (t.rel(k) != "amod" || k == 0 || k > n ||
        (t.tok(k).xpos != "VBD" && t.tok(k).xpos != "VBN"))
      continue;
    const std::string& before = t.tok(k - 1).upos;
    if ((before != "NOUN" && before != "PROPN") ||
        t.head(n) != static_cast<int>(k - 1))
      continue;
    const std::string& l = t.lemma(k);
    if (l == "sign")
      sv.step = StepKind::kSigned;
    else if (l == "ratify")
      sv.step = StepKind::kRatified;
    else if (l == "approve")
      sv.step = StepKind::kApproved;
    else
      continue;
    sv.found = true;
    sv.verb = k;
    sv.subj = static_cast<int>(k - 1);
  }
  return sv;
}

// "has yet to ratify", "the only member yet to approve it": not done yet.
bool YetTo(const Tree& t, uint32_t v) {
  return v >= 2 && t.lemma(v - 1) == "to" && t.lemma(v - 2) == "yet";
}

// A state's accession to an organisation whose members the ledger knows
// ("Finland's accession to NATO", "Sweden's bid to join NATO", "accession
// protocols for Finland and Sweden"): the organisation and the applicants,
// each an agreement of its own (its accession protocol).
struct Accession {
  std::string org;
  std::vector<std::string> names;  // "accession protocol for Finland"
};

class Extractor {
 public:
  Extractor(const Document& doc, const std::vector<std::string>& countries,
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

  LedgerInput Run() {
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
      RememberStatePairs(t);
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
      }
      in.event_lemmas.push_back(lemma);
    }
    return in;
  }

 private:
  // The actor the phrase headed by doc_.tokens[head] names (its first
  // mention that is not an agent alone), "" if none.
  std::string CodeOf(uint32_t head) const {
    for (uint32_t k = mention_at_[head]; k < mention_at_[head + 1]; ++k)
      if (!doc_.actor_mentions[k].agent_only)
        return doc_.actor_mentions[k].code;
    return "";
  }

  // States (by the country part of the code) and intergovernmental
  // organisations; any actor when no countries are given.
  bool IsParty(std::string_view code) const {
    if (countries_.empty()) return !code.empty();
    if (code.size() < 3) return false;
    if (code.substr(0, 3) == "IGO") return true;
    return std::binary_search(countries_.begin(), countries_.end(),
                              code.substr(0, 3));
  }

  std::string Code(const Tree& t, uint32_t i) const {
    std::string code = CodeOf(t.abs(i));
    if (!code.empty()) return code;
    // An acronym defined earlier in parentheses: "Grand National Assembly
    // (TBMM)" lets a later "TBMM" be coded as the full name.
    std::string_view word = t.text(i);
    if (word.size() < 2 || !std::all_of(word.begin(), word.end(),
                                        [](char c) { return std::isupper(c); }))
      return "";
    for (uint32_t k = 2; k < doc_.tokens.size(); ++k) {
      if (doc_.TokenText(doc_.tokens[k]) != word) continue;
      if (k + 1 >= doc_.tokens.size()) break;
      if (doc_.tokens[k - 1].norm != "(" || doc_.tokens[k + 1].norm != ")")
        continue;
      return CodeOf(k - 2);
    }
    return "";
  }

  // Codes of the actors a phrase names: its head and its conjuncts.
  std::vector<std::string> CodesWithConjuncts(const Tree& t, uint32_t i) const {
    std::vector<std::string> out;
    std::string c = Code(t, i);
    if (!c.empty()) out.push_back(c);
    for (uint32_t k : t.kids(i))
      if (t.rel(k) == "conj") {
        std::string ck = Code(t, k);
        if (!ck.empty()) out.push_back(ck);
      }
    // "the foreign ministers of Armenia and Azerbaijan": the states the
    // role noun's "of" phrase names, when it names several.
    for (uint32_t k : t.kids(i)) {
      if (!t.rel(k).starts_with("nmod") ||
          !t.HasChildLemma(k, {"case"}, {"of"}) || t.Child(k, {"conj"}) < 0)
        continue;
      for (uint32_t c : t.kids(k))
        if (t.rel(c) == "conj")
          if (std::string cc = Code(t, c); !cc.empty()) {
            std::string first = Code(t, k);
            if (!first.empty() &&
                std::find(out.begin(), out.end(), first) == out.end())
              out.push_back(first);
            if (std::find(out.begin(), out.end(), cc) == out.end())
              out.push_back(cc);
          }
    }
    return out;
  }

  // A state by its three letters, an organisation by six ("IGOEUR").
  static std::string Party(const std::string& code) {
    bool org = code.starts_with("IGO") || code.starts_with("NGO") ||
               code.starts_with("IMG") || code.starts_with("MNC");
    return code.substr(0, std::min<size_t>(org ? 6 : 3, code.size()));
  }

  void AddParties(std::vector<std::string>& parties,
                  const std::vector<std::string>& codes) const {
    for (const auto& c : codes) {
      if (!IsParty(c)) continue;
      std::string p = Party(c);
      if (p.size() >= 3 &&
          std::find(parties.begin(), parties.end(), p) == parties.end())
        parties.push_back(p);
    }
  }

  std::string DateAt(uint32_t s, uint32_t abs_token) const {
    Result<EventDate> d = DateForEvent(doc_, s, static_cast<int>(abs_token));
    return d.ok() ? d->value : doc_.date;
  }

  // "from the fisheries accord" with "accord" tagged as a verb: a word of
  // the agreement list that ends a determiner-led run of nouns is that
  // phrase's noun. Returns the noun of the run that holds the phrase's
  // place in the tree ("fisheries", obl of "withdrew"), or -1.
  static int MistaggedAgreementNoun(const Tree& t, uint32_t n,
                                    uint32_t* first) {
    if (n < 2 || t.tok(n).upos != "VERB") return -1;
    // ("deal" is left out: as a verb it is common.)
    const std::string& l = t.lemma(n);
    if (l == "deal" || !IsAgreementWord(l)) return -1;
    uint32_t q = n;
    while (q > 0) {
      const std::string& up = t.tok(q - 1).upos;
      if (up != "NOUN" && up != "PROPN" && up != "ADJ") break;
      --q;
    }
    if (q == n || q == 0 || t.tok(q - 1).upos != "DET") return -1;
    *first = q - 1;
    for (uint32_t i = q; i < n; ++i) {
      int h = t.head(i);
      if (h < static_cast<int>(q - 1) || h > static_cast<int>(n))
        return static_cast<int>(i);
    }
    return -1;
  }

  void Agreements(const Tree& t, uint32_t s, LedgerInput& in) {
    for (uint32_t n = 0; n < t.size(); ++n) {
      bool pronoun = false;
      // An agreement word tagged as a verb: the noun before it holds the
      // phrase's place in the tree.
      uint32_t run_first = 0;
      const int anchor = MistaggedAgreementNoun(t, n, &run_first);
      Accession acc;
      const bool accession = anchor < 0 && AccessionPhrase(t, s, n, &acc);
      if (anchor < 0 && !accession && !IsAgreementNoun(t, n) &&
          !KnownName(t, n)) {
        // "ratified it", "ratify them": a pronoun object of a step verb,
        // once an agreement has been named in the document.
        if (!seen_agreement_ || !In(t.lemma(n), {"it", "they"})) continue;
        if (t.lemma(n) == "they" && t.rel(n) != "obj") continue;
        StepVerb sv = StepFor(t, n);
        if (!sv.found) continue;
        pronoun = true;
        // "them" after "accession protocols for Finland and Sweden": each.
        if (t.lemma(n) == "they") acc.names = last_group_;
      } else if (!accession && t.tok(n).xpos != "NNS") {
        // A single agreement named: "it", "them" no longer mean the group
        // ("the protocols" still may).
        last_group_.clear();
      }
      // "the Gaza ceasefire and hostage release agreement": a modifier of
      // another agreement noun is read with that noun's phrase.
      if (!pronoun && anchor < 0 && t.rel(n) == "compound" && t.head(n) >= 0 &&
          IsAgreementNoun(t, static_cast<uint32_t>(t.head(n))))
        continue;
      // "An earlier ceasefire", "the previous deal": another agreement
      // than the one the report is about, which the text does not
      // identify; it is not recorded.
      if (!pronoun &&
          t.HasChildLemma(n, {"amod"},
                          {"early", "earlier", "previous", "prior", "former"}))
        continue;
      AgreementMention m;
      m.source = SourceRef{doc_.id, s, in.sentences[s]};
      const uint32_t place = anchor >= 0 ? static_cast<uint32_t>(anchor) : n;
      uint32_t first = run_first, last = n;
      if (anchor < 0) {
        t.Range(n, &first, &last);
        if (!pronoun) QuotedTitle(t, n, first, &last);
      }
      if (!pronoun) {
        seen_agreement_ = true;
        // A known title is the name as listed ("New START", not "New
        // START in Prague"); else the title the phrase gives.
        if (!IsAgreementNoun(t, n) && KnownName(t, n))
          for (uint32_t f = n + 1; f-- > 0 && n - f < 6;)
            if (t.tok(f).upos != "DET" && aliases_->Knows(t.SpanText(f, n)))
              m.name = t.SpanText(f, n);
        if (m.name.empty()) m.name = FormalName(t, n, first, last);
        if (m.name.empty()) m.name = ModifierTitle(t, n);
        // ("the Gaza ceasefire and hostage release agreement")
        for (uint32_t k : t.kids(n))
          if (m.name.empty() && t.rel(k) == "compound" && IsAgreementNoun(t, k))
            m.name = ModifierTitle(t, k);
        if (std::string called = CalledTitle(t, n); !called.empty()) {
          m.name = called;
          called_title_ = called;
        }
        // Kind, parties: from the words of the phrase. In a title the words
        // before the noun name the agreement, not its parties ("the Paris
        // Agreement", "the Windsor Framework"); those after it may ("the
        // Treaty on Extradition between China and Turkey").
        if (const char* k = KindOf(t.lemma(n))) m.kind = k;
        // A memorandum or declaration is a form: "a joint declaration" is
        // a new text of that form, "the declaration" may be the accords
        // the report is about, whatever their subject.
        if (In(m.kind, {"memorandum", "declaration"}) &&
            !t.HasChildLemma(n, {"det"}, {"a", "an"}))
          m.kind.clear();
        // "agreed to normalise relations in a deal": the sentence's verb
        // of normalisation gives the kind.
        for (uint32_t i = 0; i < t.size() && m.kind.empty(); ++i)
          if (t.lemma(i).starts_with("normalis") ||
              t.lemma(i).starts_with("normaliz"))
            m.kind = "normalisation";
        // After the noun, only a "between", "among" or "with" phrase names
        // parties ("signed the agreement at United Nations headquarters"
        // names a place).
        std::vector<bool> party_words(t.size(), false);
        for (uint32_t k : t.kids(n))
          if ((t.rel(k).starts_with("nmod") || t.rel(k).starts_with("obl")) &&
              t.HasChildLemma(k, {"case"}, {"between", "among", "with"})) {
            uint32_t f, l;
            t.Range(k, &f, &l);
            for (uint32_t i = f; i <= l; ++i) party_words[i] = true;
          } else if (t.rel(k).starts_with("acl") &&
                     In(t.lemma(k), {"allow", "permit", "enable", "oblige",
                                     "require", "commit", "bind"})) {
            // "a pact allowing Australia, Britain and the United States to
            // exchange ...": those it allows are its parties.
            uint32_t f, l;
            t.Range(k, &f, &l);
            for (uint32_t i = k + 1; i <= l && t.lemma(i) != "to"; ++i)
              party_words[i] = true;
          }
        for (uint32_t i = first; i <= last; ++i) {
          if (i == n) continue;
          if (m.kind.empty())
            if (const char* k = KindOf(t.lemma(i))) m.kind = k;
          if (!m.name.empty() && i < n) continue;
          if (i > n && !party_words[i]) continue;
          const std::string& upos = t.tok(i).upos;
          if (upos == "PROPN" || upos == "ADJ" || upos == "NOUN" ||
              upos.empty())
            AddParties(m.parties, {Code(t, i)});
        }
      }
      std::vector<std::string> each_actor;  // a joint step of these
      StepVerb sv = StepFor(t, place);
      if (!sv.found) sv = EntryIntoForceModifier(t, place);
      if (!sv.found) sv = ParticipleAfterSubject(t, place);
      if (!sv.found) sv = RootSubjectStep(t, place);
      if (sv.found && !IsNonFactual(t, sv.verb)) {
        uint32_t v = sv.verb;
        m.has_step = true;
        m.step = sv.step;
        m.negated = IsNegated(t, v) || YetTo(t, v);
        // Who took the step: the subject, or the by-agent of a passive.
        int subj = sv.subj;
        if (subj >= 0) {
          // (a subject the parse left outside the verb's clause)
        } else if (t.rel(place) == "nsubj:pass") {
          for (uint32_t k : t.kids(v))
            if (t.rel(k).substr(0, 3) == "obl" &&
                t.HasChildLemma(k, {"case"}, {"by"}))
              subj = static_cast<int>(k);
        } else if (m.step != StepKind::kEnteredIntoForce) {
          subj = t.Child(v, {"nsubj"});
          // The subject of a conjoined clause's first verb ("signed and
          // ratified").
          // ("voted to ratify": the subject of the governing verb.)
          // ("voted ... to ratify" parsed as an adverbial clause.)
          const bool to_clause =
              t.rel(v) == "advcl" && t.HasChildLemma(v, {"mark"}, {"to"});
          if (subj < 0 &&
              (t.rel(v) == "conj" || t.rel(v) == "xcomp" || to_clause) &&
              t.head(v) >= 0)
            subj = t.Child(static_cast<uint32_t>(t.head(v)), {"nsubj"});
          // "Canada became the first member to ratify them", "Canada was
          // the first to ratify it": the subject of the copular clause.
          if (subj < 0 && t.rel(v).starts_with("acl") && t.head(v) >= 0) {
            const uint32_t h = static_cast<uint32_t>(t.head(v));
            subj = t.Child(h, {"nsubj"});
            if (subj < 0 && (t.rel(h) == "obj" || t.rel(h) == "xcomp") &&
                t.head(h) >= 0 &&
                In(t.lemma(static_cast<uint32_t>(t.head(h))),
                   {"become", "be", "remain"}))
              subj = t.Child(static_cast<uint32_t>(t.head(h)), {"nsubj"});
          }
        }
        // (The agreement itself as the subject, "the agreements no longer
        // existed", names no actor.)
        if (subj == static_cast<int>(place)) subj = -1;
        std::vector<std::string> actors;
        bool counted = false;  // "the three countries": exactly those
        // "Russia's withdrawal", "the withdrawal of the United States".
        if (subj >= 0 &&
            In(t.lemma(static_cast<uint32_t>(subj)), {"withdrawal", "exit"}))
          for (uint32_t k : t.kids(static_cast<uint32_t>(subj)))
            if (t.rel(k) == "nmod:poss" ||
                (t.rel(k).starts_with("nmod") &&
                 t.HasChildLemma(k, {"case"}, {"of"})))
              subj = static_cast<int>(k);
        if (subj >= 0) {
          actors = CodesWithConjuncts(t, static_cast<uint32_t>(subj));
          if (actors.empty()) {
            actors = CountedStates(t, static_cast<uint32_t>(subj));
            counted = !actors.empty();
          }
          m.actor_text = t.SubtreeText(static_cast<uint32_t>(subj));
          // A parser may split one subject into two ("The Standing
          // Committee | of the National People's Congress", "Israel, | the
          // United Arab Emirates and Bahrain"): the other subjects of the
          // verb name actors too.
          for (uint32_t k : t.kids(v)) {
            if (static_cast<int>(k) == subj || t.rel(k) != "nsubj") continue;
            std::vector<std::string> more = CodesWithConjuncts(t, k);
            if (actors.empty() && !more.empty())
              m.actor_text = t.SubtreeText(k);
            for (std::string& c : more)
              if (std::find(actors.begin(), actors.end(), c) == actors.end())
                actors.push_back(std::move(c));
          }
        }
        // Else the source the coder gave the event of this verb; and when
        // the parse found part of the subject, the other states the coder
        // gave as sources of this verb's events ("Bolivian President Luis
        // Arce and Peruvian President Dina Boluarte signed", a parse that
        // hung the first name elsewhere); not beside a counted phrase
        // ("the three countries" are exactly those).
        if (m.step != StepKind::kEnteredIntoForce && !counted) {
          const bool had = !actors.empty();
          for (const Event& e : doc_.events) {
            if (e.trigger_token != static_cast<int32_t>(t.abs(v)) ||
                !IsParty(e.source) || (had && e.source.starts_with("IGO")))
              continue;
            if (std::any_of(actors.begin(), actors.end(),
                            [&](const std::string& a) {
                              return Party(a) == Party(e.source);
                            }))
              continue;
            if (!had && !actors.empty()) break;
            actors.push_back(e.source);
            if (!had) m.actor_text = e.source_text;
          }
        }
        // The "with X" of the verb names a party.
        for (uint32_t k : t.kids(v))
          if (t.rel(k).substr(0, 3) == "obl" &&
              t.HasChildLemma(k, {"case"}, {"with"}))
            AddParties(m.parties, CodesWithConjuncts(t, k));
        // ("obl" when the agreement word was tagged as a verb.)
        for (uint32_t k : t.kids(n))
          if ((t.rel(k).substr(0, 4) == "nmod" ||
               t.rel(k).substr(0, 3) == "obl") &&
              t.HasChildLemma(k, {"case"}, {"with"}))
            AddParties(m.parties, CodesWithConjuncts(t, k));
        // "Turkey and China signed": the subjects are the parties. A single
        // subject is the actor of the step; the ledger makes it a party.
        if (actors.size() >= 2) {
          AddParties(m.parties, actors);
        } else if (actors.size() == 1 && IsParty(actors[0])) {
          m.actor = actors[0];
        }
        // Steps a party takes on its own need to say which party; "the
        // United States and China ratified" is a step of each.
        bool needs_actor = IsPartyStep(m.step);
        if (needs_actor && m.actor.empty()) {
          for (const std::string& a : actors)
            if (IsParty(a)) each_actor.push_back(a);
          if (each_actor.empty())
            m.has_step = false;  // who ratified is unknown: keep the mention
        }
        // A negated step states how things stand on the report's date; a
        // step reported done is not dated after the report ("extended ...
        // until Feb. 5, 2026" gives the new end, not the step's date).
        m.date = m.negated ? doc_.date : DateAt(s, t.abs(v));
        if (!doc_.date.empty() && m.date.size() >= doc_.date.size() &&
            m.date > doc_.date)
          m.date = doc_.date;
      }
      if (pronoun && !m.has_step) continue;
      std::sort(m.parties.begin(), m.parties.end());
      if (!each_actor.empty()) {
        for (const std::string& a : each_actor) {
          AgreementMention one = m;
          one.actor = a;
          Push(std::move(one), acc, in);
        }
        continue;
      }
      if (!pronoun && !m.has_step && !accession) AttributeSteps(t, n, m, in);
      // "entered into force for 10 of its 15 members: Australia, ...",
      // "took effect for South Korea": the step of each party it names.
      if (m.has_step && !m.negated && m.step == StepKind::kEnteredIntoForce) {
        std::vector<std::string> for_parties = EntryForParties(t, sv.verb);
        for (const std::string& p : for_parties) {
          AgreementMention each = m;
          each.actor = p;
          Push(std::move(each), acc, in);
        }
        if (!for_parties.empty()) continue;
      }
      Push(std::move(m), acc, in);
    }
  }

  // "the three countries", "both sides": the states named before it in
  // the sentence, when they are exactly that many ("Turkey lifted its
  // objections to Finland and Sweden joining NATO, after the three
  // countries signed a memorandum"); else none.
  std::vector<std::string> CountedStates(const Tree& t, uint32_t subj) const {
    if (!In(t.lemma(subj), {"country", "nation", "state", "side", "government",
                            "neighbour", "neighbor"}))
      return {};
    static const std::pair<std::string_view, size_t> kCounts[] = {
        {"both", 2}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5},
        {"2", 2},    {"3", 3},   {"4", 4},     {"5", 5}};
    size_t want = 0;
    for (uint32_t k : t.kids(subj))
      for (const auto& [word, n] : kCounts)
        if ((t.rel(k) == "nummod" || t.rel(k) == "det") && t.lemma(k) == word)
          want = n;
    if (want == 0) return {};
    std::vector<std::string> states;
    for (uint32_t i = 0; i < subj; ++i) {
      std::string code = Code(t, i);
      if (code.size() < 3 || !IsParty(code) || code.starts_with("IGO"))
        continue;
      std::string p = Party(code);
      if (!Contains(states, p)) states.push_back(p);
    }
    if (states.size() == want) return states;
    // Else the last states the report named together, when they were that
    // many ("Iran and Saudi Arabia agreed ... The two countries also
    // pledged").
    for (auto g = named_groups_.rbegin(); g != named_groups_.rend(); ++g)
      if (g->size() == want) return *g;
    return {};
  }

  // Remembers each coordination of states in the sentence ("Iran and Saudi
  // Arabia", "the United States, Britain and Australia") for a later "the
  // two countries", "the three nations" of the report.
  void RememberStatePairs(const Tree& t) {
    for (uint32_t i = 0; i < t.size(); ++i) {
      if (t.rel(i) == "conj") continue;  // a conjunct, seen with its head
      std::vector<std::string> group;
      auto add = [&](uint32_t k) {
        std::string code = Code(t, k);
        if (code.size() < 3 || !IsParty(code) || code.starts_with("IGO"))
          return;
        std::string p = Party(code);
        if (!Contains(group, p)) group.push_back(p);
      };
      add(i);
      if (group.empty()) continue;
      for (uint32_t k : t.kids(i))
        if (t.rel(k) == "conj") add(k);
      if (group.size() >= 2) named_groups_.push_back(std::move(group));
    }
  }

  // Records mention `m`; for an accession phrase, one mention for each
  // applicant's protocol (a step the organisation's members took together
  // is a step of each member on that date).
  void Push(AgreementMention m, const Accession& acc, LedgerInput& in) const {
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

  static bool Contains(const std::vector<std::string>& v,
                       const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  }

  // "New START": a proper name that the knowledge base lists as an
  // agreement's title or alias, with its leading words, though it has no
  // agreement noun.
  bool KnownName(const Tree& t, uint32_t n) const {
    if (aliases_ == nullptr) return false;
    // (a name the tagger took for a common noun: "New START")
    std::string_view w = t.text(n);
    if (t.tok(n).upos != "PROPN" &&
        (t.tok(n).upos != "NOUN" || w.empty() ||
         !std::isupper(static_cast<unsigned char>(w[0]))))
      return false;
    // (the last word of the name)
    if (n + 1 < t.size() && t.head(n + 1) >= 0 &&
        static_cast<uint32_t>(t.head(n)) == n + 1 &&
        t.tok(n + 1).upos == "PROPN")
      return false;
    for (uint32_t first = n + 1; first-- > 0 && n - first < 6;) {
      if (aliases_->Knows(t.SpanText(first, n))) return true;
      if (first == 0) break;
    }
    return false;
  }

  // An organisation the membership table knows, named at token i.
  std::string OrgAt(const Tree& t, uint32_t i) const {
    if (members_ == nullptr) return "";
    std::string code = Code(t, i);
    return !code.empty() && members_->Knows(code) ? code : "";
  }

  // A state's name as the text gives it, with the words of its name
  // ("North Macedonia").
  static std::string NameText(const Tree& t, uint32_t i) {
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
  bool AccessionPhrase(const Tree& t, uint32_t s, uint32_t n, Accession* acc) {
    if (members_ == nullptr) return false;
    const std::string& l = t.lemma(n);
    const std::string& upos = t.tok(n).upos;
    if (upos != "NOUN" && upos != "PROPN") return false;
    const bool protocol =
        In(l, {"protocol", "protocols"}) &&
        t.HasChildLemma(n, {"compound", "amod"}, {"accession"});
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

  // "India and Pakistan agreed to stop all military action": a ceasefire
  // the text describes without naming it, negotiated by the subjects; "with
  // effect from 5 p.m." (or "with immediate effect") puts it in force.
  void AgreedToStopFighting(const Tree& t, uint32_t s, LedgerInput& in) {
    for (uint32_t v = 0; v < t.size(); ++v) {
      if (t.lemma(v) != "agree" || t.tok(v).upos != "VERB") continue;
      int x = t.Child(v, {"xcomp"});
      // (or an infinitive the parse attached as an adverbial clause)
      for (uint32_t k : t.kids(v))
        if (x < 0 && t.rel(k) == "advcl" &&
            t.HasChildLemma(k, {"mark"}, {"to"}))
          x = static_cast<int>(k);
      int subj = t.Child(v, {"nsubj"});
      if (x < 0 || subj < 0) continue;
      const uint32_t stop = static_cast<uint32_t>(x);
      if (!In(t.lemma(stop), {"stop", "halt", "cease", "end", "suspend"}))
        continue;
      int o = t.Child(stop, {"obj"});
      if (o < 0 || !In(t.lemma(static_cast<uint32_t>(o)),
                       {"action", "fighting", "hostility", "hostilities",
                        "fire", "firing", "attack", "strike", "operation"}))
        continue;
      if (IsNonFactual(t, v) || IsNegated(t, v)) continue;
      AgreementMention m;
      AddParties(m.parties, CodesWithConjuncts(t, static_cast<uint32_t>(subj)));
      if (m.parties.size() < 2) continue;
      std::sort(m.parties.begin(), m.parties.end());
      m.source = SourceRef{doc_.id, s, in.sentences[s]};
      m.kind = "ceasefire";
      m.has_step = true;
      m.step = StepKind::kNegotiated;
      m.actor_text = t.SubtreeText(static_cast<uint32_t>(subj));
      m.date = DateAt(s, t.abs(v));
      in.agreements.push_back(m);
      seen_agreement_ = true;
      uint32_t f, l;
      t.Range(stop, &f, &l);
      for (uint32_t i = f; i <= l; ++i)
        if (t.lemma(i) == "effect" && t.HasChildLemma(i, {"case"}, {"with"})) {
          m.step = StepKind::kEnteredIntoForce;
          in.agreements.push_back(m);
          break;
        }
    }
  }

  // "Finland joined NATO on Tuesday": a state that was not a member joins
  // an organisation whose members the table knows: its accession, and the
  // entry into force of its accession protocol.
  void Joined(const Tree& t, uint32_t s, LedgerInput& in) const {
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

  // A year of four digits at token i ("1987"), "" if none.
  static std::string YearAt(const Tree& t, uint32_t i) {
    std::string_view w = t.text(i);
    if (w.size() != 4 || !std::all_of(w.begin(), w.end(), [](char c) {
          return std::isdigit(static_cast<unsigned char>(c));
        }))
      return "";
    return std::string(w);
  }

  // History told as the agreement's attributes: "The pact, signed in
  // Helsinki in 1992 and in force since 2002, allows ...", "Signed by
  // Washington and Moscow in 1987 and in force since 1988, the treaty
  // banned ...", "signed in 1960 and in force ever since": a signature and
  // an entry into force dated by their years.
  void AttributeSteps(const Tree& t, uint32_t n, const AgreementMention& m,
                      LedgerInput& in) const {
    int p = -1;
    for (uint32_t k : t.kids(n))
      if (t.rel(k).starts_with("acl") && t.lemma(k) == "sign") p = k;
    if (p < 0 && t.rel(n).starts_with("nsubj") && t.head(n) >= 0)
      for (uint32_t k : t.kids(static_cast<uint32_t>(t.head(n))))
        if (t.rel(k) == "advcl" && t.lemma(k) == "sign" && k < n) p = k;
    if (p < 0 || t.tok(p).xpos != "VBN") return;
    uint32_t f, l;
    t.Range(static_cast<uint32_t>(p), &f, &l);
    std::string signed_year, force_year;
    bool ever_since = false;
    for (uint32_t i = static_cast<uint32_t>(p) + 1; i <= l && i < t.size();
         ++i) {
      if (t.lemma(i) == "force" && i >= 1 && t.lemma(i - 1) == "in") {
        for (uint32_t j = i + 1; j < t.size() && j <= i + 3; ++j) {
          if (force_year.empty()) force_year = YearAt(t, j);
          ever_since |= t.lemma(j) == "since" && t.lemma(j - 1) == "ever";
        }
        break;
      }
      if (signed_year.empty()) signed_year = YearAt(t, i);
    }
    // ("in force ever since" may lie outside the participle's subtree.)
    for (uint32_t i = l + 1;
         i + 2 < t.size() && !ever_since && force_year.empty(); ++i)
      ever_since = t.lemma(i) == "force" && t.lemma(i + 1) == "ever" &&
                   t.lemma(i + 2) == "since";
    if (ever_since) force_year = signed_year;
    if (signed_year.empty()) return;
    AgreementMention step = m;
    step.has_step = true;
    step.step = StepKind::kSigned;
    step.date = signed_year;
    // "Signed by Washington and Moscow": the signatories are parties.
    for (uint32_t k : t.kids(static_cast<uint32_t>(p)))
      if (t.rel(k).starts_with("obl") && t.HasChildLemma(k, {"case"}, {"by"}))
        AddParties(step.parties, CodesWithConjuncts(t, k));
    std::sort(step.parties.begin(), step.parties.end());
    in.agreements.push_back(step);
    if (force_year.empty()) return;
    step.step = StepKind::kEnteredIntoForce;
    step.date = force_year;
    in.agreements.push_back(std::move(step));
  }

  // The parties named in the "for ..." phrase of verb `v`.
  std::vector<std::string> EntryForParties(const Tree& t, uint32_t v) const {
    // (The parse may hang the phrase on the date or on "effect".)
    std::vector<std::string> out;
    uint32_t vf, vl;
    t.Range(v, &vf, &vl);
    for (uint32_t c = v + 1; c <= vl; ++c) {
      if (t.lemma(c) != "for" || t.rel(c) != "case" || t.head(c) < 0) continue;
      uint32_t f, l;
      t.Range(static_cast<uint32_t>(t.head(c)), &f, &l);
      for (uint32_t i = std::max(f, c); i <= l; ++i)
        AddParties(out, {Code(t, i)});
    }
    return out;
  }

  // A title in quotes ("the “Treaty on Extradition between X and Y”") is
  // the whole phrase, however the parse divided it: the phrase runs to the
  // closing quote.
  static void QuotedTitle(const Tree& t, uint32_t n, uint32_t first,
                          uint32_t* last) {
    auto open = [&](uint32_t i) {
      std::string_view w = t.text(i);
      return w == "\u201c" || w == "\"" || w == "``";
    };
    auto close = [&](uint32_t i) {
      std::string_view w = t.text(i);
      return w == "\u201d" || w == "\"" || w == "''";
    };
    bool quoted = false;
    for (uint32_t i = first; i < n; ++i) quoted = quoted || open(i);
    if (!quoted) return;
    for (uint32_t i = n + 1; i < t.size(); ++i) {
      if (close(i)) {
        if (i - 1 > *last) *last = i - 1;
        return;
      }
    }
  }

  // "The agreement, called the Joint Comprehensive Plan of Action",
  // "The treaty, known as New START", "It became known as Minsk II": the
  // capitalised words after "called", "named", "dubbed" or "known as" that
  // hang on agreement noun `n` (n < 0: on a pronoun or an agreement noun
  // subject), "" if none.
  static std::string CalledTitle(const Tree& t, int n) {
    for (uint32_t v = 0; v + 1 < t.size(); ++v) {
      const std::string& l = t.lemma(v);
      // ("known" may be tagged as an adjective with its own lemma.)
      const bool known = l == "know" || l == "known";
      if (!known && !In(l, {"call", "name", "dub"})) continue;
      if (!known && t.tok(v).xpos != "VBN" && t.tok(v).xpos != "VBD") continue;
      uint32_t k = v + 1;
      if (known) {
        if (t.lemma(k) != "as") continue;
        ++k;
      }
      if (n >= 0) {
        // The participle modifies the noun ("The pact, called AUKUS").
        // (or follows it, set off by a comma the parse hung it on)
        const bool next_to =
            static_cast<int>(v) == n + 1 ||
            (static_cast<int>(v) == n + 2 && t.text(v - 1) == ",");
        if (t.head(v) != n && !next_to) continue;
      } else if (t.head(v) >= 0 &&
                 IsAgreementWord(t.lemma(static_cast<uint32_t>(t.head(v))))) {
        // (an agreement noun the parse did not give a step)
      } else {
        // "It became known as ...", "The deal was called ...".
        int h = t.head(v);
        int subj = t.Child(v, {"nsubj", "nsubj:pass"});
        if (subj < 0 && h >= 0)
          subj = t.Child(static_cast<uint32_t>(h), {"nsubj"});
        if (subj < 0 || !In(t.lemma(static_cast<uint32_t>(subj)),
                            {"it", "treaty", "accord", "agreement", "deal",
                             "pact", "ceasefire", "truce"}))
          continue;
      }
      if (k < t.size() && t.lemma(k) == "the") ++k;
      uint32_t first = k, last = k;
      bool any = false;
      for (uint32_t i = k; i < t.size(); ++i) {
        std::string_view w = t.text(i);
        if (w.empty()) break;
        const bool cap = std::isupper(static_cast<unsigned char>(w[0])) ||
                         std::isdigit(static_cast<unsigned char>(w[0]));
        const bool joining =
            i > k && In(text::AsciiLower(w), {"of", "on", "for", "the", "and"});
        if (!cap && !joining) break;
        if (cap) {
          last = i;
          any = true;
        }
      }
      if (!any) continue;
      return t.SpanText(first, last);
    }
    return "";
  }

  // "the Paris climate agreement", "the Minsk ceasefire", "the INF
  // treaty": a lower-case agreement noun led by a capitalised name inside
  // the sentence is that name (its leading words name the agreement, not
  // its parties).
  static std::string ModifierTitle(const Tree& t, uint32_t n) {
    uint32_t first = n;
    while (first > 0) {
      const uint32_t p = first - 1;
      // A pre-modifier of the noun or of a word between it and the noun.
      if (t.head(p) <= static_cast<int>(p) || t.head(p) > static_cast<int>(n))
        break;
      std::string_view r = t.rel(p);
      if (!(r.starts_with("compound") || r == "amod" || r == "nmod:poss" ||
            r == "flat"))
        break;
      if (t.lemma(p) == "'s" || t.tok(p).upos == "PUNCT") break;
      first = p;
    }
    if (first == n || first == 0) return "";
    // The name leads the phrase ("the Paris climate agreement", "the 2015
    // Iran nuclear deal"), not a word inside a description ("the vast
    // Asia-Pacific trade pact").
    if (t.tok(first - 1).upos != "DET" && t.tok(first - 1).upos != "NUM")
      return "";
    // "Sweden's NATO accession protocol": owned by a party, not a title.
    if (In(t.lemma(first - 1), {"'s", "\u2019s"}) || t.text(first - 1) == "'s")
      return "";
    std::string_view w = t.text(first);
    if (w.empty() || !std::isupper(static_cast<unsigned char>(w[0])) ||
        (t.tok(first).upos != "PROPN" && t.tok(first).upos != "ADJ"))
      return "";
    // Possessive leads ("Sweden's accession protocol") name a party.
    for (uint32_t i = first; i < n; ++i)
      if (t.rel(i) == "nmod:poss" || t.lemma(i) == "'s") return "";
    return t.SpanText(first, n);
  }

  // "the Treaty on Extradition between ... and ..." when the noun is
  // capitalised inside the sentence.
  std::string FormalName(const Tree& t, uint32_t n, uint32_t first,
                         uint32_t last) const {
    std::string_view w = t.text(n);
    if (w.empty() || !std::isupper(static_cast<unsigned char>(w[0]))) return "";
    if (n == 0) return "";
    // Trim determiners, quotes and punctuation at both ends.
    auto trim = [&](uint32_t i) {
      std::string_view r = t.rel(i);
      const std::string& up = t.tok(i).upos;
      return r == "det" || r == "punct" || up == "PUNCT" || up == "DET";
    };
    // A title ends before a comma, a relative clause or a "with X" naming
    // a party ("the Indus Waters Treaty with Pakistan"); it starts after a
    // preposition the phrase took in ("under the ... Treaty").
    for (uint32_t i = n + 1; i <= last; ++i) {
      std::string_view r = t.rel(i);
      if (t.text(i) == "," || r.starts_with("acl") ||
          (t.head(i) == static_cast<int>(n) && r.starts_with("nmod") &&
           t.HasChildLemma(i, {"case"}, {"with"}))) {
        uint32_t f = i, l = i;
        t.Range(i, &f, &l);
        last = std::max(n, std::min(i, f) - 1);
        break;
      }
    }
    // A title is capitalised but for its joining words: it ends before
    // the first other lower-case word or a date ("the Paris Agreement on
    // climate change", "the Abraham Accords at the White House on
    // Tuesday"), and a leading year is an attribute ("the 1972 Simla
    // Agreement").
    auto joining = [&](uint32_t i) {
      return In(text::AsciiLower(t.text(i)),
                {"of", "on", "between", "and", "the", "for", "in", "to", "'s",
                 "\u2019s", "-"});
    };
    auto dated = [&](uint32_t i) {
      return In(t.lemma(i), {"monday", "tuesday", "wednesday", "thursday",
                             "friday", "saturday", "sunday"}) ||
             !YearAt(t, i).empty();  // "the Paris Agreement in 2016"
    };
    for (uint32_t i = n + 1; i <= last; ++i) {
      std::string_view w = t.text(i);
      bool lower = !w.empty() && std::islower(static_cast<unsigned char>(w[0]));
      if ((lower && !joining(i)) || dated(i)) {
        last = i - 1;
        break;
      }
    }
    // Capitalised words the parse left outside the phrase ("the
    // Intermediate-Range Nuclear Forces | Treaty") lead the title.
    auto capitalised = [&](uint32_t i) {
      std::string_view w = t.text(i);
      return !w.empty() && std::isupper(static_cast<unsigned char>(w[0]));
    };
    if (first == n)
      while (
          first > 1 &&
          (capitalised(first - 1) ||
           (t.text(first - 1) == "-" && first > 2 && capitalised(first - 2))) &&
          t.tok(first - 1).upos != "DET")
        --first;
    while (last > n && (trim(last) || joining(last))) --last;
    while (first < n && (trim(first) || t.rel(first) == "case" ||
                         t.tok(first).upos == "NUM"))
      ++first;
    while (last > n && trim(last)) --last;
    // Without a capitalised modifier or a prepositional tail this is just a
    // sentence-initial or stray capital.
    if (first == n && last == n) return "";
    return t.SpanText(first, last);
  }

  void Commitments(const Tree& t, uint32_t s, LedgerInput& in) {
    for (uint32_t v = 0; v < t.size(); ++v) {
      if (!In(t.lemma(v), {"pledge", "promise", "vow", "assure", "guarantee",
                           "commit", "undertake", "swear", "threaten"}))
        continue;
      const std::string& upos = t.tok(v).upos;
      if (!upos.empty() && upos != "VERB") continue;
      if (IsNegated(t, v) || IsNonFactual(t, v)) continue;
      int subj = t.Child(v, {"nsubj"});
      // "Biden, whose race ... remained too close to call, has promised":
      // a conjoined verb shares its head's subject.
      if (subj < 0 && t.rel(v) == "conj" && t.head(v) >= 0)
        subj = t.Child(static_cast<uint32_t>(t.head(v)), {"nsubj"});
      if (subj < 0) continue;
      int act = t.Child(v, {"xcomp", "ccomp"});
      if (act < 0) {
        // A complement the parser attached elsewhere: "vowed to release"
        // read off the words when the tree has no complement.
        uint32_t k = v + 1;
        if (k < t.size() && In(t.lemma(k), {"not", "never"})) ++k;
        if (k + 1 < t.size() && t.lemma(k) == "to" &&
            (t.tok(k + 1).upos == "VERB" || t.tok(k + 1).xpos == "VB"))
          act = static_cast<int>(k + 1);
      }
      // "pledged that it would ...": the complement's own clause is read
      // by FutureClauses below.
      if (act >= 0 && t.Child(static_cast<uint32_t>(act), {"nsubj"}) >= 0)
        continue;
      Emit(t, s, v, act, static_cast<uint32_t>(subj), -1, in);
    }
    Intentions(t, s, in);
    Readiness(t, s, in);
    Directives(t, s, in);
    FutureClauses(t, s, in);
  }

  // "signed an executive order directing the United States to withdraw
  // from the agreement": a written order that a state act is that state's
  // commitment.
  void Directives(const Tree& t, uint32_t s, LedgerInput& in) {
    for (uint32_t v = 0; v < t.size(); ++v) {
      if (!In(t.lemma(v), {"direct", "instruct", "order"}) ||
          t.tok(v).upos != "VERB")
        continue;
      int act = t.Child(v, {"xcomp"});
      int who = t.Child(v, {"iobj", "obj"});
      if (act < 0 || who < 0 || who > act) continue;
      // The order is a written text: the verb modifies "order",
      // "directive", "decree" or "memorandum", or follows its signing.
      bool written = false;
      for (uint32_t k = 0; k < v; ++k)
        written |= In(t.lemma(k), {"order", "directive", "decree", "memorandum",
                                   "proclamation"}) &&
                   t.tok(k).upos == "NOUN";
      if (!written) continue;
      std::vector<std::string> codes =
          CodesWithConjuncts(t, static_cast<uint32_t>(who));
      if (codes.empty() || !IsParty(codes[0])) continue;
      const size_t before = in.commitments.size();
      Emit(t, s, v, act, static_cast<uint32_t>(who), -1, in);
      int signer = t.head(v) >= 0
                       ? t.Child(static_cast<uint32_t>(t.head(v)), {"nsubj"})
                       : -1;
      for (size_t i = before; i < in.commitments.size(); ++i) {
        in.commitments[i].form = "written";
        if (signer >= 0 && in.commitments[i].by.empty()) {
          in.commitments[i].by = Code(t, static_cast<uint32_t>(signer));
          in.commitments[i].by_text =
              t.SubtreeText(static_cast<uint32_t>(signer));
        }
      }
    }
  }

  // "Russia was ready to keep observing the limits", "is willing to",
  // "remained committed to the ceasefire": a stated readiness is a
  // commitment to act; commitment to an agreement, to observe it.
  void Readiness(const Tree& t, uint32_t s, LedgerInput& in) {
    for (uint32_t v = 0; v < t.size(); ++v) {
      if (t.tok(v).upos != "ADJ" && t.tok(v).upos != "VERB") continue;
      const std::string& l = t.lemma(v);
      const bool ready = In(l, {"ready", "willing", "prepared"});
      const bool committed =
          In(l, {"committed", "commit"}) && t.tok(v).upos == "ADJ";
      if (!ready && !committed) continue;
      // The subject: its own (copula) or the verb's it complements
      // ("remained committed").
      int subj = t.Child(v, {"nsubj"});
      if (subj < 0 && t.rel(v) == "xcomp" && t.head(v) >= 0)
        subj = t.Child(static_cast<uint32_t>(t.head(v)), {"nsubj"});
      if (subj < 0) continue;
      if (IsNegated(t, v)) continue;
      if (ready) {
        int act = t.Child(v, {"xcomp", "advcl"});
        if (act < 0 ||
            !t.HasChildLemma(static_cast<uint32_t>(act), {"mark"}, {"to"}))
          continue;
        Emit(t, s, v, act, static_cast<uint32_t>(subj), -1, in);
        continue;
      }
      int to = -1;
      for (uint32_t k : t.kids(v))
        if (to < 0 && t.rel(k).starts_with("obl") &&
            t.HasChildLemma(k, {"case"}, {"to"}))
          to = static_cast<int>(k);
      if (to < 0) continue;
      const size_t before = in.commitments.size();
      Emit(t, s, v, static_cast<int>(to), static_cast<uint32_t>(subj), -1, in);
      // (the object of the commitment is an agreement or a course: to
      // observe it)
      std::string words = t.SubtreeText(static_cast<uint32_t>(to));
      if (words.starts_with("to ")) words = words.substr(3);
      for (size_t i = before; i < in.commitments.size(); ++i) {
        in.commitments[i].action = "to observe " + words;
        in.commitments[i].action_lemma = "observe";
        in.commitments[i].negated = false;
      }
    }
  }

  // "Russia has no intention of invading Ukraine": a stated intention (or
  // its denial) is a commitment to act (or not to).
  void Intentions(const Tree& t, uint32_t s, LedgerInput& in) {
    for (uint32_t n = 0; n < t.size(); ++n) {
      if (!In(t.lemma(n), {"intention", "intent", "plan"})) continue;
      int h = t.head(n);
      if (h < 0 || t.lemma(static_cast<uint32_t>(h)) != "have") continue;
      int subj = t.Child(static_cast<uint32_t>(h), {"nsubj"});
      int act = -1;
      for (uint32_t k : t.kids(n))
        if (act < 0 && t.tok(k).upos == "VERB") act = static_cast<int>(k);
      if (subj < 0 || act < 0) continue;
      const size_t before = in.commitments.size();
      Emit(t, s, static_cast<uint32_t>(h), act, static_cast<uint32_t>(subj), -1,
           in);
      if (!t.HasChildLemma(n, {"det"}, {"no"})) continue;
      for (size_t i = before; i < in.commitments.size(); ++i) {
        CommitmentMention& c = in.commitments[i];
        if (!c.negated && c.action.starts_with("to "))
          c.action = "not " + c.action;
        c.negated = true;
      }
    }
  }

  // "Russia would not deploy ..., Putin said", "Erdogan said Turkey would
  // not approve ...", "gave guarantees that it would not use ...", "Under
  // the deal, Israel will suspend ...": a clause in the future (will,
  // would) whose subject names an actor, reported from speech or written
  // in an agreement's terms, is that actor's commitment. A narrator's
  // statement about what will happen ("the withdrawal will take effect")
  // has no actor as subject and is not reported, so it is not one.
  void FutureClauses(const Tree& t, uint32_t s, LedgerInput& in) {
    for (uint32_t a = 0; a < t.size(); ++a) {
      const std::string& upos = t.tok(a).upos;
      if (upos != "VERB") continue;
      // "will", "would"; "are to withdraw".
      bool future =
          t.HasChildLemma(a, {"aux"}, {"will", "would", "'ll", "wo"}) ||
          (t.HasChildLemma(a, {"aux", "cop"}, {"be"}) &&
           t.HasChildLemma(a, {"mark"}, {"to"}));
      if (!future) continue;
      // "the treaty would be held in abeyance", said by an official: the
      // speaker's state will do it (read below, once the speaker is known).
      const int passive_subj = t.Child(a, {"nsubj:pass"});
      if (passive_subj < 0 && t.Child(a, {"aux:pass"}) >= 0) continue;
      int subj = passive_subj >= 0 ? passive_subj : t.Child(a, {"nsubj"});
      if (subj < 0) continue;
      // The verb of saying above the clause, within three heads (a parser
      // may hang "that Russia would ..." on the date of "said on Monday").
      int speech = -1;
      for (int cur = t.head(a), hops = 0; cur >= 0 && hops < 3 && speech < 0;
           cur = t.head(cur), ++hops)
        if (In(t.lemma(static_cast<uint32_t>(cur)),
               {"say",    "tell",   "announce",  "state",     "declare",
                "notify", "warn",   "insist",    "add",       "confirm",
                "inform", "write",  "guarantee", "assurance", "promise",
                "pledge", "notice", "threaten",  "vow",       "assure"}))
          speech = cur;
      for (uint32_t k : t.kids(a))
        if (speech < 0 && (t.rel(k) == "parataxis" || t.rel(k) == "ccomp") &&
            IsSpeechVerb(t.lemma(k)))
          speech = static_cast<int>(k);
      bool terms = false;
      for (uint32_t k : t.kids(a))
        if (t.rel(k).substr(0, 3) == "obl" &&
            t.HasChildLemma(k, {"case"}, {"under"}) && IsAgreementNoun(t, k))
          terms = true;
      // ("..., President Erdogan said on Thursday" that the parse hung
      // elsewhere: a verb of saying with its own subject after the clause.)
      if (speech < 0)
        for (uint32_t k = a + 1; k < t.size() && speech < 0; ++k)
          if (IsSpeechVerb(t.lemma(k)) && t.tok(k).upos == "VERB" &&
              t.Child(k, {"nsubj"}) > static_cast<int>(a) &&
              (k < 1 || t.text(k - 1) != "to"))
            speech = static_cast<int>(k);
      // Said by someone, as a fact ("it is illogical to say that Turkey
      // will ..." reports no one's statement).
      if (speech >= 0 &&
          (SpeakerOf(t, speech) < 0 || IsNegated(t, speech) ||
           IsNonFactual(t, static_cast<uint32_t>(speech)) ||
           t.HasChildLemma(static_cast<uint32_t>(speech), {"mark"}, {"to"})))
        speech = -1;
      if (speech < 0 && !terms) continue;
      if (passive_subj >= 0) {
        // The speaker's state is the one that will act.
        if (speech < 0) continue;
        const int speaker = SpeakerOf(t, speech);
        std::vector<std::string> who =
            CodesWithConjuncts(t, static_cast<uint32_t>(speaker));
        if (who.empty() || !IsParty(who[0])) continue;
        const size_t before = in.commitments.size();
        Emit(t, s, a, static_cast<int>(a), static_cast<uint32_t>(speaker),
             speech, in);
        // "to hold the treaty in abeyance": the verb, its patient, the rest.
        uint32_t f, l;
        t.Range(a, &f, &l);
        std::string rest;
        for (uint32_t i = a + 1; i <= l; ++i) {
          if (t.rel(i) == "advcl" || t.lemma(i) == "until" ||
              t.lemma(i) == "unless" || t.tok(i).upos == "PUNCT")
            break;
          rest += " " + std::string(t.text(i));
        }
        for (size_t i = before; i < in.commitments.size(); ++i) {
          CommitmentMention& c = in.commitments[i];
          c.actor = Party(c.actor);
          c.action = std::string(c.negated ? "not to " : "to ") + t.lemma(a) +
                     " " + t.SubtreeText(static_cast<uint32_t>(subj)) + rest;
        }
        continue;
      }
      Emit(t, s, a, static_cast<int>(a), static_cast<uint32_t>(subj), speech,
           in);
    }
  }

  // The speaker of a speech verb (its subject), or -1; follows the head of
  // a noun ("gave guarantees that") to its verb's subject.
  static int SpeakerOf(const Tree& t, int speech) {
    for (int cur = speech, hops = 0; cur >= 0 && hops < 2;
         cur = t.head(cur), ++hops) {
      int sp = t.Child(static_cast<uint32_t>(cur), {"nsubj"});
      if (sp >= 0) return sp;
    }
    return -1;
  }

  // Records the commitment of verb `v` (a pledge verb, or the future verb
  // itself) with action clause `act` (-1: the pledge verb's object), for
  // each actor the subject names; `speech` is a verb of saying that reports
  // it, or -1 to look for one.
  void Emit(const Tree& t, uint32_t s, uint32_t v, int act, uint32_t subj,
            int speech, LedgerInput& in) {
    if (speech < 0) speech = ReportingVerbOf(t, v);
    int speaker = speech >= 0 ? SpeakerOf(t, speech) : -1;
    std::vector<std::string> actors = CodesWithConjuncts(t, subj);
    // A subject the parse split ("China and | the United States ... have
    // pledged"): each part names actors.
    for (uint32_t k : t.kids(v))
      if (k != subj && t.rel(k) == "nsubj")
        for (std::string& c : CodesWithConjuncts(t, k))
          if (std::find(actors.begin(), actors.end(), c) == actors.end())
            actors.push_back(std::move(c));
    std::string actor_text = t.SubtreeText(subj);
    // "Ukraine gave written guarantees that it would not use ...": the
    // pronoun stands for the one who gave the guarantee.
    if (actors.empty() &&
        In(t.lemma(subj), {"it", "he", "she", "they", "we", "i"}))
      for (uint32_t k = 0; k < subj && actors.empty(); ++k) {
        if (!In(t.lemma(k), {"guarantee", "assurance", "promise", "pledge",
                             "undertaking", "commitment"}) ||
            t.tok(k).upos != "NOUN" || t.head(k) < 0)
          continue;
        int giver = t.Child(static_cast<uint32_t>(t.head(k)), {"nsubj"});
        if (giver < 0) continue;
        actors = CodesWithConjuncts(t, static_cast<uint32_t>(giver));
        actor_text = t.SubtreeText(static_cast<uint32_t>(giver));
      }
    // "said it would": the pronoun stands for the speaker.
    if (actors.empty() && speaker >= 0 &&
        In(t.lemma(subj), {"it", "he", "she", "they", "we", "i"})) {
      actors = CodesWithConjuncts(t, static_cast<uint32_t>(speaker));
      actor_text = t.SubtreeText(static_cast<uint32_t>(speaker));
    }
    // "The two countries also pledged": the states the report named (a
    // single code the actors stage gave the phrase cannot be two states).
    if (std::vector<std::string> counted = CountedStates(t, subj);
        counted.size() > actors.size())
      actors = std::move(counted);
    if (actors.empty()) return;
    CommitmentMention c;
    c.actor_text = actor_text;
    if (act >= 0) {
      uint32_t a = static_cast<uint32_t>(act);
      c.negated = IsNegated(t, a) || (a >= 2 && t.lemma(a - 1) == "to" &&
                                      In(t.lemma(a - 2), {"not", "never"}));
      c.action_lemma = t.lemma(a);
      // The action's words, without its subject, auxiliaries, a leading
      // "not" or "to", a condition or trailing punctuation.
      uint32_t first, last;
      t.Range(a, &first, &last);
      if (first < v || a == v) first = a;
      while (first < a && In(t.lemma(first), {"not", "never", "to"})) ++first;
      for (uint32_t k : t.kids(a))
        if (k > a && (t.rel(k) == "advcl" || t.rel(k) == "parataxis" ||
                      static_cast<int>(k) == speech)) {
          uint32_t f, l;
          t.Range(k, &f, &l);
          if (f > a && f - 1 < last) last = f - 1;
        }
      while (last > a && (t.tok(last).upos == "PUNCT" ||
                          t.rel(last) == "punct" || t.rel(last) == "cc"))
        --last;
      // "of invading Ukraine" reads "to invade Ukraine".
      std::string words = t.SpanText(first, last);
      if (first == a && t.tok(a).xpos == "VBG")
        words = t.lemma(a) + (last > a ? " " + t.SpanText(a + 1, last) : "");
      c.action = std::string(c.negated ? "not to " : "to ") + words;
      int obj = t.Child(a, {"obj"});
      if (obj < 0) obj = t.Child(a, {"obl"});
      if (obj >= 0) {
        c.target = Code(t, static_cast<uint32_t>(obj));
        c.target_text = t.SubtreeText(static_cast<uint32_t>(obj));
      }
    } else {
      int obj = t.Child(v, {"obj"});
      if (obj < 0) return;
      c.action_lemma = t.lemma(static_cast<uint32_t>(obj));
      c.action = t.SubtreeText(static_cast<uint32_t>(obj));
    }
    // The speaker, when the pledge is reported from speech.
    if (speaker >= 0) {
      c.by = Code(t, static_cast<uint32_t>(speaker));
      c.by_text = t.SubtreeText(static_cast<uint32_t>(speaker));
    }
    c.form = Form(t, v);
    c.condition = Condition(t, s, act >= 0 ? static_cast<uint32_t>(act) : v);
    c.date = DateAt(s, t.abs(speech >= 0 ? static_cast<uint32_t>(speech) : v));
    c.source = SourceRef{doc_.id, s, in.sentences[s]};
    for (const std::string& actor : actors) {
      c.actor = actor;
      in.commitments.push_back(c);
    }
  }

  std::string Form(const Tree& t, uint32_t v) const {
    for (uint32_t i = 0; i < t.size(); ++i) {
      const std::string& l = t.lemma(i);
      if (In(l, {"letter", "written", "writing", "document"})) return "written";
      if (In(l, {"verbally", "verbal", "orally", "oral"})) return "verbal";
    }
    if (t.HasChildLemma(v, {"advmod"}, {"verbally", "orally"})) return "verbal";
    // "X pledged ..., the minister told reporters": speech around the pledge.
    for (uint32_t i = 0; i < t.size(); ++i)
      if ((t.head(i) == static_cast<int>(v) ||
           t.head(v) == static_cast<int>(i)) &&
          IsSpeechVerb(t.lemma(i)))
        return "verbal";
    // A pledge reported from speech ("told a press conference that").
    if (ReportingVerbOf(t, v) >= 0) return "verbal";
    if (t.lemma(v) == "sign") return "signed";
    return "";
  }

  // A condition attached to the pledge: an if/unless/provided clause in the
  // sentence, or in the next two sentences a clause saying it only applies.
  std::string Condition(const Tree& t, uint32_t s, uint32_t v) const {
    // A clause attached to the promised action first, then any.
    for (int pass = 0; pass < 2; ++pass) {
      for (uint32_t i = 0; i < t.size(); ++i) {
        if (t.rel(i) != "advcl") continue;
        if (pass == 0 && t.head(i) != static_cast<int>(v)) continue;
        std::string text = t.SubtreeText(i);
        std::string lower = text::AsciiLower(text);
        bool conditional =
            t.HasChildLemma(
                i, {"mark"},
                {"if", "unless", "provided", "providing", "until", "till"}) ||
            lower.starts_with("as soon as ") ||
            lower.starts_with("as long as ") || lower.starts_with("only ");
        if (!conditional && t.HasChildLemma(i, {"mark"}, {"after", "when"})) {
          // "only after ...": the "only" may hang on the clause's first word.
          uint32_t f, l;
          t.Range(i, &f, &l);
          conditional = f > 0 && t.lemma(f - 1) == "only";
          if (conditional) text = "only " + text;
        }
        if (conditional) return text;
      }
    }
    // "held in abeyance until Pakistan ... abjured its support": a
    // condition word after the action that the parse did not make a
    // clause; it runs to the end of the sentence.
    for (uint32_t i = v + 1; i < t.size(); ++i) {
      const std::string w = text::AsciiLower(t.text(i));
      const bool as_soon =
          w == "as" && i + 2 < t.size() &&
          In(text::AsciiLower(t.text(i + 1)), {"soon", "long"}) &&
          text::AsciiLower(t.text(i + 2)) == "as";
      if (!as_soon && !In(w, {"until", "unless", "provided", "providing"}))
        continue;
      // ("as soon as possible" is a time, not a condition)
      if (as_soon && i + 3 < t.size() &&
          In(t.lemma(i + 3), {"possible", "practicable", "feasible"}))
        continue;
      uint32_t last = t.size() - 1;
      while (last > i && t.tok(last).upos == "PUNCT") --last;
      // (not a speaker's tail: ", Erdogan said on Monday")
      for (uint32_t k = i + 1; k < last; ++k) {
        if (t.text(k) != ",") continue;
        bool speech = false;
        for (uint32_t j = k + 1; j <= last && !speech; ++j)
          speech = IsSpeechVerb(t.lemma(j)) && t.tok(j).upos == "VERB";
        if (speech) {
          last = k - 1;
          break;
        }
      }
      if (last > i) return t.SpanText(i, last);
    }
    for (uint32_t next = s + 1; next < doc_.sentences.size() && next <= s + 2;
         ++next) {
      Tree u(doc_, next);
      if (u.size() == 0 || u.tok(0).head < 0) continue;
      for (uint32_t i = 0; i < u.size(); ++i) {
        if (u.lemma(i) != "apply") continue;
        if (!u.HasChildLemma(i, {"advmod"}, {"only"})) continue;
        uint32_t first, last;
        u.Range(i, &first, &last);
        while (first < i && u.rel(first) == "mark") ++first;
        while (last > i && u.rel(last) == "punct") --last;
        return u.SpanText(first, last);
      }
    }
    return "";
  }

  const Document& doc_;
  const std::vector<std::string>& countries_;  // sorted
  const Memberships* members_;                 // may be null
  const AgreementAliases* aliases_;            // may be null
  // The accession protocols of the last phrase that named several ("them").
  std::vector<std::string> last_group_;
  std::string last_org_;              // the last organisation the report named
  std::vector<uint32_t> mention_at_;  // by token: first of its mentions
  bool seen_agreement_ = false;
  std::string called_title_;  // a title the document gives ("known as")
  // The coordinations of states in the sentences read so far, in order.
  std::vector<std::vector<std::string>> named_groups_;
};

}  // namespace

LedgerInput ExtractLedgerInput(const Document& doc,
                               const std::vector<std::string>& countries,
                               const LedgerKnowledge* knowledge) {
  return Extractor(doc, countries, knowledge).Run();
}

}  // namespace curlew
