#include "store/ingest.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "curlew/reader.h"
#include "store/synthetic.h"
#include "store/test_util.h"
#include "testing/memory_env.h"

namespace curlew::store {
namespace {

using store::testing::TempDir;

// The documents `curlew ingest` would read from a JSONL file, read by the
// same DocumentReader, from a file kept in memory.
class Input {
 public:
  explicit Input(const std::string& jsonl) {
    env_.AddFile("in.jsonl", jsonl);
    ReaderOptions o;
    o.env = &env_;
    reader_ = std::make_unique<DocumentReader>(
        std::vector<std::string>{"in.jsonl"}, o);
  }
  DocumentReader& reader() { return *reader_; }

 private:
  curlew::testing::MemoryEnv env_;
  std::unique_ptr<DocumentReader> reader_;
};

// Synthetic documents first..first+n-1 as JSONL lines.
std::string Jsonl(int n, int first = 0) {
  std::string out;
  for (int i = first; i < first + n; ++i) out += SyntheticJsonl(i) + "\n";
  return out;
}

// Plays the coder: gives a read document the sentences and events of its
// synthetic original.
Status Keep(Document& d) {
  const std::string id = d.id;
  Document full = SyntheticDocument(std::stoull(id.substr(4)));
  full.id = id;
  d = std::move(full);
  return Status();
}

// Stores documents syn-0 .. syn-4.
void IngestFirstFive(Store& store) {
  std::ostringstream log;
  Input first(Jsonl(5));
  ASSERT_TRUE(Ingest(first.reader(), Keep, store, {}, log).ok()) << log.str();
}

std::unique_ptr<Store> OpenOrDie(const std::string& path, StoreOptions o = {}) {
  auto s = Store::Open(path, o);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(*s) : nullptr;
}

class IngestJobsTest : public ::testing::TestWithParam<int> {};

TEST_P(IngestJobsTest, RejectsWhatFailsAndGoesOn) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("s.db"));
  std::string jsonl = Jsonl(4) + "{\"id\": broken\n" + Jsonl(6, 4);
  Input input(jsonl);
  std::ostringstream log;
  IngestOptions o;
  o.batch_documents = 3;
  o.jobs = GetParam();
  auto process = [](Document& d) {
    if (d.id == "syn-6") {
      return Status::Error(ErrorCode::kLimitExceeded, "too long");
    }
    if (d.id == "syn-8") throw std::runtime_error("a bug");
    return Keep(d);
  };
  auto stats = Ingest(input.reader(), process, *store, o, log);
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->read, 11);
  EXPECT_EQ(stats->stored, 8);
  EXPECT_EQ(stats->rejected, 3);
  EXPECT_NE(log.str().find("rejected syn-6"), std::string::npos) << log.str();
  EXPECT_NE(log.str().find("malformed JSON"), std::string::npos) << log.str();
  auto rejected = store->Rejections();
  ASSERT_TRUE(rejected.ok());
  ASSERT_EQ(rejected->size(), 3u);
  EXPECT_EQ((*rejected)[1].doc_id, "syn-6");
  EXPECT_EQ((*rejected)[1].reason, "too long");
  EXPECT_EQ((*rejected)[2].doc_id, "syn-8");
  EXPECT_EQ((*rejected)[2].code, ErrorCode::kInternal);
}

// Documents coded on several threads are stored as by one: same batches,
// same rows, same order of event ids.
TEST_P(IngestJobsTest, StoresWhatOneThreadStores) {
  TempDir dir;
  auto one = OpenOrDie(dir.File("one.db"));
  auto many = OpenOrDie(dir.File("many.db"));
  std::ostringstream log;
  // The synthetic documents arrive uncoded; coding fills their events
  // (uneven work so that threads finish out of order).
  auto code = [](Document& d) {
    const uint64_t n = std::stoull(d.id.substr(4));
    if (n % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(300));
    return Keep(d);
  };
  IngestOptions o;
  o.batch_documents = 16;
  {
    Input input(Jsonl(300));
    ASSERT_TRUE(Ingest(input.reader(), code, *one, o, log).ok());
  }
  o.jobs = GetParam();
  Input input(Jsonl(300));
  auto stats = Ingest(input.reader(), code, *many, o, log);
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->stored, 300);
  std::vector<std::string> a, b;
  auto collect = [](std::vector<std::string>* out) {
    return [out](const EventRecord& r) {
      out->push_back(std::to_string(r.event_id) + " " + r.doc_id + " " +
                     std::to_string(r.index) + " " + r.event.cameo);
      return true;
    };
  };
  ASSERT_TRUE(one->QueryEvents({}, collect(&a)).ok());
  ASSERT_TRUE(many->QueryEvents({}, collect(&b)).ok());
  EXPECT_EQ(a.size(), 1200u);
  EXPECT_EQ(a, b);
}

