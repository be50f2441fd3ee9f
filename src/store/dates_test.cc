#include "store/dates.h"

#include <gtest/gtest.h>

namespace curlew::store {
namespace {

TEST(DatesTest, ValidatesAndBuckets) {
  EXPECT_TRUE(IsValidDate("2020"));
  EXPECT_TRUE(IsValidDate("2020-02"));
  EXPECT_TRUE(IsValidDate("2020-02-29"));
  EXPECT_FALSE(IsValidDate("2021-02-29"));
  EXPECT_FALSE(IsValidDate("2020-13"));
  EXPECT_FALSE(IsValidDate("2020-99"));
  EXPECT_FALSE(IsValidDate("20200101"));
  EXPECT_FALSE(IsValidDate("x"));
  EXPECT_FALSE(IsValidDate("' OR 1=1"));
  DateBuckets b = BucketsOf("2021-01-03");  // Sunday
  EXPECT_EQ(b.week, "2020-12-28");
  EXPECT_EQ(b.month, "2021-01");
  EXPECT_EQ(b.year, "2021");
  EXPECT_EQ(BucketsOf("2021-01-04").week, "2021-01-04");  // Monday
  EXPECT_EQ(BucketsOf("2017").month, "");
}

}  // namespace
}  // namespace curlew::store
