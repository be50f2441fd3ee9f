#include "eval/ledger_eval.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "eval/event_eval.h"
#include "eval/scoring_util.h"
#include "text/chars.h"

namespace curlew::eval {
namespace {

using Json = nlohmann::json;

std::set<std::string> Keys(const std::vector<std::string>& codes) {
  std::set<std::string> out;
  for (const auto& c : codes) out.insert(events::ScoreKey(c));
  return out;
}

std::set<std::string> Keys(const Json& codes) {
  std::set<std::string> out;
  for (const auto& c : codes)
    out.insert(events::ScoreKey(c.get<std::string>()));
  return out;
}

std::string Join(const std::set<std::string>& v) {
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : ",") + x;
  return out;
}

bool IsSubset(const std::set<std::string>& a, const std::set<std::string>& b) {
  return std::includes(b.begin(), b.end(), a.begin(), a.end());
}

// Lower case, letters and digits only, single spaces: "the Paris climate
// accord." and "Paris climate accord" compare after dropping "the".
std::string Norm(std::string_view s) {
  std::string out;
  for (char c : text::AsciiLower(s)) {
    bool word = std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80);
    if (word)
      out += c;
    else if (!out.empty() && out.back() != ' ')
      out += ' ';
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.rfind("the ", 0) == 0) out.erase(0, 4);
  return out;
}

bool NameMatches(const std::string& name, const Json& agreement) {
  if (name.empty()) return false;
  std::string n = Norm(name);
  if (n == Norm(agreement.value("title", ""))) return true;
  for (const auto& a : agreement.value("aliases", Json::array()))
    if (n == Norm(a.get<std::string>())) return true;
  return false;
}

using SentenceKey = std::pair<std::string, uint32_t>;

std::set<SentenceKey> SourcesOf(const Agreement& a) {
  std::set<SentenceKey> out;
  for (const auto& s : a.steps)
    out.insert({s.source.doc_id, s.source.sentence});
  return out;
}

// The ledger agreement that best stands for `gold`: most shared step
// sentences, a matching name counting as many; null when none shares any.
const Agreement* Match(const Ledger& ledger, const Json& gold) {
  std::set<SentenceKey> want;
  for (const auto& s : gold["steps"])
    want.insert({s["source"]["id"].get<std::string>(),
                 s["source"]["sentence"].get<uint32_t>()});
  const Agreement* best = nullptr;
  int best_score = 0;
  for (const Agreement& a : ledger.agreements()) {
    int score = NameMatches(a.name, gold) ? 100 : 0;
    for (const auto& k : SourcesOf(a)) score += want.count(k) ? 1 : 0;
    if (score > best_score) best = &a, best_score = score;
  }
  return best;
}

// Checks one gold status entry; "" if it holds, else what differs.
std::string CheckStatus(const Agreement* a, const Json& check) {
  std::string want =
      check["status"].is_null() ? "" : check["status"].get<std::string>();
  if (a == nullptr) return want.empty() ? "" : "no ledger agreement";
  std::string as_of = check["as_of"].get<std::string>();
  AgreementStatus st = StatusAsOf(*a, as_of);
  std::string got = StatusWord(st.state);
  std::string why;
  if (got != want)
    why += fmt::format("status {} not {}; ", got.empty() ? "null" : got,
                       want.empty() ? "null" : want);
  if (check.contains("in_force") &&
      check["in_force"].get<bool>() != st.in_force)
    why += fmt::format("in_force {}; ", st.in_force);
  std::set<std::string> parties = Keys(a->parties);
  std::set<std::string> ratified = Keys(st.ratified_by);
  std::set<std::string> withdrawn = Keys(st.withdrawn_by);
  std::set<std::string> suspended = Keys(st.suspended_by);
  std::set<std::string> in_force_for = Keys(st.in_force_for);
  auto complement = [&](const std::set<std::string>& s) {
    std::set<std::string> out;
    for (const auto& p : parties)
      if (!s.count(p)) out.insert(p);
    return out;
  };
  const std::pair<const char*, std::set<std::string>> lists[] = {
      {"ratified_by", ratified},
      {"not_ratified_by", complement(ratified)},
      {"withdrawn_by", withdrawn},
      {"not_withdrawn_by", complement(withdrawn)},
      {"suspended_by", suspended},
      {"not_suspended_by", complement(suspended)},
      {"in_force_for", in_force_for},
      {"not_in_force_for", complement(in_force_for)},
  };
  for (const auto& [name, have] : lists) {
    if (!check.contains(name)) continue;
    std::set<std::string> need = Keys(check[name]);
    if (!IsSubset(need, have))
      why += fmt::format("{} [{}] not within [{}]; ", name, Join(need),
                         Join(have));
  }
  if (check.contains("parties") && Keys(check["parties"]) != Keys(st.parties))
    why += fmt::format("parties [{}]; ", Join(Keys(st.parties)));
  if (check.contains("not_parties"))
    for (const auto& p : Keys(check["not_parties"]))
      if (parties.count(p)) why += fmt::format("{} is a party; ", p);
  return why;
}

