#include "store_cli.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "command.h"

namespace curlew::cli {

void AddStoreOption(CLI::App& app, std::string* location) {
  const char* env = std::getenv("CURLEW_STORE");
  *location = (env && *env) ? env : kDefaultStorePath;
  app.add_option("--store", *location,
                 "SQLite file or postgresql:// URL (default curlew.db, or "
                 "$CURLEW_STORE)");
}

void AddFilterOptions(CLI::App& app, EventFilter* f) {
  app.add_option("--from", f->from, "first event date, YYYY[-MM[-DD]]");
  app.add_option("--to", f->to, "last event date, YYYY[-MM[-DD]], inclusive");
  app.add_option("--source", f->source, "source actor code or prefix (TUR)");
  app.add_option("--target", f->target, "target actor code or prefix (IGO)");
  app.add_option("--cameo", f->cameo, "CAMEO event code (057)");
  app.add_option("--root", f->root, "CAMEO root category (05)");
  app.add_option("--quad", f->quad, "quad class 1-4");
  app.add_option("--plover", f->plover, "PLOVER event type (AGREE)");
  app.add_option("--text", f->text, "words in the sentence (case ignored)");
  app.add_option("--doc", f->doc_id, "one document id");
  app.add_flag("--one-a-day", f->one_a_day,
               "Phoenix deduplication: one event per date, dyad and code");
  app.add_option("--limit", f->limit, "at most N rows");
}

void PrintError(const char* command, const Status& status) {
  std::cerr << "curlew " << command << ": " << status.ToString() << '\n';
}

std::unique_ptr<Store> OpenStore(const char* command,
                                 const std::string& location,
                                 const StoreOptions& options) {
  auto store = Store::Open(location, options);
  if (!store.ok()) {
    PrintError(command, store.status().WithWhere(location));
    return nullptr;
  }
  return std::move(*store);
}

std::unique_ptr<Store> OpenForQuery(const char* command,
                                    const std::string& location,
                                    const EventFilter& filter, int* exit_code) {
  Status valid = ValidateFilter(filter);
  if (!valid.ok()) {
    PrintError(command, valid);
    *exit_code = kExitUsage;
    return nullptr;
  }
  StoreOptions options;
  options.read_only = true;
  std::unique_ptr<Store> store = OpenStore(command, location, options);
  if (!store) *exit_code = kExitFailure;
  return store;
}

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
  temp_ = path_ + ".tmp-" + std::to_string(getpid());
  out_ = std::make_unique<std::ofstream>(temp_, std::ios::binary);
}

AtomicFile::~AtomicFile() {
  if (!committed_) {
    out_.reset();
    std::remove(temp_.c_str());
  }
}

Status AtomicFile::Commit() {
  out_->flush();
  bool good = out_->good();
  out_->close();
  if (!good || out_->fail()) {
    return Status::Error(ErrorCode::kIoError, "cannot write the output file",
                         path_);
  }
  std::error_code ec;
  std::filesystem::rename(temp_, path_, ec);
  if (ec) {
    return Status::Error(ErrorCode::kIoError,
                         "cannot move the output into place: " + ec.message(),
                         path_);
  }
  committed_ = true;
  return Status();
}

}  // namespace curlew::cli
