// The actor loader's date handling, provenance and diacritic folding, and
// stacking a user's files on top of a set (events/dictionaries.h).
#include "actors/actor_dictionary.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "actors/dict_util.h"
#include "events/dictionaries.h"

namespace curlew {
namespace {

namespace fs = std::filesystem;

std::vector<uint32_t> Ids(const dict::WordTable& w, const std::string& s) {
  std::vector<uint32_t> ids;
  for (std::string_view x : dict::SplitWords(s))
    ids.push_back(w.Find(dict::Upper(x)));
  return ids;
}

// A president of a made-up state: elite before, government during, elite
// after; no date gives today's code (the default).
constexpr char kPeople[] =
    "# people\n"
    "ORVAL_KESTRIN_  # a president\n"
    "+KESTRIN_\n"
    "\t[VLMGOV 20040301-20120315]\n"
    "\t[VLMELI]\n"
    "MARA_TELLOWAY_  # only dated codes, as many Phoenix entries\n"
    "\t[VLMELI 19700101-20100630]\n"
    "\t[VLMGOV 20100701-20130101]\n";

TEST(ActorDatesTest, APersonIsCodedByTheOfficeHeldOnTheDate) {
  dict::WordTable words;
  ActorDictionary actors;
  ASSERT_TRUE(actors.LoadText(kPeople, "people.txt", words).ok());
  actors.Finish();
  std::string code;
  auto kestrin = Ids(words, "KESTRIN");
  ASSERT_EQ(actors.Match(kestrin, 0, 20000101, &code), 1u);
  EXPECT_EQ(code, "VLMELI");  // before the term
  actors.Match(kestrin, 0, 20040301, &code);
  EXPECT_EQ(code, "VLMGOV");  // its first day
  actors.Match(kestrin, 0, 20120315, &code);
  EXPECT_EQ(code, "VLMGOV");  // its last day
  actors.Match(kestrin, 0, 20120316, &code);
  EXPECT_EQ(code, "VLMELI");  // after it
  actors.Match(kestrin, 0, 0, &code);
  EXPECT_EQ(code, "VLMELI");  // undated: the default
  // Without a default, an undated report gets the latest term's code, a
  // date outside every term none (PETRARCH's reading).
  auto mara = Ids(words, "MARA TELLOWAY");
  actors.Match(mara, 0, 0, &code);
  EXPECT_EQ(code, "VLMGOV");
  actors.Match(mara, 0, 20150101, &code);
  EXPECT_EQ(code, "");
}

TEST(ActorDatesTest, EntriesKnowTheirFileAndLines) {
  dict::WordTable words;
  ActorDictionary actors;
  ASSERT_TRUE(actors.LoadText("VELLMARK_ [VLM]\n", "a.txt", words).ok());
  ASSERT_TRUE(actors.LoadText(kPeople, "people.txt", words).ok());
  actors.Finish();
  std::string code;
  uint32_t entry = 0;
  ASSERT_EQ(
      actors.Match(Ids(words, "ORVAL KESTRIN"), 0, 20100101, &code, &entry),
      2u);
  const ActorEntry& e = actors.entry(entry);
  EXPECT_EQ(actors.files()[e.file], "people.txt");
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.phrase, "ORVAL_KESTRIN_");
  int64_t line = 0;
  EXPECT_EQ(ActorDictionary::CodeOn(e, 20100101, &line), "VLMGOV");
  EXPECT_EQ(line, 4);
  EXPECT_EQ(ActorDictionary::CodeOn(e, 19990101, &line), "VLMELI");
  EXPECT_EQ(line, 5);
}

TEST(DictWordsTest, DiacriticsFoldToTheBaseLetter) {
  EXPECT_EQ(dict::Upper("Erdoğan"), "ERDOGAN");
  EXPECT_EQ(dict::Upper("ÇAVUŞOĞLU"), "CAVUSOGLU");
  EXPECT_EQ(dict::Upper("Wałęsa"), "WALESA");
  EXPECT_EQ(dict::Upper("Nguyễn Phú Trọng"), "NGUYEN PHU TRONG");
  EXPECT_EQ(dict::Upper("Iohannis, Nicușor"), "IOHANNIS, NICUSOR");
  EXPECT_EQ(dict::Upper("Schröder"), "SCHRODER");
  EXPECT_EQ(dict::Upper("Straße"), "STRASSE");
  // Other scripts stay as they are.
  EXPECT_EQ(dict::Upper("Путин"), "Путин");
  // So a dictionary written either way matches a text written either way.
  dict::WordTable words;
  ActorDictionary actors;
  ASSERT_TRUE(actors
                  .LoadText("MEVLUT_CAVUSOGLU_ [TURGOV]\n+ERDOĞAN_ [TURGOV]\n",
                            "mem", words)
                  .ok());
  actors.Finish();
  std::string code;
  EXPECT_EQ(actors.Match(Ids(words, "Mevlüt Çavuşoğlu"), 0, 0, &code), 2u);
  EXPECT_EQ(actors.Match(Ids(words, "Erdogan"), 0, 0, &code), 1u);
}

class StackTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / "curlew_stack_test";
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "base");
    fs::create_directories(dir_ / "user");
    Write("base/PETR_config.ini",
          "[Dictionaries]\nverbfile_name = v.txt\n"
          "actorfile_list = a.txt\nagentfile_name = g.txt\n");
    Write("base/v.txt", "--- DENOUNCE [111] ---\nDENOUNCE\n");
    Write("base/a.txt", "VELLMARK_ [VLM]\nKESTRAND_ [KST]\n");
    Write("base/g.txt", "MINISTER [~GOV]\n");
    // A user's folder without a config: files found by their names.
    Write("user/my.actors.txt", "KESTRAND_ [KSTREB]\nTORVE_ [TRV]\n");
    Write("user/my.agents.txt", "WARDEN [~COP]\n");
    Write("user/my.verbs.txt", "--- BLOCKADE [191] ---\nBLOCKADE\n");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
  }
  fs::path dir_;
};

