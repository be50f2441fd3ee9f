#include "actors/actors_stage.h"

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "actors/coding_sentence.h"
#include "actors/country_codes.h"
#include "actors/dict_util.h"
#include "actors/document_memory.h"
#include "actors/noun_phrase_coder.h"
#include "actors/residence.h"
#include "actors/shared_names.h"
#include "syntax/tree.h"

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
    case ActorResolution::kDocumentCountry:
      return "document-country";
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

// A role without a country, kept for the document-country rule.
struct Role {
  size_t mention;  // index in Document::actor_mentions
  std::string prefix, suffix;
};

// The one country the document names, or "" when it names none, several,
// or an organisation with officials of its own (IGO, NGO, ...). Read from
// the actor entries matched anywhere in the text (names, adjectives,
// capitals, people by their office); religious and ethnic groups own no
// offices and do not count.
std::string OnlyCountry(const Document& doc) {
  std::string only;
  for (const ActorEntryMatch& m : doc.actor_matches) {
    if (m.kind != ActorEntryMatch::Kind::kActor) continue;
    for (const std::string& code : SplitActorCodes(m.code)) {
      if (code.size() < 3) continue;
      const std::string_view owner(code.data(), 3);
      if (owner == "IGO" || owner == "NGO" || owner == "IMG" ||
          owner == "ISM" || owner == "MNC")
        return "";
      if (!IsStateCode(owner)) continue;
      if (!only.empty() && only != owner) return "";
      only = owner;
    }
  }
  return only;
}

// True if token t is inside an agent entry match ("the minister" headed
// by "minister"), not just a role word modifying another noun ("military
// exercises").
bool InAgentMatch(const Document& doc, uint32_t t) {
  for (const ActorEntryMatch& m : doc.actor_matches)
    if (m.kind != ActorEntryMatch::Kind::kActor && m.token_begin <= t &&
        t < m.token_end)
      return true;
  return false;
}

// True if the token modifies another noun (its phrase is part of a larger
// one).
bool IsModifier(const Token& t) {
  const DepRel r = DecodeDepRel(t.deprel);
  return r == DepRel::kAmod || r == DepRel::kCompound ||
         r == DepRel::kNmodPoss || r == DepRel::kFlat || r == DepRel::kDet;
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
  std::vector<Role> roles;
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
        // A role ending its phrase ("the minister", "Planning and
        // Investment Minister") or titling a name ("Minister Tran Xuan
        // Gia"), not a role word before another noun ("military
        // exercises").
        if (a.agent_only && !a.foreign && m.token_end > m.token_begin &&
            (InAgentMatch(doc, m.token_end - 1) ||
             doc.tokens[m.token_end - 1].xpos.starts_with("NNP")))
          roles.push_back(
              {doc.actor_mentions.size(), a.prefix_agents, a.suffix_agents});
        // Actors named, for "the two leaders": whole phrases only, not
        // "Norwegian" in "Norwegian Minister Ola Berg".
        if (!m.agent_only && !IsModifier(doc.tokens[m.head]))
          memory.NoteActor(m.code);
        doc.actor_mentions.push_back(std::move(m));
      }
    }
    phrases.RememberSubject(coded);
  }
  if (options.news_conventions) {
    ResolveSharedPlaceNames(doc);
    ResolveResidence(doc);
  }
  // A role without a country takes the document's country when the
  // document names exactly one (see OnlyCountry): "Vietnam ... the Planning
  // Minister" is Vietnam's minister; with two countries named it stays
  // "---GOV".
  if (options.news_conventions && !roles.empty()) {
    if (const std::string country = OnlyCountry(doc); !country.empty())
      for (const Role& r : roles) {
        ActorMention& m = doc.actor_mentions[r.mention];
        m.code = r.prefix + country + r.suffix;
        m.agent_only = false;
        m.resolution = ActorResolution::kDocumentCountry;
      }
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
