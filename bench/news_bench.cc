// Raw text to events, everything included: Engine::Process (sentence
// splitting, tokenizing, tagging, lemmatizing, parsing with curlew's own
// model, event coding with the built-in knowledge base, dates, places) on
// the bundled wire-style reports (data/examples/reports.jsonl), one thread.
// Reported as sentences per second (items/s). Issue 5's floor: 2,000.
//
//   build/bench/news_bench
#include <benchmark/benchmark.h>

#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "curlew/engine.h"

namespace curlew {
namespace {

std::vector<Document> LoadReports() {
  std::vector<Document> docs;
  std::ifstream in(DataPath("examples/reports.jsonl"));
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("text")) continue;
    Document doc;
    doc.id = j.value("id", "");
    doc.date = j.value("date", "");
    doc.text = j.value("text", "");
    docs.push_back(std::move(doc));
  }
  return docs;
}

void BM_NewsRawTextToEvents(benchmark::State& state) {
  auto engine = Engine::Create({});
  if (!engine.ok()) {
    state.SkipWithError(engine.status().ToString().c_str());
    return;
  }
  const std::vector<Document> reports = LoadReports();
  if (reports.empty()) {
    state.SkipWithError("data/examples/reports.jsonl not found");
    return;
  }
  // One untimed document first: the syntax model is read when the first
  // sentence needs it, which is start-up, not throughput.
  {
    Document doc;
    doc.text = reports.front().text;
    (void)(*engine)->Process(doc);
  }
  int64_t sentences = 0, events = 0, bytes = 0;
  for (auto _ : state) {
    for (const Document& r : reports) {
      Document doc;
      doc.id = r.id;
      doc.date = r.date;
      doc.text = r.text;
      Status s = (*engine)->Process(doc);
      if (!s.ok()) {
        state.SkipWithError(s.ToString().c_str());
        return;
      }
      sentences += static_cast<int64_t>(doc.sentences.size());
      events += static_cast<int64_t>(doc.events.size());
      bytes += static_cast<int64_t>(doc.text.size());
    }
  }
  state.SetItemsProcessed(sentences);
  state.SetBytesProcessed(bytes);
  state.counters["events"] = benchmark::Counter(static_cast<double>(events),
                                                benchmark::Counter::kIsRate);
}
BENCHMARK(BM_NewsRawTextToEvents)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace curlew

BENCHMARK_MAIN();
