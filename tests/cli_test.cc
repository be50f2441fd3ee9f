// End-to-end checks of build/curlew (CURLEW_BINARY): exit statuses and
// rejection messages of `curlew code` and `curlew split`; `--jobs N` output
// identical to `--jobs 1`.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

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
  // Named by process: two checkouts' test runs on one machine share /tmp.
  const fs::path err_file = fs::path(::testing::TempDir()) /
                            ("curlew_cli_err_" + std::to_string(getpid()));
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
  {
    std::ifstream in(err_file);
    r.err.assign(std::istreambuf_iterator<char>(in), {});
  }
  std::error_code ignored;
  fs::remove(err_file, ignored);
  return r;
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(CURLEW_BINARY)) GTEST_SKIP() << "no " << CURLEW_BINARY;
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::path(::testing::TempDir()) /
           (std::string("curlew_cli_") + info->name() + "_" +
            std::to_string(getpid()));
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
  EXPECT_EQ(CountLines(phoenix.out), events);  // no header line
  EXPECT_TRUE(phoenix.out.starts_with("1\t2008")) << phoenix.out.substr(0, 80);

  const RunResult gdelt =
      Curlew("code " + xml + " --dicts " + dir + " --format gdelt");
  ASSERT_EQ(gdelt.status, 0) << gdelt.err;
  EXPECT_EQ(CountLines(gdelt.out), events);
  const std::string first = gdelt.out.substr(0, gdelt.out.find('\n'));
  EXPECT_EQ(std::count(first.begin(), first.end(), '\t'), 60) << first;
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

// The crashes found by trying curlew as a user, each now one rejection or
// error line and the batch going on.
TEST_F(CliTest, InputThatCrashedIsRejectedAndTheBatchGoesOn) {
  // A JSON number out of range aborted code and ingest (nlohmann's
  // out_of_range escaped the reader).
  const std::string big =
      Write("big.jsonl",
            "{\"id\":\"b\",\"text\":\"x\",\"n\":1e400}\n"
            "{\"id\":\"c\",\"text\":\"Peru protested.\"}\n");
  RunResult r = Curlew("code " + big);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("curlew code: " + big + ": byte 0: line 1: "),
            std::string::npos)
      << r.err;
  EXPECT_EQ(CountLines(r.err), 1u) << r.err;
  // A CoNLL-U head cycle overflowed the stack in the ledger extractor.
  const std::string cycle =
      Write("cycle.conllu",
            "# newdoc id = c2\n# sent_id = s1\n"
            "1\tPeru\tPeru\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
            "2\tsigned\tsign\tVERB\tVBD\t_\t4\troot\t_\t_\n"
            "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
            "4\ttreaty\ttreaty\tNOUN\tNN\t_\t2\tobj\t_\t_\n\n"
            "# sent_id = s2\n"
            "1\tChile\tChile\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
            "2\tagreed\tagree\tVERB\tVBD\t_\t0\troot\t_\t_\n\n");
  const std::string db = (dir_ / "c.db").string();
  r = Curlew("ingest " + cycle + " --store " + db);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find(cycle + ": byte 0: document c2, sentence s1 (line 1): "),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("1 documents stored"), std::string::npos) << r.err;
}

TEST_F(CliTest, OneDialect) {
  RunResult r = Curlew("no-such-command");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("unknown subcommand 'no-such-command'"),
            std::string::npos)
      << r.err;
  // Every error line names its subcommand, CLI11's own included.
  r = Curlew("code --no-such-option");
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(r.err.starts_with("curlew code: ")) << r.err;
  r = Curlew("split --format csv");
  EXPECT_TRUE(r.err.starts_with("curlew split: ")) << r.err;
  // Numeric options are range-checked: -5 no longer wraps around.
  EXPECT_EQ(Curlew("code --max-document-bytes -5").status, 2);
  EXPECT_EQ(Curlew("code --max-document-bytes 0").status, 2);
  EXPECT_EQ(Curlew("split --max-sentence-tokens -1").status, 2);
  EXPECT_EQ(Curlew("ingest --batch 0").status, 2);
  // "json" and "jsonl" are one format.
  const std::string in = Write("in.txt", "Gen. Ortiz left.");
  EXPECT_EQ(Curlew("split --format json " + in).out,
            Curlew("split --format jsonl " + in).out);
}

