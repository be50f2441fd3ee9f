#include "io/event_writer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace curlew::io {
namespace {

Document SampleDocument() {
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
  const Document doc = SampleDocument();
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
  for (const char* key : {"plover_mode", "attribution", "modality", "negated",
                          "location", "issues"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j.size(), 21u);
}

TEST(EventWriterTest, EventDateWinsOverDocumentDate) {
  Document doc = SampleDocument();
  doc.events[0].date = "2017";
  const auto j = nlohmann::json::parse(EventToJsonLine(doc, doc.events[0]));
  EXPECT_EQ(j["date"], "2017");
}

std::string WriteAll(const Document& doc, EventFormat format) {
  char* buf = nullptr;
  size_t len = 0;
  std::FILE* f = open_memstream(&buf, &len);
  EventWriter writer(f, format);
  EXPECT_TRUE(writer.Write(doc).ok());
  EXPECT_TRUE(writer.Finish().ok());
  std::fclose(f);
  std::string out(buf, len);
  std::free(buf);
  return out;
}

TEST(EventWriterTest, JsonlOneLinePerEvent) {
  Document doc = SampleDocument();
  doc.events.push_back(doc.events[0]);
  const std::string out = WriteAll(doc, EventFormat::kJsonl);
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 2);
}

TEST(EventWriterTest, TableIsAligned) {
  Document doc = SampleDocument();
  doc.events.push_back(doc.events[0]);
  doc.events[1].source = "TURGOVERNMENTLONGCODE";
  const std::string out = WriteAll(doc, EventFormat::kTable);
  // Header + two rows; the cameo column starts at the same place in each.
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t nl; (nl = out.find('\n', start)) != std::string::npos;
       start = nl + 1) {
    lines.push_back(out.substr(start, nl - start));
  }
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].find("cameo"), lines[1].find("057"));
  EXPECT_EQ(lines[1].find("057"), lines[2].find("057"));
  EXPECT_NE(lines[2].find("TURGOVERN..."), std::string::npos) << lines[2];
  EXPECT_NE(lines[1].find("Turkey signed"), std::string::npos);
}

// The lines of `out`, without their newlines.
std::vector<std::string> Lines(const std::string& out) {
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t nl; (nl = out.find('\n', start)) != std::string::npos;
       start = nl + 1) {
    lines.push_back(out.substr(start, nl - start));
  }
  return lines;
}

TEST(EventWriterTest, PetrarchLinesAreTabSeparated) {
  Document doc = SampleDocument();
  doc.events.push_back(doc.events[0]);
  const std::vector<std::string> lines =
      Lines(WriteAll(doc, EventFormat::kPetrarch));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(std::count(lines[0].begin(), lines[0].end(), '\t'), 8);
  EXPECT_NE(lines[0].find("\t057\t"), std::string::npos) << lines[0];
}

TEST(EventWriterTest, PhoenixHasHeaderThenNumberedEvents) {
  Document doc = SampleDocument();
  doc.events.push_back(doc.events[0]);
  const std::vector<std::string> lines =
      Lines(WriteAll(doc, EventFormat::kPhoenix));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_TRUE(lines[0].starts_with("EventID\t"));
  const auto columns = [](const std::string& l) {
    return std::count(l.begin(), l.end(), '\t');
  };
  EXPECT_EQ(columns(lines[1]), columns(lines[0]));
  EXPECT_NE(lines[1].substr(0, lines[1].find('\t')),
            lines[2].substr(0, lines[2].find('\t')));
}

TEST(EventWriterTest, ParseEventFormat) {
  EXPECT_EQ(*ParseEventFormat("table"), EventFormat::kTable);
  EXPECT_EQ(*ParseEventFormat("phoenix"), EventFormat::kPhoenix);
  EXPECT_EQ(*ParseEventFormat("petrarch"), EventFormat::kPetrarch);
  EXPECT_EQ(ParseEventFormat("csv").status().code(),
            ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace curlew::io
