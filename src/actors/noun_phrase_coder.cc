#include "actors/noun_phrase_coder.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "actors/country_codes.h"

namespace curlew {
namespace {

// An agent-only actor ("government") given the actor of `base` ("Danish"):
// the base's stem with the agent's code.
PhraseActor Composed(const PhraseActor& agent_only, const PhraseActor& base) {
  PhraseActor x = agent_only;
  x.code = base.stem + agent_only.agent;
  x.agent_only = false;
  x.resolution = ActorResolution::kComposed;
  return x;
}

}  // namespace

void NounPhraseCoder::FindMatches(int32_t date) {
  const size_t n = s_.size();
  for (size_t i = 0; i < n;) {
    const bool aside = s_.asides[i];
    if (aside && !opt_.news_conventions) {
      ++i;
      continue;
    }
    std::string code;
    size_t la = actors_.Match(s_.ids, i, date, &code);
    // A personal pronoun is never a name: "attacked us" is not the US.
    if (la > 0 && opt_.news_conventions && IsPronoun(static_cast<int>(i)))
      la = 0;
    const Agent* ag = nullptr;
    size_t lg = agents_.Match(s_.ids, i, &ag);
    // An aside's match must lie wholly in the aside.
    for (size_t t = i; aside && t < i + std::max(la, lg); ++t)
      if (!s_.asides[t]) la = lg = 0;
    if (la == 0 && lg == 0) {
      ++i;
      continue;
    }
    EntryMatch m;
    m.b = static_cast<uint32_t>(i);
    if (la >= lg) {
      m.e = static_cast<uint32_t>(i + la);
      m.code = code;
    } else {
      m.e = static_cast<uint32_t>(i + lg);
      m.agent = ag;
    }
    i = m.e;
    (aside ? aside_matches_ : matches_).push_back(std::move(m));
  }
}

bool NounPhraseCoder::InMatch(int i) const {
  for (const EntryMatch& m : matches_)
    if (static_cast<int>(m.b) <= i && i < static_cast<int>(m.e)) return true;
  return false;
}

NounPhraseCoder::NounPhraseCoder(const ActorDictionary& actors,
                                 const AgentDictionary& agents,
                                 const ActorOptions& options,
                                 const CodingSentence& sentence, int32_t date,
                                 DocumentMemory* memory)
    : actors_(actors),
      agents_(agents),
      opt_(options),
      s_(sentence),
      tree_(sentence.tree),
      upper_(sentence.upper),
      memory_(memory) {
  FindMatches(date);
}

void NounPhraseCoder::CoreTokens(int h, int* lo, int* hi) const {
  for (int c : tree_.kids(h)) {
    DepRel r = Rel(c);
    if (r == DepRel::kCompound || r == DepRel::kAmod || r == DepRel::kDet ||
        r == DepRel::kNummod || r == DepRel::kNmodPoss || r == DepRel::kFlat ||
        r == DepRel::kCase || r == DepRel::kCompoundPrt || r == DepRel::kFlat) {
      if (r == DepRel::kCase && c > h) continue;
      *lo = std::min(*lo, c);
      *hi = std::max(*hi, c);
      CoreTokens(c, lo, hi);
    }
  }
}

// A person's code as the knowledge base gives it: a country and one
// office ("USAGOV", "RUSELI").
bool NounPhraseCoder::IsPersonCode(const std::string& code) {
  if (code.size() != 6 ||
      !IsoCountryCodes().contains(std::string_view(code).substr(0, 3)))
    return false;
  const std::string_view role = std::string_view(code).substr(3);
  return role == "GOV" || role == "ELI" || role == "MIL" || role == "LEG" ||
         role == "JUD" || role == "OPP" || role == "SPY" || role == "COP";
}

bool NounPhraseCoder::IsPronoun(int i) const {
  std::string_view x = Xpos(i);
  return x == "PRP" || x == "PRP$";
}

// The apposition headed by c, its aside's words read too.
std::vector<PhraseActor> NounPhraseCoder::CodeApposition(int c,
                                                         int depth) const {
  const bool before = reading_apposition_;
  reading_apposition_ = true;
  std::vector<PhraseActor> out = Code(c, depth, false, false);
  reading_apposition_ = before;
  return out;
}

// Actors of the noun phrase headed by h, coordinations distributed.
// `pronouns`: whether a possessive pronoun inside may stand for its
// antecedent ("their meeting").
std::vector<PhraseActor> NounPhraseCoder::Code(int h, int depth, bool pronouns,
                                               bool new_actors) const {
  std::vector<PhraseActor> out;
  if (h < 0 || depth > 6) return out;
  if (IsPronoun(h)) return pronouns ? Antecedent(h, depth + 1) : out;
  int lo = h, hi = h;
  CoreTokens(h, &lo, &hi);
  if (memory_ && opt_.news_conventions)
    if (std::vector<PhraseActor> both = BothOf(h, lo, hi); !both.empty())
      return both;
  std::vector<const EntryMatch*> actors, agents;
  for (const EntryMatch& m : matches_) {
    if (static_cast<int>(m.b) < lo || static_cast<int>(m.b) > hi) continue;
    (m.agent ? agents : actors).push_back(&m);
  }
  if (reading_apposition_)
    for (const EntryMatch& m : aside_matches_) {
      if (static_cast<int>(m.b) < lo || static_cast<int>(m.b) > hi) continue;
      (m.agent ? agents : actors).push_back(&m);
    }
  std::vector<PhraseActor> base;
  // One noun phrase, one actor: the first ("Ithilen's minister X"), and
  // those coordinated with it ("X and Y leaders").
  for (const EntryMatch* m : actors) {
    bool take = m == actors[0];
    for (uint32_t t = m->b; t < m->e && !take; ++t)
      if (Rel(t) == DepRel::kConj &&
          tree_.head(t) >= static_cast<int>(actors[0]->b) &&
          tree_.head(t) < static_cast<int>(actors[0]->e))
        take = true;
    if (!take) continue;
    for (const std::string& c : SplitActorCodes(m->code))
      base.push_back({c, m->b, m->e, ActorResolution::kDictionary});
  }
  // Then prepositional phrases, then clauses attached to the noun.
  for (int c : tree_.kids(h)) {
    if (!base.empty()) break;
    if (Rel(c) != DepRel::kNmod) continue;
    // "talks in Kinshasa": where, not who (a role noun keeps its place:
    // "police in Myanmar").
    if (opt_.news_conventions && agents.empty()) {
      int cs = tree_.Child(c, DepRel::kCase);
      if (cs >= 0 && (upper_[cs] == "IN" || upper_[cs] == "AT")) continue;
    }
    base = Code(c, depth + 1, pronouns, false);
  }
  for (int c : tree_.kids(h)) {
    if (!base.empty()) break;
    if (Rel(c) != DepRel::kAcl) continue;
    for (int g : tree_.kids(c)) {
      DepRel r = Rel(g);
      if (r == DepRel::kNsubj || r == DepRel::kNsubjPass || r == DepRel::kObj ||
          (r == DepRel::kObl || r == DepRel::kOblAgent)) {
        if (Xpos(g) == "WDT" || Xpos(g) == "WP") continue;
        base = Code(g, depth + 1, false);
        if (!base.empty()) break;
      }
    }
  }
  if (base.empty() && pronouns) {
    for (int i = lo; i <= hi && base.empty(); ++i)
      if (i != h && Xpos(i) == "PRP$") base = Antecedent(i, depth + 1);
  }
  // "Dirichati, the spokesman of X": the apposition names the actor.
  if (base.empty() && agents.empty() && opt_.news_conventions)
    for (int c : tree_.kids(h))
      if (Rel(c) == DepRel::kAppos && base.empty()) {
        base = CodeApposition(c, depth + 1);
        for (PhraseActor& a : base) a.resolution = ActorResolution::kApposition;
        if (memory_ && !base.empty() && !base[0].agent_only &&
            Xpos(h).starts_with("NNP"))
          memory_->RememberName(upper_[h], base[0].code);
        for (PhraseActor& a : base) {
          a.begin = std::min<uint32_t>(a.begin, lo);
          a.end = std::max<uint32_t>(a.end, hi + 1);
        }
      }
  // "Qatar's emir, Sheikh Hamad ...", "the emir, Sheikh Hamad ...": a role
  // without a country beside a person the dictionary knows is that
  // person (the role's agent is then composed with the person's country).
  if (base.empty() && !agents.empty() && opt_.news_conventions)
    for (int c : tree_.kids(h)) {
      if (Rel(c) != DepRel::kAppos || !Xpos(c).starts_with("NNP")) continue;
      std::vector<PhraseActor> person = CodeApposition(c, depth + 1);
      if (person.empty() || person[0].agent_only ||
          !IsPersonCode(person[0].code))
        break;
      for (PhraseActor& a : person) {
        // The role says the office: a person the dictionary has out of
        // office on the date is not an elite here (as "President X").
        if (a.code.ends_with("ELI")) a.code.resize(3);
        a.stem = a.code.substr(0, 3);
        a.resolution = ActorResolution::kApposition;
        a.begin = std::min<uint32_t>(a.begin, lo);
        a.end = std::max<uint32_t>(a.end, hi + 1);
      }
      base = std::move(person);
      break;
    }
  // "Kenzo Oshima, the UN relief coordinator": a person the dictionary
  // knows only as an elite of his country (out of office on the date), or
  // any name beside an organisation's office, is coded by the office the
  // apposition gives him.
  if (!base.empty() && agents.empty() && opt_.news_conventions &&
      Xpos(h).starts_with("NNP") &&
      base[0].resolution == ActorResolution::kDictionary)
    for (int c : tree_.kids(h)) {
      if (Rel(c) != DepRel::kAppos) continue;
      std::vector<PhraseActor> office = CodeApposition(c, depth + 1);
      if (office.empty() || office[0].agent_only) break;
      const bool elite = base[0].code.ends_with("ELI");
      const std::string_view owner(office[0].code.data(),
                                   std::min<size_t>(3, office[0].code.size()));
      if (!elite && owner != "IGO" && owner != "NGO") break;
      for (PhraseActor& a : office) {
        a.resolution = ActorResolution::kApposition;
        a.begin = std::min<uint32_t>(a.begin, lo);
        a.end = std::max<uint32_t>(a.end, hi + 1);
      }
      base = std::move(office);
      if (memory_) memory_->RememberName(upper_[h], base[0].code);
      break;
    }
  // A person the dictionary codes by office ("Putin" RUSGOV) is the
  // holder a later "the president" means.
  if (memory_ && opt_.news_conventions && !base.empty() && agents.empty() &&
      Xpos(h).starts_with("NNP") && IsPersonCode(base[0].code))
    memory_->RememberHolder(base[0].code.substr(3, 3), base[0].code);
  // A person's name seen earlier with a code ("Cavusoglu").
  if (base.empty() && agents.empty() && memory_) {
    for (int i = lo; i <= hi && base.empty(); ++i) {
      if (!Xpos(i).starts_with("NNP")) continue;
      bool close = false;
      const std::string* code = memory_->FindName(upper_[i], &close);
      if (code)
        base.push_back(
            {*code, static_cast<uint32_t>(lo), static_cast<uint32_t>(hi + 1),
             close ? ActorResolution::kAlias : ActorResolution::kMemory});
    }
  }
  std::string prefix, suffix, last_agent;
  for (const EntryMatch* m : agents) {
    if (m->agent->prefix)
      prefix += m->agent->code;
    else
      suffix += m->agent->code, last_agent = m->agent->code;
  }
  if (!base.empty()) {
    // "former"/"ousted" before a person's title: out of office.
    bool former = false;
    for (int i = lo; i <= hi; ++i)
      former |= upper_[i] == "FORMER" || upper_[i] == "OUSTED" ||
                upper_[i] == "DEPOSED";
    for (PhraseActor& a : base) {
      // A person with a title: the person's country and the title's role
      // ("President Biden" when the knowledge base has him out of office:
      // USAGOV, not USAELIGOV), or the elite for a "former" one.
      if (opt_.news_conventions && !agents.empty() &&
          a.resolution == ActorResolution::kDictionary &&
          IsPersonCode(a.code)) {
        if (former) {
          a.code = a.code.substr(0, 3) + "ELI";
          a.stem = a.code.substr(0, 3);
          a.resolution = ActorResolution::kComposed;
          a.begin = std::min<uint32_t>(a.begin, lo);
          a.end = std::max<uint32_t>(a.end, hi + 1);
          out.push_back(std::move(a));
          continue;
        }
        if (a.code.ends_with("ELI")) a.code.resize(3);
      }
      // An agent already in the actor's code is not added again.
      std::string code = a.code;
      std::string stem;
      for (const EntryMatch* m : agents) {
        const std::string& ac = m->agent->code;
        if (code.find(ac) != std::string::npos) continue;
        if (m->agent->prefix)
          code = ac + code;
        else {
          if (m->agent->code == last_agent) stem = code;
          code += ac;
        }
      }
      if (code != a.code && a.resolution == ActorResolution::kDictionary)
        a.resolution = ActorResolution::kComposed;
      a.stem = stem.empty() ? a.code : stem;
      a.code = code;
      // Names beside an actor and a role are that person's
      // ("Turkish Foreign Minister Mevlut Cavusoglu").
      if (memory_ && !agents.empty())
        for (int i = lo; i <= hi; ++i) {
          if (!Xpos(i).starts_with("NNP")) continue;
          // ... and a later "the minister" is that person too.
          if (!last_agent.empty()) memory_->RememberHolder(last_agent, code);
          if (!InMatch(i)) memory_->RememberName(upper_[i], code);
        }
      a.begin = std::min<uint32_t>(a.begin, lo);
      a.end = std::max<uint32_t>(a.end, hi + 1);
      out.push_back(std::move(a));
    }
  } else if (!agents.empty()) {
    PhraseActor a{"---" + prefix + suffix, static_cast<uint32_t>(lo),
                  static_cast<uint32_t>(hi + 1), ActorResolution::kDictionary};
    a.agent_only = true;
    a.agent = last_agent.empty() ? prefix : last_agent;
    a.prefix_agents = prefix;
    a.suffix_agents = suffix;
    // "Western ambassadors", "foreign journalists": someone else's, never
    // the document's country.
    for (int i = lo; i <= hi; ++i)
      if (upper_[i] == "FOREIGN" || upper_[i] == "WESTERN" ||
          upper_[i] == "OVERSEAS" || upper_[i] == "INTERNATIONAL" ||
          upper_[i] == "EXPATRIATE")
        a.foreign = true;
    // "Turkish Foreign Minister Ali Demirtas" with "Turkish" parsed as
    // a stray modifier: an actor mention right before the phrase is its
    // actor.
    const EntryMatch* m =
        opt_.news_conventions ? StrayActorBefore(lo) : nullptr;
    if (std::string actor = m ? FirstActorCode(m->code) : ""; !actor.empty()) {
      a.stem = actor;
      a.code = prefix + actor +
               (actor.find(suffix) == std::string::npos ? suffix : "");
      a.agent_only = false;
      a.resolution = ActorResolution::kComposed;
      a.begin = m->b;
    } else if (memory_ && opt_.news_conventions && Xpos(h) == "NN" &&
               !last_agent.empty()) {
      // "the minister" after a named minister: that holder. Only a
      // definite, singular, unnamed role ("a minister", "ministers" and
      // "Minister Gia" are someone else).
      int det = tree_.Child(h, DepRel::kDet);
      bool named = false;
      for (int i = lo; i <= hi; ++i) named |= Xpos(i).starts_with("NNP");
      const std::string* holder = memory_->Holder(last_agent);
      if (holder && !named && det >= 0 && upper_[det] == "THE") {
        a.code = *holder;
        a.stem = holder->substr(0, holder->size() - last_agent.size());
        a.agent_only = false;
        a.resolution = ActorResolution::kCoreference;
      }
    }
    out.push_back(std::move(a));
  } else if (opt_.new_actor_length > 0 && new_actors && !IsPronoun(h) &&
             Xpos(h).starts_with("NN")) {
    // PETRARCH's new_actor_length: an uncoded noun phrase of a few words
    // is coded by its own text (with its "of" phrases).
    int nlo = lo, nhi = hi;
    for (int c : tree_.kids(h)) {
      if (Rel(c) != DepRel::kNmod) continue;
      int a = c, b = c;
      tree_.SubtreeRange(c, &a, &b);
      nlo = std::min(nlo, a);
      nhi = std::max(nhi, b);
    }
    std::string text;
    int words = 0, first_word = nlo;
    for (int i = nlo; i <= nhi; ++i) {
      if (Xpos(i) == "POS" || (Rel(i) == DepRel::kCase && tree_.head(i) == h) ||
          std::ispunct(static_cast<unsigned char>(upper_[i][0])))
        continue;
      if (!text.empty()) text += ' ';
      text += upper_[i];
      if (words++ == 0) first_word = i;
    }
    if (words > 0 && words <= opt_.new_actor_length)
      out.push_back({text, static_cast<uint32_t>(first_word),
                     static_cast<uint32_t>(nhi + 1),
                     ActorResolution::kNewActor});
  }
  std::vector<PhraseActor> first = out;
  // Conjuncts of the phrase; with news conventions also those a parse
  // hangs on a word inside the phrase's actor name ("the People's
  // Republic of China and the Republic of Turkey" with the second
  // Republic on "China").
  std::vector<int> conjuncts(tree_.kids(h).begin(), tree_.kids(h).end());
  if (opt_.news_conventions && !actors.empty()) {
    const EntryMatch& m = *actors[0];
    for (uint32_t t = m.b; t < m.e; ++t) {
      if (static_cast<int>(t) == h) continue;
      for (int c : tree_.kids(t))
        if (Rel(c) == DepRel::kConj &&
            (c < static_cast<int>(m.b) || c >= static_cast<int>(m.e)))
          conjuncts.push_back(c);
    }
  }
  for (int c : conjuncts) {
    if (Rel(c) != DepRel::kConj) continue;
    std::vector<PhraseActor> more = Code(c, depth + 1, pronouns);
    for (PhraseActor& m : more) {
      // "Danish media and government": an agent-only conjunct takes the
      // actor of its sibling.
      if (m.agent_only && !first.empty() && !first[0].agent_only) {
        for (const PhraseActor& f : first) out.push_back(Composed(m, f));
        continue;
      }
      out.push_back(std::move(m));
    }
  }
  // An agent-only head conjunct takes the actors of a later sibling:
  // "lawmakers and officials in X" -> X's codes for both.
  if (!first.empty() && first[0].agent_only) {
    std::vector<PhraseActor> bases;
    for (const PhraseActor& o : out)
      if (!o.agent_only) bases.push_back(o);
    if (!bases.empty()) {
      std::vector<PhraseActor> fixed;
      for (const PhraseActor& o : out) {
        if (!o.agent_only) {
          fixed.push_back(o);
          continue;
        }
        for (const PhraseActor& b : bases) fixed.push_back(Composed(o, b));
      }
      out = std::move(fixed);
    }
  }
  return out;
}

// An actor mention (not an agent) that ends right at token `lo` and is
// no argument of its own ("Turkish" parsed as a modifier of the verb).
const EntryMatch* NounPhraseCoder::StrayActorBefore(int lo) const {
  for (const EntryMatch& m : matches_) {
    if (m.agent || static_cast<int>(m.e) != lo || s_.asides[m.b]) continue;
    const DepRel r = Rel(m.e - 1);
    if (r == DepRel::kNsubj || r == DepRel::kNsubjPass || r == DepRel::kObj ||
        r == DepRel::kIobj || r == DepRel::kObl || r == DepRel::kNmod ||
        r == DepRel::kConj)
      return nullptr;
    return &m;
  }
  return nullptr;
}

std::vector<PhraseActor> NounPhraseCoder::Antecedent(int p, int depth) const {
  if (depth > 6) return {};
  for (int v = tree_.ClauseOf(p), guard = 0; v >= 0 && guard < 50;
       v = tree_.ClauseOf(v), ++guard) {
    int subj = tree_.Subject(v);
    if (subj >= 0 && !tree_.Dominates(subj, p) && !IsPronoun(subj)) {
      std::vector<PhraseActor> out = Code(subj, depth + 1);
      for (PhraseActor& a : out) a.resolution = ActorResolution::kCoreference;
      return out;
    }
    if (tree_.head(v) < 0) break;
  }
  // "He stressed ...": the last actor of the sentences before that the
  // pronoun can stand for: "he"/"she" a person (a code with a role), "it"
  // a state or organisation itself, "they"/"we" any.
  if (!memory_) return {};
  const std::string& w = upper_[p];
  const std::string* code = nullptr;
  if (w == "HE" || w == "SHE" || w == "HIS" || w == "HER")
    code = &memory_->last_personal();
  else if (opt_.news_conventions && (w == "IT" || w == "ITS"))
    code = &memory_->last_neuter();
  else if (w == "WE" || w == "THEY" || w == "THEIR" || w == "OUR")
    code = &memory_->last_subject();
  if (code && !code->empty())
    return {PhraseActor(*code, static_cast<uint32_t>(p),
                        static_cast<uint32_t>(p + 1),
                        ActorResolution::kCoreference)};
  return {};
}

// "the two leaders", "both sides", "the two countries": the two actors
// named last in the document (their countries for "countries", "nations",
// "states").
std::vector<PhraseActor> NounPhraseCoder::BothOf(int h, int lo, int hi) const {
  static const char* const kPairs[] = {"LEADERS",     "SIDES",      "COUNTRIES",
                                       "NATIONS",     "STATES",     "PARTIES",
                                       "GOVERNMENTS", "PRESIDENTS", "MINISTERS",
                                       "NEIGHBOURS",  "NEIGHBORS"};
  const std::string& w = upper_[h];
  if (std::none_of(std::begin(kPairs), std::end(kPairs),
                   [&](const char* p) { return w == p; }))
    return {};
  bool two = false;
  for (int c : tree_.kids(h))
    two |= c < h && (upper_[c] == "TWO" || upper_[c] == "BOTH");
  if (!two) return {};
  const bool countries = w == "COUNTRIES" || w == "NATIONS" || w == "STATES";
  std::vector<std::string> picked;
  const std::vector<std::string>& recent = memory_->recent();
  for (auto it = recent.rbegin(); it != recent.rend() && picked.size() < 2;
       ++it) {
    std::string code = *it;
    if (countries) {
      if (code.size() < 3 ||
          !IsoCountryCodes().contains(std::string_view(code).substr(0, 3)))
        continue;
      code.resize(3);
    }
    if (std::find(picked.begin(), picked.end(), code) == picked.end())
      picked.push_back(code);
  }
  if (picked.size() < 2) return {};
  std::vector<PhraseActor> out;
  for (auto it = picked.rbegin(); it != picked.rend(); ++it)
    out.emplace_back(*it, static_cast<uint32_t>(lo),
                     static_cast<uint32_t>(hi + 1),
                     ActorResolution::kCoreference);
  return out;
}

void NounPhraseCoder::RememberSubject(
    const std::vector<std::vector<PhraseActor>>& coded) const {
  if (!memory_) return;
  for (size_t i = 0; i < s_.size(); ++i) {
    if (tree_.head(i) >= 0) continue;
    int subj = tree_.Subject(static_cast<int>(i));
    if (subj < 0) continue;
    for (const PhraseActor& a : coded[subj])
      if (!a.agent_only) {
        memory_->set_last_subject(a.code);
        return;
      }
    // "Someone Unknown said ...": a later "he" is not the earlier actor.
    if (subj >= 0 && Xpos(subj).starts_with("NNP"))
      memory_->set_last_subject("");
  }
}

}  // namespace curlew
