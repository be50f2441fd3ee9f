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

namespace curlew::cli {
namespace {

struct ParseArgs {
  std::vector<std::string> inputs;
  InputArgs input;
};

int RunParse(const ParseArgs& args) {
  auto reader_options = MakeReaderOptions(args.input);
  if (!reader_options.ok()) return UsageError(reader_options.status());
  EngineOptions engine_options;
  engine_options.text.max_document_bytes = reader_options->max_document_bytes;
  auto engine = Engine::Create(engine_options);
  if (!engine.ok()) {
    std::fprintf(stderr, "curlew parse: %s\n",
                 engine.status().ToString().c_str());
    return kExitFailure;
  }
  DocumentReader reader(args.inputs, *reader_options);
  uint64_t processed = 0;
  Result<Document> doc = Status();
  while (reader.Next(&doc)) {
    Status s = doc.ok() ? (*engine)->Process(*doc) : doc.status();
    if (!s.ok()) {
      std::fprintf(stderr, "%s\n", s.ToString().c_str());
      continue;
    }
    ++processed;
    std::cout << "# newdoc id = " << doc->id << '\n';
    for (const Sentence& sent : doc->sentences) WriteConllu(*doc, sent, std::cout);
  }
  return processed == 0 ? kExitFailure : kExitOk;
}

Runner SetUp(CLI::App& sub) {
  auto args = std::make_shared<ParseArgs>();
  sub.add_option("files", args->inputs,
                 "input files or directories ('-' or none: stdin)");
  AddInputOptions(sub, args->input);
  return [args] { return RunParse(*args); };
}

const Command kParse("parse", "print curlew's parse of documents as CoNLL-U",
                     &SetUp);

}  // namespace
}  // namespace curlew::cli
