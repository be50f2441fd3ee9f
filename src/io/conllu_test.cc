#include "io/conllu.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace curlew {
namespace {

// Our own example: comments, a multiword token, an empty node and
// SpaceAfter=No.
const char kExample[] =
    "# newdoc id = d1\n"
    "# sent_id = s1\n"
    "# text = Ankara won't sign it.\n"
    "1\tAnkara\tAnkara\tPROPN\tNNP\tNumber=Sing\t4\tnsubj\t4:nsubj\t_\n"
    "2-3\twon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\two\twill\tAUX\tMD\tVerbForm=Fin\t4\taux\t4:aux\t_\n"
    "3\tn't\tnot\tPART\tRB\tPolarity=Neg\t4\tadvmod\t4:advmod\t_\n"
    "4\tsign\tsign\tVERB\tVB\tVerbForm=Inf\t0\troot\t0:root\t_\n"
    "4.1\tsign\tsign\tVERB\tVB\t_\t_\t_\t4:conj\tCopyOf=4\n"
    "5\tit\tit\tPRON\tPRP\t_\t4\tobj\t4:obj\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n"
    "\n"
    "# sent_id = s2\n"
    "# text = Talks ended.\n"
    "1\tTalks\ttalk\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
    "2\tended\tend\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
    "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n";

TEST(Conllu, ReadsSentencesWordsAndExtras) {
  std::istringstream in(kExample);
  ConlluReader reader(in, "example");
  ConlluSentence s;
  Result<bool> more = reader.Next(s);
  ASSERT_TRUE(more.ok()) << more.status().ToString();
  ASSERT_TRUE(*more);
  EXPECT_EQ(s.Comment("sent_id"), "s1");
  EXPECT_EQ(s.Comment("newdoc id"), "d1");
  EXPECT_EQ(s.Comment("text"), "Ankara won't sign it.");
  ASSERT_EQ(s.words.size(), 6u);
  ASSERT_EQ(s.extras.size(), 2u);
  EXPECT_TRUE(s.extras[0].multiword);
  EXPECT_EQ(s.extras[0].first, 2);
  EXPECT_EQ(s.extras[0].last, 3);
  EXPECT_FALSE(s.extras[1].multiword);
  EXPECT_EQ(s.words[3].head, 0);
  EXPECT_FALSE(s.words[4].SpaceAfter());

  Document doc;
  AppendToDocument(s, doc);
  ASSERT_TRUE(reader.Next(s).ok());
  AppendToDocument(s, doc);
  EXPECT_TRUE(doc.pretokenized);
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.SpanText(doc.sentences[0].span), "Ankara won't sign it.");
  EXPECT_EQ(doc.SpanText(doc.sentences[1].span), "Talks ended.");
  EXPECT_EQ(doc.TokenText(doc.tokens[2]), "n't");
  EXPECT_EQ(doc.tokens[1].lemma, "will");
  EXPECT_EQ(doc.tokens[0].deprel, "nsubj");
  Result<bool> end = reader.Next(s);
  ASSERT_TRUE(end.ok());
  EXPECT_FALSE(*end);
}

TEST(Conllu, RoundTripIsByteExact) {
  std::istringstream in(kExample);
  ConlluReader reader(in, "example");
  std::ostringstream out;
  ConlluSentence s;
  while (true) {
    Result<bool> more = reader.Next(s);
    ASSERT_TRUE(more.ok()) << more.status().ToString();
    if (!*more) break;
    WriteConllu(s, out);
  }
  EXPECT_EQ(out.str(), kExample);
}

TEST(Conllu, ErrorsNameFileAndLine) {
  std::istringstream in(
      "# text = x\n1\tx\tx\tX\tX\t_\t0\troot\t_\t_\n2\ty\ty\tX\n\n");
  ConlluReader reader(in, "bad.conllu");
  ConlluSentence s;
  Result<bool> r = reader.Next(s);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kParseError);
  EXPECT_EQ(r.status().where(), "bad.conllu");
  EXPECT_EQ(r.status().position(), 3);
  EXPECT_TRUE(r.status().is_line());

  std::istringstream bad_head("1\tx\tx\tX\tX\t_\t7\troot\t_\t_\n\n");
  ConlluReader reader2(bad_head, "head.conllu");
  EXPECT_EQ(reader2.Next(s).status().code(), ErrorCode::kParseError);

  std::istringstream bad_id("2\tx\tx\tX\tX\t_\t0\troot\t_\t_\n\n");
  ConlluReader reader3(bad_id, "id.conllu");
  EXPECT_EQ(reader3.Next(s).status().code(), ErrorCode::kParseError);

  EXPECT_EQ(ConlluReader::Open("/nonexistent/x.conllu").status().code(),
            ErrorCode::kNotFound);
}

