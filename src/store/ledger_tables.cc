#include "store/ledger_tables.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <string>
#include <string_view>

#include "store/event_rows.h"

namespace curlew::store {
namespace {

constexpr StepKind kStepKinds[] = {
    StepKind::kNegotiated, StepKind::kSigned,     StepKind::kSubmitted,
    StepKind::kApproved,   StepKind::kRatified,   StepKind::kEnteredIntoForce,
    StepKind::kSuspended,  StepKind::kWithdrawn,  StepKind::kViolated,
    StepKind::kProposed,   StepKind::kInitialled, StepKind::kEndorsed,
    StepKind::kAcceded,    StepKind::kDeposited,  StepKind::kExtended,
    StepKind::kResumed,    StepKind::kTerminated, StepKind::kExpired,
    StepKind::kCollapsed};

// The inverse of StepKindName; nullopt-like false for a name this build
// does not know (a store written by a newer curlew).
bool StepKindFromName(std::string_view name, StepKind* kind) {
  for (StepKind k : kStepKinds) {
    if (name == StepKindName(k)) {
      *kind = k;
      return true;
    }
  }
  return false;
}

// Ids are stored as text; ordered and returned as numbers.
int64_t IdOf(std::string_view text) {
  int64_t id = 0;
  std::from_chars(text.data(), text.data() + text.size(), id);
  return id;
}

std::vector<std::string> SplitParties(std::string_view joined) {
  std::vector<std::string> out;
  while (!joined.empty()) {
    size_t semi = joined.find(';');
    std::string_view part = joined.substr(0, semi);
    if (!part.empty()) out.emplace_back(part);
    if (semi == std::string_view::npos) break;
    joined.remove_prefix(semi + 1);
  }
  return out;
}

SourceRef RefOf(const SqlRow& row, int c) {
  SourceRef ref;
  ref.doc_id = row.Text(c);
  ref.sentence = static_cast<uint32_t>(row.Int(c + 1));
  ref.text = row.Text(c + 2);
  return ref;
}

constexpr const char* kSentenceOf =
    " LEFT JOIN sentences s ON s.doc_id = {t}.doc_id AND s.idx = {t}.sentence";

std::string SentenceJoin(const char* table) {
  std::string sql = kSentenceOf;
  for (size_t p = sql.find("{t}"); p != std::string::npos; p = sql.find("{t}"))
    sql.replace(p, 3, table);
  return sql;
}

}  // namespace

Result<std::vector<Agreement>> ReadAgreementTables(SqlConnection& db) {
  std::map<int64_t, Agreement> by_id;
  Status s = db.Exec(
      "SELECT agreement_id, name, kind, parties, multilateral FROM agreements",
      {}, [&](const SqlRow& row) {
        Agreement& a = by_id[IdOf(row.Text(0))];
        a.id = IdOf(row.Text(0));
        a.name = row.Text(1);
        a.kind = row.Text(2);
        a.parties = SplitParties(row.Text(3));
        a.multilateral = row.Int(4) != 0;
        return true;
      });
  if (!s.ok()) return s;
  Status bad;
  s = db.Exec(
      "SELECT st.agreement_id, st.step, st.actor, st.actor_text, st.date, "
      "st.negated, st.doc_id, st.sentence, s.text FROM agreement_steps st" +
          SentenceJoin("st") + " ORDER BY st.agreement_id, st.idx",
      {}, [&](const SqlRow& row) {
        auto it = by_id.find(IdOf(row.Text(0)));
        if (it == by_id.end()) return true;  // a step of no agreement
        AgreementStep step;
        if (!StepKindFromName(row.Text(1), &step.step)) {
          bad = Status::Error(ErrorCode::kUnsupported,
                              "agreement step '" + std::string(row.Text(1)) +
                                  "' is not known to this curlew",
                              "agreement " + std::string(row.Text(0)));
          return false;
        }
        step.actor = row.Text(2);
        step.actor_text = row.Text(3);
        step.date = row.Text(4);
        step.negated = row.Int(5) != 0;
        step.source = RefOf(row, 6);
        it->second.steps.push_back(std::move(step));
        return true;
      });
  if (!s.ok()) return s;
  if (!bad.ok()) return bad;
  std::vector<Agreement> out;
  out.reserve(by_id.size());
  for (auto& [id, a] : by_id) out.push_back(std::move(a));
  return out;
}

Result<std::vector<Commitment>> ReadCommitmentTables(SqlConnection& db) {
  std::map<int64_t, Commitment> by_id;
  Status s = db.Exec(
      "SELECT c.commitment_id, c.actor, c.actor_text, c.target, c.what, "
      "c.cameo, c.negated, c.condition, c.form, c.date, c.doc_id, "
      "c.sentence, s.text FROM commitments c" +
          SentenceJoin("c"),
      {}, [&](const SqlRow& row) {
        Commitment& c = by_id[IdOf(row.Text(0))];
        c.id = IdOf(row.Text(0));
        CommitmentMention& w = c.what;
        w.actor = row.Text(1);
        w.actor_text = row.Text(2);
        w.target = row.Text(3);
        w.action = row.Text(4);
        // WriteLedger keeps the action's verb lemma in the cameo column.
        w.action_lemma = row.Text(5);
        w.negated = row.Int(6) != 0;
        w.condition = row.Text(7);
        w.form = row.Text(8);
        w.date = row.Text(9);
        w.source = RefOf(row, 10);
        return true;
      });
  if (!s.ok()) return s;
  Status bad;
  s = db.Exec(
      "SELECT l.commitment_id, l.relation, l.doc_id, l.event_idx, s.text, " +
          std::string(kEventColumns) +
          " FROM commitment_links l LEFT JOIN events e ON e.doc_id = "
          "l.doc_id AND e.idx = l.event_idx" +
          SentenceJoin("e") +
          " ORDER BY l.commitment_id, e.event_date, l.doc_id, l.event_idx",
      {}, [&](const SqlRow& row) {
        auto it = by_id.find(IdOf(row.Text(0)));
        if (it == by_id.end()) return true;
        CommitmentLink link;
        std::string_view relation = row.Text(1);
        bool known = false;
        for (auto k : {CommitmentLink::Kind::kFulfils,
                       CommitmentLink::Kind::kContradicts,
                       CommitmentLink::Kind::kReverses})
          if (relation == CommitmentLinkName(k)) link.kind = k, known = true;
        if (!known) {
          bad = Status::Error(ErrorCode::kUnsupported,
                              "commitment link '" + std::string(relation) +
                                  "' is not known to this curlew",
                              "commitment " + std::string(row.Text(0)));
          return false;
        }
        link.doc_id = row.Text(2);
        link.event_index = static_cast<uint32_t>(row.Int(3));
        ReadEventColumns(row, 5, &link.event);
        link.source.doc_id = link.doc_id;
        link.source.sentence = link.event.sentence;
        link.source.text = row.Text(4);
        it->second.links.push_back(std::move(link));
        return true;
      });
  if (!s.ok()) return s;
  if (!bad.ok()) return bad;
  std::vector<Commitment> out;
  out.reserve(by_id.size());
  for (auto& [id, c] : by_id) out.push_back(std::move(c));
  return out;
}

}  // namespace curlew::store
