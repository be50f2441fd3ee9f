// Event evaluation: scores the events an Engine codes against a file of
// sentences with expected events (tests/data/eval_sentences.jsonl, format in
// tests/data/README.md).
//
// Scoring compares (source key, target key, CAMEO root) triples per
// sentence, each triple counted once (a set per sentence). ScoreKey() keeps
// the country or group part of a code (first three letters) and the first
// six letters of an IGO/NGO/IMG/MNC code; a code without a country
// ("---GOV") or an empty code has the empty key.
//
// Thread safety: plain functions and values; EvaluateEvents() only reads the
// Pipeline (which is itself thread-safe). The scorers take the pipeline to
// score, never the Engine (the composition root sits above them).
#ifndef CURLEW_EVAL_EVENT_EVAL_H_
#define CURLEW_EVAL_EVENT_EVAL_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>
#include <vector>

#include "curlew/pipeline.h"
#include "curlew/status.h"

namespace curlew::events {

// One expected (or coded) event, reduced to what is scored.
struct EvalTriple {
  std::string source;  // ScoreKey of the source code
  std::string target;  // ScoreKey of the target code
  std::string root;    // "01".."20"
  friend auto operator<=>(const EvalTriple&, const EvalTriple&) = default;
  std::string ToString() const;  // "TUR->CHN 05"
};

// One line of the evaluation file.
struct EvalItem {
  std::string id;
  std::string date;
  std::string text;
  std::vector<EvalTriple> expected;  // keys already applied
};

// One scoring error, for listings.
struct EvalError {
  std::string id;
  std::string text;
  bool missed = false;  // expected but not coded (else: coded, not expected)
  EvalTriple triple;
  std::string coded;  // every triple coded for the sentence, for context
};

struct EventEvalScores {
  int sentences = 0;
  int expected = 0;   // expected triples
  int predicted = 0;  // coded triples
  int correct = 0;    // in both
  std::vector<EvalError> errors;
  double Precision() const {
    return predicted == 0 ? 0.0 : static_cast<double>(correct) / predicted;
  }
  double Recall() const {
    return expected == 0 ? 0.0 : static_cast<double>(correct) / expected;
  }
};

// The scored part of an actor code (see the file comment).
std::string ScoreKey(std::string_view code);

// An expected event of an evaluation file ({"source", "target", "root"}),
// its actors as ScoreKeys. Throws nlohmann's error when "root" is missing
// (ForEachEvalLine turns it into a Status).
EvalTriple ExpectedTriple(const nlohmann::json& event);

// Calls `read` with each non-blank line of a JSONL evaluation file, parsed,
// and its line number; a JSON error (also one `read` throws) stops with a
// Status naming the file and line.
Status ForEachEvalLine(
    const std::string& path,
    const std::function<void(const nlohmann::json&, int64_t)>& read);

// Reads the evaluation file. Errors name the file and line.
Result<std::vector<EvalItem>> ReadEvalFile(const std::string& path);

// Codes every item as a one-sentence document with `pipeline` (an Engine's
// pipeline()) and scores the result. A document the pipeline rejects counts
// as coding nothing.
EventEvalScores EvaluateEvents(const Pipeline& pipeline,
                               const std::vector<EvalItem>& items);

}  // namespace curlew::events

#endif  // CURLEW_EVAL_EVENT_EVAL_H_
