#include "store_cli.h"

#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>

#include "curlew/env.h"
#include "io/event_sink.h"
#include "output.h"

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
  app.add_option("--source", f->source,
                 "source actor code or prefix (TUR; any case)");
  app.add_option("--target", f->target,
                 "target actor code or prefix (IGO; any case)");
  app.add_option("--cameo", f->cameo, "CAMEO event code (057)");
  app.add_option("--root", f->root, "CAMEO root category (05)");
  app.add_option("--quad", f->quad, "quad class 1-4")->check(CLI::Range(1, 4));
  app.add_option("--plover", f->plover, "PLOVER event type (AGREE; any case)");
  app.add_option("--modality", f->modality,
                 "modalities to keep, comma-separated (asserted, negated, "
                 "hypothetical, future, alleged; default: all)")
      ->delimiter(',');
  app.add_option("--text", f->text, "words in the sentence (case ignored)");
  app.add_option("--doc", f->doc_id, "one document id");
  app.add_flag("--one-a-day", f->one_a_day,
               "Phoenix deduplication: one event per date, dyad and code");
  app.add_option("--limit", f->limit, "at most N rows")
      ->check(CLI::Range(int64_t{1}, INT64_MAX));
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

int WriteStoredEvents(const char* command, const std::string& location,
                      const EventFilter& filter, const std::string& format,
                      const std::string& out_path, bool report) {
  auto name = CheckFormat(format, io::EventFormatNames());
  if (!name.ok()) return UsageFail(command, name.status());
  int exit_code = kExitOk;
  std::unique_ptr<Store> store =
      OpenForQuery(command, location, filter, &exit_code);
  if (!store) return exit_code;
  io::SinkOptions sink_options;
  if (*name == "phoenix" || *name == "gdelt") {
    // Coordinates and countries of the events' places.
    auto places = Gazetteer::Load(DataPath("kb/places.tsv"));
    if (!places.ok()) return Fail(command, places.status());
    sink_options.places = std::move(*places);
  }
  std::unique_ptr<Output> out = Output::Open(command, out_path);
  if (!out) return kExitFailure;
  auto sink = io::MakeEventSink(*name, out->file(), sink_options);
  if (!sink.ok()) return UsageFail(command, sink.status());
  Status written;
  Status s = store->QueryEvents(filter, [&](const EventRecord& r) {
    written = (*sink)->Write(r);
    return written.ok();
  });
  if (s.ok()) s = written;
  if (s.ok()) s = (*sink)->Finish();
  if (!s.ok()) return Fail(command, s);
  const int rc = out->Finish(kExitOk);
  if (rc == kExitOk && report && out->name() != "stdout") {
    std::cerr << "curlew " << command << ": " << (*sink)->events_written()
              << " events to " << out->name() << '\n';
  }
  return rc;
}

}  // namespace curlew::cli
