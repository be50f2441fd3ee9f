// Ingest: documents from a DocumentReader (the reader `curlew code` uses)
// or any other DocumentInput (the Python module's iterables), coded, into a
// Store, safely.
//
//   - Documents are written in batches, one transaction each, so a run
//     killed at any point keeps every batch it committed and nothing else.
//   - A rerun resumes: documents whose id was stored by an earlier run are
//     skipped (unless `replace`, which recodes and replaces them).
//   - Within one run, a second document with an id already read is an
//     error for that document (a rejection naming both places), never a
//     silent overwrite of the first; with `replace` it replaces the first.
//   - A sentence coded only in part (doc.warnings) is a warning line on the
//     log naming the document and the byte position.
//   - A document that fails to read or to code is recorded as rejected,
//     reported on the log with its id and reason, and the run goes on.
//   - A store failure (disk full, lost connection) stops the run with that
//     error; the failing batch is rolled back whole.
//   - With `jobs` > 1, documents are read on one thread and coded on
//     `jobs` threads (parallel/ordered_processor.h) while the calling
//     thread writes them in input order: the batches, the store's contents
//     and the log are those of a one-job run. Up to a batch and 16
//     documents per thread are in flight, so coding goes on while a batch
//     is written.
//
// Thread safety: one Ingest call per Store at a time. With jobs > 1 the
// ProcessFn and IngestOptions::ledger are called from several threads at
// once (Engine::Process and Engine::LedgerInputOf are safe for that).
#ifndef CURLEW_STORE_INGEST_H_
#define CURLEW_STORE_INGEST_H_

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "curlew/document.h"
#include "curlew/ledger.h"
#include "curlew/reader.h"
#include "curlew/status.h"
#include "curlew/store.h"

namespace curlew::store {

struct IngestOptions {
  // Documents per transaction. Default: 1000.
  size_t batch_documents = 1000;
  // Recode and replace documents that are already stored. Default: false.
  bool replace = false;
  // Seconds between progress lines on the log; 0 = no progress lines.
  // Default: 0.
  double progress_interval_s = 0;
  // Extracts a coded document's ledger input (Engine::LedgerInputOf in the
  // CLI). When set, each document's input is stored with it and the
  // agreement and commitment tables are updated at the end of the run
  // (UpdateLedger: only the part the new documents touch).
  // Default: unset (no ledger).
  std::function<LedgerInput(const Document&)> ledger;
  // Threads coding documents; 0 = the number of cores. Default: 1.
  int jobs = 1;
  // Update the agreement and commitment tables at the end of the run
  // (when `ledger` is set). Many ingests writing into one store at once
  // (a distributed ingest) turn this off and call RebuildLedger once
  // afterwards. Default: true.
  bool rebuild_ledger = true;
  // The ids the source will yield, when the caller knows them in advance
  // (one partition of a distributed ingest): the store is asked about these
  // only instead of listing every stored id. Not owned; may be null.
  // Default: null.
  const std::vector<std::string>* resume_ids = nullptr;
};

struct IngestStats {
  int64_t read = 0;        // documents (and read errors) taken from the source
  int64_t stored = 0;      // distinct document ids written (new or replaced)
  int64_t skipped = 0;     // stored by an earlier run, not recoded
  int64_t rejected = 0;    // failed to read or code, or a duplicate id
  int64_t duplicates = 0;  // of `rejected` (or, with replace, replacements)
  int64_t warnings = 0;    // warning lines written
  int64_t sentences = 0;
  int64_t events = 0;
  double seconds = 0;
};

// Codes one document (Engine::Process in the CLI).
using ProcessFn = std::function<Status(Document&)>;

// Where an ingest's documents come from. Only Next is required; the rest
// serve progress lines and the messages naming where a document was read.
class DocumentInput {
 public:
  virtual ~DocumentInput() = default;
  // As DocumentReader::Next.
  virtual bool Next(Result<Document>* out) = 0;
  virtual uint64_t bytes_read() const { return 0; }
  virtual uint64_t bytes_total() const { return 0; }
  // Where the last Next() read from; "" and 0 when unknown.
  virtual std::string last_path() const { return ""; }
  virtual uint64_t last_offset() const { return 0; }
};

// A DocumentReader as a DocumentInput (not owned).
class ReaderInput : public DocumentInput {
 public:
  explicit ReaderInput(DocumentReader& reader) : reader_(reader) {}
  bool Next(Result<Document>* out) override { return reader_.Next(out); }
  uint64_t bytes_read() const override { return reader_.bytes_read(); }
  uint64_t bytes_total() const override { return reader_.bytes_total(); }
  std::string last_path() const override { return reader_.last_path(); }
  uint64_t last_offset() const override { return reader_.last_offset(); }

 private:
  DocumentReader& reader_;
};

// Runs the ingest. `log` receives rejections and progress lines. Returns
// the statistics, or the store error that stopped the run (the counts of
// what was committed before it are in *stats when given).
Result<IngestStats> Ingest(DocumentInput& input, const ProcessFn& process,
                           Store& store, const IngestOptions& options,
                           std::ostream& log, IngestStats* stats = nullptr);

// The same, reading from `reader`.
Result<IngestStats> Ingest(DocumentReader& reader, const ProcessFn& process,
                           Store& store, const IngestOptions& options,
                           std::ostream& log, IngestStats* stats = nullptr);

// Builds the ledger from every document's stored ledger input.
Status LoadLedger(Store& store, Ledger* ledger);

// LoadLedger, then writes the agreement and commitment tables.
Status RebuildLedger(Store& store, Ledger* ledger = nullptr);

// What UpdateLedger rebuilt.
struct UpdateLedgerStats {
  int64_t documents = 0;  // documents whose inputs were rebuilt
  bool full = false;      // the whole ledger was rebuilt
};

// Brings the agreement and commitment tables up to date with the documents
// written since they were last written: rebuilds only the documents tied to
// those through ledger keys (Store::ForEachPendingLedgerInput) and replaces
// only their rows. The tables then hold what RebuildLedger would write, up
// to the numbering of agreement and commitment ids.
Status UpdateLedger(Store& store, UpdateLedgerStats* stats = nullptr);

}  // namespace curlew::store

#endif  // CURLEW_STORE_INGEST_H_
