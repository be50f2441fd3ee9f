// curlew parse [FILE ...]: the syntax curlew sees. Reads documents, runs the
// pipeline, and prints each sentence as CoNLL-U (tags, lemmas, tree), for
// inspecting why an event was or was not coded.
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "curlew/engine.h"
#include "curlew/reader.h"
#include "input_options.h"
#include "io/conllu.h"
#include "output.h"

namespace curlew::cli::parse_command {
namespace {

struct ParseArgs {
  std::vector<std::string> inputs;
  std::string out;
  InputArgs input;
};

int RunParse(const ParseArgs& args) {
  auto reader_options = MakeReaderOptions(args.input);
  if (!reader_options.ok()) return UsageFail("parse", reader_options.status());
  EngineOptions engine_options;
  engine_options.limits = reader_options->limits;
  engine_options.preload_syntax =
      ExpectsUnparsedText(args.inputs, reader_options->format);
  auto engine = Engine::Create(engine_options);
  if (!engine.ok()) return Fail("parse", engine.status());
  std::unique_ptr<Output> output = Output::Open("parse", args.out);
  if (!output) return kExitFailure;
  std::ostream& out = output->stream();
  DocumentReader reader(args.inputs, *reader_options);
  uint64_t processed = 0;
  Result<Document> doc = Status();
  while (reader.Next(&doc) && out) {
    Status s = doc.ok() ? (*engine)->Process(*doc) : doc.status();
    if (!s.ok()) {
      PrintError("parse", s);
      continue;
    }
    ++processed;
    for (const Status& w : doc->warnings) PrintWarning("parse", w);
    out << "# newdoc id = " << doc->id << '\n';
    for (const Sentence& sent : doc->sentences) WriteConllu(*doc, sent, out);
  }
  return output->Finish(processed == 0 ? kExitFailure : kExitOk);
}

Runner SetUp(CLI::App& sub) {
  auto args = std::make_shared<ParseArgs>();
  sub.add_option("files", args->inputs,
                 "input files or directories ('-' or none: stdin)");
  sub.add_option("--out", args->out, "output file (default: stdout)");
  AddInputOptions(sub, args->input);
  return [args] { return RunParse(*args); };
}

const Command kParse("parse", "print curlew's parse of documents as CoNLL-U",
                     &SetUp);

}  // namespace
}  // namespace curlew::cli::parse_command
