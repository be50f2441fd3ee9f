// The reference case (../shared/examples/README.md): the events a careful
// human coder gets from the seed article, coded with the built-in knowledge
// base. Skipped when ../shared is absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "curlew/engine.h"
#include "eval/event_eval.h"

namespace curlew {
namespace {

struct Expected {
  int number;                     // row of the README table
  std::set<std::string> sources;  // ScoreKey of an acceptable source
  std::set<std::string> targets;
  std::set<std::string> roots;
  std::string date;  // "" : any
  std::string word;  // a word of the sentence it comes from
};

class SeedArticleTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string path =
        std::string(CURLEW_SHARED_DIR) + "/examples/seed-article.jsonl";
    std::ifstream in(path);
    std::string line;
    if (!in || !std::getline(in, line)) return;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) return;
    doc_ = new Document;
    doc_->id = j.value("id", "seed");
    doc_->date = j.value("date", "");
    doc_->text = j.value("text", "");
    auto engine = Engine::Create({});
    if (!engine.ok()) {
      status_ = engine.status().ToString();
      return;
    }
    Status s = (*engine)->Process(*doc_);
    if (!s.ok()) status_ = s.ToString();
  }
  static void TearDownTestSuite() {
    delete doc_;
    doc_ = nullptr;
  }
  void SetUp() override {
    if (!doc_) {
      GTEST_SKIP() << "seed article not found under " << CURLEW_SHARED_DIR
                   << "/examples";
    }
    ASSERT_TRUE(status_.empty()) << status_;
  }
  static std::string Sentence(const Event& e) {
    return doc_->text.substr(e.span_begin, e.span_end - e.span_begin);
  }
  static std::string Describe(const Event& e) {
    return events::ScoreKey(e.source) + "->" + events::ScoreKey(e.target) +
           " " + e.cameo + " " + e.date + " | " + Sentence(e);
  }
  static Document* doc_;
  static std::string status_;
};
Document* SeedArticleTest::doc_ = nullptr;
std::string SeedArticleTest::status_;

TEST_F(SeedArticleTest, ReadmeEventsComeOutWithDyadRootAndDate) {
  const std::vector<Expected> expected = {
      {1, {"CHN"}, {"TUR"}, {"05"}, "", "ratified"},
      {2, {"TUR"}, {"UIG", "CHN"}, {"03"}, "2020-12-30", "pledged"},
      {3, {"TUR"}, {"CHN"}, {"05"}, "2017", "signed"},
      {3, {"CHN"}, {"TUR"}, {"05"}, "2017", "signed"},
      {4, {"CHN"}, {"TUR"}, {"05"}, "2020-06-26", "Standing Committee"},
      {6, {"NGOUIG"}, {"TUR"}, {"02", "10"}, "2020-12-27", "call on"},
      {7, {"NGOUIG"}, {"CHN"}, {"10", "11"}, "2020-12-27", "demand"},
      {8, {"IGOUNO"}, {"CHN"}, {"11"}, "", "UN experts"},
  };
  std::string all;
  for (const Event& e : doc_->events) all += "  " + Describe(e) + "\n";
  for (const Expected& x : expected) {
    bool found = false;
    for (const Event& e : doc_->events) {
      if (x.sources.count(events::ScoreKey(e.source)) &&
          x.targets.count(events::ScoreKey(e.target)) &&
          x.roots.count(e.root) && (x.date.empty() || e.date == x.date) &&
          Sentence(e).find(x.word) != std::string::npos)
        found = true;
    }
    EXPECT_TRUE(found) << "README event " << x.number << " (" << x.word
                       << ") not coded; events:\n"
                       << all;
  }
}

TEST_F(SeedArticleTest, NoEventClaimsAWrongDyad) {
  // The dyads the article supports: the README's events and claims (China
  // detaining Uighurs and other Muslims; the World Uighur Congress speaking
  // about Uighurs; Turkey returning or not returning Uighurs).
  const std::set<std::pair<std::string, std::string>> allowed = {
      {"CHN", "TUR"},    {"TUR", "CHN"},    {"TUR", "UIG"},
      {"TUR", "TUR"},    {"CHN", "UIG"},    {"CHN", "MOS"},
      {"NGOUIG", "TUR"}, {"NGOUIG", "CHN"}, {"NGOUIG", "UIG"},
      {"IGOUNO", "CHN"}, {"CHN", ""},
  };
  for (const Event& e : doc_->events) {
    EXPECT_TRUE(
        allowed.count({events::ScoreKey(e.source), events::ScoreKey(e.target)}))
        << "wrong dyad: " << Describe(e);
  }
}

}  // namespace
}  // namespace curlew
