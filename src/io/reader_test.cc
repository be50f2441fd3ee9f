#include "curlew/reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "testing/memory_env.h"

namespace curlew {
namespace {

namespace fs = std::filesystem;

// A fresh temporary folder per test.
class ReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::path(::testing::TempDir()) /
           (std::string("curlew_reader_") + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& bytes) {
    const fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }

  // Every result of reading `inputs`.
  static std::vector<Result<Document>> ReadAll(std::vector<std::string> inputs,
                                               ReaderOptions options = {}) {
    DocumentReader reader(std::move(inputs), options);
    std::vector<Result<Document>> out;
    Result<Document> r = Status();
    while (reader.Next(&r)) out.push_back(std::move(r));
    return out;
  }

  fs::path dir_;
};

TEST_F(ReaderTest, PlainTextFileIsOneDocumentWithDefaultDate) {
  const std::string path = Write("report.txt", "Ankara said no.\n");
  ReaderOptions options;
  options.default_date = "2020-12-31";
  auto docs = ReadAll({path}, options);
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_TRUE(docs[0].ok()) << docs[0].status().ToString();
  EXPECT_EQ(docs[0]->id, "report.txt");
  EXPECT_EQ(docs[0]->date, "2020-12-31");
  EXPECT_EQ(docs[0]->text, "Ankara said no.\n");
}

TEST_F(ReaderTest, DirectoryIsReadRecursivelyInSortedOrder) {
  Write("b.txt", "Second.");
  Write("a/z.txt", "First.");
  Write("c/d/e.txt", "Third.");
  Write(".hidden.txt", "Never.");
  auto docs = ReadAll({dir_.string()});
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0]->id, "a/z.txt");
  EXPECT_EQ(docs[1]->id, "b.txt");
  EXPECT_EQ(docs[2]->id, "c/d/e.txt");
  EXPECT_EQ(docs[2]->text, "Third.");
}

TEST_F(ReaderTest, JsonlFieldsAndMissingId) {
  const std::string path = Write(
      "news.jsonl",
      "{\"id\":\"n1\",\"date\":\"2021-01-05\",\"text\":\"One.\",\"source\":"
      "\"AFP\",\"url\":\"http://x.example/1\",\"title\":\"T\"}\n"
      "\n"
      "{\"text\":\"Two.\"}\r\n");
  auto docs = ReadAll({path});
  ASSERT_EQ(docs.size(), 2u);
  ASSERT_TRUE(docs[0].ok());
  EXPECT_EQ(docs[0]->id, "n1");
  EXPECT_EQ(docs[0]->date, "2021-01-05");
  EXPECT_EQ(docs[0]->source, "AFP");
  EXPECT_EQ(docs[0]->url, "http://x.example/1");
  EXPECT_EQ(docs[0]->title, "T");
  EXPECT_EQ(docs[0]->text, "One.");
  ASSERT_TRUE(docs[1].ok());
  EXPECT_EQ(docs[1]->id, path + ":3");
  EXPECT_EQ(docs[1]->text, "Two.");
}

TEST_F(ReaderTest, JsonlDetectedByContent) {
  const std::string path = Write("feed", "{\"id\":\"q\",\"text\":\"Hi.\"}\n");
  auto docs = ReadAll({path});
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_TRUE(docs[0].ok());
  EXPECT_EQ(docs[0]->id, "q");
}

TEST_F(ReaderTest, MissingInputIsRejectedAndOthersRead) {
  const std::string good = Write("good.txt", "Fine.");
  const std::string missing = (dir_ / "nope.txt").string();
  auto docs = ReadAll({missing, good});
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(docs[0].status().where(), missing);
  EXPECT_TRUE(docs[1].ok());
}

// Three records; the second is cut off (no </Sentence>) before the third.
const char kXml[] =
    "<!-- my own test records -->\n"
    "<Sentences>\n"
    "<Sentence date = \"20190412\" id =\"W-1\" source = \"WIRE\" "
    "sentence = \"True\">\n"
    "<Text>\nVellmar   thanked\nKorrin.\n</Text>\n"
    "<Parse>(ROOT (S (NP (NNP Vellmar)) (VP (VBD thanked) (NP (NNP Korrin)))"
    " (. .)))</Parse>\n"
    "</Sentence>\n"
    "<Sentence date=\"20190413\" id=\"W-2\"><Text>Cut off.</Text>\n"
    "<Sentence date=\"20190414\" id=\"W-3\"><Text>Korrin &amp; Vellmar "
    "met.</Text></Sentence>\n"
    "</Sentences>\n";

