// End to end: documents -> engine -> store -> ledger. The corpus in
// tests/data/ledger_corpus.jsonl is our own writing: 13 dated reports about
// three agreements (one enters into force, one is withdrawn from, one is
// ratified by one party only) and three commitments (one fulfilled, one
// contradicted, one open). The seed-article test reads ../shared. The
// agreement corpus (tests/data/agreements) is coded in shuffled order and
// its ledger scored against the gold (eval/ledger_eval.h); the floors are
// the figures measured when they were last raised, the targets are
// reported by `curlew eval-ledger tests/data/agreements`.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "curlew/engine.h"
#include "curlew/ledger.h"
#include "curlew/reader.h"
#include "curlew/store.h"
#include "eval/ledger_eval.h"
#include "ledger/ledger_json.h"
#include "store/ingest.h"
#include "store/test_util.h"
#include "testing/memory_env.h"

namespace curlew {
namespace {

// Documents from a list, in the order given, read back through the
// DocumentReader (as `curlew ingest` reads them) from a JSONL file kept in
// memory.
class ListSource {
 public:
  explicit ListSource(const std::vector<Document>& docs) {
    std::string jsonl;
    for (const Document& d : docs) {
      nlohmann::json j = {{"id", d.id},         {"date", d.date},
                          {"source", d.source}, {"url", d.url},
                          {"title", d.title},   {"text", d.text}};
      jsonl += j.dump() + "\n";
    }
    env_.AddFile("docs.jsonl", jsonl);
    ReaderOptions o;
    o.env = &env_;
    reader_ = std::make_unique<DocumentReader>(
        std::vector<std::string>{"docs.jsonl"}, o);
  }
  DocumentReader& reader() { return *reader_; }

