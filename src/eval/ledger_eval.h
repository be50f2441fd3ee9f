// Ledger evaluation: scores a built Ledger against the agreement corpus gold
// (tests/data/agreements/expected.json, format in the README beside it).
//
// Each gold agreement is matched to the ledger agreement that shares most of
// its step sentences (document and sentence) or carries its title or an
// alias; then every status-on-a-date check of the gold is evaluated with
// StatusAsOf() (state word, in force, and the subset lists), every gold
// commitment is looked for by its source sentence and compared (actor,
// negation, condition, links), and every ledger agreement no gold agreement
// or bare mention claims is counted as spurious. Codes compare by scoring
// key (events::ScoreKey: IGOEUREEC and IGOEURLEG agree, TURGOV and TUR).
//
// Thread safety: plain functions and values.
#ifndef CURLEW_EVAL_LEDGER_EVAL_H_
#define CURLEW_EVAL_LEDGER_EVAL_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "curlew/ledger.h"
#include "curlew/status.h"

namespace curlew::eval {

// The gold as read from expected.json (kept as JSON: the scorer reads the
// fields it checks, so a richer gold needs no change here).
struct LedgerGold {
  nlohmann::json json;
};

// Reads expected.json; kParseError or kNotFound naming the path.
Result<LedgerGold> ReadLedgerGold(const std::string& path);

// The gold's word for a status ("in_force", "pending", ...; "" = null).
std::string StatusWord(AgreementState state);

struct LedgerScores {
  int agreements = 0;          // gold agreements
  int agreements_matched = 0;  // with a ledger agreement
  int titles_right = 0;        // ledger name is the title or an alias
  int parties_right = 0;       // exact party set (by key)
  int status_checks = 0;
  int status_held = 0;
  int commitments = 0;        // gold commitments
  int commitments_found = 0;  // a ledger commitment from the same sentence
  int commitments_held = 0;   // found, actor, negation, condition and links
  int ledger_agreements = 0;
  int ledger_commitments = 0;
  int spurious_agreements = 0;        // claimed by no gold agreement
  int steps_in_no_agreement = 0;      // steps sourced from no_agreement reports
  std::vector<std::string> failures;  // one line each, for listings
  double StatusShare() const;
  double CommitmentShare() const;
  nlohmann::ordered_json ToJson() const;  // figures, without failures
};

LedgerScores ScoreLedger(const Ledger& ledger, const LedgerGold& gold);

}  // namespace curlew::eval

#endif  // CURLEW_EVAL_LEDGER_EVAL_H_
