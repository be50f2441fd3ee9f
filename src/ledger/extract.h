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
// Who a phrase names is read from the actors stage's mentions
// (Document::actor_mentions) by the phrase's head: the ledger codes no
// noun phrase itself and asks no one.
//
// The parts live in files named by their job (ledger/extractor.h lists
// them): clauses, agreement words, titles, steps, parties, accessions,
// agreement mentions, commitments.
//
// Thread safety: reentrant.
#ifndef CURLEW_LEDGER_EXTRACT_H_
#define CURLEW_LEDGER_EXTRACT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "curlew/document.h"
#include "curlew/ledger.h"
#include "ledger/knowledge.h"

namespace curlew {

// Extracts the ledger input of a document whose tokens carry lemmas and a
// dependency tree, whose actors have been found and whose events have been
// coded and dated. `countries` (sorted codes) says who can be a party to an
// agreement: a state (by the first three letters of its code) or an
// intergovernmental organisation (IGO...), not an ethnic group; empty:
// any actor. `knowledge` (may be null) says which states belong to which
// organisations on a date ("NATO's 30 members signed" names them; "Finland
// joined NATO" is Finland's accession) and the titles of agreements known
// by other names.
LedgerInput ExtractLedgerInput(const Document& doc,
                               const std::vector<std::string>& countries,
                               const LedgerKnowledge* knowledge = nullptr);

}  // namespace curlew

#endif  // CURLEW_LEDGER_EXTRACT_H_
