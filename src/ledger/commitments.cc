// Commitments: pledges, stated intentions and readiness, written orders,
// and future clauses reported from speech or written in an agreement's
// terms, with their action, condition, form, date and speaker.

#include "ledger/extractor.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "ledger/agreement_words.h"
#include "ledger/clauses.h"
#include "text/chars.h"

namespace curlew::ledger_extract {

void Extractor::Commitments(const Tree& t, uint32_t s, LedgerInput& in) {
  for (uint32_t v = 0; v < t.size(); ++v) {
    if (!In(t.lemma(v), {"pledge", "promise", "vow", "assure", "guarantee",
                         "commit", "undertake", "swear", "threaten"}))
      continue;
    const std::string& upos = t.tok(v).upos;
    if (!upos.empty() && upos != "VERB") continue;
    if (IsNegated(t, v) || IsNonFactual(t, v)) continue;
    int subj = t.Child(v, {"nsubj"});
    // "Biden, whose race ... remained too close to call, has promised":
    // a conjoined verb shares its head's subject.
    if (subj < 0 && t.rel(v) == "conj" && t.head(v) >= 0)
      subj = t.Child(static_cast<uint32_t>(t.head(v)), {"nsubj"});
    if (subj < 0) continue;
    int act = t.Child(v, {"xcomp", "ccomp"});
    if (act < 0) {
      // A complement the parser attached elsewhere: "vowed to release"
      // read off the words when the tree has no complement.
      uint32_t k = v + 1;
      if (k < t.size() && In(t.lemma(k), {"not", "never"})) ++k;
      if (k + 1 < t.size() && t.lemma(k) == "to" &&
          (t.tok(k + 1).upos == "VERB" || t.tok(k + 1).xpos == "VB"))
        act = static_cast<int>(k + 1);
    }
    // "pledged that it would ...": the complement's own clause is read
    // by FutureClauses below.
    if (act >= 0 && t.Child(static_cast<uint32_t>(act), {"nsubj"}) >= 0)
      continue;
    Emit(t, s, v, act, static_cast<uint32_t>(subj), -1, in);
  }
  Intentions(t, s, in);
  Readiness(t, s, in);
  Directives(t, s, in);
  FutureClauses(t, s, in);
}

// "signed an executive order directing the United States to withdraw
// from the agreement": a written order that a state act is that state's
// commitment.
void Extractor::Directives(const Tree& t, uint32_t s, LedgerInput& in) {
  for (uint32_t v = 0; v < t.size(); ++v) {
    if (!In(t.lemma(v), {"direct", "instruct", "order"}) ||
        t.tok(v).upos != "VERB")
      continue;
    int act = t.Child(v, {"xcomp"});
    int who = t.Child(v, {"iobj", "obj"});
    if (act < 0 || who < 0 || who > act) continue;
    // The order is a written text: the verb modifies "order",
    // "directive", "decree" or "memorandum", or follows its signing.
    bool written = false;
    for (uint32_t k = 0; k < v; ++k)
      written |= In(t.lemma(k), {"order", "directive", "decree", "memorandum",
                                 "proclamation"}) &&
                 t.tok(k).upos == "NOUN";
    if (!written) continue;
    std::vector<std::string> codes =
        CodesWithConjuncts(t, static_cast<uint32_t>(who));
    if (codes.empty() || !IsParty(codes[0])) continue;
    const size_t before = in.commitments.size();
    Emit(t, s, v, act, static_cast<uint32_t>(who), -1, in);
    int signer = t.head(v) >= 0
                     ? t.Child(static_cast<uint32_t>(t.head(v)), {"nsubj"})
                     : -1;
    for (size_t i = before; i < in.commitments.size(); ++i) {
      in.commitments[i].form = "written";
      if (signer >= 0 && in.commitments[i].by.empty()) {
        in.commitments[i].by = Code(t, static_cast<uint32_t>(signer));
        in.commitments[i].by_text =
            t.SubtreeText(static_cast<uint32_t>(signer));
      }
    }
  }
}

// "Russia was ready to keep observing the limits", "is willing to",
// "remained committed to the ceasefire": a stated readiness is a
// commitment to act; commitment to an agreement, to observe it.
void Extractor::Readiness(const Tree& t, uint32_t s, LedgerInput& in) {
  for (uint32_t v = 0; v < t.size(); ++v) {
    if (t.tok(v).upos != "ADJ" && t.tok(v).upos != "VERB") continue;
    const std::string& l = t.lemma(v);
    const bool ready = In(l, {"ready", "willing", "prepared"});
    const bool committed =
        In(l, {"committed", "commit"}) && t.tok(v).upos == "ADJ";
    if (!ready && !committed) continue;
    // The subject: its own (copula) or the verb's it complements
    // ("remained committed").
    int subj = t.Child(v, {"nsubj"});
    if (subj < 0 && t.rel(v) == "xcomp" && t.head(v) >= 0)
      subj = t.Child(static_cast<uint32_t>(t.head(v)), {"nsubj"});
    if (subj < 0) continue;
    if (IsNegated(t, v)) continue;
    if (ready) {
      int act = t.Child(v, {"xcomp", "advcl"});
      if (act < 0 ||
          !t.HasChildLemma(static_cast<uint32_t>(act), {"mark"}, {"to"}))
        continue;
      Emit(t, s, v, act, static_cast<uint32_t>(subj), -1, in);
      continue;
    }
    int to = -1;
    for (uint32_t k : t.kids(v))
      if (to < 0 && t.rel(k).starts_with("obl") &&
          t.HasChildLemma(k, {"case"}, {"to"}))
        to = static_cast<int>(k);
    if (to < 0) continue;
    const size_t before = in.commitments.size();
    Emit(t, s, v, static_cast<int>(to), static_cast<uint32_t>(subj), -1, in);
    // (the object of the commitment is an agreement or a course: to
    // observe it)
    std::string words = t.SubtreeText(static_cast<uint32_t>(to));
    if (words.starts_with("to ")) words = words.substr(3);
    for (size_t i = before; i < in.commitments.size(); ++i) {
      in.commitments[i].action = "to observe " + words;
      in.commitments[i].action_lemma = "observe";
      in.commitments[i].negated = false;
    }
  }
}

// "Russia has no intention of invading Ukraine": a stated intention (or
// its denial) is a commitment to act (or not to).
void Extractor::Intentions(const Tree& t, uint32_t s, LedgerInput& in) {
  for (uint32_t n = 0; n < t.size(); ++n) {
    if (!In(t.lemma(n), {"intention", "intent", "plan"})) continue;
    int h = t.head(n);
    if (h < 0 || t.lemma(static_cast<uint32_t>(h)) != "have") continue;
    int subj = t.Child(static_cast<uint32_t>(h), {"nsubj"});
    int act = -1;
    for (uint32_t k : t.kids(n))
      if (act < 0 && t.tok(k).upos == "VERB") act = static_cast<int>(k);
    if (subj < 0 || act < 0) continue;
    const size_t before = in.commitments.size();
    Emit(t, s, static_cast<uint32_t>(h), act, static_cast<uint32_t>(subj), -1,
         in);
    if (!t.HasChildLemma(n, {"det"}, {"no"})) continue;
    for (size_t i = before; i < in.commitments.size(); ++i) {
      CommitmentMention& c = in.commitments[i];
      if (!c.negated && c.action.starts_with("to "))
        c.action = "not " + c.action;
      c.negated = true;
    }
  }
}

// "Russia would not deploy ..., Putin said", "Erdogan said Turkey would
// not approve ...", "gave guarantees that it would not use ...", "Under
// the deal, Israel will suspend ...": a clause in the future (will,
// would) whose subject names an actor, reported from speech or written
// in an agreement's terms, is that actor's commitment. A narrator's
// statement about what will happen ("the withdrawal will take effect")
// has no actor as subject and is not reported, so it is not one.
void Extractor::FutureClauses(const Tree& t, uint32_t s, LedgerInput& in) {
  for (uint32_t a = 0; a < t.size(); ++a) {
    const std::string& upos = t.tok(a).upos;
    if (upos != "VERB") continue;
    // "will", "would"; "are to withdraw".
    bool future = t.HasChildLemma(a, {"aux"}, {"will", "would", "'ll", "wo"}) ||
                  (t.HasChildLemma(a, {"aux", "cop"}, {"be"}) &&
                   t.HasChildLemma(a, {"mark"}, {"to"}));
    if (!future) continue;
    // "the treaty would be held in abeyance", said by an official: the
    // speaker's state will do it (read below, once the speaker is known).
    const int passive_subj = t.Child(a, {"nsubj:pass"});
    if (passive_subj < 0 && t.Child(a, {"aux:pass"}) >= 0) continue;
    int subj = passive_subj >= 0 ? passive_subj : t.Child(a, {"nsubj"});
    if (subj < 0) continue;
    // "The ceasefire arrangement between Israel and Lebanon will remain in
    // effect": what an agreement will do is no one's commitment.
    if (passive_subj < 0) {
      bool agreement = IsAgreementNoun(t, static_cast<uint32_t>(subj));
      for (uint32_t k : t.kids(static_cast<uint32_t>(subj)))
        agreement |= (t.rel(k) == "compound" || t.rel(k) == "amod") &&
                     IsAgreementWord(t.lemma(k));
      if (agreement) continue;
    }
    // The verb of saying above the clause, within three heads (a parser
    // may hang "that Russia would ..." on the date of "said on Monday").
    int speech = -1;
    for (int cur = t.head(a), hops = 0; cur >= 0 && hops < 3 && speech < 0;
         cur = t.head(cur), ++hops)
      if (In(t.lemma(static_cast<uint32_t>(cur)),
             {"say",    "tell",   "announce",  "state",     "declare",
              "notify", "warn",   "insist",    "add",       "confirm",
              "inform", "write",  "guarantee", "assurance", "promise",
              "pledge", "notice", "threaten",  "vow",       "assure"}))
        speech = cur;
    for (uint32_t k : t.kids(a))
      if (speech < 0 && (t.rel(k) == "parataxis" || t.rel(k) == "ccomp") &&
          IsSpeechVerb(t.lemma(k)))
        speech = static_cast<int>(k);
    bool terms = false;
    for (uint32_t k : t.kids(a))
      if (t.rel(k).substr(0, 3) == "obl" &&
          t.HasChildLemma(k, {"case"}, {"under"}) && IsAgreementNoun(t, k))
        terms = true;
    // ("..., President Erdogan said on Thursday" that the parse hung
    // elsewhere: a verb of saying with its own subject after the clause.)
    if (speech < 0)
      for (uint32_t k = a + 1; k < t.size() && speech < 0; ++k)
        if (IsSpeechVerb(t.lemma(k)) && t.tok(k).upos == "VERB" &&
            t.Child(k, {"nsubj"}) > static_cast<int>(a) &&
            (k < 1 || t.text(k - 1) != "to"))
          speech = static_cast<int>(k);
    // Said by someone, as a fact ("it is illogical to say that Turkey
    // will ..." reports no one's statement).
    if (speech >= 0 &&
        (SpeakerOf(t, speech) < 0 || IsNegated(t, speech) ||
         IsNonFactual(t, static_cast<uint32_t>(speech)) ||
         t.HasChildLemma(static_cast<uint32_t>(speech), {"mark"}, {"to"})))
      speech = -1;
    if (speech < 0 && !terms) continue;
    if (passive_subj >= 0) {
      // The speaker's state is the one that will act.
      if (speech < 0) continue;
      const int speaker = SpeakerOf(t, speech);
      std::vector<std::string> who =
          SpeakerCodes(t, static_cast<uint32_t>(speaker));
      if (who.empty() || !IsParty(who[0])) continue;
      const size_t before = in.commitments.size();
      Emit(t, s, a, static_cast<int>(a), static_cast<uint32_t>(speaker), speech,
           in);
      // "to hold the treaty in abeyance": the verb, its patient, the rest.
      uint32_t f, l;
      t.Range(a, &f, &l);
      std::string rest;
      for (uint32_t i = a + 1; i <= l; ++i) {
        if (t.rel(i) == "advcl" || t.lemma(i) == "until" ||
            t.lemma(i) == "unless" || t.tok(i).upos == "PUNCT")
          break;
        rest += " " + std::string(t.text(i));
      }
      for (size_t i = before; i < in.commitments.size(); ++i) {
        CommitmentMention& c = in.commitments[i];
        c.actor = Party(c.actor);
        c.action = std::string(c.negated ? "not to " : "to ") + t.lemma(a) +
                   " " + t.SubtreeText(static_cast<uint32_t>(subj)) + rest;
      }
      continue;
    }
    const size_t before = in.commitments.size();
    Emit(t, s, a, static_cast<int>(a), static_cast<uint32_t>(subj), speech, in,
         true);
    // "Iran will keep its enrichment ... and cut its stockpile ...": each
    // verb conjoined without a subject of its own is a commitment too.
    for (uint32_t k : t.kids(a))
      if (t.rel(k) == "conj" && t.tok(k).upos == "VERB" &&
          t.Child(k, {"nsubj", "nsubj:pass", "aux"}) < 0)
        Emit(t, s, k, static_cast<int>(k), static_cast<uint32_t>(subj), speech,
             in);
    // The terms an agreement sets out are written.
    if (speech < 0)
      for (size_t i = before; i < in.commitments.size(); ++i)
        if (in.commitments[i].form.empty()) in.commitments[i].form = "written";
  }
}

// The actors a speaker's or a pledge's subject names; an official without
// a country speaks for the state the report last named as a subject.
std::vector<std::string> Extractor::SpeakerCodes(const Tree& t,
                                                 uint32_t i) const {
  std::vector<std::string> codes = CodesWithConjuncts(t, i);
  if (codes.empty())
    if (std::string c = OfficialOfLastState(t, i); !c.empty())
      codes.push_back(std::move(c));
  return codes;
}

// The speaker of a speech verb (its subject), or -1; follows the head of
// a noun ("gave guarantees that") to its verb's subject.
int Extractor::SpeakerOf(const Tree& t, int speech) {
  for (int cur = speech, hops = 0; cur >= 0 && hops < 2;
       cur = t.head(cur), ++hops) {
    int sp = t.Child(static_cast<uint32_t>(cur), {"nsubj"});
    if (sp >= 0) return sp;
  }
  return -1;
}

// Records the commitment of verb `v` (a pledge verb, or the future verb
// itself) with action clause `act` (-1: the pledge verb's object), for
// each actor the subject names; `speech` is a verb of saying that reports
// it, or -1 to look for one. `own_conjuncts`: verbs conjoined to the
// action are commitments of their own, not part of its words.
void Extractor::Emit(const Tree& t, uint32_t s, uint32_t v, int act,
                     uint32_t subj, int speech, LedgerInput& in,
                     bool own_conjuncts) {
  if (speech < 0) speech = ReportingVerbOf(t, v);
  int speaker = speech >= 0 ? SpeakerOf(t, speech) : -1;
  std::vector<std::string> actors = SpeakerCodes(t, subj);
  // A subject the parse split ("China and | the United States ... have
  // pledged"): each part names actors.
  for (uint32_t k : t.kids(v))
    if (k != subj && t.rel(k) == "nsubj")
      for (std::string& c : CodesWithConjuncts(t, k))
        if (std::find(actors.begin(), actors.end(), c) == actors.end())
          actors.push_back(std::move(c));
  std::string actor_text = t.SubtreeText(subj);
  // "Ukraine gave written guarantees that it would not use ...": the
  // pronoun stands for the one who gave the guarantee.
  if (actors.empty() &&
      In(t.lemma(subj), {"it", "he", "she", "they", "we", "i"}))
    for (uint32_t k = 0; k < subj && actors.empty(); ++k) {
      if (!In(t.lemma(k), {"guarantee", "assurance", "promise", "pledge",
                           "undertaking", "commitment"}) ||
          t.tok(k).upos != "NOUN" || t.head(k) < 0)
        continue;
      int giver = t.Child(static_cast<uint32_t>(t.head(k)), {"nsubj"});
      if (giver < 0) continue;
      actors = CodesWithConjuncts(t, static_cast<uint32_t>(giver));
      actor_text = t.SubtreeText(static_cast<uint32_t>(giver));
    }
  // "said it would": the pronoun stands for the speaker.
  if (actors.empty() && speaker >= 0 &&
      In(t.lemma(subj), {"it", "he", "she", "they", "we", "i"})) {
    actors = SpeakerCodes(t, static_cast<uint32_t>(speaker));
    actor_text = t.SubtreeText(static_cast<uint32_t>(speaker));
  }
  // "The two countries also pledged": the states the report named (a
  // single code the actors stage gave the phrase cannot be two states).
  if (std::vector<std::string> counted = CountedStates(t, subj);
      counted.size() > actors.size())
    actors = std::move(counted);
  if (actors.empty()) return;
  CommitmentMention c;
  c.actor_text = actor_text;
  if (act >= 0) {
    uint32_t a = static_cast<uint32_t>(act);
    c.negated = IsNegated(t, a) || (a >= 2 && t.lemma(a - 1) == "to" &&
                                    In(t.lemma(a - 2), {"not", "never"}));
    c.action_lemma = t.lemma(a);
    // The action's words, without its subject, auxiliaries, a leading
    // "not" or "to", a condition or trailing punctuation.
    uint32_t first, last;
    t.Range(a, &first, &last);
    if (first < v || a == v) first = a;
    while (first < a && In(t.lemma(first), {"not", "never", "to"})) ++first;
    for (uint32_t k : t.kids(a))
      if (k > a &&
          (t.rel(k) == "advcl" || t.rel(k) == "parataxis" ||
           static_cast<int>(k) == speech ||
           (own_conjuncts && t.rel(k) == "conj" && t.tok(k).upos == "VERB"))) {
        uint32_t f, l;
        t.Range(k, &f, &l);
        if (f > a && f - 1 < last) last = f - 1;
      }
    while (last > a && (t.tok(last).upos == "PUNCT" || t.rel(last) == "punct" ||
                        t.rel(last) == "cc"))
      --last;
    // "of invading Ukraine" reads "to invade Ukraine".
    std::string words = t.SpanText(first, last);
    if (first == a && t.tok(a).xpos == "VBG")
      words = t.lemma(a) + (last > a ? " " + t.SpanText(a + 1, last) : "");
    c.action = std::string(c.negated ? "not to " : "to ") + words;
    int obj = t.Child(a, {"obj"});
    if (obj < 0) obj = t.Child(a, {"obl"});
    if (obj >= 0) {
      c.target = Code(t, static_cast<uint32_t>(obj));
      c.target_text = t.SubtreeText(static_cast<uint32_t>(obj));
      // ("would not approve the bids": about the applicants)
      if (c.target.empty() && TheApplications(t, static_cast<uint32_t>(obj)))
        c.target = applicant_codes_.front();
    }
  } else {
    int obj = t.Child(v, {"obj"});
    if (obj < 0) return;
    c.action_lemma = t.lemma(static_cast<uint32_t>(obj));
    c.action = t.SubtreeText(static_cast<uint32_t>(obj));
  }
  // The speaker, when the pledge is reported from speech.
  if (speaker >= 0) {
    c.by = Code(t, static_cast<uint32_t>(speaker));
    if (c.by.empty())
      c.by = OfficialOfLastState(t, static_cast<uint32_t>(speaker));
    c.by_text = t.SubtreeText(static_cast<uint32_t>(speaker));
  }
  c.form = Form(t, v);
  c.condition = Condition(t, s, act >= 0 ? static_cast<uint32_t>(act) : v);
  c.date = DateAt(s, t.abs(speech >= 0 ? static_cast<uint32_t>(speech) : v));
  c.source = SourceRef{doc_.id, s, in.sentences[s]};
  for (const std::string& actor : actors) {
    c.actor = actor;
    in.commitments.push_back(c);
  }
}

std::string Extractor::Form(const Tree& t, uint32_t v) const {
  for (uint32_t i = 0; i < t.size(); ++i) {
    const std::string& l = t.lemma(i);
    if (In(l, {"letter", "written", "writing", "document"})) return "written";
    if (In(l, {"verbally", "verbal", "orally", "oral"})) return "verbal";
  }
  if (t.HasChildLemma(v, {"advmod"}, {"verbally", "orally"})) return "verbal";
  // "X pledged ..., the minister told reporters": speech around the pledge.
  for (uint32_t i = 0; i < t.size(); ++i)
    if ((t.head(i) == static_cast<int>(v) ||
         t.head(v) == static_cast<int>(i)) &&
        IsSpeechVerb(t.lemma(i)))
      return "verbal";
  // A pledge reported from speech ("told a press conference that").
  if (ReportingVerbOf(t, v) >= 0) return "verbal";
  if (t.lemma(v) == "sign") return "signed";
  return "";
}

// A condition attached to the pledge: an if/unless/provided clause in the
// sentence, or in the next two sentences a clause saying it only applies.
std::string Extractor::Condition(const Tree& t, uint32_t s, uint32_t v) const {
  // A clause attached to the promised action first, then any.
  for (int pass = 0; pass < 2; ++pass) {
    for (uint32_t i = 0; i < t.size(); ++i) {
      if (t.rel(i) != "advcl") continue;
      if (pass == 0 && t.head(i) != static_cast<int>(v)) continue;
      std::string text = t.SubtreeText(i);
      std::string lower = text::AsciiLower(text);
      bool conditional =
          t.HasChildLemma(
              i, {"mark"},
              {"if", "unless", "provided", "providing", "until", "till"}) ||
          lower.starts_with("as soon as ") ||
          lower.starts_with("as long as ") || lower.starts_with("only ");
      if (!conditional && t.HasChildLemma(i, {"mark"}, {"after", "when"})) {
        // "only after ...": the "only" may hang on the clause's first word.
        uint32_t f, l;
        t.Range(i, &f, &l);
        conditional = f > 0 && t.lemma(f - 1) == "only";
        if (conditional) text = "only " + text;
      }
      if (conditional) return text;
    }
  }
  // "held in abeyance until Pakistan ... abjured its support": a
  // condition word after the action that the parse did not make a
  // clause; it runs to the end of the sentence.
  for (uint32_t i = v + 1; i < t.size(); ++i) {
    const std::string w = text::AsciiLower(t.text(i));
    const bool as_soon =
        w == "as" && i + 2 < t.size() &&
        In(text::AsciiLower(t.text(i + 1)), {"soon", "long"}) &&
        text::AsciiLower(t.text(i + 2)) == "as";
    if (!as_soon && !In(w, {"until", "unless", "provided", "providing"}))
      continue;
    // ("as soon as possible" is a time, not a condition)
    if (as_soon && i + 3 < t.size() &&
        In(t.lemma(i + 3), {"possible", "practicable", "feasible"}))
      continue;
    uint32_t last = t.size() - 1;
    while (last > i && t.tok(last).upos == "PUNCT") --last;
    // (not a speaker's tail: ", Erdogan said on Monday")
    for (uint32_t k = i + 1; k < last; ++k) {
      if (t.text(k) != ",") continue;
      bool speech = false;
      for (uint32_t j = k + 1; j <= last && !speech; ++j)
        speech = IsSpeechVerb(t.lemma(j)) && t.tok(j).upos == "VERB";
      if (speech) {
        last = k - 1;
        break;
      }
    }
    if (last > i) return t.SpanText(i, last);
  }
  for (uint32_t next = s + 1; next < doc_.sentences.size() && next <= s + 2;
       ++next) {
    Tree u(doc_, next);
    if (u.size() == 0 || u.tok(0).head < 0) continue;
    for (uint32_t i = 0; i < u.size(); ++i) {
      if (u.lemma(i) != "apply") continue;
      if (!u.HasChildLemma(i, {"advmod"}, {"only"})) continue;
      uint32_t first, last;
      u.Range(i, &first, &last);
      while (first < i && u.rel(first) == "mark") ++first;
      while (last > i && u.rel(last) == "punct") --last;
      return u.SpanText(first, last);
    }
  }
  return "";
}

}  // namespace curlew::ledger_extract
