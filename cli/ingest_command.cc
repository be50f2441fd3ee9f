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
#include "parallel/ordered_processor.h"
#include "store/ingest.h"
#include "store_cli.h"

namespace curlew::cli {
namespace {

struct IngestArgs {
  std::vector<std::string> inputs;
  std::string store;
  std::string format = "auto";
  std::string date;
  size_t batch = 1000;
  bool replace = false;
  bool quiet = false;
  bool progress = false;
  std::string dicts;
  int jobs = parallel::DefaultJobs();
};

class ReaderSource : public store::DocumentSource {
 public:
  ReaderSource(std::vector<std::string> inputs, ReaderOptions options)
      : reader_(std::move(inputs), std::move(options)) {}
  bool Next(Result<Document>* out) override { return reader_.Next(out); }
  uint64_t bytes_read() const override { return reader_.bytes_read(); }
  uint64_t bytes_total() const override { return reader_.bytes_total(); }

 private:
  DocumentReader reader_;
};

InputFormat ParseFormat(const std::string& f) {
  if (f == "text") return InputFormat::kText;
  if (f == "jsonl") return InputFormat::kJsonl;
  if (f == "xml") return InputFormat::kPetrarchXml;
  if (f == "conllu") return InputFormat::kConllu;
  return InputFormat::kAuto;
}

int RunIngest(const IngestArgs& a) {
  EngineOptions engine_options;
  engine_options.dicts_dir = a.dicts;
  auto engine = Engine::Create(engine_options);
  if (!engine.ok()) {
    PrintError("ingest", engine.status());
    return kExitFailure;
  }
  std::unique_ptr<Store> store = OpenStore("ingest", a.store, {});
  if (!store) return kExitFailure;

  ReaderOptions reader_options;
  reader_options.format = ParseFormat(a.format);
  reader_options.default_date = a.date;
  ReaderSource source(a.inputs, reader_options);

  store::IngestOptions options;
  options.batch_documents = a.batch;
  options.replace = a.replace;
  options.jobs = a.jobs;
  if (!a.quiet && (a.progress || isatty(STDERR_FILENO))) {
    options.progress_interval_s = 2.0;
  }
  const Engine& coder = **engine;
  options.ledger = [&](const Document& d) { return coder.LedgerInputOf(d); };
  store::IngestStats stats;
  auto result = store::Ingest(
      source, [&](Document& d) { return coder.Process(d); }, *store, options,
      std::cerr, &stats);
  if (!a.quiet) {
    char line[256];
    std::snprintf(line, sizeof line,
                  "curlew ingest: %lld documents stored (%lld sentences, "
                  "%lld events), %lld already stored and skipped, %lld "
                  "rejected, in %.1f s into %s",
                  static_cast<long long>(stats.stored),
                  static_cast<long long>(stats.sentences),
                  static_cast<long long>(stats.events),
                  static_cast<long long>(stats.skipped),
                  static_cast<long long>(stats.rejected), stats.seconds,
                  store->location().c_str());
    std::cerr << line << '\n';
  }
  if (!result.ok()) {
    PrintError("ingest", result.status());
    std::cerr << "curlew ingest: the batch in progress was not stored; rerun "
                 "the same command to resume\n";
    return kExitFailure;
  }
  // Exit 1 only when nothing at all could be processed (DESIGN.md).
  if (stats.read == 0) {
    PrintError("ingest", Status::Error(ErrorCode::kEmptyInput,
                                       "no documents in the input"));
    return kExitFailure;
  }
  if (stats.stored == 0 && stats.skipped == 0) return kExitFailure;
  return kExitOk;
}

Runner SetUp(CLI::App& sub) {
  auto a = std::make_shared<IngestArgs>();
  sub.add_option("files", a->inputs,
                 "files or directories; '-' or none: stdin");
  AddStoreOption(sub, &a->store);
  sub.add_option("--batch", a->batch, "documents per transaction")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  sub.add_flag("--replace", a->replace,
               "recode documents already in the store (default: skip them)");
  sub.add_option("--input-format", a->format,
                 "auto, text, jsonl, xml (PETRARCH) or conllu")
      ->check(CLI::IsMember({"auto", "text", "jsonl", "xml", "conllu"}))
      ->capture_default_str();
  sub.add_option("--date", a->date,
                 "publication date for plain-text documents (YYYY-MM-DD)");
  sub.add_option("--dicts", a->dicts,
                 "code with a PETRARCH-format dictionary folder");
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
}  // namespace curlew::cli
