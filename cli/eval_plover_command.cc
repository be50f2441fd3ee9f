// curlew eval-plover [FILE]: codes every PLOVER gold record's sentence and
// prints one JSON summary line, then a table by category (rules in
// docs/evaluation.md); -v lists the records that failed, grouped by kind.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "command.h"
#include "curlew/engine.h"
#include "eval/cameo_manual_eval.h"
#include "eval/plover_eval.h"
#include "eval/scoring_util.h"

namespace curlew::cli::eval_plover_command {
namespace {

using eval::PloverFailure;
using eval::PloverTally;
using eval::Round4;
using eval::Share;

struct EvalPloverArgs {
  std::string file;
  std::string manual;
  std::string dicts;
  bool verbose = false;
};

nlohmann::ordered_json Summary(const PloverTally& t) {
  auto rate = [&](int n) { return Round4(Share(n, t.records)); };
  nlohmann::ordered_json j;
  j["records"] = t.records;
  j["with_event"] = rate(t.with_event);
  j["source"] = rate(t.source[0]);
  j["target"] = rate(t.target[0]);
  j["category"] = rate(t.category);
  j["pair"] = rate(t.pair[0]);
  j["full"] = rate(t.full[0]);
  j["precision"] = Round4(Share(t.correct[0], t.coded));
  j["no_country"] = rate(t.no_country);
  j["source_actor"] = rate(t.source[1]);
  j["target_actor"] = rate(t.target[1]);
  j["pair_actor"] = rate(t.pair[1]);
  j["full_actor"] = rate(t.full[1]);
  j["precision_actor"] = Round4(Share(t.correct[1], t.coded));
  j["statements_only"] = rate(t.statements_only);
  j["events"] = t.coded;
  j["correct_events"] = t.correct[0];
  j["cameo_joined"] = t.joined;
  j["cameo_root"] = Round4(Share(t.cameo_root, t.joined));
  nlohmann::ordered_json failures;
  for (PloverFailure f :
       {PloverFailure::kNoEvent, PloverFailure::kWrongSource,
        PloverFailure::kWrongTarget, PloverFailure::kWrongCategory}) {
    auto it = t.failures.find(f);
    std::string key = eval::PloverFailureName(f);  // "no event" -> no_event
    std::replace(key.begin(), key.end(), ' ', '_');
    failures[key] = it == t.failures.end() ? 0 : it->second;
  }
  j["failures"] = failures;
  return j;
}

void PrintTable(const eval::PloverScores& s) {
  const PloverTally& t = s.all;
  auto line = [&](const char* what, int country, int actor, int whole) {
    std::printf("  %-28s %6.3f", what, Share(country, whole));
    if (actor >= 0) std::printf("  %6.3f", Share(actor, whole));
    std::printf("   (%d/%d)\n", country, whole);
  };
  std::printf("\n%d records                      country   actor\n", t.records);
  line("records with an event", t.with_event, -1, t.records);
  line("source right", t.source[0], t.source[1], t.records);
  line("target right", t.target[0], t.target[1], t.records);
  line("actor pair right", t.pair[0], t.pair[1], t.records);
  line("category right (0.5b1)", t.category, -1, t.records);
  line("full match", t.full[0], t.full[1], t.records);
  line("precision of events", t.correct[0], t.correct[1], t.coded);
  line("actor without country", t.no_country, -1, t.records);
  line("only 01/02 statements", t.statements_only, -1, t.records);
  line("CAMEO root (joined records)", t.cameo_root, -1, t.joined);

  std::printf("\n%-12s %4s %6s %6s %6s %6s %6s %6s %7s\n", "category", "n",
              "event", "source", "target", "pair", "categ", "full", "no-ctry");
  for (const auto& [category, c] : s.by_category) {
    auto r = [&](int n) { return Share(n, c.records); };
    std::printf("%-12s %4d %6.2f %6.2f %6.2f %6.2f %6.2f %6.2f %7.2f\n",
                category.c_str(), c.records, r(c.with_event), r(c.source[0]),
                r(c.target[0]), r(c.pair[0]), r(c.category), r(c.full[0]),
                r(c.no_country));
  }
}

void PrintErrors(const eval::PloverScores& s) {
  auto print = [](const eval::PloverResult& r) {
    std::printf("%s  gold %s  coded [%s]\n    %s\n", r.record->id.c_str(),
                eval::DescribeGold(*r.record).c_str(),
                eval::EventList(r.events).c_str(), r.record->text.c_str());
  };
  for (PloverFailure f :
       {PloverFailure::kNoEvent, PloverFailure::kWrongSource,
        PloverFailure::kWrongTarget, PloverFailure::kWrongCategory}) {
    auto it = s.all.failures.find(f);
    std::printf("\n== %s (%d) ==\n", eval::PloverFailureName(f),
                it == s.all.failures.end() ? 0 : it->second);
    for (const eval::PloverResult& r : s.results) {
      if (r.score.failure == f) print(r);
    }
  }
  std::printf("\n== actor without country (%d) ==\n", s.all.no_country);
  for (const eval::PloverResult& r : s.results) {
    if (r.score.no_country) print(r);
  }
}

int RunEvalPlover(const EvalPloverArgs& args) {
  auto gold = eval::ReadPloverGold(args.file);
  if (!gold.ok()) {
    std::fprintf(stderr, "%s\n", gold.status().ToString().c_str());
    return kExitFailure;
  }
  if (std::filesystem::exists(args.manual)) {
    auto manual = eval::ReadCameoManual(args.manual);
    if (manual.ok()) {
      eval::JoinCameoCodes(gold->records, manual->examples);
    } else {
      std::fprintf(stderr, "%s\n", manual.status().ToString().c_str());
    }
  } else {
    std::fprintf(stderr,
                 "curlew eval-plover: CAMEO manual not found at %s; CAMEO "
                 "roots not scored\n",
                 args.manual.c_str());
  }
  EngineOptions options;
  options.dicts_dir = args.dicts;
  auto engine = Engine::Create(options);
  if (!engine.ok()) {
    std::fprintf(stderr, "curlew eval-plover: %s\n",
                 engine.status().ToString().c_str());
    return kExitFailure;
  }
  eval::PloverScores scores = eval::EvaluatePlover(**engine, gold->records);
  nlohmann::ordered_json j;
  j["file"] = args.file;
  j["dicts"] = args.dicts.empty() ? "built-in" : args.dicts;
  j["skipped"] = gold->skipped.size();
  j.update(Summary(scores.all));
  std::printf("%s\n", j.dump().c_str());
  PrintTable(scores);
  for (const std::string& skip : gold->skipped) {
    std::printf("skipped %s\n", skip.c_str());
  }
  if (args.verbose) PrintErrors(scores);
  return kExitOk;
}

Runner SetUp(CLI::App& sub) {
  auto args = std::make_shared<EvalPloverArgs>();
  args->file = eval::SharedDataPath("data/plover/PLOVER_GSR_CAMEO.txt");
  args->manual = eval::SharedDataPath("data/cameo/CAMEO.Manual.1.1b3.txt");
  sub.add_option("file", args->file, "PLOVER gold records (JSON array)")
      ->capture_default_str();
  sub.add_option("--manual", args->manual,
                 "CAMEO manual text, to find each record's CAMEO code")
      ->capture_default_str();
  sub.add_option("--dicts", args->dicts,
                 "PETRARCH-format dictionary folder (default: built-in)");
  sub.add_flag("-v,--verbose", args->verbose,
               "list every failed record, grouped by kind");
  return [args] { return RunEvalPlover(*args); };
}

const Command kEvalPlover(
    "eval-plover",
    "score event coding against the PLOVER gold records (source, target, "
    "category)",
    &SetUp);

}  // namespace
}  // namespace curlew::cli::eval_plover_command
