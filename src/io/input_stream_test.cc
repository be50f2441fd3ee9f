#include "io/input_stream.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace curlew::io {
namespace {

std::string TempFile(const std::string& name, const std::string& bytes) {
  const std::string path = ::testing::TempDir() + "/curlew_stream_" + name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

// With a 16-byte buffer, lines and limits cross buffer refills.
TEST(InputStreamTest, LinesAcrossSmallBuffers) {
  const std::string path =
      TempFile("lines", "short\r\n" + std::string(40, 'x') + "\n\nlast");
  auto s = InputStream::Open(path, nullptr, 16);
  ASSERT_TRUE(s.ok());
  std::string line;
  EXPECT_EQ((*s)->ReadLine(100, &line), InputStream::Read::kOk);
  EXPECT_EQ(line, "short");
  EXPECT_EQ((*s)->offset(), 7u);
  EXPECT_EQ((*s)->ReadLine(100, &line), InputStream::Read::kOk);
  EXPECT_EQ(line, std::string(40, 'x'));
  EXPECT_EQ((*s)->ReadLine(100, &line), InputStream::Read::kOk);
  EXPECT_EQ(line, "");
  EXPECT_EQ((*s)->ReadLine(100, &line), InputStream::Read::kOk);
  EXPECT_EQ(line, "last");
  EXPECT_EQ((*s)->ReadLine(100, &line), InputStream::Read::kEnd);
  EXPECT_EQ((*s)->offset(), (*s)->size());
  std::filesystem::remove(path);
}

TEST(InputStreamTest, TooLongLineIsSkippedToItsNewline) {
  const std::string path = TempFile(
      "long", std::string(50, 'y') + "\nnext\n" + std::string(30, 'z'));
  auto s = InputStream::Open(path, nullptr, 16);
  ASSERT_TRUE(s.ok());
  std::string line;
  EXPECT_EQ((*s)->ReadLine(20, &line), InputStream::Read::kTooLong);
  EXPECT_TRUE(line.empty());
  EXPECT_EQ((*s)->offset(), 51u);
  EXPECT_EQ((*s)->ReadLine(20, &line), InputStream::Read::kOk);
  EXPECT_EQ(line, "next");
  // The last line has no newline and is too long.
  EXPECT_EQ((*s)->ReadLine(20, &line), InputStream::Read::kTooLong);
  EXPECT_EQ((*s)->ReadLine(20, &line), InputStream::Read::kEnd);
  std::filesystem::remove(path);
}

TEST(InputStreamTest, ReadAllWithLimitAndPeek) {
  const std::string path = TempFile("all", "0123456789abcdefghij");
  auto s = InputStream::Open(path, nullptr, 16);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ((*s)->Peek().substr(0, 4), "0123");
  std::string all;
  EXPECT_EQ((*s)->ReadAll(10, &all), InputStream::Read::kTooLong);
  auto again = InputStream::Open(path, nullptr, 16);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ((*again)->ReadAll(20, &all), InputStream::Read::kOk);
  EXPECT_EQ(all, "0123456789abcdefghij");
  EXPECT_EQ((*again)->ReadAll(20, &all), InputStream::Read::kEnd);
  std::filesystem::remove(path);
}

TEST(InputStreamTest, OpenErrorsNameThePath) {
  auto missing = InputStream::Open(::testing::TempDir() + "/no/such/file");
  EXPECT_EQ(missing.status().code(), ErrorCode::kNotFound);
  EXPECT_NE(missing.status().where().find("no/such/file"), std::string::npos);
  auto dir = InputStream::Open(::testing::TempDir());
  EXPECT_EQ(dir.status().code(), ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace curlew::io
