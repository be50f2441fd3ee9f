#include "eval/plover_eval.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "eval/test_events.h"

namespace curlew::eval {
namespace {

// Records in the gold file's layout, with sentences of our own.
constexpr std::string_view kGold = R"([
{"id": "G-DOC", "event": "DOCUMENT", "eventText": "notes"},
{"id": "G-DEMAND-1", "date": "2000-01-01",
 "source": [{"actorText": "Veldmark's president", "code": "VLD", "sector": "GOV"}],
 "target": [{"actorText": "Osterlund", "code": "OST"}],
 "event": "DEMAND",
 "text": "Veldmark's president demanded that Osterlund free the sailors.",
 "textInfo": {"markup": "(SRC: Veldmark's president) (EVT: demanded) that (TAR: Osterlund) free the sailors."}},
{"id": "G-AGREE-1", "date": "2000-01-01",
 "source": [{"actorText": "Veldmark", "code": "VLD"}, {"actorText": "Osterlund", "code": "OST"}],
 "target": "",
 "event": "AGREE",
 "text": "Veldmark and Osterlund agreed to share river data.",
 "textInfo": {"markup": "(SRC/TAR: Veldmark) and (SRC/TAR: Osterlund) (EVT: agreed) to share river data."}},
{"id": "G-PROTEST-1", "date": "2000-01-01",
 "source": [{"actorText": "Osterlund students", "code": "OST", "sector": "EDU"}],
 "target": "stray words",
 "event": "PROTEST",
 "text": "Osterlund students marched in the capital.",
 "textInfo": "(SRC: Osterlund students) (EVT: marched) in the capital."},
{"id": "G-EMPTY", "event": "AID", "source": []}
])";

TEST(PloverGoldTest, ReadsRecordsAndSkipsTheRest) {
  auto gold = ParsePloverGold(kGold, "fixture");
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  ASSERT_EQ(gold->records.size(), 3u);
  ASSERT_EQ(gold->skipped.size(), 2u);
  EXPECT_EQ(gold->skipped[0].rfind("G-DOC:", 0), 0u);
  EXPECT_EQ(gold->skipped[1].rfind("G-EMPTY:", 0), 0u);

  const PloverRecord& demand = gold->records[0];
  EXPECT_EQ(demand.id, "G-DEMAND-1");
  EXPECT_EQ(demand.category, "DEMAND");
  EXPECT_EQ(demand.date, "2000-01-01");
  EXPECT_FALSE(demand.reciprocal);
  ASSERT_EQ(demand.sources.size(), 1u);
  EXPECT_EQ(demand.sources[0].code, "VLD");
  EXPECT_EQ(demand.sources[0].sector, "GOV");
  EXPECT_EQ(demand.sources[0].text, "Veldmark's president");
  ASSERT_EQ(demand.targets.size(), 1u);
  EXPECT_EQ(demand.targets[0].sector, "");

  const PloverRecord& agree = gold->records[1];
  EXPECT_TRUE(agree.reciprocal);
  EXPECT_EQ(agree.sources.size(), 2u);
  EXPECT_TRUE(agree.targets.empty());

  const PloverRecord& protest = gold->records[2];
  EXPECT_FALSE(protest.reciprocal);      // markup given as a plain string
  EXPECT_TRUE(protest.targets.empty());  // a stray string is no actor
  EXPECT_EQ(DescribeGold(protest), "OST/EDU -> - PROTEST");
  EXPECT_EQ(DescribeGold(agree), "VLD+OST <-> (reciprocal) AGREE");
}

TEST(PloverGoldTest, MalformedJsonIsAnErrorWithItsPosition) {
  auto gold = ParsePloverGold("[{\"id\": \"x\",, }]", "bad.json");
  ASSERT_FALSE(gold.ok());
  EXPECT_EQ(gold.status().code(), ErrorCode::kParseError);
  EXPECT_EQ(gold.status().where(), "bad.json");
  EXPECT_EQ(gold.status().position(), 13);
  EXPECT_FALSE(ParsePloverGold("{\"id\": 1}", "obj.json").ok());
}

