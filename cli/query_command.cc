// curlew query: events from the store, filtered, in any event format
// (table by default); or aggregates (--count-by dyad|root --per
// day|week|month|year) as a table, JSONL or CSV.
#include <memory>
#include <string>

#include "command.h"
#include "io/event_sink.h"
#include "output.h"
#include "store_cli.h"

namespace curlew::cli::query_command {
namespace {

struct QueryArgs {
  std::string store;
  EventFilter filter;
  std::string format = "table";
  std::string out;
  std::string count_by;
  std::string per = "all";
};

int RunCounts(const QueryArgs& a) {
  auto format = CheckFormat(a.format, {"table", "jsonl", "csv"});
  if (!format.ok()) return UsageFail("query", format.status());
  Result<Period> per = ParsePeriod(a.per);
  if (!per.ok()) return UsageFail("query", per.status());
  int exit_code = kExitOk;
  std::unique_ptr<Store> store =
      OpenForQuery("query", a.store, a.filter, &exit_code);
  if (!store) return exit_code;
  GroupBy group = a.count_by == "root" ? GroupBy::kRoot : GroupBy::kDyad;
  auto rows = store->Count(a.filter, group, *per);
  if (!rows.ok()) return Fail("query", rows.status());
  std::unique_ptr<Output> out = Output::Open("query", a.out);
  if (!out) return kExitFailure;
  Status s = io::WriteCounts(*rows, group, *format, out->file());
  if (!s.ok()) return Fail("query", s);
  return out->Finish(kExitOk);
}

Runner SetUp(CLI::App& sub) {
  auto a = std::make_shared<QueryArgs>();
  AddStoreOption(sub, &a->store);
  AddFilterOptions(sub, &a->filter);
  sub.add_option("--format", a->format,
                 "table, jsonl, csv, petrarch, phoenix or gdelt (aggregates: "
                 "table, jsonl or csv)")
      ->capture_default_str();
  sub.add_option("--out", a->out, "output file (default: stdout)");
  sub.add_option("--count-by", a->count_by,
                 "aggregate: events and mean Goldstein per dyad or root")
      ->check(CLI::IsMember({"dyad", "root"}));
  sub.add_option("--per", a->per, "period of an aggregate")
      ->check(CLI::IsMember({"all", "day", "week", "month", "year"}))
      ->capture_default_str();
  return [a] {
    if (!a->count_by.empty()) return RunCounts(*a);
    return WriteStoredEvents("query", a->store, a->filter, a->format, a->out,
                             /*report=*/false);
  };
}

const Command kQuery("query", "filter, list and count events in the store",
                     &SetUp);

}  // namespace
}  // namespace curlew::cli::query_command
