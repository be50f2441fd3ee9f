// Input options shared by the subcommands that read documents (code,
// split): --date, --input-format, --max-document-bytes; and --add-dicts,
// shared by the subcommands that code.
#ifndef CURLEW_CLI_INPUT_OPTIONS_H_
#define CURLEW_CLI_INPUT_OPTIONS_H_

#include <CLI/CLI.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "command.h"
#include "curlew/reader.h"
#include "curlew/status.h"

namespace curlew::cli {

struct InputArgs {
  std::string date;
  std::string input_format = "auto";
  size_t max_document_bytes = ReaderOptions().max_document_bytes;
};

inline void AddInputOptions(CLI::App& sub, InputArgs& args) {
  sub.add_option("--date", args.date,
                 "publication date of plain-text documents (YYYY-MM-DD)");
  sub.add_option("--input-format", args.input_format,
                 "auto, text, jsonl, xml or conllu")
      ->capture_default_str();
  sub.add_option("--max-document-bytes", args.max_document_bytes,
                 "longest document or JSONL line accepted")
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

// True for "YYYY-MM-DD" with a plausible month and day.
inline bool IsIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const int month = std::stoi(s.substr(5, 2));
  const int day = std::stoi(s.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

inline Result<ReaderOptions> MakeReaderOptions(const InputArgs& args) {
  ReaderOptions options;
  auto format = ParseInputFormat(args.input_format);
  if (!format.ok()) return format.status();
  options.format = *format;
  if (!args.date.empty() && !IsIsoDate(args.date)) {
    return Status::Error(ErrorCode::kInvalidArgument,
                         "--date must be YYYY-MM-DD, not '" + args.date + "'");
  }
  options.default_date = args.date;
  if (args.max_document_bytes == 0) {
    return Status::Error(ErrorCode::kInvalidArgument,
                         "--max-document-bytes must be positive");
  }
  options.max_document_bytes = args.max_document_bytes;
  return options;
}

// Prints a bad-argument error and returns the usage exit status.
inline int UsageError(const Status& s) {
  std::fprintf(stderr, "curlew: %s\n", s.ToString().c_str());
  return kExitUsage;
}

}  // namespace curlew::cli

#endif  // CURLEW_CLI_INPUT_OPTIONS_H_
