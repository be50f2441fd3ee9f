#include "syntax/tree.h"

#include <gtest/gtest.h>

#include <vector>

#include "testing/simple_doc.h"

namespace curlew {
namespace {

// One sentence with the given heads (1-based, 0 = root), relations and
// Penn tags, one per word of `text`.
Document Parsed(const char* text, const std::vector<int>& heads,
                const std::vector<const char*>& rels,
                const std::vector<const char*>& xpos = {}) {
  Document doc = testing::SimpleDoc(text);
  EXPECT_EQ(doc.tokens.size(), heads.size());
  for (size_t i = 0; i < doc.tokens.size() && i < heads.size(); ++i) {
    doc.tokens[i].head = heads[i];
    doc.tokens[i].deprel = rels[i];
    if (i < xpos.size()) doc.tokens[i].xpos = xpos[i];
  }
  return doc;
}

std::vector<int> Kids(const DependencyTree& t, uint32_t i) {
  return {t.kids(i).begin(), t.kids(i).end()};
}

TEST(DependencyTreeTest, ChildrenRelationsAndSubtrees) {
  // "Kestrand sharply criticized the envoys of Ossory ."
  Document doc =
      Parsed("Kestrand sharply criticized the envoys of Ossory .",
             {3, 3, 0, 5, 3, 7, 5, 3},
             {"nsubj", "advmod", "root", "det", "obj", "case", "nmod", "punct"},
             {"NNP", "RB", "VBD", "DT", "NNS", "IN", "NNP", "."});
  DependencyTree t(doc, 0);
  ASSERT_EQ(t.size(), 8u);
  EXPECT_FALSE(t.cyclic());
  EXPECT_EQ(t.head(2), -1);
  EXPECT_EQ(t.head(0), 2);
  EXPECT_EQ(Kids(t, 2), (std::vector<int>{0, 1, 4, 7}));
  EXPECT_EQ(Kids(t, 4), (std::vector<int>{3, 6}));
  EXPECT_EQ(t.rel(0), DepRel::kNsubj);
  EXPECT_EQ(t.rel(6), DepRel::kNmod);
  EXPECT_EQ(t.deprel(6), "nmod");
  EXPECT_EQ(t.Child(2, DepRel::kObj), 4);
  EXPECT_EQ(t.Child(2, DepRel::kIobj), -1);
  int lo = 4, hi = 4;
  t.SubtreeRange(4, &lo, &hi);
  EXPECT_EQ(lo, 3);
  EXPECT_EQ(hi, 6);
  EXPECT_TRUE(t.Dominates(2, 6));
  EXPECT_FALSE(t.Dominates(6, 2));
  EXPECT_EQ(t.Depth(6), 3);
  EXPECT_EQ(t.Subject(2), 0);
  EXPECT_EQ(t.ClauseOf(6), 2);
  EXPECT_EQ(t.abs(1), 1u);
  EXPECT_EQ(t.text(4), "envoys");
}

TEST(DependencyTreeTest, SubtypesReadAsTheirBaseRelation) {
  EXPECT_EQ(DecodeDepRel("obl:tmod"), DepRel::kObl);
  EXPECT_EQ(DecodeDepRel("obl:agent"), DepRel::kOblAgent);
  EXPECT_EQ(DecodeDepRel("acl:relcl"), DepRel::kAcl);
  EXPECT_EQ(DecodeDepRel("nmod:poss"), DepRel::kNmodPoss);
  EXPECT_EQ(DecodeDepRel("flat:name"), DepRel::kFlat);
  EXPECT_EQ(DecodeDepRel("nsubj:pass"), DepRel::kNsubjPass);
  EXPECT_EQ(DecodeDepRel("punct"), DepRel::kOther);
}

TEST(DependencyTreeTest, SubjectInheritedThroughOpenComplement) {
  // "Kestrand wants to visit Ossory" : visit has no subject of its own.
  Document doc = Parsed("Kestrand wants to visit Ossory", {2, 0, 4, 2, 4},
                        {"nsubj", "root", "mark", "xcomp", "obj"},
                        {"NNP", "VBZ", "TO", "VB", "NNP"});
  DependencyTree t(doc, 0);
  EXPECT_EQ(t.Subject(3), 0);
  EXPECT_EQ(t.ClauseOf(4), 3);
}

// Hand-made CoNLL-U may give a cycle, a word headed by itself or a head
// outside the sentence: the view never loops and reads such a sentence as
// flat (cycle) or the word as headless (out of range).
TEST(DependencyTreeTest, CyclesAndSelfLoopsAreReadAsFlat) {
  Document cycle = Parsed("a b c", {2, 3, 1}, {"dep", "dep", "dep"});
  DependencyTree t(cycle, 0);
  EXPECT_TRUE(t.cyclic());
  for (uint32_t i = 0; i < t.size(); ++i) {
    EXPECT_EQ(t.head(i), -1);
    EXPECT_TRUE(t.kids(i).empty());
  }
  EXPECT_EQ(t.Depth(0), 1);
  EXPECT_EQ(t.Subject(0), -1);
  EXPECT_EQ(t.ClauseOf(1), -1);

  Document self = Parsed("a b c", {0, 2, 1}, {"root", "dep", "dep"});
  DependencyTree u(self, 0);
  EXPECT_TRUE(u.cyclic());
  int lo = 1, hi = 1;
  u.SubtreeRange(1, &lo, &hi);
  EXPECT_EQ(lo, 1);
  EXPECT_EQ(hi, 1);

  Document far = Parsed("a b c", {0, 99, 1}, {"root", "dep", "dep"});
  DependencyTree v(far, 0);
  EXPECT_FALSE(v.cyclic());
  EXPECT_EQ(v.head(1), -1);
  EXPECT_EQ(v.head(2), 0);
}

TEST(DependencyTreeTest, ReattachKeepsChildrenInTokenOrder) {
  Document doc = Parsed("a b c d", {0, 1, 1, 1}, {"root", "x", "y", "z"});
  DependencyTree t(doc, 0);
  t.Reattach(2, 3, DepRel::kAppos);
  EXPECT_EQ(Kids(t, 0), (std::vector<int>{1, 3}));
  EXPECT_EQ(Kids(t, 3), (std::vector<int>{2}));
  EXPECT_EQ(t.rel(2), DepRel::kAppos);
  t.Reattach(1, -1, DepRel::kOther);
  EXPECT_EQ(t.head(1), -1);
  EXPECT_EQ(Kids(t, 0), (std::vector<int>{3}));
}

}  // namespace
}  // namespace curlew
