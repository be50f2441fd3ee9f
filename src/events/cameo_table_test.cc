#include "events/cameo_table.h"

#include <gtest/gtest.h>

#include "curlew/engine.h"

namespace curlew {
namespace {

TEST(CameoTableTest, QuadClassesByRoot) {
  EXPECT_EQ(QuadClass("057"), 1);
  EXPECT_EQ(QuadClass("0871"), 2);
  EXPECT_EQ(QuadClass("112"), 3);
  EXPECT_EQ(QuadClass("190"), 4);
  EXPECT_EQ(QuadClass("---"), 0);
  EXPECT_EQ(QuadClass("21"), 0);
}

TEST(CameoTableTest, ShippedTableFillsEvents) {
  CameoTable table;
  Status s = table.Load(DataPath("cameo/cameo.tsv"));
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_GT(table.size(), 300u);
  Event e;
  e.cameo = "057";
  table.Fill(e);
  EXPECT_EQ(e.root, "05");
  EXPECT_EQ(e.quad, 1);
  EXPECT_EQ(e.plover, "SUPPORT");
  EXPECT_GT(e.goldstein, 0.0);
  // An unknown sub-code takes its parent's values.
  Event f;
  f.cameo = "1909";
  table.Fill(f);
  EXPECT_EQ(f.root, "19");
  EXPECT_EQ(f.quad, 4);
  EXPECT_LT(f.goldstein, 0.0);
}

TEST(CameoTableTest, MalformedLineNamesLine) {
  CameoTable table;
  Status s = table.LoadText(
      "code\tname\tgoldstein\tquad\tplover\tplover_mode\n"
      "057\tSign\t8.0\t1\tAGREE\t\nxyz\tBad\t0\t0\t\t\n",
      "t.tsv");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.position(), 3);
}

}  // namespace
}  // namespace curlew
