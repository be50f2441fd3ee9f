// The parts of a syntax model and its file format.
//
// File layout: 8-byte magic "CURLEWSX", uint32 version, uint64 payload size,
// uint64 FNV-1a checksum of the payload, then the payload: tagger,
// lemmatizer, parser, punctuation attacher (each written by its own
// Write()).
//
// Thread safety: immutable once loaded.
#ifndef CURLEW_SYNTAX_MODEL_DATA_H_
#define CURLEW_SYNTAX_MODEL_DATA_H_

#include <string>
#include <string_view>

#include "curlew/document.h"
#include "curlew/status.h"
#include "syntax/lemmatizer.h"
#include "syntax/parser.h"
#include "syntax/punct.h"
#include "syntax/tagger.h"
#include "syntax/wordnet.h"
#include "text/chars.h"

namespace curlew::syntax {

inline constexpr char kMagic[8] = {'C', 'U', 'R', 'L', 'E', 'W', 'S', 'X'};
// Version 2: the tagger's second pass and the punctuation attacher.
// Version-1 files (one tagger pass, no attacher) still load.
inline constexpr uint32_t kVersion = 2;

struct ModelData {
  Tagger tagger;
  Lemmatizer lemmatizer;
  Parser parser;
  PunctAttacher punct;
  // Read from WordNet's folder at load, never stored in the model file.
  WordNet wordnet;

  // Loads WordNet from `dir` (if there) and gives tagger and lemmatizer
  // access to it.
  void LoadWordNet(const std::string& dir) {
    wordnet.Load(dir);
    tagger.wordnet = &wordnet;
    lemmatizer.wordnet = &wordnet;
  }
};

// The tag hash the parser sees for a (UPOS, XPOS) pair.
inline uint64_t TagHash(std::string_view upos, std::string_view xpos) {
  return Mix(Fnv1a(upos) * 31 + Fnv1a(xpos));
}

// Sets word i of the parser's input.
inline void FillParserInput(std::string_view word, std::string_view upos,
                            std::string_view xpos, size_t i, ParserInput& in) {
  std::string low = text::AsciiLower(word);
  std::string_view l = low;
  in.word[i] = Fnv1a(l);
  in.suffix[i] = Fnv1a(l.substr(l.size() > 3 ? l.size() - 3 : 0)) + 7;
  in.tag[i] = TagHash(upos, xpos);
  in.upos[i] = Fnv1a(upos) + 13;
}

// Parses `in`, attaches punctuation again (tokens tagged PUNCT) and writes
// heads and relations into the sentence's tokens.
void ParseInto(const ModelData& model, const ParserInput& in, Document& doc,
               const Sentence& sentence);

// Serialises `model` with header and checksum.
std::string EncodeModel(const ModelData& model);
// Parses a file's bytes; errors name `path`.
Status DecodeModel(std::string_view bytes, const std::string& path,
                   ModelData& model);
// Writes the file atomically-ish (to path, via a temporary).
Status WriteModelFile(const ModelData& model, const std::string& path);

}  // namespace curlew::syntax

#endif  // CURLEW_SYNTAX_MODEL_DATA_H_
