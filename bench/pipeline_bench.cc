// End-to-end throughput of Engine::Process, everything included (text layer,
// curlew's tagger/lemmatizer/parser or a given parse, actors and events,
// dates and places):
//  - raw news text -> events, with the built-in knowledge base, on the
//    bundled example reports (data/examples/reports.jsonl);
//  - the GigaWord sample's given Penn parses -> events, with the PETRARCH
//    production dictionaries (../shared/data/petrarch2), or its text
//    through curlew's parser with the Phoenix or the built-in set.
// Items per second are sentences per second.
//
//   build/bench/pipeline_bench
#include <benchmark/benchmark.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "curlew/engine.h"
#include "curlew/reader.h"

namespace curlew {
namespace {

const std::string kPetrarchDir =
    std::string(CURLEW_SHARED_DIR) + "/data/petrarch2";

// Every good document of `path`.
std::vector<Document> ReadDocuments(const std::string& path) {
  std::vector<Document> docs;
  DocumentReader reader({path});
  Result<Document> doc = Status();
  while (reader.Next(&doc)) {
    if (doc.ok()) docs.push_back(std::move(*doc));
  }
  return docs;
}

// Processes copies of `docs` once per iteration; counts sentences and
// events. One untimed pass first: the syntax model is read when the first
// sentence needs it, which is start-up, not throughput.
void Run(benchmark::State& state, const Engine& engine,
         const std::vector<Document>& docs) {
  for (const Document& d : docs) {
    Document doc = d;
    (void)engine.Process(doc);
  }
  int64_t sentences = 0, events = 0, failed = 0;
  for (auto _ : state) {
    for (const Document& d : docs) {
      Document doc = d;
      if (!engine.Process(doc).ok()) {
        ++failed;
        continue;
      }
      sentences += static_cast<int64_t>(doc.sentences.size());
      events += static_cast<int64_t>(doc.events.size());
    }
  }
  state.SetItemsProcessed(sentences);
  state.counters["events_per_sentence"] =
      sentences ? static_cast<double>(events) / static_cast<double>(sentences)
                : 0.0;
  state.counters["failed_docs"] = static_cast<double>(failed);
}

void BM_PlainTextToEvents(benchmark::State& state) {
  static auto engine = Engine::Create({});
  if (!engine.ok()) {
    state.SkipWithError(engine.status().ToString().c_str());
    return;
  }
  static const std::vector<Document> docs =
      ReadDocuments(DataPath("examples/reports.jsonl"));
  if (docs.empty()) {
    state.SkipWithError("no example reports in data/examples");
    return;
  }
  state.counters["bytes_per_iteration"] = [] {
    double n = 0;
    for (const Document& d : docs) n += static_cast<double>(d.text.size());
    return n;
  }();
  Run(state, **engine, docs);
}
BENCHMARK(BM_PlainTextToEvents)->Unit(benchmark::kMillisecond);

// The GigaWord sample with the PETRARCH production dictionaries (or the
// built-in knowledge base); with its given parses, or with them dropped
// (curlew's own parser instead).
void GigawordToEvents(benchmark::State& state, bool use_given_parse,
                      bool built_in_kb = false) {
  const std::string xml = kPetrarchDir + "/GigaWord.sample.PETR.xml";
  if (!std::filesystem::exists(xml)) {
    state.SkipWithError("shared data not found");
    return;
  }
  EngineOptions options;
  if (!built_in_kb) options.dicts_dir = kPetrarchDir;
  options.use_given_parse = use_given_parse;
  const auto engine = Engine::Create(options);
  if (!engine.ok()) {
    state.SkipWithError(engine.status().ToString().c_str());
    return;
  }
  static const std::vector<Document> docs = ReadDocuments(xml);
  Run(state, **engine, docs);
}

void BM_GigawordGivenParsesToEvents(benchmark::State& state) {
  GigawordToEvents(state, true);
}
BENCHMARK(BM_GigawordGivenParsesToEvents)->Unit(benchmark::kMillisecond);

void BM_GigawordOwnParserToEvents(benchmark::State& state) {
  GigawordToEvents(state, false);
}
BENCHMARK(BM_GigawordOwnParserToEvents)->Unit(benchmark::kMillisecond);

// The GigaWord sample's text (15.9 words a sentence, longer than the
// bundled reports' 12.8) through curlew's parser with the built-in
// knowledge base: raw news text to events as `code` runs it by default.
void BM_GigawordOwnParserBuiltInKb(benchmark::State& state) {
  GigawordToEvents(state, false, true);
}
BENCHMARK(BM_GigawordOwnParserBuiltInKb)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace curlew

BENCHMARK_MAIN();
