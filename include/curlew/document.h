// Document: one news report and every annotation curlew adds to it.
//
// A Document owns its original text and contiguous arrays of sentences,
// tokens, actor mentions and events (spaCy's design). Stages add annotations;
// they never copy or rewrite `text`. Every span is a pair of byte offsets into
// `text`, so any record can be traced back to the exact bytes it came from.
//
// Thread safety: a Document is a plain value. One thread works on one
// Document at a time; distinct Documents may be processed concurrently.
#ifndef CURLEW_DOCUMENT_H_
#define CURLEW_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "curlew/event.h"
#include "curlew/status.h"

namespace curlew {

// Half-open byte range [begin, end) in Document::text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  friend bool operator==(const Span&, const Span&) = default;
};

// One syntactic word. The text layer fills `span` and `norm`; the syntax stage
// fills the rest.
struct Token {
  Span span;             // bytes of the word in Document::text
  std::string norm;      // normalised form for matching: NFC, typographic
                         // quotes/dashes/apostrophes mapped to ASCII; case kept
  bool space_after = true;  // whitespace follows in the original text
  // This word and the previous one are one surface token split by the
  // tokenizer ("do" + "n't" of "don't"); a CoNLL-U writer prints them under
  // one multiword-token line.
  bool fused_with_previous = false;
  std::string upos;      // Universal POS tag ("NOUN"), empty until tagged
  std::string xpos;      // Penn Treebank tag ("NNS"), empty until tagged
  std::string lemma;     // lower-case lemma ("ratify"), empty until lemmatised
  int head = -1;         // 1-based index of the head within the sentence;
                         // 0 = root; -1 = not parsed
  std::string deprel;    // UD relation ("nsubj"), empty until parsed
};

// How the actors stage found an actor mention's code.
enum class ActorResolution : uint8_t {
  kDictionary,   // the phrase's own words are an actor entry ("Turkey"),
                 // or agent entries without an actor ("the minister")
  kComposed,     // an actor and agents composed ("Turkish" + "Foreign
                 // Minister" -> TURGOV; "Danish media and government")
  kApposition,   // an apposition names the actor ("Dirichati, the
                 // spokesman of the World Uighur Congress")
  kMemory,       // a name seen earlier in the document beside an actor
                 // ("Cavusoglu" after "Turkish Foreign Minister Mevlut
                 // Cavusoglu")
  kAlias,        // a close spelling of such a name ("Dilishati" after
                 // "Dirichati")
  kCoreference,  // a pronoun or possessive standing for the subject of its
                 // clause or the previous sentence's actor ("he", "their");
                 // a bare title for its last named holder ("the
                 // minister"); "the two leaders" for the last two named
  kMetonym,      // a place or building standing for a state or its organ;
                 // not yet produced: the knowledge base does not mark its
                 // metonyms apart from other actor entries
  kNewActor,     // PETRARCH's new_actor_length: a short uncoded phrase
                 // coded by its own words
  // A role without a country ("the minister") given the one country the
  // document names (news conventions; docs/event-coding.md).
  kDocumentCountry,
};
// "dictionary", "composed", "apposition", "memory", "alias",
// "coreference", "metonym", "new-actor", "document-country".
const char* ActorResolutionName(ActorResolution resolution);

// One actor a noun phrase names (actors stage). A phrase that names several
// ("Turkey and China") gives one mention each, all with the same head.
// Every word heading a phrase that names an actor has its mentions, so a
// later stage asks "who is the phrase headed by this word?" by its head.
struct ActorMention {
  uint32_t sentence = 0;     // index in Document::sentences
  uint32_t head = 0;         // index in Document::tokens of the head word
  uint32_t token_begin = 0;  // Document::tokens range of the words the
  uint32_t token_end = 0;    // code was read from (the phrase's core)
  Span span;                 // their bytes in Document::text
  std::string code;          // "TURGOV"; "---GOV" for an agent alone
  ActorResolution resolution = ActorResolution::kDictionary;
  // An agent without an actor ("the minister" -> "---GOV"): a role, no
  // one named.
  bool agent_only = false;
};

// Words matching one entry of the actor or agent dictionaries, before any
// composition ("Turkish" -> TUR, "Foreign Minister" -> GOV), in word order
// (actors stage; no match starts inside a comma aside). The events stage's
// word-order fallback groups them when the tree gives no event.
struct ActorEntryMatch {
  enum class Kind : uint8_t {
    kActor,        // an actor entry: `code` on the document's date, "A/B"
                   // for an entry with several codes, "" for none then
    kAgent,        // an agent entry written after the actor's code ("~GOV")
    kAgentPrefix,  // an agent entry written before it ("NGO~")
  };
  uint32_t sentence = 0;
  uint32_t token_begin = 0;  // Document::tokens range
  uint32_t token_end = 0;
  std::string code;
  Kind kind = Kind::kActor;
};

// One sentence: a span of text and a range of tokens.
struct Sentence {
  Span span;                 // bytes of the sentence in Document::text
  uint32_t token_begin = 0;  // index of the first token in Document::tokens
  uint32_t token_end = 0;    // one past the last token
  uint32_t size() const { return token_end - token_begin; }
};

// A news report. Readers fill the first block; stages fill the second.
struct Document {
  std::string id;      // unique within a corpus (file name, JSONL "id", ...)
  std::string date;    // publication date, "YYYY-MM-DD" (may be empty)
  std::string source;  // publisher or feed ("AFP"), may be empty
  std::string url;
  std::string title;
  std::string text;    // the original text, valid UTF-8

  // Given annotations (optional): a Penn Treebank bracketed parse supplied
  // with the text (PETRARCH XML), for the syntax stage to convert instead of
  // parsing itself.
  std::string ptb_parse;
  // True if `sentences` and `tokens` were supplied by the reader (CoNLL-U)
  // and the text layer must not re-split.
  bool pretokenized = false;

  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  // Actors stage: sorted by sentence, then head (then order in the phrase).
  std::vector<ActorMention> actor_mentions;
  // Actors stage: sorted by sentence, then first token.
  std::vector<ActorEntryMatch> actor_matches;
  std::vector<Event> events;
  // What the stages could not do in full without failing the document: a
  // sentence cut at a limit, a sentence too long to code. Each names the
  // document (where()) and the byte offset of the sentence (position());
  // the CLI prints them as warnings.
  std::vector<Status> warnings;

  std::string_view SpanText(Span s) const {
    return std::string_view(text).substr(s.begin, s.end - s.begin);
  }
  std::string_view TokenText(const Token& t) const { return SpanText(t.span); }
};

}  // namespace curlew

#endif  // CURLEW_DOCUMENT_H_