TEST(PloverCategoryTest, MapsCameoCodesToPlover05Types) {
  EXPECT_EQ(PloverCategory05("036"), "AGREE");
  EXPECT_EQ(PloverCategory05("0431"), "CONSULT");
  EXPECT_EQ(PloverCategory05("057"), "SUPPORT");
  EXPECT_EQ(PloverCategory05("061"), "COOPERATE");
  EXPECT_EQ(PloverCategory05("073"), "AID");
  EXPECT_EQ(PloverCategory05("080"), "CONCEDE");
  EXPECT_EQ(PloverCategory05("0831"), "CONCEDE");
  EXPECT_EQ(PloverCategory05("0841"), "RETREAT");
  EXPECT_EQ(PloverCategory05("0874"), "RETREAT");
  EXPECT_EQ(PloverCategory05("091"), "INVESTIGATE");
  EXPECT_EQ(PloverCategory05("1041"), "DEMAND");
  EXPECT_EQ(PloverCategory05("112"), "DISAPPROVE");
  EXPECT_EQ(PloverCategory05("128"), "REJECT");
  EXPECT_EQ(PloverCategory05("138"), "THREATEN");
  EXPECT_EQ(PloverCategory05("141"), "PROTEST");
  EXPECT_EQ(PloverCategory05("154"), "MOBILIZE");
  EXPECT_EQ(PloverCategory05("163"), "SANCTION");
  EXPECT_EQ(PloverCategory05("173"), "COERCE");
  EXPECT_EQ(PloverCategory05("1831"), "ASSAULT");
  EXPECT_EQ(PloverCategory05("193"), "FIGHT");
  EXPECT_EQ(PloverCategory05("202"), "FIGHT");
  EXPECT_EQ(PloverCategory05("010"), "");
  EXPECT_EQ(PloverCategory05("028"), "");
  EXPECT_EQ(PloverCategory05("21"), "");
  EXPECT_EQ(PloverCategory05(""), "");
}

TEST(ActorMatchTest, CountryAndActorLevels) {
  GoldActor usa{"", "USA", ""};
  GoldActor usa_gov{"", "USA", "GOV"};
  EXPECT_TRUE(CountryMatch(usa, "USAGOV"));
  EXPECT_FALSE(ActorMatch(usa, "USAGOV"));  // the gold names no agent
  EXPECT_TRUE(ActorMatch(usa, "USA"));
  EXPECT_TRUE(ActorMatch(usa_gov, "USAGOV"));
  EXPECT_TRUE(ActorMatch(usa_gov, "USAGOVDIP"));  // first agent only
  EXPECT_FALSE(ActorMatch(usa_gov, "USAMIL"));
  EXPECT_FALSE(CountryMatch(usa, "---GOV"));
  EXPECT_FALSE(CountryMatch(usa, ""));
  EXPECT_FALSE(CountryMatch(usa, "US"));

  EXPECT_TRUE(CountryMatch({"", "JAP", ""}, "JPN"));  // non-ISO gold code
  EXPECT_TRUE(ActorMatch({"", "ITL", "GOV"}, "ITAGOV"));
  EXPECT_TRUE(ActorMatch({"", "SRB", "REBalb"}, "SRBREB"));  // ethnic suffix
  EXPECT_TRUE(ActorMatch({"", "ISR", "***"}, "ISRMIL"));     // left open

  GoldActor igo{"", "IGO", ""};
  EXPECT_TRUE(ActorMatch(igo, "IGOUNO"));
  EXPECT_FALSE(CountryMatch(igo, "NGOHRI"));
  GoldActor ngo_jud{"", "NGO", "JUD"};
  EXPECT_TRUE(CountryMatch(ngo_jud, "NGOHRI"));
  EXPECT_FALSE(ActorMatch(ngo_jud, "NGOHRI"));
  EXPECT_TRUE(ActorMatch(ngo_jud, "NGOHRIJUD"));
}

TEST(ActorMatchTest, ActorsWithoutCountry) {
  EXPECT_TRUE(LacksCountry("---GOV"));
  EXPECT_TRUE(LacksCountry("---"));
  EXPECT_TRUE(LacksCountry("GOV"));
  EXPECT_TRUE(LacksCountry("MILREB"));
  EXPECT_FALSE(LacksCountry("USAGOV"));
  EXPECT_FALSE(LacksCountry("IGOUNO"));
  EXPECT_FALSE(LacksCountry(""));
}

