// End-to-end checks of build/curlew (CURLEW_BINARY): exit statuses and
// rejection messages of `curlew code` and `curlew split`.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

namespace fs = std::filesystem;

struct RunResult {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs `curlew <args>` through the shell, capturing stdout and stderr.
RunResult Curlew(const std::string& args, const std::string& stdin_file = "") {
  const fs::path err_file = fs::path(::testing::TempDir()) / "curlew_cli_err";
  std::string cmd =
      std::string(CURLEW_BINARY) + " " + args + " 2>" + err_file.string();
  cmd += stdin_file.empty() ? " </dev/null" : " <" + stdin_file;
  RunResult r;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0)
    r.out.append(buf.data(), n);
  const int rc = pclose(p);
  r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  std::ifstream in(err_file);
  r.err.assign(std::istreambuf_iterator<char>(in), {});
  return r;
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(CURLEW_BINARY)) GTEST_SKIP() << "no " << CURLEW_BINARY;
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::path(::testing::TempDir()) /
           (std::string("curlew_cli_") + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& bytes) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }

  fs::path dir_;
};

TEST_F(CliTest, CodeDirectoryWithOneBadFileExitsZeroAndNamesIt) {
  Write("a.txt", "Turkey and China signed a treaty. Nobody objected.\n");
  const std::string bad = Write("b.txt", "broken \xFF byte\n");
  Write("c.jsonl",
        "{\"id\":\"c1\",\"date\":\"2021-02-03\",\"text\":\"Fine.\"}\n");
  const RunResult r = Curlew("code " + dir_.string());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find(bad + ": byte 7: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("[E4 invalid-utf8]"), std::string::npos) << r.err;
  // Exactly one line on stderr: the one rejection.
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

TEST_F(CliTest, NothingReadableExitsOne) {
  const std::string empty = Write("empty.txt", "");
  RunResult r = Curlew("code " + empty + " " + (dir_ / "missing.txt").string());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find(empty + ": byte 0: empty document"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("missing.txt: no such file"), std::string::npos)
      << r.err;
  // Empty stdin: nothing to process either.
  r = Curlew("code");
  EXPECT_EQ(r.status, 1);
}

TEST_F(CliTest, BadOptionsExitTwo) {
  EXPECT_EQ(Curlew("code --no-such-option").status, 2);
  EXPECT_EQ(Curlew("code --format xml").status, 2);
  EXPECT_EQ(Curlew("code --date 31/12/2020").status, 2);
  EXPECT_EQ(Curlew("code --input-format yaml").status, 2);
  EXPECT_EQ(Curlew("split --format csv").status, 2);
  EXPECT_EQ(Curlew("no-such-command").status, 2);
}

TEST_F(CliTest, HelpForEachCommand) {
  for (const char* cmd : {"code", "split", "eval-text"}) {
    const RunResult r = Curlew(std::string(cmd) + " --help");
    EXPECT_EQ(r.status, 0) << cmd;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << cmd << r.out;
  }
}

TEST_F(CliTest, CodeReadsStdin) {
  const std::string in = Write("in.txt", "Ankara said no.\n");
  const RunResult r = Curlew("code - --date 2020-12-31", in);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST_F(CliTest, SplitPrintsSentencesAndTokens) {
  const std::string in =
      Write("s.txt", "Gen. Ortiz didn't come. He sent aides.");
  RunResult r = Curlew("split " + in);
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "Gen. Ortiz did n't come .\nHe sent aides .\n");
  r = Curlew("split --format json " + in);
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("\"span\":[0,23]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("{\"text\":\"n't\",\"norm\":\"n't\",\"span\":[14,17]"),
            std::string::npos)
      << r.out;
}

}  // namespace