 private:
  testing::MemoryEnv env_;
  std::unique_ptr<DocumentReader> reader_;
};

std::vector<Document> ReadAll(const std::string& path) {
  std::vector<Document> docs;
  DocumentReader reader({path});
  Result<Document> d = Status();
  while (reader.Next(&d)) {
    EXPECT_TRUE(d.ok()) << d.status().ToString();
    if (d.ok()) docs.push_back(*d);
  }
  return docs;
}

const Engine& TheEngine() {
  static const Engine* engine = [] {
    auto e = Engine::Create({});
    EXPECT_TRUE(e.ok()) << e.status().ToString();
    return e.ok() ? std::move(*e).release() : nullptr;
  }();
  return *engine;
}

// Ingests `docs` into a new SQLite store in `dir` and returns the ledger.
Ledger IngestAndLoad(const std::vector<Document>& docs, const std::string& db,
                     bool twice = false) {
  auto store = Store::Open(db, {});
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  const Engine& engine = TheEngine();
  store::IngestOptions options;
  options.batch_documents = 4;
  options.ledger = [&](const Document& d) { return engine.LedgerInputOf(d); };
  std::ostringstream log;
  for (int round = 0; round < (twice ? 2 : 1); ++round) {
    options.replace = round > 0;
    ListSource source(docs);
    auto r = store::Ingest(
        source.reader(), [&](Document& d) { return engine.Process(d); },
        **store, options, log);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
  }
  Ledger ledger;
  Status s = store::LoadLedger(**store, &ledger);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return ledger;
}

std::string Dump(const Ledger& ledger) {
  std::string out;
  for (const auto& a : ledger.agreements())
    out += AgreementToJson(a, "") + "\n";
  for (const auto& c : ledger.commitments()) out += CommitmentToJson(c) + "\n";
  return out;
}

const Agreement* WithParties(const Ledger& ledger,
                             std::vector<std::string> parties) {
  for (const auto& a : ledger.agreements())
    if (a.parties == parties) return &a;
  return nullptr;
}

const Commitment* By(const Ledger& ledger, const std::string& party) {
  for (const auto& c : ledger.commitments())
    if (c.what.actor.compare(0, 3, party) == 0) return &c;
  return nullptr;
}

std::string CorpusPath() {
  return std::string(CURLEW_SOURCE_DIR) + "/tests/data/ledger_corpus.jsonl";
}

TEST(LedgerCorpusTest, StatusOfEachAgreementAsOfSeveralDates) {
  store::testing::TempDir dir;
  Ledger ledger = IngestAndLoad(ReadAll(CorpusPath()), dir.File("c.db"));
  ASSERT_EQ(ledger.agreements().size(), 3u) << Dump(ledger);

  const Agreement* trade = WithParties(ledger, {"KEN", "UGA"});
  ASSERT_NE(trade, nullptr) << Dump(ledger);
  EXPECT_EQ(trade->kind, "trade");
  EXPECT_EQ(StatusAsOf(*trade, "2021-04-01").state, AgreementState::kSigned);
  AgreementStatus june = StatusAsOf(*trade, "2021-06-01");
  EXPECT_EQ(june.state, AgreementState::kPartiallyRatified);
  EXPECT_EQ(june.ratified_by, (std::vector<std::string>{"KEN"}));
  EXPECT_TRUE(StatusAsOf(*trade, "2021-09-01").in_force);
  bool entered = false;
  for (const auto& s : trade->steps)
    entered |= s.step == StepKind::kEnteredIntoForce && !s.negated &&
               s.source.doc_id == "ke-ug-4";
  EXPECT_TRUE(entered) << AgreementToJson(*trade, "");

  const Agreement* fish = WithParties(ledger, {"CHL", "PER"});
  ASSERT_NE(fish, nullptr) << Dump(ledger);
  EXPECT_EQ(StatusAsOf(*fish, "2022-03-01").state, AgreementState::kSigned);
  AgreementStatus after = StatusAsOf(*fish, "2023-05-01");
  EXPECT_EQ(after.state, AgreementState::kEnded);
  EXPECT_EQ(after.withdrawn_by, (std::vector<std::string>{"CHL"}));
  EXPECT_FALSE(after.in_force);

  const Agreement* border = WithParties(ledger, {"ETH", "SDN"});
  ASSERT_NE(border, nullptr) << Dump(ledger);
  AgreementStatus b = StatusAsOf(*border, "2022-06-01");
  EXPECT_EQ(b.state, AgreementState::kPartiallyRatified);
  EXPECT_EQ(b.ratified_by, (std::vector<std::string>{"SDN"}));
  EXPECT_EQ(b.not_ratified_by, (std::vector<std::string>{"ETH"}));
  EXPECT_FALSE(b.in_force);
  // Every step names the sentence it came from.
  for (const auto& a : ledger.agreements())
    for (const auto& s : a.steps) {
      EXPECT_FALSE(s.source.doc_id.empty());
      EXPECT_FALSE(s.source.text.empty());
    }
}

TEST(LedgerCorpusTest, CommitmentsLinkedToLaterEvents) {
  store::testing::TempDir dir;
  Ledger ledger = IngestAndLoad(ReadAll(CorpusPath()), dir.File("c.db"));
  ASSERT_EQ(ledger.commitments().size(), 3u) << Dump(ledger);

  const Commitment* relief = By(ledger, "JPN");
  ASSERT_NE(relief, nullptr) << Dump(ledger);
  EXPECT_FALSE(relief->what.negated);
  ASSERT_EQ(relief->links.size(), 1u) << CommitmentToJson(*relief);
  EXPECT_EQ(relief->links[0].kind, CommitmentLink::Kind::kFulfils);
  EXPECT_EQ(relief->links[0].doc_id, "jp-ph-2");

  const Commitment* deport = By(ledger, "GRC");
  ASSERT_NE(deport, nullptr) << Dump(ledger);
  EXPECT_TRUE(deport->what.negated);
  EXPECT_EQ(deport->what.form, "verbal");
  ASSERT_EQ(deport->links.size(), 1u) << CommitmentToJson(*deport);
  EXPECT_EQ(deport->links[0].kind, CommitmentLink::Kind::kContradicts);
  EXPECT_EQ(deport->links[0].doc_id, "gr-tr-2");

  const Commitment* release = By(ledger, "COL");
  ASSERT_NE(release, nullptr) << Dump(ledger);
  EXPECT_TRUE(release->links.empty()) << CommitmentToJson(*release);
}

TEST(LedgerCorpusTest, ShuffledOrderAndReingestChangeNothing) {
  std::vector<Document> docs = ReadAll(CorpusPath());
  store::testing::TempDir dir;
  std::string expected = Dump(IngestAndLoad(docs, dir.File("a.db")));
  std::mt19937 rng(2026);
  for (int round = 0; round < 2; ++round) {
    std::shuffle(docs.begin(), docs.end(), rng);
    std::string db = dir.File("s" + std::to_string(round) + ".db");
    EXPECT_EQ(Dump(IngestAndLoad(docs, db, /*twice=*/true)), expected);
  }
}

}  // namespace
}  // namespace curlew

