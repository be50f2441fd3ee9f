// SQLite and PostgreSQL, given the same input, answer every query alike
// (RE2's tester idea: run both engines, compare).
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "curlew/store.h"
#include "io/event_sink.h"
#include "store/synthetic.h"
#include "store/test_util.h"
#include "testing/memory_env.h"

namespace curlew {
namespace {

using store::testing::TempDir;
using store::testing::TempPostgresDatabase;

std::string Events(Store& s, const EventFilter& f, const char* format) {
  testing::StringFile out;
  auto w = io::MakeEventSink(format, &out, {});
  EXPECT_TRUE(w.ok());
  Status st = s.QueryEvents(f, [&](const EventRecord& r) {
    EXPECT_TRUE((*w)->Write(r).ok());
    return true;
  });
  EXPECT_TRUE(st.ok()) << st.ToString();
  EXPECT_TRUE((*w)->Finish().ok());
  return out.contents();
}

std::string Counts(Store& s, const EventFilter& f, GroupBy g, Period p) {
  auto rows = s.Count(f, g, p);
  EXPECT_TRUE(rows.ok()) << rows.status().ToString();
  testing::StringFile out;
  if (rows.ok()) {
    EXPECT_TRUE(io::WriteCounts(*rows, g, "csv", &out).ok());
  }
  return out.contents();
}

TEST(BackendsTest, SqliteAndPostgresGiveIdenticalResults) {
  TempPostgresDatabase pg;
  if (pg.url().empty()) {
    GTEST_SKIP() << "PostgreSQL comparison skipped: " << pg.error()
                 << " (scripts/run-tests.sh starts a test server)";
  }
  TempDir dir;
  auto lite = Store::Open(dir.File("a.db"), {});
  auto post = Store::Open(pg.url(), {});
  ASSERT_TRUE(lite.ok()) << lite.status().ToString();
  ASSERT_TRUE(post.ok()) << post.status().ToString();

  // The same batches, including replacements and non-ASCII text, into both.
  std::vector<WriteBatch> batches(3);
  for (int i = 0; i < 300; ++i) {
    batches[i % 2].documents.push_back(store::SyntheticDocument(i));
  }
  for (int i = 250; i < 320; ++i) {
    batches[2].documents.push_back(store::SyntheticDocument(i));
  }
  Document accents = store::SyntheticDocument(1000);
  accents.id = "é-ğ-文";
  accents.text = "Erdoğan and Çavuşoğlu met in İzmir. " + accents.text;
  batches[2].documents.push_back(accents);
  batches[2].rejections.push_back(
      {"bad", "in.jsonl", 3, ErrorCode::kParseError, "malformed"});
  for (const WriteBatch& b : batches) {
    ASSERT_TRUE((*lite)->Write(b).ok());
    ASSERT_TRUE((*post)->Write(b).ok());
  }

  auto cl = (*lite)->Counts();
  auto cp = (*post)->Counts();
  ASSERT_TRUE(cl.ok() && cp.ok());
  EXPECT_EQ(cl->documents, cp->documents);
  EXPECT_EQ(cl->sentences, cp->sentences);
  EXPECT_EQ(cl->events, cp->events);
  EXPECT_EQ(cl->rejected, cp->rejected);

  std::vector<EventFilter> filters(12);
  filters[1].source = "TUR";
  filters[2].target = "IGO";
  filters[3].root = "05";
  filters[4].quad = 4;
  filters[4].one_a_day = true;
  filters[5].from = "2019-01";
  filters[5].to = "2019-12-31";
  filters[6].text = "treaty";
  filters[7].plover = "ACCUSE";
  filters[7].limit = 25;
  filters[8].one_a_day = true;
  filters[9].cameo = "190";
  filters[9].source = "RUS";
  filters[10].doc_id = accents.id;
  filters[11].text = "İzmir";
  for (size_t i = 0; i < filters.size(); ++i) {
    SCOPED_TRACE("filter " + std::to_string(i));
    std::string a = Events(**lite, filters[i], "jsonl");
    EXPECT_EQ(a, Events(**post, filters[i], "jsonl"));
    EXPECT_EQ(Events(**lite, filters[i], "phoenix"),
              Events(**post, filters[i], "phoenix"));
    if (i < 2) {
      EXPECT_FALSE(a.empty());
    }
    for (GroupBy g : {GroupBy::kDyad, GroupBy::kRoot}) {
      for (Period p : {Period::kAll, Period::kDay, Period::kWeek,
                       Period::kMonth, Period::kYear}) {
        EXPECT_EQ(Counts(**lite, filters[i], g, p),
                  Counts(**post, filters[i], g, p));
      }
    }
  }
}

TEST(BackendsTest, ConcurrentPostgresWritersOfTheSameDocuments) {
  TempPostgresDatabase pg;
  if (pg.url().empty()) {
    GTEST_SKIP() << "PostgreSQL test skipped: " << pg.error();
  }
  {
    auto init = Store::Open(pg.url(), {});  // creates the schema once
    ASSERT_TRUE(init.ok()) << init.status().ToString();
  }
  // Four writers store overlapping documents, in different orders.
  std::vector<std::thread> writers;
  std::vector<Status> results(4);
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&, w] {
      auto s = Store::Open(pg.url(), {});
      if (!s.ok()) {
        results[w] = s.status();
        return;
      }
      for (int round = 0; round < 5 && results[w].ok(); ++round) {
        WriteBatch b;
        for (int i = 0; i < 40; ++i) {
          int n = (w % 2 == 0) ? i : 39 - i;
          b.documents.push_back(store::SyntheticDocument(n + round * 10));
        }
        results[w] = (*s)->Write(b);
      }
    });
  }
  for (auto& t : writers) t.join();
  for (const Status& r : results) EXPECT_TRUE(r.ok()) << r.ToString();
  auto s = Store::Open(pg.url(), {});
  ASSERT_TRUE(s.ok());
  auto c = (*s)->Counts();
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->documents, 80);  // documents 0..79, each once
  EXPECT_EQ(c->events, 80 * 4);
  auto fast = (*s)->Count({}, GroupBy::kDyad, Period::kMonth);
  auto slow = (*s)->CountFromEvents({}, GroupBy::kDyad, Period::kMonth);
  ASSERT_TRUE(fast.ok() && slow.ok());
  ASSERT_EQ(fast->size(), slow->size());
  for (size_t i = 0; i < fast->size(); ++i) {
    EXPECT_EQ((*fast)[i].events, (*slow)[i].events);
  }
}

}  // namespace
}  // namespace curlew
