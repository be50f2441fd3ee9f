// Store benchmarks:
//   BM_IngestSqlite     store-side ingest of synthetic coded documents
//                       (items/s = events/s; target >= 20,000)
//   BM_DyadByMonth      dyad-by-month aggregate over 1,000,000 stored events
//                       (target < 200 ms), from the summary table and, for
//                       comparison, from the events table
//   BM_EndToEnd         text -> Engine::Process -> store, in sentences/s
//                       (what the engine codes depends on the stages built)
//
// The 1M-event store is built once into $TMPDIR/curlew-bench-1m.db and
// reused by later runs.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "curlew/engine.h"
#include "curlew/store.h"
#include "store/synthetic.h"

namespace {

using curlew::Document;
using curlew::Store;

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / name).string();
}

std::unique_ptr<Store> OpenFresh(const std::string& path) {
  std::filesystem::remove(path);
  std::filesystem::remove(path + "-wal");
  std::filesystem::remove(path + "-shm");
  auto s = Store::Open(path, {});
  return s.ok() ? std::move(*s) : nullptr;
}

// One iteration fills a new store with 200,000 events (50,000 documents of
// 4 sentences and 4 events) in batches of range(0) documents, one
// transaction each; documents are made while the clock is stopped. The
// rate therefore includes the cost of indexes growing to that size.
void BM_IngestSqlite(benchmark::State& state) {
  const int batch_docs = static_cast<int>(state.range(0));
  constexpr int kDocuments = 50000;
  std::string path = TempPath("curlew-bench-ingest.db");
  int64_t events = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::unique_ptr<Store> store = OpenFresh(path);
    if (!store) {
      state.SkipWithError("cannot open the store");
      break;
    }
    for (int first = 0; first < kDocuments; first += batch_docs) {
      curlew::WriteBatch batch;
      for (int i = first; i < first + batch_docs && i < kDocuments; ++i) {
        batch.documents.push_back(curlew::store::SyntheticDocument(i));
        events += static_cast<int64_t>(batch.documents.back().events.size());
      }
      state.ResumeTiming();
      curlew::Status s = store->Write(batch);
      state.PauseTiming();
      if (!s.ok()) {
        state.SkipWithError(s.ToString().c_str());
        break;
      }
    }
    store.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(events);
  state.counters["events/s"] = benchmark::Counter(static_cast<double>(events),
                                                  benchmark::Counter::kIsRate);
  std::filesystem::remove(path);
  std::filesystem::remove(path + "-wal");
  std::filesystem::remove(path + "-shm");
}
BENCHMARK(BM_IngestSqlite)
    ->Arg(200)
    ->Arg(1000)
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

constexpr int64_t kMillionEvents = 1000000;

// The 1M-event store: 100,000 documents of 10 sentences, one event each.
Store* MillionEventStore() {
  static std::unique_ptr<Store> store = [] {
    std::string path = TempPath("curlew-bench-1m.db");
    {
      auto s = Store::Open(path, {});
      if (s.ok()) {
        auto c = (*s)->Counts();
        if (c.ok() && c->events == kMillionEvents) return std::move(*s);
      }
    }
    std::unique_ptr<Store> fresh = OpenFresh(path);
    if (!fresh) return fresh;
    curlew::store::SyntheticOptions o;
    o.sentences = 10;
    o.actors = 24;
    int64_t docs = kMillionEvents / o.sentences;
    for (int64_t first = 0; first < docs; first += 1000) {
      curlew::WriteBatch b;
      for (int64_t i = first; i < first + 1000 && i < docs; ++i) {
        b.documents.push_back(curlew::store::SyntheticDocument(i, o));
      }
      if (!fresh->Write(b).ok()) return std::unique_ptr<Store>();
    }
    return fresh;
  }();
  return store.get();
}

void BM_DyadByMonth(benchmark::State& state) {
  Store* store = MillionEventStore();
  if (!store) {
    state.SkipWithError("cannot build the 1M-event store");
    return;
  }
  bool from_events = state.range(0) == 1;
  size_t rows = 0;
  for (auto _ : state) {
    auto r = from_events ? store->CountFromEvents({}, curlew::GroupBy::kDyad,
                                                  curlew::Period::kMonth)
                         : store->Count({}, curlew::GroupBy::kDyad,
                                        curlew::Period::kMonth);
    if (!r.ok()) {
      state.SkipWithError(r.status().ToString().c_str());
      break;
    }
    rows = r->size();
  }
  state.counters["rows"] = static_cast<double>(rows);
  state.SetLabel(from_events ? "events table" : "summary table");
}
BENCHMARK(BM_DyadByMonth)
    ->Arg(0)
    ->Arg(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// Dyad by month for one source prefix, which the summary also serves.
void BM_DyadByMonthForSource(benchmark::State& state) {
  Store* store = MillionEventStore();
  if (!store) {
    state.SkipWithError("cannot build the 1M-event store");
    return;
  }
  curlew::EventFilter f;
  f.source = "TUR";
  for (auto _ : state) {
    auto r = store->Count(f, curlew::GroupBy::kDyad, curlew::Period::kMonth);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_DyadByMonthForSource)->Unit(benchmark::kMillisecond);

void BM_EndToEnd(benchmark::State& state) {
  auto engine = curlew::Engine::Create({});
  if (!engine.ok()) {
    state.SkipWithError(engine.status().ToString().c_str());
    return;
  }
  std::string path = TempPath("curlew-bench-e2e.db");
  std::unique_ptr<Store> store = OpenFresh(path);
  // Text only, as a reader delivers it; the engine does the rest.
  std::vector<Document> input;
  for (uint64_t i = 0; i < 200; ++i) {
    Document d = curlew::store::SyntheticDocument(i);
    Document raw;
    raw.id = d.id;
    raw.date = d.date;
    raw.text = d.text;
    input.push_back(std::move(raw));
  }
  int64_t sentences = 0, events = 0;
  for (auto _ : state) {
    curlew::WriteBatch b;
    for (const Document& d : input) {
      Document doc = d;
      if (!(*engine)->Process(doc).ok()) continue;
      sentences += static_cast<int64_t>(doc.sentences.size());
      events += static_cast<int64_t>(doc.events.size());
      b.documents.push_back(std::move(doc));
    }
    if (!store->Write(b).ok()) {
      state.SkipWithError("store write failed");
      break;
    }
  }
  state.SetItemsProcessed(sentences);
  state.counters["sentences/s"] = benchmark::Counter(
      static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["events/s"] = benchmark::Counter(static_cast<double>(events),
                                                  benchmark::Counter::kIsRate);
  state.SetLabel("pipeline: " + (*engine)->pipeline().Describe());
  store.reset();
  std::filesystem::remove(path);
  std::filesystem::remove(path + "-wal");
  std::filesystem::remove(path + "-shm");
}
BENCHMARK(BM_EndToEnd)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
