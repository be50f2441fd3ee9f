// curlew eval-events FILE.jsonl: codes every sentence of an evaluation file
// (format: tests/data/README.md) and prints precision and recall on
// (source, target, CAMEO root) as one JSON line; -v lists every error.
#include <cstdio>
#include <memory>
#include <string>

#include <fmt/printf.h>
#include <nlohmann/json.hpp>

#include "command.h"
#include "curlew/engine.h"
#include "eval/event_eval.h"
#include "input_options.h"
#include "output.h"

namespace curlew::cli::eval_events_command {
namespace {

struct EvalEventsArgs {
  std::string file;
  std::string dicts;
  std::vector<std::string> add_dicts;
  bool verbose = false;
};

int RunEvalEvents(const EvalEventsArgs& args) {
  auto items = events::ReadEvalFile(args.file);
  if (!items.ok()) return Fail("eval-events", items.status());
  EngineOptions options;
  options.dicts_dir = args.dicts;
  options.add_dicts_dirs = args.add_dicts;
  auto engine = Engine::Create(options);
  if (!engine.ok()) return Fail("eval-events", engine.status());
  events::EventEvalScores s =
      events::EvaluateEvents((*engine)->pipeline(), *items);
  std::string result;
  if (args.verbose) {
    for (const events::EvalError& e : s.errors) {
      result += fmt::sprintf("%s %-8s %-22s coded [%s]  %s\n", e.id,
                             e.missed ? "MISSED" : "WRONG", e.triple.ToString(),
                             e.coded, e.text);
    }
  }
  auto round = [](double x) {
    return static_cast<double>(static_cast<int64_t>(x * 10000 + 0.5)) / 10000.0;
  };
  nlohmann::ordered_json j;
  j["file"] = args.file;
  j["sentences"] = s.sentences;
  j["expected"] = s.expected;
  j["coded"] = s.predicted;
  j["correct"] = s.correct;
  j["precision"] = round(s.Precision());
  j["recall"] = round(s.Recall());
  return WriteResult("eval-events", result + j.dump() + "\n", kExitOk);
}

Runner SetUp(CLI::App& sub) {
  auto args = std::make_shared<EvalEventsArgs>();
  sub.add_option("file", args->file, "evaluation JSONL file")->required();
  sub.add_option("--dicts", args->dicts,
                 "PETRARCH-format dictionary folder (default: built-in)");
  AddDictsOption(sub, args->add_dicts);
  sub.add_flag("-v,--verbose", args->verbose, "list every error");
  return [args] { return RunEvalEvents(*args); };
}

const Command kEvalEvents(
    "eval-events", "score event coding against sentences with expected events",
    &SetUp);

}  // namespace
}  // namespace curlew::cli::eval_events_command
