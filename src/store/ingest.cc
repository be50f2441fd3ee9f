#include "store/ingest.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <exception>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "parallel/ordered_processor.h"
#include "parallel/progress.h"

namespace curlew::store {
namespace {

using Clock = std::chrono::steady_clock;

// One document on its way through the processor.
struct Item {
  Result<Document> doc = Status();  // as read: a document or a read error
  Status status;                    // the outcome of coding it
  bool skipped = false;             // already stored, not coded
  LedgerInput ledger;               // when coded and options.ledger is set
  std::string path;                 // where it was read: file and byte
  uint64_t offset = 0;
};

void Progress(const IngestStats& st, uint64_t bytes_read, uint64_t bytes_total,
              std::ostream& log) {
  parallel::ProgressCounts c;
  c.documents = st.stored;
  c.events = st.events;
  c.skipped = st.skipped;
  c.rejected = st.rejected;
  c.bytes_read = bytes_read;
  c.bytes_total = bytes_total;
  c.seconds = st.seconds;
  log << parallel::ProgressLine("ingest", c) << '\n' << std::flush;
}

}  // namespace

Result<IngestStats> Ingest(DocumentInput& source, const ProcessFn& process,
                           Store& store, const IngestOptions& options,
                           std::ostream& log, IngestStats* stats_out) {
  IngestStats local;
  IngestStats& st = stats_out ? *stats_out : local;
  st = IngestStats{};
  Clock::time_point start = Clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(Clock::now() - start).count();
  };

  // Ids stored by earlier runs (skipped: the run resumes), and the ids of
  // this run with where each was read (a second one is a duplicate).
  std::unordered_set<std::string> stored;
  if (!options.replace) {
    auto add = [&](std::string_view id) { stored.emplace(id); };
    Status s = options.resume_ids
                   ? store.ForEachStoredId(*options.resume_ids, add)
                   : store.ForEachDocumentId(add);
    if (!s.ok()) return s;
  }
  std::unordered_map<std::string, std::string> seen;

  WriteBatch batch;
  int64_t pending_new = 0, pending_sentences = 0, pending_events = 0;
  auto flush = [&]() -> Status {
    if (batch.documents.empty() && batch.rejections.empty()) return Status();
    Status s = store.Write(batch);
    if (!s.ok()) return s;
    st.stored += pending_new;
    st.sentences += pending_sentences;
    st.events += pending_events;
    pending_new = pending_sentences = pending_events = 0;
    batch.documents.clear();
    batch.rejections.clear();
    batch.ledger.clear();
    return Status();
  };
  auto reject = [&](const std::string& id, const Status& why) {
    ++st.rejected;
    log << "curlew ingest: rejected " << (id.empty() ? "(no id)" : id) << ": "
        << why.ToString() << '\n';
    batch.rejections.push_back(
        {id, why.where(), why.position(), why.code(), why.message()});
  };

  // Reading and coding run on the processor's threads; everything that
  // touches the store or the statistics stays on this thread, in input
  // order, so batches and what a killed run leaves behind are those of a
  // one-thread run. `stored` is only read while the processor runs.
  std::atomic<uint64_t> bytes_read{0};
  auto read = [&](Item* item) {
    const bool more = source.Next(&item->doc);
    item->path = source.last_path();
    item->offset = source.last_offset();
    bytes_read.store(source.bytes_read(), std::memory_order_relaxed);
    return more;
  };
  auto code = [&](Item& item) {
    if (!item.doc.ok() || item.doc->id.empty()) return;
    Document& doc = *item.doc;
    if (stored.count(doc.id)) {
      item.skipped = true;
      return;
    }
    // A bug that throws in one document must not end the run.
    try {
      item.status = process(doc);
    } catch (const std::exception& e) {
      item.status = Status::Error(ErrorCode::kInternal,
                                  std::string("coding failed: ") + e.what());
    }
    if (item.status.ok() && options.ledger) item.ledger = options.ledger(doc);
  };
  size_t batch_size = options.batch_documents ? options.batch_documents : 1;
  parallel::ProcessorOptions processor_options;
  processor_options.jobs = options.jobs;
  // While this thread writes a batch, the workers go on coding the next
  // one: the window holds a batch and a little more, so they do not wait
  // for the write to end (with the processor's default window of 16 per
  // thread they stood idle for most of each write).
  const int threads = options.jobs > 0 ? options.jobs : parallel::DefaultJobs();
  processor_options.max_in_flight =
      batch_size + 16 * static_cast<size_t>(threads);
  parallel::OrderedProcessor<Item> processor(read, code, processor_options);

