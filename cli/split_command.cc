// curlew split [FILE ...]: prints the sentences and tokens the text layer
// finds, for inspection.
//
//   --format text   one sentence per line, tokens separated by spaces
//   --format json   one JSON object per sentence with byte offsets
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "command.h"
#include "curlew/reader.h"
#include "curlew/text.h"
#include "input_options.h"

namespace curlew::cli {
namespace {

struct SplitArgs {
  std::vector<std::string> inputs;
  std::string format = "text";
  size_t max_sentence_tokens = TextOptions().max_sentence_tokens;
  InputArgs input;
};

void PrintText(const Document& doc) {
  std::string line;
  for (const Sentence& s : doc.sentences) {
    line.clear();
    for (uint32_t k = s.token_begin; k < s.token_end; ++k) {
      if (k > s.token_begin) line += ' ';
      line += doc.TokenText(doc.tokens[k]);
    }
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stdout);
  }
}

void PrintJson(const Document& doc) {
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
    std::fwrite(line.data(), 1, line.size(), stdout);
  }
}

int RunSplit(const SplitArgs& args) {
  if (args.format != "text" && args.format != "json") {
    return UsageError(Status::Error(
        ErrorCode::kInvalidArgument,
        "unknown format '" + args.format + "' (expected text or json)"));
  }
  auto reader_options = MakeReaderOptions(args.input);
  if (!reader_options.ok()) return UsageError(reader_options.status());
  TextOptions text_options;
  text_options.max_document_bytes = reader_options->max_document_bytes;
  text_options.max_sentence_tokens = args.max_sentence_tokens;

  DocumentReader reader(args.inputs, *reader_options);
  uint64_t processed = 0;
  Result<Document> doc = Status();
  while (reader.Next(&doc)) {
    Status s = doc.ok() ? Segment(*doc, text_options) : doc.status();
    if (!s.ok()) {
      std::fprintf(stderr, "%s\n", s.ToString().c_str());
      continue;
    }
    ++processed;
    if (args.format == "json") {
      PrintJson(*doc);
    } else {
      PrintText(*doc);
    }
  }
  std::fflush(stdout);
  if (processed == 0) {
    std::fprintf(stderr, "curlew split: no document could be processed\n");
    return kExitFailure;
  }
  return kExitOk;
}

Runner SetUp(CLI::App& sub) {
  auto args = std::make_shared<SplitArgs>();
  sub.add_option("files", args->inputs,
                 "input files or directories ('-' or none: stdin)");
  sub.add_option("--format", args->format, "output format: text or json")
      ->capture_default_str();
  sub.add_option("--max-sentence-tokens", args->max_sentence_tokens,
                 "longest sentence kept whole, in tokens")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  AddInputOptions(sub, args->input);
  return [args] { return RunSplit(*args); };
}

const Command kSplit("split", "print the sentences and tokens of documents",
                     &SetUp);

}  // namespace
}  // namespace curlew::cli
