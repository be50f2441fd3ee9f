// build/curlew query / export / summary on a store written through the API:
// the options reach the filter, the outputs have the rows the API returns.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "curlew/store.h"
#include "store/synthetic.h"
#include "store/test_util.h"

namespace curlew {
namespace {

using store::testing::TempDir;

// Runs a shell command; returns its stdout and sets *status.
std::string RunShell(const std::string& cmd, int* status) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int rc = pclose(p);
  *status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  return out;
}

size_t Lines(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(CURLEW_BINARY)) {
      GTEST_SKIP() << "build/curlew not built: " << CURLEW_BINARY;
    }
    path_ = dir_.File("cli.db");
    auto s = Store::Open(path_, {});
    ASSERT_TRUE(s.ok());
    WriteBatch b;
    for (int i = 0; i < 40; ++i) {
      b.documents.push_back(store::SyntheticDocument(i));
    }
    ASSERT_TRUE((*s)->Write(b).ok());
    store_ = std::move(*s);
  }

  int64_t ApiCount(const EventFilter& f) {
    int64_t n = 0;
    EXPECT_TRUE(store_
                    ->QueryEvents(f,
                                  [&](const EventRecord&) {
                                    ++n;
                                    return true;
                                  })
                    .ok());
    return n;
  }

  std::string Curlew(const std::string& args, int* status) {
    return RunShell(std::string(CURLEW_BINARY) + " " + args + " --store '" +
                        path_ + "' 2>/dev/null",
                    status);
  }

  TempDir dir_;
  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(CliTest, QueryOptionsReachTheFilter) {
  int rc = -1;
  EventFilter f;
  f.source = "TUR";
  f.quad = 3;
  std::string out = Curlew("query --source TUR --quad 3 --format jsonl", &rc);
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(static_cast<int64_t>(Lines(out)), ApiCount(f));

  EventFilter g;
  g.from = "2019-01";
  g.to = "2019-06";
  g.text = "treaty";
  out = Curlew("query --from 2019-01 --to 2019-06 --text treaty --format csv",
               &rc);
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(static_cast<int64_t>(Lines(out)), ApiCount(g) + 1);  // header

  out =
      Curlew("query --source \"'; DROP TABLE events; --\" --format jsonl", &rc);
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(out, "");
  EXPECT_EQ(ApiCount({}), 160);  // still all there

  out = Curlew("query --from yesterday", &rc);
  EXPECT_EQ(rc, 2);
}

TEST_F(CliTest, CountsAndSummary) {
  int rc = -1;
  std::string out =
      Curlew("query --count-by dyad --per month --format csv", &rc);
  EXPECT_EQ(rc, 0);
  auto rows = store_->Count({}, GroupBy::kDyad, Period::kMonth);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(Lines(out), rows->size() + 1);
  out = Curlew("summary", &rc);
  EXPECT_EQ(rc, 0);
  EXPECT_NE(out.find("40 documents"), std::string::npos) << out;
  EXPECT_NE(out.find("top dyads"), std::string::npos) << out;
}

TEST_F(CliTest, ExportWritesEveryFormatWhole) {
  for (const char* format : {"jsonl", "csv", "phoenix", "petrarch", "gdelt"}) {
    SCOPED_TRACE(format);
    std::string file = dir_.File(std::string("out.") + format);
    int rc = -1;
    Curlew(std::string("export --format ") + format + " --out '" + file + "'",
           &rc);
    EXPECT_EQ(rc, 0);
    std::ifstream in(file);
    std::string all((std::istreambuf_iterator<char>(in)), {});
    bool header =
        std::string(format) != "jsonl" && std::string(format) != "petrarch";
    EXPECT_EQ(Lines(all), 160u + (header ? 1 : 0));
  }
  int rc = -1;
  Curlew("export --format gdelt --out /nonexistent-dir/x.csv", &rc);
  EXPECT_EQ(rc, 1);
  // No stray temporary files beside the outputs.
  for (const auto& e : std::filesystem::directory_iterator(dir_.path())) {
    EXPECT_EQ(e.path().string().find(".tmp-"), std::string::npos) << e.path();
  }
}

}  // namespace
}  // namespace curlew
