// Speed of the time and places components on the bundled example corpus
// (data/examples/reports.jsonl): one event per sentence, dated and placed.
// Reports sentences per second (items_per_second).
#include <benchmark/benchmark.h>

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "curlew/places.h"
#include "curlew/time.h"
#include "testing/simple_doc.h"

namespace {

std::vector<curlew::Document> LoadCorpus() {
  std::vector<curlew::Document> docs;
  std::ifstream in(std::string(CURLEW_SOURCE_DIR) +
                   "/data/examples/reports.jsonl");
  std::string line;
  while (std::getline(in, line)) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) continue;
    std::string text = j["text"];
    // One sentence per line for the simple test tokenizer.
    for (size_t p = text.find(". "); p != std::string::npos;
         p = text.find(". ", p + 2))
      text[p + 1] = '\n';
    curlew::Document doc = curlew::testing::SimpleDoc(text, j["date"]);
    for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
      curlew::Event e;
      e.sentence = s;
      const auto& sent = doc.sentences[s];
      e.trigger_token = static_cast<int32_t>(
          std::min(sent.token_begin + 2, sent.token_end - 1));
      doc.events.push_back(e);
    }
    docs.push_back(std::move(doc));
  }
  return docs;
}

void BM_DatesAndPlaces(benchmark::State& state) {
  std::vector<curlew::Document> docs = LoadCorpus();
  auto places = curlew::MakePlaceComponent(std::string(CURLEW_SOURCE_DIR) +
                                           "/data/kb/places.tsv");
  if (!places.ok() || docs.empty()) {
    state.SkipWithError("corpus or gazetteer missing");
    return;
  }
  auto dates = curlew::MakeDateComponent();
  size_t sentences = 0;
  for (const auto& d : docs) sentences += d.sentences.size();
  for (auto _ : state) {
    for (auto& d : docs) {
      benchmark::DoNotOptimize(dates->Process(d));
      benchmark::DoNotOptimize((*places)->Process(d));
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * sentences));
}
BENCHMARK(BM_DatesAndPlaces);

}  // namespace

BENCHMARK_MAIN();
