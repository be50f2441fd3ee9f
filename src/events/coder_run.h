// The coder's per-sentence state (Coder::Run) and the helpers its parts
// share. Internal to src/events: each part of the coder is one .cc file
// (roles, pattern matching, transformations, the sentence pass, the
// word-order fallback), all members of Coder::Run.
//
// A Run lives for one sentence of one Code() call, on one thread.
#ifndef CURLEW_EVENTS_CODER_RUN_H_
#define CURLEW_EVENTS_CODER_RUN_H_

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "actors/coding_sentence.h"
#include "actors/dict_util.h"
#include "events/coder.h"
#include "syntax/tree.h"

namespace curlew {

inline bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

// Verbs whose "of"-complement is an act claimed, not reported as done
// ("accused X of attacking Y").
inline bool IsAccusingLemma(std::string_view lemma) {
  return lemma == "accuse" || lemma == "charge" || lemma == "blame" ||
         lemma == "suspect";
}

// An actor the coder works with: one of a phrase's ActorMentions (the
// actors stage) or one the coder derives (a place's country, the state an
// act is done in).
struct ActorRef {
  ActorRef() = default;
  ActorRef(std::string c, uint32_t b, uint32_t e)
      : code(std::move(c)), begin(b), end(e) {}
  std::string code;
  uint32_t begin = 0, end = 0;  // sentence-relative token range
  bool agent_only = false;      // "---GOV": an agent without an actor
};

// Per-sentence scratch state and the coding rules.
class Coder::Run {
 public:
  Run(const Coder& coder, const Document& doc, uint32_t sentence);

