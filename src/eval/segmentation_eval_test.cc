#include "eval/segmentation_eval.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

namespace curlew::text {
namespace {

TEST(SegmentationEvalTest, ReadsGoldWithMultiwordTokensAndParagraphs) {
  const std::string path = ::testing::TempDir() + "/curlew_gold.conllu";
  std::ofstream(path) << "# newdoc id = d1\n# newpar\n# text = I don't know.\n"
                         "1\tI\t_\t_\t_\t_\t_\t_\t_\t_\n"
                         "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
                         "2\tdo\t_\t_\t_\t_\t_\t_\t_\t_\n"
                         "3\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
                         "4\tknow\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
                         "5\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
                         "# newpar\n# text = Fine\n"
                         "1\tFine\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
  auto gold = ReadConlluGold(path);
  std::filesystem::remove(path);
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  ASSERT_EQ(gold->size(), 1u);
  const GoldText& g = (*gold)[0];
  EXPECT_EQ(g.id, "d1");
  EXPECT_EQ(g.text, "I don't know.\n\nFine");
  EXPECT_EQ(g.tokens.size(), 5u);
  EXPECT_EQ(g.words.size(), 6u);
  EXPECT_EQ(g.words[2], (Span{4, 7}));  // n't
  ASSERT_EQ(g.sentences.size(), 2u);
  auto scores = ScoreSegmentation(g);
  ASSERT_TRUE(scores.ok());
  EXPECT_EQ(scores->words.correct, 6u);
  EXPECT_EQ(scores->tokens.correct, 5u);
  EXPECT_DOUBLE_EQ(scores->sentences.F1(), 1.0);
}

TEST(SegmentationEvalTest, F1Counts) {
  F1Counts c{.gold = 10, .system = 8, .correct = 6};
  EXPECT_DOUBLE_EQ(c.Precision(), 0.75);
  EXPECT_DOUBLE_EQ(c.Recall(), 0.6);
  EXPECT_NEAR(c.F1(), 2 * 0.75 * 0.6 / 1.35, 1e-12);
}

// UD English EWT test set, raw text rebuilt from "# text" lines.
TEST(SegmentationEvalTest, EwtTestTokenF1) {
  const std::string path = std::string(CURLEW_SHARED_DIR) +
                           "/data/ud-english-ewt/en_ewt-ud-test.conllu";
  if (!std::filesystem::exists(path)) {
    GTEST_SKIP() << "EWT test set not found at " << path
                 << " (../shared absent)";
  }
  auto gold = ReadConlluGold(path);
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  SegmentationScores total;
  for (const GoldText& g : *gold) {
    auto s = ScoreSegmentation(g);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    total.Add(*s);
  }
  std::cout << "EWT test: token F1 " << total.tokens.F1() << ", word F1 "
            << total.words.F1() << ", sentence F1 " << total.sentences.F1()
            << "\n";
  EXPECT_GE(total.tokens.F1(), 0.985);
  EXPECT_GE(total.words.F1(), 0.985);
}

}  // namespace
}  // namespace curlew::text
