#include "syntax/comma_asides.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "testing/simple_doc.h"

namespace curlew {
namespace {

// The asides of one sentence given its heads and relations, as a string of
// 0/1 per word.
std::string Asides(const char* text, const std::vector<int>& heads,
                   const std::vector<const char*>& rels,
                   const CommaRules& rules = {}, bool news = false) {
  Document doc = testing::SimpleDoc(text);
  EXPECT_EQ(doc.tokens.size(), heads.size());
  std::vector<std::string> upper;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    doc.tokens[i].head = heads[i];
    doc.tokens[i].deprel = rels[i];
    std::string u;
    for (char c : doc.tokens[i].norm)
      u += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    upper.push_back(u);
  }
  DependencyTree tree(doc, 0);
  std::string out;
  for (bool b : FindCommaAsides(tree, upper, rules, news)) out += b ? '1' : '0';
  return out;
}

TEST(CommaAsidesTest, StretchBetweenCommasIsAnAside) {
  // "Arnor , the old foe of Gondor , criticized Rohan ."
  EXPECT_EQ(Asides("Arnor , the old foe of Gondor , criticized Rohan .",
                   {9, 5, 5, 5, 1, 7, 5, 1, 0, 9, 9},
                   {"nsubj", "punct", "det", "amod", "appos", "case", "nmod",
                    "punct", "root", "obj", "punct"}),
            "01111110000");
}

TEST(CommaAsidesTest, ListsAndClausesWithSubjectsAreNotAsides) {
  // "Arnor , Gondor and Rohan met ." : a list.
  EXPECT_EQ(Asides("Arnor , Gondor and Rohan met .", {6, 3, 1, 5, 1, 0, 6},
                   {"nsubj", "punct", "conj", "cc", "conj", "root", "punct"}),
            "0000000");
  // "Arnor , Gondor said , criticized Rohan ." : the middle stretch has
  // its own subject.
  EXPECT_EQ(Asides("Arnor , Gondor said , criticized Rohan .",
                   {6, 4, 4, 6, 6, 0, 6, 6},
                   {"nsubj", "punct", "nsubj", "parataxis", "punct", "root",
                    "obj", "punct"}),
            "00000000");
}

TEST(CommaAsidesTest, FinalStretchAndTheRelativeClauseConvention) {
  // "Arnor attacked Rohan , a senior official said ." : the last stretch
  // (2..8 words) is an aside.
  const std::vector<int> heads = {2, 0, 2, 8, 7, 7, 8, 2, 2};
  const std::vector<const char*> rels = {"nsubj", "root",      "obj",
                                         "punct", "det",       "amod",
                                         "nsubj", "parataxis", "punct"};
  EXPECT_EQ(
      Asides("Arnor attacked Rohan , a senior official said .", heads, rels),
      "000111111");
  CommaRules off;
  off.emax = 0;
  EXPECT_EQ(Asides("Arnor attacked Rohan , a senior official said .", heads,
                   rels, off),
            "000000000");
  // "Arnor , which built a wall , accused Rohan ." parsed with "Arnor" as
  // the subject of "built": with news conventions the stretch after the
  // relative clause is still the main clause.
  const std::vector<int> h2 = {4, 4, 4, 8, 6, 4, 4, 0, 8, 8};
  const std::vector<const char*> r2 = {"nsubj", "punct", "mark",  "advcl",
                                       "det",   "obj",   "punct", "root",
                                       "obj",   "punct"};
  const char* text = "Arnor , which built a wall , accused Rohan .";
  EXPECT_EQ(Asides(text, h2, r2, {}, false).substr(6), "1111");
  EXPECT_EQ(Asides(text, h2, r2, {}, true).substr(6), "0000");
}

}  // namespace
}  // namespace curlew
