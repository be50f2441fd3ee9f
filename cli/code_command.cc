// curlew code [FILE ...]: reads documents, codes them, writes events.
//
// Each rejected document gives one line on stderr (Status::ToString(): the
// file or document, the byte position, the reason) and the batch goes on.
// Exit status: 0 if at least one document was processed, 1 if none could
// be, 2 for bad arguments. With --jobs N the documents are coded on N
// threads and written in input order, exactly as with --jobs 1.
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "curlew/engine.h"
#include "curlew/reader.h"
#include "input_options.h"
#include "io/event_writer.h"
#include "parallel/document_coder.h"
#include "parallel/progress.h"

namespace curlew::cli {
namespace {

struct CodeArgs {
  std::vector<std::string> inputs;
  std::string format = "jsonl";
  std::string dicts;
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
  auto format = io::ParseEventFormat(args.format);
  if (!format.ok()) return UsageError(format.status());
  auto reader_options = MakeReaderOptions(args.input);
  if (!reader_options.ok()) return UsageError(reader_options.status());

  EngineOptions engine_options;
  engine_options.dicts_dir = args.dicts;
  engine_options.text.max_document_bytes = reader_options->max_document_bytes;
  auto engine = Engine::Create(engine_options);
  if (!engine.ok()) {
    std::fprintf(stderr, "curlew code: %s\n",
                 engine.status().ToString().c_str());
    return kExitFailure;
  }

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
  io::EventWriter writer(stdout, *format);
  uint64_t processed = 0;
  uint64_t rejected = 0;
  Result<Document> doc = Status();
  while (documents.Next(&doc)) {
    if (timer.Due()) {
      parallel::ProgressCounts c{
          .documents = static_cast<int64_t>(processed),
          .events = static_cast<int64_t>(writer.events_written()),
          .rejected = static_cast<int64_t>(rejected),
          .bytes_read = bytes_read.load(std::memory_order_relaxed),
          .bytes_total = reader.bytes_total(),
          .seconds = timer.Elapsed()};
      std::fprintf(stderr, "%s\n", parallel::ProgressLine("code", c).c_str());
    }
    if (!doc.ok()) {
      std::fprintf(stderr, "%s\n", doc.status().ToString().c_str());
      ++rejected;
      continue;
    }
    ++processed;
    if (args.trace) PrintTrees(*doc);
    if (Status w = writer.Write(*doc); !w.ok()) {
      std::fprintf(stderr, "curlew code: %s\n", w.ToString().c_str());
      return kExitFailure;
    }
  }
  if (Status w = writer.Finish(); !w.ok()) {
    std::fprintf(stderr, "curlew code: %s\n", w.ToString().c_str());
    return kExitFailure;
  }
  if (processed == 0) {
    std::fprintf(stderr,
                 "curlew code: no document could be processed (%llu "
                 "rejected)\n",
                 static_cast<unsigned long long>(rejected));
    return kExitFailure;
  }
  return kExitOk;
}

Runner SetUp(CLI::App& sub) {
  auto args = std::make_shared<CodeArgs>();
  sub.add_option("files", args->inputs,
                 "input files or directories ('-' or none: stdin)");
  sub.add_option("--format", args->format,
                 "output format: jsonl, table, petrarch or phoenix")
      ->capture_default_str();
  sub.add_option("--dicts", args->dicts,
                 "folder of PETRARCH-format dictionaries to code with");
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
}  // namespace curlew::cli
