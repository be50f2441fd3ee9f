#include "actors/document_memory.h"

#include <gtest/gtest.h>

namespace curlew {
namespace {

TEST(DocumentMemoryTest, NamesKeepTheirFirstCodeAndCloseSpellingsMatch) {
  DocumentMemory memory;
  memory.RememberName("DIRICHATI", "NGOUIG");
  memory.RememberName("DIRICHATI", "CHN");  // the first code stays
  bool close = true;
  const std::string* code = memory.FindName("DIRICHATI", &close);
  ASSERT_NE(code, nullptr);
  EXPECT_EQ(*code, "NGOUIG");
  EXPECT_FALSE(close);
  code = memory.FindName("DILISHATI", &close);  // two edits
  ASSERT_NE(code, nullptr);
  EXPECT_EQ(*code, "NGOUIG");
  EXPECT_TRUE(close);
  EXPECT_EQ(memory.FindName("KILISHATI"), nullptr);  // another first letter
  memory.RememberName("ALI", "TURGOV");
  EXPECT_EQ(memory.FindName("ALA"), nullptr);  // short names: exact only
  EXPECT_EQ(DocumentMemory::EditDistance("kitten", "sitting"), 3u);
}

TEST(DocumentMemoryTest, LastSubject) {
  DocumentMemory memory;
  EXPECT_EQ(memory.last_subject(), "");
  memory.set_last_subject("TUR");
  EXPECT_EQ(memory.last_subject(), "TUR");
}

}  // namespace
}  // namespace curlew
