// End-to-end checks of build/curlew (CURLEW_BINARY): exit statuses and
// rejection messages of `curlew code` and `curlew split`; `--jobs N` output
// identical to `--jobs 1`.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <algorithm>
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

// The number of lines of `s`.
size_t CountLines(const std::string& s) {
  return static_cast<size_t>(std::count(s.begin(), s.end(), '\n'));
}

// The GigaWord sample codes with its given parses and the PETRARCH
// dictionaries, in every output format.
TEST_F(CliTest, CodeGigawordSampleWithGivenParses) {
  const std::string dir = std::string(CURLEW_SHARED_DIR) + "/data/petrarch2";
  const std::string xml = dir + "/GigaWord.sample.PETR.xml";
  if (!fs::exists(xml)) GTEST_SKIP() << "shared data not found at " << xml;
  const RunResult jsonl = Curlew("code " + xml + " --dicts " + dir);
  ASSERT_EQ(jsonl.status, 0) << jsonl.err;
  EXPECT_EQ(jsonl.err, "");
  const size_t events = CountLines(jsonl.out);
  EXPECT_GE(events, 50u);
  EXPECT_NE(jsonl.out.find("\"doc_id\":\"AFP08080"), std::string::npos);

  const RunResult petrarch =
      Curlew("code " + xml + " --dicts " + dir + " --format petrarch");
  ASSERT_EQ(petrarch.status, 0) << petrarch.err;
  EXPECT_EQ(CountLines(petrarch.out), events);
  EXPECT_TRUE(petrarch.out.starts_with("2008")) << petrarch.out.substr(0, 80);

  const RunResult phoenix =
      Curlew("code " + xml + " --dicts " + dir + " --format phoenix");
  ASSERT_EQ(phoenix.status, 0) << phoenix.err;
  EXPECT_EQ(CountLines(phoenix.out), events + 1);  // header
  EXPECT_TRUE(phoenix.out.starts_with("EventID\tDate\t"));
}

TEST_F(CliTest, CodeConlluAndXmlNameTheBadRecord) {
  const std::string conllu =
      Write("gold.conllu",
            "# newdoc id = g1\n"
            "1\tVellmark\tVellmark\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
            "2\tprotested\tprotest\tVERB\tVBD\t_\t0\troot\t_\t_\n\n"
            "1\tbroken\n\n");
  const std::string xml =
      Write("records.xml",
            "<Sentences><Sentence id=\"r1\" date=\"20200101\"><Text>Korrin "
            "left.</Text></Sentence><Sentence id=\"r2\" date=x></Sentence>"
            "</Sentences>");
  const RunResult r = Curlew("code " + conllu + " " + xml);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find(conllu + ": line 5"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(xml + ": byte "), std::string::npos) << r.err;
  EXPECT_EQ(CountLines(r.err), 2u) << r.err;
}

// `curlew code --jobs N` and `curlew ingest --jobs N` give exactly what one
// job gives: the same bytes on stdout and stderr, the same store.
class JobsTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    if (IsSkipped()) return;
    examples_ = fs::path(CURLEW_SOURCE_DIR) / "data/examples/reports.jsonl";
    if (!fs::exists(examples_)) GTEST_SKIP() << "no " << examples_;
  }

  // The example reports `copies` times over with new ids, with a bad line
  // (malformed JSON, an empty text) every 50 documents, so rejections are
  // interleaved with documents.
  std::string Corpus(int copies) {
    const fs::path path = dir_ / "corpus.jsonl";
    std::ofstream out(path);
    int n = 0;
    for (int c = 0; c < copies; ++c) {
      std::ifstream in(examples_);
      for (std::string line; std::getline(in, line);) {
        const size_t id = line.find("\"id\": \"");
        if (id == std::string::npos) continue;
        line.insert(id + 7, "c" + std::to_string(c) + "-");
        out << line << '\n';
        if (++n % 50 == 0) {
          out << (n % 100 ? "{\"id\": \"bad\", \"text\": \n"
                          : "{\"id\": \"empty\", \"text\": \"  \"}\n");
        }
      }
    }
    return path.string();
  }

  fs::path examples_;
};

TEST_F(JobsTest, CodeWritesWhatOneJobWrites) {
  const std::string corpus = Corpus(8);
  for (const char* format : {"jsonl", "phoenix"}) {
    const std::string args =
        "code " + corpus + " " + examples_.string() + " --format " + format;
    const RunResult one = Curlew(args + " --jobs 1");
    ASSERT_EQ(one.status, 0) << one.err;
    ASSERT_GT(one.out.size(), 1000u);
    ASSERT_NE(one.err.find("[E7 parse-error]"), std::string::npos) << one.err;
    for (int jobs : {3}) {
      const RunResult many = Curlew(args + " --jobs " + std::to_string(jobs));
      EXPECT_EQ(many.status, one.status) << format << " " << jobs;
      EXPECT_EQ(many.out, one.out) << format << " " << jobs;
      EXPECT_EQ(many.err, one.err) << format << " " << jobs;
    }
  }
}

TEST_F(JobsTest, IngestStoresWhatOneJobStores) {
  const std::string corpus = Corpus(4);
  std::string exported[2];
  std::string rejected[2];
  for (int i = 0; i < 2; ++i) {
    const std::string store =
        (dir_ / ("s" + std::to_string(i) + ".db")).string();
    const RunResult in =
        Curlew("ingest " + corpus + " --store " + store +
               " --batch 7 --quiet --jobs " + std::to_string(i == 0 ? 1 : 2));
    ASSERT_EQ(in.status, 0) << in.err;
    rejected[i] = in.err;
    const RunResult out = Curlew("export --store " + store + " --format jsonl");
    ASSERT_EQ(out.status, 0) << out.err;
    exported[i] = out.out;
  }
  EXPECT_GT(exported[0].size(), 1000u);
  EXPECT_EQ(exported[1], exported[0]);
  EXPECT_NE(rejected[0].find("rejected"), std::string::npos) << rejected[0];
  EXPECT_EQ(rejected[1], rejected[0]);
}

}  // namespace
