// build/curlew query / export / summary on a store written through the API:
// the options reach the filter, the outputs have the rows the API returns.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "curlew/ledger.h"
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
    Curlew(std::string("export --format ") + format +
               " --modality asserted,negated,hypothetical,future,alleged"
               " --out '" +
               file + "'",
           &rc);
    EXPECT_EQ(rc, 0);
    std::ifstream in(file);
    std::string all((std::istreambuf_iterator<char>(in)), {});
    // Only CSV has a header line; the event-data formats have none.
    const bool header = std::string(format) == "csv";
    EXPECT_EQ(Lines(all), 160u + (header ? 1 : 0));
  }
  // GDELT and Phoenix exports hold asserted events only unless asked.
  for (const char* format : {"phoenix", "gdelt"}) {
    SCOPED_TRACE(format);
    int rc = -1;
    std::string facts = Curlew(std::string("export --format ") + format, &rc);
    std::string asserted =
        Curlew("export --format jsonl --modality asserted", &rc);
    EXPECT_EQ(Lines(facts), Lines(asserted));
    EXPECT_LT(Lines(facts), 160u);
  }
  int rc = -1;
  Curlew("export --format gdelt --out /nonexistent-dir/x.csv", &rc);
  EXPECT_EQ(rc, 1);
  // No stray temporary files beside the outputs.
  for (const auto& e : std::filesystem::directory_iterator(dir_.path())) {
    EXPECT_EQ(e.path().string().find(".tmp-"), std::string::npos) << e.path();
  }
}

// Every command that writes to stdout fails with exit status 1 and a line
// naming the error when the output cannot be written (found by trying
// curlew as a user: `export` to /dev/full said "90850 events to /dev/full"
// and exited 0).
TEST_F(CliTest, AWriteErrorExitsOne) {
  if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  const std::string store = " --store '" + path_ + "'";
  for (const std::string args :
       {"query --format jsonl", "query --count-by dyad", "summary",
        "export --format gdelt", "export --format csv --out /dev/full"}) {
    SCOPED_TRACE(args);
    int rc = -1;
    const std::string err = RunShell(
        std::string(CURLEW_BINARY) + " " + args + store + " 2>&1 >/dev/full",
        &rc);
    EXPECT_EQ(rc, 1) << err;
    EXPECT_NE(err.find("No space left on device"), std::string::npos) << err;
    EXPECT_TRUE(
        err.starts_with("curlew " + args.substr(0, args.find(' ')) + ": "))
        << err;
  }
}

TEST_F(CliTest, ActorCodesInAnyCase) {
  int rc = -1;
  const std::string upper = Curlew("query --source TUR --format jsonl", &rc);
  ASSERT_EQ(rc, 0);
  EXPECT_GT(Lines(upper), 0u);
  EXPECT_EQ(Curlew("query --source tur --format jsonl", &rc), upper);
  EXPECT_EQ(Curlew("query --source Tur --format json", &rc), upper);
}

TEST_F(CliTest, NumbersAndDatesAreRangeChecked) {
  for (const char* args :
       {"query --limit -1", "query --limit 0", "query --quad 7",
        "query --quad -2", "summary --top 0", "summary --top -5",
        "query --to 2020-99", "agreements --as-of x",
        "agreements --as-of 2020-99", "agreements --as-of 2021-02-29",
        "agreement 0", "query --format xml", "agreements --format csv"}) {
    int rc = -1;
    Curlew(args, &rc);
    EXPECT_EQ(rc, 2) << args;
  }
  int rc = -1;
  Curlew("agreements --as-of 2020-02-29 --format json", &rc);
  EXPECT_EQ(rc, 0);
}

// One step of an agreement, as the extractor would report it.
AgreementMention StepOf(std::vector<std::string> parties, StepKind step,
                        std::string actor, std::string date, std::string doc) {
  AgreementMention m;
  m.kind = "trade";
  m.parties = std::move(parties);
  m.has_step = true;
  m.step = step;
  m.actor = std::move(actor);
  m.date = std::move(date);
  m.source = SourceRef{doc, 0, "a sentence"};
  return m;
}

TEST_F(CliTest, AgreementsByStatus) {
  // KEN-UGA: signed, ratified by both (in force); FRA-DEU: signed only
  // (pending); BRA-ARG: in force, then suspended by BRA; CHL-PER: signed,
  // then PER withdrew (a bilateral agreement ends).
  WriteBatch b;
  auto doc = [&](std::string id, std::vector<AgreementMention> steps) {
    LedgerInput in;
    in.doc_id = std::move(id);
    in.doc_date = "2021-06-01";
    in.agreements = std::move(steps);
    b.ledger.push_back(std::move(in));
  };
  doc("k", {StepOf({"KEN", "UGA"}, StepKind::kSigned, "", "2021-01-09", "k"),
            StepOf({"KEN"}, StepKind::kRatified, "KENLEG", "2021-02-01", "k"),
            StepOf({"UGA"}, StepKind::kRatified, "UGALEG", "2021-03-01", "k")});
  doc("f", {StepOf({"FRA", "DEU"}, StepKind::kSigned, "", "2021-04-30", "f")});
  doc("b", {StepOf({"ARG", "BRA"}, StepKind::kEnteredIntoForce, "",
                   "2020-01-01", "b"),
            StepOf({"BRA"}, StepKind::kSuspended, "BRA", "2021-05-01", "b")});
  doc("c", {StepOf({"CHL", "PER"}, StepKind::kSigned, "", "2019-01-01", "c"),
            StepOf({"PER"}, StepKind::kWithdrawn, "PER", "2021-05-01", "c")});
  ASSERT_TRUE(store_->Write(b).ok());

  auto parties = [&](const std::string& status, const std::string& as_of) {
    int rc = -1;
    std::string out = Curlew("agreements --format jsonl --status " + status +
                                 (as_of.empty() ? "" : " --as-of " + as_of),
                             &rc);
    EXPECT_EQ(rc, 0) << status;
    std::string found;
    for (const char* p : {"KEN", "FRA", "BRA", "CHL"})
      if (out.find(std::string("\"") + p + "\"") != std::string::npos)
        found += std::string(found.empty() ? "" : " ") + p;
    EXPECT_EQ(
        Lines(out),
        found.empty() ? 0u : 1u + std::count(found.begin(), found.end(), ' '));
    return found;
  };
  EXPECT_EQ(parties("in-force", ""), "KEN");
  EXPECT_EQ(parties("pending", ""), "FRA");
  EXPECT_EQ(parties("suspended", ""), "BRA");
  EXPECT_EQ(parties("ended", ""), "CHL");
  // As of an earlier date: BRA-ARG was in force, CHL-PER only signed.
  EXPECT_EQ(parties("in-force", "2021-01-01"), "BRA");
  EXPECT_EQ(parties("pending", "2021-01-01"), "CHL");
  int rc = -1;
  Curlew("agreements --status signed", &rc);
  EXPECT_EQ(rc, 2);
}

}  // namespace
}  // namespace curlew