TEST_F(ReaderTest, PetrarchXmlRecordsAreDocumentsAndABadOneIsSkipped) {
  const std::string path = Write("wire.xml", kXml);
  auto docs = ReadAll({path});
  ASSERT_EQ(docs.size(), 3u);
  ASSERT_TRUE(docs[0].ok()) << docs[0].status().ToString();
  EXPECT_EQ(docs[0]->id, "W-1");
  EXPECT_EQ(docs[0]->date, "2019-04-12");
  EXPECT_EQ(docs[0]->source, "WIRE");
  EXPECT_EQ(docs[0]->text, "Vellmar thanked Korrin.");
  EXPECT_TRUE(docs[0]->ptb_parse.starts_with("(ROOT (S"));

  ASSERT_FALSE(docs[1].ok());
  EXPECT_EQ(docs[1].status().code(), ErrorCode::kParseError);
  EXPECT_EQ(docs[1].status().where(), path);
  EXPECT_FALSE(docs[1].status().is_line());
  EXPECT_EQ(docs[1].status().position(),
            static_cast<int64_t>(std::string(kXml).find("<Sentence date=")));

  ASSERT_TRUE(docs[2].ok()) << docs[2].status().ToString();
  EXPECT_EQ(docs[2]->id, "W-3");
  EXPECT_EQ(docs[2]->text, "Korrin & Vellmar met.");
  EXPECT_TRUE(docs[2]->ptb_parse.empty());
}

TEST_F(ReaderTest, PetrarchXmlIsRecognisedByContent) {
  const std::string path = Write("wire.data", kXml);
  ReaderOptions options;
  auto docs = ReadAll({path}, options);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_TRUE(docs[0].ok());
}

TEST_F(ReaderTest, PetrarchXmlRecordWithoutTextOrParseIsRejected) {
  const std::string path =
      Write("empty.xml",
            "<Sentences><Sentence id=\"e\"><Text>  </Text></Sentence>"
            "<Sentence id=\"f\" date=\"20200102\"><Text>Fine.</Text></Sentence>"
            "</Sentences>");
  auto docs = ReadAll({path});
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].status().code(), ErrorCode::kEmptyInput);
  EXPECT_EQ(docs[0].status().where(), path);
  ASSERT_TRUE(docs[1].ok());
  EXPECT_EQ(docs[1]->date, "2020-01-02");
}

// Two documents; the second sentence of the first has a bad HEAD column.
const char kConllu[] =
    "# newdoc id = story-1\n"
    "# text = Vellmar left.\n"
    "1\tVellmar\tVellmar\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
    "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "1\tBad\tbad\tADJ\tJJ\t_\tX\troot\t_\t_\n"
    "2\tline\tline\tNOUN\tNN\t_\t1\tdep\t_\t_\n"
    "\n"
    "1\tKorrin\tKorrin\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\tstayed\tstay\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "\n"
    "# newdoc id = story-2\n"
    "1\tQuiet\tquiet\tADJ\tJJ\t_\t_\t_\t_\t_\n"
    "\n";

