// Golden-file tests of the PETRARCH, Phoenix and GDELT event lines. Each
// golden file in src/io/testdata/ was checked column by column against the
// format's own documentation:
//
//  - PETRARCH: PETRARCH2's writer, openeventdata/petrarch2,
//    petrarch2/PETRwriter.py (write_events) and petrarch2/utilities.py
//    (story_filter: sentence ids "<story>_<sentence>"), with
//    write_actor_text and write_event_text on as in its PETR_config.ini.
//  - Phoenix: the phoenix_pipeline's writer, openeventdata/phoenix_pipeline,
//    postprocess.py (create_strings, process_actors, process_cameo's
//    quad_conversion) and geolocation.py (lat, lon, place, state, country
//    name).
//  - GDELT: "The GDELT Event Database Data Format Codebook V2.0"
//    (2/19/2015, http://data.gdeltproject.org/documentation/
//    GDELT-Event_Codebook-V2.0.pdf; its column list as published in
//    linwoodc3/gdelt2HeaderRows, GDELT_2.0_Column_Labels_Header_Row_
//    Sep2016.csv): 61 tab-separated fields, no header.
//
// The records are our own examples. To regenerate a golden file after a
// deliberate format change, run this test with CURLEW_UPDATE_GOLDEN=1 and
// check the diff against the documents above.
#include "io/event_formats.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <set>
#include <string>
#include <vector>

#include "testing/memory_env.h"

