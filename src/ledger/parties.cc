// Who a phrase names: actor codes from the actors stage, parties (states
// and organisations), "the two countries" and the states named together.

#include "ledger/extractor.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace curlew::ledger_extract {

// The actor the phrase headed by doc_.tokens[head] names (its first
// mention that is not an agent alone), "" if none.
std::string Extractor::CodeOf(uint32_t head) const {
  for (uint32_t k = mention_at_[head]; k < mention_at_[head + 1]; ++k) {
    const ActorMention& m = doc_.actor_mentions[k];
    // An agent given the document's one country ("Negotiators" in a report
    // datelined in a capital) names no party: the words name no one.
    if (!m.agent_only && m.resolution != ActorResolution::kDocumentCountry)
      return m.code;
  }
  return "";
}

// "Foreign Secretary Vikram Misri" after "India suspended the treaty":
// an official the actors stage found without a country (an agent alone)
// speaks for the state the report last named as a subject; "" if the
// phrase is no such official or no state was named.
std::string Extractor::OfficialOfLastState(const Tree& t, uint32_t i) const {
  if (last_subject_state_.empty() || !Code(t, i).empty()) return "";
  const std::string agent = AgentOf(t, i);
  return agent.empty() ? "" : last_subject_state_ + agent;
}

// The agent of the phrase headed by word i when the actors stage found an
// agent without an actor there ("the minister": "GOV"), else "".
std::string Extractor::AgentOf(const Tree& t, uint32_t i) const {
  const uint32_t head = t.abs(i);
  for (uint32_t k = mention_at_[head]; k < mention_at_[head + 1]; ++k) {
    const ActorMention& m = doc_.actor_mentions[k];
    if (m.agent_only && m.code.starts_with("---") && m.code.size() > 3)
      return m.code.substr(3);
  }
  return "";
}

// Remembers the state the sentence's main clause has as its subject, for
// the officials without a country of the sentences after it.
void Extractor::RememberSubjectState(const Tree& t) {
  for (uint32_t v = 0; v < t.size(); ++v) {
    if (t.rel(v) != "root") continue;
    const int subj = t.Child(v, {"nsubj"});
    if (subj < 0) return;
    const std::string code = Code(t, static_cast<uint32_t>(subj));
    if (code.size() >= 3 && IsParty(code) && !code.starts_with("IGO"))
      last_subject_state_ = code.substr(0, 3);
    return;
  }
}

// True if the words `text` of sentence `s` hold an actor the actors stage
// found there (not an agent alone: "Negotiators" names no one; nor an agent
// given the one country the document names: the words still name no one).
bool Extractor::NamesActor(uint32_t s, std::string_view text) const {
  for (const ActorMention& m : doc_.actor_mentions) {
    if (m.sentence != s || m.agent_only ||
        m.resolution == ActorResolution::kDocumentCountry) {
      continue;
    }
    std::string_view w = doc_.SpanText(m.span);
    if (!w.empty() && text.find(w) != std::string_view::npos) return true;
  }
  return false;
}

// "allows its members to fly", "notified the other members", "the states
// that are still parties to it": the sentence speaks of an agreement's
// members, so it has more than two (not "the other members of NATO", an
// organisation's).
bool Extractor::SpeaksOfMembers(const Tree& t) const {
  for (uint32_t i = 0; i < t.size(); ++i) {
    if (t.tok(i).xpos != "NNS" ||
        !In(t.lemma(i), {"member", "signatory", "party"}))
      continue;
    if (!t.HasChildLemma(i, {"nmod:poss", "amod", "advmod"},
                         {"its", "other", "remaining", "still"}))
      continue;
    bool organisation = false;
    for (uint32_t k : t.kids(i))
      organisation |= t.rel(k).starts_with("nmod") &&
                      t.HasChildLemma(k, {"case"}, {"of"}) &&
                      !OrgAt(t, k).empty();
    if (!organisation) return true;
  }
  return false;
}

// States (by the country part of the code) and intergovernmental
// organisations; any actor when no countries are given.
bool Extractor::IsParty(std::string_view code) const {
  if (countries_.empty()) return !code.empty();
  if (code.size() < 3) return false;
  if (code.substr(0, 3) == "IGO") return true;
  return std::binary_search(countries_.begin(), countries_.end(),
                            code.substr(0, 3));
}

std::string Extractor::Code(const Tree& t, uint32_t i) const {
  std::string code = CodeOf(t.abs(i));
  if (!code.empty()) return code;
  // An acronym defined earlier in parentheses: "Grand National Assembly
  // (TBMM)" lets a later "TBMM" be coded as the full name.
  std::string_view word = t.text(i);
  if (word.size() < 2 || !std::all_of(word.begin(), word.end(),
                                      [](char c) { return std::isupper(c); }))
    return "";
  for (uint32_t k = 2; k < doc_.tokens.size(); ++k) {
    if (doc_.TokenText(doc_.tokens[k]) != word) continue;
    if (k + 1 >= doc_.tokens.size()) break;
    if (doc_.tokens[k - 1].norm != "(" || doc_.tokens[k + 1].norm != ")")
      continue;
    return CodeOf(k - 2);
  }
  return "";
}

