#include "curlew/ledger.h"
#include "ledger/date_key.h"
#include "ledger/ledger_keys.h"
#include "text/chars.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <deque>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace curlew {

const char* StepKindName(StepKind kind) {
  switch (kind) {
    case StepKind::kNegotiated:
      return "negotiated";
    case StepKind::kSigned:
      return "signed";
    case StepKind::kSubmitted:
      return "submitted for ratification";
    case StepKind::kApproved:
      return "approved by the legislature";
    case StepKind::kRatified:
      return "ratified";
    case StepKind::kEnteredIntoForce:
      return "entered into force";
    case StepKind::kSuspended:
      return "suspended";
    case StepKind::kWithdrawn:
      return "withdrawn";
    case StepKind::kViolated:
      return "violated (accused)";
    case StepKind::kProposed:
      return "proposed";
    case StepKind::kInitialled:
      return "initialled";
    case StepKind::kEndorsed:
      return "endorsed";
    case StepKind::kAcceded:
      return "acceded";
    case StepKind::kDeposited:
      return "instrument deposited";
    case StepKind::kExtended:
      return "extended";
    case StepKind::kResumed:
      return "resumed";
    case StepKind::kTerminated:
      return "terminated";
    case StepKind::kExpired:
      return "expired";
    case StepKind::kCollapsed:
      return "collapsed";
  }
  return "?";
}

const char* AgreementStatusGroup(AgreementState state) {
  switch (state) {
    case AgreementState::kInForce:
      return "in-force";
    case AgreementState::kSuspended:
      return "suspended";
    case AgreementState::kEnded:
      return "ended";
    case AgreementState::kProposed:
    case AgreementState::kNegotiating:
    case AgreementState::kSigned:
    case AgreementState::kPartiallyRatified:
      return "pending";
    case AgreementState::kUnknown:
      break;
  }
  return "";
}

const char* AgreementStateName(AgreementState state) {
  switch (state) {
    case AgreementState::kUnknown:
      return "status unknown";
    case AgreementState::kProposed:
      return "proposed";
    case AgreementState::kNegotiating:
      return "negotiated, not signed";
    case AgreementState::kSigned:
      return "signed, not in force";
    case AgreementState::kPartiallyRatified:
      return "pending: ratified by some, not in force";
    case AgreementState::kInForce:
      return "in force";
    case AgreementState::kSuspended:
      return "suspended";
    case AgreementState::kEnded:
      return "ended";
  }
  return "?";
}

const char* CommitmentLinkName(CommitmentLink::Kind kind) {
  switch (kind) {
    case CommitmentLink::Kind::kFulfils:
      return "fulfils";
    case CommitmentLink::Kind::kContradicts:
      return "contradicts";
    case CommitmentLink::Kind::kReverses:
      return "reverses";
  }
  return "?";
}

