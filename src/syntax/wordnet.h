// WordNet's word lists (Debian's wordnet-base, /usr/share/wordnet), read
// into memory once when a model is loaded or trained: the lemmas of each
// part of speech (index.noun, index.verb, index.adj, index.adv) and the
// irregular inflections (noun.exc, verb.exc, adj.exc, adv.exc).
//
// The lemmatizer uses them to confirm a lemma and to undo irregular
// inflections; the tagger uses Classes() as a dictionary feature, which
// matters most for words never seen in the treebank.
//
// Thread safety: immutable once loaded; every method is const.
#ifndef CURLEW_SYNTAX_WORDNET_H_
#define CURLEW_SYNTAX_WORDNET_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/flat_map.h"

namespace curlew::syntax {

class WordNet {
 public:
  // Bits of a part-of-speech set.
  enum Pos : uint8_t { kNoun = 1, kVerb = 2, kAdj = 4, kAdv = 8 };

  // Reads the lists from `dir`; false (and nothing loaded) if none is there.
  bool Load(const std::string& dir);

  // The base form of an irregular inflection ("fled" -> "flee") in the list
  // of `pos` (one Pos bit), or null.
  const std::string* Exception(Pos pos, std::string_view lower) const;
  // The parts of speech a lower-case word is a lemma of (0: not in WordNet).
  uint8_t LemmaPos(std::string_view lower) const;
  // Low four bits: LemmaPos(lower); high four bits: the parts of speech of
  // which `lower` is a regular or irregular inflection of a WordNet lemma
  // ("ratified": verb; "mice": noun; "bigger": adjective).
  uint8_t Classes(std::string_view lower) const;

 private:
  static int Index(Pos pos);
  // Irregular forms: Fnv1a(form) -> the lists it is in and its base form
  // in each.
  struct Irregular {
    uint8_t pos = 0;
    std::string base[4];
  };
  const Irregular* FindIrregular(std::string_view lower) const {
    const uint32_t* i = irregular_index_.Find(Fnv1a(lower));
    return i ? &irregular_[*i] : nullptr;
  }
  std::vector<Irregular> irregular_;
  FlatMap<uint32_t> irregular_index_;  // Fnv1a(form) -> irregular_ index
  FlatMap<uint8_t> lemmas_;            // Fnv1a(lemma) -> Pos bits
  uint8_t LemmaPosOfHash(uint64_t h) const {
    const uint8_t* p = lemmas_.Find(h);
    return p ? *p : 0;
  }
};

}  // namespace curlew::syntax

#endif  // CURLEW_SYNTAX_WORDNET_H_
