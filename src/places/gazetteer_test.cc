#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "curlew/env.h"
#include "curlew/places.h"
#include "testing/simple_doc.h"

namespace curlew {
namespace {

using testing::SimpleDoc;

// The shipped gazetteer, loaded once for the binary.
const Gazetteer& Shipped() {
  static const std::shared_ptr<const Gazetteer> g = [] {
    auto r =
        Gazetteer::Load(std::string(CURLEW_SOURCE_DIR) + "/data/kb/places.tsv");
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? std::shared_ptr<const Gazetteer>(std::move(r).value())
                  : nullptr;
  }();
  return *g;
}

std::string LocationOf(const std::string& text, int verb_token = -1) {
  Document doc = SimpleDoc(text);
  auto mentions = Shipped().FindMentions(doc, 0);
  const PlaceMention* m = NearestLocation(mentions, verb_token);
  return m ? m->place->name : "";
}

TEST(Gazetteer, ShippedFileCoversCountriesCapitalsAndRegions) {
  const Gazetteer& g = Shipped();
  EXPECT_GE(g.size(), 450u);
  for (const char* name :
       {"Nairobi", "Xinjiang", "Crimea", "Gaza", "Kashmir", "Donbas", "Turkey",
        "Türkiye", "Burma", "Ivory Coast", "Kyiv", "Kiev", "Ürümqi"}) {
    EXPECT_NE(g.Lookup(name), nullptr) << name;
  }
  EXPECT_EQ(g.Lookup("Burma")->country, "MMR");
  EXPECT_EQ(g.Lookup("Kiev")->name, "Kyiv");
  EXPECT_EQ(g.Lookup("xinjiang")->kind, PlaceKind::kRegion);
  EXPECT_EQ(g.Lookup("Ankara")->kind, PlaceKind::kCapital);
  EXPECT_EQ(g.Lookup("Atlantis"), nullptr);
  const Place* nairobi = g.Lookup("Nairobi");
  EXPECT_NEAR(nairobi->lat, -1.29, 0.1);
  EXPECT_NEAR(nairobi->lon, 36.82, 0.1);
}

TEST(Gazetteer, FindsLocativeMentions) {
  EXPECT_EQ(LocationOf("Talks opened in Nairobi on Monday ."), "Nairobi");
  EXPECT_EQ(LocationOf("Uighurs are detained in camps in Xinjiang ."),
            "Xinjiang");
  EXPECT_EQ(LocationOf("Fighting resumed in the Gaza Strip ."), "Gaza");
  EXPECT_EQ(LocationOf("Rockets fell near St. Petersburg ."),
            "Saint Petersburg");
  EXPECT_EQ(LocationOf("A bomb exploded on the outskirts of Kabul ."), "Kabul");
  EXPECT_EQ(LocationOf("Police patrolled the streets of Ürümqi ."), "");
  EXPECT_EQ(LocationOf("Police patrolled streets in Ürümqi ."), "Urumqi");
  EXPECT_EQ(LocationOf("Police in Myanmar detained activists in Rakhine "
                       "State .",
                       3),
            "Rakhine");
  EXPECT_EQ(LocationOf("Serbia rejected a proposal from Kosovo ."), "");
  // Actors are not locations.
  EXPECT_EQ(LocationOf("Turkey accused China of abuses ."), "");
  EXPECT_EQ(LocationOf("Beijing said the camps were schools ."), "");
  // Lower-case words are not place names.
  EXPECT_EQ(LocationOf("They ate turkey in silence ."), "");
}

TEST(Gazetteer, PrefersTheLongestName) {
  Document doc = SimpleDoc("Aid reached Gaza City and the West Bank .");
  auto mentions = Shipped().FindMentions(doc, 0);
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_EQ(mentions[0].place->name, "Gaza City");
  EXPECT_EQ(doc.SpanText(mentions[0].span), "Gaza City");
  EXPECT_EQ(mentions[1].place->name, "West Bank");
}

TEST(Gazetteer, NearestLocativeToTheTrigger) {
  // Tokens: 0 Troops 1 clashed 2 in 3 Donetsk 4 while 5 talks 6 went
  // 7 on 8 in 9 Geneva 10 .
  const std::string text =
      "Troops clashed in Donetsk while talks went on in Geneva .";
  EXPECT_EQ(LocationOf(text, 1), "Donetsk");
  EXPECT_EQ(LocationOf(text, 6), "Geneva");
}

TEST(Gazetteer, ParseErrorsCarryTheLine) {
  auto bad = Gazetteer::Parse("# comment\nLima\t\tcity\tPER\t-12\n", "t.tsv");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::kParseError);
  EXPECT_EQ(bad.status().position(), 2);
  EXPECT_TRUE(bad.status().is_line());
  EXPECT_FALSE(Gazetteer::Parse("Lima\t\ttown\tPER\t-12\t-77\n", "t").ok());
  EXPECT_FALSE(Gazetteer::Parse("Lima\t\tcity\tPERU\t-12\t-77\n", "t").ok());
  EXPECT_FALSE(Gazetteer::Parse("Lima\t\tcity\tPER\t-120\t-77\n", "t").ok());
  EXPECT_EQ(Gazetteer::Load("/nonexistent/places.tsv").status().code(),
            ErrorCode::kNotFound);
  GazetteerOptions tight;
  tight.max_name_words = 2;
  EXPECT_EQ(Gazetteer::Parse("A B C\t\tcity\tPER\t1\t1\n", "t", tight)
                .status()
                .code(),
            ErrorCode::kLimitExceeded);
}

TEST(PlaceComponent, SetsEventLocations) {
  auto g = Gazetteer::Parse(
      "Nairobi\t\tcapital\tKEN\t-1.29\t36.82\n"
      "Xinjiang\tEast Turkestan\tregion\tCHN\t41\t85\n",
      "mini");
  ASSERT_TRUE(g.ok());
  auto component = MakePlaceComponent(
      std::shared_ptr<const Gazetteer>(std::move(g).value()));
  EXPECT_EQ(component->requires_annotations(), kEvents);
  EXPECT_EQ(component->assigns_annotations(), kPlaces);
  Document doc = SimpleDoc(
      "Envoys met in Nairobi on Monday .\n"
      "Police detained activists in East Turkestan .\n"
      "Kenya praised the deal .");
  Event a, b, c;
  a.sentence = 0;
  a.trigger_token = testing::WordIndex(doc, 0, "met");
  b.sentence = 1;
  b.trigger_token = testing::WordIndex(doc, 1, "detained");
  c.sentence = 2;
  c.trigger_token = testing::WordIndex(doc, 2, "praised");
  c.location = "stale";
  doc.events = {a, b, c};
  ASSERT_TRUE(component->Process(doc).ok());
  EXPECT_EQ(doc.events[0].location, "Nairobi");
  EXPECT_EQ(doc.events[1].location, "Xinjiang");
  EXPECT_EQ(doc.events[2].location, "");
  doc.events[0].sentence = 5;
  EXPECT_FALSE(component->Process(doc).ok());
}

TEST(PlaceComponent, LoadsTheShippedFileByDefault) {
  auto component = MakePlaceComponent(std::string(CURLEW_SOURCE_DIR) +
                                      "/data/kb/places.tsv");
  ASSERT_TRUE(component.ok()) << component.status().ToString();
  EXPECT_EQ((*component)->name(), "places");
}

}  // namespace
}  // namespace curlew
