// curlew summary: what a store holds: documents, events by CAMEO root
// category, the most frequent dyads.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "command.h"
#include "output.h"
#include "store_cli.h"

namespace curlew::cli::summary_command {
namespace {

// CAMEO root categories (CAMEO codebook, version 1.1b3).
const char* RootName(const std::string& root) {
  static const char* kNames[] = {"make public statement",
                                 "appeal",
                                 "express intent to cooperate",
                                 "consult",
                                 "engage in diplomatic cooperation",
                                 "engage in material cooperation",
                                 "provide aid",
                                 "yield",
                                 "investigate",
                                 "demand",
                                 "disapprove",
                                 "reject",
                                 "threaten",
                                 "protest",
                                 "exhibit military posture",
                                 "reduce relations",
                                 "coerce",
                                 "assault",
                                 "fight",
                                 "use unconventional mass violence"};
  int n = std::atoi(root.c_str());
  return (n >= 1 && n <= 20) ? kNames[n - 1] : "(no root)";
}

struct SummaryArgs {
  std::string store;
  int top = 10;
  std::string out;
};

int RunSummary(const SummaryArgs& a) {
  StoreOptions options;
  options.read_only = true;
  std::unique_ptr<Store> store = OpenStore("summary", a.store, options);
  if (!store) return kExitFailure;
  auto counts = store->Counts();
  auto roots = store->Count({}, GroupBy::kRoot, Period::kAll);
  auto dyads = store->Count({}, GroupBy::kDyad, Period::kAll);
  for (const Status* s : {&counts.status(), &roots.status(), &dyads.status()}) {
    if (!s->ok()) {
      return Fail("summary", *s);
    }
  }
  std::unique_ptr<Output> output = Output::Open("summary", a.out);
  if (!output) return kExitFailure;
  std::ostream& out = output->stream();
  out << "store " << store->location() << " (" << store->backend()
      << "): " << counts->documents << " documents, " << counts->sentences
      << " sentences, " << counts->events << " events, " << counts->rejected
      << " rejected\n";
  if (!roots->empty()) out << "\nevents by CAMEO root category:\n";
  char line[160];
  for (const GroupCount& g : *roots) {
    std::snprintf(line, sizeof line, "  %-3s %-34s %8lld\n", g.root.c_str(),
                  RootName(g.root), static_cast<long long>(g.events));
    out << line;
  }
  std::vector<GroupCount> top = *dyads;
  std::stable_sort(top.begin(), top.end(), [](const auto& x, const auto& y) {
    return x.events > y.events;
  });
  if (top.size() > static_cast<size_t>(a.top)) top.resize(a.top);
  if (!top.empty()) out << "\ntop dyads (source -> target):\n";
  for (const GroupCount& g : top) {
    std::snprintf(line, sizeof line,
                  "  %-12s -> %-12s %8lld  mean Goldstein %+.2f\n",
                  g.source.empty() ? "-" : g.source.c_str(),
                  g.target.empty() ? "-" : g.target.c_str(),
                  static_cast<long long>(g.events), g.mean_goldstein);
    out << line;
  }
  return output->Finish(kExitOk);
}

Runner SetUp(CLI::App& sub) {
  auto a = std::make_shared<SummaryArgs>();
  AddStoreOption(sub, &a->store);
  sub.add_option("--top", a->top, "dyads to list")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  sub.add_option("--out", a->out, "output file (default: stdout)");
  return [a] { return RunSummary(*a); };
}

const Command kSummary("summary",
                       "documents, events by category and top dyads in a store",
                       &SetUp);

}  // namespace
}  // namespace curlew::cli::summary_command