namespace curlew {
namespace {

// The reference report (../shared/examples): the China-Turkey extradition
// treaty, signed in 2017, ratified by China, submitted to but not ratified
// by Turkey's parliament; and the foreign minister's conditional pledge.
TEST(LedgerSeedArticleTest, AgreementAndCommitmentTables) {
  std::string path =
      std::string(CURLEW_SHARED_DIR) + "/examples/seed-article.jsonl";
  if (!std::filesystem::exists(path))
    GTEST_SKIP() << "../shared/examples is absent: " << path;
  store::testing::TempDir dir;
  Ledger ledger = IngestAndLoad(ReadAll(path), dir.File("seed.db"));
  ASSERT_EQ(ledger.agreements().size(), 1u) << Dump(ledger);
  const Agreement& a = ledger.agreements()[0];
  EXPECT_EQ(a.parties, (std::vector<std::string>{"CHN", "TUR"}));
  EXPECT_EQ(a.kind, "extradition");
  EXPECT_NE(a.name.find("Treaty on Extradition between"), std::string::npos)
      << a.name;

  auto step = [&](StepKind kind, const std::string& party, bool negated) {
    for (const auto& s : a.steps)
      if (s.step == kind && s.negated == negated &&
          s.actor.compare(0, party.size(), party) == 0)
        return &s;
    return static_cast<const AgreementStep*>(nullptr);
  };
  const AgreementStep* sign = step(StepKind::kSigned, "", false);
  ASSERT_NE(sign, nullptr) << AgreementToJson(a, "");
  EXPECT_EQ(sign->date, "2017");
  EXPECT_NE(sign->source.text.find("signed"), std::string::npos);
  const AgreementStep* submit = step(StepKind::kSubmitted, "TUR", false);
  ASSERT_NE(submit, nullptr) << AgreementToJson(a, "");
  EXPECT_EQ(submit->date, "2020-04");
  const AgreementStep* china = step(StepKind::kRatified, "CHN", false);
  ASSERT_NE(china, nullptr) << AgreementToJson(a, "");
  EXPECT_EQ(china->date, "2020-06-26");
  EXPECT_NE(china->source.text.find("Standing Committee"), std::string::npos);
  const AgreementStep* turkey = step(StepKind::kRatified, "TUR", true);
  ASSERT_NE(turkey, nullptr) << AgreementToJson(a, "");
  EXPECT_EQ(turkey->date, "2020-12-31");
  EXPECT_NE(turkey->source.text.find("not yet ratified"), std::string::npos);

  AgreementStatus st = StatusAsOf(a, "2020-12-31");
  EXPECT_FALSE(st.in_force);
  EXPECT_EQ(st.ratified_by, (std::vector<std::string>{"CHN"}));
  EXPECT_EQ(st.not_ratified_by, (std::vector<std::string>{"TUR"}));
  EXPECT_EQ(StatusAsOf(a, "2018-01-01").state, AgreementState::kSigned);

  ASSERT_EQ(ledger.commitments().size(), 1u) << Dump(ledger);
  const CommitmentMention& c = ledger.commitments()[0].what;
  EXPECT_EQ(c.actor.substr(0, 3), "TUR");
  EXPECT_TRUE(c.negated);
  EXPECT_TRUE(c.action_lemma == "return" || c.action_lemma == "deport")
      << c.action_lemma;
  EXPECT_NE(c.action.find("Uighurs"), std::string::npos) << c.action;
  EXPECT_EQ(c.date, "2020-12-30");
  EXPECT_EQ(c.form, "verbal");
  EXPECT_EQ(c.condition, "this only applies to guilty people");
  EXPECT_NE(c.source.text.find("pledged not to return"), std::string::npos);
}

// Measured with `curlew eval-ledger tests/data/agreements` (seeds 1, 2, 3
// and 7 give the same figures): 129 / 35 / 0 (docs/ledger.md says what
// still fails). The target is 90% of each with no spurious
// agreement.
constexpr int kStatusFloor = 129;     // of 129
constexpr int kCommitmentFloor = 35;  // of 36
constexpr int kSpuriousCeiling = 0;

std::string AgreementsDir() {
  return std::string(CURLEW_SOURCE_DIR) + "/tests/data/agreements";
}

// The ledger of the corpus, its reports added in an order given by `seed`.
Ledger BuildShuffled(unsigned seed) {
  std::vector<Document> docs;
  DocumentReader reader({AgreementsDir() + "/reports.jsonl"});
  Result<Document> d = Status();
  while (reader.Next(&d)) {
    EXPECT_TRUE(d.ok()) << d.status().ToString();
    if (d.ok()) docs.push_back(std::move(*d));
  }
  EXPECT_EQ(docs.size(), 119u);
  std::mt19937 rng(seed);
  std::shuffle(docs.begin(), docs.end(), rng);
  Ledger ledger;
  for (Document& doc : docs) {
    Status s = TheEngine().Process(doc);
    EXPECT_TRUE(s.ok()) << doc.id << ": " << s.ToString();
    ledger.Add(TheEngine().LedgerInputOf(doc));
  }
  ledger.Build();
  return ledger;
}

std::string Failures(const eval::LedgerScores& s) {
  std::string out;
  for (const auto& f : s.failures) out += f + "\n";
  return out;
}

TEST(AgreementCorpusTest, FiguresDoNotFallAndOrderDoesNotMatter) {
  auto gold = eval::ReadLedgerGold(AgreementsDir() + "/expected.json");
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  eval::LedgerScores a = eval::ScoreLedger(BuildShuffled(1), *gold);
  eval::LedgerScores b = eval::ScoreLedger(BuildShuffled(7), *gold);
  EXPECT_EQ(a.ToJson().dump(), b.ToJson().dump());
  EXPECT_EQ(a.status_checks, 129);
  EXPECT_EQ(a.commitments, 36);
  // Floors: measured figures (see the commit that set them).
  EXPECT_GE(a.status_held, kStatusFloor) << Failures(a);
  EXPECT_GE(a.commitments_held, kCommitmentFloor) << Failures(a);
  EXPECT_LE(a.spurious_agreements, kSpuriousCeiling) << Failures(a);
}

}  // namespace
}  // namespace curlew

