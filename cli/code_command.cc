// curlew code [FILE ...]: reads documents, codes them, writes events.
//
// Each rejected document gives one line on stderr ("curlew code: " and
// Status::ToString(): the file or document, the byte position, the reason)
// and the batch goes on; a sentence too long to code is a warning line.
// Exit status: 0 if at least one document was processed, 1 if none could
// be or the output could not be written, 2 for bad arguments. With
// --jobs N the documents are coded on N threads and written in input
// order, exactly as with --jobs 1.
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "curlew/engine.h"
#include "curlew/event_record.h"
#include "curlew/reader.h"
#include "input_options.h"
#include "io/event_sink.h"
#include "output.h"
#include "parallel/document_coder.h"
#include "parallel/progress.h"

namespace curlew::cli::code_command {
namespace {

struct CodeArgs {
  std::vector<std::string> inputs;
  std::string format = "jsonl";
  std::string out;
  std::string dicts;
  std::vector<std::string> add_dicts;
  bool trace = false;
  int jobs = parallel::DefaultJobs();
  bool progress = false;
  InputArgs input;
};

// The parsed sentences of `doc` on stderr, one token a line (CoNLL-U-like).
void PrintTrees(const Document& doc) {
  for (const Sentence& s : doc.sentences) {
    std::fprintf(stderr, "# %s\n", std::string(doc.SpanText(s.span)).c_str());
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      const Token& t = doc.tokens[i];
      std::fprintf(stderr, "%u\t%s\t%s\t%s\t%s\t%d\t%s\n",
                   i - s.token_begin + 1, std::string(doc.TokenText(t)).c_str(),
                   t.lemma.c_str(), t.upos.c_str(), t.xpos.c_str(), t.head,
                   t.deprel.c_str());
    }
  }
}

int RunCode(const CodeArgs& args) {
  auto format = CheckFormat(args.format, io::EventFormatNames());
  if (!format.ok()) return UsageFail("code", format.status());
  auto reader_options = MakeReaderOptions(args.input);
  if (!reader_options.ok()) return UsageFail("code", reader_options.status());

  EngineOptions engine_options;
  engine_options.dicts_dir = args.dicts;
  engine_options.add_dicts_dirs = args.add_dicts;
  engine_options.limits = reader_options->limits;
  engine_options.preload_syntax =
      ExpectsUnparsedText(args.inputs, reader_options->format);
  auto engine = Engine::Create(engine_options);
  if (!engine.ok()) return Fail("code", engine.status());
  // Declared before the coder's threads, so they have stopped when it is
  // handed over at the end.
  struct Keep {
    std::unique_ptr<Engine>& engine;
    ~Keep() { KeepUntilExit(std::shared_ptr<const Engine>(std::move(engine))); }
  } keep{*engine};

  std::unique_ptr<Output> out = Output::Open("code", args.out);
  if (!out) return kExitFailure;
  io::SinkOptions sink_options;
  sink_options.places = (*engine)->places();
  auto sink = io::MakeEventSink(*format, out->file(), sink_options);
  if (!sink.ok()) return UsageFail("code", sink.status());

  DocumentReader reader(args.inputs, *reader_options);
  std::atomic<uint64_t> bytes_read{0};
  const Engine& coder = **engine;
  parallel::DocumentCoder documents(
      [&](Result<Document>* d) {
        const bool more = reader.Next(d);
        bytes_read.store(reader.bytes_read(), std::memory_order_relaxed);
        return more;
      },
      [&](Document& d) { return coder.Process(d); }, {.jobs = args.jobs});
  parallel::ProgressTimer timer(args.progress || isatty(STDERR_FILENO) ? 2.0
                                                                       : 0.0);
  const std::string coded_at = UtcNow();
  int64_t next_id = 1;  // event ids: 1, 2, ... in output order
  uint64_t processed = 0;
  uint64_t rejected = 0;
  Result<Document> doc = Status();
  while (documents.Next(&doc)) {
    if (timer.Due()) {
      parallel::ProgressCounts c{
          .documents = static_cast<int64_t>(processed),
          .events = next_id - 1,
          .rejected = static_cast<int64_t>(rejected),
          .bytes_read = bytes_read.load(std::memory_order_relaxed),
          .bytes_total = reader.bytes_total(),
          .seconds = timer.Elapsed()};
      std::fprintf(stderr, "%s\n", parallel::ProgressLine("code", c).c_str());
    }
    if (!doc.ok()) {
      PrintError("code", doc.status());
      ++rejected;
      continue;
    }
    ++processed;
    for (const Status& w : doc->warnings) PrintWarning("code", w);
    if (args.trace) PrintTrees(*doc);
    for (const EventRecord& r : RecordsOf(*doc, next_id, coded_at)) {
      if (Status w = (*sink)->Write(r); !w.ok()) return Fail("code", w);
    }
    next_id += static_cast<int64_t>(doc->events.size());
  }
  if (Status w = (*sink)->Finish(); !w.ok()) return Fail("code", w);
  if (processed == 0) {
    PrintError("code",
               Status::Error(ErrorCode::kEmptyInput,
                             "no document could be processed (" +
                                 std::to_string(rejected) + " rejected)"));
    return out->Finish(kExitFailure);
  }
  return out->Finish(kExitOk);
}

Runner SetUp(CLI::App& sub) {
  auto args = std::make_shared<CodeArgs>();
  sub.add_option("files", args->inputs,
                 "input files or directories ('-' or none: stdin)");
  sub.add_option("--format", args->format,
                 "output format: jsonl, csv, table, petrarch, phoenix or gdelt")
      ->capture_default_str();
  sub.add_option("--out", args->out, "output file (default: stdout)");
  sub.add_option("--dicts", args->dicts,
                 "folder of PETRARCH-format dictionaries to code with");
  AddDictsOption(sub, args->add_dicts);
  sub.add_flag("--trace", args->trace,
               "print each parsed sentence (tokens, tags, heads) on stderr");
  sub.add_option("--jobs", args->jobs,
                 "threads coding documents (output as with --jobs 1)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  sub.add_flag("--progress", args->progress,
               "progress lines on stderr even when it is not a terminal");
  AddInputOptions(sub, args->input);
  return [args] { return RunCode(*args); };
}

const Command kCode("code", "code documents into events (JSON lines)", &SetUp);

}  // namespace
}  // namespace curlew::cli::code_command
