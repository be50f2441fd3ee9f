// The lifecycle step a verb reports about the agreement noun it governs
// ("ratified the treaty", "the pact entered into force"), read off the
// dependency tree, including parses that split or misplace the phrase.
// Internal to src/ledger.
//
// Thread safety: pure functions.
#ifndef CURLEW_LEDGER_STEPS_H_
#define CURLEW_LEDGER_STEPS_H_

#include <cstdint>

#include "curlew/ledger.h"
#include "ledger/sentence_tree.h"

namespace curlew::ledger_extract {

// Steps a party takes on its own (ratified, suspended, withdrawn, ...).
bool IsPartyStep(StepKind k);

struct StepVerb {
  bool found = false;
  StepKind step = StepKind::kSigned;
  uint32_t verb = 0;
  int subj = -1;  // the actor when the parse gave the verb no subject
};

// The step the verb governing agreement noun `n` reports.
StepVerb StepFor(const Tree& t, uint32_t n);
// The step of a name parsed as the root, the verb hung elsewhere.
StepVerb RootSubjectStep(const Tree& t, uint32_t n);
// The entry into force a participle modifying noun `n` states.
StepVerb EntryIntoForceModifier(const Tree& t, uint32_t n);

}  // namespace curlew::ledger_extract

#endif  // CURLEW_LEDGER_STEPS_H_
