// Repairs of parses the statistical parser gets wrong in a known,
// recognisable way, applied after it (and after the punctuation
// attacher). Each repair is a rule on the tree alone, says what it
// recognises, and leaves every other sentence as parsed.

#ifndef CURLEW_SYNTAX_REPAIRS_H_
#define CURLEW_SYNTAX_REPAIRS_H_

#include <cstddef>

#include "curlew/document.h"

namespace curlew::syntax {

// A closing attribution read as a relative clause: in "Gondor welcomed the
// talks, the official news agency NAME said on Thursday." the parser may
// make "said" a relative clause of "agency" (with NAME as its subject),
// which leaves the report without a speaker. A reporting verb (say, report,
// tell, add, ...) that is a relative clause with no relative pronoun and no
// object or clause of its own, whose noun follows a comma and whose words
// end the sentence, becomes a parataxis of the sentence's root with the
// noun as its subject (NAME as the noun's apposition). `tokens` are the n
// tokens of one parsed sentence (heads 1-based within it).
void RepairClosingAttribution(Token* tokens, size_t n);

// A list of names read as an apposition: in "Arnor, Calenardhon and Gondor
// welcomed the talks" the parser may make "Calenardhon" an apposition of
// "Arnor" with "Gondor" conjoined to it. A name in apposition to a name
// that has a coordinated name of its own (with "and"/"or") is the list's
// second member: both become conjuncts of the first name.
void RepairNameListApposition(Token* tokens, size_t n);

// Two subjects of one verb, the first right before the second ("Evil
// Mordor welcomed ...", with "Evil" read as a noun subject): the first is a
// modifier of the second (compound, or amod for an adjective).
void RepairDoubleSubject(Token* tokens, size_t n);

// An infinitive complement read as an adverbial clause: in "the militia
// vowed on Thursday to wage war" the parser may make "wage" an advcl of
// "vowed" (a purpose), which hides what was vowed. A subjectless "to"
// infinitive after a verb of intending, promising, deciding, trying or
// asking (a fixed list: control verbs) is its complement (xcomp).
void RepairControlComplement(Token* tokens, size_t n);

// All of the above, in order.
void RepairParse(Token* tokens, size_t n);

}  // namespace curlew::syntax

#endif  // CURLEW_SYNTAX_REPAIRS_H_
