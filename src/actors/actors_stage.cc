#include "actors/actors_stage.h"

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "actors/coding_sentence.h"
#include "actors/dict_util.h"
#include "actors/document_memory.h"
#include "actors/noun_phrase_coder.h"

namespace curlew {

const char* ActorResolutionName(ActorResolution resolution) {
  switch (resolution) {
    case ActorResolution::kDictionary:
      return "dictionary";
    case ActorResolution::kComposed:
      return "composed";
    case ActorResolution::kApposition:
      return "apposition";
    case ActorResolution::kMemory:
      return "memory";
    case ActorResolution::kAlias:
      return "alias";
    case ActorResolution::kCoreference:
      return "coreference";
    case ActorResolution::kMetonym:
      return "metonym";
    case ActorResolution::kNewActor:
      return "new-actor";
  }
  return "";
}

namespace {

ActorEntryMatch::Kind KindOf(const EntryMatch& m) {
  if (!m.agent) return ActorEntryMatch::Kind::kActor;
  return m.agent->prefix ? ActorEntryMatch::Kind::kAgentPrefix
                         : ActorEntryMatch::Kind::kAgent;
}

// The bytes of tokens [b, e) of `doc` (empty where they run backwards).
Span BytesOf(const Document& doc, uint32_t b, uint32_t e) {
  if (b >= e) return {};
  const Span first = doc.tokens[b].span, last = doc.tokens[e - 1].span;
  return {first.begin, std::max(first.begin, last.end)};
}

}  // namespace

Status FindActors(const Dictionaries& dicts, const ActorOptions& options,
                  Document& doc) {
  doc.actor_mentions.clear();
  doc.actor_matches.clear();
  const int32_t date = dict::DocDate(doc.date);
  DocumentMemory memory;
  DocumentMemory* remember = options.news_conventions ? &memory : nullptr;
  std::vector<std::vector<PhraseActor>> coded;
  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    if (s.size() == 0 || s.size() > options.max_sentence_tokens) continue;
    CodingSentence sentence(doc, si, dicts.words, options.commas,
                            options.news_conventions);
    NounPhraseCoder phrases(dicts.actors, dicts.agents, options, sentence, date,
                            remember);
    for (const EntryMatch& m : phrases.matches())
      doc.actor_matches.push_back({si, s.token_begin + m.b, s.token_begin + m.e,
                                   m.agent ? m.agent->code : m.code,
                                   KindOf(m)});
    // Every word, in order: names learnt from a phrase serve the phrases
    // after it.
    coded.assign(s.size(), {});
    for (uint32_t h = 0; h < s.size(); ++h) {
      coded[h] = phrases.Code(static_cast<int>(h));
      for (const PhraseActor& a : coded[h]) {
        ActorMention m;
        m.sentence = si;
        m.head = s.token_begin + h;
        m.token_begin = s.token_begin + a.begin;
        m.token_end = s.token_begin + a.end;
        m.span = BytesOf(doc, m.token_begin, m.token_end);
        m.code = a.code;
        m.resolution = a.resolution;
        m.agent_only = a.agent_only;
        doc.actor_mentions.push_back(std::move(m));
      }
    }
    phrases.RememberSubject(coded);
  }
  return Status();
}

namespace {

class ActorsComponent : public Component {
 public:
  ActorsComponent(std::shared_ptr<const Dictionaries> dicts,
                  ActorOptions options)
      : dicts_(std::move(dicts)), options_(options) {}
  std::string_view name() const override { return "actors"; }
  uint32_t requires_annotations() const override {
    return kTokens | kTags | kTree;
  }
  uint32_t assigns_annotations() const override { return kMentions; }
  Status Process(Document& doc) const override {
    return FindActors(*dicts_, options_, doc);
  }

 private:
  std::shared_ptr<const Dictionaries> dicts_;
  ActorOptions options_;
};

}  // namespace

std::unique_ptr<Component> MakeActorsComponent(
    std::shared_ptr<const Dictionaries> dicts, ActorOptions options) {
  return std::make_unique<ActorsComponent>(std::move(dicts), options);
}

}  // namespace curlew
