#include "syntax/ptb.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace curlew {
namespace {

std::vector<Token> Convert(const std::string& parse) {
  size_t pos = 0;
  auto tree = ParsePtb(parse, &pos);
  EXPECT_TRUE(tree.ok()) << tree.status().ToString();
  if (!tree.ok()) return {};
  return PtbToTokens(*tree);
}

// "word:head:deprel" for each token, to compare in one string.
std::string Arcs(const std::vector<Token>& toks) {
  std::string s;
  for (const Token& t : toks) {
    if (!s.empty()) s += ' ';
    s += t.norm + ":" + std::to_string(t.head) + ":" + t.deprel;
  }
  return s;
}

TEST(PtbTest, SubjectAndObject) {
  auto toks = Convert(
      "(ROOT (S (NP (DT The) (NN council)) (VP (VBD fined) (NP (NNP Vell)))"
      " (. .)))");
  EXPECT_EQ(Arcs(toks),
            "The:2:det council:3:nsubj fined:0:root Vell:3:obj .:3:punct");
  EXPECT_EQ(toks[1].upos, "NOUN");
  EXPECT_EQ(toks[3].upos, "PROPN");
  EXPECT_EQ(toks[2].xpos, "VBD");
}

TEST(PtbTest, Passive) {
  auto toks = Convert(
      "(ROOT (S (NP (NNP Ossory)) (VP (VBD was) (VP (VBN shelled) (PP (IN by)"
      " (NP (NNP Vell))))) (. .)))");
  EXPECT_EQ(Arcs(toks),
            "Ossory:3:nsubj:pass was:3:aux:pass shelled:0:root by:5:case "
            "Vell:3:obl:agent .:3:punct");
  EXPECT_EQ(toks[1].upos, "AUX");
}

TEST(PtbTest, ThatClause) {
  auto toks = Convert(
      "(ROOT (S (NP (NNP Kell)) (VP (VBD said) (SBAR (IN that) (S (NP (NNP"
      " Vell)) (VP (VBD left) (NP (NNP Ossory)))))) (. .)))");
  EXPECT_EQ(Arcs(toks),
            "Kell:2:nsubj said:0:root that:5:mark Vell:5:nsubj left:2:ccomp "
            "Ossory:5:obj .:2:punct");
}

TEST(PtbTest, CoordinationOfNouns) {
  auto toks = Convert(
      "(ROOT (S (NP (NNP Vell) (, ,) (NNP Kell) (CC and) (NNP Ossory)) (VP"
      " (VBD met)) (. .)))");
  EXPECT_EQ(Arcs(toks),
            "Vell:6:nsubj ,:3:punct Kell:1:conj and:5:cc Ossory:1:conj "
            "met:0:root .:6:punct");
}

TEST(PtbTest, InfinitiveAndPrepositionalPhrase) {
  auto toks = Convert(
      "(ROOT (S (NP (NNP Vell)) (VP (VBZ plans) (S (VP (TO to) (VP (VB meet)"
      " (NP (NNS envoys)) (PP (IN from) (NP (NNP Kell))))))) (. .)))");
  EXPECT_EQ(Arcs(toks),
            "Vell:2:nsubj plans:0:root to:4:mark meet:2:xcomp "
            "envoys:4:obj from:7:case Kell:4:obl .:2:punct");
}

TEST(PtbTest, PossessiveAndModal) {
  auto toks = Convert(
      "(ROOT (S (NP (NP (NNP Kell) (POS 's)) (NN envoy)) (VP (MD will) (RB"
      " not) (VP (VB visit) (NP (NNP Vell))))))");
  EXPECT_EQ(Arcs(toks),
            "Kell:3:nmod:poss 's:1:case envoy:6:nsubj will:6:aux "
            "not:6:advmod visit:0:root Vell:6:obj");
}

TEST(PtbTest, EscapesAndAlignment) {
  size_t pos = 0;
  auto tree = ParsePtb(
      "(ROOT (S (NP (NNP Vell) (-LRB- -LRB-) (NNP V) (-RRB- -RRB-)) (VP (VBD"
      " spoke)) (. .)))",
      &pos);
  ASSERT_TRUE(tree.ok());
  EXPECT_EQ(tree->words[1], "(");
  auto toks = PtbToTokens(*tree);
  std::string text = "  Vell (V) spoke.";
  AlignTokens(text, 0, toks);
  EXPECT_EQ(toks[0].span.begin, 2u);
  EXPECT_EQ(toks[1].span.begin, 7u);
  EXPECT_EQ(toks[4].span.begin, 11u);
  EXPECT_EQ(toks[5].span.begin, 16u);
}

TEST(PtbTest, MalformedGivesPosition) {
  size_t pos = 0;
  auto tree = ParsePtb("(ROOT (S (NP (NNP Vell)) (VP (VBD left))", &pos);
  ASSERT_FALSE(tree.ok());
  EXPECT_EQ(tree.status().code(), ErrorCode::kParseError);
  EXPECT_GE(tree.status().position(), 0);
  pos = 0;
  EXPECT_FALSE(ParsePtb("NP Vell", &pos).ok());
}

TEST(PtbTest, LimitsAreErrors) {
  std::string deep;
  for (int i = 0; i < 50; ++i) deep += "(X ";
  deep += "(NN a)";
  for (int i = 0; i < 50; ++i) deep += ")";
  PtbOptions o;
  o.max_depth = 20;
  size_t pos = 0;
  auto t = ParsePtb(deep, &pos, o);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), ErrorCode::kLimitExceeded);
  o = PtbOptions();
  o.max_nodes = 10;
  pos = 0;
  EXPECT_EQ(ParsePtb(deep, &pos, o).status().code(), ErrorCode::kLimitExceeded);
  pos = 0;
  EXPECT_TRUE(ParsePtb(deep, &pos).ok());
}

