// Ledger extraction: what one parsed, coded document says about agreements
// and commitments (the input of curlew::Ledger).
//
// Works on the dependency tree (Token::lemma, head, deprel):
//  - agreement nouns (treaty, accord, agreement, deal, pact, convention,
//    memorandum, ceasefire, truce, armistice) with their kind
//    ("extradition"), formal name when the text gives one, and parties
//    (actors inside the phrase: "between China and Turkey", and the
//    "with Turkey" of its verb);
//  - the lifecycle step its governing verb reports ("ratified the treaty",
//    "the treaty was signed", "the pact entered into force"), with the
//    actor (the verb's subject), the date (curlew/time.h) and negation;
//    steps in conditional, future or temporal clauses ("before the treaty
//    enters into force", "will ratify") are not recorded as taken;
//  - pronouns ("ratified it") refer to the agreement last named in the
//    document;
//  - commitments: pledge verbs (pledge, promise, vow, assure, guarantee,
//    commit, undertake, swear) with the promised action (their clausal
//    complement: "not to return Uighurs to China"), negation, target, form
//    (verbal, written, signed), a condition attached in the sentence or the
//    next two ("this only applies to guilty people"), date and speaker.
//
// Actor codes come from an ActorLookup supplied by the caller (the actors
// stage), so that the ledger uses the same dictionaries as the coder.
//
// Thread safety: reentrant; the lookup must be safe to call concurrently.
#ifndef CURLEW_LEDGER_EXTRACT_H_
#define CURLEW_LEDGER_EXTRACT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "curlew/document.h"
#include "curlew/ledger.h"

namespace curlew {

class ActorLookup {
 public:
  virtual ~ActorLookup() = default;
  // The actor code of the noun phrase whose head is doc.tokens[head], ""
  // if it names no known actor.
  virtual std::string CodeOf(const Document& doc, uint32_t sentence,
                             uint32_t head) const = 0;
  // Whether an actor with this code can be a party to an agreement (a
  // state or an intergovernmental organisation, not an ethnic group).
  // Default: any code.
  virtual bool IsParty(std::string_view code) const { return !code.empty(); }
};

// Extracts the ledger input of a document whose tokens carry lemmas and a
// dependency tree, and whose events have been coded and dated.
LedgerInput ExtractLedgerInput(const Document& doc, const ActorLookup& actors);

}  // namespace curlew

#endif  // CURLEW_LEDGER_EXTRACT_H_
