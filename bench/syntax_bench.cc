// Tag + lemmatise + parse speed of the committed syntax model on one core,
// and its load time. Input: UD English EWT test sentences (gold
// tokenization) when ../shared is present.
//
//   build/bench/syntax_bench
//   CURLEW_SYNTAX_MODEL=other.model build/bench/syntax_bench
//
// items_per_second of BM_AnnotateEwtTest is tokens per second.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "curlew/syntax.h"
#include "io/conllu.h"

namespace {

// The committed model, or the file named by $CURLEW_SYNTAX_MODEL (to
// compare two models in the same minutes).
const std::string kModel = [] {
  const char* other = std::getenv("CURLEW_SYNTAX_MODEL");
  return other && *other
             ? std::string(other)
             : std::string(CURLEW_SOURCE_DIR) + "/data/models/en_ewt.model";
}();
const std::string kTest = std::string(CURLEW_SHARED_DIR) +
                          "/data/ud-english-ewt/en_ewt-ud-test.conllu";

void BM_AnnotateEwtTest(benchmark::State& state) {
  auto model = curlew::SyntaxModel::Load(kModel);
  if (!model.ok()) {
    state.SkipWithError(model.status().ToString().c_str());
    return;
  }
  if (!std::filesystem::exists(kTest)) {
    state.SkipWithError("EWT test file absent (../shared)");
    return;
  }
  auto gold = curlew::ReadConlluFile(kTest);
  if (!gold.ok()) {
    state.SkipWithError(gold.status().ToString().c_str());
    return;
  }
  curlew::Document doc = *gold;
  for (auto _ : state) {
    curlew::Status s = (*model)->Annotate(doc);
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(state.iterations() * doc.tokens.size());
}
BENCHMARK(BM_AnnotateEwtTest)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_LoadModel(benchmark::State& state) {
  for (auto _ : state) {
    auto model = curlew::SyntaxModel::Load(kModel);
    if (!model.ok()) {
      state.SkipWithError(model.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(model);
  }
}
BENCHMARK(BM_LoadModel)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
