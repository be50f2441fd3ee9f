#include "store/ingest.h"

#include <chrono>
#include <cstdio>
#include <exception>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace curlew::store {
namespace {

using Clock = std::chrono::steady_clock;

std::string Duration(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60,
                s % 60);
  return buf;
}

void Progress(const IngestStats& st, const DocumentReader& source,
              std::ostream& log) {
  double t = st.seconds > 0 ? st.seconds : 1e-9;
  char buf[160];
  std::snprintf(buf, sizeof buf,
                "ingest: %lld documents (%.0f/s), %lld events (%.0f/s), "
                "%lld skipped, %lld rejected",
                static_cast<long long>(st.stored), st.stored / t,
                static_cast<long long>(st.events), st.events / t,
                static_cast<long long>(st.skipped),
                static_cast<long long>(st.rejected));
  std::string line = buf;
  uint64_t total = source.bytes_total(), done = source.bytes_read();
  if (total > 0 && done > 0 && done <= total) {
    double fraction = static_cast<double>(done) / static_cast<double>(total);
    std::snprintf(buf, sizeof buf, ", %.1f%%, ETA %s", 100.0 * fraction,
                  Duration(st.seconds * (1.0 - fraction) / fraction).c_str());
    line += buf;
  }
  log << line << '\n' << std::flush;
}

}  // namespace

Result<IngestStats> Ingest(DocumentReader& source, const ProcessFn& process,
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
    Status s = store.ForEachDocumentId(
        [&](std::string_view id) { stored.emplace(id); });
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

  size_t batch_size = options.batch_documents ? options.batch_documents : 1;
  double next_progress = options.progress_interval_s;
  Result<Document> item = Status();
  while (source.Next(&item)) {
    ++st.read;
    if (!item.ok()) {
      reject("", item.status());
    } else {
      Document& doc = *item;
      const std::string where =
          source.last_path() + ", byte " + std::to_string(source.last_offset());
      auto first = seen.find(doc.id);
      const bool duplicate = first != seen.end();
      if (doc.id.empty()) {
        reject("", Status::Error(ErrorCode::kInvalidArgument,
                                 "document has no id", source.last_path(),
                                 static_cast<int64_t>(source.last_offset())));
      } else if (duplicate && !options.replace) {
        ++st.duplicates;
        reject(doc.id, Status::Error(
                           ErrorCode::kInvalidArgument,
                           "duplicate document id '" + doc.id +
                               "': the document read first (" + first->second +
                               ") is kept, this one is not stored "
                               "(--replace stores the later one)",
                           source.last_path(),
                           static_cast<int64_t>(source.last_offset())));
      } else if (!duplicate && stored.count(doc.id)) {
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
