#include "eval/cameo_manual_eval.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "eval/test_events.h"

namespace curlew::eval {
namespace {

// A manual in the layout of the codebook's text rendering, with sentences of
// our own: a preface that must not be read, page furniture inside an
// example, an example note, a code without examples, a placeholder, a coding
// note under an Example label and a later chapter that must not be read.
constexpr std::string_view kManual =
    "Contents\n"
    "Example       Not in the verb chapter.\n"
    "\f"
    "Chapter 2\n"
    "\n"
    "VERB CODEBOOK\n"
    "\n"
    "2.4    CONSULT\n"
    "\n"
    " CAMEO           042\n"
    " Name            Make a visit\n"
    " Description     Travel to another place.\n"
    " Example         The foreign minister of Veldmark arrived in Osterlund "
    "on\n"
    "                 Monday for talks on fish-\n"
    "                 eries and a Syrian-\n"
    "                 backed plan.\n"
    " Example         Veldmark's president flew to Osterlund for a 28-month-\n"
    "                 old summit series, aides said on Tues-\n"
    "CHAPTER 2. VERB CODEBOOK                                          27\n"
    "\n"
    "\f\n"
    "                 day.\n"
    "Example Note     Two events are coded with actors reversed.\n"
    "\n"
    "CAMEO         017\n"
    "Name          Engage in symbolic act\n"
    "Usage Notes   No example in this entry.\n"
    "                                                12\n"
    "2.8   YIELD\n"
    "\n"
    "CAMEO         0871\n"
    "Name          Declare truce, ceasefire\n"
    "Example       Osterlund rebels declared a truce on Sunday.\n"
    "Example       Two linked events should be coded here.\n"
    "\n"
    "CAMEO         151\n"
    "Name          Increase police alert status\n"
    "Example       NEED EXAMPLE.\n"
    "\f"
    "Chapter 3\n"
    "CAMEO         190\n"
    "Example       Not in the verb chapter either.\n";

TEST(CameoManualTest, ExtractsExamplesWithTheirCodes) {
  auto manual = ParseCameoManual(kManual, "fixture");
  ASSERT_TRUE(manual.ok()) << manual.status().ToString();
  EXPECT_EQ(manual->codes, 4);
  ASSERT_EQ(manual->examples.size(), 3u);
  EXPECT_EQ(manual->examples[0].code, "042");
  EXPECT_EQ(manual->examples[0].text,
            "The foreign minister of Veldmark arrived in Osterlund on Monday "
            "for talks on fisheries and a Syrian-backed plan.");
  EXPECT_EQ(manual->examples[0].line, 12);
  EXPECT_EQ(manual->examples[1].code, "042");
  EXPECT_EQ(manual->examples[1].text,
            "Veldmark's president flew to Osterlund for a 28-month-old summit "
            "series, aides said on Tuesday.");
  EXPECT_EQ(manual->examples[2].code, "0871");
  EXPECT_EQ(manual->examples[2].text,
            "Osterlund rebels declared a truce on Sunday.");
  ASSERT_EQ(manual->skipped.size(), 2u);
  EXPECT_EQ(manual->skipped[0].code, "0871");
  EXPECT_NE(manual->skipped[0].reason.find("coding note"), std::string::npos);
  EXPECT_EQ(manual->skipped[1].code, "151");
  EXPECT_NE(manual->skipped[1].reason.find("placeholder"), std::string::npos);
  EXPECT_EQ(manual->codes_without_example,
            (std::vector<std::string>{"017", "151"}));
}

TEST(CameoManualTest, SkipsExamplesUnderAnInvalidCode) {
  auto manual = ParseCameoManual(
      "CAMEO         21x\nExample       Someone did something.\n"
      "CAMEO         0231\nExample       Osterlund asked Veldmark for aid.\n",
      "fixture");
  ASSERT_TRUE(manual.ok());
  ASSERT_EQ(manual->examples.size(), 1u);
  EXPECT_EQ(manual->examples[0].code, "0231");
  ASSERT_EQ(manual->skipped.size(), 1u);
  EXPECT_NE(manual->skipped[0].reason.find("not a CAMEO event code"),
            std::string::npos);
}

TEST(CameoManualTest, NoExampleIsAnError) {
  auto manual = ParseCameoManual("Chapter 2\nCAMEO   010\nName   x\n", "f.txt");
  ASSERT_FALSE(manual.ok());
  EXPECT_EQ(manual.status().code(), ErrorCode::kParseError);
  EXPECT_EQ(manual.status().where(), "f.txt");
}

TEST(CameoManualTest, JoinsLinesUndoingHyphenation) {
  EXPECT_EQ(JoinManualLines({"urged it to repatri-", "ate them"}),
            "urged it to repatriate them");
  EXPECT_EQ(JoinManualLines({"the Greek-", "Cypriot side"}),
            "the Greek-Cypriot side");
  EXPECT_EQ(JoinManualLines({"a 24-", "hour strike"}), "a 24-hour strike");
  EXPECT_EQ(JoinManualLines({"an air-to-", "surface missile"}),
            "an air-to-surface missile");
  EXPECT_EQ(JoinManualLines({"the Syrian-", "backed militia"}),
            "the Syrian-backed militia");
  EXPECT_EQ(JoinManualLines({"he said -", "and left"}), "he said - and left");
  EXPECT_EQ(JoinManualLines({"  one ", "", "two"}), "one two");
}

TEST(CameoManualTest, ScoresRootAndFullCode) {
  std::vector<ManualExample> examples = {
      {"042", "a", 1}, {"0871", "b", 2}, {"0871", "c", 3}, {"173", "d", 4}};
  std::vector<std::vector<Event>> coded = {
      {},                            // no event
      {Coded("AAA", "BBB", "010")},  // wrong root
      {Coded("AAA", "BBB", "087"),   // right root, wrong code
       Coded("AAA", "BBB", "087")},  // (a duplicate)
      {Coded("AAA", "BBB", "010"), Coded("AAA", "BBB", "173")},  // right
  };
  CameoManualScores s = ScoreCameoManual(examples, coded);
  EXPECT_EQ(s.all.examples, 4);
  EXPECT_EQ(s.all.no_event, 1);
  EXPECT_EQ(s.all.right_root, 2);
  EXPECT_EQ(s.all.right_code, 1);
  EXPECT_EQ(s.all.coded_events, 4);  // the duplicate counted once
  ASSERT_EQ(s.results.size(), 4u);
  EXPECT_EQ(s.results[0].failure, ManualFailure::kNoEvent);
  EXPECT_EQ(s.results[1].failure, ManualFailure::kWrongRoot);
  EXPECT_EQ(s.results[2].failure, ManualFailure::kWrongCode);
  EXPECT_EQ(s.results[3].failure, ManualFailure::kNone);
  ASSERT_EQ(s.by_root.size(), 3u);
  EXPECT_EQ(s.by_root["08"].examples, 2);
  EXPECT_EQ(s.by_root["08"].right_root, 1);
  EXPECT_EQ(s.by_root["08"].right_code, 0);
  EXPECT_EQ(s.by_root["17"].right_code, 1);
}

// The real manual: the extraction counts, and every score a share. No
// floors yet (issue 13 sets them; the helpers that reach them add them).
TEST(CameoManualTest, RealManualExtractsAndScores) {
  const std::string path =
      std::string(CURLEW_SHARED_DIR) + "/data/cameo/CAMEO.Manual.1.1b3.txt";
  if (!std::filesystem::exists(path)) {
    GTEST_SKIP() << "CAMEO manual not found at " << path;
  }
  auto manual = ReadCameoManual(path);
  ASSERT_TRUE(manual.ok()) << manual.status().ToString();
  EXPECT_EQ(manual->codes, 298);
  EXPECT_EQ(manual->examples.size(), 385u);
  EXPECT_EQ(manual->skipped.size(), 2u);
  EXPECT_EQ(manual->codes_without_example.size(), 16u);
  auto engine = Engine::Create({});
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  CameoManualScores s = EvaluateCameoManual(**engine, manual->examples);
  EXPECT_EQ(s.all.examples, 385);
  for (int n : {s.all.no_event, s.all.right_root, s.all.right_code}) {
    EXPECT_GE(n, 0);
    EXPECT_LE(n, s.all.examples);
  }
  EXPECT_LE(s.all.right_code, s.all.right_root);
  EXPECT_LE(s.all.right_root + s.all.no_event, s.all.examples);
}

}  // namespace
}  // namespace curlew::eval
