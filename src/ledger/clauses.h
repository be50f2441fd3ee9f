// What a clause of a sentence says of itself, for the ledger extractor:
// whether it is negated, whether it reports a fact (not a future, a
// condition or an intention), and which verb of saying reports it.
// Internal to src/ledger.
//
// Thread safety: pure functions.
#ifndef CURLEW_LEDGER_CLAUSES_H_
#define CURLEW_LEDGER_CLAUSES_H_

#include <cstdint>
#include <string_view>

#include "ledger/sentence_tree.h"

namespace curlew::ledger_extract {

// say, tell, announce, state, declare.
bool IsSpeechVerb(std::string_view lemma);
// The verb of saying that reports the clause of `v`, within three heads;
// -1 if none.
int ReportingVerbOf(const Tree& t, uint32_t v);
// "not", "never" or "n't" modifies `v`.
bool IsNegated(const Tree& t, uint32_t v);
// The clause headed by `v` does not report something that happened.
bool IsNonFactual(const Tree& t, uint32_t v);
// "no longer" modifies verb `v`.
bool NoLonger(const Tree& t, uint32_t v);
// "has yet to ratify": not done yet.
bool YetTo(const Tree& t, uint32_t v);

}  // namespace curlew::ledger_extract

#endif  // CURLEW_LEDGER_CLAUSES_H_
