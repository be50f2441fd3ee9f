// The reads the HTTP API needs: the actor filter, exact actor codes, keyset
// paging, counts by quad class, one document, the ledger tables read back
// and the query time limit; on SQLite and, where a test server runs, on
// PostgreSQL with the same answers.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "curlew/ledger.h"
#include "curlew/store.h"
#include "store/synthetic.h"
#include "store/test_util.h"

namespace curlew {
namespace {

using store::testing::TempDir;
using store::testing::TempPostgresDatabase;

std::vector<EventRecord> Query(Store& s, const EventFilter& f) {
  std::vector<EventRecord> out;
  Status st = s.QueryEvents(f, [&](const EventRecord& r) {
    out.push_back(r);
    return true;
  });
  EXPECT_TRUE(st.ok()) << st.ToString();
  return out;
}

// Two documents that mention an agreement and a pledge, and the ledger
// built from them.
struct LedgerFixture {
  WriteBatch batch;
  Ledger ledger;
  LedgerFixture() {
    Document a = store::SyntheticDocument(1);
    Document b = store::SyntheticDocument(2);
    LedgerInput in_a{a.id, a.date, {}, {}, {}, {}, {}, {}};
    AgreementMention signed_it;
    signed_it.kind = "trade";
    signed_it.parties = {"CHN", "TUR"};
    signed_it.has_step = true;
    signed_it.step = StepKind::kSigned;
    signed_it.date = "2019-04";
    signed_it.source = {a.id, 0, std::string(a.SpanText(a.sentences[0].span))};
    in_a.agreements.push_back(signed_it);
    CommitmentMention pledge;
    pledge.actor = "TUR";
    pledge.actor_text = "Turkey";
    pledge.action = "return exiles";
    pledge.action_lemma = "return";
    pledge.negated = true;
    pledge.condition = "unless they are guilty";
    pledge.form = "verbal";
    pledge.date = "2019-05-01";
    pledge.source = {a.id, 1, std::string(a.SpanText(a.sentences[1].span))};
    in_a.commitments.push_back(pledge);
    LedgerInput in_b{b.id, b.date, {}, {}, {}, {}, {}, {}};
    AgreementMention ratified = signed_it;
    ratified.step = StepKind::kRatified;
    ratified.actor = "CHN";
    ratified.actor_text = "China";
    ratified.date = "2020-06-26";
    ratified.source = {b.id, 2, std::string(b.SpanText(b.sentences[2].span))};
    in_b.agreements.push_back(ratified);
    ledger.Add(in_a);
    ledger.Add(in_b);
    ledger.Build();
    batch.documents = {a, b};
  }
};

void CheckReads(Store& s) {
  WriteBatch batch;
  for (int i = 0; i < 120; ++i)
    batch.documents.push_back(store::SyntheticDocument(i));
  ASSERT_TRUE(s.Write(batch).ok());
  std::vector<EventRecord> all = Query(s, {});
  ASSERT_EQ(all.size(), 480u);

  // actor: source or target, as a prefix or exactly.
  EventFilter f;
  f.actor = "TUR";
  size_t expected =
      std::count_if(all.begin(), all.end(), [](const EventRecord& r) {
        return r.event.source.starts_with("TUR") ||
               r.event.target.starts_with("TUR");
      });
  EXPECT_EQ(Query(s, f).size(), expected);
  f.exact_actors = true;
  expected = std::count_if(all.begin(), all.end(), [](const EventRecord& r) {
    return r.event.source == "TUR" || r.event.target == "TUR";
  });
  EXPECT_EQ(Query(s, f).size(), expected);
  EventFilter exact;
  exact.source = "TUR";
  exact.exact_actors = true;
  for (const EventRecord& r : Query(s, exact)) EXPECT_EQ(r.event.source, "TUR");
  auto dyads = s.Count(exact, GroupBy::kDyad, Period::kMonth);  // summary table
  ASSERT_TRUE(dyads.ok());
  for (const GroupCount& g : *dyads) EXPECT_EQ(g.source, "TUR");

  // Keyset paging visits every event once, in order.
  std::vector<int64_t> paged;
  EventFilter page;
  page.limit = 37;
  while (true) {
    std::vector<EventRecord> got = Query(s, page);
    for (const EventRecord& r : got) paged.push_back(r.event_id);
    if (got.size() < 37) break;
    page.after = {got.back().date, got.back().doc_id, got.back().index};
  }
  ASSERT_EQ(paged.size(), all.size());
  for (size_t i = 0; i < all.size(); ++i) EXPECT_EQ(paged[i], all[i].event_id);
  page.after.index = -1;
  EXPECT_FALSE(
      s.QueryEvents(page, [](const EventRecord&) { return true; }).ok());

  // Counts by quad class add up.
  auto quads = s.Count({}, GroupBy::kQuad, Period::kYear);
  ASSERT_TRUE(quads.ok());
  int64_t total = 0;
  for (const GroupCount& g : *quads) {
    EXPECT_GE(g.quad, 1);
    EXPECT_LE(g.quad, 4);
    total += g.events;
  }
  EXPECT_EQ(total, 480);

  // One document, with its sentences.
  auto doc = s.ReadDocument("syn-7");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  Document want = store::SyntheticDocument(7);
  EXPECT_EQ(doc->text, want.text);
  EXPECT_EQ(doc->title, want.title);
  ASSERT_EQ(doc->sentences.size(), want.sentences.size());
  EXPECT_EQ(doc->sentences[1].span, want.sentences[1].span);
  auto missing = s.ReadDocument("nope");
  EXPECT_EQ(missing.status().code(), ErrorCode::kNotFound);

  // The ledger tables, read back as written.
  LedgerFixture fx;
  ASSERT_TRUE(s.Write(fx.batch).ok());
  ASSERT_TRUE(s.WriteLedger(fx.ledger).ok());
  auto agreements = s.ReadAgreements();
  ASSERT_TRUE(agreements.ok()) << agreements.status().ToString();
  ASSERT_EQ(agreements->size(), fx.ledger.agreements().size());
  for (size_t i = 0; i < agreements->size(); ++i) {
    const Agreement& got = (*agreements)[i];
    const Agreement& wrote = fx.ledger.agreements()[i];
    EXPECT_EQ(got.id, wrote.id);
    EXPECT_EQ(got.kind, wrote.kind);
    EXPECT_EQ(got.parties, wrote.parties);
    ASSERT_EQ(got.steps.size(), wrote.steps.size());
    for (size_t k = 0; k < got.steps.size(); ++k) {
      EXPECT_EQ(got.steps[k].step, wrote.steps[k].step);
      EXPECT_EQ(got.steps[k].actor, wrote.steps[k].actor);
      EXPECT_EQ(got.steps[k].date, wrote.steps[k].date);
      EXPECT_EQ(got.steps[k].source, wrote.steps[k].source);
    }
    EXPECT_EQ(StatusAsOf(got, "2019-12-31").label,
              StatusAsOf(wrote, "2019-12-31").label);
  }
  auto commitments = s.ReadCommitments();
  ASSERT_TRUE(commitments.ok()) << commitments.status().ToString();
  ASSERT_EQ(commitments->size(), 1u);
  const CommitmentMention& c = (*commitments)[0].what;
  EXPECT_EQ(c.actor, "TUR");
  EXPECT_EQ(c.action, "return exiles");
  EXPECT_TRUE(c.negated);
  EXPECT_EQ(c.condition, "unless they are guilty");
  EXPECT_EQ(c.source, fx.ledger.commitments()[0].what.source);
}

TEST(StoreReadsTest, Sqlite) {
  TempDir dir;
  auto s = Store::Open(dir.File("r.db"), {});
  ASSERT_TRUE(s.ok());
  CheckReads(**s);
}

TEST(StoreReadsTest, Postgres) {
  TempPostgresDatabase pg;
  if (pg.url().empty()) {
    GTEST_SKIP() << "PostgreSQL skipped: " << pg.error()
                 << " (scripts/run-tests.sh starts a test server)";
  }
  auto s = Store::Open(pg.url(), {});
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  CheckReads(**s);
}

TEST(StoreReadsTest, SqliteQueriesStopAtTheTimeLimit) {
  TempDir dir;
  {
    auto w = Store::Open(dir.File("t.db"), {});
    ASSERT_TRUE(w.ok());
    WriteBatch batch;
    for (int i = 0; i < 10000; ++i)
      batch.documents.push_back(store::SyntheticDocument(i));
    ASSERT_TRUE((*w)->Write(batch).ok());
  }
  StoreOptions options;
  options.read_only = true;
  options.query_timeout_ms = 1;
  auto s = Store::Open(dir.File("t.db"), options);
  ASSERT_TRUE(s.ok());
  // A sentence search with a group by day over 40,000 events: far longer
  // than a millisecond.
  EventFilter f;
  f.text = "no such words";
  auto slow = (*s)->CountFromEvents(f, GroupBy::kDyad, Period::kDay);
  ASSERT_FALSE(slow.ok());
  EXPECT_EQ(slow.status().code(), ErrorCode::kLimitExceeded);
  // The connection stays usable for what fits in the limit.
  auto doc = (*s)->ReadDocument("syn-1");
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
}

}  // namespace
}  // namespace curlew