INSTANTIATE_TEST_SUITE_P(Jobs, IngestJobsTest, ::testing::Values(1, 2, 4));

TEST(IngestTest, ResumesFromTheIdsItIsGiven) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("s.db"));
  std::ostringstream log;
  ASSERT_NO_FATAL_FAILURE(IngestFirstFive(*store));
  std::vector<std::string> ids;
  for (int i = 3; i < 8; ++i) ids.push_back("syn-" + std::to_string(i));
  Input input(Jsonl(5, 3));
  IngestOptions o;
  o.resume_ids = &ids;
  auto stats = Ingest(input.reader(), Keep, *store, o, log);
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->skipped, 2);
  EXPECT_EQ(stats->stored, 3);
  auto counts = store->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->documents, 8);
}

TEST(IngestTest, ResumesByDocumentIdAndReplacesOnRequest) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("s.db"));
  std::ostringstream log;
  {
    Input first(Jsonl(5));
    ASSERT_TRUE(Ingest(first.reader(), Keep, *store, {}, log).ok());
  }
  Input again(Jsonl(8));
  int coded = 0;
  auto count = [&](Document& d) {
    ++coded;
    return Keep(d);
  };
  auto stats = Ingest(again.reader(), count, *store, {}, log);
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->skipped, 5);
  EXPECT_EQ(stats->stored, 3);
  EXPECT_EQ(coded, 3);
  IngestOptions replace;
  replace.replace = true;
  Input third(Jsonl(8));
  stats = Ingest(third.reader(), count, *store, replace, log);
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->stored, 8);
  auto counts = store->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->documents, 8);
  EXPECT_EQ(counts->events, 32);
}

// Found by trying curlew as a new user: two different documents with one
// id in one input; the second overwrote the first and the summary counted
// both. Now the second is a rejection naming both places, the first stays,
// and `stored` is what the store holds.
TEST(IngestTest, ASecondDocumentWithTheSameIdIsRejectedNotStoredOver) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("s.db"));
  const std::string jsonl =
      "{\"id\":\"a\",\"date\":\"2020-01-01\",\"text\":\"First report.\"}\n"
      "{\"id\":\"b\",\"date\":\"2020-01-01\",\"text\":\"Other report.\"}\n"
      "{\"id\":\"a\",\"date\":\"2020-01-02\",\"text\":\"Second report.\"}\n";
  Input input(jsonl);
  std::ostringstream log;
  auto stats = Ingest(
      input.reader(), [](Document&) { return Status(); }, *store, {}, log);
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->stored, 2);
  EXPECT_EQ(stats->rejected, 1);
  EXPECT_EQ(stats->duplicates, 1);
  auto counts = store->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->documents, stats->stored);
  EXPECT_NE(log.str().find("duplicate document id 'a'"), std::string::npos)
      << log.str();
  EXPECT_NE(log.str().find("in.jsonl, byte 0"), std::string::npos) << log.str();
  auto rejected = store->Rejections();
  ASSERT_TRUE(rejected.ok());
  ASSERT_EQ(rejected->size(), 1u);
  EXPECT_EQ((*rejected)[0].where, "in.jsonl");
  EXPECT_GT((*rejected)[0].position, 0);

  // With --replace the later document replaces the earlier one, and the
  // id is counted once.
  TempDir dir2;
  auto store2 = OpenOrDie(dir2.File("s.db"));
  Input again(jsonl);
  IngestOptions replace;
  replace.replace = true;
  std::vector<std::string> texts;
  stats = Ingest(
      again.reader(),
      [&](Document& d) {
        texts.push_back(d.text);
        return Status();
      },
      *store2, replace, log);
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->stored, 2);
  EXPECT_EQ(stats->rejected, 0);
  EXPECT_EQ(store2->Counts()->documents, 2);
  EXPECT_EQ(texts.size(), 3u);
}

// A document coded only in part says so on the log, naming it.
TEST(IngestTest, DocumentWarningsAreLogged) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("s.db"));
  Input input(Jsonl(2));
  std::ostringstream log;
  auto stats = Ingest(
      input.reader(),
      [](Document& d) {
        Status s = Keep(d);
        if (d.id == "syn-1") {
          d.warnings.push_back(Status::Error(ErrorCode::kLimitExceeded,
                                             "sentence too long", d.id, 12));
        }
        return s;
      },
      *store, {}, log);
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->warnings, 1);
  EXPECT_NE(log.str().find("curlew ingest: warning: syn-1: byte 12: sentence "
                           "too long"),
            std::string::npos)
      << log.str();
}

