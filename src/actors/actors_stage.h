// The actors stage: between syntax and events, finds who each noun phrase
// of a document names and writes it into the Document:
//
//  - Document::actor_matches: the words matching an actor or agent entry
//    of the dictionaries, before any composition;
//  - Document::actor_mentions: for every word that heads a phrase naming
//    an actor, the actor(s) it names, composed ("Turkish Foreign Minister"
//    -> TURGOV), distributed over coordinations and resolved across the
//    document (pronouns, names seen before, appositions), each with how it
//    was resolved (ActorResolution).
//
// The rules are NounPhraseCoder's (actors/noun_phrase_coder.h); the
// document's memory (DocumentMemory) lives for one Process call. Sentences
// are read in order; within a sentence every phrase is coded in word
// order, and the sentence's main subject is remembered for the next.
//
// Thread safety: FindActors is reentrant; the component is immutable and
// shares its dictionaries read-only, so one component serves many threads.
#ifndef CURLEW_ACTORS_ACTORS_STAGE_H_
#define CURLEW_ACTORS_ACTORS_STAGE_H_

#include <cstddef>
#include <memory>

#include "curlew/document.h"
#include "curlew/pipeline.h"
#include "curlew/status.h"
#include "events/dictionaries.h"
#include "syntax/comma_asides.h"

namespace curlew {

struct ActorOptions {
  // curlew's conventions for real news with its own knowledge base:
  // appositions, names remembered beside an actor (also in close
  // spellings), pronouns for the previous sentence's actor, a country
  // adjective parsed as a stray modifier before a role, conjuncts hung
  // inside an actor's name, "talks in X" as a place, the appositive-subject
  // parse repair. Default: false (PETRARCH's reading). Must match the
  // events stage's CoderOptions::news_conventions.
  bool news_conventions = false;
  // Code an uncoded noun phrase of at most this many words by its own text
  // (PETRARCH's new_actor_length). Default: 0 (off).
  int new_actor_length = 0;
  // PETRARCH's comma rules: no actor is found in an aside. Must match the
  // events stage's CoderOptions::commas.
  CommaRules commas;
  // Longest sentence read, in tokens; longer ones get no mentions (the
  // events stage skips them too). Default 300.
  size_t max_sentence_tokens = 300;
};

// Fills doc.actor_matches and doc.actor_mentions (replacing earlier ones)
// from the tokens, tags and tree of `doc`.
Status FindActors(const Dictionaries& dicts, const ActorOptions& options,
                  Document& doc);

// The "actors" pipeline component (requires kTokens | kTags | kTree,
// assigns kMentions).
std::unique_ptr<Component> MakeActorsComponent(
    std::shared_ptr<const Dictionaries> dicts, ActorOptions options = {});

}  // namespace curlew

#endif  // CURLEW_ACTORS_ACTORS_STAGE_H_
