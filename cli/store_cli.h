// Options and helpers shared by the store subcommands (ingest, query,
// export, summary): the --store option, the event filter options and one
// way of reporting an error.
#ifndef CURLEW_CLI_STORE_CLI_H_
#define CURLEW_CLI_STORE_CLI_H_

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "curlew/status.h"
#include "curlew/store.h"

namespace curlew::cli {

// --store PATH|URL (default curlew.db, or $CURLEW_STORE when set).
void AddStoreOption(CLI::App& app, std::string* location);

// --from --to --source --target --cameo --root --quad --plover --text
// --doc --one-a-day --limit.
void AddFilterOptions(CLI::App& app, EventFilter* filter);

// Prints "curlew <command>: <status>" on stderr.
void PrintError(const char* command, const Status& status);

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

// Writes `text` to `path` whole: into a temporary file beside it, renamed
// over `path` only when everything was written.
class AtomicFile {
 public:
  explicit AtomicFile(std::string path);
  ~AtomicFile();  // removes the temporary file unless committed
  std::ostream* stream() { return out_.get(); }
  bool ok() const { return out_ && out_->good(); }
  Status Commit();

 private:
  std::string path_, temp_;
  std::unique_ptr<std::ofstream> out_;
  bool committed_ = false;
};

}  // namespace curlew::cli

#endif  // CURLEW_CLI_STORE_CLI_H_
