#include <gtest/gtest.h>

#include <string>

#include "curlew/text.h"

namespace curlew {
namespace {

TEST(Utf8Test, ValidText) {
  EXPECT_TRUE(ValidateUtf8("").ok());
  EXPECT_TRUE(
      ValidateUtf8("plain ASCII text, long enough for 8-byte steps").ok());
  EXPECT_TRUE(ValidateUtf8("Erdo\u011Fan \u4E2D\u56FD \U0001F600").ok());
}

struct BadCase {
  std::string bytes;
  ErrorCode code;
  int64_t position;
};

TEST(Utf8Test, InvalidTextGivesFirstBadByte) {
  const BadCase cases[] = {
      {"abc\x80", ErrorCode::kInvalidUtf8, 3},            // stray continuation
      {"abcdefghij\xC3(", ErrorCode::kInvalidUtf8, 10},   // bad continuation
      {"ab\xC0\xAF", ErrorCode::kInvalidUtf8, 2},         // overlong '/'
      {"\xE0\x80\xAF", ErrorCode::kInvalidUtf8, 0},       // overlong, 3 bytes
      {"x\xED\xA0\x80", ErrorCode::kInvalidUtf8, 1},      // surrogate
      {"x\xF4\x90\x80\x80", ErrorCode::kInvalidUtf8, 1},  // above U+10FFFF
      {"xy\xE2\x82", ErrorCode::kInvalidUtf8, 2},         // cut off
      {"\xFF", ErrorCode::kInvalidUtf8, 0},
      {std::string("0123456789\0", 11), ErrorCode::kBinaryInput, 10},
  };
  for (const BadCase& c : cases) {
    const Status s = ValidateUtf8(c.bytes);
    EXPECT_EQ(s.code(), c.code) << s.ToString();
    EXPECT_EQ(s.position(), c.position) << s.ToString();
  }
}

TEST(Utf8Test, NormalizeForMatching) {
  EXPECT_EQ(NormalizeForMatching("plain"), "plain");
  EXPECT_EQ(NormalizeForMatching("e\u0301"), "\u00E9");  // NFC
  EXPECT_EQ(NormalizeForMatching("\u2018a\u2019 \u201Cb\u201D"), "'a' \"b\"");
  EXPECT_EQ(NormalizeForMatching("1990\u20132000 \u2014 x"), "1990-2000 - x");
  EXPECT_EQ(NormalizeForMatching("Erdo\u011Fan"), "Erdo\u011Fan");  // case kept
}

}  // namespace
}  // namespace curlew
