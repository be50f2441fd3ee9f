#include "actors/residence.h"

#include <algorithm>
#include <array>
#include <map>
#include <string>

#include "actors/country_codes.h"
#include "syntax/tree.h"

namespace curlew {

namespace {

// The top-level religion codes of CAMEO's Religious Coding System (its
// sub-codes, "MOSSHI", "CHRCTH", start with one of them).
bool IsReligion(std::string_view three) {
  static constexpr std::array<std::string_view, 12> kReligions = {
      "MOS", "CHR", "JEW", "BUD", "HIN", "SIK",
      "JAN", "BAH", "ZRO", "TAO", "SHN", "CON"};
  return std::find(kReligions.begin(), kReligions.end(), three) !=
         kReligions.end();
}

std::string_view Owner(const std::string& code) {
  return code.size() >= 3 ? std::string_view(code).substr(0, 3)
                          : std::string_view();
}

bool NamesState(const ActorMention& m) {
  return !m.agent_only && IsStateCode(Owner(m.code));
}

bool IsEthnicWord(const Token& t) {
  return t.norm == "ethnic" || t.norm == "Ethnic";
}

// "ethnic Albanians": a state's demonym read as a people.
bool IsEthnicDemonym(const Document& doc, const Sentence& s,
                     const ActorMention& m) {
  if (m.code.size() != 3 || !IsStateCode(m.code)) return false;
  for (uint32_t t = m.token_begin; t < m.head; ++t)
    if (IsEthnicWord(doc.tokens[t])) return true;
  return m.token_begin > s.token_begin &&
         IsEthnicWord(doc.tokens[m.token_begin - 1]);
}

// True if the word at `t` is introduced by "in", "of" or "from": a
// phrase that says where a group lives, not "on the Thai border".
bool SaysWhere(const Document& doc, const Sentence& s, uint32_t t) {
  for (uint32_t c = s.token_begin; c < s.token_end; ++c) {
    const Token& tok = doc.tokens[c];
    if (tok.head > 0 &&
        s.token_begin + static_cast<uint32_t>(tok.head - 1) == t &&
        DecodeDepRel(tok.deprel) == DepRel::kCase)
      return tok.lemma == "in" || tok.lemma == "of" || tok.lemma == "from";
  }
  return false;
}

// True if token `t` hangs below `head` through "in"/"of"/"from" phrases
// and participles ("Albanians of southern Serbia", "a newspaper based in
// east Beirut"), at most four steps up; `direct`: one "in"/"of" phrase
// only.
bool HangsBelow(const Document& doc, const Sentence& s, uint32_t t,
                uint32_t head, bool direct) {
  for (int step = 0; step < (direct ? 1 : 4); ++step) {
    const Token& tok = doc.tokens[t];
    if (tok.head <= 0) return false;
    const DepRel r = DecodeDepRel(tok.deprel);
    if (r == DepRel::kNmod || r == DepRel::kObl) {
      if (!SaysWhere(doc, s, t)) return false;
    } else if (direct || (r != DepRel::kAcl && r != DepRel::kAmod &&
                          r != DepRel::kCompound && r != DepRel::kFlat)) {
      return false;
    }
    t = s.token_begin + static_cast<uint32_t>(tok.head - 1);
    if (t == head) return true;
  }
  return false;
}

// True if the word at k.head is itself a state's name ("Serbia"), not a
// place qualified by another state's adjective ("Israeli-occupied West
// Bank").
bool NamedAt(const Document& doc, const ActorMention& k) {
  for (const ActorEntryMatch& e : doc.actor_matches)
    if (e.kind == ActorEntryMatch::Kind::kActor && e.token_begin <= k.head &&
        k.head < e.token_end && e.code.starts_with(Owner(k.code)))
      return true;
  return false;
}

// The states each people with a CAMEO.ECS code of its own belongs to as
// one of the state's constituent peoples, as facts (its homelands, not its
// diaspora): "Karen guerrillas" in a report that names Burma are Burma's
// rebels of Karen ethnicity, as PLOVER codes them (MMR/REB, ethnicity
// kar); in a report naming only Germany they keep their own code. Peoples
// the news treats as stateless nations across borders or as a persecuted
// minority (Kurds, Uighurs, Rohingya, Tibetans) are not listed: their
// code stays in the country's place, as CAMEO writes it.
struct Homeland {
  std::string_view people;
  std::array<std::string_view, 4> states;
};
constexpr std::array<Homeland, 23> kHomelands = {{
    {"TAM", {"LKA", "IND"}},
    {"PUS", {"AFG", "PAK"}},
    {"HAZ", {"AFG"}},
    {"BAL", {"PAK", "IRN"}},
    {"TAT", {"RUS"}},
    {"DRU", {"LBN", "SYR", "ISR"}},
    {"BER", {"DZA", "MAR", "LBY"}},
    {"TMH", {"MLI", "NER", "DZA", "LBY"}},
    {"FUL", {"NGA", "SEN", "GIN", "MLI"}},
    {"HAU", {"NGA", "NER"}},
    {"IBO", {"NGA"}},
    {"YOR", {"NGA", "BEN"}},
    {"HUT", {"BDI", "RWA", "COD"}},
    {"TTS", {"RWA", "BDI", "COD"}},
    {"ORM", {"ETH", "KEN"}},
    {"AMH", {"ETH"}},
    {"TIR", {"ETH", "ERI"}},
    {"KAR", {"MMR", "THA"}},
    {"KAC", {"MMR"}},
    {"KAS", {"IND", "PAK"}},
    {"SIN", {"LKA"}},
    {"ARN", {"CHL", "ARG"}},
    {"MYN", {"MEX", "GTM", "BLZ"}},
}};

const Homeland* HomelandOf(std::string_view people) {
  for (const Homeland& h : kHomelands)
    if (h.people == people) return &h;
  return nullptr;
}

bool LivesIn(const Homeland& h, std::string_view state) {
  return std::find(h.states.begin(), h.states.end(), state) != h.states.end();
}

// The first state among the people's homelands that the sentence names,
// else the first the document names; empty if none.
std::string HomelandNamed(const Document& doc, const ActorMention& m,
                          const Homeland& h) {
  const ActorMention* best = nullptr;
  for (const ActorMention& k : doc.actor_mentions) {
    if (&k == &m || !NamesState(k) || !LivesIn(h, Owner(k.code))) continue;
    if (k.resolution == ActorResolution::kCoreference) continue;
    const bool same = k.sentence == m.sentence;
    const bool best_same = best && best->sentence == m.sentence;
    if (!best || (same && !best_same)) best = &k;
  }
  return best ? std::string(Owner(best->code)) : std::string();
}

// True if every word of the mention before its head is a determiner
// ("the Albanians").
bool OnlyDeterminersBefore(const Document& doc, const ActorMention& m) {
  for (uint32_t t = m.token_begin; t < m.head; ++t)
    if (doc.tokens[t].xpos != "DT") return false;
  return true;
}

}  // namespace

bool IsReligionCode(std::string_view three) { return IsReligion(three); }

void ResolveResidence(Document& doc) {
  std::map<std::string, std::string> renamed;  // old code -> new, for pronouns
  std::vector<ActorMention>& mentions = doc.actor_mentions;
  for (ActorMention& m : mentions) {
    if (m.resolution == ActorResolution::kCoreference) {
      if (auto it = renamed.find(m.code); it != renamed.end())
        m.code = it->second;
      continue;
    }
    if (m.agent_only || m.sentence >= doc.sentences.size()) continue;
    const Sentence& s = doc.sentences[m.sentence];
    if (const Homeland* h = HomelandOf(Owner(m.code))) {
      const std::string state = HomelandNamed(doc, m, *h);
      if (state.empty()) continue;
      const std::string role = m.code.substr(3);
      std::string code = state + (role.empty() ? std::string("CVL") : role) +
                         std::string(h->people);
      renamed[m.code] = code;
      m.code = std::move(code);
      continue;
    }
    const bool community = IsReligion(Owner(m.code));
    const bool ethnic = !community && IsEthnicDemonym(doc, s, m);
    // The plural demonym heads its phrase on its own ("the Albanians of
    // ..."), not "Turkish" in "the Turkish sides of Cyprus".
    const bool demonym =
        !community && !ethnic && m.code.size() == 3 && IsStateCode(m.code) &&
        OnlyDeterminersBefore(doc, m) && m.token_end == m.head + 1 &&
        (doc.tokens[m.head].xpos == "NNPS" || doc.tokens[m.head].xpos == "NNS");
    if (!community && !ethnic && !demonym) continue;
    // The state its own phrase names, else the sentence's first state.
    const ActorMention* own = nullptr;
    const ActorMention* first = nullptr;
    for (const ActorMention& k : mentions) {
      if (k.sentence != m.sentence || &k == &m || !NamesState(k)) continue;
      if (k.resolution == ActorResolution::kCoreference) continue;
      if (k.token_begin < m.token_end && m.token_begin < k.token_end) continue;
      if (!community && Owner(k.code) == Owner(m.code)) continue;
      // A bare demonym takes only a state of its own "of"/"in" phrase, and
      // not where that phrase also names its own people ("Palestinians of
      // the Israeli-occupied West Bank" stay Palestinian).
      bool below = HangsBelow(doc, s, k.head, m.head, demonym);
      if (below && demonym) below = NamedAt(doc, k);
      if (below && demonym)
        for (const ActorMention& j : mentions)
          if (j.sentence == m.sentence && j.head == k.head &&
              Owner(j.code) == Owner(m.code))
            below = false;
      if (!own && below) own = &k;
      if (!first || k.token_begin < first->token_begin) first = &k;
    }
    // The sentence's first state only for a people named as a role of a
    // state's population ("Moslem demonstrators", "Christian militias",
    // "ethnic Albanians"); a bare group ("Chile will not expel Moslems")
    // keeps its own code.
    const bool in_role = ethnic || (community && m.code.size() > 3);
    const ActorMention* home = own ? own : (in_role ? first : nullptr);
    if (!home) continue;
    const std::string country(Owner(home->code));
    std::string code =
        community ? country + m.code : country + std::string("CVL");
    renamed[m.code] = code;
    m.code = std::move(code);
  }
}

}  // namespace curlew
