#include "actors/coding_sentence.h"

namespace curlew {

CodingSentence::CodingSentence(const Document& doc, uint32_t sentence,
                               const dict::WordTable& words,
                               const CommaRules& commas, bool news_conventions)
    : tree(doc, sentence) {
  const uint32_t n = tree.size();
  upper.resize(n);
  ids.resize(n);
  for (uint32_t i = 0; i < n; ++i) {
    const Token& t = tree.token(i);
    upper[i] = dict::Upper(t.norm.empty() ? doc.TokenText(t) : t.norm);
    ids[i] = words.Find(upper[i]);
  }
  if (news_conventions) RepairAppositiveSubject(tree);
  asides = FindCommaAsides(tree, upper, commas, news_conventions);
}

}  // namespace curlew
