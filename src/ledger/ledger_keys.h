// What ties one document's ledger input to other documents': the keys under
// which Ledger::Build can let a mention, a commitment or an act of one
// document meet an agreement or a pledge another document contributed.
//
// Two documents interact only if a key of one is among PartnerKeys of a key
// of the other (agreement name keys, parties, kinds, a pledge's party and
// action against acts of that party and action). So the documents reachable
// from a changed document through such keys (its connected component) are
// all a rebuild needs: Build over that component gives exactly the
// agreements and commitments a full Build gives for it. The store keeps
// these keys per document to find the component of new documents.
//
// Thread safety: pure functions.
#ifndef CURLEW_LEDGER_LEDGER_KEYS_H_
#define CURLEW_LEDGER_LEDGER_KEYS_H_

#include <string>
#include <string_view>
#include <vector>

#include "curlew/ledger.h"

namespace curlew {

// The document's keys, sorted and without repeats.
std::vector<std::string> LedgerKeys(const LedgerInput& input);

// The keys of other documents that `key` connects to (a key of a name's
// acronym connects to keys of names with those initials, a pledge to acts).
std::vector<std::string> PartnerKeys(std::string_view key);

}  // namespace curlew

#endif  // CURLEW_LEDGER_LEDGER_KEYS_H_
