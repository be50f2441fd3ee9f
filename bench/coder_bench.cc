// Event-coding benchmarks on the production PETRARCH dictionaries
// (CAMEO.2.0.txt + Phoenix.*): dictionary load time (also of curlew's
// built-in knowledge base), and coding speed with given Penn parses on the
// GigaWord sample (replicated), PTB conversion and the actors stage
// included.
//
//   build/bench/coder_bench
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <vector>

#include "actors/actors_stage.h"
#include "events/coder.h"
#include "events/dictionaries.h"
#include "io/petrarch_xml.h"
#include "syntax/ptb.h"

namespace curlew {
namespace {

const std::string kDir = std::string(CURLEW_SHARED_DIR) + "/data/petrarch2";

// Loads the set of `dir` once per iteration.
void LoadLoop(benchmark::State& state, const std::string& dir) {
  for (auto _ : state) {
    auto d = LoadDictionaries(dir);
    if (!d.ok()) {
      state.SkipWithError(d.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(d);
  }
}

void BM_LoadProductionDictionaries(benchmark::State& state) {
  if (!std::filesystem::exists(kDir + "/PETR_config.ini")) {
    state.SkipWithError("shared data not found");
    return;
  }
  LoadLoop(state, kDir);
}
BENCHMARK(BM_LoadProductionDictionaries)->Unit(benchmark::kMillisecond);

// curlew's built-in knowledge base (data/kb, people included): what every
// `curlew code` pays at start before the syntax model.
void BM_LoadBuiltinKnowledgeBase(benchmark::State& state) {
  LoadLoop(state, std::string(CURLEW_SOURCE_DIR) + "/data/kb");
}
BENCHMARK(BM_LoadBuiltinKnowledgeBase)->Unit(benchmark::kMillisecond);

void BM_CodeGigawordGivenParses(benchmark::State& state) {
  if (!std::filesystem::exists(kDir + "/GigaWord.sample.PETR.xml")) {
    state.SkipWithError("shared data not found");
    return;
  }
  static auto dicts = LoadDictionaries(kDir);
  if (!dicts.ok()) {
    state.SkipWithError(dicts.status().ToString().c_str());
    return;
  }
  std::vector<Document> docs;
  auto reader = PetrarchXmlReader::Open(kDir + "/GigaWord.sample.PETR.xml");
  Result<PetrarchRecord> r = Status();
  while ((*reader)->Next(&r))
    if (r.ok()) docs.push_back(RecordToDocument(*r));
  // Replicated to a larger corpus (100 copies).
  std::vector<Document> corpus;
  for (int k = 0; k < 100; ++k)
    for (const Document& d : docs) corpus.push_back(d);
  Coder coder(*dicts);
  int64_t sentences = 0, events = 0;
  for (auto _ : state) {
    for (const Document& d : corpus) {
      Document doc = d;
      if (!BuildFromPtb(doc).ok()) continue;
      FindActors(**dicts, {}, doc);
      coder.Code(doc);
      sentences += doc.sentences.size();
      events += doc.events.size();
    }
  }
  state.SetItemsProcessed(sentences);
  state.counters["events_per_sentence"] =
      static_cast<double>(events) / static_cast<double>(sentences);
}
BENCHMARK(BM_CodeGigawordGivenParses)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace curlew

BENCHMARK_MAIN();
