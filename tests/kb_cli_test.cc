// build/curlew actor and build/curlew codes (CURLEW_BINARY): what a name
// resolves to on a date and from which entry; what an event code, an actor
// code or a word means.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;

// Runs `curlew <args>`; stdout and the exit status.
std::pair<int, std::string> RunCurlew(const std::string& args) {
  std::string cmd = std::string(CURLEW_BINARY) + " " + args + " 2>/dev/null";
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return {-1, out};
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0)
    out.append(buf.data(), n);
  int rc = pclose(p);
  return {WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, out};
}

class KbCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(CURLEW_BINARY)) GTEST_SKIP() << "no " << CURLEW_BINARY;
  }
};

TEST_F(KbCliTest, ActorResolvesANameOnADateWithItsEntry) {
  auto [status, out] =
      RunCurlew("actor --format json 'Jacques Chirac' --date 2003-03-10");
  ASSERT_EQ(status, 0) << out;
  auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["code"], "FRAGOV");
  ASSERT_EQ(j["matches"].size(), 1u);
  const auto& m = j["matches"][0];
  EXPECT_EQ(m["kind"], "actor");
  EXPECT_NE(m["file"].get<std::string>().find("curlew.people.actors.txt"),
            std::string::npos);
  EXPECT_GT(m["line"].get<int>(), 0);
  EXPECT_GE(m["code_line"].get<int>(), m["line"].get<int>());
  EXPECT_FALSE(m["terms"].empty());

  auto after = nlohmann::json::parse(
      RunCurlew("actor --format json 'Jacques Chirac' --date 2012-06-01")
          .second);
  EXPECT_EQ(after["code"], "FRAELI");
}

TEST_F(KbCliTest, ActorComposesACountryAndARole) {
  auto [status, out] = RunCurlew("actor 'Turkish foreign minister'");
  ASSERT_EQ(status, 0) << out;
  EXPECT_EQ(out.substr(0, out.find('\n')), "Turkish foreign minister: TURGOV");
  EXPECT_NE(out.find("curlew.countries.actors.txt:"), std::string::npos);
  EXPECT_NE(out.find("curlew.agents.txt:"), std::string::npos);
  EXPECT_EQ(RunCurlew("actor 'nobody in particular'").first, 1);
  EXPECT_EQ(RunCurlew("actor Putin --date 2020-13-45").first, 2);
}

TEST_F(KbCliTest, ActorSeesAUsersFiles) {
  const fs::path dir = fs::path(::testing::TempDir()) / "curlew_kb_cli";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "my.actors.txt") << "ZORBALAND_ [ZRB]\n";
  auto [status, out] = RunCurlew("actor Zorbaland --add-dicts " + dir.string());
  EXPECT_EQ(status, 0);
  EXPECT_NE(out.find("Zorbaland: ZRB"), std::string::npos) << out;
  EXPECT_NE(out.find("my.actors.txt:1"), std::string::npos) << out;
  fs::remove_all(dir);
}

TEST_F(KbCliTest, CodesExplainsEventCodesActorCodesAndWords) {
  auto [status, out] = RunCurlew("codes 19");
  ASSERT_EQ(status, 0);
  EXPECT_NE(out.find("FIGHT"), std::string::npos) << out;
  EXPECT_NE(out.find("195   Employ aerial weapons"), std::string::npos) << out;
  out = RunCurlew("codes TURGOVMIL").second;
  EXPECT_NE(out.find("TUR    Turkey"), std::string::npos) << out;
  EXPECT_NE(out.find("MIL    military"), std::string::npos) << out;
  out = RunCurlew("codes IGOWSTNAT").second;
  EXPECT_NE(out.find("NORTH_ATLANTIC_TREATY_ORGANIZATION_"), std::string::npos)
      << out;
  out = RunCurlew("codes attack").second;
  EXPECT_NE(out.find("as a verb"), std::string::npos) << out;
  EXPECT_NE(out.find("190"), std::string::npos) << out;
  out = RunCurlew("codes 'defence minister'").second;
  EXPECT_NE(out.find("as a role noun: ~GOVMIL"), std::string::npos) << out;
  out = RunCurlew("codes Erdogan").second;
  EXPECT_NE(out.find("as an actor: TURGOV"), std::string::npos) << out;
  EXPECT_EQ(RunCurlew("codes 999").first, 1);
}

}  // namespace
