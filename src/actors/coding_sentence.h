// CodingSentence: one sentence as the actors and the events stage read it:
// its dependency tree (syntax/tree.h; under news conventions with the
// appositive-subject repair), each word upper-cased and looked up in the
// dictionaries' word table, and the words in comma asides
// (syntax/comma_asides.h). Both stages build it with the same options from
// the same tokens, so they see the same words and the same tree.
//
// Refers to the Document (which must outlive it); one thread.
#ifndef CURLEW_ACTORS_CODING_SENTENCE_H_
#define CURLEW_ACTORS_CODING_SENTENCE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "actors/dict_util.h"
#include "curlew/document.h"
#include "syntax/comma_asides.h"
#include "syntax/tree.h"

namespace curlew {

struct CodingSentence {
  CodingSentence(const Document& doc, uint32_t sentence,
                 const dict::WordTable& words, const CommaRules& commas,
                 bool news_conventions);

  uint32_t size() const { return tree.size(); }
  const Token& token(uint32_t i) const { return tree.token(i); }
  std::string_view xpos(uint32_t i) const { return tree.token(i).xpos; }

  DependencyTree tree;
  std::vector<std::string> upper;  // each word upper-cased (norm, else text)
  std::vector<uint32_t> ids;       // word-table ids (dict::kNoWord: none)
  std::vector<bool> asides;        // words in comma asides
};

}  // namespace curlew

#endif  // CURLEW_ACTORS_CODING_SENTENCE_H_
