#include "curlew/env.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "testing/memory_env.h"

namespace curlew {
namespace {

namespace fs = std::filesystem;

std::string TempPath(const std::string& name) {
  return (fs::path(::testing::TempDir()) / ("curlew_env_" + name)).string();
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(EnvTest, WritesAndReadsAFile) {
  Env* env = Env::Default();
  const std::string path = TempPath("plain");
  auto out = env->NewWritableFile(path);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  // More than one buffer's worth, in pieces of every size.
  std::string want;
  for (int i = 0; i < 20000; ++i) want += std::to_string(i) + ",";
  for (size_t at = 0, n = 1; at < want.size(); at += n, n = n * 3 % 70001) {
    ASSERT_TRUE((*out)->Append(want.substr(at, n)).ok());
  }
  ASSERT_TRUE((*out)->Close().ok());
  EXPECT_EQ((*out)->size(), want.size());
  auto back = env->ReadFileToString(path, want.size());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, want);
  EXPECT_EQ(env->ReadFileToString(path, want.size() - 1).status().code(),
            ErrorCode::kLimitExceeded);
  fs::remove(path);
}

TEST(EnvTest, ReadFileToStringRefusesWhatIsNoRegularFile) {
  Env* env = Env::Default();
  EXPECT_EQ(env->ReadFileToString(::testing::TempDir(), 100).status().code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(env->ReadFileToString("/dev/zero", 100).status().code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(env->ReadFileToString(TempPath("missing"), 100).status().code(),
            ErrorCode::kNotFound);
}

// /dev/full fails every write with ENOSPC, as a full disk does: the error
// comes back (at the latest from Close) with the path and the byte offset.
TEST(EnvTest, AFullDeviceIsAWriteError) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  auto out = NewOutputFile(Env::Default(), "/dev/full");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_TRUE((*out)->Append("a line\n").ok());  // buffered
  Status s = (*out)->Close();
  EXPECT_EQ(s.code(), ErrorCode::kIoError);
  EXPECT_EQ(s.where(), "/dev/full");
  EXPECT_EQ(s.position(), 0);
  EXPECT_NE(s.message().find("No space left on device"), std::string::npos);
  // Later calls keep reporting it.
  EXPECT_EQ((*out)->Append("more").code(), ErrorCode::kIoError);
}

TEST(EnvTest, OutputFileIsWrittenWholeOrNotAtAll) {
  const std::string path = TempPath("atomic");
  std::ofstream(path) << "old content\n";
  {
    auto out = NewOutputFile(Env::Default(), path);
    ASSERT_TRUE(out.ok());
    ASSERT_TRUE((*out)->Append("new").ok());
    // Destroyed without Close (a failed run): the old file stays.
  }
  EXPECT_EQ(Slurp(path), "old content\n");
  {
    auto out = NewOutputFile(Env::Default(), path);
    ASSERT_TRUE(out.ok());
    ASSERT_TRUE((*out)->Append("new content\n").ok());
    ASSERT_TRUE((*out)->Close().ok());
  }
  EXPECT_EQ(Slurp(path), "new content\n");
  for (const auto& e : fs::directory_iterator(::testing::TempDir())) {
    EXPECT_EQ(e.path().string().find("curlew_env_atomic.tmp-"),
              std::string::npos);
  }
  fs::remove(path);
}

// A write fault in the middle of an atomic output: the error comes back
// and the target keeps its old content (injected through a MemoryEnv).
TEST(EnvTest, AWriteFaultLeavesTheTargetAsItWas) {
  testing::MemoryEnv env;
  env.AddFile("out.tsv", "old\n");
  env.SetCapacity(10);
  auto out = NewOutputFile(&env, "out.tsv");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  Status s = (*out)->Append("0123456789abcdef");
  EXPECT_EQ(s.code(), ErrorCode::kIoError);
  EXPECT_EQ((*out)->Close().code(), ErrorCode::kIoError);
  EXPECT_EQ(env.Contents("out.tsv"), "old\n");
}

TEST(EnvTest, NewOutputFileRefusesADirectory) {
  EXPECT_EQ(NewOutputFile(Env::Default(), ::testing::TempDir()).status().code(),
            ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace curlew
