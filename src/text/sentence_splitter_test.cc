#include "text/sentence_splitter.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "curlew/text.h"
#include "eval/segmentation_eval.h"

namespace curlew {
namespace {

// The sentences Segment() finds in `text`.
std::vector<std::string> Sentences(const std::string& text,
                                   TextOptions options = {}) {
  Document doc;
  doc.text = text;
  EXPECT_TRUE(Segment(doc, options).ok());
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences) {
    out.emplace_back(doc.SpanText(s.span));
  }
  return out;
}

using ::testing::ElementsAre;

TEST(SentenceSplitterTest, PlainSentences) {
  EXPECT_THAT(
      Sentences("Troops withdrew. Talks resumed! Will peace hold?"),
      ElementsAre("Troops withdrew.", "Talks resumed!", "Will peace hold?"));
}

TEST(SentenceSplitterTest, TitlesAndMonthsDoNotEndSentences) {
  EXPECT_THAT(
      Sentences("Gen. Ortiz met Sen. Park and Dr. Lee on Dec. 30 in St. "
                "Paul. Lt. Col. Adams was there too."),
      ElementsAre("Gen. Ortiz met Sen. Park and Dr. Lee on Dec. 30 in St. "
                  "Paul.",
                  "Lt. Col. Adams was there too."));
}

TEST(SentenceSplitterTest, InitialsAndNumberSign) {
  EXPECT_THAT(Sentences("J.R.R. Tolkien lived at No. 20 Northmoor Road. He "
                        "wrote there."),
              ElementsAre("J.R.R. Tolkien lived at No. 20 Northmoor Road.",
                          "He wrote there."));
}

TEST(SentenceSplitterTest, UsBeforeCapitalisedWordNeedsEvidence) {
  EXPECT_THAT(Sentences("He flew to the U.S. The U.S. Senate voted. Acme "
                        "Inc. said it would appeal."),
              ElementsAre("He flew to the U.S.", "The U.S. Senate voted.",
                          "Acme Inc. said it would appeal."));
}

TEST(SentenceSplitterTest, QuotesEndingSentences) {
  EXPECT_THAT(Sentences("\"Why now?\" he asked. \"Go!\" she said. He called "
                        "it \"a mistake.\" Nobody agreed."),
              ElementsAre("\"Why now?\" he asked.", "\"Go!\" she said.",
                          "He called it \"a mistake.\"", "Nobody agreed."));
  EXPECT_THAT(
      Sentences("\u201CNever,\u201D he said. \u201CNot again.\u201D"),
      ElementsAre("\u201CNever,\u201D he said.", "\u201CNot again.\u201D"));
}

TEST(SentenceSplitterTest, DatelineIsItsOwnSegment) {
  EXPECT_THAT(Sentences("ANKARA, Dec 31 (Reuters) - Turkey said no."),
              ElementsAre("ANKARA, Dec 31 (Reuters) -", "Turkey said no."));
  EXPECT_THAT(Sentences("WASHINGTON \u2014 The Senate met."),
              ElementsAre("WASHINGTON \u2014", "The Senate met."));
  // Capitals without a dash are no dateline.
  EXPECT_THAT(Sentences("NATO met - briefly - on Monday."),
              ElementsAre("NATO met - briefly - on Monday."));
}

TEST(SentenceSplitterTest, ParagraphBreakAlwaysEnds) {
  EXPECT_THAT(Sentences("Headline without stop\n\nBody starts here"),
              ElementsAre("Headline without stop", "Body starts here"));
  EXPECT_THAT(Sentences("one line\nwraps here."),
              ElementsAre("one line\nwraps here."));
}

TEST(SentenceSplitterTest, LongSentenceIsCut) {
  TextOptions options;
  options.max_sentence_tokens = 4;
  Document doc;
  doc.text = "a b c d e f g h i j.";
  ASSERT_TRUE(Segment(doc, options).ok());
  ASSERT_EQ(doc.sentences.size(), 3u);
  EXPECT_EQ(doc.sentences[0].size(), 4u);
  EXPECT_EQ(doc.sentences[2].size(), 3u);
  EXPECT_EQ(doc.SpanText(doc.sentences[2].span), "i j.");
}

// The checked-in news paragraphs (tests/data/news_sentences.txt): one
// sentence per line, paragraphs separated by blank lines. Each paragraph is
// joined with spaces and split again.
TEST(SentenceSplitterTest, NewsParagraphsSentenceF1) {
  std::ifstream in(std::string(CURLEW_SOURCE_DIR) +
                   "/tests/data/news_sentences.txt");
  ASSERT_TRUE(in) << "tests/data/news_sentences.txt missing";
  std::vector<text::GoldText> paragraphs(1);
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with("#")) continue;
    text::GoldText& g = paragraphs.back();
    if (line.empty()) {
      if (!g.text.empty()) paragraphs.emplace_back();
      continue;
    }
    if (!g.text.empty()) g.text += ' ';
    const uint32_t begin = static_cast<uint32_t>(g.text.size());
    g.text += line;
    g.sentences.push_back(Span{begin, static_cast<uint32_t>(g.text.size())});
  }
  if (paragraphs.back().text.empty()) paragraphs.pop_back();
  ASSERT_GE(paragraphs.size(), 60u);
  text::F1Counts total;
  for (const text::GoldText& g : paragraphs) {
    auto scores = text::ScoreSegmentation(g);
    ASSERT_TRUE(scores.ok());
    if (scores->sentences.correct != scores->sentences.gold) {
      std::cout << "not split as written: " << g.text << "\n";
    }
    total.Add(scores->sentences);
  }
  EXPECT_GE(total.F1(), 0.99) << "sentence F1 " << total.F1();
  std::cout << "news paragraphs: " << paragraphs.size() << ", sentences "
            << total.gold << ", F1 " << total.F1() << "\n";
}

}  // namespace
}  // namespace curlew

namespace curlew {
namespace {

TEST(SentenceSplitterTest, BracketAfterAbbreviationContinues) {
  EXPECT_THAT(Sentences("They meet at 10 a.m. (1400 GMT) on Monday. Then "
                        "they leave at 2 p.m. \"We are done,\" one said."),
              ::testing::ElementsAre(
                  "They meet at 10 a.m. (1400 GMT) on Monday.",
                  "Then they leave at 2 p.m.", "\"We are done,\" one said."));
}

}  // namespace
}  // namespace curlew
