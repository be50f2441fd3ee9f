// curlew eval-cameo [FILE]: codes every example sentence of the CAMEO
// manual and prints one JSON summary line, then a table by root (rules in
// docs/evaluation.md); -v lists the examples that failed, grouped by kind.
#include <cstdio>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "command.h"
#include "curlew/engine.h"
#include "eval/cameo_manual_eval.h"
#include "eval/scoring_util.h"

namespace curlew::cli::eval_cameo_command {
namespace {

using eval::ManualFailure;
using eval::Round4;
using eval::Share;

struct EvalCameoArgs {
  std::string file;
  std::string dicts;
  std::string date = std::string(eval::kManualDate);
  bool verbose = false;
};

void PrintTable(const eval::CameoManual& manual,
                const eval::CameoManualScores& s) {
  const eval::ManualTally& t = s.all;
  std::printf("\n%d examples of %d codes (%zu codes have none)\n", t.examples,
              manual.codes, manual.codes_without_example.size());
  auto line = [&](const char* what, int n) {
    std::printf("  %-22s %6.3f   (%d/%d)\n", what, Share(n, t.examples), n,
                t.examples);
  };
  line("no event", t.no_event);
  line("right root", t.right_root);
  line("right full code", t.right_code);
  std::printf("\n%-5s %4s %8s %6s %6s\n", "root", "n", "no-event", "root",
              "code");
  for (const auto& [root, r] : s.by_root) {
    std::printf("%-5s %4d %8.2f %6.2f %6.2f\n", root.c_str(), r.examples,
                Share(r.no_event, r.examples), Share(r.right_root, r.examples),
                Share(r.right_code, r.examples));
  }
  for (const eval::ManualSkip& skip : manual.skipped) {
    std::printf("skipped line %d (%s): %s: \"%s\"\n", skip.line,
                skip.code.c_str(), skip.reason.c_str(), skip.text.c_str());
  }
}

void PrintErrors(const eval::CameoManualScores& s) {
  for (ManualFailure f : {ManualFailure::kNoEvent, ManualFailure::kWrongRoot,
                          ManualFailure::kWrongCode}) {
    int n = 0;
    for (const eval::ManualResult& r : s.results) n += r.failure == f;
    std::printf("\n== %s (%d) ==\n", eval::ManualFailureName(f), n);
    for (const eval::ManualResult& r : s.results) {
      if (r.failure != f) continue;
      std::printf("%s line %d  coded [%s]\n    %s\n", r.example->code.c_str(),
                  r.example->line, eval::EventList(r.events).c_str(),
                  r.example->text.c_str());
    }
  }
}

int RunEvalCameo(const EvalCameoArgs& args) {
  auto manual = eval::ReadCameoManual(args.file);
  if (!manual.ok()) {
    std::fprintf(stderr, "%s\n", manual.status().ToString().c_str());
    return kExitFailure;
  }
  EngineOptions options;
  options.dicts_dir = args.dicts;
  auto engine = Engine::Create(options);
  if (!engine.ok()) {
    std::fprintf(stderr, "curlew eval-cameo: %s\n",
                 engine.status().ToString().c_str());
    return kExitFailure;
  }
  eval::CameoManualScores s =
      eval::EvaluateCameoManual(**engine, manual->examples, args.date);
  const eval::ManualTally& t = s.all;
  nlohmann::ordered_json j;
  j["file"] = args.file;
  j["dicts"] = args.dicts.empty() ? "built-in" : args.dicts;
  j["date"] = args.date;
  j["codes"] = manual->codes;
  j["codes_without_example"] = manual->codes_without_example.size();
  j["examples"] = t.examples;
  j["skipped"] = manual->skipped.size();
  j["no_event"] = Round4(Share(t.no_event, t.examples));
  j["right_root"] = Round4(Share(t.right_root, t.examples));
  j["right_code"] = Round4(Share(t.right_code, t.examples));
  j["events"] = t.coded_events;
  std::printf("%s\n", j.dump().c_str());
  PrintTable(*manual, s);
  if (args.verbose) PrintErrors(s);
  return kExitOk;
}

Runner SetUp(CLI::App& sub) {
  auto args = std::make_shared<EvalCameoArgs>();
  args->file = eval::SharedDataPath("data/cameo/CAMEO.Manual.1.1b3.txt");
  sub.add_option("file", args->file,
                 "CAMEO manual as text (pdftotext -layout of the codebook)")
      ->capture_default_str();
  sub.add_option("--dicts", args->dicts,
                 "PETRARCH-format dictionary folder (default: built-in)");
  sub.add_option("--date", args->date,
                 "document date the examples are coded with (YYYY-MM-DD)")
      ->capture_default_str();
  sub.add_flag("-v,--verbose", args->verbose,
               "list every failed example, grouped by kind");
  return [args] { return RunEvalCameo(*args); };
}

const Command kEvalCameo(
    "eval-cameo",
    "score event coding against the CAMEO manual's example sentences", &SetUp);

}  // namespace
}  // namespace curlew::cli::eval_cameo_command
