// The whole engine on documents from the PETRARCH XML and CoNLL-U readers:
// a CoNLL-U document keeps its sentences and tokens (the text layer does
// not re-split it) and its given trees (the syntax stage parses only the
// sentences that came without heads).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "curlew/engine.h"
#include "curlew/reader.h"

namespace curlew {
namespace {

namespace fs = std::filesystem;

const Engine* SharedEngine() {
  static const auto engine = Engine::Create({});
  return engine.ok() ? engine->get() : nullptr;
}

std::vector<Document> ReadGood(const std::string& path) {
  DocumentReader reader({path});
  std::vector<Document> docs;
  Result<Document> doc = Status();
  while (reader.Next(&doc)) {
    EXPECT_TRUE(doc.ok()) << doc.status().ToString();
    if (doc.ok()) docs.push_back(std::move(*doc));
  }
  return docs;
}

std::string WriteTemp(const std::string& name, const std::string& bytes) {
  const fs::path p = fs::path(::testing::TempDir()) / name;
  std::ofstream(p, std::ios::binary) << bytes;
  return p.string();
}

TEST(EngineReadersTest, ConlluTokensAndGivenTreesAreKept) {
  const Engine* engine = SharedEngine();
  if (engine == nullptr) GTEST_SKIP() << "engine data (model, kb) not found";
  // Sentence 1 has a deliberately odd tree ("talks" heads everything) that
  // curlew's parser would never produce; sentence 2 has no tree at all.
  // The first "sentence" would be two sentences to the splitter.
  const std::string path =
      WriteTemp("engine_readers.conllu",
                "# newdoc id = c1\n"
                "1\tVellmark\tVellmark\tPROPN\tNNP\t_\t3\tnsubj\t_\t_\n"
                "2\tresumed\tresume\tVERB\tVBD\t_\t3\tdep\t_\tSpaceAfter=No\n"
                "3\t.\t.\tPUNCT\t.\t_\t0\troot\t_\t_\n"
                "4\tTalks\ttalk\tNOUN\tNNS\t_\t3\tdep\t_\t_\n"
                "5\tended\tend\tVERB\tVBD\t_\t3\tdep\t_\tSpaceAfter=No\n"
                "6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
                "\n"
                "1\tKorrin\t_\t_\t_\t_\t_\t_\t_\t_\n"
                "2\tprotested\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
                "3\t.\t_\t_\t_\t_\t_\t_\t_\t_\n"
                "\n");
  std::vector<Document> docs = ReadGood(path);
  ASSERT_EQ(docs.size(), 1u);
  Document& doc = docs[0];
  ASSERT_TRUE(engine->Process(doc).ok());
  ASSERT_EQ(doc.sentences.size(), 2u);
  ASSERT_EQ(doc.tokens.size(), 9u);
  EXPECT_EQ(doc.sentences[0].size(), 6u);
  // The given tree is untouched ...
  EXPECT_EQ(doc.tokens[0].head, 3);
  EXPECT_EQ(doc.tokens[1].deprel, "dep");
  EXPECT_EQ(doc.tokens[3].head, 3);
  // ... and the sentence without one was tagged and parsed.
  for (uint32_t i = doc.sentences[1].token_begin;
       i < doc.sentences[1].token_end; ++i) {
    EXPECT_GE(doc.tokens[i].head, 0) << i;
    EXPECT_FALSE(doc.tokens[i].upos.empty()) << i;
  }
  EXPECT_EQ(doc.TokenText(doc.tokens[6]), "Korrin");
}

TEST(EngineReadersTest, PetrarchXmlRecordUsesItsGivenParse) {
  const Engine* engine = SharedEngine();
  if (engine == nullptr) GTEST_SKIP() << "engine data (model, kb) not found";
  // The given parse makes "Korrin" the root, which no parser would.
  const std::string path = WriteTemp(
      "engine_readers.xml",
      "<Sentences><Sentence date=\"20200304\" id=\"x1\"><Text>Vellmark "
      "thanked Korrin.</Text><Parse>(ROOT (NP (NNP Vellmark) (NNP thanked) "
      "(NNP Korrin) (. .)))</Parse></Sentence></Sentences>");
  std::vector<Document> docs = ReadGood(path);
  ASSERT_EQ(docs.size(), 1u);
  Document& doc = docs[0];
  EXPECT_EQ(doc.date, "2020-03-04");
  ASSERT_TRUE(engine->Process(doc).ok());
  ASSERT_EQ(doc.tokens.size(), 4u);
  EXPECT_EQ(doc.tokens[1].xpos, "NNP");
  EXPECT_EQ(doc.tokens[2].head, 0);
}

}  // namespace
}  // namespace curlew