namespace curlew::io {
namespace {

using curlew::testing::StringFile;

// A tiny gazetteer of our own (name, aliases, kind, ISO alpha-3, lat, lon).
std::shared_ptr<const Gazetteer> Places() {
  static const std::shared_ptr<const Gazetteer> g = [] {
    auto parsed = Gazetteer::Parse(
        "Turkey\tTurkiye\tcountry\tTUR\t39\t35\n"
        "Ankara\t\tcapital\tTUR\t39.9334\t32.8597\n"
        "Iraq\t\tcountry\tIRQ\t33\t44\n"
        "United States\tUSA\tcountry\tUSA\t39.8\t-98.6\n"
        "Houston\t\tcity\tUSA\t29.7604\t-95.3698\n",
        "test-gazetteer");
    EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
    return std::shared_ptr<const Gazetteer>(std::move(*parsed));
  }();
  return g;
}

std::vector<EventRecord> Records() {
  std::vector<EventRecord> rs(4);
  // A full record: a day date, a place, issues, a URL and a source.
  EventRecord& a = rs[0];
  a.event_id = 41;
  a.doc_id = "wire-7";
  a.doc_date = "2021-03-14";
  a.doc_source = "Example Wire";
  a.doc_url = "https://example.org/wire-7";
  a.date = "2021-03-12";
  a.ingested_at = "2024-05-06 07:08:09";
  a.event.sentence = 0;
  a.event.source = "TURGOV";
  a.event.target = "UIG";
  a.event.source_text = "Turkish officials";
  a.event.target_text = "Uighurs";
  a.event.verb_text = "pledged";
  a.event.cameo = "036";
  a.event.root = "03";
  a.event.quad = 1;
  a.event.goldstein = 4.0;
  a.event.issues = "EXTRADITION 1, REFUGEES 2";
  a.event.location = "Ankara";
  // A month date, no document date, an organisation code with a role, no
  // target, no place, no URL or source, several stored mentions.
  EventRecord& b = rs[1];
  b.event_id = 42;
  b.doc_id = "wire-8";
  b.date = "2020-04";
  b.ingested_at = "2024-05-06 07:08:10";
  b.mentions = 3;
  b.event.sentence = 2;
  b.event.source = "IGOUNOHRI";
  b.event.source_text = "UN rights experts";
  b.event.verb_text = "accused";
  b.event.cameo = "112";
  b.event.root = "11";
  b.event.quad = 3;
  b.event.goldstein = -2.0;
  // A year date, a country place, a four-digit code, an agent-only target.
  EventRecord& c = rs[2];
  c.event_id = 43;
  c.doc_id = "wire-9";
  c.doc_date = "2003-04-01";
  c.date = "2003";
  c.ingested_at = "2024-05-06 07:08:11";
  c.event.sentence = 1;
  c.event.source = "USAMIL";
  c.event.target = "---REB";
  c.event.source_text = "American troops";
  c.event.target_text = "rebels";
  c.event.verb_text = "fought";
  c.event.cameo = "1823";
  c.event.root = "18";
  c.event.quad = 4;
  c.event.goldstein = -10.0;
  c.event.location = "Iraq";
  // Religious and ethnic codes, a US city, a tab in a text field.
  EventRecord& d = rs[3];
  d.event_id = 44;
  d.doc_id = "wire-10";
  d.doc_date = "2022-11-30";
  d.date = "2022-11-29";
  d.ingested_at = "2024-05-06 07:08:12";
  d.doc_source = "Example\tWire";
  d.event.sentence = 4;
  d.event.source = "MOSSUN";
  d.event.target = "KUR";
  d.event.source_text = "Sunni clerics";
  d.event.target_text = "Kurds";
  d.event.verb_text = "met";
  d.event.cameo = "040";
  d.event.root = "04";
  d.event.quad = 1;
  d.event.goldstein = 1.0;
  d.event.location = "Houston";
  return rs;
}

std::string Render(std::string_view format) {
  StringFile out;
  SinkOptions options;
  options.places = Places();
  auto sink = MakeEventSink(format, &out, options);
  EXPECT_TRUE(sink.ok());
  for (const EventRecord& r : Records()) EXPECT_TRUE((*sink)->Write(r).ok());
  EXPECT_TRUE((*sink)->Finish().ok());
  return out.contents();
}

std::string GoldenPath(std::string_view name) {
  return std::string(CURLEW_SOURCE_DIR) + "/src/io/testdata/" +
         std::string(name);
}

void ExpectGolden(std::string_view format, std::string_view file) {
  const std::string got = Render(format);
  if (std::getenv("CURLEW_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(GoldenPath(file), std::ios::binary) << got;
  }
  std::ifstream in(GoldenPath(file), std::ios::binary);
  ASSERT_TRUE(in) << "missing golden file " << GoldenPath(file);
  std::stringstream want;
  want << in.rdbuf();
  EXPECT_EQ(got, want.str()) << format << " differs from " << file;
}

std::vector<std::vector<std::string>> Rows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> f(1);
    for (char c : line) {
      if (c == '\t') {
        f.emplace_back();
      } else {
        f.back() += c;
      }
    }
    rows.push_back(std::move(f));
  }
  return rows;
}

TEST(EventFormatsTest, PetrarchGolden) {
  ExpectGolden("petrarch", "events.petrarch.tsv");
}
TEST(EventFormatsTest, PhoenixGolden) {
  ExpectGolden("phoenix", "events.phoenix.tsv");
}
TEST(EventFormatsTest, GdeltGolden) {
  ExpectGolden("gdelt", "events.gdelt.tsv");
}

TEST(EventFormatsTest, PetrarchColumns) {
  const auto rows = Rows(Render("petrarch"));
  ASSERT_EQ(rows.size(), 4u);
  // PETRARCH2: date, source, target, code, issues, ids, [url,] source,
  // source text, target text, event text.
  EXPECT_EQ(rows[0],
            (std::vector<std::string>{
                "20210314", "TURGOV", "UIG", "036", "EXTRADITION,1;REFUGEES,2",
                "wire-7_0", "https://example.org/wire-7", "Example Wire",
                "Turkish officials", "Uighurs", "pledged"}));
  // No URL: no URL column; no story source: NULL; no target: ---; no
  // document date: the event's day date, or none.
  EXPECT_EQ(rows[1], (std::vector<std::string>{
                         "", "IGOUNOHRI", "---", "112", "", "wire-8_2", "NULL",
                         "UN rights experts", "---", "accused"}));
  EXPECT_EQ(rows[3][6], "Example Wire");  // the tab became a space
}

TEST(EventFormatsTest, PhoenixColumns) {
  const auto rows = Rows(Render("phoenix"));
  ASSERT_EQ(rows.size(), 4u);
  for (const auto& r : rows) EXPECT_EQ(r.size(), 26u);
  const auto& a = rows[0];
  EXPECT_EQ(a[0], "41");
  EXPECT_EQ(a[1], "20210314");
  EXPECT_EQ(a[2], "2021");
  EXPECT_EQ(a[3], "03");
  EXPECT_EQ(a[4], "14");
  // Source TURGOV: root TUR, agent GOV, no others; target UIG: no root.
  EXPECT_EQ((std::vector<std::string>(a.begin() + 5, a.begin() + 13)),
            (std::vector<std::string>{"TURGOV", "TUR", "GOV", "", "UIG", "", "",
                                      ""}));
  EXPECT_EQ(a[13], "036");
  EXPECT_EQ(a[14], "03");
  EXPECT_EQ(a[15], "1");  // PentaClass of 03
  EXPECT_EQ(a[16], "4.0");
  EXPECT_EQ(a[17], "EXTRADITION,1;REFUGEES,2");
  EXPECT_EQ(
      (std::vector<std::string>(a.begin() + 18, a.begin() + 23)),
      (std::vector<std::string>{"39.9334", "32.8597", "Ankara", "", "Turkey"}));
  EXPECT_EQ(a[23], "wire-7_0");
  EXPECT_EQ(a[24], "https://example.org/wire-7");
  EXPECT_EQ(a[25], "Example Wire");
  // IGOUNOHRI: root IGO, no primary agent, others "UNO;HRI".
  EXPECT_EQ(rows[1][6], "IGO");
  EXPECT_EQ(rows[1][7], "");
  EXPECT_EQ(rows[1][8], "UNO;HRI");
  EXPECT_EQ(rows[1][15], "3");
  EXPECT_EQ(rows[2][15], "4");
}

TEST(EventFormatsTest, PentaClassAsThePhoenixPipeline) {
  EXPECT_EQ(PentaClass("01"), 0);
  EXPECT_EQ(PentaClass("02"), 0);
  EXPECT_EQ(PentaClass("05"), 1);
  EXPECT_EQ(PentaClass("08"), 2);
  EXPECT_EQ(PentaClass("16"), 3);
  EXPECT_EQ(PentaClass("17"), 4);
  EXPECT_EQ(PentaClass("21"), -1);
}

// The codebook's 61 columns, in order, with their types.
struct GdeltColumn {
  std::string name;
  char type;  // 'I' integer, 'F' float, 'S' string
};

std::vector<GdeltColumn> CodebookColumns() {
  std::vector<GdeltColumn> c = {{"GLOBALEVENTID", 'I'},
                                {"SQLDATE", 'I'},
                                {"MonthYear", 'I'},
                                {"Year", 'I'},
                                {"FractionDate", 'F'}};
  for (const char* actor : {"Actor1", "Actor2"}) {
    for (const char* f : {"Code", "Name", "CountryCode", "KnownGroupCode",
                          "EthnicCode", "Religion1Code", "Religion2Code",
                          "Type1Code", "Type2Code", "Type3Code"}) {
      c.push_back({std::string(actor) + f, 'S'});
    }
  }
  c.insert(c.end(), {{"IsRootEvent", 'I'},
                     {"EventCode", 'S'},
                     {"EventBaseCode", 'S'},
                     {"EventRootCode", 'S'},
                     {"QuadClass", 'I'},
                     {"GoldsteinScale", 'F'},
                     {"NumMentions", 'I'},
                     {"NumSources", 'I'},
                     {"NumArticles", 'I'},
                     {"AvgTone", 'F'}});
  for (const char* geo : {"Actor1Geo_", "Actor2Geo_", "ActionGeo_"}) {
    for (auto [f, t] : {std::pair{"Type", 'I'},
                        {"FullName", 'S'},
                        {"CountryCode", 'S'},
                        {"ADM1Code", 'S'},
                        {"ADM2Code", 'S'},
                        {"Lat", 'F'},
                        {"Long", 'F'},
                        {"FeatureID", 'S'}}) {
      c.push_back({std::string(geo) + f, t});
    }
  }
  c.insert(c.end(), {{"DATEADDED", 'I'}, {"SOURCEURL", 'S'}});
  return c;
}

// Reads a GDELT export back as the codebook lays it out: every line has
// exactly 61 fields, every field of a numeric column is empty or a number,
// and the columns hold what the codebook says.
TEST(EventFormatsTest, GdeltReadsBackWithTheCodebookLayout) {
  const std::vector<GdeltColumn> columns = CodebookColumns();
  ASSERT_EQ(columns.size(), kGdeltFields);
  const auto rows = Rows(Render("gdelt"));
  ASSERT_EQ(rows.size(), 4u);
  std::vector<std::map<std::string, std::string>> events;
  for (const auto& row : rows) {
    ASSERT_EQ(row.size(), kGdeltFields);
    std::map<std::string, std::string> named;
    for (size_t i = 0; i < row.size(); ++i) {
      const std::string& v = row[i];
      if (!v.empty() && columns[i].type == 'I') {
        int64_t n = 0;
        auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
        EXPECT_TRUE(ec == std::errc() && p == v.data() + v.size())
            << columns[i].name << " is not an integer: " << v;
      }
      if (!v.empty() && columns[i].type == 'F') {
        EXPECT_NO_THROW((void)std::stod(v)) << columns[i].name << ": " << v;
      }
      named[columns[i].name] = v;
    }
    events.push_back(std::move(named));
  }
  auto& a = events[0];
  EXPECT_EQ(a["GLOBALEVENTID"], "41");
  EXPECT_EQ(a["SQLDATE"], "20210312");
  EXPECT_EQ(a["MonthYear"], "202103");
  EXPECT_EQ(a["Year"], "2021");
  EXPECT_EQ(a["FractionDate"], "2021.2795");  // 2021 + (3 * 30 + 12) / 365
  EXPECT_EQ(a["Actor1Code"], "TURGOV");
  EXPECT_EQ(a["Actor1Name"], "TURKISH OFFICIALS");
  EXPECT_EQ(a["Actor1CountryCode"], "TUR");
  EXPECT_EQ(a["Actor1Type1Code"], "GOV");
  EXPECT_EQ(a["Actor2Code"], "UIG");
  EXPECT_EQ(a["Actor2EthnicCode"], "UIG");
  EXPECT_EQ(a["Actor2Type1Code"], "");
  EXPECT_EQ(a["IsRootEvent"], "1");
  EXPECT_EQ(a["EventCode"], "036");
  EXPECT_EQ(a["EventBaseCode"], "036");
  EXPECT_EQ(a["EventRootCode"], "03");
  EXPECT_EQ(a["QuadClass"], "1");
  EXPECT_EQ(a["GoldsteinScale"], "4.0");
  EXPECT_EQ(a["NumMentions"], "1");
  EXPECT_EQ(a["Actor1Geo_Type"], "0");
  EXPECT_EQ(a["ActionGeo_Type"], "4");  // WORLDCITY
  EXPECT_EQ(a["ActionGeo_FullName"], "Ankara, Turkey");
  EXPECT_EQ(a["ActionGeo_CountryCode"], "TU");  // FIPS 10-4
  EXPECT_EQ(a["ActionGeo_Lat"], "39.9334");
  EXPECT_EQ(a["ActionGeo_Long"], "32.8597");
  EXPECT_EQ(a["DATEADDED"], "20240506070809");
  EXPECT_EQ(a["SOURCEURL"], "https://example.org/wire-7");
  // A month-precise date: no SQLDATE or FractionDate is made up.
  auto& b = events[1];
  EXPECT_EQ(b["SQLDATE"], "");
  EXPECT_EQ(b["MonthYear"], "202004");
  EXPECT_EQ(b["Year"], "2020");
  EXPECT_EQ(b["FractionDate"], "");
  EXPECT_EQ(b["Actor1Type1Code"], "IGO");
  EXPECT_EQ(b["Actor1KnownGroupCode"], "UNO");
  EXPECT_EQ(b["Actor1Type2Code"], "HRI");
  EXPECT_EQ(b["Actor2Code"], "");
  EXPECT_EQ(b["IsRootEvent"], "0");
  EXPECT_EQ(b["NumMentions"], "3");
  EXPECT_EQ(b["ActionGeo_Type"], "0");
  EXPECT_EQ(b["SOURCEURL"], "wire-8");  // the citation when there is no URL
  auto& c = events[2];
  EXPECT_EQ(c["SQLDATE"], "");
  EXPECT_EQ(c["MonthYear"], "");
  EXPECT_EQ(c["Year"], "2003");
  EXPECT_EQ(c["EventBaseCode"], "182");
  EXPECT_EQ(c["Actor2Code"], "REB");  // PETRARCH's "---" is not GDELT's
  EXPECT_EQ(c["Actor2Type1Code"], "REB");
  EXPECT_EQ(c["Actor2CountryCode"], "");
  EXPECT_EQ(c["ActionGeo_Type"], "1");  // COUNTRY
  EXPECT_EQ(c["ActionGeo_FullName"], "Iraq");
  EXPECT_EQ(c["ActionGeo_CountryCode"], "IZ");
  EXPECT_EQ(c["ActionGeo_ADM1Code"], "IZ");
  EXPECT_EQ(c["ActionGeo_FeatureID"], "IZ");
  auto& d = events[3];
  EXPECT_EQ(d["Actor1Religion1Code"], "MOS");
  EXPECT_EQ(d["Actor1Religion2Code"], "SUN");
  EXPECT_EQ(d["Actor1Type1Code"], "");
  EXPECT_EQ(d["Actor2EthnicCode"], "KUR");
  EXPECT_EQ(d["ActionGeo_Type"], "3");  // USCITY
  EXPECT_EQ(d["ActionGeo_CountryCode"], "US");
}

TEST(EventFormatsTest, FipsCodesForEveryGazetteerCountry) {
  // curlew's own gazetteer: every country has a FIPS 10-4 code for GDELT,
  // except the states dissolved before the list GDELT uses (their
  // ActionGeo country column stays empty).
  const std::set<std::string> dissolved = {"CSK", "DDR", "SUN", "YUG"};
  auto g =
      Gazetteer::Load(std::string(CURLEW_SOURCE_DIR) + "/data/kb/places.tsv");
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  int countries = 0;
  for (const Place& p : (*g)->places()) {
    if (p.kind != PlaceKind::kCountry || dissolved.count(p.country)) continue;
    ++countries;
    EXPECT_EQ(FipsCountryCode(p.country).size(), 2u) << p.country;
  }
  EXPECT_GT(countries, 150);
  EXPECT_EQ(FipsCountryCode("DEU"), "GM");
  EXPECT_EQ(FipsCountryCode("GBR"), "UK");
  EXPECT_EQ(FipsCountryCode("XYZ"), "");
}

TEST(EventFormatsTest, IssuesAsPetrarchWritesThem) {
  EXPECT_EQ(IssuesField("EXTRADITION 1, REFUGEES 2"),
            "EXTRADITION,1;REFUGEES,2");
  EXPECT_EQ(IssuesField(""), "");
}

}  // namespace
}  // namespace curlew::io
