// The event coder: from a sentence's dependency tree (curlew's own parse or
// a converted Penn Treebank parse) and a PETRARCH-format dictionary set,
// finds who did what to whom.
//
//  - verbs are looked up by surface form (blocks, multi-word verbs) and
//    their patterns matched on the words around them (PatternMatcher);
//  - sources come from subjects (inherited through xcomp/conj chains, or
//    the by-/from- phrase of a passive), targets from objects and
//    prepositional phrases, pronouns from the governing clause;
//  - noun phrases are coded from actor and agent phrases ("the ambassadors
//    of Arnor" -> ARNGOV), coordinations distributed over events;
//  - "X said that Y attacked Z" codes Y -> Z with X as the attribution;
//  - discards stop a sentence or a story; issues are attached.
//
// A Coder holds only a pointer to the shared immutable Dictionaries; Code()
// is const and thread-safe (scratch memory is per call).
#ifndef CURLEW_EVENTS_CODER_H_
#define CURLEW_EVENTS_CODER_H_

#include <memory>
#include <string>
#include <vector>

#include "curlew/document.h"
#include "curlew/pipeline.h"
#include "curlew/places.h"
#include "curlew/status.h"
#include "events/cameo_table.h"
#include "events/dictionaries.h"
#include "syntax/comma_asides.h"

namespace curlew {

struct CoderOptions {
  // Emit only events with both a source and a target. Default: true.
  bool require_dyad = true;
  // Code an uncoded noun phrase of at most this many words by its own text
  // (PETRARCH's new_actor_length). Default: 0 (off).
  int new_actor_length = 0;
  // PETRARCH's comma rules (syntax/comma_asides.h): comma-delimited asides
  // are ignored when coding. Defaults as in PETRARCH's PETR_config.ini.
  CommaRules commas;
  // curlew's conventions for real news with its own knowledge base, beyond
  // PETRARCH's reading: a flat word-order fallback when the tree gives no
  // event; a passive without agent done to its subject; denials coded
  // instead of the denied event; negated past events dropped, "would not"
  // as an assurance (03); document memory (pronouns, names seen with a
  // role, close spellings); appositions; the actor right before a finite
  // verb as its subject; subjectless requests under an appeal are the
  // appealer's; rights bodies reporting violence accuse its perpetrator;
  // domestic actions without a target get the actor's country; agent-only
  // targets take the source's country; no event for comments without a
  // target or remarks to news agencies. Default: false (PETRARCH); the
  // Engine turns it on with the built-in knowledge base.
  bool news_conventions = false;
  // With news_conventions: a gazetteer whose place named in the sentence
  // ("air strikes on Gaza City") gives the target country of an attack or
  // a force posture (roots 15, 18, 19, 20) that names no target actor.
  // Default: none (shared, immutable).
  std::shared_ptr<const Gazetteer> places;
  // Longest sentence coded, in tokens; longer ones are skipped. Default 300.
  size_t max_sentence_tokens = 300;
};

// What became of a document.
enum class CodingOutcome { kCoded, kStoryDiscard, kSentenceDiscard };

// A pattern match result, for the differential test.
struct PatternMatch {
  int block = -1;
  int pattern = -1;  // index in the block, -1: no pattern matched
  std::string code, code2;
};

class Coder {
 public:
  // `cameo` (optional) fills root, quad, Goldstein and PLOVER fields.
  Coder(std::shared_ptr<const Dictionaries> dicts, CoderOptions options = {},
        std::shared_ptr<const CameoTable> cameo = nullptr);

  // Codes every sentence of `doc` (tokens, tags and tree required) and
  // appends to doc.events. *outcome (optional) reports discards.
  Status Code(Document& doc, CodingOutcome* outcome = nullptr) const;

  // The pattern chosen for the verb whose form starts at token `verb`
  // (sentence-relative) with the given words; `fast` uses the indexed
  // matcher, otherwise the plain reference matcher.
  PatternMatch MatchVerb(const Document& doc, const Sentence& s, size_t verb,
                         bool fast) const;

  // The actor code of the noun phrase whose head is doc.tokens[head] in
  // sentence `sentence` ("" if it names no known actor), by the same rules
  // the coder uses for sources and targets.
  std::string CodeNounPhrase(const Document& doc, uint32_t sentence,
                             uint32_t head) const;

  const CoderOptions& options() const { return options_; }

 private:
  class Run;
  std::shared_ptr<const Dictionaries> dicts_;
  CoderOptions options_;
  std::shared_ptr<const CameoTable> cameo_;
};

// The "events" pipeline component (requires kTokens | kTags | kTree,
// assigns kEvents).
std::unique_ptr<Component> MakeCoderComponent(
    std::shared_ptr<const Dictionaries> dicts, CoderOptions options = {},
    std::shared_ptr<const CameoTable> cameo = nullptr);
// The same component around a Coder the caller shares (the Engine also
// asks it for actor codes).
std::unique_ptr<Component> MakeCoderComponent(
    std::shared_ptr<const Coder> coder);

}  // namespace curlew

#endif  // CURLEW_EVENTS_CODER_H_
