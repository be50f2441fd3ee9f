#include "ledger/memberships.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace curlew {
namespace {

TEST(MembershipsTest, MembersOnADateAndWhoJoinedWhen) {
  auto m = Memberships::Parse(
      "# org\tstate\tfrom\tuntil\n"
      "IGOXXX\tAAA\t1990-01-01\t\n"
      "IGOXXX\tBBB\t2000-06-01\t2010-06-01\n"
      "IGOXXX\tCCC\t2020-03-27\n",
      "test.tsv");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_TRUE(m->Knows("IGOXXX"));
  EXPECT_FALSE(m->Knows("IGOYYY"));
  EXPECT_EQ(m->MembersOn("IGOXXX", "2005"),
            (std::vector<std::string>{"AAA", "BBB"}));
  EXPECT_EQ(m->MembersOn("IGOXXX", "2020-03-27"),
            (std::vector<std::string>{"AAA", "CCC"}));
  // Joining on a date: not a member the day before.
  EXPECT_FALSE(m->MemberBefore("IGOXXX", "CCC", "2020-03-27"));
  EXPECT_TRUE(m->MemberBefore("IGOXXX", "CCC", "2020-03-28"));
  EXPECT_TRUE(m->MemberBefore("IGOXXX", "BBB", "2010-06-01"));
  EXPECT_FALSE(m->MemberBefore("IGOXXX", "BBB", "2010-06-02"));
}

TEST(MembershipsTest, BadLineNamesFileAndPosition) {
  auto m = Memberships::Parse("IGOXXX\tAAA\t1990-01-01\nIGOXXX\tAAAA\t1990\n",
                              "bad.tsv");
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().ToString().find("bad.tsv"), std::string::npos);
  EXPECT_NE(m.status().ToString().find("22"), std::string::npos);
}

}  // namespace
}  // namespace curlew