namespace {

// True if a step dated `date` has happened by `as_of` ("" = always).
bool OnOrBefore(std::string_view date, std::string_view as_of) {
  if (as_of.empty() || date.empty()) return true;
  return DateKey(date) <= DateKey(as_of);
}

// The country (or organisation) part of an actor code: the party a
// government, legislature or minister acts for.
// An organisation keeps six letters ("IGOEUR": the EU, whichever of its
// bodies acted), a state three.
std::string PartyOf(std::string_view code) {
  bool org = code.starts_with("IGO") || code.starts_with("NGO") ||
             code.starts_with("IMG") || code.starts_with("MNC");
  return std::string(
      code.substr(0, std::min<size_t>(org ? 6 : 3, code.size())));
}

// The words of a name, lower case, without "the".
std::vector<std::string> NameWords(std::string_view name) {
  std::vector<std::string> out;
  std::string w;
  for (char c : std::string(name) + " ") {
    if (c == ' ') {
      if (!w.empty() && w != "the") out.push_back(w);
      w.clear();
    } else {
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

// Two names of one agreement: equal, or one an acronym of the other's
// leading words with the same last word ("INF Treaty", "Intermediate-Range
// Nuclear Forces Treaty"), or one word an acronym of the other ("JCPOA").
bool SameName(std::string_view a, std::string_view b) {
  std::vector<std::string> x = NameWords(a), y = NameWords(b);
  if (x.empty() || y.empty()) return false;
  if (x == y) return true;
  if (x.size() > y.size()) std::swap(x, y);
  // Initials with or without the joining words ("JCPOA", "INF").
  auto initials = [](const std::vector<std::string>& words, size_t n,
                     bool joining) {
    std::string out;
    for (size_t i = 0; i < n; ++i)
      if (joining || (words[i] != "of" && words[i] != "on" &&
                      words[i] != "and" && words[i] != "for"))
        out += words[i][0];
    return out;
  };
  auto acronym = [&](const std::string& w, size_t n) {
    return w == initials(y, n, false) || w == initials(y, n, true);
  };
  if (x.size() == 1 && x[0].size() >= 3 && acronym(x[0], y.size())) return true;
  // An acronym leading a descriptive name ("RCEP trade pact").
  for (int swap = 0; swap < 2; ++swap, std::swap(x, y))
    if (x.size() >= 2 && y.size() >= 3 && x[0].size() >= 3 &&
        acronym(x[0], y.size()))
      return true;
  if (x.size() > y.size()) std::swap(x, y);
  if (x.size() == 2 && x.back() == y.back() && x[0].size() >= 2 &&
      acronym(x[0], y.size() - 1))
    return true;
  // One name the other's leading words ("New START", "New START treaty").
  if (std::equal(x.begin(), x.end(), y.begin())) return true;
  // One proper name with different descriptive words ("Paris Agreement",
  // "Paris climate accord"; "Minsk II", "Minsk ceasefire"): the same
  // leading name, unless it is a generic word of titles.
  static const char* const kGeneric[] = {
      "new",           "joint",     "draft",     "interim",   "final",
      "comprehensive", "trade",     "peace",     "ceasefire", "treaty",
      "nuclear",       "strategic", "free",      "global",    "bilateral",
      "protocol",      "agreement", "framework", "accession"};
  for (const char* g : kGeneric)
    if (x[0] == g) return false;
  return x[0] == y[0] && x[0].size() >= 3;
}

// A name's keys by role: any two names SameName accepts have keys that
// are partners (PartnerKeys), so that SameName runs on a few candidates
// instead of every agreement. Keep in step with SameName: "F" the first
// word (equal names, one the other's leading words, the same leading
// name), partner of itself; "a" the first word as an acronym, partner of
// "i" the initials of the whole name; "x" a two-word name (an acronym and
// a last word), partner of "y" the initials of all but the last word with
// the last word. Each name gets the keys of both roles it could play.
std::vector<std::string> NameRoleKeys(std::string_view name) {
  std::vector<std::string> w = NameWords(name);
  std::vector<std::string> keys;
  if (w.empty()) return keys;
  auto initials = [&](size_t n, bool joining) {
    std::string out;
    for (size_t i = 0; i < n; ++i)
      if (joining ||
          (w[i] != "of" && w[i] != "on" && w[i] != "and" && w[i] != "for"))
        out += w[i][0];
    return out;
  };
  keys.push_back("F " + w[0]);
  keys.push_back("a " + w[0]);
  for (bool joining : {false, true}) {
    keys.push_back("i " + initials(w.size(), joining));
    if (w.size() >= 2)
      keys.push_back("y " + initials(w.size() - 1, joining) + ' ' + w.back());
  }
  if (w.size() == 2) keys.push_back("x " + w[0] + ' ' + w[1]);
  return keys;
}

// The keys under which Build indexes an agreement's name, one per role
// pair ("A" for a and i, "B" for x and y): partners become one key.
std::vector<std::string> NameKeys(std::string_view name) {
  std::vector<std::string> keys = NameRoleKeys(name);
  for (std::string& k : keys)
    if (k[0] == 'a' || k[0] == 'i')
      k[0] = 'A';
    else if (k[0] == 'x' || k[0] == 'y')
      k[0] = 'B';
  return keys;
}

bool KindsCompatible(const std::string& a, const std::string& b) {
  return a.empty() || b.empty() || a == b;
}

bool Contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// True if `a` is a non-empty subset of `b`.
bool Subset(const std::vector<std::string>& a,
            const std::vector<std::string>& b) {
  if (a.empty()) return false;
  for (const auto& x : a)
    if (!Contains(b, x)) return false;
  return true;
}

void AddParty(std::vector<std::string>& parties, const std::string& p) {
  if (!p.empty() && !Contains(parties, p)) parties.push_back(p);
  std::sort(parties.begin(), parties.end());
}

// An agreement and a mention of the same kind whose parties one includes
// the other's, or of compatible kinds with the same parties ("a deal" of
// Israel and Hamas is not the trade pact one of them signed elsewhere).
bool PartiesFit(const Agreement& a, const AgreementMention& m) {
  if (!KindsCompatible(a.kind, m.kind)) return false;
  const bool same_kind = !a.kind.empty() && a.kind == m.kind;
  if (same_kind)
    return Subset(m.parties, a.parties) || Subset(a.parties, m.parties);
  return Subset(m.parties, a.parties) && Subset(a.parties, m.parties);
}

// True if an agreement could still be the one a report of `date` speaks
// of without naming it: not ended before that date, and, for a truce or
// other arrangement that needs no ratification (short-lived, and made
// again and again between the same sides), with a step in the year before.
bool CurrentOn(const Agreement& a, const std::string& date) {
  if (date.empty()) return true;
  std::string latest;
  for (const AgreementStep& s : a.steps) {
    if (s.negated) continue;
    const bool ends = s.step == StepKind::kTerminated ||
                      s.step == StepKind::kExpired ||
                      s.step == StepKind::kCollapsed;
    if (ends && DateKey(s.date) < DateKey(date)) return false;
    if (DateKey(s.date) > DateKey(latest)) latest = s.date;
  }
  if (NeedsRatification(a.kind) || latest.size() < 4 || date.size() < 4)
    return true;
  return std::stoi(date.substr(0, 4)) - std::stoi(latest.substr(0, 4)) <= 1;
}

// True if `party` took the step that undoes `first` (acceded after a
// withdrawal, resumed after a suspension, and the reverse) between it and
// `later`: then `later` is a new step, not a second report of `first`.
bool Undone(const Agreement& a, const AgreementStep& first,
            const AgreementStep& later, const std::string& party) {
  auto undoes = [](StepKind x, StepKind y) {
    return (x == StepKind::kWithdrawn && y == StepKind::kAcceded) ||
           (x == StepKind::kAcceded && y == StepKind::kWithdrawn) ||
           (x == StepKind::kSuspended && y == StepKind::kResumed) ||
           (x == StepKind::kResumed && y == StepKind::kSuspended);
  };
  std::string lo = DateKey(first.date), hi = DateKey(later.date);
  if (hi < lo) std::swap(lo, hi);
  if (lo == hi) return false;
  for (const AgreementStep& o : a.steps)
    if (!o.negated && undoes(first.step, o.step) && PartyOf(o.actor) == party &&
        DateKey(o.date) > lo && DateKey(o.date) < hi)
      return true;
  return false;
}

struct Located {
  const LedgerInput* input;
  AgreementMention mention;
};

// Verbs that name the same kind of act, so that "deported" can be matched
// against a pledge "not to return" someone.
int ActionClass(std::string_view lemma) {
  static const std::pair<const char*, int> kClasses[] = {
      {"return", 1},     {"deport", 1},  {"extradite", 1}, {"expel", 1},
      {"repatriate", 1}, {"hand", 1},    {"send", 1},      {"surrender", 1},
      {"transfer", 1},   {"release", 2}, {"free", 2},      {"withdraw", 3},
      {"pull", 3},       {"attack", 4},  {"strike", 4},    {"bomb", 4},
      {"shell", 4},      {"invade", 4},  {"pay", 5},       {"give", 5},
      {"provide", 5},    {"deliver", 5}, {"hold", 6},      {"organize", 6},
      {"organise", 6},   {"stage", 6},   {"cut", 7},       {"reduce", 7},
      {"lower", 7},      {"close", 8},   {"shut", 8},
  };
  for (const auto& [l, c] : kClasses)
    if (lemma == l) return c;
  return 0;
}

bool SameAction(std::string_view promised, std::string_view done) {
  if (promised.empty() || done.empty()) return false;
  if (promised == done) return true;
  int a = ActionClass(promised);
  return a != 0 && a == ActionClass(done);
}

// Two non-empty lemmas SameAction accepts have the same key (their class,
// else the lemma itself): events are indexed by it.
std::string ActionKey(std::string_view lemma) {
  int c = ActionClass(lemma);
  return c != 0 ? "\x01" + std::to_string(c) : std::string(lemma);
}

// First word of a target phrase, lower-cased and without a plural "s", for
// matching "Uighurs" against "a Uighur activist".
std::string Stem(std::string_view text) {
  std::string w;
  for (char c : text) {
    if (std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80)) {
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!w.empty()) {
      if (w != "the" && w != "a" && w != "an" && w != "all" && w != "any")
        break;
      w.clear();
    }
  }
  if (w.size() > 3 && w.back() == 's') w.pop_back();
  return w;
}

bool TargetMatches(const CommitmentMention& c, const Event& e,
                   std::string_view sentence) {
  if (c.target.empty() && c.target_text.empty()) return true;
  if (!c.target.empty() && !e.target.empty() &&
      PartyOf(c.target) == PartyOf(e.target))
    return true;
  std::string stem = Stem(c.target_text);
  return !stem.empty() &&
         text::AsciiLower(sentence).find(stem) != std::string::npos;
}

// Refusing to approve ("would not ratify") and then approving is a
// reversal; doing what one undertook not to do is a breach.
bool IsApproval(std::string_view lemma) {
  return lemma == "approve" || lemma == "ratify" || lemma == "send" ||
         lemma == "submit" || lemma == "accept" || lemma == "back" ||
         lemma == "support" || lemma == "endorse" || lemma == "sign" ||
         lemma == "join" || lemma == "rejoin";
}

CommitmentLink::Kind LinkKind(const CommitmentMention& c) {
  if (!c.negated) return CommitmentLink::Kind::kFulfils;
  return IsApproval(c.action_lemma) ? CommitmentLink::Kind::kReverses
                                    : CommitmentLink::Kind::kContradicts;
}

// The lifecycle steps a promised action names, read off the words of the
// action clause ("to begin ratifying Finland's membership", "to start the
// procedures needed to withdraw from the treaty").
std::vector<std::vector<StepKind>> StepsPromised(const CommitmentMention& c) {
  static const std::pair<const char*, std::vector<StepKind>> kWords[] = {
      {"withdraw", {StepKind::kWithdrawn}},
      {"quit", {StepKind::kWithdrawn}},
      {"leave", {StepKind::kWithdrawn}},
      {"exit", {StepKind::kWithdrawn}},
      {"pull", {StepKind::kWithdrawn}},
      {"rejoin", {StepKind::kAcceded}},
      {"join", {StepKind::kAcceded, StepKind::kRatified}},
      {"ratif", {StepKind::kRatified, StepKind::kApproved}},
      {"approv", {StepKind::kRatified, StepKind::kApproved}},
      {"send",
       {StepKind::kSubmitted, StepKind::kRatified, StepKind::kApproved}},
      {"submit",
       {StepKind::kSubmitted, StepKind::kRatified, StepKind::kApproved}},
      {"suspend", {StepKind::kSuspended}},
      {"sign", {StepKind::kSigned}},
      {"extend", {StepKind::kExtended}},
      {"resum", {StepKind::kResumed}},
  };
  std::vector<std::vector<StepKind>> out;
  std::string lower = text::AsciiLower(c.action);
  size_t i = 0;
  while (i < lower.size()) {
    while (i < lower.size() &&
           !std::isalpha(static_cast<unsigned char>(lower[i])))
      ++i;
    size_t j = i;
    while (j < lower.size() &&
           std::isalpha(static_cast<unsigned char>(lower[j])))
      ++j;
    std::string_view word(lower.data() + i, j - i);
    for (const auto& [stem, steps] : kWords)
      if (word.starts_with(stem) &&
          std::find(out.begin(), out.end(), steps) == out.end())
        out.push_back(steps);
    i = j;
  }
  return out;
}

// Links the lifecycle steps that carry out (or reverse) commitment `c`:
// steps of the promised kind taken later by the committed party, in another
// report, on an agreement the commitment's report also names; for each
// agreement the earliest such date (the act that carried it out, not every
// later repetition).
// `named`: the agreements (in ledger order) that the commitment's report
// mentions.
void LinkSteps(Commitment& c, const std::vector<Agreement>& agreements,
               const std::vector<size_t>& named) {
  // Each promised act is a group of step kinds that carry it out ("join":
  // acceded or ratified).
  const std::vector<std::vector<StepKind>> acts = StepsPromised(c.what);
  if (acts.empty()) return;
  const std::string party = PartyOf(c.what.actor);
  for (size_t ai : named) {
    const Agreement& a = agreements[ai];
    // For each act, the earliest date a step carried it out ("to submit
    // the protocol to parliament and to work for its ratification": the
    // submission and the ratification; "to join": the first joining, not a
    // rejoining years later).
    std::vector<std::string> first(acts.size());
    for (const AgreementStep& s : a.steps) {
      if (s.negated || s.source.doc_id == c.what.source.doc_id) continue;
      if (DateKey(s.date) <= DateKey(c.what.date)) continue;
      bool by = s.actor.empty() ? Contains(a.parties, party)
                                : PartyOf(s.actor) == party;
      if (!by) continue;
      bool carries = false;
      for (size_t k = 0; k < acts.size(); ++k) {
        if (std::find(acts[k].begin(), acts[k].end(), s.step) == acts[k].end())
          continue;
        if (first[k].empty()) first[k] = s.date;
        carries |= c.what.negated || DateKey(s.date) == DateKey(first[k]);
      }
      if (!carries) continue;
      bool dup = false;
      for (const CommitmentLink& l : c.links)
        dup |= l.doc_id == s.source.doc_id &&
               l.source.sentence == s.source.sentence;
      if (dup) continue;
      CommitmentLink link;
      link.kind = LinkKind(c.what);
      link.event.date = s.date;
      link.event.sentence = s.source.sentence;
      link.event_index = UINT32_MAX;  // a step, not a coded event
      link.doc_id = s.source.doc_id;
      link.source = s.source;
      c.links.push_back(std::move(link));
    }
  }
}

// The head word of the object a promised action is about, lower case
// ("its enrichment of uranium" -> "enrichment").
std::string ObjectHead(std::string_view object) {
  std::string lower = text::AsciiLower(object);
  size_t i = 0;
  while (i < lower.size()) {
    size_t j = lower.find(' ', i);
    if (j == std::string::npos) j = lower.size();
    std::string_view w(lower.data() + i, j - i);
    if (!w.empty() && w != "its" && w != "their" && w != "his" && w != "her" &&
        w != "our" && w != "the" && w != "a" && w != "an" && w != "all" &&
        w != "some")
      return std::string(w);
    i = j + 1;
  }
  return "";
}

// True if `act` is about `head`: one of its words, or the noun of its verb
// ("enrich uranium above ..." is about "enrichment").
bool ActConcerns(const LedgerAct& act, std::string_view head) {
  if (head.size() < 4) return false;
  if (act.lemma.size() >= 4 && head.starts_with(act.lemma)) return true;
  std::string_view words = act.words;
  size_t i = 0;
  while (i < words.size()) {
    size_t j = words.find(' ', i);
    if (j == std::string_view::npos) j = words.size();
    if (words.substr(i, j - i) == head) return true;
    i = j + 1;
  }
  return false;
}

// Links the acts the ledger read itself (LedgerAct) that bear on
// commitment `c`, taken later by its party in another report: the promised
// act done (fulfilled, or breached when it was promised not to be done);
// the party renouncing its pledge not to do it (reversed); a violation of
// an agreement whose written terms the commitment is (its report names the
// agreement), about what the commitment is about ("exceeded the limit on
// its stockpile" breaks "will cut its stockpile"). `named`: as LinkSteps.
void LinkActs(Commitment& c, const std::vector<const LedgerAct*>& acts,
              const std::vector<Agreement>& agreements,
              const std::vector<size_t>& named) {
  const CommitmentMention& w = c.what;
  for (const LedgerAct* a : acts) {
    if (a->source.doc_id == w.source.doc_id ||
        DateKey(a->date) <= DateKey(w.date))
      continue;
    CommitmentLink::Kind kind;
    if (a->kind == LedgerAct::Kind::kRenounced) {
      if (!w.negated || !SameAction(w.action_lemma, a->lemma)) continue;
      kind = CommitmentLink::Kind::kReverses;
    } else if (SameAction(w.action_lemma, a->lemma)) {
      kind = LinkKind(w);
    } else if (a->violation && !w.negated && w.form == "written" &&
               ActConcerns(*a, ObjectHead(w.target_text))) {
      bool terms = false;
      for (size_t ai : named)
        for (const AgreementStep& s : agreements[ai].steps)
          terms |= s.step == StepKind::kViolated &&
                   s.source.doc_id == a->source.doc_id &&
                   s.source.sentence == a->source.sentence;
      if (!terms) continue;
      kind = CommitmentLink::Kind::kContradicts;
    } else {
      continue;
    }
    // (The store keys a link by its document and event; a step or an act
    // has no event, so one such link per document.)
    bool dup = false;
    for (const CommitmentLink& l : c.links)
      dup |= l.doc_id == a->source.doc_id &&
             (l.source.sentence == a->source.sentence ||
              l.event_index == UINT32_MAX);
    if (dup) continue;
    CommitmentLink link;
    link.kind = kind;
    link.event.date = a->date;
    link.event.sentence = a->source.sentence;
    link.event_index = UINT32_MAX;  // an act, not a coded event
    link.doc_id = a->source.doc_id;
    link.source = a->source;
    c.links.push_back(std::move(link));
  }
}

std::string SourceKey(const SourceRef& s) {
  return s.doc_id + '\x1f' + std::to_string(s.sentence) + '\x1f' + s.text;
}

// Indexes over the agreements Build is founding, so that finding the
// agreement a mention belongs to looks only at those that could fit, not at
// every agreement (Build stays near-linear in the number of mentions). The
// lists hold positions in `agreements`; an entry may be stale (parties have
// grown since it was made), so callers still test the real predicates.
struct AgreementIndex {
  using Lists = std::unordered_map<std::string, std::vector<size_t>>;

  explicit AgreementIndex(std::vector<Agreement>& a) : agreements(a) {}

  std::vector<Agreement>& agreements;
  Lists by_name;  // each of NameKeys(name)
  Lists by_kind;
  Lists by_party;    // each party
  Lists by_parties;  // the whole sorted party list, joined, when indexed
  // Per agreement: its mentions (SourceKey) and its steps by kind, party and
  // negation (position in `steps`).
  std::vector<std::unordered_set<std::string>> mentions;
  std::vector<std::unordered_map<std::string, size_t>> steps;

  static std::string PartiesKey(const std::vector<std::string>& parties) {
    std::string key;
    for (const auto& p : parties) key += p + ';';
    return key;
  }

  // Called after an agreement (with no parties yet) is appended.
  void Founded() {
    mentions.emplace_back();
    steps.emplace_back();
    by_parties[""].push_back(agreements.size() - 1);
  }

  void AddPartyTo(size_t ai, const std::string& p) {
    std::vector<std::string>& parties = agreements[ai].parties;
    const size_t before = parties.size();
    AddParty(parties, p);
    if (parties.size() == before) return;
    by_party[p].push_back(ai);
    by_parties[PartiesKey(parties)].push_back(ai);
  }

  static const std::vector<size_t>* Find(const Lists& lists,
                                         const std::string& key) {
    auto it = lists.find(key);
    return it == lists.end() ? nullptr : &it->second;
  }

  static std::vector<size_t> Sorted(std::vector<size_t> v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    return v;
  }

  // Agreements listed under any of `keys`, in ledger order.
  static std::vector<size_t> Candidates(const Lists& lists,
                                        const std::vector<std::string>& keys) {
    std::vector<size_t> out;
    for (const auto& key : keys)
      if (const auto* l = Find(lists, key))
        out.insert(out.end(), l->begin(), l->end());
    return Sorted(std::move(out));
  }

  // Agreements whose parties include all of `parties` or are all among
  // them, in ledger order (a superset of them).
  std::vector<size_t> PartyCandidates(std::vector<std::string> parties) const {
    std::sort(parties.begin(), parties.end());
    parties.erase(std::unique(parties.begin(), parties.end()), parties.end());
    std::vector<size_t> out;
    // Including all: among those of the rarest party.
    const std::vector<size_t>* rarest = nullptr;
    for (const auto& p : parties) {
      const auto* l = Find(by_party, p);
      if (l == nullptr) {
        rarest = nullptr;
        break;
      }
      if (rarest == nullptr || l->size() < rarest->size()) rarest = l;
    }
    if (rarest != nullptr) out = *rarest;
    // All among them: by each subset of them (few parties), else by each.
    constexpr size_t kMaxSubsetParties = 10;
    if (parties.size() <= kMaxSubsetParties) {
      for (uint32_t mask = 0; mask < (1u << parties.size()); ++mask) {
        std::string key;
        for (size_t i = 0; i < parties.size(); ++i)
          if (mask & (1u << i)) key += parties[i] + ';';
        if (const auto* l = Find(by_parties, key))
          out.insert(out.end(), l->begin(), l->end());
      }
    } else {
      for (const auto& p : parties)
        if (const auto* l = Find(by_party, p))
          out.insert(out.end(), l->begin(), l->end());
      if (const auto* l = Find(by_parties, ""))
        out.insert(out.end(), l->begin(), l->end());
    }
    return Sorted(std::move(out));
  }
};

// The document's agreement mentions with "the treaty", "the extradition
// treaty", "it" (no name and fewer than two parties of their own) resolved
// to the agreement last named in the same document.
std::vector<AgreementMention> ResolvedMentions(const LedgerInput& in) {
  std::vector<AgreementMention> out;
  const AgreementMention* last = nullptr;
  std::deque<AgreementMention> resolved;  // stable addresses
  for (const AgreementMention& m : in.agreements) {
    AgreementMention r = m;
    bool anaphoric = m.name.empty() && m.parties.size() < 2 && !m.distinct;
    if (anaphoric && last != nullptr && KindsCompatible(m.kind, last->kind)) {
      r.kind = last->kind;
      r.name = last->name;
      std::vector<std::string> parties = last->parties;
      for (const auto& p : m.parties) AddParty(parties, p);
      r.parties = std::move(parties);
    }
    if (!anaphoric || last == nullptr) {
      last = &m;
    } else {
      // Later mentions refer to the agreement as resolved here.
      resolved.push_back(r);
      last = &resolved.back();
    }
    out.push_back(std::move(r));
  }
  return out;
}

// True if event `i` of `in` is an act that can fulfil or contradict a
// pledge: reported as done (asserted, or claimed by a speaker), not a
// statement (an intent, appeal, demand, accusation, denial), with an action
// to match.
bool IsAct(const LedgerInput& in, size_t i) {
  const Event& e = in.events[i];
  if (e.negated || e.modality == "negated" || e.modality == "hypothetical" ||
      e.modality == "future" || e.cameo.starts_with("02") ||
      e.cameo.starts_with("03") || e.cameo.starts_with("10") ||
      e.cameo.starts_with("016") || e.cameo.starts_with("112"))
    return false;
  return i < in.event_lemmas.size() && !in.event_lemmas[i].empty();
}

}  // namespace

void Ledger::Add(LedgerInput input) {
  std::string id = input.doc_id;
  inputs_[id] = std::move(input);
}

void Ledger::Build() {
  agreements_.clear();
  commitments_.clear();

  // Documents in a fixed order (date, id), whatever order they were added in.
  std::vector<const LedgerInput*> docs;
  for (const auto& [id, in] : inputs_) docs.push_back(&in);
  std::sort(docs.begin(), docs.end(), [](const auto* a, const auto* b) {
    return std::tie(a->doc_date, a->doc_id) < std::tie(b->doc_date, b->doc_id);
  });

  // 1. Within a document, "the treaty" refers to the agreement last named.
  std::vector<Located> mentions;
  for (const LedgerInput* in : docs)
    for (AgreementMention& m : ResolvedMentions(*in))
      mentions.push_back(Located{in, std::move(m)});

  // 2. Across documents: by name, then by kind and parties.
  // Two agreements that both have names are the same only when the names
  // are; otherwise by kind and parties, and when several agreements of the
  // same parties fit, the one of the same kind, else the latest founded.
  AgreementIndex index(agreements_);
  auto find = [&](const AgreementMention& m,
                  const std::string& date) -> Agreement* {
    // A deal made under an old one's name after that one ended is new.
    const bool begins =
        m.has_step && !m.negated &&
        (m.step == StepKind::kNegotiated || m.step == StepKind::kSigned ||
         m.step == StepKind::kProposed);
    if (!m.name.empty()) {
      // The first agreement (in ledger order) of the same name.
      for (size_t i : index.Candidates(index.by_name, NameKeys(m.name))) {
        Agreement& a = agreements_[i];
        if (SameName(a.name, m.name) && (!begins || CurrentOn(a, date)))
          return &a;
      }
    }
    auto names_fit = [&](const Agreement& a) {
      return (a.name.empty() || m.name.empty()) && CurrentOn(a, date);
    };
    if (m.parties.size() >= 2) {
      Agreement* found = nullptr;
      for (size_t i : index.PartyCandidates(m.parties)) {
        Agreement& a = agreements_[i];
        if (names_fit(a) && PartiesFit(a, m) &&
            (found == nullptr || found->kind != m.kind || a.kind == m.kind))
          found = &a;
      }
      return found;
    }
    // A step whose phrase names no party ("Iran suspended some of its
    // commitments under the 2015 nuclear deal"): the one agreement of a
    // compatible kind its actor is a party to, if exactly one.
    if (m.parties.empty() && !m.actor.empty()) {
      const std::string party = PartyOf(m.actor);
      Agreement* found = nullptr;
      int n = 0;
      if (const auto* pool = index.Find(index.by_party, party))
        for (size_t i : *pool) {
          Agreement& a = agreements_[i];
          if (!names_fit(a) || !Contains(a.parties, party) ||
              !KindsCompatible(a.kind, m.kind) || &a == found)
            continue;
          found = &a;
          ++n;
        }
      if (n == 1) return found;
    }
    // Exactly one agreement must fit: stop at the second.
    const std::vector<size_t>* pool =
        m.parties.size() == 1 ? index.Find(index.by_party, m.parties[0])
        : m.kind.empty()      ? nullptr
                              : index.Find(index.by_kind, m.kind);
    if (pool == nullptr) return nullptr;
    // A step of "the ceasefire" with no party named, when several truces
    // of the time fit: the one made last (truces are made again and again;
    // a report speaks of the latest). Otherwise exactly one must fit.
    const bool latest = m.parties.empty() && m.has_step && !m.kind.empty() &&
                        !NeedsRatification(m.kind);
    Agreement* found = nullptr;
    int n = 0;
    for (size_t i : *pool) {
      Agreement& a = agreements_[i];
      if (!names_fit(a)) continue;
      bool ok = m.parties.size() == 1 ? Contains(a.parties, m.parties[0]) &&
                                            KindsCompatible(a.kind, m.kind)
                                      : !m.kind.empty() && a.kind == m.kind;
      if (ok) {
        found = &a;
        if (++n > 1 && !latest) return nullptr;
      }
    }
    return found;
  };

  // An agreement is founded by a mention with a step or a title; a bare
  // mention ("the deal", "a trade pact between A and B") only attaches to
  // one, so that no agreement is recorded without a dated step or a title.
  std::unordered_map<const AgreementMention*, size_t> founded_by;
  for (int pass = 0; pass < 2; ++pass)
    for (Located& loc : mentions) {
      AgreementMention& m = loc.mention;
      const bool founding = m.has_step || !m.name.empty();
      if ((pass == 0) != founding) continue;
      Agreement* a = find(m, m.date.empty() ? loc.input->doc_date : m.date);
      if (a == nullptr) {
        if (!founding) continue;
        if (m.name.empty() && m.parties.empty() && m.kind.empty()) continue;
        agreements_.push_back(Agreement{});
        a = &agreements_.back();
        a->id = static_cast<int64_t>(agreements_.size());
        index.Founded();
      }
      const size_t ai = static_cast<size_t>(a->id - 1);
      founded_by[&m] = ai;
      a->multilateral |= m.multilateral;
      if (a->kind.empty() && !m.kind.empty()) {
        a->kind = m.kind;
        index.by_kind[a->kind].push_back(ai);
      }
      if (a->name.empty() && !m.name.empty()) {
        a->name = m.name;
        for (auto& key : NameKeys(a->name)) index.by_name[key].push_back(ai);
      }
      for (const auto& p : m.parties) index.AddPartyTo(ai, p);
      if (index.mentions[ai].insert(SourceKey(m.source)).second)
        a->mentions.push_back(m.source);
      if (m.has_step) {
        AgreementStep s;
        s.step = m.step;
        s.actor = m.actor;
        s.actor_text = m.actor_text;
        s.date = m.date.empty() ? loc.input->doc_date : m.date;
        s.negated = m.negated;
        s.parties = m.parties;
        s.source = m.source;
        // (A body that endorses an agreement is not a party to it.)
        if (!s.actor.empty() && s.step != StepKind::kEndorsed)
          index.AddPartyTo(ai, PartyOf(s.actor));
        // The same step by the same party reported twice ("China recently
        // ratified", "the NPC Standing Committee ratified ... on 26 June") is
        // one step, dated by the earliest report of it.
        std::string key = std::to_string(static_cast<int>(s.step)) + ' ' +
                          (s.negated ? '1' : '0') + PartyOf(s.actor);
        // (Violations are acts, each of its day: "exceeded the limit" and
        // a week later "began enriching above it" are two.)
        if (s.step == StepKind::kViolated) key += ' ' + DateKey(s.date);
        auto [same, fresh] = index.steps[ai].try_emplace(key, a->steps.size());
        // ... unless the party undid it in between: a second withdrawal
        // after a rejoining, a second suspension after a resumption.
        if (!fresh && !s.negated &&
            Undone(*a, a->steps[same->second], s, PartyOf(s.actor))) {
          same->second = a->steps.size();
          fresh = true;
        }
        if (fresh) {
          a->steps.push_back(std::move(s));
        } else if (DateKey(s.date) < DateKey(a->steps[same->second].date)) {
          a->steps[same->second] = std::move(s);
        }
      }
    }
  // An agreement without a title is named by the words the first report
  // that describes it uses ("joint declaration"); only now, so that such
  // words never tell agreements apart.
  for (const Located& loc : mentions) {
    const auto found = founded_by.find(&loc.mention);
    if (found == founded_by.end()) continue;
    Agreement& a = agreements_[found->second];
    if (a.name.empty() && !loc.mention.description.empty())
      a.name = loc.mention.description;
  }
  for (auto& a : agreements_) {
    std::stable_sort(a.steps.begin(), a.steps.end(),
                     [](const AgreementStep& x, const AgreementStep& y) {
                       return std::make_tuple(DateKey(x.date), x.source.doc_id,
                                              x.source.sentence) <
                              std::make_tuple(DateKey(y.date), y.source.doc_id,
                                              y.source.sentence);
                     });
  }

  // 3. Commitments, then the later events that fulfil or contradict them.
  // Only the commitments of the same report can be the same pledge.
  std::unordered_map<std::string, std::vector<size_t>> commitments_of_doc;
  for (const LedgerInput* in : docs) {
    for (const CommitmentMention& m : in->commitments) {
      // The same pledge told twice in one report (a headline and the story)
      // is one commitment, with every detail given; reports of different
      // days are different statements, kept apart.
      Commitment* same = nullptr;
      std::vector<size_t>& of_doc = commitments_of_doc[m.source.doc_id];
      for (size_t ci : of_doc) {
        Commitment& c = commitments_[ci];
        if (PartyOf(c.what.actor) == PartyOf(m.actor) &&
            (c.what.action_lemma == m.action_lemma ||
             SameAction(c.what.action_lemma, m.action_lemma)) &&
            c.what.negated == m.negated &&
            PartyOf(c.what.target) == PartyOf(m.target))
          same = &c;
      }
      if (same != nullptr) {
        CommitmentMention& w = same->what;
        std::string date = m.date.empty() ? in->doc_date : m.date;
        if (DateKey(date) < DateKey(w.date)) {
          CommitmentMention merged = m;
          merged.date = date;
          if (merged.condition.empty()) merged.condition = w.condition;
          if (merged.form.empty()) merged.form = w.form;
          if (merged.by.empty()) merged.by = w.by, merged.by_text = w.by_text;
          w = std::move(merged);
        } else {
          if (w.condition.empty()) w.condition = m.condition;
          if (w.form.empty()) w.form = m.form;
          if (w.by.empty()) w.by = m.by, w.by_text = m.by_text;
        }
        continue;
      }
      Commitment c;
      c.id = static_cast<int64_t>(commitments_.size() + 1);
      c.what = m;
      if (c.what.date.empty()) c.what.date = in->doc_date;
      of_doc.push_back(commitments_.size());
      commitments_.push_back(std::move(c));
    }
  }
  if (commitments_.empty()) return;

  // The acts that can fulfil or contradict a pledge, by the party that acted
  // and the kind of action, in document and event order.
  struct Act {
    const LedgerInput* in;
    size_t event;
  };
  std::unordered_map<std::string, std::vector<Act>> acts;
  for (const LedgerInput* in : docs) {
    for (size_t i = 0; i < in->events.size(); ++i) {
      if (!IsAct(*in, i)) continue;
      const Event& e = in->events[i];
      acts[PartyOf(e.source) + '\x1f' + ActionKey(in->event_lemmas[i])]
          .push_back(Act{in, i});
    }
  }
  // The acts the ledger read itself, by the party that acted.
  std::unordered_map<std::string, std::vector<const LedgerAct*>> own_acts;
  for (const LedgerInput* in : docs)
    for (const LedgerAct& a : in->acts)
      own_acts[PartyOf(a.actor)].push_back(&a);
  // The agreements each report mentions, in ledger order.
  std::unordered_map<std::string, std::vector<size_t>> agreements_of_doc;
  for (size_t ai = 0; ai < agreements_.size(); ++ai)
    for (const SourceRef& m : agreements_[ai].mentions) {
      std::vector<size_t>& named = agreements_of_doc[m.doc_id];
      if (named.empty() || named.back() != ai) named.push_back(ai);
    }
  const std::vector<size_t> none;
  for (Commitment& c : commitments_) {
    auto found = acts.end();
    if (!c.what.action_lemma.empty())
      found = acts.find(PartyOf(c.what.actor) + '\x1f' +
                        ActionKey(c.what.action_lemma));
    if (found != acts.end()) {
      const std::string promised = DateKey(c.what.date);
      for (const Act& act : found->second) {
        const LedgerInput* in = act.in;
        const size_t i = act.event;
        const Event& e = in->events[i];
        const std::string date = e.date.empty() ? in->doc_date : e.date;
        if (DateKey(date) <= promised) continue;
        if (in->doc_id == c.what.source.doc_id) continue;
        if (PartyOf(e.source) != PartyOf(c.what.actor)) continue;
        if (!SameAction(c.what.action_lemma, in->event_lemmas[i])) continue;
        std::string sentence =
            e.sentence < in->sentences.size() ? in->sentences[e.sentence] : "";
        if (!TargetMatches(c.what, e, sentence)) continue;
        CommitmentLink link;
        link.kind = LinkKind(c.what);
        link.event = e;
        link.event_index = static_cast<uint32_t>(i);
        if (link.event.date.empty()) link.event.date = date;
        link.doc_id = in->doc_id;
        link.source = SourceRef{in->doc_id, e.sentence, sentence};
        c.links.push_back(std::move(link));
      }
    }
    auto named = agreements_of_doc.find(c.what.source.doc_id);
    LinkSteps(c, agreements_,
              named == agreements_of_doc.end() ? none : named->second);
    if (auto own = own_acts.find(PartyOf(c.what.actor)); own != own_acts.end())
      LinkActs(c, own->second, agreements_,
               named == agreements_of_doc.end() ? none : named->second);
    std::stable_sort(c.links.begin(), c.links.end(),
                     [](const CommitmentLink& a, const CommitmentLink& b) {
                       return DateKey(a.event.date) < DateKey(b.event.date);
                     });
  }
}

bool NeedsRatification(std::string_view kind) {
  static const char* const kPolitical[] = {
      "ceasefire", "normalisation", "memorandum", "declaration", "grain"};
  for (const char* k : kPolitical)
    if (kind == k) return false;
  return true;
}

// The state on a date follows from the dated steps, taken in date order
// (docs/ledger.md has the diagram): each party's signature, ratification,
// accession, suspension and withdrawal is tracked; a stated entry into
// force wins; otherwise an agreement that needs no ratification is in force
// from its signature and one that does once every party ratified; a
// suspension, extension, resumption or violation of an agreement implies it
// was in force. A multilateral agreement outlives a party's withdrawal; a
// bilateral one ends with it; termination, expiry and collapse end any.
AgreementStatus StatusAsOf(const Agreement& agreement, std::string_view date) {
  AgreementStatus st;
  std::set<std::string> signed_by, ratified, not_ratified, withdrawn, suspended,
      in_force_for, as_of_parties;
  bool in_force = false, force_denied = false, implied_force = false;
  // A stated entry into force, whenever it is dated, wins over inference
  // (Minsk II: signed on the 12th, in force from the 15th).
  bool stated_force = false;
  for (const AgreementStep& s : agreement.steps)
    stated_force |= s.step == StepKind::kEnteredIntoForce && !s.negated;
  std::set<std::string> signed_only;  // signed or acceded, not just approved
  bool proposed = false, negotiated = false, ended = false, any = false;
  const std::vector<std::string>& parties = agreement.parties;
  const bool bilateral = parties.size() <= 2 && !agreement.multilateral;
  // An end dated only by its year or month ("ended in 2019") that a
  // precisely dated end within that period tells more exactly (withdrawn
  // on 2019-08-02) is that end, not one on the period's first day.
  auto ends = [&](const AgreementStep& s) {
    return !s.negated &&
           (s.step == StepKind::kTerminated || s.step == StepKind::kExpired ||
            s.step == StepKind::kCollapsed ||
            (s.step == StepKind::kWithdrawn && bilateral));
  };
  auto refined = [&](const AgreementStep& s) {
    if (!ends(s) || s.date.size() >= 10) return false;
    for (const AgreementStep& o : agreement.steps)
      if (&o != &s && ends(o) && o.date.size() > s.date.size() &&
          o.date.starts_with(s.date))
        return true;
    return false;
  };
  for (const AgreementStep& s : agreement.steps) {
    if (!OnOrBefore(s.date, date) || refined(s)) continue;
    any = true;
    std::vector<std::string> who;
    if (!s.actor.empty())
      who.push_back(PartyOf(s.actor));
    else if (!s.parties.empty())
      who = s.parties;
    else
      who = parties;
    if (s.negated) {
      if (s.step == StepKind::kRatified || s.step == StepKind::kApproved)
        for (const auto& p : who)
          if (!ratified.count(p)) not_ratified.insert(p);
      if (s.step == StepKind::kEnteredIntoForce) force_denied = true;
      continue;
    }
    switch (s.step) {
      case StepKind::kNegotiated:
      case StepKind::kInitialled:
      case StepKind::kSigned:
      case StepKind::kRatified:
      case StepKind::kApproved:
      case StepKind::kDeposited:
      case StepKind::kAcceded:
        as_of_parties.insert(who.begin(), who.end());
        break;
      default:
        break;
    }
    switch (s.step) {
      case StepKind::kProposed:
        proposed = true;
        break;
      case StepKind::kNegotiated:
      case StepKind::kInitialled:
        negotiated = true;
        break;
      case StepKind::kSigned:
        signed_by.insert(who.begin(), who.end());
        signed_only.insert(who.begin(), who.end());
        break;
      case StepKind::kRatified:
      case StepKind::kApproved:
      case StepKind::kDeposited:
        for (const auto& p : who) ratified.insert(p), not_ratified.erase(p);
        break;
      case StepKind::kAcceded:
        for (const auto& p : who) {
          ratified.insert(p);
          signed_by.insert(p);
          signed_only.insert(p);
          withdrawn.erase(p);
          if (in_force) in_force_for.insert(p);
        }
        break;
      case StepKind::kEnteredIntoForce:
        in_force = true;
        ended = false;
        if (s.actor.empty())
          in_force_for.insert(parties.begin(), parties.end());
        else
          in_force_for.insert(who.begin(), who.end());
        break;
      case StepKind::kSuspended:
        implied_force = true;
        suspended.insert(who.begin(), who.end());
        break;
      case StepKind::kResumed:
        implied_force = true;
        for (const auto& p : who) suspended.erase(p);
        break;
      case StepKind::kExtended:
      case StepKind::kViolated:
        implied_force = true;
        break;
      case StepKind::kWithdrawn:
        withdrawn.insert(who.begin(), who.end());
        for (const auto& p : who) in_force_for.erase(p), suspended.erase(p);
        break;
      case StepKind::kTerminated:
      case StepKind::kExpired:
      case StepKind::kCollapsed:
        ended = true;
        break;
      case StepKind::kSubmitted:
      case StepKind::kEndorsed:
        break;
    }
  }
  // Ratification implies signature.
  signed_by.insert(ratified.begin(), ratified.end());
  bool all_ratified = parties.size() >= 2;
  for (const auto& p : parties)
    if (!ratified.count(p) && !withdrawn.count(p)) all_ratified = false;
  if (!in_force && !force_denied) {
    // An agreement that needs no ratification is in force from its
    // signature (one party's approval of a truce is not that).
    bool inferred =
        implied_force || (!stated_force && (NeedsRatification(agreement.kind)
                                                ? all_ratified
                                                : !signed_only.empty()));
    if (inferred) {
      in_force = true;
      for (const auto& p : parties)
        if (!withdrawn.count(p)) in_force_for.insert(p);
    }
  }
  for (const auto& p : parties)
    if (!ratified.count(p)) not_ratified.insert(p);
  // A bilateral agreement ends when a party's withdrawal takes effect.
  if (!withdrawn.empty() && bilateral) ended = true;

  st.signed_by.assign(signed_by.begin(), signed_by.end());
  st.ratified_by.assign(ratified.begin(), ratified.end());
  st.not_ratified_by.assign(not_ratified.begin(), not_ratified.end());
  st.withdrawn_by.assign(withdrawn.begin(), withdrawn.end());
  st.suspended_by.assign(suspended.begin(), suspended.end());
  // Parties as of the date: those that took a step by then, within the
  // agreement's parties (a step's sentence may name a broker too).
  for (const auto& p : as_of_parties)
    if (Contains(parties, p)) st.parties.push_back(p);
  if (in_force && !ended)
    st.in_force_for.assign(in_force_for.begin(), in_force_for.end());

  if (ended)
    st.state = AgreementState::kEnded;
  else if (in_force && !suspended.empty())
    st.state = AgreementState::kSuspended;
  else if (in_force)
    st.state = AgreementState::kInForce;
  else if (!ratified.empty())
    st.state = AgreementState::kPartiallyRatified;
  else if (!signed_by.empty())
    st.state = AgreementState::kSigned;
  else if (negotiated)
    st.state = AgreementState::kNegotiating;
  else if (proposed)
    st.state = AgreementState::kProposed;
  else
    st.state = any ? AgreementState::kNegotiating : AgreementState::kUnknown;
  st.in_force = st.state == AgreementState::kInForce ||
                st.state == AgreementState::kSuspended;

  auto join = [](const std::vector<std::string>& v) {
    std::string out;
    for (const auto& x : v) out += (out.empty() ? "" : ", ") + x;
    return out;
  };
  std::string label;
  if (!st.signed_by.empty()) label = "signed";
  if (!st.ratified_by.empty())
    label += std::string(label.empty() ? "" : "; ") + "ratified by " +
             join(st.ratified_by);
  if (!st.ratified_by.empty() && !st.not_ratified_by.empty())
    label += "; not ratified by " + join(st.not_ratified_by);
  if (!st.withdrawn_by.empty())
    label += std::string(label.empty() ? "" : "; ") + "withdrawn by " +
             join(st.withdrawn_by);
  if (st.state == AgreementState::kSuspended)
    label += std::string(label.empty() ? "" : "; ") + "suspended";
  if (st.state == AgreementState::kEnded)
    label += std::string(label.empty() ? "" : "; ") + "ended";
  label += std::string(label.empty() ? "" : "; ") +
           (st.in_force ? "in force" : "not in force");
  st.label = label;
  return st;
}

// Keep in step with Build's lookups: SameName (through the roles NameKeys
// gives a name), PartyCandidates and the single-party pool (a party, also
// the party of a step's actor), the kind pool (a mention without parties
// looks among agreements of its kind), and a pledge's party and action
// against the acts (events and the ledger's own) indexed under the same.
std::vector<std::string> LedgerKeys(const LedgerInput& input) {
  std::vector<std::string> keys;
  for (const AgreementMention& m : ResolvedMentions(input)) {
    for (std::string& k : NameRoleKeys(m.name)) keys.push_back(std::move(k));
    for (const auto& p : m.parties) keys.push_back("P " + p);
    if (!m.actor.empty()) keys.push_back("P " + PartyOf(m.actor));
    if (!m.kind.empty()) {
      keys.push_back("K " + m.kind);
      if (m.parties.empty()) keys.push_back("Q " + m.kind);
    }
  }
  for (const CommitmentMention& c : input.commitments)
    if (!c.action_lemma.empty())
      keys.push_back("C " + PartyOf(c.actor) + '\x1f' +
                     ActionKey(c.action_lemma));
  for (size_t i = 0; i < input.events.size(); ++i)
    if (IsAct(input, i))
      keys.push_back("E " + PartyOf(input.events[i].source) + '\x1f' +
                     ActionKey(input.event_lemmas[i]));
  for (const LedgerAct& a : input.acts)
    keys.push_back("E " + PartyOf(a.actor) + '\x1f' + ActionKey(a.lemma));
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

std::vector<std::string> PartnerKeys(std::string_view key) {
  if (key.size() < 2) return {};
  static const std::pair<char, char> kPartner[] = {
      {'a', 'i'}, {'i', 'a'}, {'x', 'y'}, {'y', 'x'},
      {'K', 'Q'}, {'Q', 'K'}, {'C', 'E'}, {'E', 'C'}};
  std::string rest(key.substr(1));
  for (auto [tag, partner] : kPartner)
    if (key[0] == tag) return {partner + rest};
  return {std::string(key)};  // F, P: the same key
}

}  // namespace curlew
