// curlew eval-modality FILE.jsonl: codes every sentence of a modality
// evaluation file (format: tests/data/README.md) and prints the share of
// sentences right, overall and per class (or shape), as one JSON line; -v
// lists every wrong sentence.
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "command.h"
#include "curlew/engine.h"
#include "eval/modality_eval.h"
#include "input_options.h"
#include "output.h"

namespace curlew::cli::eval_modality_command {
namespace {

struct EvalModalityArgs {
  std::string file;
  std::string dicts;
  std::vector<std::string> add_dicts;
  bool verbose = false;
};

double Round(double x) {
  return static_cast<double>(static_cast<int64_t>(x * 1000 + 0.5)) / 1000.0;
}

int RunEvalModality(const EvalModalityArgs& args) {
  auto items = events::ReadModalityFile(args.file);
  if (!items.ok()) return Fail("eval-modality", items.status());
  EngineOptions options;
  options.dicts_dir = args.dicts;
  options.add_dicts_dirs = args.add_dicts;
  auto engine = Engine::Create(options);
  if (!engine.ok()) return Fail("eval-modality", engine.status());
  events::ModalityScores s =
      events::EvaluateModality((*engine)->pipeline(), *items);
  std::string result;
  if (args.verbose)
    for (const std::string& e : s.errors) result += e + "\n";
  nlohmann::ordered_json j;
  j["file"] = args.file;
  j["sentences"] = s.sentences;
  j["right"] = s.right;
  j["accuracy"] = s.sentences ? Round(double(s.right) / s.sentences) : 0.0;
  j["asserted_violations"] = s.asserted_violations;
  nlohmann::ordered_json groups = nlohmann::ordered_json::object();
  for (const auto& [name, g] : s.groups)
    groups[name] = {{"sentences", g.sentences},
                    {"right", g.right},
                    {"accuracy", Round(double(g.right) / g.sentences)}};
  j["classes"] = groups;
  return WriteResult("eval-modality", result + j.dump() + "\n", kExitOk);
}

Runner SetUp(CLI::App& sub) {
  auto args = std::make_shared<EvalModalityArgs>();
  sub.add_option("file", args->file, "modality evaluation JSONL file")
      ->required();
  sub.add_option("--dicts", args->dicts,
                 "PETRARCH-format dictionary folder (default: built-in)");
  AddDictsOption(sub, args->add_dicts);
  sub.add_flag("-v,--verbose", args->verbose, "list every wrong sentence");
  return [args] { return RunEvalModality(*args); };
}

const Command kEvalModality(
    "eval-modality",
    "score event modality and speakers against sentences with expected "
    "events",
    &SetUp);

}  // namespace
}  // namespace curlew::cli::eval_modality_command
