// curlew validate FILE.xml [--dicts DIR] [--parser given|curlew]
// Runs a PETRARCH validation file; prints passes by category and ends with
// "N passed, M failed". Exit status 1 when a record fails or there is no
// record at all.
#include <fmt/printf.h>

#include <iostream>
#include <string>

#include "command.h"
#include "eval/validate.h"
#include "output.h"

namespace curlew::cli::validate_command {
namespace {

struct Args {
  std::string file;
  std::string dicts;
  std::string parser = "given";
  bool all = false;
  bool verbose = false;
  std::string trace;
  std::string model;
};

Runner SetUp(CLI::App& sub) {
  auto args = std::make_shared<Args>();
  sub.add_option("file", args->file, "PETRARCH validation XML file")
      ->required();
  sub.add_option("--dicts", args->dicts,
                 "folder with PETR_config.ini naming the dictionaries "
                 "(default: the files named by the file's <Environment>)");
  sub.add_option("--parser", args->parser,
                 "given: the records' own Penn parses; curlew: curlew's parser")
      ->check(CLI::IsMember({"given", "curlew"}));
  sub.add_option("--model", args->model,
                 "syntax model for --parser curlew "
                 "(default: data/models/en_ewt.model)");
  sub.add_flag("--all", args->all,
               "also run records marked sentence=\"false\"");
  sub.add_flag("-v,--verbose", args->verbose, "print every failing record");
  sub.add_option("--trace", args->trace,
                 "print the dependency tree of the record with this id");
  return [args]() -> int {
    ValidateOptions o;
    o.dicts_dir = args->dicts;
    o.only_sentences = !args->all;
    o.verbose = args->verbose;
    o.trace_id = args->trace;
    o.parser = args->parser;
    o.syntax_model = args->model;
    auto r = RunValidation(args->file, o, std::cerr);
    if (!r.ok()) return Fail("validate", r.status());
    if (r->passed + r->failed == 0) {
      // Garbage, or a file without records, is not a validation run.
      return Fail(
          "validate",
          Status::Error(ErrorCode::kEmptyInput,
                        "no PETRARCH <Sentence> record to run", args->file));
    }
    std::string out =
        fmt::sprintf("%-12s %6s %6s\n", "category", "passed", "total");
    for (const auto& [cat, pt] : r->by_category)
      out += fmt::sprintf("%-12s %6d %6d\n", cat, pt.first, pt.second);
    if (r->errors)
      out += fmt::sprintf("%d records could not be read or coded\n", r->errors);
    out += fmt::sprintf("%d passed, %d failed\n", r->passed, r->failed);
    // Exit 1 when any record fails, so that scripts and CI notice.
    return WriteResult("validate", out, r->failed > 0 ? kExitFailure : kExitOk);
  };
}

const Command kValidate("validate", "run a PETRARCH validation file", &SetUp);

}  // namespace
}  // namespace curlew::cli::validate_command
