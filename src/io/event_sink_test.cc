#include "io/event_sink.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "testing/memory_env.h"

namespace curlew::io {
namespace {

using curlew::testing::StringFile;

// A coded document of our own: two sentences, two events on the second.
Document TwoMeetingsDocument() {
  Document doc;
  doc.id = "n3";
  doc.date = "2021-05-04";
  doc.url = "https://example.org/n3";
  doc.text = "Talks began. Norway met Kenya in Nairobi.";
  doc.sentences = {Sentence{Span{0, 12}, 0, 0}, Sentence{Span{13, 41}, 0, 0}};
  Event met;
  met.sentence = 1;
  met.verb_text = "met";
  met.source = "NOR";
  met.target = "KEN";
  met.cameo = "040";
  met.root = "04";
  doc.events = {met, met};
  doc.events[1].target = "KENGOVERNMENTLONGCODE";
  doc.events[1].date = "2021-05";
  return doc;
}

std::string Write(std::string_view format, const std::vector<EventRecord>& rs) {
  StringFile out;
  auto sink = MakeEventSink(format, &out, {});
  EXPECT_TRUE(sink.ok()) << sink.status().ToString();
  for (const EventRecord& r : rs) EXPECT_TRUE((*sink)->Write(r).ok());
  EXPECT_TRUE((*sink)->Finish().ok());
  return out.contents();
}

std::vector<std::string> Lines(const std::string& out) {
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t nl; (nl = out.find('\n', start)) != std::string::npos;
       start = nl + 1) {
    lines.push_back(out.substr(start, nl - start));
  }
  return lines;
}

TEST(RecordsOfTest, NumbersEventsFromTheFirstId) {
  const std::vector<EventRecord> rs =
      RecordsOf(TwoMeetingsDocument(), 5, "2024-01-02 03:04:05");
  ASSERT_EQ(rs.size(), 2u);
  EXPECT_EQ(rs[0].event_id, 5);
  EXPECT_EQ(rs[1].event_id, 6);
  EXPECT_EQ(rs[1].index, 1u);
  EXPECT_EQ(rs[0].date, "2021-05-04");  // document date as fallback
  EXPECT_EQ(rs[1].date, "2021-05");     // the event's own date first
  EXPECT_EQ(rs[0].sentence_text, "Norway met Kenya in Nairobi.");
  EXPECT_EQ(rs[0].doc_url, "https://example.org/n3");
  EXPECT_EQ(rs[0].ingested_at, "2024-01-02 03:04:05");
  EXPECT_EQ(rs[0].mentions, 1);
}

// `curlew code` and `curlew export` write the same jsonl fields, and the
// event id is an integer in both (a store id or the output number).
TEST(EventSinkTest, JsonlCarriesContractFieldsAndIntegerEventId) {
  const std::vector<EventRecord> rs =
      RecordsOf(TwoMeetingsDocument(), 1, "2024-01-02 03:04:05");
  const std::vector<std::string> lines = Lines(Write("jsonl", rs));
  ASSERT_EQ(lines.size(), 2u);
  const auto j = nlohmann::ordered_json::parse(lines[1]);
  EXPECT_TRUE(j["event_id"].is_number_integer());
  EXPECT_EQ(j["event_id"], 2);
  EXPECT_EQ(j["doc_id"], "n3");
  EXPECT_EQ(j["sentence"], 1);
  EXPECT_EQ(j["cameo"], "040");
  EXPECT_EQ(j["text"], "Norway met Kenya in Nairobi.");
  EXPECT_EQ(j["url"], "https://example.org/n3");
  EXPECT_EQ(j["mentions"], 1);
  // The contract's fields come first, in the contract's order.
  EXPECT_EQ(j.begin().key(), "doc_id");
}

TEST(EventSinkTest, TableIsAlignedAndCutsLongCells) {
  const std::vector<std::string> lines =
      Lines(Write("table", RecordsOf(TwoMeetingsDocument(), 1, "")));
  ASSERT_EQ(lines.size(), 3u);  // header + two rows
  EXPECT_EQ(lines[0].find("cameo"), lines[1].find("040"));
  EXPECT_EQ(lines[1].find("040"), lines[2].find("040"));
  EXPECT_NE(lines[2].find("KENGOVERN..."), std::string::npos) << lines[2];
  EXPECT_NE(lines[1].find("Norway met"), std::string::npos);
}

TEST(EventSinkTest, CsvQuotesWhatNeedsQuotingAndHasAHeaderWhenEmpty) {
  std::vector<EventRecord> rs = RecordsOf(TwoMeetingsDocument(), 1, "");
  rs[0].sentence_text = "He said, \"yes\".";
  const std::vector<std::string> lines = Lines(Write("csv", rs));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_TRUE(lines[0].starts_with("event_id,doc_id,"));
  EXPECT_TRUE(lines[1].ends_with(",\"He said, \"\"yes\"\".\"")) << lines[1];
  EXPECT_EQ(Lines(Write("csv", {})).size(), 1u);
}

TEST(EventSinkTest, UnknownFormatNamesTheKnownOnes) {
  StringFile out;
  auto sink = MakeEventSink("xml", &out, {});
  ASSERT_FALSE(sink.ok());
  EXPECT_EQ(sink.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(sink.status().message().find("gdelt"), std::string::npos);
}

// Every format reports a full disk instead of stopping short in silence.
TEST(EventSinkTest, EveryFormatReportsAWriteError) {
  const std::vector<EventRecord> rs = RecordsOf(TwoMeetingsDocument(), 1, "");
  for (const std::string& format : EventFormatNames()) {
    StringFile out(/*capacity=*/40);
    auto sink = MakeEventSink(format, &out, {});
    ASSERT_TRUE(sink.ok());
    Status s;
    for (int i = 0; i < 50 && s.ok(); ++i) s = (*sink)->Write(rs[i % 2]);
    if (s.ok()) s = (*sink)->Finish();
    EXPECT_EQ(s.code(), ErrorCode::kIoError) << format;
    EXPECT_NE(s.message().find("No space left"), std::string::npos) << format;
  }
}

TEST(WriteCountsTest, TableJsonlAndCsv) {
  std::vector<GroupCount> rows(2);
  rows[0].period = "2020-06";
  rows[0].source = "TUR";
  rows[0].target = "CHN";
  rows[0].events = 3;
  rows[0].mean_goldstein = 4.5;
  rows[1].period = "2020-07";
  rows[1].source = "CHNLEG";
  rows[1].events = 12;
  StringFile csv, jsonl, table;
  ASSERT_TRUE(WriteCounts(rows, GroupBy::kDyad, "csv", &csv).ok());
  ASSERT_TRUE(WriteCounts(rows, GroupBy::kDyad, "jsonl", &jsonl).ok());
  ASSERT_TRUE(WriteCounts(rows, GroupBy::kDyad, "table", &table).ok());
  EXPECT_EQ(Lines(csv.contents())[1], "2020-06,TUR,CHN,3,4.50");
  EXPECT_EQ(nlohmann::json::parse(Lines(jsonl.contents())[1])["events"], 12);
  const std::vector<std::string> t = Lines(table.contents());
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].find("events"), t[2].find("12"));
  StringFile bad;
  EXPECT_EQ(WriteCounts(rows, GroupBy::kDyad, "gdelt", &bad).code(),
            ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace curlew::io
