#include "eval/validate.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "curlew/text.h"

namespace curlew {
namespace {

std::vector<std::string> Words(const Document& doc) {
  std::vector<std::string> words;
  for (const Token& t : doc.tokens) words.emplace_back(doc.TokenText(t));
  return words;
}

TEST(RetokenizeForPetrarchTest, JoinsHyphenatedWordsAndSplitsUnderscores) {
  Document doc;
  doc.text =
      "After a 12-year rift, an anti- Vellmark march met Dol_Amroth envoys "
      "-- and pro - Korrin ones.";
  ASSERT_TRUE(Segment(doc).ok());
  RetokenizeForPetrarch(doc);
  const std::vector<std::string> want = {
      "After",    "a",     "12-year", "rift",   ",",      "an",     "anti-",
      "Vellmark", "march", "met",     "Dol",    "Amroth", "envoys", "--",
      "and",      "pro",   "-",       "Korrin", "ones",   "."};
  EXPECT_EQ(Words(doc), want);
  ASSERT_EQ(doc.sentences.size(), 1u);
  EXPECT_EQ(doc.sentences[0].token_end, doc.tokens.size());
  for (const Token& t : doc.tokens) EXPECT_EQ(t.norm, doc.TokenText(t));
}

TEST(RetokenizeForPetrarchTest, KeepsSentenceRanges) {
  Document doc;
  doc.text = "Vellmark re-opened talks. Korrin walked out.";
  ASSERT_TRUE(Segment(doc).ok());
  RetokenizeForPetrarch(doc);
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.sentences[0].size(), 4u);  // Vellmark re-opened talks .
  EXPECT_EQ(doc.sentences[1].token_begin, 4u);
  EXPECT_EQ(doc.sentences[1].token_end, doc.tokens.size());
}

// The PETRARCH unit-test suite coded from its <Text> by curlew's own
// tokenizer and parser (issue 4 asks for at least 170 of 279). Measured:
// 233 with the committed model (226 with the previous one, 210 with the
// first one); the floor leaves room for small changes of the syntax model.
TEST(ValidationTest, UnitTestSuiteWithCurlewParserPassesFloor) {
  const std::string xml = std::string(CURLEW_SHARED_DIR) +
                          "/data/petrarch2/PETR.UnitTest.records.xml";
  if (!std::filesystem::exists(xml)) {
    GTEST_SKIP() << "shared data not found at " << xml;
  }
  std::ostringstream log;
  ValidateOptions o;
  o.parser = "curlew";
  auto r = RunValidation(xml, o, log);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::printf("PETRARCH unit tests (curlew parser): %d passed, %d failed\n",
              r->passed, r->failed);
  EXPECT_EQ(r->passed + r->failed, 279);
  EXPECT_GE(r->passed, 200);
  EXPECT_EQ(r->errors, 0) << log.str();
}

}  // namespace
}  // namespace curlew