TEST_F(ReaderTest, ConlluDocumentsArePretokenizedAndABadSentenceIsSkipped) {
  const std::string path = Write("gold.conllu", kConllu);
  ReaderOptions options;
  options.default_date = "2022-02-02";
  auto docs = ReadAll({path}, options);
  ASSERT_EQ(docs.size(), 3u);
  // The error comes first: it is found while the first document is read.
  ASSERT_FALSE(docs[0].ok());
  EXPECT_EQ(docs[0].status().code(), ErrorCode::kParseError);
  EXPECT_EQ(docs[0].status().where(), path);
  EXPECT_TRUE(docs[0].status().is_line());
  EXPECT_EQ(docs[0].status().position(), 7);

  ASSERT_TRUE(docs[1].ok()) << docs[1].status().ToString();
  const Document& d = *docs[1];
  EXPECT_EQ(d.id, "story-1");
  EXPECT_EQ(d.date, "2022-02-02");
  EXPECT_TRUE(d.pretokenized);
  EXPECT_EQ(d.text, "Vellmar left.\nKorrin stayed");
  ASSERT_EQ(d.sentences.size(), 2u);
  ASSERT_EQ(d.tokens.size(), 5u);
  EXPECT_EQ(d.tokens[0].head, 2);
  EXPECT_EQ(d.tokens[1].deprel, "root");
  EXPECT_EQ(d.TokenText(d.tokens[3]), "Korrin");

  ASSERT_TRUE(docs[2].ok());
  EXPECT_EQ(docs[2]->id, "story-2");
  EXPECT_EQ(docs[2]->tokens.size(), 1u);
  EXPECT_EQ(docs[2]->tokens[0].head, -1);  // no tree given
}

TEST_F(ReaderTest, ConlluWithoutNewdocIsOneDocumentNamedAfterTheFile) {
  const std::string path =
      Write("plain.txt",
            "# sent_id = 1\n1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n\n"
            "# sent_id = 2\n1\tNo\tno\tINTJ\tUH\t_\t0\troot\t_\t_\n\n");
  auto docs = ReadAll({path});
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_TRUE(docs[0].ok()) << docs[0].status().ToString();
  EXPECT_EQ(docs[0]->id, "plain.txt");
  EXPECT_EQ(docs[0]->sentences.size(), 2u);
}

TEST_F(ReaderTest, ConlluDocumentOverTheLimitIsRejected) {
  const std::string path = Write("gold.conllu", kConllu);
  ReaderOptions options;
  options.limits.max_document_bytes = 16;
  auto docs = ReadAll({path}, options);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[1].status().code(), ErrorCode::kLimitExceeded);
  EXPECT_EQ(docs[1].status().position(), 1);  // line of "# newdoc"
  EXPECT_TRUE(docs[2].ok());
}

TEST_F(ReaderTest, ParseInputFormat) {
  EXPECT_EQ(*ParseInputFormat("jsonl"), InputFormat::kJsonl);
  EXPECT_EQ(*ParseInputFormat("xml"), InputFormat::kPetrarchXml);
  EXPECT_EQ(ParseInputFormat("yaml").status().code(),
            ErrorCode::kInvalidArgument);
}

TEST_F(ReaderTest, FormatFromName) {
  EXPECT_EQ(FormatFromName("a/b.jsonl"), InputFormat::kJsonl);
  EXPECT_EQ(FormatFromName("b.ndjson"), InputFormat::kJsonl);
  EXPECT_EQ(FormatFromName("gold.xml"), InputFormat::kPetrarchXml);
  EXPECT_EQ(FormatFromName("en.conllu"), InputFormat::kConllu);
  EXPECT_EQ(FormatFromName("report.txt"), InputFormat::kAuto);
  EXPECT_EQ(FormatFromName("-"), InputFormat::kAuto);
}

TEST_F(ReaderTest, ForcedTextFormatKeepsJsonAsText) {
  const std::string path = Write("x.jsonl", "{\"text\":\"a\"}");
  ReaderOptions options;
  options.format = InputFormat::kText;
  auto docs = ReadAll({path}, options);
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_TRUE(docs[0].ok());
  EXPECT_EQ(docs[0]->text, "{\"text\":\"a\"}");
}

// --- Bad input: each case is rejected with the exact error, and the next
// document of the batch is still read.

TEST_F(ReaderTest, InvalidUtf8GivesOffsetOfBadByte) {
  const std::string bad = Write("a.txt", "Caf\xC3\xA9 ok \xC3\x28 bad");
  const std::string good = Write("b.txt", "Good.");
  auto docs = ReadAll({dir_.string()});
  ASSERT_EQ(docs.size(), 2u);
  const Status& s = docs[0].status();
  EXPECT_EQ(s.code(), ErrorCode::kInvalidUtf8);
  EXPECT_EQ(s.where(), bad);
  EXPECT_EQ(s.position(), 9);
  ASSERT_TRUE(docs[1].ok());
  EXPECT_EQ(docs[1]->text, "Good.");
}

