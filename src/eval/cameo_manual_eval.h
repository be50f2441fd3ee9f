// CAMEO manual scorer: reads the example sentences of the CAMEO codebook's
// verb chapter (the plain-text rendering of CAMEO.Manual.1.1b3.pdf, one
// "CAMEO <code>" entry per event code, each with "Example" sentences that
// illustrate that code), codes each sentence with an Engine and scores
// whether curlew finds an event, the right root and the right full code.
//
// Extraction (docs/evaluation.md has the details): the verb chapter runs
// from the line "Chapter 2" to the line "Chapter 3" (the whole text when
// they are absent). A field label ("CAMEO", "Name", "Description", "Usage
// Notes", "Example", "Example Note") starts a line with at most three spaces
// before it and two or more after it; the field's text runs over the indented
// lines after it until the next label or section heading ("2.4  CONSULT").
// Page furniture (running heads "CHAPTER 2. VERB CODEBOOK  27", bare page
// numbers, form feeds) is dropped. Lines are joined with hyphenation undone
// ("repatri-" + "ate"), keeping real hyphens ("Syrian-" + "backed",
// "28-month-" + "old", "Greek-" + "Cypriot").
//
// Thread safety: plain values and functions; EvaluateCameoManual() only
// reads the Engine.
#ifndef CURLEW_EVAL_CAMEO_MANUAL_EVAL_H_
#define CURLEW_EVAL_CAMEO_MANUAL_EVAL_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "curlew/engine.h"
#include "curlew/event.h"
#include "curlew/status.h"

namespace curlew::eval {

// One example sentence and the code it illustrates.
struct ManualExample {
  std::string code;  // CAMEO event code ("0211")
  std::string text;  // the sentence, its lines joined
  int line = 0;      // 1-based line of its "Example" label
};

// An "Example" field that is not scored, and why.
struct ManualSkip {
  std::string code;
  std::string text;
  int line = 0;
  std::string reason;
};

struct CameoManual {
  std::vector<ManualExample> examples;
  std::vector<ManualSkip> skipped;
  int codes = 0;  // "CAMEO <code>" entries read
  std::vector<std::string> codes_without_example;
};

// Reads the manual's text; `name` is used in errors. Fails (kParseError)
// only when no example at all is found.
Result<CameoManual> ParseCameoManual(std::string_view text,
                                     const std::string& name);
Result<CameoManual> ReadCameoManual(const std::string& path);

// Undoes the line breaks of one field: `lines` are its lines, already
// trimmed. Exposed for tests.
std::string JoinManualLines(const std::vector<std::string>& lines);

// Counts over a set of examples.
struct ManualTally {
  int examples = 0;
  int no_event = 0;    // curlew codes no event at all
  int right_root = 0;  // some event has the example's root
  int right_code = 0;  // some event has the example's full code
  int coded_events = 0;
};

enum class ManualFailure { kNone, kNoEvent, kWrongRoot, kWrongCode };
const char* ManualFailureName(ManualFailure f);

struct ManualResult {
  const ManualExample* example = nullptr;
  std::vector<Event> events;  // distinct events of the sentence
  ManualFailure failure = ManualFailure::kNone;
};

struct CameoManualScores {
  ManualTally all;
  std::map<std::string, ManualTally> by_root;  // "01".."20"
  std::vector<ManualResult> results;           // one per example, in order
};

// Scores coded events against the examples: coded[i] are the events of
// examples[i]. The examples must outlive the scores.
CameoManualScores ScoreCameoManual(
    const std::vector<ManualExample>& examples,
    const std::vector<std::vector<Event>>& coded);

// The date the examples are coded with. The manual gives none; the PLOVER
// gold records, edited from the same examples, all carry this one, and
// date-restricted actors need a date.
inline constexpr std::string_view kManualDate = "2000-01-01";

// Codes every example as a document of its own, dated `date`, and scores
// the result.
CameoManualScores EvaluateCameoManual(
    const Engine& engine, const std::vector<ManualExample>& examples,
    std::string_view date = kManualDate);

}  // namespace curlew::eval

#endif  // CURLEW_EVAL_CAMEO_MANUAL_EVAL_H_
