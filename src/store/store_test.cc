// The Store on both backends: every test runs on SQLite and, when
// CURLEW_TEST_PG_URL names a server, on PostgreSQL. Query results are
// checked against a plain C++ reference filter over the same documents.
#include "curlew/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "curlew/ledger.h"
#include "store/dates.h"
#include "store/synthetic.h"
#include "store/test_util.h"

namespace curlew {
namespace {

using store::testing::TempDir;
using store::testing::TempPostgresDatabase;

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// What the store should select, computed without SQL.
bool Selects(const EventFilter& f, const Document& doc, const Event& e) {
  std::string date = e.date.empty() ? doc.date : e.date;
  if (!f.from.empty() && date < f.from) return false;
  if (!f.to.empty() && date > store::InclusiveUpperBound(f.to)) return false;
  if (!e.source.starts_with(f.source)) return false;
  if (!e.target.starts_with(f.target)) return false;
  if (!f.cameo.empty() && e.cameo != f.cameo) return false;
  if (!f.root.empty() && e.root != f.root) return false;
  if (f.quad && e.quad != f.quad) return false;
  if (!f.plover.empty() && e.plover != f.plover) return false;
  if (!f.modality.empty() && std::find(f.modality.begin(), f.modality.end(),
                                       e.modality) == f.modality.end())
    return false;
  if (!f.doc_id.empty() && doc.id != f.doc_id) return false;
  if (!f.text.empty()) {
    std::string sentence(doc.SpanText(doc.sentences[e.sentence].span));
    if (Lower(sentence).find(Lower(f.text)) == std::string::npos) return false;
  }
  return true;
}

using Key = std::pair<std::string, uint32_t>;  // (doc id, event index)

std::set<Key> Reference(const EventFilter& f,
                        const std::vector<Document>& docs) {
  std::set<Key> keys;
  for (const Document& d : docs) {
    for (uint32_t i = 0; i < d.events.size(); ++i) {
      if (Selects(f, d, d.events[i])) keys.insert({d.id, i});
    }
  }
  return keys;
}

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "sqlite") {
      location_ = dir_.File("test.db");
    } else {
      pg_ = std::make_unique<TempPostgresDatabase>();
      if (pg_->url().empty()) {
        GTEST_SKIP() << "PostgreSQL tests skipped: " << pg_->error()
                     << " (scripts/run-tests.sh starts a test server)";
      }
      location_ = pg_->url();
    }
    auto s = Store::Open(location_, {});
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(*s);
  }

  // Writes synthetic documents [first, first + n) in one batch.
  std::vector<Document> WriteSynthetic(int first, int n) {
    WriteBatch batch;
    for (int i = first; i < first + n; ++i) {
      batch.documents.push_back(store::SyntheticDocument(i));
    }
    Status s = store_->Write(batch);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return batch.documents;
  }

  std::vector<EventRecord> Query(const EventFilter& f) {
    std::vector<EventRecord> out;
    Status s = store_->QueryEvents(f, [&](const EventRecord& r) {
      out.push_back(r);
      return true;
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return out;
  }

  std::set<Key> QueryKeys(const EventFilter& f) {
    std::set<Key> keys;
    for (const EventRecord& r : Query(f)) keys.insert({r.doc_id, r.index});
    return keys;
  }

  TempDir dir_;
  std::unique_ptr<TempPostgresDatabase> pg_;
  std::string location_;
  std::unique_ptr<Store> store_;
};

TEST_P(StoreTest, WritesDocumentsSentencesAndEvents) {
  std::vector<Document> docs = WriteSynthetic(0, 20);
  auto counts = store_->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->documents, 20);
  EXPECT_EQ(counts->sentences, 80);
  EXPECT_EQ(counts->events, 80);
  EXPECT_EQ(counts->rejected, 0);
  auto version = store_->SchemaVersion();
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(*version, kStoreSchemaVersion);

  // Every field comes back as written, with its sentence.
  EventFilter f;
  f.doc_id = docs[3].id;
  std::vector<EventRecord> got = Query(f);
  ASSERT_EQ(got.size(), docs[3].events.size());
  std::sort(got.begin(), got.end(),
            [](auto& a, auto& b) { return a.index < b.index; });
  for (size_t i = 0; i < got.size(); ++i) {
    const Event& want = docs[3].events[i];
    const Event& e = got[i].event;
    EXPECT_EQ(e.source, want.source);
    EXPECT_EQ(e.target, want.target);
    EXPECT_EQ(e.cameo, want.cameo);
    EXPECT_EQ(e.quad, want.quad);
    EXPECT_DOUBLE_EQ(e.goldstein, want.goldstein);
    EXPECT_EQ(e.date, want.date);
    EXPECT_EQ(e.negated, want.negated);
    EXPECT_EQ(e.attribution, want.attribution);
    EXPECT_EQ(e.modality, want.modality);
    EXPECT_EQ(e.speaker, want.speaker);
    EXPECT_EQ(got[i].sentence_text,
              docs[3].SpanText(docs[3].sentences[want.sentence].span));
    EXPECT_EQ(got[i].doc_url, docs[3].url);
  }
}

