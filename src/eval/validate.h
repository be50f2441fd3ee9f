// Running a PETRARCH validation file (PETR.UnitTest.records.xml style):
// each record is coded with the dictionaries its <Environment> names and
// compared with its <EventCoding> lines.
//
// Pass rule: the set of (source, target, code) produced equals the expected
// set; noevents records pass with no events; error records pass when the
// expected outcome (bad_input_parse, dateline, storydiscard,
// sentencediscard) is detected.
//
// Thread safety: a plain function over its arguments.
#ifndef CURLEW_EVAL_VALIDATE_H_
#define CURLEW_EVAL_VALIDATE_H_

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "curlew/document.h"
#include "curlew/status.h"
#include "events/coder.h"

namespace curlew {

struct ValidateOptions {
  std::string dicts_dir;       // "" : the files named by <Environment>
  bool only_sentences = true;  // count only sentence="true" records
  bool verbose = false;        // print every failing record
  std::string trace_id;        // print the dependency tree of this record
  // "given": the records' own Penn parses; "curlew": curlew's tokenizer and
  // parser on the <Text> (needs the syntax model).
  std::string parser = "given";
  // Syntax model for parser "curlew". Default: DataPath("models/en_ewt.model").
  std::string syntax_model;
};

struct ValidateResult {
  int passed = 0;
  int failed = 0;
  int errors = 0;  // records that could not be read or coded
  std::map<std::string, std::pair<int, int>> by_category;  // passed, total
};

// Runs `xml_path`; writes failures (if verbose) to `log`.
Result<ValidateResult> RunValidation(const std::string& xml_path,
                                     const ValidateOptions& options,
                                     std::ostream& log);

// True if the text opens with a dateline ("CEBU CITY: --").
bool HasDateline(std::string_view text);

// Re-cuts the tokens of a segmented document as PETRARCH's parses and
// dictionaries cut words, for parser "curlew": hyphenated pieces with no
// space between are joined ("12 - year" -> "12-year", "anti -" -> "anti-")
// and words joined by '_' are split ("Dol_Amroth" -> "Dol" "Amroth").
// Spans stay byte ranges of the unchanged text; tags and trees are not
// kept (run before the syntax stage).
void RetokenizeForPetrarch(Document& doc);

}  // namespace curlew

#endif  // CURLEW_EVAL_VALIDATE_H_
