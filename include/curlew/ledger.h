// The ledger: where each agreement stands, and who promised what.
//
// The ledger collects, across documents, what the text says about
// agreements (treaties, accords, deals, pacts, conventions, memoranda,
// ceasefires) and commitments (pledges, promises, assurances, guarantees):
//
//   - An Agreement has a kind ("extradition"), a name when the text gives
//     one, its parties (actor codes) and a list of lifecycle steps, each with
//     the actor that took it, its date, whether the text negates it ("has not
//     yet ratified") and the sentence it came from. StatusAsOf() derives the
//     state on any date: a bilateral or multilateral agreement is in force
//     only when every party has ratified it, unless a sentence says it entered
//     into force.
//   - A Commitment records who pledged what to or about whom, in what form,
//     under what condition, when; later events by the same actor that do (or
//     do not do) the promised thing are linked as fulfilling or contradicting.
//
// Ledger::Build() is a pure function of the set of documents added: adding
// documents in any order gives the same ledger, and adding a document again
// (same id) replaces its earlier contribution, so re-ingesting changes
// nothing.
//
// Thread safety: a Ledger is a plain value; use one from one thread at a time.
#ifndef CURLEW_LEDGER_H_
#define CURLEW_LEDGER_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "curlew/event.h"

namespace curlew {

// The sentence a ledger record came from.
struct SourceRef {
  std::string doc_id;
  uint32_t sentence = 0;  // index in the document
  std::string text;       // the sentence
  friend bool operator==(const SourceRef&, const SourceRef&) = default;
};

enum class StepKind {
  kNegotiated,        // talks on the agreement ("negotiate", "discuss")
  kSigned,            // "sign", "ink", "conclude"
  kSubmitted,         // sent to a legislature for ratification
  kApproved,          // approved by a legislature ("approve", "pass")
  kRatified,          // "ratify"
  kEnteredIntoForce,  // "enter into force", "take effect"
  kSuspended,         // "suspend", "freeze"
  kWithdrawn,         // "withdraw from", "pull out of", "scrap", "terminate"
  kViolated,          // accused of violating it ("violate", "breach")
  // Appended (stored inputs keep their numbers):
  kProposed,    // a party puts forward a draft
  kInitialled,  // the negotiators initial the text
  kEndorsed,    // a body that is not a party endorses it (UN Security Council)
  kAcceded,     // a state joins (or rejoins) an agreement others signed
  kDeposited,   // instruments of ratification deposited or exchanged
  kExtended,    // extended or renewed
  kResumed,     // a party resumes what it had suspended
  kTerminated,  // ended by the parties' acts
  kExpired,     // lapsed at the end of its term
  kCollapsed,   // declared dead, broken down in fact
};
inline constexpr StepKind kLastStepKind = StepKind::kCollapsed;
const char* StepKindName(StepKind kind);  // "signed", "ratified", ...

// What one sentence says about one agreement. Produced by the extractor
// (src/ledger/extract.h), consumed by Ledger.
struct AgreementMention {
  std::string kind;  // "extradition", "trade", ...; "" unknown
  std::string name;  // formal name when given, else ""
  // The words the text describes it with ("joint declaration", "draft
  // treaty"): the name of an agreement that has no title, never used to
  // tell agreements apart. "" when the noun stands alone ("the deal").
  std::string description;
  // "a separate draft agreement", "another deal": not the agreement the
  // document named before, whatever it has in common with it.
  bool distinct = false;
  // The sentence speaks of the agreement's members ("allows its members
  // to fly", "notified the other members"): more than two parties, though
  // the reports may name only two.
  bool multilateral = false;
  std::vector<std::string> parties;  // actor codes named as parties
  bool has_step = false;             // false: a bare mention
  StepKind step = StepKind::kSigned;
  std::string actor;       // code of who took the step; "" = the parties
  std::string actor_text;  // the words naming that actor
  std::string date;        // step date, "YYYY[-MM[-DD]]"; "" unknown
  bool negated = false;    // "has not yet ratified it"
  SourceRef source;
};

// What one sentence says someone promised.
struct CommitmentMention {
  std::string actor;  // who pledged (code)
  std::string actor_text;
  std::string target;  // to or about whom (code), "" if none
  std::string target_text;
  std::string by;            // who voiced it, when reported from speech
  std::string by_text;       // ("Turkish Foreign Minister Mevlut Cavusoglu")
  std::string action;        // the promised action, as text ("return Uighurs")
  std::string action_lemma;  // its verb lemma ("return")
  bool negated = false;      // a promise not to do it
  std::string form;          // "verbal", "written", "signed"
  std::string condition;     // a condition the text attaches, "" if none
  std::string date;
  SourceRef source;
};

// One lifecycle step of an agreement, as stored in the ledger.
struct AgreementStep {
  StepKind step = StepKind::kSigned;
  std::string actor;  // "" = all parties
  // The parties the step's sentence names ("Israel, the UAE and Bahrain
  // signed"): who took a step of "the parties" on that date.
  std::vector<std::string> parties;
  std::string actor_text;
  std::string date;
  bool negated = false;
  SourceRef source;
};

struct Agreement {
  int64_t id = 0;  // 1-based, stable for a given set of documents
  std::string kind;
  std::string name;
  std::vector<std::string> parties;  // sorted
  // More than two parties, whether or not the reports name them (a
  // withdrawal then does not end it).
  bool multilateral = false;
  std::vector<AgreementStep> steps;  // by date, then document and sentence
  std::vector<SourceRef> mentions;   // every sentence that mentions it
};

// The states and their transitions are described in docs/ledger.md.
enum class AgreementState {
  kUnknown,            // mentioned, no step known by that date
  kNegotiating,        // agreed or initialled; nobody signed or ratified
  kSigned,             // signed; no party has ratified; not in force
  kPartiallyRatified,  // "pending": someone ratified or acceded; not in force
  kInForce,
  kSuspended,  // in force; a party's suspension not yet resumed
  kEnded,      // terminated, expired, collapsed, or a party withdrew
               // from a bilateral agreement
  kProposed,   // only a draft put forward
};
const char* AgreementStateName(AgreementState state);  // "not in force", ...

// The group `agreements --status` and the server's `status` parameter
// select by: "in-force", "suspended", "ended", or "pending" (proposed,
// negotiated, signed or ratified by some, not yet in force); "" for an
// unknown state, which no group holds.
const char* AgreementStatusGroup(AgreementState state);

// Whether an agreement of this kind needs its parties' ratification before
// it is in force (false: ceasefires, normalisation accords, memoranda,
// declarations, political arrangements: in force from signature).
bool NeedsRatification(std::string_view kind);

struct AgreementStatus {
  AgreementState state = AgreementState::kUnknown;
  bool in_force = false;
  std::vector<std::string> signed_by;
  std::vector<std::string> ratified_by;
  std::vector<std::string> not_ratified_by;  // parties that have not ratified
  std::vector<std::string> withdrawn_by;     // withdrawal in effect
  std::vector<std::string> suspended_by;     // suspension not yet resumed
  std::vector<std::string> in_force_for;     // parties it has taken effect for
  std::vector<std::string> parties;  // who had signed, joined or agreed it
  std::string label;  // e.g. "signed; ratified by CHN; not in force"
};

// The state of `agreement` on `date` ("YYYY[-MM[-DD]]"; "" = latest): only
// steps dated on or before `date` count (undated steps count when their
// document is not later than `date`... they count always when date is "").
AgreementStatus StatusAsOf(const Agreement& agreement, std::string_view date);

// A later event linked to a commitment.
struct CommitmentLink {
  // kContradicts: the actor did what it undertook not to do (a breach);
  // kReverses: the actor approved what it had refused or vowed to block.
  enum class Kind { kFulfils, kContradicts, kReverses };
  Kind kind = Kind::kFulfils;
  Event event;
  uint32_t event_index = 0;  // position of the event in its document
  std::string doc_id;
  SourceRef source;
};
const char* CommitmentLinkName(CommitmentLink::Kind kind);

struct Commitment {
  int64_t id = 0;
  CommitmentMention what;
  std::vector<CommitmentLink> links;  // by date
};

// An act the ledger reads from a sentence itself, beside the coded events,
// to link to the pledges it bears on: a party doing something an
// agreement forbids ("Iran has begun enriching uranium above the purity
// allowed under its nuclear deal": done, a violation), or declaring itself
// no longer bound by its own pledge ("Russia no longer considers itself
// bound by its moratorium on deploying ...": renounced).
struct LedgerAct {
  enum class Kind { kDone, kRenounced };
  Kind kind = Kind::kDone;
  std::string actor;       // who acted (code)
  std::string lemma;       // the act's verb ("enrich", "deploy")
  std::string words;       // the act in lower case, its verb's lemma first
  bool violation = false;  // a violated step of the sentence's agreement
  std::string date;
  SourceRef source;
};

// Everything the ledger takes from one document.
struct LedgerInput {
  std::string doc_id;
  std::string doc_date;
  std::vector<AgreementMention> agreements;
  std::vector<CommitmentMention> commitments;
  std::vector<Event> events;           // the document's coded events
  std::vector<std::string> sentences;  // sentence texts, by index
  // For each event, the verb lemma of its action (parallel to `events`);
  // used to match events against promised actions.
  std::vector<std::string> event_lemmas;
  std::vector<LedgerAct> acts;  // acts the ledger read itself
};

class Ledger {
 public:
  // Adds (or, for a known doc_id, replaces) one document's contribution.
  void Add(LedgerInput input);

  // Recomputes agreements and commitments from every document added.
  void Build();

  const std::vector<Agreement>& agreements() const { return agreements_; }
  const std::vector<Commitment>& commitments() const { return commitments_; }

 private:
  std::map<std::string, LedgerInput> inputs_;  // by doc id: order-free
  std::vector<Agreement> agreements_;
  std::vector<Commitment> commitments_;
};

}  // namespace curlew

#endif  // CURLEW_LEDGER_H_