TEST_F(ReaderTest, NulByteIsBinaryInput) {
  const std::string bad = Write("a.txt", std::string("abc\0def", 7));
  Write("b.txt", "Good.");
  auto docs = ReadAll({dir_.string()});
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].status().code(), ErrorCode::kBinaryInput);
  EXPECT_EQ(docs[0].status().where(), bad);
  EXPECT_EQ(docs[0].status().position(), 3);
  EXPECT_TRUE(docs[1].ok());
}

TEST_F(ReaderTest, BinaryFileIsRejected) {
  // The start of a PNG file: high bytes, then NULs.
  const std::string bad =
      Write("a.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  Write("b.txt", "Good.");
  auto docs = ReadAll({dir_.string()});
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].status().code(), ErrorCode::kInvalidUtf8);
  EXPECT_EQ(docs[0].status().where(), bad);
  EXPECT_EQ(docs[0].status().position(), 0);
  EXPECT_TRUE(docs[1].ok());
}

TEST_F(ReaderTest, EmptyFileIsRejected) {
  const std::string empty = Write("a.txt", "");
  const std::string blank = Write("b.txt", " \n\n");
  Write("c.txt", "Good.");
  auto docs = ReadAll({dir_.string()});
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].status().code(), ErrorCode::kEmptyInput);
  EXPECT_EQ(docs[0].status().where(), empty);
  EXPECT_EQ(docs[0].status().position(), 0);
  EXPECT_EQ(docs[1].status().code(), ErrorCode::kEmptyInput);
  EXPECT_EQ(docs[1].status().where(), blank);
  EXPECT_TRUE(docs[2].ok());
}

TEST_F(ReaderTest, HugeLineWithoutNewlineIsSkipped) {
  // 50 MB of JSONL without a newline, then nothing: rejected; a 50 MB text
  // file: rejected before reading; the next file is read.
  const size_t kBig = 50u << 20;
  std::string big = "{\"id\":\"big\",\"text\":\"";
  big.append(kBig, 'a');
  const std::string jsonl = Write("a.jsonl", big);
  const std::string text = Write("b.txt", std::string(kBig, 'b'));
  Write("c.jsonl", big + "\"}\n{\"id\":\"small\",\"text\":\"ok\"}\n");
  big.clear();
  big.shrink_to_fit();
  auto docs = ReadAll({dir_.string()});
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(docs[0].status().code(), ErrorCode::kLimitExceeded);
  EXPECT_EQ(docs[0].status().where(), jsonl);
  EXPECT_EQ(docs[0].status().position(), 0);
  EXPECT_EQ(docs[1].status().code(), ErrorCode::kLimitExceeded);
  EXPECT_EQ(docs[1].status().where(), text);
  EXPECT_EQ(docs[2].status().code(), ErrorCode::kLimitExceeded);
  ASSERT_TRUE(docs[3].ok()) << docs[3].status().ToString();
  EXPECT_EQ(docs[3]->id, "small");
}

TEST_F(ReaderTest, TruncatedJsonlLine) {
  const std::string path =
      Write("a.jsonl",
            "{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\":\"b\",\"text\":\"Tw\n"
            "{\"id\":\"c\",\"text\":\"Three.\"}\n");
  auto docs = ReadAll({path});
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_TRUE(docs[0].ok());
  const Status& s = docs[1].status();
  EXPECT_EQ(s.code(), ErrorCode::kParseError);
  EXPECT_EQ(s.where(), path);
  // Line 2 starts at byte 25; the error is at its end (byte 25 + 20).
  EXPECT_EQ(s.position(), 45);
  EXPECT_NE(s.message().find("line 2"), std::string::npos) << s.message();
  ASSERT_TRUE(docs[2].ok());
  EXPECT_EQ(docs[2]->id, "c");
}

