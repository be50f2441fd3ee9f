// Store: the dataset. Coded documents, their sentences and events (with
// provenance and attribution), rejected documents and the agreement /
// commitment ledger, in one versioned schema shared by two backends:
//
//   - SQLite, embedded, for one user (the default; a file such as
//     "curlew.db"; WAL journal, prepared statements);
//   - PostgreSQL, for a shared, multi-writer store ("postgresql://..."
//     URL; libpq, parameterised queries only).
//
//   auto store = curlew::Store::Open("curlew.db", {});
//   if (!store.ok()) { ...store.status()... }
//   curlew::WriteBatch batch;
//   batch.documents.push_back(std::move(doc));       // coded Document
//   curlew::Status s = (*store)->Write(batch);       // one transaction
//
// Every write is one transaction: a batch is stored whole or not at all.
// Writing a document whose id is already stored replaces its rows. Queries
// and exports read through EventFilter; every value in a filter reaches the
// database as a bound parameter, never as SQL text.
//
// Thread safety: a Store is one database connection; use it from one thread
// at a time (open one Store per thread). Several processes may share one
// SQLite file or one PostgreSQL database.
#ifndef CURLEW_STORE_H_
#define CURLEW_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "curlew/document.h"
#include "curlew/event.h"
#include "curlew/event_record.h"
#include "curlew/ledger.h"
#include "curlew/status.h"

namespace curlew {

// The schema version this build writes. A store with a newer version is
// refused with ErrorCode::kUnsupported; an older one is migrated on Open.
inline constexpr int kStoreSchemaVersion = 5;

// Default SQLite file name.
inline constexpr const char* kDefaultStorePath = "curlew.db";

struct StoreOptions {
  // Open for reading only: writes fail, the schema is never created or
  // migrated. Default: false.
  bool read_only = false;
  // Create the store (file or schema) when absent. Default: true.
  bool create = true;
  // How long a writer waits for a lock held by another process, in
  // milliseconds (SQLite busy timeout; PostgreSQL lock_timeout).
  // Default: 10000.
  int busy_timeout_ms = 10000;
  // PostgreSQL connection timeout in seconds. Default: 5.
  int connect_timeout_s = 5;
  // SQLite only: the most pages the file may grow to (PRAGMA
  // max_page_count); 0 = SQLite's own limit. Used to simulate a full disk.
  // Default: 0.
  int64_t sqlite_max_page_count = 0;
  // The longest one statement may run, in milliseconds; a statement that
  // takes longer is stopped and fails with kLimitExceeded (SQLite progress
  // handler; PostgreSQL statement_timeout). 0 = no limit. Default: 0.
  int query_timeout_ms = 0;
};

// One reason a document could not be coded.
struct Rejection {
  std::string doc_id;     // may be empty if the reader could not tell it
  std::string where;      // input file (or document id)
  int64_t position = -1;  // byte offset or line in `where`, -1 if unknown
  ErrorCode code = ErrorCode::kInternal;
  std::string reason;  // the error message
};

// What one Write() stores, in one transaction.
struct WriteBatch {
  std::vector<Document> documents;  // coded documents; replace same ids
  std::vector<Rejection> rejections;
  // What each document says for the ledger (any subset of `documents`, by
  // doc_id); replaces that document's earlier ledger input.
  std::vector<LedgerInput> ledger;
};

// Events selected by a query or export. Empty fields select everything.
struct EventFilter {
  std::string from;    // first event date, "YYYY[-MM[-DD]]", inclusive
  std::string to;      // last event date, "YYYY[-MM[-DD]]", inclusive
  std::string source;  // source actor code or prefix ("TUR", "TURGOV")
  std::string target;  // target actor code or prefix ("IGO")
  std::string actor;   // source or target actor code or prefix ("TUR")
  // Match source, target and actor as whole codes, not as prefixes.
  bool exact_actors = false;
  std::string cameo;   // CAMEO code, exact ("057")
  std::string root;    // CAMEO root ("05")
  int quad = 0;        // quad class 1..4; 0 = any
  std::string plover;  // PLOVER event type ("AGREE")
  // Event modalities to keep ("asserted", "negated", "hypothetical",
  // "future", "alleged"); empty = all. Events of stores written before
  // modality existed read as "asserted" (schema version 3).
  std::vector<std::string> modality;
  std::string text;    // substring of the sentence (ASCII case ignored)
  std::string doc_id;  // one document
  // Phoenix "one-a-day" deduplication: keep one event per (date, source,
  // target, CAMEO code); its `mentions` says how many were merged.
  bool one_a_day = false;
  // Most rows returned; 0 = no limit.
  int64_t limit = 0;
  // Keyset paging for QueryEvents: only events after `after` in the query's
  // order (event date, document id, event index). Unset when
  // after.doc_id is empty.
  struct Position {
    std::string date;  // EventRecord::date
    std::string doc_id;
    int64_t index = 0;  // EventRecord::index
  } after;
};

// Checks the values of a filter (date formats, quad range). Ok or
// kInvalidArgument naming the offending field.
Status ValidateFilter(const EventFilter& filter);

// Time buckets for aggregates.
enum class Period { kAll, kDay, kWeek, kMonth, kYear };
// "all", "day", "week", "month", "year" -> Period; kInvalidArgument else.
Result<Period> ParsePeriod(std::string_view name);

// What aggregates group by besides the period.
enum class GroupBy { kDyad, kRoot, kQuad };

// One row of an aggregate.
struct GroupCount {
  // "YYYY-MM-DD" (day; the Monday for weeks), "YYYY-MM", "YYYY"; "" for
  // Period::kAll or when the event date is less precise than the period.
  std::string period;
  std::string source;  // kDyad
  std::string target;  // kDyad
  std::string root;    // kRoot
  int quad = 0;        // kQuad
  int64_t events = 0;
  double mean_goldstein = 0.0;  // rounded to 0.01
};

struct StoreCounts {
  int64_t documents = 0;
  int64_t sentences = 0;
  int64_t events = 0;
  int64_t rejected = 0;
};

class Store {
 public:
  // `location`: a file path (SQLite) or a "postgresql://" / "postgres://"
  // URL. Creates and migrates the schema as options allow. Errors: bad
  // path, unreadable or read-only file, not a database, a schema newer
  // than kStoreSchemaVersion, an unreachable server; each one clear error.
  static Result<std::unique_ptr<Store>> Open(const std::string& location,
                                             const StoreOptions& options);

