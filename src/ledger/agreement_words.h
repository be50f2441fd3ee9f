// The words that name an agreement (treaty, accord, deal, ...) and the kind
// a word gives it (extradition, trade, ceasefire, ...). Internal to
// src/ledger.
//
// Thread safety: pure functions.
#ifndef CURLEW_LEDGER_AGREEMENT_WORDS_H_
#define CURLEW_LEDGER_AGREEMENT_WORDS_H_

#include <cstdint>
#include <string_view>

#include "ledger/sentence_tree.h"

namespace curlew::ledger_extract {

// The kind of agreement a word gives ("extradition", "ceasefire", ...),
// nullptr if none.
const char* KindOf(std::string_view lemma);
// A lemma of the agreement-noun list.
bool IsAgreementWord(std::string_view lemma);
// Word i of the sentence names an agreement.
bool IsAgreementNoun(const Tree& t, uint32_t i);

}  // namespace curlew::ledger_extract

#endif  // CURLEW_LEDGER_AGREEMENT_WORDS_H_
