#include <gtest/gtest.h>

#include <filesystem>

#include "curlew/engine.h"

namespace curlew {
namespace {

// The engine codes a document with a given parse using a PETRARCH-format
// dictionary set, and fills the CAMEO-derived fields from data/cameo.
TEST(EngineCoderTest, CodesGivenParseWithPetrarchDictionaries) {
  std::string dir = std::string(CURLEW_SHARED_DIR) + "/data/petrarch2";
  if (!std::filesystem::exists(dir + "/PETR_config.ini"))
    GTEST_SKIP() << "shared data not found at " << dir;
  EngineOptions o;
  o.dicts_dir = dir;
  auto engine = Engine::Create(o);
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  EXPECT_NE((*engine)->pipeline().Describe().find("events"), std::string::npos);
  Document doc;
  doc.id = "e1";
  doc.date = "2008-08-01";
  doc.text = "Egypt condemned Israel.";
  doc.ptb_parse =
      "(ROOT (S (NP (NNP Egypt)) (VP (VBD condemned) (NP (NNP Israel))) (. "
      ".)))";
  ASSERT_TRUE((*engine)->Process(doc).ok());
  ASSERT_FALSE(doc.events.empty());
  const Event& e = doc.events[0];
  EXPECT_EQ(e.source, "EGY");
  EXPECT_EQ(e.target, "ISR");
  EXPECT_EQ(e.root, e.cameo.substr(0, 2));
  EXPECT_EQ(e.quad, 3);  // a verbal-conflict code
  EXPECT_LT(e.goldstein, 0.0);
  EXPECT_EQ(e.date, "2008-08-01");
}

TEST(EngineCoderTest, MissingDictionaryFolderIsAnError) {
  EngineOptions o;
  o.dicts_dir = "/nonexistent/dicts";
  auto engine = Engine::Create(o);
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace curlew