TEST_P(StoreTest, RewritingADocumentReplacesItsRows) {
  WriteSynthetic(0, 5);
  Document changed = store::SyntheticDocument(2);
  changed.events.resize(1);
  changed.events[0].source = "ZZZ";
  WriteBatch batch;
  batch.documents.push_back(changed);
  batch.documents.push_back(changed);  // twice in one batch: still one copy
  ASSERT_TRUE(store_->Write(batch).ok());
  auto counts = store_->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->documents, 5);
  EXPECT_EQ(counts->events, 4 * 4 + 1);
  EventFilter f;
  f.doc_id = changed.id;
  std::vector<EventRecord> got = Query(f);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].event.source, "ZZZ");
  // The summary table followed the replacement.
  auto fast = store_->Count({}, GroupBy::kDyad, Period::kMonth);
  auto slow = store_->CountFromEvents({}, GroupBy::kDyad, Period::kMonth);
  ASSERT_TRUE(fast.ok() && slow.ok());
  ASSERT_EQ(fast->size(), slow->size());
  for (size_t i = 0; i < fast->size(); ++i) {
    EXPECT_EQ((*fast)[i].events, (*slow)[i].events);
    EXPECT_EQ((*fast)[i].source, (*slow)[i].source);
  }
}

TEST_P(StoreTest, RejectionsAreRecordedAndClearedByASuccess) {
  WriteBatch batch;
  batch.rejections.push_back(
      {"doc-x", "in.jsonl", 120, ErrorCode::kInvalidUtf8, "bad byte"});
  batch.rejections.push_back(
      {"", "in.jsonl", 400, ErrorCode::kParseError, "malformed JSON"});
  ASSERT_TRUE(store_->Write(batch).ok());
  ASSERT_TRUE(store_->Write(batch).ok());  // again: no duplicates
  auto rejected = store_->Rejections();
  ASSERT_TRUE(rejected.ok());
  ASSERT_EQ(rejected->size(), 2u);
  EXPECT_EQ((*rejected)[1].doc_id, "doc-x");
  EXPECT_EQ((*rejected)[1].reason, "bad byte");
  EXPECT_EQ((*rejected)[1].code, ErrorCode::kInvalidUtf8);

  Document ok = store::SyntheticDocument(1);
  ok.id = "doc-x";
  WriteBatch fixed;
  fixed.documents.push_back(ok);
  ASSERT_TRUE(store_->Write(fixed).ok());
  rejected = store_->Rejections();
  ASSERT_TRUE(rejected.ok());
  EXPECT_EQ(rejected->size(), 1u);
}