TEST_F(StackTest, UserFilesGoOnTopOfTheBaseSet) {
  auto d =
      LoadDictionaries((dir_ / "base").string(), {(dir_ / "user").string()});
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  std::string code;
  auto ids = [&](const std::string& s) { return Ids((*d)->words, s); };
  ASSERT_EQ((*d)->actors.Match(ids("KESTRAND"), 0, 0, &code), 1u);
  EXPECT_EQ(code, "KSTREB");  // the user's entry wins
  (*d)->actors.Match(ids("VELLMARK"), 0, 0, &code);
  EXPECT_EQ(code, "VLM");  // the base set is kept
  (*d)->actors.Match(ids("TORVE"), 0, 0, &code);
  EXPECT_EQ(code, "TRV");
  const Agent* agent = nullptr;
  ASSERT_EQ((*d)->agents.Match(ids("WARDEN"), 0, &agent), 1u);
  EXPECT_EQ(agent->code, "COP");
  ASSERT_EQ((*d)->agents.Match(ids("MINISTER"), 0, &agent), 1u);
  EXPECT_EQ(agent->code, "GOV");
  EXPECT_NE((*d)->verbs.Forms((*d)->words.Find("BLOCKADE")), nullptr);
  EXPECT_NE((*d)->verbs.Forms((*d)->words.Find("DENOUNCE")), nullptr);
}

TEST_F(StackTest, AFolderWithoutDictionariesIsAnError) {
  fs::create_directories(dir_ / "empty");
  auto d =
      LoadDictionaries((dir_ / "base").string(), {(dir_ / "empty").string()});
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), ErrorCode::kNotFound);
  EXPECT_NE(d.status().ToString().find("empty"), std::string::npos);
}

}  // namespace
}  // namespace curlew
