// curlew ingest: read documents, code them and store them, in batches that
// are committed whole; a rerun resumes where a killed run stopped.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "curlew/engine.h"
#include "curlew/reader.h"
#include "input_options.h"
#include "parallel/ordered_processor.h"
#include "store/ingest.h"
#include "store_cli.h"

namespace curlew::cli::ingest_command {
namespace {

struct IngestArgs {
  std::vector<std::string> inputs;
  std::string store;
  InputArgs input;
  int64_t batch = 1000;
  bool replace = false;
  bool quiet = false;
  bool progress = false;
  std::string dicts;
  std::vector<std::string> add_dicts;
  int jobs = parallel::DefaultJobs();
};

int RunIngest(const IngestArgs& a) {
  auto reader_options = MakeReaderOptions(a.input);
  if (!reader_options.ok()) return UsageFail("ingest", reader_options.status());
  EngineOptions engine_options;
  engine_options.dicts_dir = a.dicts;
  engine_options.add_dicts_dirs = a.add_dicts;
  engine_options.limits = reader_options->limits;
  engine_options.preload_syntax =
      ExpectsUnparsedText(a.inputs, reader_options->format);
  auto engine = Engine::Create(engine_options);
  if (!engine.ok()) return Fail("ingest", engine.status());
  std::unique_ptr<Store> store = OpenStore("ingest", a.store, {});
  if (!store) return kExitFailure;

  DocumentReader reader(a.inputs, *reader_options);
  store::IngestOptions options;
  options.batch_documents = static_cast<size_t>(a.batch);
  options.replace = a.replace;
  options.jobs = a.jobs;
  if (!a.quiet && (a.progress || isatty(STDERR_FILENO))) {
    options.progress_interval_s = 2.0;
  }
  const Engine& coder = **engine;
  options.ledger = [&](const Document& d) { return coder.LedgerInputOf(d); };
  store::IngestStats stats;
  auto result = store::Ingest(
      reader, [&](Document& d) { return coder.Process(d); }, *store, options,
      std::cerr, &stats);
  if (!a.quiet) {
    char line[320];
    std::snprintf(line, sizeof line,
                  "curlew ingest: %lld documents stored (%lld sentences, "
                  "%lld events), %lld already stored and skipped, %lld "
                  "rejected (%lld duplicate ids), in %.1f s into %s",
                  static_cast<long long>(stats.stored),
                  static_cast<long long>(stats.sentences),
                  static_cast<long long>(stats.events),
                  static_cast<long long>(stats.skipped),
                  static_cast<long long>(stats.rejected),
                  static_cast<long long>(stats.duplicates), stats.seconds,
                  store->location().c_str());
    std::cerr << line;
    // What the store holds after the run, counted by the store itself.
    if (auto counts = store->Counts(); counts.ok()) {
      std::cerr << "; it holds " << counts->documents << " documents, "
                << counts->events << " events";
    }
    std::cerr << '\n';
  }
  if (!result.ok()) {
    PrintError("ingest", result.status());
    std::cerr << "curlew ingest: the batch in progress was not stored; rerun "
                 "the same command to resume\n";
    return kExitFailure;
  }
  // Exit 1 only when nothing at all could be processed (DESIGN.md).
  if (stats.stored == 0 && stats.skipped == 0) return kExitFailure;
  return kExitOk;
}

Runner SetUp(CLI::App& sub) {
  auto a = std::make_shared<IngestArgs>();
  sub.add_option("files", a->inputs,
                 "files or directories; '-' or none: stdin");
  AddStoreOption(sub, &a->store);
  sub.add_option("--batch", a->batch, "documents per transaction")
      ->check(CLI::Range(int64_t{1}, int64_t{10000000}))
      ->capture_default_str();
  sub.add_flag("--replace", a->replace,
               "recode documents already in the store, and let a later "
               "document of an id replace an earlier one (default: skip "
               "stored ids, reject repeated ones)");
  AddInputOptions(sub, a->input);
  sub.add_option("--dicts", a->dicts,
                 "code with a PETRARCH-format dictionary folder");
  AddDictsOption(sub, a->add_dicts);
  sub.add_option("--jobs", a->jobs,
                 "threads coding documents (the store is written in input "
                 "order, as with --jobs 1)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  sub.add_flag("--progress", a->progress,
               "progress lines on stderr even when it is not a terminal");
  sub.add_flag("--quiet", a->quiet, "no progress or summary lines");
  return [a] { return RunIngest(*a); };
}

const Command kIngest("ingest",
                      "code documents into the store (SQLite or "
                      "PostgreSQL), resumably",
                      &SetUp);

}  // namespace
}  // namespace curlew::cli::ingest_command
