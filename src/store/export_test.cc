#include "store/export.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "store/dates.h"

namespace curlew::store {
namespace {

std::vector<std::string> Split(const std::string& line, char sep) {
  std::vector<std::string> out(1);
  for (char c : line) {
    if (c == sep) {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

EventRecord Sample() {
  EventRecord r;
  r.event_id = 42;
  r.doc_id = "d1";
  r.index = 0;
  r.date = "2020-06-26";
  r.doc_date = "2020-12-31";
  r.doc_url = "https://example.org/a";
  r.doc_source = "Wire";
  r.ingested_at = "2026-01-02 03:04:05";
  r.sentence_text = "The committee, in Beijing, ratified the \"treaty\".";
  r.mentions = 3;
  r.event.source = "CHNLEG";
  r.event.target = "TUR";
  r.event.source_text = "The committee";
  r.event.cameo = "057";
  r.event.root = "05";
  r.event.quad = 2;
  r.event.goldstein = 8.0;
  r.event.plover = "AGREE";
  return r;
}

std::string Render(const std::string& format) {
  std::ostringstream out;
  auto w = MakeEventWriter(format, out);
  EXPECT_TRUE(w.ok());
  (*w)->Write(Sample());
  (*w)->Finish();
  return out.str();
}

TEST(ExportTest, GdeltColumnsAreNamedAsGdeltNamesThem) {
  std::istringstream in(Render("gdelt"));
  std::string header, row;
  std::getline(in, header);
  std::getline(in, row);
  std::vector<std::string> cols = Split(header, ',');
  ASSERT_EQ(cols.size(), 61u);  // the GDELT 2.0 event table
  EXPECT_EQ(cols[0], "GLOBALEVENTID");
  EXPECT_EQ(cols[1], "SQLDATE");
  EXPECT_EQ(cols[5], "Actor1Code");
  EXPECT_EQ(cols[15], "Actor2Code");
  EXPECT_EQ(cols[26], "EventCode");
  EXPECT_EQ(cols[28], "EventRootCode");
  EXPECT_EQ(cols[29], "QuadClass");
  EXPECT_EQ(cols[30], "GoldsteinScale");
  EXPECT_EQ(cols[31], "NumMentions");
  EXPECT_EQ(cols[60], "SOURCEURL");
  std::vector<std::string> v = Split(row, ',');
  ASSERT_EQ(v.size(), 61u);
  EXPECT_EQ(v[0], "42");
  EXPECT_EQ(v[1], "20200626");
  EXPECT_EQ(v[2], "202006");
  EXPECT_EQ(v[5], "CHNLEG");
  EXPECT_EQ(v[12], "LEG");  // Actor1Type1Code
  EXPECT_EQ(v[26], "057");
  EXPECT_EQ(v[27], "057");
  EXPECT_EQ(v[28], "05");
  EXPECT_EQ(v[29], "2");
  EXPECT_EQ(v[31], "3");
  EXPECT_EQ(v[59], "20260102030405");
}

TEST(ExportTest, CsvQuotesWhatNeedsQuoting) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"no\""), "\"say \"\"no\"\"\"");
  std::string csv = Render("csv");
  EXPECT_NE(csv.find("\"The committee, in Beijing, ratified the "
                     "\"\"treaty\"\".\""),
            std::string::npos)
      << csv;
}

TEST(ExportTest, PhoenixAndPetrarchLines) {
  std::istringstream in(Render("phoenix"));
  std::string header, row;
  std::getline(in, header);
  std::getline(in, row);
  EXPECT_EQ(Split(header, '\t').size(), 26u);
  std::vector<std::string> v = Split(row, '\t');
  ASSERT_EQ(v.size(), 26u);
  EXPECT_EQ(v[1], "20200626");
  EXPECT_EQ(v[6], "CHN");
  EXPECT_EQ(v[7], "LEG");
  EXPECT_EQ(v[13], "057");
  std::vector<std::string> p = Split(Render("petrarch"), '\t');
  ASSERT_GE(p.size(), 6u);
  EXPECT_EQ(p[0], "20200626");
  EXPECT_EQ(p[1], "CHNLEG");
  EXPECT_EQ(p[2], "TUR");
  EXPECT_EQ(p[3], "057");
}

TEST(ExportTest, JsonlHasTheCodeContractFields) {
  std::string line = Render("jsonl");
  for (const char* field :
       {"\"doc_id\":\"d1\"", "\"sentence\":0", "\"date\":\"2020-06-26\"",
        "\"source\":\"CHNLEG\"", "\"cameo\":\"057\"", "\"root\":\"05\"",
        "\"quad\":2", "\"plover\":\"AGREE\"", "\"mentions\":3", "\"text\":"}) {
    EXPECT_NE(line.find(field), std::string::npos) << field << " in " << line;
  }
}

TEST(ExportTest, UnknownFormatIsAnError) {
  std::ostringstream out;
  auto w = MakeEventWriter("xml", out);
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.status().code(), ErrorCode::kInvalidArgument);
}

TEST(DatesTest, ValidatesAndBuckets) {
  EXPECT_TRUE(IsValidDate("2020"));
  EXPECT_TRUE(IsValidDate("2020-02"));
  EXPECT_TRUE(IsValidDate("2020-02-29"));
  EXPECT_FALSE(IsValidDate("2021-02-29"));
  EXPECT_FALSE(IsValidDate("2020-13"));
  EXPECT_FALSE(IsValidDate("20200101"));
  EXPECT_FALSE(IsValidDate("' OR 1=1"));
  DateBuckets b = BucketsOf("2021-01-03");  // Sunday
  EXPECT_EQ(b.week, "2020-12-28");
  EXPECT_EQ(b.month, "2021-01");
  EXPECT_EQ(b.year, "2021");
  EXPECT_EQ(BucketsOf("2021-01-04").week, "2021-01-04");  // Monday
  EXPECT_EQ(BucketsOf("2017").month, "");
  EXPECT_EQ(CompactDate("2020-04"), "20200400");
}

}  // namespace
}  // namespace curlew::store
