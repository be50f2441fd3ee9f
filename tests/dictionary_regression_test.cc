// Crashes with PETRARCH-format dictionary sets, found by trying curlew as a
// new user and as an attacker would (issue 11); each test failed (crashed)
// before the fix it names. The dictionary set and the sentences are our own,
// except where a test reads ../shared (and skips without it).
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "actors/dict_util.h"
#include "curlew/engine.h"
#include "events/dictionaries.h"

namespace curlew {
namespace {

namespace fs = std::filesystem;

class TempFolder {
 public:
  TempFolder() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = fs::path(::testing::TempDir()) /
            (std::string("curlew_regression_") + info->name());
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempFolder() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string Write(const std::string& name, const std::string& text) const {
    const fs::path p = path_ / name;
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

// A PETRARCH-format set of our own in `dir`: an actor whose only code is
// restricted to 1990, so that in a later document it has no code at all.
void WriteDictionarySet(const TempFolder& dir) {
  dir.Write("PETR_config.ini",
            "[Dictionaries]\n"
            "verbfile_name = verbs.txt\n"
            "actorfile_list = actors.txt\n"
            "agentfile_name = agents.txt\n"
            "discardfile_name = discards.txt\n"
            "issuefile_name = issues.txt\n");
  dir.Write("verbs.txt",
            "--- MEET [040] ---\nMEET\n+MET\n+MEETS\n"
            "--- SAY [010] ---\nSAY\n+SAID\n");
  dir.Write("actors.txt",
            "MARVO_DELLANE_\n\t[VLMGOV 900101-901231]\n"
            "VELLMARK_ [VLM]\n"
            "KORRIN_ [KRR]\n");
  dir.Write("agents.txt", "LEADER [~ELI]\n+LEADERS\nENVOY [~GOV]\n");
  dir.Write("discards.txt", "");
  dir.Write("issues.txt", "");
}

// `code --dicts ../shared/data/petrarch2` segfaulted in the coder's flat
// word-order fallback (Coder::Run::FlatGroups) on a mention whose only code
// was date-restricted to other years: the code was empty and its first
// part was read out of bounds.
TEST(RegressionTest, ActorWithOnlyOtherYearsCodesDoesNotCrashTheCoder) {
  TempFolder dir;
  WriteDictionarySet(dir);
  EngineOptions options;
  options.dicts_dir = dir.path();
  auto engine = Engine::Create(options);
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  // Each of these crashed `curlew code --dicts` before the fix: the
  // mention of Marvo Dellane opens a run of actor mentions.
  const char* const kTexts[] = {
      "Marvo Dellane said on Tuesday he would meet Vellmark leaders.",
      "Vellmark leaders said they would meet Marvo Dellane if he gave them a "
      "seat at any talks.",
      "Envoy Marvo Dellane met Korrin leaders.",
  };
  for (const char* text : kTexts) {
    for (const char* date : {"2020-06-01", "1990-06-01", ""}) {
      Document doc;
      doc.id = "r1";
      doc.date = date;
      doc.text = text;
      EXPECT_TRUE((*engine)->Process(doc).ok()) << date << ": " << text;
    }
  }
}

// The same crash on the PLOVER gold sentences with the Phoenix
// dictionaries (7 of 316 crashed).
TEST(RegressionTest, PloverGoldSentencesCodeWithThePhoenixDictionaries) {
  const std::string shared = std::string(CURLEW_SHARED_DIR);
  const std::string dicts = shared + "/data/petrarch2";
  const std::string gold = shared + "/data/plover/PLOVER_GSR_CAMEO.txt";
  if (!fs::exists(dicts + "/PETR_config.ini") || !fs::exists(gold)) {
    GTEST_SKIP() << "shared data not found at " << shared;
  }
  std::ifstream in(gold);
  const nlohmann::json items = nlohmann::json::parse(in, nullptr, false);
  ASSERT_TRUE(items.is_array());
  EngineOptions options;
  options.dicts_dir = dicts;
  auto engine = Engine::Create(options);
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  int coded = 0;
  for (const nlohmann::json& item : items) {
    if (!item.contains("text") || !item["text"].is_string()) continue;
    Document doc;
    doc.id = item.value("id", "");
    doc.date = item.value("date", "");
    doc.text = item["text"].get<std::string>();
    Status s = (*engine)->Process(doc);
    EXPECT_TRUE(s.ok()) << doc.id << ": " << s.ToString();
    ++coded;
  }
  EXPECT_GE(coded, 300);
}

// A directory (or a device, a FIFO, a huge file) where a dictionary file
// should be aborted with std::bad_alloc: the size came from tellg.
TEST(RegressionTest, OddDictionaryFilesAreErrorsNamingTheFile) {
  TempFolder dir;
  WriteDictionarySet(dir);
  struct Case {
    const char* what;
    std::function<void(const std::string&)> make;
    ErrorCode code;
  };
  const std::vector<Case> cases = {
      {"directory", [](const std::string& p) { fs::create_directory(p); },
       ErrorCode::kInvalidArgument},
      {"fifo",
       [](const std::string& p) { ASSERT_EQ(mkfifo(p.c_str(), 0600), 0); },
       ErrorCode::kInvalidArgument},
      {"device",
       [](const std::string& p) { fs::create_symlink("/dev/zero", p); },
       ErrorCode::kInvalidArgument},
      {"huge",
       [](const std::string& p) {
         std::ofstream(p).flush();
         fs::resize_file(p, uint64_t{2} << 30);  // sparse: no disk used
       },
       ErrorCode::kLimitExceeded},
      {"missing", [](const std::string&) {}, ErrorCode::kNotFound},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    const std::string agents = dir.path() + "/agents.txt";
    fs::remove_all(agents);
    c.make(agents);
    auto loaded = LoadDictionaries(dir.path());
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.status().code(), c.code) << loaded.status().ToString();
    EXPECT_NE(loaded.status().ToString().find("agents.txt"), std::string::npos)
        << loaded.status().ToString();
  }
  fs::remove_all(dir.path() + "/agents.txt");
  EXPECT_EQ(dict::ReadFile(dir.path()).status().code(),
            ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace curlew