  virtual ~Store() = default;

  // "sqlite" or "postgresql".
  virtual std::string_view backend() const = 0;
  // The location as given to Open, with any password removed.
  virtual const std::string& location() const = 0;
  // The schema version of the open store.
  virtual Result<int> SchemaVersion() = 0;

  // Stores a batch in one transaction (all or nothing). Documents replace
  // stored rows with the same id and clear their earlier rejection.
  virtual Status Write(const WriteBatch& batch) = 0;

  // Calls `visit` for every stored document id (for resuming an ingest).
  virtual Status ForEachDocumentId(
      const std::function<void(std::string_view)>& visit) = 0;
  // Calls `visit` for every id of `ids` that is stored (in no particular
  // order): resuming an ingest whose ids are known in advance.
  virtual Status ForEachStoredId(
      const std::vector<std::string>& ids,
      const std::function<void(std::string_view)>& visit) = 0;

  virtual Result<StoreCounts> Counts() = 0;
  // Calls `visit` for every stored document's ledger input, in doc-id
  // order.
  virtual Status ForEachLedgerInput(
      const std::function<void(LedgerInput&&)>& visit) = 0;
  // Replaces the stored agreements, steps, commitments and links (the
  // tables SQL users read) with those of `ledger`, in one transaction.
  // Also clears what ForEachPendingLedgerInput would visit.
  virtual Status WriteLedger(const Ledger& ledger) = 0;

  // The incremental ledger. Calls `visit` for the stored ledger input of
  // every document whose part of the ledger may have changed since the
  // ledger tables were last written: the documents written or removed
  // since, and every document connected to them through their ledger keys
  // (src/ledger/ledger_keys.h). `doc_ids` gets those ids (removed ones
  // too). `*all` is set, and every input visited, when that would be most
  // of the store (or the store has no keys yet): the caller then rebuilds
  // everything with WriteLedger.
  virtual Status ForEachPendingLedgerInput(
      const std::function<void(LedgerInput&&)>& visit,
      std::vector<std::string>* doc_ids, bool* all) = 0;
  // Replaces the agreements founded in, and the commitments of, the
  // documents `doc_ids` (with their steps and links) by those of `ledger`,
  // built from exactly the inputs ForEachPendingLedgerInput visited; the
  // new rows get ids after the highest stored. Clears what is pending.
  virtual Status WriteLedgerPart(const Ledger& ledger,
                                 const std::vector<std::string>& doc_ids) = 0;

  // Stored rejections, in document-id order.
  virtual Result<std::vector<Rejection>> Rejections() = 0;

  // Calls `visit` for every event that `filter` selects, ordered by date,
  // document id and event index; stops early when `visit` returns false.
  virtual Status QueryEvents(
      const EventFilter& filter,
      const std::function<bool(const EventRecord&)>& visit) = 0;

  // Event counts and mean Goldstein per group and period, ordered by
  // period then group. Uses a maintained summary table when the filter
  // allows (dyads by month or year, source/target filters only).
  virtual Result<std::vector<GroupCount>> Count(const EventFilter& filter,
                                                GroupBy group,
                                                Period period) = 0;

  // The same aggregate always computed from the events table (a reference
  // for tests of the summary path).
  virtual Result<std::vector<GroupCount>> CountFromEvents(
      const EventFilter& filter, GroupBy group, Period period) = 0;

  // One stored document: its metadata, text and sentence spans (no tokens;
  // events through QueryEvents with EventFilter::doc_id). kNotFound when no
  // document has that id.
  virtual Result<Document> ReadDocument(const std::string& doc_id) = 0;

  // The agreement and commitment tables written by WriteLedger, read back
  // (by id; steps and links in stored order, each with its sentence). What
  // the tables do not keep is left empty: Agreement::mentions,
  // CommitmentMention::by, by_text and target_text.
  virtual Result<std::vector<Agreement>> ReadAgreements() = 0;
  virtual Result<std::vector<Commitment>> ReadCommitments() = 0;
};

}  // namespace curlew

#endif  // CURLEW_STORE_H_
