// Pipeline: named components applied to a Document in one direction.
//
//   source -> text -> syntax -> actors -> events -> (time, places)
//          -> ledger -> store -> query / serve
//
// Each Component declares the annotations it requires and those it assigns.
// Pipeline::Add checks, when the pipeline is assembled, that everything a
// component requires is assigned by an earlier one, so a mis-ordered pipeline
// fails at start and never half-way through a corpus.
//
// Thread safety: a Component is immutable after construction and its
// Process() is const, so one Pipeline may be shared by many threads, each
// working on its own Document. Per-call scratch memory belongs to the call.
#ifndef CURLEW_PIPELINE_H_
#define CURLEW_PIPELINE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "curlew/document.h"
#include "curlew/status.h"

namespace curlew {

// Annotation kinds, as bit flags.
enum Annotation : uint32_t {
  kText = 1u << 0,       // Document::text (from a reader)
  kSentences = 1u << 1,  // Document::sentences
  kTokens = 1u << 2,     // Document::tokens with span and norm
  kTags = 1u << 3,       // Token::upos, Token::xpos
  kLemmas = 1u << 4,     // Token::lemma
  kTree = 1u << 5,       // Token::head, Token::deprel
  kEvents = 1u << 6,     // Document::events (who, what, whom)
  kDates = 1u << 7,      // Event::date
  kPlaces = 1u << 8,     // Event::location
  kMentions = 1u << 9,   // Document::actor_mentions, actor_matches
};

class Component {
 public:
  virtual ~Component() = default;
  virtual std::string_view name() const = 0;
  virtual uint32_t requires_annotations() const = 0;
  virtual uint32_t assigns_annotations() const = 0;
  // Adds this component's annotations to `doc`. Errors name the document.
  virtual Status Process(Document& doc) const = 0;
};

class Pipeline {
 public:
  // Appends a component. Fails (and does not add it) if something it
  // requires is not assigned by an earlier component.
  Status Add(std::unique_ptr<Component> component);

  // Runs every component in order; stops at the first error.
  Status Process(Document& doc) const;

  // Component names in order, e.g. "text,syntax,events".
  std::string Describe() const;

 private:
  std::vector<std::unique_ptr<Component>> components_;
  uint32_t available_ = kText;
};

}  // namespace curlew

#endif  // CURLEW_PIPELINE_H_
