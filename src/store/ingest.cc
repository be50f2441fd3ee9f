#include "store/ingest.h"

#include <chrono>
#include <cstdio>
#include <exception>
#include <string>
#include <unordered_set>

#include "parallel/progress.h"

namespace curlew::store {
namespace {

using Clock = std::chrono::steady_clock;

void Progress(const IngestStats& st, const DocumentSource& source,
              std::ostream& log) {
  parallel::ProgressCounts c;
  c.documents = st.stored;
  c.events = st.events;
  c.skipped = st.skipped;
  c.rejected = st.rejected;
  c.bytes_read = source.bytes_read();
  c.bytes_total = source.bytes_total();
  c.seconds = st.seconds;
  log << parallel::ProgressLine("ingest", c) << '\n' << std::flush;
}

}  // namespace

Result<IngestStats> Ingest(DocumentSource& source, const ProcessFn& process,
                           Store& store, const IngestOptions& options,
                           std::ostream& log, IngestStats* stats_out) {
  IngestStats local;
  IngestStats& st = stats_out ? *stats_out : local;
  st = IngestStats{};
  Clock::time_point start = Clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(Clock::now() - start).count();
  };

  std::unordered_set<std::string> stored;
  if (!options.replace) {
    Status s = store.ForEachDocumentId(
        [&](std::string_view id) { stored.emplace(id); });
    if (!s.ok()) return s;
  }

  WriteBatch batch;
  int64_t pending_sentences = 0, pending_events = 0;
  auto flush = [&]() -> Status {
    if (batch.documents.empty() && batch.rejections.empty()) return Status();
    Status s = store.Write(batch);
    if (!s.ok()) return s;
    st.stored += static_cast<int64_t>(batch.documents.size());
    st.sentences += pending_sentences;
    st.events += pending_events;
    pending_sentences = pending_events = 0;
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

  size_t batch_size = options.batch_documents ? options.batch_documents : 1;
  double next_progress = options.progress_interval_s;
  Result<Document> item = Status();
  while (source.Next(&item)) {
    ++st.read;
    if (!item.ok()) {
      reject("", item.status());
    } else {
      Document& doc = *item;
      if (doc.id.empty()) {
        reject("", Status::Error(ErrorCode::kInvalidArgument,
                                 "document has no id", doc.url));
      } else if (stored.count(doc.id)) {
        ++st.skipped;
      } else {
        Status s;
        // A bug that throws in one document must not end the run.
        try {
          s = process(doc);
        } catch (const std::exception& e) {
          s = Status::Error(ErrorCode::kInternal,
                            std::string("coding failed: ") + e.what());
        }
        if (!s.ok()) {
          reject(doc.id, s.WithWhere(doc.id));
        } else {
          pending_sentences += static_cast<int64_t>(doc.sentences.size());
          pending_events += static_cast<int64_t>(doc.events.size());
          if (options.ledger) batch.ledger.push_back(options.ledger(doc));
          batch.documents.push_back(std::move(doc));
        }
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
      Progress(st, source, log);
      next_progress = st.seconds + options.progress_interval_s;
    }
  }
  Status s = flush();
  if (s.ok() && options.ledger) s = RebuildLedger(store);
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

}  // namespace curlew::store
