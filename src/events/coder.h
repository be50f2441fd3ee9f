// The event coder (the events stage): from a sentence's dependency tree
// (curlew's own parse or a converted Penn Treebank parse), the actor
// mentions of the actors stage (Document::actor_mentions) and a
// PETRARCH-format verb dictionary, finds who did what to whom.
//
//  - verbs are looked up by surface form (blocks, multi-word verbs) and
//    their patterns matched on the words around them (pattern matching);
//  - sources come from subjects (inherited through xcomp/conj chains, or
//    the by-/from- phrase of a passive), targets from objects and
//    prepositional phrases (roles); who a phrase names is read from its
//    head's actor mentions, never coded here;
//  - "X said that Y attacked Z" codes Y -> Z with X as the attribution;
//    PETRARCH's transformations rewrite a reported event with its verb;
//  - discards stop a sentence or a story; issues are attached;
//  - every event keeps its trigger, the word it was coded from.
//
// The parts, one file each (members of Coder::Run, events/coder_run.h):
// roles.cc, pattern_matcher.cc, transformations.cc, sentence_coder.cc (the
// pass that turns verb matches into events), word_order_fallback.cc.
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
  // PETRARCH's comma rules (syntax/comma_asides.h): no verb in a
  // comma-delimited aside is coded. Defaults as in PETRARCH's
  // PETR_config.ini. Must match the actors stage's ActorOptions::commas.
  CommaRules commas;
  // curlew's conventions for real news with its own knowledge base, beyond
  // PETRARCH's reading: a flat word-order fallback when the tree gives no
  // event; a passive without agent done to its subject; denials coded
  // instead of the denied event; negated past events dropped, "would not"
  // as an assurance (03); the actor right before a finite
  // verb as its subject; subjectless requests under an appeal are the
  // appealer's; rights bodies reporting violence accuse its perpetrator;
  // domestic actions without a target get the actor's country; agent-only
  // targets take the source's country; no event for comments without a
  // target or remarks to news agencies. Default: false (PETRARCH); the
  // Engine turns it on with the built-in knowledge base. Must match the
  // actors stage's ActorOptions::news_conventions (the appositive-subject
  // repair and the relative-clause comma rule apply to both).
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

  // Codes every sentence of `doc` and appends to doc.events. Requires the
  // tokens, tags and tree and the actors stage's mentions (FindActors with
  // the same dictionaries; without them no phrase names an actor).
  // *outcome (optional) reports discards.
  Status Code(Document& doc, CodingOutcome* outcome = nullptr) const;

  // The pattern chosen for the verb whose form starts at token `verb`
  // (sentence-relative) with the given words; `fast` uses the indexed
  // matcher, otherwise the plain reference matcher.
  PatternMatch MatchVerb(const Document& doc, const Sentence& s, size_t verb,
                         bool fast) const;

  const CoderOptions& options() const { return options_; }

 private:
  class Run;
  std::shared_ptr<const Dictionaries> dicts_;
  CoderOptions options_;
  std::shared_ptr<const CameoTable> cameo_;
};

// A news convention of Code() (CoderOptions::news_conventions), exposed to
// be tested on its own: one event per actor pair and clause reading. Drops,
// among events of the same sentence and modality, the bare country beside
// the same actor coded more specifically (EGY beside EGYMIL), each side of a
// joint act acting on its own country, and for one source and target a
// bare statement or appeal (010, 011, 020) beside an act (of two acts,
// the first).
void KeepOneEventPerPair(std::vector<Event>* events);

// The "events" pipeline component (requires kTokens | kTags | kTree |
// kMentions, assigns kEvents).
std::unique_ptr<Component> MakeCoderComponent(
    std::shared_ptr<const Dictionaries> dicts, CoderOptions options = {},
    std::shared_ptr<const CameoTable> cameo = nullptr);
// The same component around a Coder the caller shares.
std::unique_ptr<Component> MakeCoderComponent(
    std::shared_ptr<const Coder> coder);

}  // namespace curlew

#endif  // CURLEW_EVENTS_CODER_H_
