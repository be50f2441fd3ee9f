// The knowledge base at work in the coder, on sentences written for these
// tests: people coded by the office they hold on the document's date,
// abbreviations, capitals and seats of government as the state or its
// organ, the rules for "Brussels", "Washington" and "us", and a user's own
// files stacked on the built-in set (--add-dicts).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "curlew/engine.h"

namespace curlew {
namespace {

namespace fs = std::filesystem;

using Pairs = std::vector<std::pair<std::string, std::string>>;

class KbCodingTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto e = Engine::Create({});
    ASSERT_TRUE(e.ok()) << e.status().ToString();
    engine_ = std::move(*e);
  }
  static void TearDownTestSuite() { engine_.reset(); }

  // (source, target) of every event coded in `text` dated `date`.
  static Pairs Code(const std::string& text, const std::string& date,
                    const Engine* engine = nullptr) {
    Document doc;
    doc.id = "t";
    doc.date = date;
    doc.text = text;
    Status s = (engine ? engine : engine_.get())->Process(doc);
    EXPECT_TRUE(s.ok()) << s.ToString();
    Pairs out;
    for (const Event& e : doc.events) out.emplace_back(e.source, e.target);
    return out;
  }

  static std::unique_ptr<Engine> engine_;
};

std::unique_ptr<Engine> KbCodingTest::engine_;

TEST_F(KbCodingTest, APresidentIsGovernmentInOfficeAndEliteBeforeAndAfter) {
  const std::string s = "Jacques Chirac criticised Syria.";
  EXPECT_EQ(Code(s, "2003-03-10"), (Pairs{{"FRAGOV", "SYR"}}));
  EXPECT_EQ(Code(s, "2012-06-01"), (Pairs{{"FRAELI", "SYR"}}));
  // The surname alone, once in office, once before.
  EXPECT_EQ(Code("Medvedev criticised Georgia.", "2009-03-01"),
            (Pairs{{"RUSGOV", "GEO"}}));
  EXPECT_EQ(Code("Zelensky criticised Russia.", "2016-05-01"),
            (Pairs{{"UKRELI", "RUS"}}));
  EXPECT_EQ(Code("Zelensky criticised Russia.", "2022-05-01"),
            (Pairs{{"UKRGOV", "RUS"}}));
  // A title before the name: the title's role on any date (never
  // USAELIGOV); "former" makes the holder the elite even in office.
  EXPECT_EQ(Code("President Biden praised Poland.", "2026-03-01"),
            (Pairs{{"USAGOV", "POL"}}));
  EXPECT_EQ(Code("Former President Biden praised Poland.", "2022-05-01"),
            (Pairs{{"USAELI", "POL"}}));
}

TEST_F(KbCodingTest, TheIssuesExamplesCodeWithTheirDates) {
  EXPECT_EQ(Code("Putin met Erdogan in Sochi on Tuesday.", "2018-05-04"),
            (Pairs{{"RUSGOV", "TURGOV"}, {"TURGOV", "RUSGOV"}}));
  EXPECT_EQ(Code("Biden praised Zelensky.", "2023-02-21"),
            (Pairs{{"USAGOV", "UKRGOV"}}));
  EXPECT_EQ(
      Code("Xi Jinping criticised Washington for its sanctions.", "2019-05-20"),
      (Pairs{{"CHNGOV", "USA"}}));
  EXPECT_EQ(Code("President Bush has threatened further action against "
                 "Russia.",
                 "2008-08-15"),
            (Pairs{{"USAGOV", "RUS"}}));
}

TEST_F(KbCodingTest, AbbreviationsKeepTheirCountry) {
  EXPECT_EQ(Code("US troops shelled Iraqi positions.", "2020-01-01"),
            (Pairs{{"USAMIL", "IRQ"}}));
  EXPECT_EQ(Code("The UAE condemned the DPRK.", "2020-01-01"),
            (Pairs{{"ARE", "PRK"}}));
  EXPECT_EQ(Code("The USSR invaded Afghanistan.", "1979-12-27"),
            (Pairs{{"SUN", "AFG"}}));
}

TEST_F(KbCodingTest, SeatsOfGovernmentAreTheStatesOrgans) {
  EXPECT_EQ(Code("The Kremlin accused Kyiv of provocations.", "2021-04-02"),
            (Pairs{{"RUSGOV", "UKR"}}));
  EXPECT_EQ(Code("Downing Street criticised Tehran.", "2021-04-02"),
            (Pairs{{"GBRGOV", "IRN"}}));
  EXPECT_EQ(Code("The Pentagon warned Beijing.", "2021-04-02"),
            (Pairs{{"USAMIL", "CHN"}}));
  // "Brussels" as an actor is the EU, not Belgium.
  EXPECT_EQ(Code("Brussels criticised Warsaw.", "2021-04-02"),
            (Pairs{{"IGOEUREEC", "POL"}}));
}

TEST_F(KbCodingTest, ThePronounUsIsNotTheUnitedStates) {
  for (const auto& [s, t] :
       Code("The rebels attacked us on Monday.", "2021-04-02")) {
    EXPECT_NE(s.substr(0, 3), "USA");
    EXPECT_NE(t.substr(0, 3), "USA");
  }
}

TEST_F(KbCodingTest, AddDictsStacksAUsersFilesAndKeepsTheConventions) {
  const fs::path dir = fs::path(::testing::TempDir()) / "curlew_add_dicts";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "mine.actors.txt")
      << "ZORBALAND_ [ZRB]\n+ZORBALANDIAN_\n"
      << "MEDVEDEV_ [RUSXXX]\n";  // a user's own code wins over ours
  EngineOptions options;
  options.add_dicts_dirs = {dir.string()};
  auto mine = Engine::Create(options);
  ASSERT_TRUE(mine.ok()) << mine.status().ToString();
  EXPECT_EQ(Code("Zorbaland criticised Turkey.", "2021-04-02", mine->get()),
            (Pairs{{"ZRB", "TUR"}}));
  EXPECT_EQ(Code("Medvedev criticised Georgia.", "2009-03-01", mine->get()),
            (Pairs{{"RUSXXX", "GEO"}}));
  // The built-in set and its news conventions are still there.
  EXPECT_EQ(Code("US troops shelled Zorbaland.", "2021-04-02", mine->get()),
            (Pairs{{"USAMIL", "ZRB"}}));
  // Without the folder, Zorbaland is nobody.
  EXPECT_TRUE(Code("Zorbaland criticised Turkey.", "2021-04-02").empty() ||
              Code("Zorbaland criticised Turkey.", "2021-04-02")[0].first !=
                  "ZRB");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace curlew