std::string LinkName(CommitmentLink::Kind k) {
  switch (k) {
    case CommitmentLink::Kind::kFulfils:
      return "fulfilled";
    case CommitmentLink::Kind::kContradicts:
      return "breached";
    case CommitmentLink::Kind::kReverses:
      return "reversed";
  }
  return "?";
}

// "" if the ledger commitment matches the gold one, else what differs.
std::string CheckCommitment(const Commitment& c, const Json& gold) {
  std::string why;
  if (events::ScoreKey(c.what.actor) !=
      events::ScoreKey(gold["actor"].get<std::string>()))
    why += fmt::format("actor {}; ", c.what.actor);
  if (c.what.negated != gold["negated"].get<bool>())
    why += fmt::format("negated {}; ", c.what.negated);
  std::string want_cond =
      gold["condition"].is_null() ? "" : gold["condition"].get<std::string>();
  std::string got = Norm(c.what.condition), want = Norm(want_cond);
  bool cond_ok = got == want || (!got.empty() && !want.empty() &&
                                 (got.find(want) != std::string::npos ||
                                  want.find(got) != std::string::npos));
  if (!cond_ok) why += fmt::format("condition '{}'; ", c.what.condition);
  std::set<std::tuple<std::string, uint32_t, std::string>> want_links, have;
  for (const auto& l : gold["links"])
    want_links.insert({l["id"].get<std::string>(),
                       l["sentence"].get<uint32_t>(),
                       l["relation"].get<std::string>()});
  for (const auto& l : c.links)
    have.insert({l.doc_id, l.source.sentence, LinkName(l.kind)});
  if (have != want_links) {
    why += "links [";
    for (const auto& [id, s, r] : have)
      why += fmt::format("{}#{} {} ", id, s, r);
    why += "]; ";
  }
  return why;
}

}  // namespace

Result<LedgerGold> ReadLedgerGold(const std::string& path) {
  auto text = ReadWholeFile(path, "ledger gold");
  if (!text.ok()) return text.status();
  LedgerGold gold;
  try {
    gold.json = Json::parse(*text);
    for (const char* k : {"agreements", "commitments", "no_agreement"})
      if (!gold.json.contains(k))
        return Status::Error(ErrorCode::kParseError,
                             std::string("missing '") + k + "'", path);
  } catch (const Json::exception& e) {
    return Status::Error(ErrorCode::kParseError, e.what(), path);
  }
  return gold;
}

std::string StatusWord(AgreementState state) {
  switch (state) {
    case AgreementState::kUnknown:
      return "";
    case AgreementState::kNegotiating:
      return "negotiated";
    case AgreementState::kSigned:
      return "signed";
    case AgreementState::kPartiallyRatified:
      return "pending";
    case AgreementState::kInForce:
      return "in_force";
    case AgreementState::kSuspended:
      return "suspended";
    case AgreementState::kEnded:
      return "ended";
    case AgreementState::kProposed:
      return "proposed";
  }
  return "?";
}

double LedgerScores::StatusShare() const {
  return Share(status_held, status_checks);
}
double LedgerScores::CommitmentShare() const {
  return Share(commitments_held, commitments);
}

