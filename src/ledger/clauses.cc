// What a clause says of itself: negated, not a fact (future, conditional,
// intended), reported by a verb of saying.

#include "ledger/clauses.h"

#include <string>
#include <string_view>

namespace curlew::ledger_extract {

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

// "has yet to ratify", "the only member yet to approve it": not done yet.
bool YetTo(const Tree& t, uint32_t v) {
  return v >= 2 && t.lemma(v - 1) == "to" && t.lemma(v - 2) == "yet";
}

// "no longer" modifying verb `v`.
bool NoLonger(const Tree& t, uint32_t v) {
  for (uint32_t k : t.kids(v))
    if (t.rel(k) == "advmod" && In(t.lemma(k), {"long", "longer"}) &&
        t.HasChildLemma(k, {"advmod", "det"}, {"no"}))
      return true;
  return false;
}

}  // namespace curlew::ledger_extract
