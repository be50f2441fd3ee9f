#include "actors/residence.h"

#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <vector>

#include "actors/country_codes.h"
#include "actors/mention_test_util.h"
#include "testing/simple_doc.h"

namespace curlew {
namespace {

using testing::CodeAt;
using testing::Mention;

struct TreeWord {
  const char* xpos;
  int head;  // 1-based within the sentence, 0 = root
  const char* rel;
};

// Gives the one sentence of `doc` the tags and tree of `words`; lemmas are
// the lower-cased words.
void Parse(Document& doc, const std::vector<TreeWord>& words) {
  ASSERT_EQ(doc.sentences[0].size(), words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    Token& t = doc.tokens[i];
    t.xpos = words[i].xpos;
    t.head = words[i].head;
    t.deprel = words[i].rel;
    t.lemma = t.norm;
    for (char& c : t.lemma) c = static_cast<char>(std::tolower(c));
  }
}

bool HaveIsoCodes() { return IsStateCode("CHL"); }

TEST(ResidenceTest, ReligiousGroupInARoleTakesTheFirstStateOfTheSentence) {
  if (!HaveIsoCodes()) GTEST_SKIP() << "iso-codes not installed";
  Document doc =
      testing::SimpleDoc("Chilean police dispersed Moslem marchers .");
  Parse(doc, {{"JJ", 2, "amod"},
              {"NNS", 3, "nsubj"},
              {"VBD", 0, "root"},
              {"NNP", 5, "compound"},
              {"NNS", 3, "obj"},
              {".", 3, "punct"}});
  Mention(doc, "Chilean", "CHL");
  Mention(doc, "police", "CHLCOP", ActorResolution::kComposed);
  Mention(doc, "marchers", "MOSCVL", ActorResolution::kComposed);
  ResolveResidence(doc);
  EXPECT_EQ(CodeAt(doc, "marchers"), "CHLMOSCVL");
  EXPECT_EQ(CodeAt(doc, "police"), "CHLCOP");
}

TEST(ResidenceTest, BareReligiousGroupKeepsItsCode) {
  if (!HaveIsoCodes()) GTEST_SKIP() << "iso-codes not installed";
  Document doc = testing::SimpleDoc("Chile will not expel Moslems .");
  Parse(doc, {{"NNP", 4, "nsubj"},
              {"MD", 4, "aux"},
              {"RB", 4, "advmod"},
              {"VB", 0, "root"},
              {"NNPS", 4, "obj"},
              {".", 4, "punct"}});
  Mention(doc, "Chile", "CHL");
  Mention(doc, "Moslems", "MOS");
  ResolveResidence(doc);
  EXPECT_EQ(CodeAt(doc, "Moslems"), "MOS");
}

TEST(ResidenceTest, EthnicDemonymTakesTheStateItLivesIn) {
  if (!HaveIsoCodes()) GTEST_SKIP() << "iso-codes not installed";
  Document doc =
      testing::SimpleDoc("Ethnic Norwegians in Chile asked Peru for visas .");
  Parse(doc, {{"JJ", 2, "amod"},
              {"NNPS", 5, "nsubj"},
              {"IN", 4, "case"},
              {"NNP", 2, "nmod"},
              {"VBD", 0, "root"},
              {"NNP", 5, "obj"},
              {"IN", 8, "case"},
              {"NNS", 5, "obl"},
              {".", 5, "punct"}});
  Mention(doc, "Norwegians", "NOR");
  Mention(doc, "Chile", "CHL");
  Mention(doc, "Peru", "PER");
  ResolveResidence(doc);
  EXPECT_EQ(CodeAt(doc, "Norwegians"), "CHLCVL");
  EXPECT_EQ(CodeAt(doc, "Peru"), "PER");
}

TEST(ResidenceTest, PluralDemonymWithItsOwnPlaceAndPronoun) {
  if (!HaveIsoCodes()) GTEST_SKIP() << "iso-codes not installed";
  Document doc = testing::SimpleDoc("The Norwegians of Chile said they left .");
  Parse(doc, {{"DT", 2, "det"},
              {"NNPS", 5, "nsubj"},
              {"IN", 4, "case"},
              {"NNP", 2, "nmod"},
              {"VBD", 0, "root"},
              {"PRP", 7, "nsubj"},
              {"VBD", 5, "ccomp"},
              {".", 5, "punct"}});
  Mention(doc, "Norwegians", "NOR");
  Mention(doc, "Chile", "CHL");
  Mention(doc, "they", "NOR", ActorResolution::kCoreference);
  ResolveResidence(doc);
  EXPECT_EQ(CodeAt(doc, "Norwegians"), "CHLCVL");
  EXPECT_EQ(CodeAt(doc, "they"), "CHLCVL");
}

TEST(ResidenceTest, BareDemonymAndOtherPhrasesKeepTheirState) {
  if (!HaveIsoCodes()) GTEST_SKIP() << "iso-codes not installed";
  // Not an "in"/"of" phrase: the Norwegians stay Norway's.
  Document doc = testing::SimpleDoc("Norwegians on the Chile border marched .");
  Parse(doc, {{"NNPS", 6, "nsubj"},
              {"IN", 5, "case"},
              {"DT", 5, "det"},
              {"NNP", 5, "compound"},
              {"NN", 1, "nmod"},
              {"VBD", 0, "root"},
              {".", 6, "punct"}});
  Mention(doc, "Norwegians", "NOR");
  Mention(doc, "Chile", "CHL");
  ResolveResidence(doc);
  EXPECT_EQ(CodeAt(doc, "Norwegians"), "NOR");
  EXPECT_TRUE(IsReligionCode("MOS"));
  EXPECT_FALSE(IsReligionCode("KUR"));  // an ethnic group keeps its code
  EXPECT_FALSE(IsReligionCode("TUR"));
}

// A people with a CAMEO.ECS code of its own takes a homeland the report
// names (state, role, then the people's code); elsewhere it keeps its code.
TEST(ResidenceTest, PeopleWithItsOwnCodeTakesAHomelandTheReportNames) {
  if (!HaveIsoCodes()) GTEST_SKIP() << "iso-codes not installed";
  Document doc =
      testing::SimpleDoc("Thai troops shelled Karen rebels near Bangkok .");
  Parse(doc, {{"JJ", 2, "amod"},
              {"NNS", 3, "nsubj"},
              {"VBD", 0, "root"},
              {"JJ", 5, "amod"},
              {"NNS", 3, "obj"},
              {"IN", 7, "case"},
              {"NNP", 3, "obl"},
              {".", 3, "punct"}});
  Mention(doc, "Thai", "THAMIL");
  Mention(doc, "Karen", "KARREB");
  ResolveResidence(doc);
  EXPECT_EQ(CodeAt(doc, "Karen"), "THAREBKAR");

  Document abroad =
      testing::SimpleDoc("German police arrested Karen activists .");
  Parse(abroad, {{"JJ", 2, "amod"},
                 {"NNS", 3, "nsubj"},
                 {"VBD", 0, "root"},
                 {"JJ", 5, "amod"},
                 {"NNS", 3, "obj"},
                 {".", 3, "punct"}});
  Mention(abroad, "German", "DEUCOP");
  Mention(abroad, "Karen", "KAR");
  ResolveResidence(abroad);
  EXPECT_EQ(CodeAt(abroad, "Karen"), "KAR");  // Germany is no homeland
}

// "The Norwegians of Chile": a determiner before the plural demonym.
TEST(ResidenceTest, PluralDemonymAfterADeterminer) {
  if (!HaveIsoCodes()) GTEST_SKIP() << "iso-codes not installed";
  Document doc = testing::SimpleDoc("The Norwegians of Chile marched .");
  Parse(doc, {{"DT", 2, "det"},
              {"NNPS", 5, "nsubj"},
              {"IN", 4, "case"},
              {"NNP", 2, "nmod"},
              {"VBD", 0, "root"},
              {".", 5, "punct"}});
  Mention(doc, "Norwegians", "NOR");
  doc.actor_mentions[0].token_begin = 0;  // "The Norwegians"
  Mention(doc, "Chile", "CHL");
  ResolveResidence(doc);
  EXPECT_EQ(CodeAt(doc, "Norwegians"), "CHLCVL");
}

}  // namespace
}  // namespace curlew
