// NounPhraseCoder: the actors a noun phrase of one sentence names, by the
// actor and agent dictionaries and the dependency tree.
//
//  - dictionary matches: the longest actor or agent entry at each word
//    (words in comma asides start none);
//  - a phrase's actor is the first actor entry among its core words
//    (compounds, modifiers, determiners, possessives, flat names) with
//    those coordinated with it, else that of its "of"/"in" phrase or of a
//    clause attached to it, else a possessive pronoun's antecedent; agents
//    compose with it ("Turkish" + "Foreign Minister" -> TURGOV; "X~"
//    before, "~X" after, not repeated); an agent alone gives "---GOV";
//  - coordinations are distributed ("Turkey and China" -> TUR, CHN); an
//    agent-only conjunct borrows its sibling's actor;
//  - pronouns stand for the subject of the governing clause, else (news
//    conventions) the actor the previous sentence was about;
//  - with news conventions: appositions ("Dirichati, the spokesman of X"),
//    names seen earlier beside an actor (DocumentMemory), a country
//    adjective parsed as a stray modifier before a role, conjuncts hung on
//    a word inside an actor's name, "talks in X" as a place;
//  - PETRARCH's new_actor_length: an uncoded short phrase coded by its
//    words.
//
// One NounPhraseCoder per sentence; it refers to the dictionaries, the
// options and the CodingSentence (which must outlive it) and writes names
// it learns to the DocumentMemory (if any). One thread.
#ifndef CURLEW_ACTORS_NOUN_PHRASE_CODER_H_
#define CURLEW_ACTORS_NOUN_PHRASE_CODER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "actors/actor_dictionary.h"
#include "actors/actors_stage.h"
#include "actors/coding_sentence.h"
#include "actors/document_memory.h"
#include "curlew/document.h"

namespace curlew {

// Words matching one entry of the actor or agent dictionaries.
struct EntryMatch {
  uint32_t b = 0, e = 0;         // sentence-relative word range
  std::string code;              // an actor entry's code on the date
  const Agent* agent = nullptr;  // or the agent entry
};

// One actor of a noun phrase.
struct PhraseActor {
  PhraseActor() = default;
  PhraseActor(std::string c, uint32_t b, uint32_t e, ActorResolution r)
      : code(std::move(c)), begin(b), end(e), resolution(r) {}
  std::string code;
  uint32_t begin = 0, end = 0;  // sentence-relative token range
  std::string stem;             // the code without its last agent
  bool agent_only = false;      // "---GOV": an agent without an actor
  std::string agent;            // that agent's code
  // An agent-only actor's agents before and after the (missing) actor
  // ("NGO", "GOV"), for giving it a country later.
  std::string prefix_agents, suffix_agents;
  bool foreign = false;  // "foreign ministers": not the document's country
  ActorResolution resolution = ActorResolution::kDictionary;
};

class NounPhraseCoder {
 public:
  NounPhraseCoder(const ActorDictionary& actors, const AgentDictionary& agents,
                  const ActorOptions& options, const CodingSentence& sentence,
                  int32_t date, DocumentMemory* memory);

  // Actors of the noun phrase headed by word h, coordinations distributed.
  // `pronouns`: whether a pronoun (or a possessive inside) may stand for
  // its antecedent ("their meeting"); `new_actors`: whether
  // new_actor_length applies; `depth` bounds the recursion.
  std::vector<PhraseActor> Code(int h, int depth = 0, bool pronouns = true,
                                bool new_actors = true) const;

  // The dictionary matches of the sentence, in word order.
  const std::vector<EntryMatch>& matches() const { return matches_; }
  // True if word i is inside a dictionary match.
  bool InMatch(int i) const;

  // Remembers the actor this sentence is about (the main verb's subject)
  // for the next sentence's pronouns; `coded` holds Code(h) of every word.
  void RememberSubject(
      const std::vector<std::vector<PhraseActor>>& coded) const;

 private:
  void FindMatches(int32_t date);
  void CoreTokens(int h, int* lo, int* hi) const;
  bool IsPronoun(int i) const;
  static bool IsPersonCode(const std::string& code);
  const EntryMatch* StrayActorBefore(int lo) const;
  std::vector<PhraseActor> Antecedent(int p, int depth) const;
  std::vector<PhraseActor> BothOf(int h, int lo, int hi) const;
  std::vector<PhraseActor> CodeApposition(int c, int depth) const;
  DepRel Rel(int i) const { return s_.tree.rel(i); }
  std::string_view Xpos(int i) const { return s_.xpos(i); }

  const ActorDictionary& actors_;
  const AgentDictionary& agents_;
  const ActorOptions& opt_;
  const CodingSentence& s_;
  const DependencyTree& tree_;
  const std::vector<std::string>& upper_;
  DocumentMemory* memory_;  // may be null (no document context)
  std::vector<EntryMatch> matches_;
  // Matches wholly inside comma asides: read only when coding an
  // apposition ("X, the United Nations envoy,"), whose words are an aside
  // to the events stage but say who X is.
  std::vector<EntryMatch> aside_matches_;
  mutable bool reading_apposition_ = false;
};

}  // namespace curlew

#endif  // CURLEW_ACTORS_NOUN_PHRASE_CODER_H_