nlohmann::ordered_json LedgerScores::ToJson() const {
  nlohmann::ordered_json j;
  j["agreements"] = agreements;
  j["agreements_matched"] = agreements_matched;
  j["titles_right"] = titles_right;
  j["parties_right"] = parties_right;
  j["status_checks"] = status_checks;
  j["status_held"] = status_held;
  j["status_share"] = Round4(StatusShare());
  j["commitments"] = commitments;
  j["commitments_found"] = commitments_found;
  j["commitments_held"] = commitments_held;
  j["commitment_share"] = Round4(CommitmentShare());
  j["ledger_agreements"] = ledger_agreements;
  j["ledger_commitments"] = ledger_commitments;
  j["spurious_agreements"] = spurious_agreements;
  j["steps_from_no_agreement_reports"] = steps_in_no_agreement;
  return j;
}

LedgerScores ScoreLedger(const Ledger& ledger, const LedgerGold& gold) {
  LedgerScores s;
  const Json& g = gold.json;
  std::set<const Agreement*> claimed;
  for (const Json& ga : g["agreements"]) {
    ++s.agreements;
    const std::string key = ga["key"].get<std::string>();
    const Agreement* a = Match(ledger, ga);
    if (a != nullptr) {
      ++s.agreements_matched;
      claimed.insert(a);
      if (NameMatches(a->name, ga))
        ++s.titles_right;
      else
        s.failures.push_back(
            fmt::format("title {}: '{}' (ledger #{})", key, a->name, a->id));
      if (Keys(a->parties) == Keys(ga["parties"]))
        ++s.parties_right;
      else
        s.failures.push_back(fmt::format("parties {}: [{}] not [{}]", key,
                                         Join(Keys(a->parties)),
                                         Join(Keys(ga["parties"]))));
    } else {
      s.failures.push_back("agreement " + key + ": not found");
    }
    for (const Json& check : ga["status"]) {
      ++s.status_checks;
      std::string why = CheckStatus(a, check);
      if (why.empty())
        ++s.status_held;
      else
        s.failures.push_back(fmt::format("status {} as of {}: {}", key,
                                         check["as_of"].get<std::string>(),
                                         why));
    }
  }
  for (const Json& b : g.value("bare_mentions", Json::array()))
    for (const Agreement& a : ledger.agreements())
      if (NameMatches(a.name, b)) claimed.insert(&a);
  s.ledger_agreements = static_cast<int>(ledger.agreements().size());
  for (const Agreement& a : ledger.agreements()) {
    if (claimed.count(&a)) continue;
    ++s.spurious_agreements;
    std::string from;
    for (const auto& m : a.mentions)
      from += fmt::format("{}#{} ", m.doc_id, m.sentence);
    s.failures.push_back(
        fmt::format("spurious agreement #{} '{}' {} [{}] from {}", a.id, a.name,
                    a.kind, Join(Keys(a.parties)), from));
  }
  std::set<std::string> no_agreement;
  for (const auto& id : g["no_agreement"]) no_agreement.insert(id);
  for (const Agreement& a : ledger.agreements())
    for (const auto& st : a.steps)
      if (no_agreement.count(st.source.doc_id)) {
        ++s.steps_in_no_agreement;
        s.failures.push_back(fmt::format(
            "step {} from no-agreement report {}#{}", StepKindName(st.step),
            st.source.doc_id, st.source.sentence));
      }

  s.ledger_commitments = static_cast<int>(ledger.commitments().size());
  for (const Json& gc : g["commitments"]) {
    ++s.commitments;
    const std::string key = gc["key"].get<std::string>();
    SentenceKey src{gc["source"]["id"].get<std::string>(),
                    gc["source"]["sentence"].get<uint32_t>()};
    std::string best_why = "not found";
    for (const Commitment& c : ledger.commitments()) {
      if (SentenceKey{c.what.source.doc_id, c.what.source.sentence} != src)
        continue;
      std::string why = CheckCommitment(c, gc);
      if (best_why == "not found") ++s.commitments_found;
      if (best_why == "not found" || why.size() < best_why.size())
        best_why = why;
      if (why.empty()) break;
    }
    if (best_why.empty())
      ++s.commitments_held;
    else
      s.failures.push_back(fmt::format("commitment {} ({}#{}): {}", key,
                                       src.first, src.second, best_why));
  }
  return s;
}

}  // namespace curlew::eval