std::vector<PloverRecord> FixtureRecords() {
  auto gold = ParsePloverGold(kGold, "fixture");
  EXPECT_TRUE(gold.ok());
  return gold.ok() ? gold->records : std::vector<PloverRecord>{};
}

TEST(PloverScoreTest, DirectedRecord) {
  const PloverRecord demand = FixtureRecords().at(0);
  RecordScore full = ScoreRecord(
      demand, {Coded("VLDGOV", "OST", "1041"), Coded("VLD", "OST", "010")});
  EXPECT_TRUE(full.full[0]);
  EXPECT_TRUE(full.full[1]);
  EXPECT_EQ(full.correct[0], 1);
  EXPECT_EQ(full.correct[1], 1);
  EXPECT_EQ(full.coded, 2);
  EXPECT_EQ(full.failure, PloverFailure::kNone);
  EXPECT_FALSE(full.statements_only);

  // Country right, agent not: a full match at country level only.
  RecordScore country = ScoreRecord(demand, {Coded("VLD", "OSTGOV", "100")});
  EXPECT_TRUE(country.full[0]);
  EXPECT_FALSE(country.source[1]);
  EXPECT_FALSE(country.target[1]);
  EXPECT_FALSE(country.full[1]);

  RecordScore reversed = ScoreRecord(demand, {Coded("OST", "VLDGOV", "100")});
  EXPECT_FALSE(reversed.source[0]);
  EXPECT_FALSE(reversed.target[0]);
  EXPECT_TRUE(reversed.category);
  EXPECT_EQ(reversed.failure, PloverFailure::kWrongSource);

  RecordScore target = ScoreRecord(demand, {Coded("VLDGOV", "---GOV", "100")});
  EXPECT_EQ(target.failure, PloverFailure::kWrongTarget);
  EXPECT_TRUE(target.no_country);

  RecordScore said = ScoreRecord(demand, {Coded("VLDGOV", "OST", "010")});
  EXPECT_TRUE(said.pair[0]);
  EXPECT_FALSE(said.category);
  EXPECT_TRUE(said.statements_only);
  EXPECT_EQ(said.failure, PloverFailure::kWrongCategory);

  RecordScore none = ScoreRecord(demand, {});
  EXPECT_FALSE(none.event);
  EXPECT_EQ(none.failure, PloverFailure::kNoEvent);
}

TEST(PloverScoreTest, ReciprocalRecord) {
  const PloverRecord agree = FixtureRecords().at(1);
  RecordScore both = ScoreRecord(agree, {Coded("OST", "VLD", "030")});
  EXPECT_TRUE(both.pair[0]);
  EXPECT_TRUE(both.full[0]);
  EXPECT_TRUE(both.full[1]);
  // The same party on both sides is no pair.
  RecordScore self = ScoreRecord(agree, {Coded("VLD", "VLDGOV", "030")});
  EXPECT_TRUE(self.source[0]);
  EXPECT_TRUE(self.target[0]);
  EXPECT_FALSE(self.pair[0]);
  EXPECT_EQ(self.failure, PloverFailure::kWrongTarget);
}

TEST(PloverScoreTest, SourceOnlyRecordWantsNoTarget) {
  const PloverRecord protest = FixtureRecords().at(2);
  RecordScore with_target =
      ScoreRecord(protest, {Coded("OSTEDU", "OSTGOV", "141")});
  EXPECT_TRUE(with_target.source[1]);
  EXPECT_FALSE(with_target.target[0]);
  EXPECT_EQ(with_target.failure, PloverFailure::kWrongTarget);
  RecordScore alone = ScoreRecord(protest, {Coded("OSTEDU", "", "141")});
  EXPECT_TRUE(alone.full[0]);
  EXPECT_TRUE(alone.full[1]);
}

