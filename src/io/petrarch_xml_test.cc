#include "io/petrarch_xml.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

namespace curlew {
namespace {

const char kFile[] = R"(<Validation>
<!-- a comment with <Sentence inside -->
<Environment>
  <Verbfile>my.verbs.txt</Verbfile>
  <Actorfile>my.actors.txt</Actorfile>
  <Agentfile>my.agents.txt</Agentfile>
  <Discardfile>my.discards.txt</Discardfile>
  <Config option="require_dyad" value="True"></Config>
</Environment>
<Sentences>
<Sentence date="20210314" id="T-01" category="DEMO" sentence="true">
<EventCoding sourcecode="VEL" targetcode="KEL" eventcode="042"></EventCoding>
<EventCoding sourcecode='"LOOSE NAME"' targetcode="KEL" eventcode="043"></EventCoding>
<Config option="new_actor_length" value="3"></Config>
<Text>
Vell   visited
Kell &amp; friends.
</Text>
<Parse>(ROOT (S (NP (NNP Vell)) (VP (VBD visited) (NP (NNP Kell))) (. .)))</Parse>
</Sentence>
<Sentence date = "20210315" id ="T-02" category="ERROR" sentence="false">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing.</Text>
<Sentence date="20210316" id="T-03" category="ERROR" sentence="true">
<EventCoding error="storydiscard"></EventCoding>
<Text>Broken attr.</Text>
</Sentence>
<Sentence date="20210317" id="T-04" category="DEMO" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>Fine again.</Text>
</Sentence>
</Sentences>
</Validation>
)";

TEST(PetrarchXmlTest, ReadsRecordsEnvironmentAndRecovers) {
  PetrarchXmlReader reader("mem.xml",
                           std::make_unique<std::istringstream>(kFile));
  Result<PetrarchRecord> r = Status();
  ASSERT_TRUE(reader.Next(&r));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(reader.environment().verbfile, "my.verbs.txt");
  ASSERT_EQ(reader.environment().actorfiles.size(), 1u);
  EXPECT_EQ(reader.environment().config.size(), 1u);
  EXPECT_EQ(r->id, "T-01");
  EXPECT_EQ(r->date, "2021-03-14");
  EXPECT_EQ(r->text, "Vell visited Kell & friends.");
  ASSERT_EQ(r->expected.size(), 2u);
  EXPECT_EQ(r->expected[0].source, "VEL");
  EXPECT_EQ(r->expected[1].source, "LOOSE NAME");
  EXPECT_EQ(r->expected[1].code, "043");
  ASSERT_EQ(r->config.size(), 1u);
  EXPECT_EQ(r->config[0].second, "3");
  Document doc = RecordToDocument(*r);
  EXPECT_EQ(doc.ptb_parse.substr(0, 5), "(ROOT");

  // T-02 runs into T-03: an error with a position, then reading goes on.
  ASSERT_TRUE(reader.Next(&r));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().where(), "mem.xml");
  EXPECT_EQ(r.status().position(),
            static_cast<int64_t>(std::string(kFile).find("<Sentence date = ")));
  ASSERT_TRUE(reader.Next(&r));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->id, "T-03");
  EXPECT_EQ(r->error, "storydiscard");
  ASSERT_TRUE(reader.Next(&r));
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->noevents);
  EXPECT_FALSE(reader.Next(&r));
}

TEST(PetrarchXmlTest, ConfigBetweenRecordsGoesWithTheNextRecord) {
  const char kXml[] =
      "<Sentences><Sentence id=\"a\"><Text>x</Text></Sentence>\n"
      "<Config option=\"require_dyad\" value=\"false\"></Config>\n"
      "<Sentence id=\"b\"><Config option=\"comma_max\" value=\"0\"/>"
      "<Text>y</Text></Sentence></Sentences>";
  PetrarchXmlReader reader("mem", std::make_unique<std::istringstream>(kXml));
  Result<PetrarchRecord> r = Status();
  ASSERT_TRUE(reader.Next(&r));
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->config.empty());
  ASSERT_TRUE(reader.Next(&r));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->config.size(), 2u);
  EXPECT_EQ(r->config[0].first, "require_dyad");
  EXPECT_EQ(r->config[1].first, "comma_max");
}

TEST(PetrarchXmlTest, MalformedAttribute) {
  auto r = ParsePetrarchRecord(
      "<Sentence id=\"x\" date=20200101><Text>a</Text></Sentence>", 100);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kParseError);
  EXPECT_GT(r.status().position(), 100);
}

TEST(PetrarchXmlTest, UnitTestFileHas284Records) {
  std::string path = std::string(CURLEW_SHARED_DIR) +
                     "/data/petrarch2/PETR.UnitTest.records.xml";
  if (!std::filesystem::exists(path))
    GTEST_SKIP() << "shared data not found at " << path;
  auto reader = PetrarchXmlReader::Open(path);
  ASSERT_TRUE(reader.ok());
  int n = 0, sentences = 0, bad = 0;
  Result<PetrarchRecord> r = Status();
  while ((*reader)->Next(&r)) {
    if (!r.ok()) {
      ++bad;
      continue;
    }
    ++n;
    if (r->is_sentence) ++sentences;
  }
  EXPECT_EQ(bad, 0);
  EXPECT_EQ(n, 284);
  EXPECT_EQ(sentences, 279);
  EXPECT_EQ((*reader)->environment().actorfiles.size(), 1u);
}

}  // namespace
}  // namespace curlew
