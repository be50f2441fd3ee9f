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

#include "store/synthetic.h"
#include "store/test_util.h"

namespace curlew::store {
namespace {

using testing::TempDir;

class ListSource : public DocumentSource {
 public:
  explicit ListSource(std::vector<Result<Document>> items)
      : items_(std::move(items)) {}
  bool Next(Result<Document>* out) override {
    if (next_ >= items_.size()) return false;
    *out = items_[next_++];
    return true;
  }

 private:
  std::vector<Result<Document>> items_;
  size_t next_ = 0;
};

std::vector<Result<Document>> Docs(int n) {
  std::vector<Result<Document>> v;
  for (int i = 0; i < n; ++i) v.emplace_back(SyntheticDocument(i));
  return v;
}

Status Keep(Document&) { return Status(); }

// Stores documents syn-0 .. syn-4.
void IngestFirstFive(Store& store) {
  std::ostringstream log;
  ListSource first(Docs(5));
  ASSERT_TRUE(Ingest(first, Keep, store, {}, log).ok()) << log.str();
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
  std::vector<Result<Document>> items = Docs(10);
  items.insert(
      items.begin() + 4,
      Status::Error(ErrorCode::kParseError, "malformed JSON", "in.jsonl", 77));
  ListSource source(items);
  std::ostringstream log;
  IngestOptions o;
  o.batch_documents = 3;
  o.jobs = GetParam();
  auto process = [](Document& d) {
    if (d.id == "syn-6") {
      return Status::Error(ErrorCode::kLimitExceeded, "too long");
    }
    if (d.id == "syn-8") throw std::runtime_error("a bug");
    return Status();
  };
  auto stats = Ingest(source, process, *store, o, log);
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
    Document coded = SyntheticDocument(n);
    if (n % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(300));
    d.sentences = coded.sentences;
    d.events = coded.events;
    return Status();
  };
  std::vector<Result<Document>> bare;
  for (int i = 0; i < 300; ++i) {
    Document d = SyntheticDocument(i);
    d.sentences.clear();
    d.events.clear();
    bare.emplace_back(std::move(d));
  }
  IngestOptions o;
  o.batch_documents = 16;
  {
    ListSource source(bare);
    ASSERT_TRUE(Ingest(source, code, *one, o, log).ok());
  }
  o.jobs = GetParam();
  ListSource source(bare);
  auto stats = Ingest(source, code, *many, o, log);
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
  std::vector<Result<Document>> part;
  for (int i = 3; i < 8; ++i) part.emplace_back(SyntheticDocument(i));
  ListSource source(part);
  IngestOptions o;
  o.resume_ids = &ids;
  auto stats = Ingest(source, Keep, *store, o, log);
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
  ASSERT_NO_FATAL_FAILURE(IngestFirstFive(*store));
  ListSource again(Docs(8));
  int coded = 0;
  auto count = [&](Document&) {
    ++coded;
    return Status();
  };
  auto stats = Ingest(again, count, *store, {}, log);
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->skipped, 5);
  EXPECT_EQ(stats->stored, 3);
  EXPECT_EQ(coded, 3);
  IngestOptions replace;
  replace.replace = true;
  ListSource third(Docs(8));
  stats = Ingest(third, count, *store, replace, log);
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->stored, 8);
  auto counts = store->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->documents, 8);
  EXPECT_EQ(counts->events, 32);
}

TEST(IngestTest, AStoreFailureStopsTheRunAndKeepsCommittedBatches) {
  TempDir dir;
  StoreOptions small;
  small.sqlite_max_page_count = 100;
  auto store = OpenOrDie(dir.File("s.db"), small);
  ListSource source(Docs(5000));
  std::ostringstream log;
  IngestOptions o;
  o.batch_documents = 20;
  IngestStats stats;
  auto result = Ingest(source, Keep, *store, o, log, &stats);
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
  static constexpr int kDocuments = 6000;

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
  for (int64_t threshold : {1, 1500}) {
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