TEST_P(StoreTest, EveryFilterMatchesTheReference) {
  std::vector<Document> docs = WriteSynthetic(0, 120);
  std::vector<EventFilter> filters(18);
  filters[16].modality = {"alleged", "negated"};
  filters[17].modality = {"future"};
  filters[17].source = "TUR";
  filters[1].source = "TUR";
  filters[2].source = "TURGOV";
  filters[3].target = "IGO";
  filters[4].cameo = "057";
  filters[5].root = "19";
  filters[6].quad = 3;
  filters[7].plover = "ACCUSE";
  filters[8].text = "TREATY";
  filters[9].from = "2019-03";
  filters[9].to = "2019-06";
  filters[10].from = "2018-02-10";
  filters[10].to = "2018-05-01";
  filters[11].to = "2018";
  filters[12].source = "CHN";
  filters[12].quad = 2;
  filters[12].from = "2019";
  filters[13].doc_id = docs[7].id;
  filters[14].text = "day of the";
  filters[14].target = "USA";
  filters[15].source = "T";
  for (size_t i = 0; i < filters.size(); ++i) {
    SCOPED_TRACE("filter " + std::to_string(i));
    std::set<Key> want = Reference(filters[i], docs);
    EXPECT_EQ(QueryKeys(filters[i]), want);
    // Aggregates count the same events.
    auto counts = store_->Count(filters[i], GroupBy::kDyad, Period::kAll);
    ASSERT_TRUE(counts.ok()) << counts.status().ToString();
    int64_t total = 0;
    for (const GroupCount& g : *counts) total += g.events;
    EXPECT_EQ(total, static_cast<int64_t>(want.size()));
  }
  EXPECT_FALSE(Reference(filters[4], docs).empty());
  EXPECT_FALSE(Reference(filters[9], docs).empty());
}

TEST_P(StoreTest, SummaryTableAgreesWithTheEventsTable) {
  WriteSynthetic(0, 150);
  WriteSynthetic(100, 20);  // replacements
  for (Period p : {Period::kAll, Period::kMonth, Period::kYear}) {
    for (const char* source : {"", "TUR", "CHNGOV"}) {
      EventFilter f;
      f.source = source;
      auto fast = store_->Count(f, GroupBy::kDyad, p);
      auto slow = store_->CountFromEvents(f, GroupBy::kDyad, p);
      ASSERT_TRUE(fast.ok() && slow.ok());
      ASSERT_EQ(fast->size(), slow->size());
      for (size_t i = 0; i < fast->size(); ++i) {
        EXPECT_EQ((*fast)[i].period, (*slow)[i].period);
        EXPECT_EQ((*fast)[i].source, (*slow)[i].source);
        EXPECT_EQ((*fast)[i].target, (*slow)[i].target);
        EXPECT_EQ((*fast)[i].events, (*slow)[i].events);
        EXPECT_DOUBLE_EQ((*fast)[i].mean_goldstein, (*slow)[i].mean_goldstein);
      }
    }
  }
}

TEST_P(StoreTest, CountsPerPeriodAndRoot) {
  Document d = store::SyntheticDocument(0);
  d.id = "a";
  d.events.resize(2);
  d.events[0].date = "2020-12-30";  // a Wednesday
  d.events[0].goldstein = 8.0;
  d.events[1].date = "2021-01-03";  // Sunday of the same ISO week
  d.events[1].goldstein = 1.0;
  for (Event& e : d.events) {
    e.source = "TUR";
    e.target = "CHN";
    e.root = "05";
  }
  WriteBatch b;
  b.documents.push_back(d);
  ASSERT_TRUE(store_->Write(b).ok());
  auto week = store_->Count({}, GroupBy::kDyad, Period::kWeek);
  ASSERT_TRUE(week.ok());
  ASSERT_EQ(week->size(), 1u);
  EXPECT_EQ((*week)[0].period, "2020-12-28");
  EXPECT_EQ((*week)[0].events, 2);
  EXPECT_DOUBLE_EQ((*week)[0].mean_goldstein, 4.5);
  auto month = store_->Count({}, GroupBy::kDyad, Period::kMonth);
  ASSERT_TRUE(month.ok());
  ASSERT_EQ(month->size(), 2u);
  EXPECT_EQ((*month)[0].period, "2020-12");
  EXPECT_EQ((*month)[1].period, "2021-01");
  auto roots = store_->Count({}, GroupBy::kRoot, Period::kAll);
  ASSERT_TRUE(roots.ok());
  ASSERT_EQ(roots->size(), 1u);
  EXPECT_EQ((*roots)[0].root, "05");
  EXPECT_EQ((*roots)[0].events, 2);
}

