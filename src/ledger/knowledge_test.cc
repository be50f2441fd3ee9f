#include "ledger/knowledge.h"

#include <gtest/gtest.h>

#include <string>

namespace curlew {
namespace {

TEST(AgreementAliasesTest, AliasGivesTitleWhateverCaseYearOrArticle) {
  auto a = AgreementAliases::Parse(
      "# title\talias\nTreaty of Example\tExample pact\n", "names.tsv");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->TitleOf("the 1999 example Pact"), "Treaty of Example");
  EXPECT_EQ(a->TitleOf("Example pact"), "Treaty of Example");
  EXPECT_EQ(a->TitleOf("another pact"), "");
  EXPECT_EQ(a->TitleOf(""), "");
}

TEST(AgreementAliasesTest, BadLineNamesFileAndPosition) {
  auto a = AgreementAliases::Parse("A\tB\nno tab here\n", "names.tsv");
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.status().ToString().find("names.tsv"), std::string::npos);
}

TEST(LedgerKnowledgeTest, BuiltInFilesLoad) {
  auto k = LedgerKnowledge::Load(std::string(CURLEW_SOURCE_DIR) + "/data/kb");
  ASSERT_TRUE(k.ok()) << k.status().ToString();
  EXPECT_TRUE(k->memberships.Knows("IGOWSTNAT"));
  EXPECT_EQ(k->memberships.MembersOn("IGOWSTNAT", "2022-07-05").size(), 30u);
  EXPECT_EQ(k->aliases.TitleOf("the 2015 Iran nuclear deal"),
            "Joint Comprehensive Plan of Action");
}

}  // namespace
}  // namespace curlew
