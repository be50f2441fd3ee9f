#include "actors/coding_sentence.h"

namespace curlew {

namespace {

// A title before a name ("President Biden", "Minister Tran Xuan Gia"),
// which the parser may attach as a descriptive nmod ("nmod:desc"), is read
// as part of the name's phrase (compound), so the title and the person
// are one actor for both the actors and the events stage.
void ReadTitlesAsCompounds(DependencyTree& tree) {
  const int n = static_cast<int>(tree.size());
  for (int i = 0; i < n; ++i) {
    const int h = tree.head(i);
    if (h <= i || tree.deprel(i) != "nmod:desc" ||
        !tree.token(h).xpos.starts_with("NNP") ||
        tree.Child(i, DepRel::kCase) >= 0)
      continue;
    tree.Reattach(i, h, DepRel::kCompound);
  }
}

}  // namespace

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
  if (news_conventions) {
    RepairAppositiveSubject(tree);
    ReadTitlesAsCompounds(tree);
  }
  asides = FindCommaAsides(tree, upper, commas, news_conventions);
}

}  // namespace curlew
