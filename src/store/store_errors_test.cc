// Failures of the store: each is one clear error, and nothing is half
// written.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <fstream>
#include <string>

#include "curlew/store.h"
#include "store/synthetic.h"
#include "store/test_util.h"

namespace curlew {
namespace {

using store::testing::TempDir;

Status OpenStatus(const std::string& location, StoreOptions o = {}) {
  auto s = Store::Open(location, o);
  return s.ok() ? Status() : s.status();
}

bool Mentions(const Status& s, const std::string& what) {
  return s.ToString().find(what) != std::string::npos;
}

TEST(StoreErrorsTest, BadPaths) {
  TempDir dir;
  Status s = OpenStatus("");
  EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);

  s = OpenStatus(dir.path().string());
  EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(Mentions(s, "directory")) << s.ToString();

  s = OpenStatus(dir.File("no/such/dir/x.db"));
  EXPECT_EQ(s.code(), ErrorCode::kNotFound);
  EXPECT_TRUE(Mentions(s, "does not exist")) << s.ToString();

  StoreOptions read_only;
  read_only.read_only = true;
  s = OpenStatus(dir.File("absent.db"), read_only);
  EXPECT_EQ(s.code(), ErrorCode::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(dir.File("absent.db")));
}

TEST(StoreErrorsTest, AFileThatIsNotADatabase) {
  TempDir dir;
  std::string path = dir.File("notes.db");
  std::ofstream(path) << "These are my notes, not a database at all.\n"
                      << std::string(2000, 'x');
  Status s = OpenStatus(path);
  EXPECT_EQ(s.code(), ErrorCode::kStoreError);
  EXPECT_TRUE(Mentions(s, "not an SQLite database")) << s.ToString();
}

TEST(StoreErrorsTest, ADatabaseOfSomethingElse) {
  TempDir dir;
  std::string path = dir.File("other.db");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "CREATE TABLE recipes (name TEXT)", nullptr, nullptr,
               nullptr);
  sqlite3_close(db);
  Status s = OpenStatus(path);
  EXPECT_EQ(s.code(), ErrorCode::kStoreError);
  EXPECT_TRUE(Mentions(s, "not a curlew store")) << s.ToString();
  // And the other database was left as it was.
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  int tables = 0;
  sqlite3_exec(
      db, "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
      [](void* n, int, char** v, char**) {
        *static_cast<int*>(n) = std::atoi(v[0]);
        return 0;
      },
      &tables, nullptr);
  sqlite3_close(db);
  EXPECT_EQ(tables, 1);
}

TEST(StoreErrorsTest, AReadOnlyFile) {
  TempDir dir;
  std::string path = dir.File("ro.db");
  {
    auto s = Store::Open(path, {});
    ASSERT_TRUE(s.ok());
    WriteBatch b;
    b.documents.push_back(store::SyntheticDocument(1));
    ASSERT_TRUE((*s)->Write(b).ok());
  }
  ASSERT_EQ(chmod(path.c_str(), 0444), 0);
  Status s = OpenStatus(path);
  EXPECT_EQ(s.code(), ErrorCode::kStoreError);
  EXPECT_TRUE(Mentions(s, "read-only")) << s.ToString();
  // Reading it is still fine.
  StoreOptions ro;
  ro.read_only = true;
  auto reader = Store::Open(path, ro);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  auto counts = (*reader)->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->documents, 1);
  // A store opened read-only refuses writes with an error, not silently.
  WriteBatch b;
  b.documents.push_back(store::SyntheticDocument(2));
  Status w = (*reader)->Write(b);
  EXPECT_FALSE(w.ok());
  EXPECT_TRUE(Mentions(w, "read")) << w.ToString();
  counts = (*reader)->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->documents, 1);
}

TEST(StoreErrorsTest, AFullDiskLosesNoCommittedBatchAndWritesNoPartOne) {
  TempDir dir;
  std::string path = dir.File("full.db");
  StoreOptions small;
  small.sqlite_max_page_count = 120;  // 4 KiB pages: under half a megabyte
  auto s = Store::Open(path, small);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  Status failure;
  int committed_docs = 0, committed_events = 0;
  for (int batch = 0; batch < 200 && failure.ok(); ++batch) {
    WriteBatch b;
    for (int i = 0; i < 10; ++i) {
      b.documents.push_back(store::SyntheticDocument(batch * 10 + i));
    }
    failure = (*s)->Write(b);
    if (failure.ok()) {
      committed_docs += 10;
      for (const Document& d : b.documents) committed_events += d.events.size();
    }
  }
  ASSERT_FALSE(failure.ok()) << "the size limit was never reached";
  EXPECT_EQ(failure.code(), ErrorCode::kIoError);
  EXPECT_TRUE(Mentions(failure, "full")) << failure.ToString();
  EXPECT_GT(committed_docs, 0);
  s->reset();
  // Reopened without the limit: exactly the committed batches are there.
  auto again = Store::Open(path, {});
  ASSERT_TRUE(again.ok());
  auto counts = (*again)->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->documents, committed_docs);
  EXPECT_EQ(counts->events, committed_events);
  auto dyads = (*again)->Count({}, GroupBy::kDyad, Period::kAll);
  ASSERT_TRUE(dyads.ok());
  int64_t summed = 0;
  for (const GroupCount& g : *dyads) summed += g.events;
  EXPECT_EQ(summed, committed_events);
}

TEST(StoreErrorsTest, AnUnreachablePostgresServer) {
  StoreOptions o;
  o.connect_timeout_s = 2;
  // Port 1 on the loopback: nothing listens there.
  Status s = OpenStatus("postgresql://nobody:secret@127.0.0.1:1/curlew", o);
  EXPECT_EQ(s.code(), ErrorCode::kStoreError);
  EXPECT_TRUE(Mentions(s, "cannot connect to PostgreSQL")) << s.ToString();
  EXPECT_FALSE(Mentions(s, "secret")) << "password leaked: " << s.ToString();
  EXPECT_TRUE(Mentions(s, "***")) << s.ToString();
}

TEST(StoreErrorsTest, AMalformedPostgresUrl) {
  Status s = OpenStatus("postgresql://[::1");
  EXPECT_EQ(s.code(), ErrorCode::kStoreError);
  EXPECT_TRUE(Mentions(s, "PostgreSQL")) << s.ToString();
}

}  // namespace
}  // namespace curlew