TEST(IngestTest, AStoreFailureStopsTheRunAndKeepsCommittedBatches) {
  TempDir dir;
  StoreOptions small;
  small.sqlite_max_page_count = 100;
  auto store = OpenOrDie(dir.File("s.db"), small);
  Input input(Jsonl(5000));
  std::ostringstream log;
  IngestOptions o;
  o.batch_documents = 20;
  IngestStats stats;
  auto result = Ingest(input.reader(), Keep, *store, o, log, &stats);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), ErrorCode::kIoError);
  EXPECT_GT(stats.stored, 0);
  EXPECT_EQ(stats.stored % 20, 0);
  auto counts = store->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->documents, stats.stored);
  EXPECT_EQ(counts->events, stats.events);
}

// The real binary, killed with SIGKILL while it writes, then rerun; with
// one coding thread and with two.
class KilledIngestTest : public ::testing::TestWithParam<int> {
 protected:
  static constexpr int kDocuments = 2000;

  void SetUp() override {
    if (!std::filesystem::exists(CURLEW_BINARY)) {
      GTEST_SKIP() << "build/curlew not built: " << CURLEW_BINARY;
    }
    input_ = dir_.File("input.jsonl");
    std::ofstream out(input_);
    for (int i = 0; i < kDocuments; ++i) out << SyntheticJsonl(i) << '\n';
  }

  std::string Jobs() const { return std::to_string(GetParam()); }

  pid_t Start(const std::string& store) {
    const std::string jobs = Jobs();
    pid_t pid = fork();
    if (pid == 0) {
      execl(CURLEW_BINARY, CURLEW_BINARY, "ingest", input_.c_str(), "--store",
            store.c_str(), "--batch", "25", "--quiet", "--jobs", jobs.c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
    return pid;
  }

  int64_t StoredDocuments(const std::string& path) {
    StoreOptions ro;
    ro.read_only = true;
    auto s = Store::Open(path, ro);
    if (!s.ok()) return 0;
    auto c = (*s)->Counts();
    return c.ok() ? c->documents : 0;
  }

  TempDir dir_;
  std::string input_;
};

TEST_P(KilledIngestTest, EveryDocumentIsStoredExactlyOnce) {
  std::string killed = dir_.File("killed.db");
  int kills = 0;
  int64_t at_kill = 0;
  for (int64_t threshold : {1, 500}) {
    pid_t pid = Start(killed);
    ASSERT_GT(pid, 0);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (StoredDocuments(killed) < threshold + at_kill &&
           std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    ASSERT_EQ(kill(pid, SIGKILL), 0);
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) ++kills;
    at_kill = StoredDocuments(killed);
  }
  ASSERT_GE(kills, 1) << "the ingest finished before it could be killed";
  ASSERT_LT(at_kill, kDocuments) << "killed only after the end";

  // Rerun to completion; compare with an uninterrupted run.
  std::string rerun = std::string(CURLEW_BINARY) + " ingest " + input_ +
                      " --store " + killed + " --batch 25 --quiet --jobs " +
                      Jobs();
  ASSERT_EQ(std::system(rerun.c_str()), 0);
  std::string clean = dir_.File("clean.db");
  std::string once = std::string(CURLEW_BINARY) + " ingest " + input_ +
                     " --store " + clean + " --batch 500 --quiet --jobs 1";
  ASSERT_EQ(std::system(once.c_str()), 0);

  auto a = OpenOrDie(killed);
  auto b = OpenOrDie(clean);
  auto ca = a->Counts();
  auto cb = b->Counts();
  ASSERT_TRUE(ca.ok() && cb.ok());
  EXPECT_EQ(ca->documents, kDocuments);
  EXPECT_EQ(cb->documents, kDocuments);
  EXPECT_EQ(ca->sentences, cb->sentences);
  EXPECT_EQ(ca->events, cb->events);
  EXPECT_EQ(ca->rejected, 0);
  std::set<std::string> ids;
  int64_t listed = 0;
  ASSERT_TRUE(a->ForEachDocumentId([&](std::string_view id) {
                 ids.emplace(id);
                 ++listed;
               }).ok());
  EXPECT_EQ(listed, kDocuments);
  EXPECT_EQ(static_cast<int64_t>(ids.size()), kDocuments);
  for (int i = 0; i < kDocuments; i += 97) {
    EXPECT_TRUE(ids.count("syn-" + std::to_string(i))) << i;
  }
}

INSTANTIATE_TEST_SUITE_P(Jobs, KilledIngestTest, ::testing::Values(1, 2));

}  // namespace
}  // namespace curlew::store