// A CoNLL-U head cycle overflowed the stack in the ledger extractor during
// `ingest`, and `code` took cycles, self-loops and two roots silently. Each
// is now an error naming the file and the sentence's byte offset.
TEST(Conllu, HeadsThatMakeNoTreeAreErrorsWithTheBytePosition) {
  const std::string first = "1\tok\tok\tX\tX\t_\t0\troot\t_\t_\n\n";
  struct Case {
    const char* heads;  // HEAD of words 1..3
    const char* says;
  } cases[] = {
      {"0 3 2", "HEAD cycle"},           {"2 3 1", "no root"},
      {"0 2 1", "its own HEAD"},         {"0 0 1", "two roots"},
      {"0 9 1", "outside the sentence"}, {"0 _ 1", "HEAD given for 2 of 3"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.heads);
    std::istringstream h(c.heads);
    std::string bad = "# newdoc id = d9\n# sent_id = s2\n";
    for (int i = 1; i <= 3; ++i) {
      std::string head;
      h >> head;
      bad += std::to_string(i) + "\tw\tw\tX\tX\t_\t" + head + "\tdep\t_\t_\n";
    }
    std::istringstream in(first + bad + "\n" + first);
    ConlluReader reader(in, "trees.conllu");
    ConlluSentence s;
    ASSERT_TRUE(reader.Next(s).ok());
    Result<bool> r = reader.Next(s);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), ErrorCode::kParseError);
    EXPECT_EQ(r.status().where(), "trees.conllu");
    EXPECT_FALSE(r.status().is_line());
    EXPECT_EQ(r.status().position(), static_cast<int64_t>(first.size()));
    EXPECT_NE(r.status().message().find(c.says), std::string::npos)
        << r.status().message();
    EXPECT_NE(r.status().message().find("document d9, sentence s2"),
              std::string::npos)
        << r.status().message();
    // The next sentence is read as usual.
    Result<bool> next = reader.Next(s);
    ASSERT_TRUE(next.ok()) << next.status().ToString();
    EXPECT_TRUE(*next);
  }
  // No heads at all is no tree, not an error.
  std::istringstream none("1\ta\ta\tX\tX\t_\t_\t_\t_\t_\n\n");
  ConlluReader reader(none, "none.conllu");
  ConlluSentence s;
  EXPECT_TRUE(reader.Next(s).ok());
}

TEST(Conllu, WritesDocumentTokens) {
  std::istringstream in(kExample);
  ConlluReader reader(in, "example");
  ConlluSentence s;
  ASSERT_TRUE(reader.Next(s).ok());
  Document doc;
  AppendToDocument(s, doc);
  std::ostringstream out;
  WriteConllu(doc, doc.sentences[0], out);
  std::istringstream back(out.str());
  ConlluReader reader2(back, "written");
  ConlluSentence s2;
  Result<bool> r = reader2.Next(s2);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(s2.words.size(), s.words.size());
  for (size_t i = 0; i < s.words.size(); ++i) {
    EXPECT_EQ(s2.words[i].form, s.words[i].form);
    EXPECT_EQ(s2.words[i].head, s.words[i].head);
    EXPECT_EQ(s2.words[i].deprel, s.words[i].deprel);
  }
}

TEST(Conllu, EwtRoundTrip) {
  std::string path = std::string(CURLEW_SHARED_DIR) +
                     "/data/ud-english-ewt/en_ewt-ud-dev.conllu";
  if (!std::filesystem::exists(path)) {
    GTEST_SKIP() << "UD English EWT not found at " << path
                 << " (../shared absent)";
  }
  std::ifstream file(path, std::ios::binary);
  std::stringstream whole;
  whole << file.rdbuf();
  std::istringstream in(whole.str());
  ConlluReader reader(in, path);
  std::ostringstream out;
  ConlluSentence s;
  size_t n = 0;
  while (true) {
    Result<bool> more = reader.Next(s);
    ASSERT_TRUE(more.ok()) << more.status().ToString();
    if (!*more) break;
    WriteConllu(s, out);
    ++n;
  }
  EXPECT_GT(n, 1000u);
  EXPECT_EQ(out.str(), whole.str());
}

}  // namespace
}  // namespace curlew
