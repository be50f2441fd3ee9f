// An agreement's title as the text gives it: a capitalised title, a quoted
// one, the words after "called" or "known as", or a capitalised name
// leading a lower-case agreement noun. Internal to src/ledger.
//
// Thread safety: pure functions.
#ifndef CURLEW_LEDGER_TITLES_H_
#define CURLEW_LEDGER_TITLES_H_

#include <cstdint>
#include <string>

#include "ledger/sentence_tree.h"

namespace curlew::ledger_extract {

// A year of four digits at token i ("1987"), "" if none.
std::string YearAt(const Tree& t, uint32_t i);
// Extends `*last` to the closing quote of a quoted title.
void QuotedTitle(const Tree& t, uint32_t n, uint32_t first, uint32_t* last);
// The title after "called", "named", "dubbed" or "known as" that hangs on
// agreement noun `n` (n < 0: on a pronoun or an agreement noun subject).
std::string CalledTitle(const Tree& t, int n);
// "the Paris climate agreement": the name leading a lower-case noun.
std::string ModifierTitle(const Tree& t, uint32_t n);
// "the Treaty on Extradition between ... and ...": a capitalised title of
// noun `n` within the phrase [first, last].
std::string FormalName(const Tree& t, uint32_t n, uint32_t first,
                       uint32_t last);

// The words describing agreement noun `n` ("joint declaration"), "" when
// the noun has no describing word.
std::string Description(const Tree& t, uint32_t n);

}  // namespace curlew::ledger_extract

#endif  // CURLEW_LEDGER_TITLES_H_
