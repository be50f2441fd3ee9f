// Coding quality on curlew's own evaluation set (tests/data/
// eval_sentences.jsonl, 201 news-style sentences written for curlew, scoring
// key in tests/data/README.md), with the built-in knowledge base: precision
// and recall on (source, target, CAMEO root).
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "curlew/engine.h"
#include "eval/event_eval.h"

namespace curlew {
namespace {

// Issue 5's floors.
constexpr double kPrecisionFloor = 0.85;
constexpr double kRecallFloor = 0.75;

TEST(NewsEvalTest, PrecisionAndRecallOnOwnEvaluationSet) {
  auto items = events::ReadEvalFile(std::string(CURLEW_SOURCE_DIR) +
                                    "/tests/data/eval_sentences.jsonl");
  ASSERT_TRUE(items.ok()) << items.status().ToString();
  ASSERT_GE(items->size(), 150u);
  auto engine = Engine::Create({});
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();

  events::EventEvalScores s =
      events::EvaluateEvents((*engine)->pipeline(), *items);
  std::printf(
      "eval: %d sentences, %d expected, %d coded, %d correct: "
      "precision %.4f recall %.4f\n",
      s.sentences, s.expected, s.predicted, s.correct, s.Precision(),
      s.Recall());
  EXPECT_GE(s.Precision(), kPrecisionFloor);
  EXPECT_GE(s.Recall(), kRecallFloor);
}

TEST(NewsEvalTest, ScoreKeyKeepsCountryOrOrganisation) {
  EXPECT_EQ(events::ScoreKey("TURGOV"), "TUR");
  EXPECT_EQ(events::ScoreKey("IGOUNOHLH"), "IGOUNO");
  EXPECT_EQ(events::ScoreKey("NGOUIG"), "NGOUIG");
  EXPECT_EQ(events::ScoreKey("---GOV"), "");
  EXPECT_EQ(events::ScoreKey(""), "");
}

}  // namespace
}  // namespace curlew