  double next_progress = options.progress_interval_s;
  Item item;
  while (processor.Next(&item)) {
    ++st.read;
    if (!item.doc.ok()) {
      reject("", item.doc.status());
    } else {
      Document& doc = *item.doc;
      const std::string where =
          item.path + ", byte " + std::to_string(item.offset);
      auto first = seen.find(doc.id);
      const bool duplicate = first != seen.end();
      if (doc.id.empty()) {
        reject("",
               Status::Error(ErrorCode::kInvalidArgument, "document has no id",
                             item.path, static_cast<int64_t>(item.offset)));
      } else if (duplicate && !options.replace) {
        ++st.duplicates;
        reject(doc.id, Status::Error(
                           ErrorCode::kInvalidArgument,
                           "duplicate document id '" + doc.id +
                               "': the document read first (" + first->second +
                               ") is kept, this one is not stored "
                               "(--replace stores the later one)",
                           item.path, static_cast<int64_t>(item.offset)));
      } else if (!duplicate && item.skipped) {
        ++st.skipped;
      } else if (!item.status.ok()) {
        reject(doc.id, item.status.WithWhere(doc.id));
      } else {
        for (const Status& w : doc.warnings) {
          ++st.warnings;
          log << "curlew ingest: warning: " << w.ToString() << '\n';
        }
        if (duplicate) {
          ++st.duplicates;  // replaces the earlier one (--replace)
        } else {
          ++pending_new;
          seen.emplace(doc.id, where);
        }
        pending_sentences += static_cast<int64_t>(doc.sentences.size());
        pending_events += static_cast<int64_t>(doc.events.size());
        if (options.ledger) batch.ledger.push_back(std::move(item.ledger));
        batch.documents.push_back(std::move(doc));
      }
    }
    if (batch.documents.size() + batch.rejections.size() >= batch_size) {
      Status s = flush();
      if (!s.ok()) {
        st.seconds = elapsed();
        return s;
      }
    }
    if (options.progress_interval_s > 0 && elapsed() >= next_progress) {
      st.seconds = elapsed();
      Progress(st, bytes_read.load(std::memory_order_relaxed),
               source.bytes_total(), log);
      next_progress = st.seconds + options.progress_interval_s;
    }
  }
  Status s = flush();
  if (s.ok() && options.ledger && options.rebuild_ledger) {
    s = UpdateLedger(store);
  }
  st.seconds = elapsed();
  if (!s.ok()) return s;
  return st;
}

Status LoadLedger(Store& store, Ledger* ledger) {
  Status s = store.ForEachLedgerInput(
      [&](LedgerInput&& in) { ledger->Add(std::move(in)); });
  if (!s.ok()) return s;
  ledger->Build();
  return Status();
}

Status RebuildLedger(Store& store, Ledger* out) {
  Ledger local;
  Ledger& ledger = out ? *out : local;
  Status s = LoadLedger(store, &ledger);
  if (!s.ok()) return s;
  return store.WriteLedger(ledger);
}

Status UpdateLedger(Store& store, UpdateLedgerStats* stats) {
  Ledger ledger;
  std::vector<std::string> doc_ids;
  bool all = false;
  Status s = store.ForEachPendingLedgerInput(
      [&](LedgerInput&& in) { ledger.Add(std::move(in)); }, &doc_ids, &all);
  if (!s.ok()) return s;
  if (stats != nullptr) {
    stats->documents = static_cast<int64_t>(doc_ids.size());
    stats->full = all;
  }
  ledger.Build();
  return all ? store.WriteLedger(ledger)
             : store.WriteLedgerPart(ledger, doc_ids);
}

Result<IngestStats> Ingest(DocumentReader& reader, const ProcessFn& process,
                           Store& store, const IngestOptions& options,
                           std::ostream& log, IngestStats* stats) {
  ReaderInput input(reader);
  return Ingest(input, process, store, options, log, stats);
}

}  // namespace curlew::store