TEST_F(ReaderTest, MalformedJson) {
  const std::string path = Write(
      "a.jsonl",
      "{\"id\":\"a\" \"text\":\"x\"}\n[1,2]\n{\"id\":\"n\"}\n"
      "{\"id\":\"e\",\"text\":\"\"}\n{\"id\":\"z\",\"text\":\"ok\\u00e9\"}\n");
  auto docs = ReadAll({path});
  ASSERT_EQ(docs.size(), 5u);
  EXPECT_EQ(docs[0].status().code(), ErrorCode::kParseError);
  // Parsing fails at the end of the token after the missing comma.
  EXPECT_EQ(docs[0].status().position(), 15);
  EXPECT_EQ(docs[1].status().code(), ErrorCode::kParseError);
  EXPECT_EQ(docs[1].status().position(), 22);  // start of line 2
  EXPECT_EQ(docs[2].status().code(), ErrorCode::kParseError);
  EXPECT_NE(docs[2].status().message().find("\"text\""), std::string::npos);
  EXPECT_EQ(docs[3].status().code(), ErrorCode::kEmptyInput);
  ASSERT_TRUE(docs[4].ok());
  EXPECT_EQ(docs[4]->text, "ok\xC3\xA9");
}

TEST_F(ReaderTest, InvalidUtf8AndNulInJsonl) {
  const std::string path = Write("a.jsonl",
                                 "{\"id\":\"a\",\"text\":\"x\xFFy\"}\n"
                                 "{\"id\":\"b\",\"text\":\"x\\u0000y\"}\n{"
                                 "\"id\":\"c\",\"text\":\"ok\"}\n");
  auto docs = ReadAll({path});
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].status().code(), ErrorCode::kInvalidUtf8);
  EXPECT_EQ(docs[0].status().position(), 19);
  EXPECT_EQ(docs[1].status().code(), ErrorCode::kBinaryInput);
  EXPECT_EQ(docs[1].status().position(), 24);  // start of line 2
  EXPECT_TRUE(docs[2].ok());
}

TEST_F(ReaderTest, BytesReadAndTotal) {
  Write("a.txt", "12345");
  Write("b.txt", "678");
  DocumentReader reader({dir_.string()});
  EXPECT_EQ(reader.bytes_total(), 8u);
  Result<Document> r = Status();
  while (reader.Next(&r)) {
  }
  EXPECT_EQ(reader.bytes_read(), 8u);
}

// Readers through an in-memory Env, with faults.
std::vector<Result<Document>> ReadFrom(
    testing::MemoryEnv& env, std::vector<std::string> inputs,
    InputFormat format = InputFormat::kAuto) {
  ReaderOptions options;
  options.env = &env;
  options.format = format;
  DocumentReader reader(std::move(inputs), options);
  std::vector<Result<Document>> out;
  Result<Document> r = Status();
  while (reader.Next(&r)) out.push_back(std::move(r));
  return out;
}

// A JSONL number out of range aborted `code` and `ingest` (nlohmann's
// out_of_range was not caught); every rerun aborted again.
TEST(ReaderEnvTest, JsonNumberOutOfRangeIsOneRejection) {
  testing::MemoryEnv env;
  env.AddFile("in.jsonl",
              "{\"id\":\"a\",\"text\":\"First.\"}\n"
              "{\"id\":\"b\",\"text\":\"x\",\"n\":1e400}\n"
              "{\"id\":\"c\",\"text\":\"Third.\"}\n");
  auto docs = ReadFrom(env, {"in.jsonl"});
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_TRUE(docs[0].ok());
  ASSERT_FALSE(docs[1].ok());
  EXPECT_EQ(docs[1].status().code(), ErrorCode::kParseError);
  EXPECT_EQ(docs[1].status().where(), "in.jsonl");
  EXPECT_EQ(docs[1].status().position(), 27);  // the line's first byte
  EXPECT_NE(docs[1].status().message().find("1e400"), std::string::npos)
      << docs[1].status().message();
  EXPECT_TRUE(docs[2].ok());
}

// Empty or record-less inputs were passed over without a word.
TEST(ReaderEnvTest, AnInputWithNoDocumentIsNamed) {
  testing::MemoryEnv env;
  env.AddFile("empty.jsonl", "");
  env.AddFile("blank.jsonl", "\n \n\n");
  env.AddFile("none.xml", "<Sentences>\n</Sentences>\n");
  env.AddFile("dir/empty.conllu", "");
  auto docs = ReadFrom(env, {"empty.jsonl", "blank.jsonl", "none.xml", "dir"});
  ASSERT_EQ(docs.size(), 4u);
  const char* names[] = {"empty.jsonl", "blank.jsonl", "none.xml",
                         "dir/empty.conllu"};
  for (size_t i = 0; i < docs.size(); ++i) {
    ASSERT_FALSE(docs[i].ok());
    EXPECT_EQ(docs[i].status().code(), ErrorCode::kEmptyInput);
    EXPECT_EQ(docs[i].status().where(), names[i]);
  }
}

