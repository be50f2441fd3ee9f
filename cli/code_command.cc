// curlew code [FILE ...]: reads documents, codes them, writes events.
//
// Each rejected document gives one line on stderr (Status::ToString(): the
// file or document, the byte position, the reason) and the batch goes on.
// Exit status: 0 if at least one document was processed, 1 if none could
// be, 2 for bad arguments.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "curlew/engine.h"
#include "curlew/reader.h"
#include "input_options.h"
#include "io/event_writer.h"

namespace curlew::cli {
namespace {

struct CodeArgs {
  std::vector<std::string> inputs;
  std::string format = "jsonl";
  std::string dicts;
  std::vector<std::string> add_dicts;
  bool trace = false;
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
  engine_options.add_dicts_dirs = args.add_dicts;
  engine_options.text.max_document_bytes = reader_options->max_document_bytes;
  auto engine = Engine::Create(engine_options);
  if (!engine.ok()) {
    std::fprintf(stderr, "curlew code: %s\n",
                 engine.status().ToString().c_str());
    return kExitFailure;
  }

  DocumentReader reader(args.inputs, *reader_options);
  io::EventWriter writer(stdout, *format);
  uint64_t processed = 0;
  uint64_t rejected = 0;
  Result<Document> doc = Status();
  while (reader.Next(&doc)) {
    Status s = doc.ok() ? (*engine)->Process(*doc) : doc.status();
    if (!s.ok()) {
      std::fprintf(stderr, "%s\n", s.ToString().c_str());
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
  AddDictsOption(sub, args->add_dicts);
  sub.add_flag("--trace", args->trace,
               "print each parsed sentence (tokens, tags, heads) on stderr");
  AddInputOptions(sub, args->input);
  return [args] { return RunCode(*args); };
}

const Command kCode("code", "code documents into events (JSON lines)", &SetUp);

}  // namespace
}  // namespace curlew::cli
