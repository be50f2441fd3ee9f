// curlew export: the stored events in a data-set format (jsonl, csv,
// table, petrarch, phoenix, gdelt; io/event_sink.h), to stdout or to a
// file written whole (--out).
#include <iostream>
#include <memory>
#include <string>

#include "command.h"
#include "store_cli.h"

namespace curlew::cli::export_command {
namespace {

struct ExportArgs {
  std::string store;
  EventFilter filter;
  std::string format = "jsonl";
  std::string out;
};

Runner SetUp(CLI::App& sub) {
  auto a = std::make_shared<ExportArgs>();
  AddStoreOption(sub, &a->store);
  AddFilterOptions(sub, &a->filter);
  sub.add_option("--format", a->format,
                 "jsonl, csv, table, petrarch, phoenix or gdelt")
      ->capture_default_str();
  sub.add_option("--out", a->out, "output file (default: stdout)");
  return [a] {
    // A GDELT- or Phoenix-style data set holds facts: only asserted
    // events, unless --modality asks for others (docs/modality.md).
    if (a->filter.modality.empty() &&
        (a->format == "gdelt" || a->format == "phoenix"))
      a->filter.modality = {"asserted"};
    const int rc = WriteStoredEvents("export", a->store, a->filter, a->format,
                                     a->out, /*report=*/true);
    return rc;
  };
}

const Command kExport("export", "write stored events in a dataset format",
                      &SetUp);

}  // namespace
}  // namespace curlew::cli::export_command
