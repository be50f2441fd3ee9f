// Helpers shared by the gold-data scorers in src/eval/: coding one sentence
// with an Engine, the distinct events of a sentence, shares of counts and
// event listings.
//
// Thread safety: plain functions; CodeSentence() only reads the Engine
// (itself thread-safe).
#ifndef CURLEW_EVAL_SCORING_UTIL_H_
#define CURLEW_EVAL_SCORING_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

#include "curlew/engine.h"
#include "curlew/event.h"
#include "curlew/status.h"

namespace curlew::eval {

// Codes `text` as a document of its own (id and date as given) and returns
// its events. A document the engine rejects codes nothing; its status is
// written to *status when given.
std::vector<Event> CodeSentence(const Engine& engine, const std::string& id,
                                const std::string& date,
                                const std::string& text,
                                Status* status = nullptr);

// The distinct events of one sentence: one per (source, target, CAMEO code),
// in their first order. The coder may write the same triple twice (two
// verbs, two readings); a dataset built from it would hold it once.
std::vector<Event> DistinctEvents(const std::vector<Event>& events);

// The path of `relative` in the shared reference data: $CURLEW_SHARED if
// set, else the folder ../shared beside the source tree.
std::string SharedDataPath(std::string_view relative);

// The whole content of the file at `path`; kNotFound naming `what` and the
// path when it cannot be opened.
Result<std::string> ReadWholeFile(const std::string& path,
                                  std::string_view what);

// part / whole, 0 when whole is 0.
double Share(int part, int whole);

// x rounded to four decimals, for JSON summaries.
double Round4(double x);

// "TURGOV->GRC 042" for listings ("-" for an empty code).
std::string EventTriple(const Event& e);

// Every event of a sentence as "a, b, c" ("none" if empty).
std::string EventList(const std::vector<Event>& events);

}  // namespace curlew::eval

#endif  // CURLEW_EVAL_SCORING_UTIL_H_