TEST_P(StoreTest, MentionsAndOneADay) {
  // Three reports of one event, in three documents; one other event.
  WriteBatch b;
  for (const char* id : {"r1", "r2", "r3"}) {
    Document d = store::SyntheticDocument(5);
    d.id = id;
    d.events.resize(1);
    d.events[0].date = "2020-06-26";
    d.events[0].source = "CHNLEG";
    d.events[0].target = "TUR";
    d.events[0].cameo = "057";
    b.documents.push_back(d);
  }
  b.documents[2].events.push_back(b.documents[2].events[0]);
  b.documents[2].events[1].cameo = "036";
  ASSERT_TRUE(store_->Write(b).ok());
  std::vector<EventRecord> all = Query({});
  ASSERT_EQ(all.size(), 4u);
  for (const EventRecord& r : all) {
    EXPECT_EQ(r.mentions, r.event.cameo == "057" ? 3 : 1);
  }
  EventFilter f;
  f.one_a_day = true;
  std::vector<EventRecord> dedup = Query(f);
  ASSERT_EQ(dedup.size(), 2u);
  EXPECT_EQ(dedup[0].doc_id, "r1");
  EXPECT_EQ(dedup[0].mentions, 3);
  auto counts = store_->Count(f, GroupBy::kDyad, Period::kDay);
  ASSERT_TRUE(counts.ok());
  ASSERT_EQ(counts->size(), 1u);
  EXPECT_EQ((*counts)[0].events, 2);
}

TEST_P(StoreTest, HostileFilterValuesAreOnlyData) {
  std::vector<Document> docs = WriteSynthetic(0, 10);
  // A document whose id and text are themselves hostile.
  Document odd = store::SyntheticDocument(99);
  odd.id = "x'); DROP TABLE events; --";
  odd.text = "It's \"100%\" o_k; DROP TABLE documents; -- ? $1 \\ '" +
             odd.text.substr(0, 0);
  odd.sentences.resize(1);
  odd.sentences[0].span = {0, static_cast<uint32_t>(odd.text.size())};
  odd.events.resize(1);
  odd.events[0].sentence = 0;
  odd.events[0].source = "O'BRIEN";
  WriteBatch b;
  b.documents.push_back(odd);
  ASSERT_TRUE(store_->Write(b).ok());
  docs.push_back(odd);

  const std::vector<std::string> hostile = {"'",
                                            "\"",
                                            "%",
                                            "_",
                                            "\\",
                                            "!",
                                            "?",
                                            "$1",
                                            "' OR '1'='1",
                                            "'; DROP TABLE events; --",
                                            "\") OR 1=1 --",
                                            "x'); DROP TABLE events; --",
                                            "O'BRIEN",
                                            "O'",
                                            "100%",
                                            "o_k",
                                            "It's",
                                            "%' OR ''='"};
  for (const std::string& h : hostile) {
    for (int field = 0; field < 7; ++field) {
      EventFilter f;
      std::string* slot[] = {&f.source, &f.target, &f.cameo, &f.root,
                             &f.plover, &f.text,   &f.doc_id};
      *slot[field] = h;
      SCOPED_TRACE("value [" + h + "] in field " + std::to_string(field));
      EXPECT_EQ(QueryKeys(f), Reference(f, docs));
      f.one_a_day = true;
      EXPECT_EQ(QueryKeys(f), Reference(f, docs));
      auto c = store_->Count(f, GroupBy::kDyad, Period::kMonth);
      EXPECT_TRUE(c.ok()) << c.status().ToString();
    }
    EventFilter dates;
    dates.from = h;
    auto r =
        store_->QueryEvents(dates, [](const EventRecord&) { return true; });
    EXPECT_EQ(r.code(), ErrorCode::kInvalidArgument);
  }
  // The hostile document is found by its own values, and nothing was lost.
  EventFilter f;
  f.doc_id = odd.id;
  f.source = "O'B";
  f.text = "\"100%\" o_k";
  EXPECT_EQ(QueryKeys(f).size(), 1u);
  auto counts = store_->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->documents, 11);
  EXPECT_EQ(counts->events, 41);
}

