// Input options shared by the subcommands that read documents (code,
// ingest, parse, split): --date, --input-format, --max-document-bytes;
// and --add-dicts, shared by the subcommands that code.
#ifndef CURLEW_CLI_INPUT_OPTIONS_H_
#define CURLEW_CLI_INPUT_OPTIONS_H_

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "command.h"
#include "curlew/reader.h"
#include "curlew/status.h"
#include "curlew/time.h"

namespace curlew::cli {

struct InputArgs {
  std::string date;
  std::string input_format = "auto";
  // Signed, so that "-5" is refused instead of wrapping around.
  int64_t max_document_bytes =
      static_cast<int64_t>(Limits().max_document_bytes);
};

inline void AddInputOptions(CLI::App& sub, InputArgs& args) {
  sub.add_option("--date", args.date,
                 "publication date of plain-text documents (YYYY-MM-DD)");
  sub.add_option("--input-format", args.input_format,
                 "auto, text, jsonl, xml or conllu")
      ->capture_default_str();
  sub.add_option("--max-document-bytes", args.max_document_bytes,
                 "longest document, JSONL line or XML record accepted")
      ->check(CLI::Range(int64_t{1}, int64_t{UINT32_MAX}))
      ->capture_default_str();
}

// --add-dicts DIR (repeatable): a user's PETRARCH-format actor, agent and
// verb files stacked on top of the dictionaries coded with.
inline void AddDictsOption(CLI::App& sub, std::vector<std::string>& dirs) {
  sub.add_option("--add-dicts", dirs,
                 "folder of your own PETRARCH-format files (actors, agents, "
                 "verbs, ...) put on top of the built-in knowledge base; "
                 "repeatable, the first on top")
      ->check(CLI::ExistingDirectory);
}

// Whether curlew's parser will likely be needed: some input is, or may
// be, plain text or JSONL rather than a format that carries its parse
// (PETRARCH XML, CoNLL-U). Standard input and folders may be. Then the
// engine reads the syntax model while it loads the dictionaries.
inline bool ExpectsUnparsedText(const std::vector<std::string>& inputs,
                                InputFormat format) {
  if (format != InputFormat::kAuto) {
    return format == InputFormat::kText || format == InputFormat::kJsonl;
  }
  if (inputs.empty()) return true;
  for (const std::string& in : inputs) {
    const InputFormat named = FormatFromName(in);
    if (named != InputFormat::kPetrarchXml && named != InputFormat::kConllu) {
      return true;
    }
  }
  return false;
}

// Checks the input options; kInvalidArgument names the option.
inline Result<ReaderOptions> MakeReaderOptions(const InputArgs& args) {
  ReaderOptions options;
  auto format = ParseInputFormat(args.input_format);
  if (!format.ok()) return format.status();
  options.format = *format;
  if (!args.date.empty()) {
    auto date = ParseDate(args.date);
    if (!date.ok() || date->precision != DatePrecision::kDay) {
      return Status::Error(
          ErrorCode::kInvalidArgument,
          "--date must be YYYY-MM-DD, not '" + args.date + "'");
    }
  }
  options.default_date = args.date;
  options.limits.max_document_bytes =
      static_cast<size_t>(args.max_document_bytes);
  if (Status s = options.limits.Validate(); !s.ok()) return s;
  return options;
}

}  // namespace curlew::cli

#endif  // CURLEW_CLI_INPUT_OPTIONS_H_