TEST(ReaderEnvTest, AReadErrorIsARejectionWithTheBytePosition) {
  testing::MemoryEnv env;
  std::string jsonl;
  for (int i = 0; i < 50; ++i) {
    jsonl += "{\"id\":\"d" + std::to_string(i) + "\",\"text\":\"Text.\"}\n";
  }
  env.AddFile("in.jsonl", jsonl);
  env.FailReadsAfter("in.jsonl", 300);
  env.AddFile("next.txt", "Read after the failure.");
  auto docs = ReadFrom(env, {"in.jsonl", "next.txt"});
  ASSERT_GE(docs.size(), 3u);
  const Result<Document>& failed = docs[docs.size() - 2];
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), ErrorCode::kIoError);
  EXPECT_EQ(failed.status().where(), "in.jsonl");
  EXPECT_EQ(failed.status().position(), 300);
  EXPECT_TRUE(docs.back().ok());  // the next input is read
}

// Readers that read through a std::istream (CoNLL-U, PETRARCH XML) saw a
// read error as the end of the file; it is a rejection too.
TEST(ReaderEnvTest, AReadErrorInCoNLLUOrXmlIsNotTheEndOfTheFile) {
  testing::MemoryEnv env;
  std::string conllu;
  for (int i = 0; i < 20; ++i) {
    conllu += "# newdoc id = d" + std::to_string(i) +
              "\n1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n\n";
  }
  env.AddFile("in.conllu", conllu);
  env.FailReadsAfter("in.conllu", 200);
  std::string xml = "<Sentences>\n";
  for (int i = 0; i < 20; ++i) {
    xml += "<Sentence id=\"s" + std::to_string(i) +
           "\" date=\"20200101\"><Text>Yes.</Text></Sentence>\n";
  }
  env.AddFile("in.xml", xml + "</Sentences>\n");
  env.FailReadsAfter("in.xml", 200);
  for (const char* name : {"in.conllu", "in.xml"}) {
    SCOPED_TRACE(name);
    auto docs = ReadFrom(env, {name});
    ASSERT_FALSE(docs.empty());
    int io_errors = 0;
    for (const auto& d : docs) {
      if (!d.ok() && d.status().code() == ErrorCode::kIoError) {
        ++io_errors;
        EXPECT_EQ(d.status().where(), name);
        EXPECT_EQ(d.status().position(), 200);
      }
    }
    EXPECT_EQ(io_errors, 1);
  }
}

// Plain text from stdin was always the document "stdin": a second ingest
// of other text from stdin was skipped as already stored.
TEST(ReaderEnvTest, StdinDocumentsGetIdsFromTheirText) {
  testing::MemoryEnv env;
  env.AddFile("-", "Peru protested.");
  auto a = ReadFrom(env, {"-"});
  env.AddFile("-", "Chile protested.");
  auto b = ReadFrom(env, {"-"});
  env.AddFile("-", "Chile protested.");
  auto again = ReadFrom(env, {"-"});
  ASSERT_EQ(a.size(), 1u);
  ASSERT_TRUE(a[0].ok() && b[0].ok() && again[0].ok());
  EXPECT_TRUE(a[0]->id.starts_with("stdin-")) << a[0]->id;
  EXPECT_NE(a[0]->id, b[0]->id);
  EXPECT_EQ(b[0]->id, again[0]->id);
  // JSONL lines without an id, from stdin, too.
  env.AddFile("-", "{\"text\":\"One.\"}\n{\"text\":\"Two.\"}\n");
  auto lines = ReadFrom(env, {"-"}, InputFormat::kJsonl);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_NE(lines[0]->id, lines[1]->id);
  EXPECT_TRUE(lines[0]->id.starts_with("stdin-"));
}

}  // namespace
}  // namespace curlew