TEST(PloverScoreTest, TalliesAndPrecision) {
  const std::vector<PloverRecord> records = FixtureRecords();
  std::vector<std::vector<Event>> coded = {
      // Full at country level only (the gold source is VLD/GOV); the
      // event with the right actors has the wrong category.
      {Coded("VLD", "OST", "100"), Coded("VLD", "OST", "100"),
       Coded("VLDGOV", "OST", "010")},
      {Coded("VLD", "OST", "030"), Coded("OST", "VLD", "030")},  // 2 of 2
      {},                                                        // none
  };
  PloverScores s = ScorePlover(records, coded);
  const PloverTally& t = s.all;
  EXPECT_EQ(t.records, 3);
  EXPECT_EQ(t.with_event, 2);
  EXPECT_EQ(t.full[0], 2);
  EXPECT_EQ(t.full[1], 1);
  EXPECT_EQ(t.pair[1], 2);
  EXPECT_EQ(t.coded, 4);  // the duplicate counted once
  EXPECT_EQ(t.correct[0], 3);
  EXPECT_EQ(t.correct[1], 2);
  EXPECT_EQ(t.category, 2);
  EXPECT_EQ(t.failures.at(PloverFailure::kNoEvent), 1);
  EXPECT_EQ(t.failures.count(PloverFailure::kWrongSource), 0u);
  ASSERT_EQ(s.by_category.size(), 3u);
  EXPECT_EQ(s.by_category["AGREE"].full[0], 1);
  EXPECT_EQ(s.by_category["PROTEST"].with_event, 0);
  ASSERT_EQ(s.results.size(), 3u);
  EXPECT_EQ(s.results[0].events.size(), 2u);
}

TEST(PloverScoreTest, JoinsRecordsToManualExamples) {
  std::vector<PloverRecord> records = FixtureRecords();
  std::vector<ManualExample> examples = {
      {"1041",
       "Ruritania's president demanded that Osterlund free the "
       "sailors.",
       10},
      {"141", "Farmers blocked the road to the port.", 20},
  };
  EXPECT_EQ(JoinCameoCodes(records, examples), 1);
  EXPECT_EQ(records[0].cameo, "1041");
  EXPECT_EQ(records[1].cameo, "");
  RecordScore s = ScoreRecord(records[0], {Coded("VLD", "OST", "102")});
  EXPECT_TRUE(s.cameo_root);
  s = ScoreRecord(records[0], {Coded("VLD", "OST", "112")});
  EXPECT_FALSE(s.cameo_root);
}

// The real gold file: the record counts, and every score a share. No floors
// yet (issues 12 and 13 set them; the helpers that reach them add them).
TEST(PloverGoldTest, RealGoldRecordsReadAndScore) {
  const std::string dir = std::string(CURLEW_SHARED_DIR) + "/data";
  const std::string path = dir + "/plover/PLOVER_GSR_CAMEO.txt";
  if (!std::filesystem::exists(path)) {
    GTEST_SKIP() << "PLOVER gold records not found at " << path;
  }
  auto gold = ReadPloverGold(path);
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  EXPECT_EQ(gold->records.size(), 322u);
  EXPECT_EQ(gold->skipped.size(), 1u);  // the DOCUMENT record
  int reciprocal = 0;
  for (const PloverRecord& r : gold->records) reciprocal += r.reciprocal;
  EXPECT_EQ(reciprocal, 18);
  auto manual = ReadCameoManual(dir + "/cameo/CAMEO.Manual.1.1b3.txt");
  ASSERT_TRUE(manual.ok()) << manual.status().ToString();
  EXPECT_EQ(JoinCameoCodes(gold->records, manual->examples), 321);

  auto engine = Engine::Create({});
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  PloverScores s = EvaluatePlover(**engine, gold->records);
  const PloverTally& t = s.all;
  EXPECT_EQ(t.records, 322);
  for (int n : {t.with_event, t.source[0], t.target[0], t.category, t.pair[0],
                t.full[0], t.no_country, t.source[1], t.full[1]}) {
    EXPECT_GE(n, 0);
    EXPECT_LE(n, t.records);
  }
  EXPECT_LE(t.full[1], t.full[0]);
  EXPECT_LE(t.full[0], t.pair[0]);
  EXPECT_LE(t.correct[0], t.coded);
}

}  // namespace
}  // namespace curlew::eval
