// The parts of a syntax model and its file format.
//
// File layout (version 3): 8-byte magic "CURLEWSX", uint32 version, uint32
// zero, uint64 payload size, uint64 Checksum() of the payload, zero padding
// to byte 64, then the payload: tagger, lemmatizer, parser, punctuation
// attacher (each written by its own Write()), with every array 64-byte
// aligned so that the loaded model reads its tables in place from the
// mapped file.
//
// Versions 1 and 2 (tables built at load) no longer load: retrain with
// `curlew train-syntax`.
//
// Thread safety: immutable once loaded.
#ifndef CURLEW_SYNTAX_MODEL_DATA_H_
#define CURLEW_SYNTAX_MODEL_DATA_H_

#include <atomic>
#include <string>
#include <string_view>

#include "curlew/document.h"
#include "curlew/status.h"
#include "syntax/lemmatizer.h"
#include "syntax/model_bytes.h"
#include "syntax/parser.h"
#include "syntax/punct.h"
#include "syntax/tagger.h"
#include "syntax/wordnet.h"
#include "text/chars.h"

namespace curlew::syntax {

inline constexpr char kMagic[8] = {'C', 'U', 'R', 'L', 'E', 'W', 'S', 'X'};
// Version 2: the tagger's second pass and the punctuation attacher.
// Version 3: tables stored as they are searched (read in place).
// Version 4: buckets flag an overflow (LinearModel), so searches for absent
// features stop sooner.
inline constexpr uint32_t kVersion = 4;
inline constexpr size_t kHeaderBytes = 64;

struct ModelData {
  // The file's bytes, when the model was read from one (the tables below
  // may point into them).
  ModelBytes bytes;
  Tagger tagger;
  Lemmatizer lemmatizer;
  Parser parser;
  PunctAttacher punct;
  // Read from WordNet's folder at load, never stored in the model file.
  WordNet wordnet;
  // Unique to this ModelData in the process: keys per-thread caches of
  // what the model computes, so that a model made at the address of a
  // freed one never sees the other's entries.
  uint64_t instance = NextInstance();

  static uint64_t NextInstance() {
    static std::atomic<uint64_t> next{1};
    return next.fetch_add(1, std::memory_order_relaxed);
  }

  // Loads WordNet from `dir` (if there) and gives tagger and lemmatizer
  // access to it.
  void LoadWordNet(const std::string& dir) {
    wordnet.Load(dir);
    tagger.wordnet = &wordnet;
    lemmatizer.wordnet = &wordnet;
  }
};

// The parser's hash of a word's last three letters, from the tagger's.
inline uint64_t ParserSuffix(const WordInfo& w) { return w.suf3 + 4; }

// Sets word i of the parser's input from the word and its tags.
inline void FillParserInput(const Tagger& tagger, std::string_view word,
                            std::string_view upos, std::string_view xpos,
                            size_t i, ParserInput& in) {
  std::string low = text::AsciiLower(word);
  std::string_view l = low;
  in.word[i] = Fnv1a(l);
  in.suffix[i] = Fnv1a(l.substr(l.size() > 3 ? l.size() - 3 : 0)) + 7;
  in.tag[i] = TagHash(upos, xpos);
  in.upos[i] = UposHash(upos);
  const uint16_t* cluster = tagger.clusters.Find(in.word[i]);
  in.cluster[i] = cluster ? *cluster + 1u : 0u;
}

// The same from what the tagger computed: its description of the word and
// its tag class.
inline void FillParserInput(const Tagger& tagger, const WordInfo& w, int tag,
                            size_t i, ParserInput& in) {
  in.word[i] = w.lower;
  in.suffix[i] = ParserSuffix(w);
  in.tag[i] = tagger.tag_hash[tag];
  in.upos[i] = tagger.upos_hash[tag];
  in.cluster[i] = w.cluster;
}

// Parses `in`, attaches punctuation again (tokens tagged PUNCT) and writes
// heads and relations into the sentence's tokens.
void ParseInto(const ModelData& model, const ParserInput& in, Document& doc,
               const Sentence& sentence);

// Serialises `model` with header and checksum.
std::string EncodeModel(const ModelData& model);
// Takes a file's bytes and reads the model from them (the model keeps
// them); errors name `path`.
Status DecodeModel(ModelBytes bytes, const std::string& path, ModelData& model);
// Maps the file at `path` and decodes it.
Status ReadModelFile(const std::string& path, ModelData& model);
// Writes the file atomically-ish (to path, via a temporary).
Status WriteModelFile(const ModelData& model, const std::string& path);

}  // namespace curlew::syntax

#endif  // CURLEW_SYNTAX_MODEL_DATA_H_
