// The agreement mentions of a sentence: an agreement noun (or a known
// name, or a pronoun after one) with its name, kind, parties and the step
// its verb reports, the steps its attributes tell, and ceasefires the
// text describes without naming them.

#include "ledger/extractor.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "ledger/agreement_words.h"
#include "ledger/clauses.h"
#include "ledger/steps.h"
#include "ledger/titles.h"

namespace curlew::ledger_extract {

// "from the fisheries accord" with "accord" tagged as a verb: a word of
// the agreement list that ends a determiner-led run of nouns is that
// phrase's noun. Returns the noun of the run that holds the phrase's
// place in the tree ("fisheries", obl of "withdrew"), or -1.
int Extractor::MistaggedAgreementNoun(const Tree& t, uint32_t n,
                                      uint32_t* first) {
  if (n < 2 || t.tok(n).upos != "VERB") return -1;
  // ("deal" is left out: as a verb it is common.)
  const std::string& l = t.lemma(n);
  if (l == "deal" || !IsAgreementWord(l)) return -1;
  uint32_t q = n;
  while (q > 0) {
    const std::string& up = t.tok(q - 1).upos;
    if (up != "NOUN" && up != "PROPN" && up != "ADJ") break;
    --q;
  }
  if (q == n || q == 0 || t.tok(q - 1).upos != "DET") return -1;
  *first = q - 1;
  for (uint32_t i = q; i < n; ++i) {
    int h = t.head(i);
    if (h < static_cast<int>(q - 1) || h > static_cast<int>(n))
      return static_cast<int>(i);
  }
  return -1;
}

void Extractor::Agreements(const Tree& t, uint32_t s, LedgerInput& in) {
  for (uint32_t n = 0; n < t.size(); ++n) {
    bool pronoun = false;
    // An agreement word tagged as a verb: the noun before it holds the
    // phrase's place in the tree.
    uint32_t run_first = 0;
    const int anchor = MistaggedAgreementNoun(t, n, &run_first);
    Accession acc;
    const bool accession = anchor < 0 && AccessionPhrase(t, s, n, &acc);
    if (anchor < 0 && !accession && !IsAgreementNoun(t, n) &&
        !KnownName(t, n)) {
      // "ratified it", "ratify them": a pronoun object of a step verb,
      // once an agreement has been named in the document.
      if (!seen_agreement_ || !In(t.lemma(n), {"it", "they"})) continue;
      if (t.lemma(n) == "they" && t.rel(n) != "obj") continue;
      StepVerb sv = StepFor(t, n);
      if (!sv.found) continue;
      pronoun = true;
      // "them" after "accession protocols for Finland and Sweden": each.
      if (t.lemma(n) == "they") acc.names = last_group_;
    } else if (!accession && t.tok(n).xpos != "NNS") {
      // A single agreement named: "it", "them" no longer mean the group
      // ("the protocols" still may).
      last_group_.clear();
    }
    // "the Gaza ceasefire and hostage release agreement": a modifier of
    // another agreement noun is read with that noun's phrase.
    if (!pronoun && anchor < 0 && t.rel(n) == "compound" && t.head(n) >= 0 &&
        IsAgreementNoun(t, static_cast<uint32_t>(t.head(n))))
      continue;
    // "An earlier ceasefire", "the previous deal": another agreement
    // than the one the report is about, which the text does not
    // identify; it is not recorded.
    if (!pronoun &&
        t.HasChildLemma(n, {"amod"},
                        {"early", "earlier", "previous", "prior", "former"}))
      continue;
    AgreementMention m;
    m.source = SourceRef{doc_.id, s, in.sentences[s]};
    const uint32_t place = anchor >= 0 ? static_cast<uint32_t>(anchor) : n;
    uint32_t first = run_first, last = n;
    if (anchor < 0) {
      t.Range(n, &first, &last);
      if (!pronoun) QuotedTitle(t, n, first, &last);
    }
    if (!pronoun) {
      seen_agreement_ = true;
      // A known title is the name as listed ("New START", not "New
      // START in Prague"); else the title the phrase gives.
      if (!IsAgreementNoun(t, n) && KnownName(t, n))
        for (uint32_t f = n + 1; f-- > 0 && n - f < 6;)
          if (t.tok(f).upos != "DET" && aliases_->Knows(t.SpanText(f, n)))
            m.name = t.SpanText(f, n);
      if (m.name.empty()) m.name = FormalName(t, n, first, last);
      if (m.name.empty()) m.name = ModifierTitle(t, n);
      // ("the Gaza ceasefire and hostage release agreement")
      for (uint32_t k : t.kids(n))
        if (m.name.empty() && t.rel(k) == "compound" && IsAgreementNoun(t, k))
          m.name = ModifierTitle(t, k);
      if (std::string called = CalledTitle(t, n); !called.empty()) {
        m.name = called;
        called_title_ = called;
      }
      if (m.name.empty()) m.description = Description(t, n);
      m.distinct = t.HasChildLemma(n, {"amod", "det"}, {"separate", "another"});
      m.multilateral = SpeaksOfMembers(t);
      // Kind, parties: from the words of the phrase. In a title the words
      // before the noun name the agreement, not its parties ("the Paris
      // Agreement", "the Windsor Framework"); those after it may ("the
      // Treaty on Extradition between China and Turkey").
      if (const char* k = KindOf(t.lemma(n))) m.kind = k;
      // A memorandum or declaration is a form: "a joint declaration" is
      // a new text of that form, "the declaration" may be the accords
      // the report is about, whatever their subject.
      if (In(m.kind, {"memorandum", "declaration"}) &&
          !t.HasChildLemma(n, {"det"}, {"a", "an"}))
        m.kind.clear();
      // "agreed to normalise relations in a deal": the sentence's verb
      // of normalisation gives the kind.
      for (uint32_t i = 0; i < t.size() && m.kind.empty(); ++i)
        if (t.lemma(i).starts_with("normalis") ||
            t.lemma(i).starts_with("normaliz"))
          m.kind = "normalisation";
      // After the noun, only a "between", "among" or "with" phrase names
      // parties ("signed the agreement at United Nations headquarters"
      // names a place).
      std::vector<bool> party_words(t.size(), false);
      for (uint32_t k : t.kids(n))
        if ((t.rel(k).starts_with("nmod") || t.rel(k).starts_with("obl")) &&
            t.HasChildLemma(k, {"case"}, {"between", "among", "with"})) {
          uint32_t f, l;
          t.Range(k, &f, &l);
          for (uint32_t i = f; i <= l; ++i) party_words[i] = true;
        } else if (t.rel(k).starts_with("acl") &&
                   In(t.lemma(k), {"allow", "permit", "enable", "oblige",
                                   "require", "commit", "bind"})) {
          // "a pact allowing Australia, Britain and the United States to
          // exchange ...": those it allows are its parties.
          uint32_t f, l;
          t.Range(k, &f, &l);
          for (uint32_t i = k + 1; i <= l && t.lemma(i) != "to"; ++i)
            party_words[i] = true;
        }
      for (uint32_t i = first; i <= last; ++i) {
        if (i == n) continue;
        if (m.kind.empty())
          if (const char* k = KindOf(t.lemma(i))) m.kind = k;
        if (!m.name.empty() && i < n) continue;
        if (i > n && !party_words[i]) continue;
        const std::string& upos = t.tok(i).upos;
        if (upos == "PROPN" || upos == "ADJ" || upos == "NOUN" || upos.empty())
          AddParties(m.parties, {Code(t, i)});
      }
    }
    std::vector<std::string> each_actor;  // a joint step of these
    StepVerb sv = StepFor(t, place);
    if (!sv.found) sv = EntryIntoForceModifier(t, place);
    if (!sv.found) sv = RootSubjectStep(t, place);
    if (sv.found && !IsNonFactual(t, sv.verb)) {
      uint32_t v = sv.verb;
      m.has_step = true;
      m.step = sv.step;
      m.negated = IsNegated(t, v) || YetTo(t, v);
      // Who took the step: the subject, or the by-agent of a passive.
      int subj = sv.subj;
      if (subj >= 0) {
        // (a subject the parse left outside the verb's clause)
      } else if (t.rel(place) == "nsubj:pass") {
        for (uint32_t k : t.kids(v))
          if (t.rel(k).substr(0, 3) == "obl" &&
              t.HasChildLemma(k, {"case"}, {"by"}))
            subj = static_cast<int>(k);
      } else if (m.step != StepKind::kEnteredIntoForce) {
        subj = t.Child(v, {"nsubj"});
        // The subject of a conjoined clause's first verb ("signed and
        // ratified").
        // ("voted to ratify": the subject of the governing verb.)
        // ("voted ... to ratify" parsed as an adverbial clause.)
        const bool to_clause =
            t.rel(v) == "advcl" && t.HasChildLemma(v, {"mark"}, {"to"});
        if (subj < 0 &&
            (t.rel(v) == "conj" || t.rel(v) == "xcomp" || to_clause) &&
            t.head(v) >= 0)
          subj = t.Child(static_cast<uint32_t>(t.head(v)), {"nsubj"});
        // "Canada became the first member to ratify them", "Canada was
        // the first to ratify it": the subject of the copular clause.
        if (subj < 0 && t.rel(v).starts_with("acl") && t.head(v) >= 0) {
          const uint32_t h = static_cast<uint32_t>(t.head(v));
          subj = t.Child(h, {"nsubj"});
          if (subj < 0 && (t.rel(h) == "obj" || t.rel(h) == "xcomp") &&
              t.head(h) >= 0 &&
              In(t.lemma(static_cast<uint32_t>(t.head(h))),
                 {"become", "be", "remain"}))
            subj = t.Child(static_cast<uint32_t>(t.head(h)), {"nsubj"});
        }
      }
      // (The agreement itself as the subject, "the agreements no longer
      // existed", names no actor.)
      if (subj == static_cast<int>(place)) subj = -1;
      std::vector<std::string> actors;
      bool counted = false;  // "the three countries": exactly those
      // "Russia's withdrawal", "the withdrawal of the United States".
      if (subj >= 0 &&
          In(t.lemma(static_cast<uint32_t>(subj)), {"withdrawal", "exit"}))
        for (uint32_t k : t.kids(static_cast<uint32_t>(subj)))
          if (t.rel(k) == "nmod:poss" || (t.rel(k).starts_with("nmod") &&
                                          t.HasChildLemma(k, {"case"}, {"of"})))
            subj = static_cast<int>(k);
      if (subj >= 0) {
        actors = CodesWithConjuncts(t, static_cast<uint32_t>(subj));
        if (actors.empty()) {
          actors = CountedStates(t, static_cast<uint32_t>(subj));
          counted = !actors.empty();
        }
        m.actor_text = t.SubtreeText(static_cast<uint32_t>(subj));
        // A parser may split one subject into two ("The Standing
        // Committee | of the National People's Congress", "Israel, | the
        // United Arab Emirates and Bahrain"): the other subjects of the
        // verb name actors too.
        for (uint32_t k : t.kids(v)) {
          if (static_cast<int>(k) == subj || t.rel(k) != "nsubj") continue;
          std::vector<std::string> more = CodesWithConjuncts(t, k);
          if (actors.empty() && !more.empty()) m.actor_text = t.SubtreeText(k);
          for (std::string& c : more)
            if (std::find(actors.begin(), actors.end(), c) == actors.end())
              actors.push_back(std::move(c));
        }
      }
      // Else the source the coder gave the event of this verb; and when
      // the parse found part of the subject, the other states the coder
      // gave as sources of this verb's events ("Bolivian President Luis
      // Arce and Peruvian President Dina Boluarte signed", a parse that
      // hung the first name elsewhere); not beside a counted phrase
      // ("the three countries" are exactly those). A source in whose words
      // the actors stage found no actor ("Negotiators", "Separatist
      // forces") names no state: a country the events stage gave it from
      // elsewhere in the sentence is not the text's.
      if (m.step != StepKind::kEnteredIntoForce && !counted) {
        const bool had = !actors.empty();
        for (const Event& e : doc_.events) {
          if (e.trigger_token != static_cast<int32_t>(t.abs(v)) ||
              !IsParty(e.source) || (had && e.source.starts_with("IGO")) ||
              !NamesActor(s, e.source_text))
            continue;
          if (std::any_of(actors.begin(), actors.end(),
                          [&](const std::string& a) {
                            return Party(a) == Party(e.source);
                          }))
            continue;
          if (!had && !actors.empty()) break;
          actors.push_back(e.source);
          if (!had) m.actor_text = e.source_text;
        }
      }
      // The "with X" of the verb names a party.
      for (uint32_t k : t.kids(v))
        if (t.rel(k).substr(0, 3) == "obl" &&
            t.HasChildLemma(k, {"case"}, {"with"}))
          AddParties(m.parties, CodesWithConjuncts(t, k));
      // ("obl" when the agreement word was tagged as a verb.)
      for (uint32_t k : t.kids(n))
        if ((t.rel(k).substr(0, 4) == "nmod" ||
             t.rel(k).substr(0, 3) == "obl") &&
            t.HasChildLemma(k, {"case"}, {"with"}))
          AddParties(m.parties, CodesWithConjuncts(t, k));
      // "Turkey and China signed": the subjects are the parties. A single
      // subject is the actor of the step; the ledger makes it a party.
      if (actors.size() >= 2) {
        AddParties(m.parties, actors);
      } else if (actors.size() == 1 && IsParty(actors[0])) {
        m.actor = actors[0];
      }
      // Steps a party takes on its own need to say which party; "the
      // United States and China ratified" is a step of each.
      bool needs_actor = IsPartyStep(m.step);
      if (needs_actor && m.actor.empty()) {
        for (const std::string& a : actors)
          if (IsParty(a)) each_actor.push_back(a);
        if (each_actor.empty())
          m.has_step = false;  // who ratified is unknown: keep the mention
      }
      // A negated step states how things stand on the report's date; a
      // step reported done is not dated after the report ("extended ...
      // until Feb. 5, 2026" gives the new end, not the step's date).
      m.date = m.negated ? doc_.date : DateAt(s, t.abs(v));
      if (!doc_.date.empty() && m.date.size() >= doc_.date.size() &&
          m.date > doc_.date)
        m.date = doc_.date;
      // What a party did in violating it, for the pledges it breaks.
      if (m.has_step && m.step == StepKind::kViolated && !m.negated)
        for (const std::string& a : actors)
          if (IsParty(a))
            in.acts.push_back(
                ActAt(t, s, v, a, LedgerAct::Kind::kDone, m.date, true));
    }
    if (pronoun && !m.has_step) continue;
    std::sort(m.parties.begin(), m.parties.end());
    if (!each_actor.empty()) {
      for (const std::string& a : each_actor) {
        AgreementMention one = m;
        one.actor = a;
        Push(std::move(one), acc, in);
      }
      continue;
    }
    if (!pronoun && !m.has_step && !accession) AttributeSteps(t, n, m, in);
    // "entered into force for 10 of its 15 members: Australia, ...",
    // "took effect for South Korea": the step of each party it names.
    if (m.has_step && !m.negated && m.step == StepKind::kEnteredIntoForce) {
      std::vector<std::string> for_parties = EntryForParties(t, sv.verb);
      for (const std::string& p : for_parties) {
        AgreementMention each = m;
        each.actor = p;
        Push(std::move(each), acc, in);
      }
      if (!for_parties.empty()) continue;
    }
    Push(std::move(m), acc, in);
  }
}

// "New START": a proper name that the knowledge base lists as an
// agreement's title or alias, with its leading words, though it has no
// agreement noun.
bool Extractor::KnownName(const Tree& t, uint32_t n) const {
  if (aliases_ == nullptr) return false;
  // (a name the tagger took for a common noun: "New START")
  std::string_view w = t.text(n);
  if (t.tok(n).upos != "PROPN" &&
      (t.tok(n).upos != "NOUN" || w.empty() ||
       !std::isupper(static_cast<unsigned char>(w[0]))))
    return false;
  // (the last word of the name)
  if (n + 1 < t.size() && t.head(n + 1) >= 0 &&
      static_cast<uint32_t>(t.head(n)) == n + 1 && t.tok(n + 1).upos == "PROPN")
    return false;
  for (uint32_t first = n + 1; first-- > 0 && n - first < 6;) {
    if (aliases_->Knows(t.SpanText(first, n))) return true;
    if (first == 0) break;
  }
  return false;
}

// "India and Pakistan agreed to stop all military action": a ceasefire
// the text describes without naming it, negotiated by the subjects; "with
// effect from 5 p.m." (or "with immediate effect") puts it in force.
void Extractor::AgreedToStopFighting(const Tree& t, uint32_t s,
                                     LedgerInput& in) {
  for (uint32_t v = 0; v < t.size(); ++v) {
    if (t.lemma(v) != "agree" || t.tok(v).upos != "VERB") continue;
    int x = t.Child(v, {"xcomp"});
    // (or an infinitive the parse attached as an adverbial clause)
    for (uint32_t k : t.kids(v))
      if (x < 0 && t.rel(k) == "advcl" && t.HasChildLemma(k, {"mark"}, {"to"}))
        x = static_cast<int>(k);
    int subj = t.Child(v, {"nsubj"});
    if (x < 0 || subj < 0) continue;
    const uint32_t stop = static_cast<uint32_t>(x);
    if (!In(t.lemma(stop), {"stop", "halt", "cease", "end", "suspend"}))
      continue;
    int o = t.Child(stop, {"obj"});
    if (o < 0 || !In(t.lemma(static_cast<uint32_t>(o)),
                     {"action", "fighting", "hostility", "hostilities", "fire",
                      "firing", "attack", "strike", "operation"}))
      continue;
    if (IsNonFactual(t, v) || IsNegated(t, v)) continue;
    AgreementMention m;
    AddParties(m.parties, CodesWithConjuncts(t, static_cast<uint32_t>(subj)));
    if (m.parties.size() < 2) continue;
    std::sort(m.parties.begin(), m.parties.end());
    m.source = SourceRef{doc_.id, s, in.sentences[s]};
    m.kind = "ceasefire";
    m.has_step = true;
    m.step = StepKind::kNegotiated;
    m.actor_text = t.SubtreeText(static_cast<uint32_t>(subj));
    m.date = DateAt(s, t.abs(v));
    in.agreements.push_back(m);
    seen_agreement_ = true;
    uint32_t f, l;
    t.Range(stop, &f, &l);
    for (uint32_t i = f; i <= l; ++i)
      if (t.lemma(i) == "effect" && t.HasChildLemma(i, {"case"}, {"with"})) {
        m.step = StepKind::kEnteredIntoForce;
        in.agreements.push_back(m);
        break;
      }
  }
}

// History told as the agreement's attributes: "The pact, signed in
// Helsinki in 1992 and in force since 2002, allows ...", "Signed by
// Washington and Moscow in 1987 and in force since 1988, the treaty
// banned ...", "signed in 1960 and in force ever since": a signature and
// an entry into force dated by their years.
void Extractor::AttributeSteps(const Tree& t, uint32_t n,
                               const AgreementMention& m,
                               LedgerInput& in) const {
  int p = -1;
  for (uint32_t k : t.kids(n))
    if (t.rel(k).starts_with("acl") && t.lemma(k) == "sign") p = k;
  if (p < 0 && t.rel(n).starts_with("nsubj") && t.head(n) >= 0)
    for (uint32_t k : t.kids(static_cast<uint32_t>(t.head(n))))
      if (t.rel(k) == "advcl" && t.lemma(k) == "sign" && k < n) p = k;
  // ("Signed by Washington and Moscow in 1987 ..., the treaty banned ..."
  // parsed with the opening participle as the root the noun hangs on.)
  if (p < 0)
    for (int a = t.head(n), hops = 0; a >= 0 && hops < 3 && p < 0;
         a = t.head(a), ++hops)
      if (a == 0 && t.lemma(0) == "sign" && t.rel(0) == "root") p = a;
  if (p < 0 || t.tok(p).xpos != "VBN") return;
  uint32_t f, l;
  t.Range(static_cast<uint32_t>(p), &f, &l);
  std::string signed_year, force_year;
  bool ever_since = false;
  for (uint32_t i = static_cast<uint32_t>(p) + 1; i <= l && i < t.size(); ++i) {
    if (t.lemma(i) == "force" && i >= 1 && t.lemma(i - 1) == "in") {
      for (uint32_t j = i + 1; j < t.size() && j <= i + 3; ++j) {
        if (force_year.empty()) force_year = YearAt(t, j);
        ever_since |= t.lemma(j) == "since" && t.lemma(j - 1) == "ever";
      }
      break;
    }
    if (signed_year.empty()) signed_year = YearAt(t, i);
  }
  // ("in force ever since" may lie outside the participle's subtree.)
  for (uint32_t i = l + 1;
       i + 2 < t.size() && !ever_since && force_year.empty(); ++i)
    ever_since = t.lemma(i) == "force" && t.lemma(i + 1) == "ever" &&
                 t.lemma(i + 2) == "since";
  if (ever_since) force_year = signed_year;
  if (signed_year.empty()) return;
  AgreementMention step = m;
  step.has_step = true;
  step.step = StepKind::kSigned;
  step.date = signed_year;
  // "Signed by Washington and Moscow": the signatories are parties.
  for (uint32_t k : t.kids(static_cast<uint32_t>(p)))
    if (t.rel(k).starts_with("obl") && t.HasChildLemma(k, {"case"}, {"by"}))
      AddParties(step.parties, CodesWithConjuncts(t, k));
  std::sort(step.parties.begin(), step.parties.end());
  in.agreements.push_back(step);
  if (force_year.empty()) return;
  step.step = StepKind::kEnteredIntoForce;
  step.date = force_year;
  in.agreements.push_back(std::move(step));
}

}  // namespace curlew::ledger_extract
