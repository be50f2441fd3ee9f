// Options and helpers shared by the store subcommands (ingest, query,
// export, summary, the ledger commands): the --store option, the event
// filter options, opening a store, writing its events.
#ifndef CURLEW_CLI_STORE_CLI_H_
#define CURLEW_CLI_STORE_CLI_H_

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "command.h"
#include "curlew/status.h"
#include "curlew/store.h"

namespace curlew::cli {

// --store PATH|URL (default curlew.db, or $CURLEW_STORE when set).
void AddStoreOption(CLI::App& app, std::string* location);

// --from --to --source --target --cameo --root --quad --plover --modality
// --text --doc --one-a-day --limit (range-checked; codes in any case).
void AddFilterOptions(CLI::App& app, EventFilter* filter);

// Opens the store, printing the error (and returning null) on failure.
std::unique_ptr<Store> OpenStore(const char* command,
                                 const std::string& location,
                                 const StoreOptions& options);

// For query-like commands: checks the filter, then opens the store
// read-only. On failure prints the error, sets *exit_code (usage error or
// failure) and returns null.
std::unique_ptr<Store> OpenForQuery(const char* command,
                                    const std::string& location,
                                    const EventFilter& filter, int* exit_code);

// The events `filter` selects, in `format` (io/event_sink.h), to `out`
// ("" or "-": stdout; else a file written whole). With `report`, a line
// "curlew <command>: N events to FILE" on stderr when writing a file.
// Returns the exit status.
int WriteStoredEvents(const char* command, const std::string& location,
                      const EventFilter& filter, const std::string& format,
                      const std::string& out, bool report);

}  // namespace curlew::cli

#endif  // CURLEW_CLI_STORE_CLI_H_
