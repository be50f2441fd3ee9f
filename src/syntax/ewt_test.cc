// The committed model against UD English EWT test (gold tokenization).
// Skips when ../shared is absent.
//
// Issue 3 asks for UPOS >= 95.0, lemma >= 97.0, UAS >= 86.0, LAS >= 83.0,
// and these are the floors asserted here. The committed model measures
// UPOS 95.97, lemma 97.21, UAS 86.53, LAS 83.84 (data/models/README.md).
#include <gtest/gtest.h>

#include <filesystem>

#include "curlew/syntax.h"
#include "io/conllu.h"

namespace curlew {
namespace {

TEST(EwtModel, MeetsFloorsOnTestSet) {
  const std::string test = std::string(CURLEW_SHARED_DIR) +
                           "/data/ud-english-ewt/en_ewt-ud-test.conllu";
  if (!std::filesystem::exists(test)) {
    GTEST_SKIP() << "UD English EWT not found at " << test
                 << " (../shared absent)";
  }
  const std::string path =
      std::string(CURLEW_SOURCE_DIR) + "/data/models/en_ewt.model";
  auto model = SyntaxModel::Load(path);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  Result<Document> gold = ReadConlluFile(test);
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  Document sys = *gold;
  ClearSyntax(sys);
  ASSERT_TRUE((*model)->Annotate(sys).ok());
  SyntaxScores sc = ScoreSameTokens(*gold, sys);
  EXPECT_EQ(sc.gold_words, sc.system_words);
  EXPECT_GE(sc.F1(sc.upos), 95.0);
  EXPECT_GE(sc.F1(sc.lemma), 97.0);
  EXPECT_GE(sc.F1(sc.uas), 86.0);
  EXPECT_GE(sc.F1(sc.las), 83.0);
  // Every sentence is a tree with exactly one root.
  for (const Sentence& s : sys.sentences) {
    int roots = 0;
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      const Token& t = sys.tokens[i];
      ASSERT_GE(t.head, 0);
      ASSERT_LE(t.head, static_cast<int>(s.size()));
      roots += t.head == 0;
    }
    EXPECT_EQ(roots, 1);
  }
}

}  // namespace
}  // namespace curlew
