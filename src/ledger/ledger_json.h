// JSON forms of the ledger: LedgerInput (what the store keeps per document,
// so the ledger can be rebuilt from any set of stored documents) and the
// agreements and commitments that programs read (`curlew agreements
// --format json`).
//
// Thread safety: reentrant.
#ifndef CURLEW_LEDGER_LEDGER_JSON_H_
#define CURLEW_LEDGER_LEDGER_JSON_H_

#include <string>
#include <string_view>

#include "curlew/ledger.h"
#include "curlew/status.h"

namespace curlew {

std::string LedgerInputToJson(const LedgerInput& input);
// Errors: kParseError naming `where` (e.g. the document id).
Result<LedgerInput> LedgerInputFromJson(std::string_view json,
                                        const std::string& where);

// One agreement with its steps and its status as of `as_of` ("" = latest),
// as one JSON object on one line.
std::string AgreementToJson(const Agreement& agreement, std::string_view as_of);
// One commitment with its links, as one JSON object on one line.
std::string CommitmentToJson(const Commitment& commitment);

}  // namespace curlew

#endif  // CURLEW_LEDGER_LEDGER_JSON_H_