// Codes of the actors a phrase names: its head and its conjuncts.
std::vector<std::string> Extractor::CodesWithConjuncts(const Tree& t,
                                                       uint32_t i) const {
  std::vector<std::string> out;
  std::string c = Code(t, i);
  if (!c.empty()) out.push_back(c);
  for (uint32_t k : t.kids(i))
    if (t.rel(k) == "conj") {
      std::string ck = Code(t, k);
      if (!ck.empty()) out.push_back(ck);
    }
  // "the foreign ministers of Armenia and Azerbaijan": the states the
  // role noun's "of" phrase names, when it names several.
  for (uint32_t k : t.kids(i)) {
    if (!t.rel(k).starts_with("nmod") ||
        !t.HasChildLemma(k, {"case"}, {"of"}) || t.Child(k, {"conj"}) < 0)
      continue;
    for (uint32_t c : t.kids(k))
      if (t.rel(c) == "conj")
        if (std::string cc = Code(t, c); !cc.empty()) {
          std::string first = Code(t, k);
          if (!first.empty() &&
              std::find(out.begin(), out.end(), first) == out.end())
            out.push_back(first);
          if (std::find(out.begin(), out.end(), cc) == out.end())
            out.push_back(cc);
        }
  }
  return out;
}

// A state by its three letters, an organisation by six ("IGOEUR").
std::string Extractor::Party(const std::string& code) {
  bool org = code.starts_with("IGO") || code.starts_with("NGO") ||
             code.starts_with("IMG") || code.starts_with("MNC");
  return code.substr(0, std::min<size_t>(org ? 6 : 3, code.size()));
}

void Extractor::AddParties(std::vector<std::string>& parties,
                           const std::vector<std::string>& codes) const {
  for (const auto& c : codes) {
    if (!IsParty(c)) continue;
    std::string p = Party(c);
    if (p.size() >= 3 &&
        std::find(parties.begin(), parties.end(), p) == parties.end())
      parties.push_back(p);
  }
}

// "the three countries", "both sides": the states named before it in
// the sentence, when they are exactly that many ("Turkey lifted its
// objections to Finland and Sweden joining NATO, after the three
// countries signed a memorandum"); else none.
std::vector<std::string> Extractor::CountedStates(const Tree& t,
                                                  uint32_t subj) const {
  if (!In(t.lemma(subj), {"country", "nation", "state", "side", "government",
                          "neighbour", "neighbor"}))
    return {};
  static const std::pair<std::string_view, size_t> kCounts[] = {
      {"both", 2}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5},
      {"2", 2},    {"3", 3},   {"4", 4},     {"5", 5}};
  size_t want = 0;
  for (uint32_t k : t.kids(subj))
    for (const auto& [word, n] : kCounts)
      if ((t.rel(k) == "nummod" || t.rel(k) == "det") && t.lemma(k) == word)
        want = n;
  if (want == 0) return {};
  std::vector<std::string> states;
  for (uint32_t i = 0; i < subj; ++i) {
    std::string code = Code(t, i);
    if (code.size() < 3 || !IsParty(code) || code.starts_with("IGO")) continue;
    std::string p = Party(code);
    if (!Contains(states, p)) states.push_back(p);
  }
  if (states.size() == want) return states;
  // Else the last states the report named together, when they were that
  // many ("Iran and Saudi Arabia agreed ... The two countries also
  // pledged").
  for (auto g = named_groups_.rbegin(); g != named_groups_.rend(); ++g)
    if (g->size() == want) return *g;
  return {};
}

// Remembers each coordination of states in the sentence ("Iran and Saudi
// Arabia", "the United States, Britain and Australia") for a later "the
// two countries", "the three nations" of the report.
void Extractor::RememberStatePairs(const Tree& t) {
  for (uint32_t i = 0; i < t.size(); ++i) {
    if (t.rel(i) == "conj") continue;  // a conjunct, seen with its head
    std::vector<std::string> group;
    auto add = [&](uint32_t k) {
      std::string code = Code(t, k);
      if (code.size() < 3 || !IsParty(code) || code.starts_with("IGO")) return;
      std::string p = Party(code);
      if (!Contains(group, p)) group.push_back(p);
    };
    add(i);
    if (group.empty()) continue;
    for (uint32_t k : t.kids(i))
      if (t.rel(k) == "conj") add(k);
    if (group.size() >= 2) named_groups_.push_back(std::move(group));
  }
}

bool Extractor::Contains(const std::vector<std::string>& v,
                         const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// The parties named in the "for ..." phrase of verb `v`.
std::vector<std::string> Extractor::EntryForParties(const Tree& t,
                                                    uint32_t v) const {
  // (The parse may hang the phrase on the date or on "effect".)
  std::vector<std::string> out;
  uint32_t vf, vl;
  t.Range(v, &vf, &vl);
  for (uint32_t c = v + 1; c <= vl; ++c) {
    if (t.lemma(c) != "for" || t.rel(c) != "case" || t.head(c) < 0) continue;
    uint32_t f, l;
    t.Range(static_cast<uint32_t>(t.head(c)), &f, &l);
    for (uint32_t i = std::max(f, c); i <= l; ++i)
      AddParties(out, {Code(t, i)});
  }
  return out;
}

}  // namespace curlew::ledger_extract
