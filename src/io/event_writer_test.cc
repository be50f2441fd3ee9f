#include "io/event_writer.h"

#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

namespace curlew::io {
namespace {

Document SignedTreatyDocument() {
  Document doc;
  doc.id = "d7";
  doc.date = "2020-12-31";
  doc.text = "Intro line. Turkey signed the treaty with China.";
  doc.sentences.push_back(Sentence{Span{0, 11}, 0, 0});
  doc.sentences.push_back(Sentence{Span{12, 48}, 0, 0});
  Event e;
  e.sentence = 1;
  e.span_begin = 12;
  e.span_end = 48;
  e.verb_text = "signed";
  e.trigger_token = 1;  // "signed" of "Turkey signed the treaty ..."
  e.trigger_begin = 19;
  e.trigger_end = 25;
  e.source = "TUR";
  e.target = "CHN";
  e.source_text = "Turkey";
  e.target_text = "China";
  e.cameo = "057";
  e.root = "05";
  e.quad = 1;
  e.goldstein = 8.0;
  e.plover = "AGREE";
  doc.events.push_back(e);
  return doc;
}

TEST(EventWriterTest, JsonLineHasEveryContractField) {
  const Document doc = SignedTreatyDocument();
  const auto j = nlohmann::json::parse(EventToJsonLine(doc, doc.events[0]));
  EXPECT_EQ(j["doc_id"], "d7");
  EXPECT_EQ(j["sentence"], 1);
  EXPECT_EQ(j["date"], "2020-12-31");  // document date as fallback
  EXPECT_EQ(j["source"], "TUR");
  EXPECT_EQ(j["target"], "CHN");
  EXPECT_EQ(j["source_text"], "Turkey");
  EXPECT_EQ(j["target_text"], "China");
  EXPECT_EQ(j["cameo"], "057");
  EXPECT_EQ(j["root"], "05");
  EXPECT_EQ(j["quad"], 1);
  EXPECT_DOUBLE_EQ(j["goldstein"].get<double>(), 8.0);
  EXPECT_EQ(j["plover"], "AGREE");
  EXPECT_EQ(j["text"], "Turkey signed the treaty with China.");
  EXPECT_EQ(j["verb_text"], "signed");
  EXPECT_EQ(j["span"], nlohmann::json::array({12, 48}));
  EXPECT_EQ(j["trigger"], nlohmann::json::array({19, 25}));
  for (const char* key : {"plover_mode", "attribution", "modality", "speaker",
                          "negated", "location", "issues"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j.size(), 23u);
}

TEST(EventWriterTest, EventDateWinsOverDocumentDate) {
  Document doc = SignedTreatyDocument();
  doc.events[0].date = "2017";
  const auto j = nlohmann::json::parse(EventToJsonLine(doc, doc.events[0]));
  EXPECT_EQ(j["date"], "2017");
}

}  // namespace
}  // namespace curlew::io
