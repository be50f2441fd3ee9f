// curlew split [FILE ...]: prints the sentences and tokens the text layer
// finds, for inspection.
//
//   --format text   one sentence per line, tokens separated by spaces
//   --format jsonl  one JSON object per sentence with byte offsets
//                   ("json" is the same)
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "command.h"
#include "curlew/reader.h"
#include "curlew/text.h"
#include "input_options.h"
#include "output.h"

namespace curlew::cli::split_command {
namespace {

struct SplitArgs {
  std::vector<std::string> inputs;
  std::string format = "text";
  std::string out;
  int64_t max_sentence_tokens =
      static_cast<int64_t>(Limits().max_sentence_tokens);
  InputArgs input;
};

void PrintText(const Document& doc, WritableFile* out) {
  std::string line;
  for (const Sentence& s : doc.sentences) {
    line.clear();
    for (uint32_t k = s.token_begin; k < s.token_end; ++k) {
      if (k > s.token_begin) line += ' ';
      line += doc.TokenText(doc.tokens[k]);
    }
    line += '\n';
    if (!out->Append(line).ok()) return;
  }
}

void PrintJson(const Document& doc, WritableFile* out) {
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    nlohmann::ordered_json j;
    j["doc_id"] = doc.id;
    j["sentence"] = i;
    j["span"] = {s.span.begin, s.span.end};
    j["text"] = std::string(doc.SpanText(s.span));
    auto tokens = nlohmann::ordered_json::array();
    for (uint32_t k = s.token_begin; k < s.token_end; ++k) {
      const Token& t = doc.tokens[k];
      nlohmann::ordered_json tok;
      tok["text"] = std::string(doc.TokenText(t));
      tok["norm"] = t.norm;
      tok["span"] = {t.span.begin, t.span.end};
      tok["space_after"] = t.space_after;
      if (t.fused_with_previous) tok["fused"] = true;
      tokens.push_back(std::move(tok));
    }
    j["tokens"] = std::move(tokens);
    const std::string line =
        j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    if (!out->Append(line).ok()) return;
  }
}

int RunSplit(const SplitArgs& args) {
  auto format = CheckFormat(args.format, {"text", "jsonl"});
  if (!format.ok()) return UsageFail("split", format.status());
  auto reader_options = MakeReaderOptions(args.input);
  if (!reader_options.ok()) return UsageFail("split", reader_options.status());
  TextOptions text_options;
  text_options.max_document_bytes = reader_options->limits.max_document_bytes;
  text_options.max_sentence_tokens =
      static_cast<size_t>(args.max_sentence_tokens);
  std::unique_ptr<Output> out = Output::Open("split", args.out);
  if (!out) return kExitFailure;

  DocumentReader reader(args.inputs, *reader_options);
  uint64_t processed = 0;
  Result<Document> doc = Status();
  while (reader.Next(&doc) && out->file()->status().ok()) {
    Status s = doc.ok() ? Segment(*doc, text_options) : doc.status();
    if (!s.ok()) {
      PrintError("split", s);
      continue;
    }
    ++processed;
    for (const Status& w : doc->warnings) PrintWarning("split", w);
    if (*format == "jsonl") {
      PrintJson(*doc, out->file());
    } else {
      PrintText(*doc, out->file());
    }
  }
  if (processed == 0) {
    PrintError("split", Status::Error(ErrorCode::kEmptyInput,
                                      "no document could be processed"));
    return out->Finish(kExitFailure);
  }
  return out->Finish(kExitOk);
}

Runner SetUp(CLI::App& sub) {
  auto args = std::make_shared<SplitArgs>();
  sub.add_option("files", args->inputs,
                 "input files or directories ('-' or none: stdin)");
  sub.add_option("--format", args->format, "output format: text or jsonl")
      ->capture_default_str();
  sub.add_option("--out", args->out, "output file (default: stdout)");
  sub.add_option("--max-sentence-tokens", args->max_sentence_tokens,
                 "longest sentence kept whole, in tokens")
      ->capture_default_str()
      ->check(CLI::Range(int64_t{1}, int64_t{UINT32_MAX}));
  AddInputOptions(sub, args->input);
  return [args] { return RunSplit(*args); };
}

const Command kSplit("split", "print the sentences and tokens of documents",
                     &SetUp);

}  // namespace
}  // namespace curlew::cli::split_command
