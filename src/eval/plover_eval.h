// PLOVER gold-record scorer: reads the Open Event Data Alliance's PLOVER
// gold-standard records (PLOVER_GSR_CAMEO.txt, a JSON array of records coded
// to PLOVER 0.5b1 from the CAMEO manual's examples), codes each record's
// sentence with an Engine and scores curlew's events against the record's
// source, target and event category. docs/evaluation.md states every rule;
// in short:
//
// - Actors are compared at two levels. Country level: the first three
//   letters of both codes agree after the gold's few non-ISO codes are mapped
//   (JAP->JPN, ITL->ITA, VTN->VNM); "IGO", "NGO", "IMG", "ISM" gold codes
//   match any curlew code with that prefix. Actor level: the country level
//   plus the first agent code (the gold's sector "GOV", "REBMOS" -> "REB";
//   curlew's "TURGOV" -> "GOV"; no sector = no agent, "***" = any agent).
//   "USAGOV" against gold "USA" is a country match, not an actor match.
// - A record whose markup marks its actors "SRC/TAR" is reciprocal: an event
//   between any two distinct actors of the record, either way, is right.
//   Otherwise a source side (target side) without actors is right only for
//   an event without a source (target).
// - curlew's event category is the PLOVER 0.5b1 type of its CAMEO code
//   (PloverCategory05); curlew's own `plover` field (PLOVER 2021 names) is
//   not used.
//
// Thread safety: plain values and functions; EvaluatePlover() only reads the
// Engine.
#ifndef CURLEW_EVAL_PLOVER_EVAL_H_
#define CURLEW_EVAL_PLOVER_EVAL_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "curlew/engine.h"
#include "curlew/event.h"
#include "curlew/status.h"
#include "eval/cameo_manual_eval.h"

namespace curlew::eval {

// One actor of a gold record.
struct GoldActor {
  std::string text;    // "Serbian President Vojislav Kostunica"
  std::string code;    // "SRB", "IGO"
  std::string sector;  // "GOV", "REBMOS", "***", "" if none
};

struct PloverRecord {
  std::string id;        // "PLOVER-GSR01-AGREE-0001"
  std::string date;      // "2000-01-01" in the whole file
  std::string text;      // the sentence
  std::string category;  // PLOVER 0.5b1 event type ("DEMAND")
  std::vector<GoldActor> sources;
  std::vector<GoldActor> targets;
  bool reciprocal = false;  // markup "(SRC/TAR: ...)"
  // CAMEO code of the manual example the record was edited from, when
  // JoinCameoCodes found it; "" otherwise.
  std::string cameo;
};

struct PloverGold {
  std::vector<PloverRecord> records;
  std::vector<std::string> skipped;  // "id: reason" for records not scored
};

// Reads the gold file (a JSON array); `name` is used in errors. Malformed
// JSON is an error at its byte offset; a record without text or event is
// skipped with its reason; a source or target that is not a list of actors
// (the file has a few "" and one stray string) reads as no actors.
Result<PloverGold> ParsePloverGold(std::string_view json_text,
                                   const std::string& name);
Result<PloverGold> ReadPloverGold(const std::string& path);

// Sets PloverRecord::cameo from the manual examples: the example whose word
// set is most like the record's (Jaccard similarity of lower-cased words, at
// least 0.5; the gold edited names and places). Returns how many records got
// a code.
int JoinCameoCodes(std::vector<PloverRecord>& records,
                   const std::vector<ManualExample>& examples);

// The PLOVER 0.5b1 type of a CAMEO code: by root (03 AGREE, 04 CONSULT,
// 05 SUPPORT, 06 COOPERATE, 07 AID, 080-083 CONCEDE, 084-087 RETREAT,
// 09 INVESTIGATE, 10 DEMAND, 11 DISAPPROVE, 12 REJECT, 13 THREATEN,
// 14 PROTEST, 15 MOBILIZE, 16 SANCTION, 17 COERCE, 18 ASSAULT, 19-20 FIGHT);
// "" for 01, 02 (PLOVER drops them) and anything else.
std::string_view PloverCategory05(std::string_view cameo);

// Actor comparison (see the file comment).
bool CountryMatch(const GoldActor& gold, std::string_view code);
bool ActorMatch(const GoldActor& gold, std::string_view code);
// True for a code that names no country or organisation: "---GOV", or a
// bare CAMEO role code ("GOV", "MILREB").
bool LacksCountry(std::string_view code);

enum class Level { kCountry = 0, kActor = 1 };

// Why a record is not a full match (country level), in the order checked.
enum class PloverFailure {
  kNone,
  kNoEvent,        // curlew codes nothing
  kWrongSource,    // no event has a right source
  kWrongTarget,    // some event has a right source, none a right pair
  kWrongCategory,  // some event has a right pair, none with the category
};
const char* PloverFailureName(PloverFailure f);

// What one record scored (each "any event of the sentence").
struct RecordScore {
  bool event = false;
  bool source[2] = {false, false};  // indexed by Level
  bool target[2] = {false, false};
  bool pair[2] = {false, false};
  bool full[2] = {false, false};
  bool category = false;
  bool cameo_root = false;       // only meaningful when the record has a cameo
  bool no_country = false;       // some event has an actor LacksCountry()
  bool statements_only = false;  // events, all of them CAMEO 01/02
  int coded = 0;                 // distinct events
  int correct[2] = {0, 0};       // of them, full matches
  PloverFailure failure = PloverFailure::kNone;
};

// Scores the (distinct) events coded for one record.
RecordScore ScoreRecord(const PloverRecord& record,
                        const std::vector<Event>& events);

// Counts over a set of records.
struct PloverTally {
  int records = 0;
  int with_event = 0;
  int source[2] = {0, 0};
  int target[2] = {0, 0};
  int pair[2] = {0, 0};
  int full[2] = {0, 0};
  int category = 0;
  int no_country = 0;
  int statements_only = 0;
  int joined = 0;  // records with a CAMEO code from the manual
  int cameo_root = 0;
  int coded = 0;  // distinct events
  int correct[2] = {0, 0};
  std::map<PloverFailure, int> failures;
  void Add(const PloverRecord& record, const RecordScore& s);
};

struct PloverResult {
  const PloverRecord* record = nullptr;
  std::vector<Event> events;  // distinct events of the sentence
  RecordScore score;
};

struct PloverScores {
  PloverTally all;
  std::map<std::string, PloverTally> by_category;
  std::vector<PloverResult> results;  // one per record, in order
};

// Scores coded events: coded[i] are the events of records[i]. The records
// must outlive the scores.
PloverScores ScorePlover(const std::vector<PloverRecord>& records,
                         const std::vector<std::vector<Event>>& coded);

// Codes every record's text (with the record's id and date) and scores it.
PloverScores EvaluatePlover(const Engine& engine,
                            const std::vector<PloverRecord>& records);

// "SRC SRB/GOV + ... -> TAR ... CATEGORY" for listings.
std::string DescribeGold(const PloverRecord& record);

}  // namespace curlew::eval

#endif  // CURLEW_EVAL_PLOVER_EVAL_H_