TEST_P(StoreTest, NewerSchemaIsRefused) {
  store_.reset();
  // Simulate a store written by a later curlew, with plain SQL.
  if (GetParam() == "sqlite") {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(location_.c_str(), &db), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db, "UPDATE schema_version SET version = 99",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  } else {
    ASSERT_TRUE(pg_->RunInDatabase("UPDATE schema_version SET version = 99"));
  }
  for (bool read_only : {false, true}) {
    StoreOptions o;
    o.read_only = read_only;
    auto s = Store::Open(location_, o);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.status().code(), ErrorCode::kUnsupported);
    EXPECT_NE(s.status().message().find("newer"), std::string::npos)
        << s.status().ToString();
  }
}

// A store of schema version 4 (before agreements had the multilateral
// column) opens for writing, is migrated, and keeps the flag from then on;
// read-only, it asks to be opened for writing once.
TEST_P(StoreTest, Version4StoreIsMigrated) {
  store_.reset();
  const char* kOld =
      "ALTER TABLE agreements DROP COLUMN multilateral; "
      "UPDATE schema_version SET version = 4";
  if (GetParam() == "sqlite") {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(location_.c_str(), &db), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db, kOld, nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  } else {
    ASSERT_TRUE(pg_->RunInDatabase(kOld));
  }
  StoreOptions read_only;
  read_only.read_only = true;
  auto old = Store::Open(location_, read_only);
  ASSERT_FALSE(old.ok());
  EXPECT_NE(old.status().message().find("needs migrating"), std::string::npos)
      << old.status().ToString();

  auto s = Store::Open(location_, {});
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  auto version = (*s)->SchemaVersion();
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(*version, kStoreSchemaVersion);
  LedgerInput in;
  in.doc_id = "d";
  in.doc_date = "2021-12-18";
  AgreementMention m;
  m.name = "Open Skies Treaty";
  m.parties = {"RUS", "USA"};
  m.has_step = true;
  m.step = StepKind::kWithdrawn;
  m.actor = "RUS";
  m.date = "2021-12-18";
  m.multilateral = true;
  m.source = SourceRef{"d", 0, "Russia's withdrawal took effect."};
  in.agreements.push_back(m);
  Ledger ledger;
  ledger.Add(in);
  ledger.Build();
  ASSERT_TRUE((*s)->WriteLedger(ledger).ok());
  auto agreements = (*s)->ReadAgreements();
  ASSERT_TRUE(agreements.ok()) << agreements.status().ToString();
  ASSERT_EQ(agreements->size(), 1u);
  EXPECT_TRUE((*agreements)[0].multilateral);
  EXPECT_TRUE(StatusAsOf((*agreements)[0], "").withdrawn_by ==
              std::vector<std::string>{"RUS"});
  EXPECT_NE(StatusAsOf((*agreements)[0], "").state, AgreementState::kEnded);
}

std::string BackendName(const ::testing::TestParamInfo<std::string>& info) {
  return info.param;
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest,
                         ::testing::Values("sqlite", "postgresql"),
                         BackendName);

}  // namespace
}  // namespace curlew
