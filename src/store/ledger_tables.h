// Reading back the ledger tables that SqlStore::WriteLedger writes
// (agreements, agreement_steps, commitments, commitment_links) as the
// public ledger types, for readers of a store that do not rebuild the
// ledger (the HTTP API).
//
// Thread safety: as the connection (one thread at a time).
#ifndef CURLEW_STORE_LEDGER_TABLES_H_
#define CURLEW_STORE_LEDGER_TABLES_H_

#include <vector>

#include "curlew/ledger.h"
#include "curlew/status.h"
#include "store/sql_connection.h"

namespace curlew::store {

// Agreements by id, each with its steps in stored order and each step's
// sentence. Agreement::mentions stays empty (the tables do not keep it).
Result<std::vector<Agreement>> ReadAgreementTables(SqlConnection& db);

// Commitments by id, each with its links in stored order; a link carries
// its event (from the events table) and sentence. CommitmentMention's by,
// by_text and target_text stay empty (the tables do not keep them).
Result<std::vector<Commitment>> ReadCommitmentTables(SqlConnection& db);

}  // namespace curlew::store

#endif  // CURLEW_STORE_LEDGER_TABLES_H_
