// curlew eval-ledger DIR: codes the reports of an agreement corpus
// (DIR/reports.jsonl) in shuffled order, builds the ledger from them and
// scores it against DIR/expected.json (format: tests/data/agreements/
// README.md). Prints the figures as one JSON line; -v lists every failure.
#include <algorithm>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "command.h"
#include "curlew/engine.h"
#include "curlew/ledger.h"
#include "curlew/reader.h"
#include "eval/ledger_eval.h"
#include "output.h"

namespace curlew::cli::eval_ledger_command {
namespace {

struct EvalLedgerArgs {
  std::string dir;
  unsigned seed = 1;
  bool verbose = false;
};

int RunEvalLedger(const EvalLedgerArgs& args) {
  const char* kName = "eval-ledger";
  auto gold = eval::ReadLedgerGold(args.dir + "/expected.json");
  if (!gold.ok()) return Fail(kName, gold.status());
  std::vector<Document> docs;
  DocumentReader reader({args.dir + "/reports.jsonl"});
  Result<Document> d = Status();
  while (reader.Next(&d)) {
    if (!d.ok()) return Fail(kName, d.status());
    docs.push_back(std::move(*d));
  }
  std::mt19937 rng(args.seed);
  std::shuffle(docs.begin(), docs.end(), rng);
  auto engine = Engine::Create({});
  if (!engine.ok()) return Fail(kName, engine.status());
  Ledger ledger;
  for (Document& doc : docs) {
    Status s = (*engine)->Process(doc);
    if (!s.ok()) return Fail(kName, s);
    ledger.Add((*engine)->LedgerInputOf(doc));
  }
  ledger.Build();
  eval::LedgerScores scores = eval::ScoreLedger(ledger, *gold);
  std::string out;
  if (args.verbose)
    for (const auto& f : scores.failures) out += f + "\n";
  nlohmann::ordered_json j;
  j["dir"] = args.dir;
  j["reports"] = docs.size();
  j["seed"] = args.seed;
  j.update(scores.ToJson());
  return WriteResult(kName, out + j.dump() + "\n", kExitOk);
}

Runner SetUp(CLI::App& sub) {
  auto args = std::make_shared<EvalLedgerArgs>();
  sub.add_option("dir", args->dir,
                 "corpus folder with reports.jsonl and expected.json")
      ->required();
  sub.add_option("--seed", args->seed, "shuffle seed")->capture_default_str();
  sub.add_flag("-v,--verbose", args->verbose, "list every failure");
  return [args] { return RunEvalLedger(*args); };
}

const Command kEvalLedger(
    "eval-ledger",
    "score the agreement ledger against a corpus of reports with a gold",
    &SetUp);

}  // namespace
}  // namespace curlew::cli::eval_ledger_command