namespace curlew {
namespace {

// The tables' content without the ids, which an incremental update numbers
// differently from a full rebuild: one line per agreement and commitment,
// sorted.
std::string Tables(Store& store) {
  auto agreements = store.ReadAgreements();
  auto commitments = store.ReadCommitments();
  EXPECT_TRUE(agreements.ok()) << agreements.status().ToString();
  EXPECT_TRUE(commitments.ok()) << commitments.status().ToString();
  std::vector<std::string> lines;
  for (Agreement a : agreements.ok() ? *agreements : std::vector<Agreement>{}) {
    a.id = 0;
    lines.push_back(AgreementToJson(a, ""));
  }
  for (Commitment c :
       commitments.ok() ? *commitments : std::vector<Commitment>{}) {
    c.id = 0;
    lines.push_back(CommitmentToJson(c));
  }
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

// Both corpora coded once: documents and their ledger inputs.
const std::vector<std::pair<Document, LedgerInput>>& CodedCorpora() {
  static const auto* coded = [] {
    auto* out = new std::vector<std::pair<Document, LedgerInput>>;
    for (const std::string& path :
         {AgreementsDir() + "/reports.jsonl", CorpusPath()})
      for (Document& doc : ReadAll(path)) {
        Status s = TheEngine().Process(doc);
        EXPECT_TRUE(s.ok()) << doc.id << ": " << s.ToString();
        LedgerInput in = TheEngine().LedgerInputOf(doc);
        out->emplace_back(std::move(doc), std::move(in));
      }
    return out;
  }();
  return *coded;
}

// Documents written a few at a time in a random order, the ledger updated
// after each write, some documents rewritten without their agreements
// (their old keys must still reach what they touched): after every update
// the tables equal those of a full rebuild of the same documents.
TEST(IncrementalLedgerTest, UpdatesEqualFullRebuildInAnyOrder) {
  const auto& coded = CodedCorpora();
  ASSERT_EQ(coded.size(), 132u);
  for (unsigned seed : {3u, 11u}) {
    store::testing::TempDir dir;
    auto inc = Store::Open(dir.File("inc.db"), {});
    auto full = Store::Open(dir.File("full.db"), {});
    ASSERT_TRUE(inc.ok() && full.ok());
    std::vector<size_t> order(coded.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::mt19937 rng(seed);
    std::shuffle(order.begin(), order.end(), rng);
    int64_t partial = 0, rebuilt_docs = 0;
    for (size_t next = 0; next < order.size();) {
      WriteBatch batch;
      const size_t n = 1 + rng() % 4;
      for (; next < order.size() && batch.documents.size() < n; ++next) {
        batch.documents.push_back(coded[order[next]].first);
        batch.ledger.push_back(coded[order[next]].second);
      }
      // Now and then an earlier document comes again, coded as saying
      // nothing about agreements or pledges.
      if (next > 8 && rng() % 5 == 0) {
        const auto& [doc, in] = coded[order[rng() % (next - 4)]];
        LedgerInput empty = in;
        empty.agreements.clear();
        empty.commitments.clear();
        batch.documents.push_back(doc);
        batch.ledger.push_back(std::move(empty));
      }
      ASSERT_TRUE((*inc)->Write(batch).ok());
      ASSERT_TRUE((*full)->Write(batch).ok());
      store::UpdateLedgerStats stats;
      Status s = store::UpdateLedger(**inc, &stats);
      ASSERT_TRUE(s.ok()) << s.ToString();
      partial += stats.full ? 0 : 1;
      rebuilt_docs += stats.documents;
      ASSERT_TRUE(store::RebuildLedger(**full).ok());
      ASSERT_EQ(Tables(**inc), Tables(**full))
          << "seed " << seed << ", after " << next << " documents";
    }
    // The updates were partial, and rebuilt fewer documents than full
    // rebuilds would have.
    EXPECT_GT(partial, 10);
    EXPECT_LT(rebuilt_docs, static_cast<int64_t>(coded.size() * coded.size()));
    EXPECT_NE(Tables(**inc).find("\"steps\""), std::string::npos);
  }
}

}  // namespace
}  // namespace curlew