TEST(PtbTest, VerbCoordinationAndRelativeClause) {
  auto toks = Convert(
      "(ROOT (S (NP (NP (NNP Vell)) (SBAR (WHNP (WDT which)) (S (VP (VBD"
      " fled))))) (VP (VP (VBD returned)) (CC and) (VP (VBD surrendered)))"
      " (. .)))");
  EXPECT_EQ(Arcs(toks),
            "Vell:4:nsubj which:3:nsubj fled:1:acl:relcl returned:0:root "
            "and:6:cc surrendered:4:conj .:4:punct");
}

TEST(PtbTest, BuildFromPtbMakesSentences) {
  Document doc;
  doc.text = "Vell left. Kell stayed.";
  doc.ptb_parse =
      "(ROOT (S (NP (NNP Vell)) (VP (VBD left)) (. .)))\n"
      "(ROOT (S (NP (NNP Kell)) (VP (VBD stayed)) (. .)))";
  ASSERT_TRUE(BuildFromPtb(doc).ok());
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.SpanText(doc.sentences[1].span), "Kell stayed.");
  EXPECT_EQ(doc.tokens[3].head, 2);
}

// Found by fuzz/xml_fuzzer: a constituent with a label and nothing else
// ("(NNP\"Korrin)") inside a coordination used to be attached through a
// head child of -1 (an out-of-bounds read).
TEST(PtbTest, EmptyConstituentIsSafe) {
  auto toks = Convert(
      "(ROOT (S (NP (NNP Vell)) (VP (VBD met) (NP (NP (NNP\"Kell)) (CC and) "
      "(NP (NNS friends)))) (. .)))");
  ASSERT_EQ(toks.size(), 5u);  // Vell met and friends .
  for (const Token& t : toks) {
    EXPECT_GE(t.head, 0);
    EXPECT_LE(t.head, 5);
  }
}

}  // namespace
}  // namespace curlew