TEST_F(CliTest, EmptyAndRecordlessInputsAreNamed) {
  const std::string empty = Write("empty.jsonl", "");
  const std::string blank = Write("blank.jsonl", "\n  \n");
  const std::string xml = Write("none.xml", "<Sentences></Sentences>\n");
  fs::create_directories(dir_ / "emptydir");
  const RunResult r = Curlew("code " + empty + " " + blank + " " + xml + " " +
                             (dir_ / "emptydir").string());
  EXPECT_EQ(r.status, 1);
  for (const std::string& name : {empty, blank, xml}) {
    EXPECT_NE(r.err.find("curlew code: " + name + ": byte 0: no documents"),
              std::string::npos)
        << name << "\n"
        << r.err;
  }
  EXPECT_NE(r.err.find("emptydir: no files in this directory"),
            std::string::npos)
      << r.err;
}

TEST_F(CliTest, WriteErrorsExitOne) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  const std::string in = Write("in.txt", "Peru and Chile signed a treaty.");
  for (const std::string cmd : {"code", "parse", "split"}) {
    const RunResult r = Curlew(cmd + " " + in + " --out /dev/full");
    EXPECT_EQ(r.status, 1) << cmd << ": " << r.err;
    EXPECT_NE(r.err.find("curlew " + cmd +
                         ": /dev/full: byte 0: write "
                         "failed: No space left on device"),
              std::string::npos)
        << r.err;
  }
}

// The ledger commands too (tests/data/ledger_corpus.jsonl: our own reports
// of agreements and commitments).
TEST_F(CliTest, LedgerCommandsReportWriteErrors) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  const std::string db = (dir_ / "ledger.db").string();
  const RunResult ingest = Curlew(
      "ingest tests/data/ledger_corpus.jsonl "
      "--quiet --store " +
      db);
  ASSERT_EQ(ingest.status, 0) << ingest.err;
  for (const std::string cmd :
       {"agreements", "commitments", "agreement 1", "summary"}) {
    const RunResult ok = Curlew(cmd + " --store " + db);
    ASSERT_EQ(ok.status, 0) << cmd << ": " << ok.err;
    ASSERT_FALSE(ok.out.empty()) << cmd;
    const RunResult full = Curlew(cmd + " --store " + db + " --out /dev/full");
    EXPECT_EQ(full.status, 1) << cmd;
    EXPECT_NE(full.err.find("No space left on device"), std::string::npos)
        << cmd << ": " << full.err;
  }
}

TEST_F(CliTest, ValidateExitsOneOnGarbageAndOnFailures) {
  const std::string garbage = Write("garbage.xml", "this is not a file\n");
  const RunResult r = Curlew("validate " + garbage);
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(r.err.starts_with("curlew validate: ")) << r.err;
  EXPECT_EQ(r.out.find("0 passed, 0 failed"), std::string::npos) << r.out;
}

// Plain text from stdin gets an id from its text: a second, different text
// is a second document, not "already stored".
TEST_F(CliTest, StdinDocumentsGetDistinctIds) {
  const std::string db = (dir_ / "s.db").string();
  const std::string a = Write("a.txt", "Peru protested on Monday.");
  const std::string b = Write("b.txt", "Chile protested on Tuesday.");
  EXPECT_EQ(Curlew("ingest - --date 2020-01-01 --store " + db, a).status, 0);
  const RunResult second =
      Curlew("ingest - --date 2020-01-01 --store " + db, b);
  EXPECT_EQ(second.status, 0) << second.err;
  EXPECT_NE(second.err.find("1 documents stored"), std::string::npos)
      << second.err;
  EXPECT_NE(second.err.find("it holds 2 documents"), std::string::npos)
      << second.err;
  // The same text again is the same document: skipped.
  const RunResult again = Curlew("ingest - --date 2020-01-01 --store " + db, b);
  EXPECT_NE(again.err.find("1 already stored and skipped"), std::string::npos)
      << again.err;
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
