// The incremental ledger: adding one document to a store of 1,000,000
// documents, each with a ledger input (store/synthetic.h: a titled agreement
// per four documents), and bringing the agreement tables up to date.
//   BM_AddOneDocument   Store::Write of one new document joining an existing
//                       agreement, then store::UpdateLedger (target < 1 s);
//                       counters: documents rebuilt per update
//
// The store is built once into $TMPDIR/curlew-bench-ledger-1000000.db
// (documents of one sentence and one event, in batches of 2,000, the ledger
// updated after each) and reused by later runs; each run adds documents with
// new ids, so the store grows by the iterations run. Building it takes
// minutes.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "curlew/store.h"
#include "store/ingest.h"
#include "store/synthetic.h"

namespace {

using curlew::Store;
using curlew::store::SyntheticOptions;

// CURLEW_BENCH_DOCUMENTS overrides the store's size (a quick check).
uint64_t Documents() {
  const char* env = std::getenv("CURLEW_BENCH_DOCUMENTS");
  return env != nullptr ? std::strtoull(env, nullptr, 10) : 1000000;
}

SyntheticOptions Small() {
  SyntheticOptions o;
  o.sentences = 1;
  o.events_per_sentence = 1;
  return o;
}

// Opens the store, building it first when it is not complete.
std::unique_ptr<Store> OpenBuilt(std::string* error) {
  const uint64_t kDocuments = Documents();
  const std::string path =
      (std::filesystem::temp_directory_path() /
       ("curlew-bench-ledger-" + std::to_string(kDocuments) + ".db"))
          .string();
  const std::string done = path + ".built";
  if (!std::filesystem::exists(done)) {
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path + suffix);
  }
  auto opened = Store::Open(path, {});
  if (!opened.ok()) {
    *error = opened.status().ToString();
    return nullptr;
  }
  std::unique_ptr<Store> store = std::move(*opened);
  if (std::filesystem::exists(done)) return store;
  auto start = std::chrono::steady_clock::now();
  constexpr uint64_t kBatch = 2000;
  for (uint64_t first = 0; first < kDocuments; first += kBatch) {
    curlew::WriteBatch batch;
    for (uint64_t n = first; n < first + kBatch && n < kDocuments; ++n) {
      batch.documents.push_back(curlew::store::SyntheticDocument(n, Small()));
      batch.ledger.push_back(
          curlew::store::SyntheticLedgerInput(batch.documents.back(), n));
    }
    curlew::Status s = store->Write(batch);
    if (s.ok()) s = curlew::store::UpdateLedger(*store);
    if (!s.ok()) {
      *error = s.ToString();
      return nullptr;
    }
  }
  std::fprintf(
      stderr, "built %s: %llu documents in %.0f s\n", path.c_str(),
      static_cast<unsigned long long>(kDocuments),
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count());
  FILE* f = std::fopen(done.c_str(), "w");
  if (f != nullptr) std::fclose(f);
  return store;
}

void BM_AddOneDocument(benchmark::State& state) {
  std::string error;
  std::unique_ptr<Store> store = OpenBuilt(&error);
  if (!store) {
    state.SkipWithError(error.c_str());
    return;
  }
  auto counts = store->Counts();
  uint64_t next = counts.ok() ? static_cast<uint64_t>(counts->documents) : 0;
  int64_t rebuilt = 0;
  for (auto _ : state) {
    // A new document (a number past the stored ones) saying what a stored
    // document says of its agreement: it joins an existing agreement.
    const uint64_t n = next++;
    curlew::Document doc = curlew::store::SyntheticDocument(n, Small());
    curlew::WriteBatch batch;
    batch.ledger.push_back(
        curlew::store::SyntheticLedgerInput(doc, n * 7919 % Documents()));
    batch.documents.push_back(std::move(doc));
    curlew::Status s = store->Write(batch);
    curlew::store::UpdateLedgerStats stats;
    if (s.ok()) s = curlew::store::UpdateLedger(*store, &stats);
    if (!s.ok()) {
      state.SkipWithError(s.ToString().c_str());
      break;
    }
    rebuilt += stats.documents;
  }
  state.counters["docs_rebuilt"] = benchmark::Counter(
      static_cast<double>(rebuilt), benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_AddOneDocument)->Unit(benchmark::kMillisecond)->Iterations(20);

}  // namespace

BENCHMARK_MAIN();
