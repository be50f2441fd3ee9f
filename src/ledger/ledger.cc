#include "curlew/ledger.h"
#include "text/chars.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <set>
#include <string>
#include <tuple>
#include <utility>

namespace curlew {

const char* StepKindName(StepKind kind) {
  switch (kind) {
    case StepKind::kNegotiated: return "negotiated";
    case StepKind::kSigned: return "signed";
    case StepKind::kSubmitted: return "submitted for ratification";
    case StepKind::kApproved: return "approved by the legislature";
    case StepKind::kRatified: return "ratified";
    case StepKind::kEnteredIntoForce: return "entered into force";
    case StepKind::kSuspended: return "suspended";
    case StepKind::kWithdrawn: return "withdrawn";
    case StepKind::kViolated: return "violated (accused)";
  }
  return "?";
}

const char* AgreementStateName(AgreementState state) {
  switch (state) {
    case AgreementState::kUnknown: return "status unknown";
    case AgreementState::kNegotiating: return "under negotiation";
    case AgreementState::kSigned: return "signed, not in force";
    case AgreementState::kPartiallyRatified:
      return "partly ratified, not in force";
    case AgreementState::kInForce: return "in force";
    case AgreementState::kSuspended: return "suspended";
    case AgreementState::kWithdrawn: return "withdrawn";
  }
  return "?";
}

const char* CommitmentLinkName(CommitmentLink::Kind kind) {
  return kind == CommitmentLink::Kind::kFulfils ? "fulfils" : "contradicts";
}

namespace {

// Partial dates sort as their first day: "2017" < "2017-06" < "2017-06-26".
std::string DateKey(std::string_view date) {
  std::string key(date);
  if (key.size() == 4) key += "-01-01";
  if (key.size() == 7) key += "-01";
  return key;
}

// True if a step dated `date` has happened by `as_of` ("" = always).
bool OnOrBefore(std::string_view date, std::string_view as_of) {
  if (as_of.empty() || date.empty()) return true;
  return DateKey(date) <= DateKey(as_of);
}

// The country (or organisation) part of an actor code: the party a
// government, legislature or minister acts for.
std::string PartyOf(std::string_view code) {
  return std::string(code.substr(0, std::min<size_t>(3, code.size())));
}

bool KindsCompatible(const std::string& a, const std::string& b) {
  return a.empty() || b.empty() || a == b;
}

bool Contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

bool Subset(const std::vector<std::string>& a,
            const std::vector<std::string>& b) {
  for (const auto& x : a)
    if (!Contains(b, x)) return false;
  return true;
}

void AddParty(std::vector<std::string>& parties, const std::string& p) {
  if (!p.empty() && !Contains(parties, p)) parties.push_back(p);
  std::sort(parties.begin(), parties.end());
}

struct Located {
  const LedgerInput* input;
  AgreementMention mention;
};

// Verbs that name the same kind of act, so that "deported" can be matched
// against a pledge "not to return" someone.
int ActionClass(std::string_view lemma) {
  static const std::pair<const char*, int> kClasses[] = {
      {"return", 1},   {"deport", 1},   {"extradite", 1}, {"expel", 1},
      {"repatriate", 1}, {"hand", 1},   {"send", 1},      {"surrender", 1},
      {"transfer", 1}, {"release", 2},  {"free", 2},      {"withdraw", 3},
      {"pull", 3},     {"attack", 4},   {"strike", 4},    {"bomb", 4},
      {"shell", 4},    {"invade", 4},   {"pay", 5},       {"give", 5},
      {"provide", 5},  {"deliver", 5},  {"hold", 6},
      {"organize", 6}, {"organise", 6}, {"stage", 6},     {"cut", 7},
      {"reduce", 7},   {"lower", 7},    {"close", 8},     {"shut", 8},
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
  return !stem.empty() && text::AsciiLower(sentence).find(stem) != std::string::npos;
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
  for (const LedgerInput* in : docs) {
    const AgreementMention* last = nullptr;
    std::deque<AgreementMention> resolved;  // stable addresses
    for (const AgreementMention& m : in->agreements) {
      Located loc{in, m};
      // "the treaty", "the extradition treaty", "it": no name and fewer
      // than two parties of its own.
      bool anaphoric = m.name.empty() && m.parties.size() < 2;
      if (anaphoric && last != nullptr &&
          KindsCompatible(m.kind, last->kind)) {
        loc.mention.kind = last->kind;
        loc.mention.name = last->name;
        std::vector<std::string> parties = last->parties;
        for (const auto& p : m.parties) AddParty(parties, p);
        loc.mention.parties = std::move(parties);
      }
      if (!anaphoric || last == nullptr) {
        last = &m;
      } else {
        // Later mentions refer to the agreement as resolved here.
        resolved.push_back(loc.mention);
        last = &resolved.back();
      }
      mentions.push_back(std::move(loc));
    }
  }

  // 2. Across documents: by name, then by kind and parties.
  auto find = [&](const AgreementMention& m) -> Agreement* {
    if (!m.name.empty()) {
      for (auto& a : agreements_)
        if (text::AsciiLower(a.name) == text::AsciiLower(m.name)) return &a;
    }
    if (m.parties.size() >= 2) {
      for (auto& a : agreements_)
        if (KindsCompatible(a.kind, m.kind) &&
            (Subset(m.parties, a.parties) || Subset(a.parties, m.parties)))
          return &a;
      return nullptr;
    }
    Agreement* found = nullptr;
    int n = 0;
    for (auto& a : agreements_) {
      bool ok = m.parties.size() == 1
                    ? Contains(a.parties, m.parties[0]) &&
                          KindsCompatible(a.kind, m.kind)
                    : !m.kind.empty() && a.kind == m.kind;
      if (ok) {
        found = &a;
        ++n;
      }
    }
    return n == 1 ? found : nullptr;
  };

  for (Located& loc : mentions) {
    AgreementMention& m = loc.mention;
    Agreement* a = find(m);
    if (a == nullptr) {
      if (m.name.empty() && m.parties.empty() && m.kind.empty()) continue;
      if (m.parties.empty() && !m.has_step) continue;  // nothing to anchor
      agreements_.push_back(Agreement{});
      a = &agreements_.back();
      a->id = static_cast<int64_t>(agreements_.size());
    }
    if (a->kind.empty()) a->kind = m.kind;
    if (a->name.empty()) a->name = m.name;
    for (const auto& p : m.parties) AddParty(a->parties, p);
    if (std::find(a->mentions.begin(), a->mentions.end(), m.source) ==
        a->mentions.end())
      a->mentions.push_back(m.source);
    if (m.has_step) {
      AgreementStep s;
      s.step = m.step;
      s.actor = m.actor;
      s.actor_text = m.actor_text;
      s.date = m.date.empty() ? loc.input->doc_date : m.date;
      s.negated = m.negated;
      s.source = m.source;
      if (!s.actor.empty()) AddParty(a->parties, PartyOf(s.actor));
      // The same step by the same party reported twice ("China recently
      // ratified", "the NPC Standing Committee ratified ... on 26 June") is
      // one step, dated by the earliest report of it.
      AgreementStep* same = nullptr;
      for (auto& t : a->steps)
        if (t.step == s.step && PartyOf(t.actor) == PartyOf(s.actor) &&
            t.negated == s.negated)
          same = &t;
      if (same == nullptr) {
        a->steps.push_back(std::move(s));
      } else if (DateKey(s.date) < DateKey(same->date)) {
        *same = std::move(s);
      }
    }
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
  for (const LedgerInput* in : docs) {
    for (const CommitmentMention& m : in->commitments) {
      // The same pledge reported twice (a headline and the story) is one
      // commitment: dated by its earliest report, with every detail given.
      Commitment* same = nullptr;
      for (auto& c : commitments_)
        if (PartyOf(c.what.actor) == PartyOf(m.actor) &&
            (c.what.action_lemma == m.action_lemma ||
             SameAction(c.what.action_lemma, m.action_lemma)) &&
            c.what.negated == m.negated &&
            PartyOf(c.what.target) == PartyOf(m.target))
          same = &c;
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
      commitments_.push_back(std::move(c));
    }
  }
  for (Commitment& c : commitments_) {
    for (const LedgerInput* in : docs) {
      for (size_t i = 0; i < in->events.size(); ++i) {
        const Event& e = in->events[i];
        // Only an act reported as done (asserted, or claimed by a
        // speaker) fulfils or contradicts a pledge, not a statement (an
        // intent, appeal, demand, accusation, denial).
        if (e.negated || e.modality == "negated" ||
            e.modality == "hypothetical" || e.modality == "future" ||
            e.cameo.starts_with("02") || e.cameo.starts_with("03") ||
            e.cameo.starts_with("10") || e.cameo.starts_with("016") ||
            e.cameo.starts_with("112"))
          continue;
        const std::string date = e.date.empty() ? in->doc_date : e.date;
        if (DateKey(date) <= DateKey(c.what.date)) continue;
        if (in->doc_id == c.what.source.doc_id) continue;
        if (PartyOf(e.source) != PartyOf(c.what.actor)) continue;
        std::string lemma =
            i < in->event_lemmas.size() ? in->event_lemmas[i] : "";
        if (!SameAction(c.what.action_lemma, lemma)) continue;
        std::string sentence =
            e.sentence < in->sentences.size() ? in->sentences[e.sentence] : "";
        if (!TargetMatches(c.what, e, sentence)) continue;
        CommitmentLink link;
        link.kind = c.what.negated ? CommitmentLink::Kind::kContradicts
                                   : CommitmentLink::Kind::kFulfils;
        link.event = e;
        link.event_index = static_cast<uint32_t>(i);
        if (link.event.date.empty()) link.event.date = date;
        link.doc_id = in->doc_id;
        link.source = SourceRef{in->doc_id, e.sentence, sentence};
        c.links.push_back(std::move(link));
      }
    }
    std::stable_sort(c.links.begin(), c.links.end(),
                     [](const CommitmentLink& a, const CommitmentLink& b) {
                       return DateKey(a.event.date) < DateKey(b.event.date);
                     });
  }
}

AgreementStatus StatusAsOf(const Agreement& agreement, std::string_view date) {
  AgreementStatus st;
  std::set<std::string> signed_by, ratified, not_ratified, withdrawn;
  bool in_force = false, force_denied = false, suspended = false;
  bool negotiating = false, any = false;
  for (const AgreementStep& s : agreement.steps) {
    if (!OnOrBefore(s.date, date)) continue;
    any = true;
    std::vector<std::string> who;
    if (s.actor.empty())
      who = agreement.parties;
    else
      who.push_back(PartyOf(s.actor));
    switch (s.step) {
      case StepKind::kNegotiated: negotiating = !s.negated; break;
      case StepKind::kSigned:
        if (!s.negated) signed_by.insert(who.begin(), who.end());
        break;
      case StepKind::kRatified:
        for (const auto& p : who) {
          if (s.negated) {
            if (!ratified.count(p)) not_ratified.insert(p);
          } else {
            ratified.insert(p);
            not_ratified.erase(p);
          }
        }
        break;
      case StepKind::kEnteredIntoForce:
        if (s.negated)
          force_denied = true;
        else
          in_force = true, suspended = false;
        break;
      case StepKind::kSuspended:
        if (!s.negated) suspended = true;
        break;
      case StepKind::kWithdrawn:
        if (!s.negated) withdrawn.insert(who.begin(), who.end());
        break;
      case StepKind::kSubmitted:
      case StepKind::kApproved:
      case StepKind::kViolated:
        break;
    }
  }
  // Ratification implies signature.
  signed_by.insert(ratified.begin(), ratified.end());
  bool all_ratified = agreement.parties.size() >= 2;
  for (const auto& p : agreement.parties)
    if (!ratified.count(p)) all_ratified = false;
  if (!in_force && !force_denied && all_ratified) in_force = true;
  for (const auto& p : agreement.parties)
    if (!ratified.count(p)) not_ratified.insert(p);

  st.signed_by.assign(signed_by.begin(), signed_by.end());
  st.ratified_by.assign(ratified.begin(), ratified.end());
  st.not_ratified_by.assign(not_ratified.begin(), not_ratified.end());
  st.withdrawn_by.assign(withdrawn.begin(), withdrawn.end());

  if (!withdrawn.empty())
    st.state = AgreementState::kWithdrawn;
  else if (in_force && suspended)
    st.state = AgreementState::kSuspended;
  else if (in_force)
    st.state = AgreementState::kInForce;
  else if (!ratified.empty())
    st.state = AgreementState::kPartiallyRatified;
  else if (!signed_by.empty())
    st.state = AgreementState::kSigned;
  else if (negotiating)
    st.state = AgreementState::kNegotiating;
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
  label += std::string(label.empty() ? "" : "; ") +
           (st.in_force ? "in force" : "not in force");
  st.label = label;
  return st;
}

}  // namespace curlew
