// curlew query: events from the store, filtered, as a table, JSONL or CSV;
// or aggregates (--count-by dyad|root --per day|week|month|year).
#include <iostream>
#include <memory>
#include <string>

#include "command.h"
#include "store/export.h"
#include "store_cli.h"

namespace curlew::cli {
namespace {

struct QueryArgs {
  std::string store;
  EventFilter filter;
  std::string format = "table";
  std::string count_by;
  std::string per = "all";
};

int RunQuery(const QueryArgs& a) {
  int exit_code = kExitOk;
  std::unique_ptr<Store> store =
      OpenForQuery("query", a.store, a.filter, &exit_code);
  if (!store) return exit_code;
  if (!a.count_by.empty()) {
    Result<Period> per = ParsePeriod(a.per);
    if (!per.ok()) {
      PrintError("query", per.status());
      return kExitUsage;
    }
    GroupBy group = a.count_by == "root" ? GroupBy::kRoot : GroupBy::kDyad;
    auto rows = store->Count(a.filter, group, *per);
    if (!rows.ok()) {
      PrintError("query", rows.status());
      return kExitFailure;
    }
    Status s = store::WriteCounts(*rows, group, a.format, std::cout);
    if (!s.ok()) {
      PrintError("query", s);
      return kExitUsage;
    }
    return kExitOk;
  }
  auto writer = store::MakeEventWriter(a.format, std::cout);
  if (!writer.ok()) {
    PrintError("query", writer.status());
    return kExitUsage;
  }
  Status s = store->QueryEvents(a.filter, [&](const EventRecord& r) {
    (*writer)->Write(r);
    return true;
  });
  (*writer)->Finish();
  if (!s.ok()) {
    PrintError("query", s);
    return kExitFailure;
  }
  return kExitOk;
}

Runner SetUp(CLI::App& sub) {
  auto a = std::make_shared<QueryArgs>();
  AddStoreOption(sub, &a->store);
  AddFilterOptions(sub, &a->filter);
  sub.add_option("--format", a->format,
                 "table, jsonl or csv (also phoenix, petrarch, gdelt for "
                 "events)")
      ->capture_default_str();
  sub.add_option("--count-by", a->count_by,
                 "aggregate: events and mean Goldstein per dyad or root")
      ->check(CLI::IsMember({"dyad", "root"}));
  sub.add_option("--per", a->per, "period of an aggregate")
      ->check(CLI::IsMember({"all", "day", "week", "month", "year"}))
      ->capture_default_str();
  return [a] { return RunQuery(*a); };
}

const Command kQuery("query", "filter, list and count events in the store",
                     &SetUp);

}  // namespace
}  // namespace curlew::cli