  struct Markers {
    int source_pos = -1, target_pos = -1;  // token positions in the post part
    int source_skip = 0, target_skip = 0;  // '^': noun phrases skipped first
    bool pre_source = false, pre_target = false, compound = false;
    // For a pre-verb marker: the start of what was matched after it (the
    // actor is the nearest one before), -1 if nothing followed.
    int pre_source_end = -1, pre_target_end = -1;
  };
  struct VerbInfo {
    int v;
    size_t vb, ve;
    PatternMatch pm;
    Markers mk;
  };
  // Actor groups: coordinated runs ("X, Y and Z") of composed mentions.
  struct FlatGroup {
    uint32_t b = 0, e = 0;
    std::vector<ActorRef> actors;
  };
  const Token& Tok(size_t i) const { return doc_.tokens[s_.token_begin + i]; }
  DepRel Rel(size_t i) const { return tree_.rel(i); }
  std::string_view Xpos(size_t i) const { return Tok(i).xpos; }
  bool IsVerb(size_t i) const {
    return !masked_[i] && verb_tag_[i] && Rel(i) != DepRel::kAux &&
           Rel(i) != DepRel::kAuxPass && Rel(i) != DepRel::kCop;
  }
  const std::vector<std::string>& upper() const { return upper_; }
  // The actors the noun phrase headed by word h names (the actors stage's
  // mentions with that head); without `pronouns`, none that a pronoun or
  // possessive stands for.
  std::vector<ActorRef> ActorsAt(int h, bool pronouns = true) const;
  // True if word i is inside a dictionary match.
  bool InMatch(int i) const;
  // Targets of an active verb: objects, then prepositional phrases, then
  // subject-less complement clauses; possessive pronouns only last.
  std::vector<ActorRef> Targets(int v, int depth = 0) const;
  // "held talks in Kinshasa": with an object, an in/at phrase is where it
  // happened, not whom it was done to (news conventions only).
  bool Locative(int v, int c) const;
  // Sources and targets of v before patterns.
  void Roles(int v, std::vector<ActorRef>* src,
             std::vector<ActorRef>* tgt) const;
  // The verb forms at token i with the most words (a verb in two blocks
  // gives two); empty if none. Sets the token range.
  std::vector<const VerbForm*> VerbAt(size_t i, size_t* b, size_t* e) const;
  // The best pattern over all candidate forms: the most specific match;
  // without any match, the last form's own or block code.
  PatternMatch Choose(int v, const std::vector<const VerbForm*>& forms,
                      size_t vb, size_t ve, bool fast, Markers* mk) const;
  // Tokens a post-verb pattern may look at: v's subtree after the verb,
  // without conjoined clauses.
  void PostRegion(int v, std::vector<bool>* allowed) const;
  // Length of the element's match at q (0: none).
  size_t ElemAt(const PatternElem& el, size_t q) const;
  bool Match(const VerbPattern& p, size_t vb, size_t ve,
             const std::vector<bool>& allowed, Markers* mk) const;
  bool MayMatch(const VerbPattern& p) const;
  PatternMatch ChoosePattern(int v, const VerbForm& f, size_t vb, size_t ve,
                             bool fast, Markers* best_mk) const;
  std::vector<ActorRef> ActorsFrom(int pos, int skip,
                                   const std::vector<bool>& allowed) const;
  // The nearest coded noun phrase ending before `end`.
  std::vector<ActorRef> ActorsBefore(int end) const;
  std::string TextOf(uint32_t b, uint32_t e) const;
  // Sets the event's verb_text (the verb form's words [vb, ve)) and its
  // trigger (word v, the verb itself).
  void SetTrigger(Event& e, size_t vb, size_t ve, int v) const;
  // True for the codes of statements CAMEO codes as the event itself
  // (01 statements and denials, 02 appeals, 03 intents, 10 demands, 11
  // accusations, 12 rejections, 13 threats).
  static bool IsStatementCode(std::string_view code);
  // The modality of event e coded from word v (modality.cc): "asserted",
  // "negated", "hypothetical", "future" or "alleged".
  // Also sets the event's speaker where a speech, hope or fear verb above
  // it, a "..., X said" parenthetical or "according to X" names one.
  std::string ClassifyModality(int v, Event* e) const;
  // Word h's lemma, with the base form of a few inflected verbs where the
  // tree came from a given parse (lemmas = lower-cased words).
  std::string LemmaOf(int h) const;
  // Finds a closing ", X said" parenthetical (tail_comma_, tail_speaker_).
  void FindTailSpeaker();
  // Sets the modality of (*events)[first_event..] from their triggers.
  void AssignModality(size_t first_event, std::vector<Event>* events);
  // The code of the actor the phrase headed by h names ("" if none or only
  // an agent): the speaker of what it says.
  std::string SpeakerAt(int h) const;
  // The code of the first actor mentioned within words [b, e), "" if none.
  std::string SpeakerIn(int b, int e) const;
  // "X said Y must/should do Z": turns the reported event e (coded from
  // word ev, under the complement of speech verb `say`) into X's demand or
  // appeal to Y.
  void ReportedDemand(int say, int ev, const std::vector<ActorRef>& src,
                      Event* e) const;
  // "X said it would blockade Y", "announced that it is prepared to impose
  // martial law": a hostile act (roots 14, 15, 17 to 20) its own actor says
  // it will do is that actor's threat (13x), not a future act.
  void ReportedThreat(int say, int ev, Event* e) const;
  // Whether word h is a verb of saying what the speaker holds ("said",
  // "declared", "stressed"), not of reporting what others hold.
  bool IsSaying(int h) const;
  // "must" (demand, 100) or "should" (appeal, 020) among the auxiliaries
  // of word v; "" if neither.
  std::string ModalDemandCode(int v) const;
  // True if word w is inside a complement clause of word v: an open one
  // (xcomp) or, unless `open_only`, a that-clause (ccomp).
  bool InComplement(int v, int w, bool open_only = false) const;
  // The code of the event coded from the complement clause (open only, or
  // also a that-clause) nearest word v; "" if none.
  std::string ComplementAct(int v, size_t first_event,
                            const std::vector<int>& event_verb,
                            const std::vector<Event>& events,
                            bool open_only) const;
  // A statement of intent, appeal, demand, rejection or threat without a
  // target of its own ("X agreed to lift sanctions on Y", "demanded that Y
  // withdraw"): rewrites the events of its complement clause into the
  // statement (X -> Y, the statement's code for that act). False if the
  // verb is no such statement or the codebook has none for the act.
  bool TakeOverActs(const VerbInfo& vi, const std::vector<ActorRef>& src,
                    size_t first_event, std::vector<int>* event_verb,
                    std::vector<Event>* events) const;
  bool ApplyTransforms(const VerbInfo& vi, const std::string& code,
                       const std::vector<ActorRef>& src, size_t first_event,
                       const std::vector<int>& event_verb,
                       std::vector<Event>* events) const;
  void CodeSentence(uint32_t sentence_index, std::vector<Event>* events);
  // Words that may join the mentions of one actor ("Ghana's president",
  // "police in Myanmar", "Turkish Foreign Minister Ali Demirtas").
  bool FlatGlue(size_t i) const;
  std::vector<FlatGroup> FlatGroups() const;
  void FlatCode(uint32_t sentence_index, std::vector<Event>* events) const;
  PatternMatch MatchVerbAt(size_t i, bool fast) const;

 private:
  const Dictionaries& d_;
  const CoderOptions& opt_;
  const Document& doc_;
  const Sentence& s_;
  CodingSentence sentence_;
  const DependencyTree& tree_;             // sentence_.tree
  const std::vector<std::string>& upper_;  // sentence_.upper
  const std::vector<uint32_t>& ids_;       // sentence_.ids
  const std::vector<bool>& masked_;        // sentence_.asides
  // The sentence's actor mentions and dictionary matches (Document order),
  // and where each head's mentions start in mentions_ (size n_ + 1).
  std::span<const ActorMention> mentions_;
  std::vector<uint32_t> mention_at_;
  std::span<const ActorEntryMatch> matches_;
  size_t n_ = 0;
  std::vector<uint32_t> present_;
  mutable bool fast_ = true;  // use the indexes (false: reference matcher)
  std::vector<bool> verb_tag_;
  // "according to X" of the sentence: X's code and words (AssignModality).
  std::string according_, according_text_;
  // A closing ", X said" parenthetical: its comma (-1: none) and X's code.
  int tail_comma_ = -1;
  std::string tail_speaker_;
};

}  // namespace curlew

#endif  // CURLEW_EVENTS_CODER_RUN_H_
