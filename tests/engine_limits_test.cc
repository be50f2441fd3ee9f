// Regressions of the engine's limits (issue 11): a sentence longer than a
// limit was coded in part, or not at all, without a word. The sentences are
// our own.
#include <gtest/gtest.h>

#include <string>

#include "curlew/engine.h"

namespace curlew {
namespace {

// A sentence longer than the coder codes gave no events and no word; now
// the document carries a warning naming it and its byte offset.
TEST(RegressionTest, ASentenceTooLongToCodeIsAWarning) {
  EngineOptions options;
  options.limits.max_coded_sentence_tokens = 40;
  auto engine = Engine::Create(options);
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  auto sentence = [](int words) {
    std::string s = "Peru and Chile signed a treaty";
    for (int i = 6; i < words - 1; ++i) s += " again";
    return s + ".";
  };
  Document doc;
  doc.id = "long";
  doc.date = "2020-01-01";
  const std::string first = sentence(30);
  doc.text = first + " " + sentence(60);
  ASSERT_TRUE((*engine)->Process(doc).ok());
  ASSERT_EQ(doc.sentences.size(), 2u);
  ASSERT_EQ(doc.warnings.size(), 1u);
  const Status& w = doc.warnings[0];
  EXPECT_EQ(w.code(), ErrorCode::kLimitExceeded);
  EXPECT_EQ(w.where(), "long");
  EXPECT_EQ(w.position(), static_cast<int64_t>(first.size() + 1));
  EXPECT_NE(w.message().find("sentence 1 has 60 tokens"), std::string::npos)
      << w.message();
  // The first sentence was coded.
  EXPECT_FALSE(doc.events.empty());
}

// A run of words longer than the splitter keeps whole is cut; the cut is a
// warning too.
TEST(RegressionTest, ASentenceCutAtTheLimitIsAWarning) {
  EngineOptions options;
  options.limits.max_sentence_tokens = 20;
  auto engine = Engine::Create(options);
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  Document doc;
  doc.id = "cut";
  doc.text = "Peru protested.";
  for (int i = 0; i < 50; ++i) doc.text += " word";
  ASSERT_TRUE((*engine)->Process(doc).ok());
  ASSERT_FALSE(doc.warnings.empty());
  EXPECT_NE(doc.warnings[0].message().find("max_sentence_tokens (20"),
            std::string::npos)
      << doc.warnings[0].ToString();
  EXPECT_EQ(doc.warnings[0].position(), 16);
}

TEST(RegressionTest, LimitsAreRangeChecked) {
  EngineOptions options;
  options.limits.max_document_bytes = 0;
  EXPECT_EQ(Engine::Create(options).status().code(),
            ErrorCode::kInvalidArgument);
  Limits limits;
  limits.max_document_bytes = static_cast<size_t>(-5);  // a wrapped "-5"
  EXPECT_EQ(limits.Validate().code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(Limits().Validate().ok());
}

}  // namespace
}  // namespace curlew
