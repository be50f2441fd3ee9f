// Hostile and odd input through the whole Engine: unknown or misspelled
// names, sentences without a verb, a 300-token sentence, headlines in
// capitals. Nothing may crash and no event may be invented. Every sentence
// here is written for this test.
#include <gtest/gtest.h>

#include <string>

#include "curlew/engine.h"

namespace curlew {
namespace {

class RobustnessTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto engine = Engine::Create({});
    if (engine.ok()) engine_ = engine->release();
  }
  static void TearDownTestSuite() {
    delete engine_;
    engine_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(engine_, nullptr); }
  static Document Code(const std::string& text) {
    Document doc;
    doc.id = "robust";
    doc.date = "2022-05-04";
    doc.text = text;
    Status s = engine_->Process(doc);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return doc;
  }
  static Engine* engine_;
};
Engine* RobustnessTest::engine_ = nullptr;

TEST_F(RobustnessTest, UnknownAndInventedNamesGiveNoEvent) {
  Document doc = Code(
      "Zarnovia condemned Blivania on Tuesday. The Grallic envoy met "
      "Quentar Obbeshi in Vormstadt. Drelmor troops shelled Ostrava Minor.");
  EXPECT_TRUE(doc.events.empty())
      << doc.events[0].source << "->" << doc.events[0].target;
}

TEST_F(RobustnessTest, MisspelledCountriesAreNotGuessed) {
  Document doc = Code("Frnace critisized Germny over the new tarifs.");
  for (const Event& e : doc.events) {
    EXPECT_NE(e.source.substr(0, 3), "FRA");
    EXPECT_NE(e.target.substr(0, 3), "DEU");
  }
}

TEST_F(RobustnessTest, SentencesWithoutAVerbGiveNoEvent) {
  Document doc = Code(
      "Turkey, China and the treaty. Sanctions, sanctions, sanctions. "
      "Russia? Ukraine! -- 2022 -- ... \"Iran.\"");
  EXPECT_TRUE(doc.events.empty());
}

TEST_F(RobustnessTest, VeryLongSentenceDoesNotCrash) {
  std::string text = "Kenya said that";
  for (int i = 0; i < 72; ++i) text += " the new road and";
  text += " the bridge were finished.";
  Document doc = Code(text);  // about 300 words, no event between actors
  EXPECT_TRUE(doc.events.empty());
  // And one with real actors: no crash, and every event is a real dyad.
  std::string mixed;
  for (int i = 0; i < 30; ++i) mixed += "Kenya and Uganda, ";
  mixed += "signed a trade agreement with Tanzania.";
  Document doc2 = Code(mixed);
  for (const Event& e : doc2.events) {
    EXPECT_FALSE(e.source.empty());
    EXPECT_FALSE(e.target.empty());
  }
}

TEST_F(RobustnessTest, CapitalisedHeadlineCodesOnlyWhatItSays) {
  Document doc = Code("JAPAN AND SOUTH KOREA AGREE TO RESUME TALKS");
  for (const Event& e : doc.events) {
    std::string dyad = e.source.substr(0, 3) + e.target.substr(0, 3);
    EXPECT_TRUE(dyad == "JPNKOR" || dyad == "KORJPN") << dyad;
  }
  Document empty = Code("WEATHER: SUNNY SPELLS AND LIGHT WINDS EXPECTED");
  EXPECT_TRUE(empty.events.empty());
}

TEST_F(RobustnessTest, OddBytesAndEmptyText) {
  Code("");
  Code("   \n\n  ");
  Code(
      "\xE2\x80\x9C\xE2\x80\x9D \xC2\xA0 \xF0\x9F\x98\x80 Turkey \xE2\x80\x94");
}

}  // namespace
}  // namespace curlew
