#include "actors/actors_stage.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "actors/country_codes.h"
#include "testing/simple_doc.h"

namespace curlew {
namespace {

// A small fictional dictionary set, written for these tests.
std::shared_ptr<const Dictionaries> TestDicts() {
  static std::shared_ptr<const Dictionaries> dicts = [] {
    auto d = std::make_shared<Dictionaries>();
    EXPECT_TRUE(d->actors
                    .LoadText("VELLMARK_ [VLM]\n+VELLISH\nKESTRAND [KST]\n"
                              "OSSORY [OSY]\n",
                              "actors", d->words)
                    .ok());
    d->actors.Finish();
    EXPECT_TRUE(
        d->agents
            .LoadText("ENVOY [~GOV]\nMINISTER [~GOV]\n", "agents", d->words)
            .ok());
    d->agents.Finish();
    d->issues.Finish();
    return std::shared_ptr<const Dictionaries>(d);
  }();
  return dicts;
}

struct Word {
  const char* xpos;
  int head;  // 1-based within the sentence, 0 = root
  const char* rel;
};

// "Chilean Minister Rosa Vidal met Norway ." (also "Vellish Minister Aldo
// Brannoch met Ossory .")
const std::vector<Word> kTitledName = {
    {"JJ", 4, "amod"},   {"NNP", 4, "compound"}, {"NNP", 4, "compound"},
    {"NNP", 5, "nsubj"}, {"VBD", 0, "root"},     {"NNP", 5, "obj"},
    {".", 5, "punct"}};

// Gives sentence `s` of `doc` the tags and tree of `words`.
void Parse(Document& doc, uint32_t s, const std::vector<Word>& words) {
  const Sentence& sent = doc.sentences[s];
  ASSERT_EQ(sent.size(), words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    Token& t = doc.tokens[sent.token_begin + i];
    t.xpos = words[i].xpos;
    t.head = words[i].head;
    t.deprel = words[i].rel;
  }
}

// "CODE resolution" of the mentions headed by word `w` of sentence `s`.
std::vector<std::string> At(const Document& doc, uint32_t s,
                            std::string_view w) {
  const int32_t head = testing::WordIndex(doc, s, w);
  std::vector<std::string> out;
  for (const ActorMention& m : doc.actor_mentions)
    if (static_cast<int32_t>(m.head) == head)
      out.push_back(m.code + " " + ActorResolutionName(m.resolution));
  return out;
}

TEST(ActorsStageTest, ComposesAgentsAndDistributesCoordinations) {
  Document doc = testing::SimpleDoc("Vellish envoys and Kestrand met Ossory .");
  Parse(doc, 0,
        {{"JJ", 2, "amod"},
         {"NNS", 5, "nsubj"},
         {"CC", 4, "cc"},
         {"NNP", 2, "conj"},
         {"VBD", 0, "root"},
         {"NNP", 5, "obj"},
         {".", 5, "punct"}});
  ASSERT_TRUE(FindActors(*TestDicts(), {}, doc).ok());
  EXPECT_EQ(At(doc, 0, "envoys"),
            (std::vector<std::string>{"VLMGOV composed", "KST dictionary"}));
  EXPECT_EQ(At(doc, 0, "Kestrand"),
            (std::vector<std::string>{"KST dictionary"}));
  EXPECT_EQ(At(doc, 0, "met"), (std::vector<std::string>{}));
  // The mention's words and bytes: "Vellish envoys". ("Vellish" heads a
  // phrase of its own too, with its own mention.)
  EXPECT_EQ(At(doc, 0, "Vellish"),
            (std::vector<std::string>{"VLM dictionary"}));
  const ActorMention& m = doc.actor_mentions[1];
  ASSERT_EQ(m.head, 1u);
  EXPECT_EQ(m.token_begin, 0u);
  EXPECT_EQ(m.token_end, 2u);
  EXPECT_EQ(doc.SpanText(m.span), "Vellish envoys");
  EXPECT_FALSE(m.agent_only);
  // The dictionary matches, before composition.
  ASSERT_EQ(doc.actor_matches.size(), 4u);
  EXPECT_EQ(doc.actor_matches[1].code, "GOV");
  EXPECT_EQ(doc.actor_matches[1].kind, ActorEntryMatch::Kind::kAgent);
}

TEST(ActorsStageTest, AgentAloneIsAgentOnly) {
  Document doc = testing::SimpleDoc("The envoy met Ossory .");
  Parse(doc, 0,
        {{"DT", 2, "det"},
         {"NN", 3, "nsubj"},
         {"VBD", 0, "root"},
         {"NNP", 3, "obj"},
         {".", 3, "punct"}});
  ASSERT_TRUE(FindActors(*TestDicts(), {}, doc).ok());
  EXPECT_EQ(At(doc, 0, "envoy"),
            (std::vector<std::string>{"---GOV dictionary"}));
  EXPECT_TRUE(doc.actor_mentions[0].agent_only);
}

// Across sentences (news conventions): a name seen beside an actor and a
// role, the same name spelled slightly differently, a pronoun for the
// previous sentence's subject, and an apposition.
TEST(ActorsStageTest, ResolvesNamesPronounsAndAppositionsInTheDocument) {
  Document doc = testing::SimpleDoc(
      "Vellish Minister Aldo Brannoch met Ossory .\n"
      "Brannoch met Kestrand .\n"
      "Brannoh met Kestrand .\n"
      "He met Ossory .\n"
      "Tomas Quill , an envoy of Kestrand , met Ossory .");
  Parse(doc, 0, kTitledName);
  const std::vector<Word> svo = {{"NNP", 2, "nsubj"},
                                 {"VBD", 0, "root"},
                                 {"NNP", 2, "obj"},
                                 {".", 2, "punct"}};
  Parse(doc, 1, svo);
  Parse(doc, 2, svo);
  std::vector<Word> he = svo;
  he[0].xpos = "PRP";
  Parse(doc, 3, he);
  Parse(doc, 4,
        {{"NNP", 2, "compound"},
         {"NNP", 10, "nsubj"},
         {",", 5, "punct"},
         {"DT", 5, "det"},
         {"NN", 2, "appos"},
         {"IN", 7, "case"},
         {"NNP", 5, "nmod"},
         {",", 5, "punct"},
         {"VBD", 0, "root"},
         {"NNP", 9, "obj"},
         {".", 9, "punct"}});
  ActorOptions o;
  o.news_conventions = true;
  o.commas.max = 0;  // the apposition is not read as a comma aside
  ASSERT_TRUE(FindActors(*TestDicts(), o, doc).ok());
  EXPECT_EQ(At(doc, 0, "Brannoch"),
            (std::vector<std::string>{"VLMGOV composed"}));
  EXPECT_EQ(At(doc, 1, "Brannoch"),
            (std::vector<std::string>{"VLMGOV memory"}));
  EXPECT_EQ(At(doc, 2, "Brannoh"), (std::vector<std::string>{"VLMGOV alias"}));
  // "He": the actor the previous sentence was about.
  EXPECT_EQ(At(doc, 3, "He"), (std::vector<std::string>{"VLMGOV coreference"}));
  EXPECT_EQ(At(doc, 4, "Quill"),
            (std::vector<std::string>{"KSTGOV apposition"}));
}

TEST(ActorsStageTest, WordsInCommaAsidesNameNoActor) {
  // "Kestrand , the old foe of Ossory , met Vellmark ." : the aside is left
  // out (PETRARCH's comma rules), so "Ossory" is no match.
  Document doc =
      testing::SimpleDoc("Kestrand , the old foe of Ossory , met Vellmark .");
  Parse(doc, 0,
        {{"NNP", 9, "nsubj"},
         {",", 5, "punct"},
         {"DT", 5, "det"},
         {"JJ", 5, "amod"},
         {"NN", 1, "appos"},
         {"IN", 7, "case"},
         {"NNP", 5, "nmod"},
         {",", 5, "punct"},
         {"VBD", 0, "root"},
         {"NNP", 9, "obj"},
         {".", 9, "punct"}});
  ASSERT_TRUE(FindActors(*TestDicts(), {}, doc).ok());
  EXPECT_EQ(At(doc, 0, "Ossory"), (std::vector<std::string>{}));
  EXPECT_EQ(At(doc, 0, "Kestrand"),
            (std::vector<std::string>{"KST dictionary"}));
  EXPECT_EQ(doc.actor_matches.size(), 2u);
}

// The document-level rules (news conventions): a role without a country
// takes the document's only country; a bare title after a named holder;
// "the two leaders", "both sides", "the two countries"; an apposition's
// organisation over a person's elite code.

// Our own small dictionary: real country codes (the rule asks whether a
// code is a country), names made up for the tests.
std::shared_ptr<const Dictionaries> CountryDicts() {
  static std::shared_ptr<const Dictionaries> dicts = [] {
    auto d = std::make_shared<Dictionaries>();
    EXPECT_TRUE(d->actors
                    .LoadText("NORWAY_ [NOR]\n+NORWEGIAN_\n"
                              "CHILE_ [CHL]\n+CHILEAN_\n"
                              "PERU_ [PER]\n"
                              "UNITED_NATIONS_ [IGOUNO]\n"
                              "KURDS_ [KUR]\n"
                              "ALDO_BRANNOCH_ [NORELI]\n",
                              "actors", d->words)
                    .ok());
    d->actors.Finish();
    EXPECT_TRUE(
        d->agents
            .LoadText("MINISTER [~GOV]\nENVOY [~GOV]\n"
                      "LEADER [~GOV]\nAMBASSADOR [~GOV]\nMILITARY [~MIL]\n"
                      "POLICE [~COP]\n",
                      "agents", d->words)
            .ok());
    d->agents.Finish();
    d->issues.Finish();
    return std::shared_ptr<const Dictionaries>(d);
  }();
  return dicts;
}

ActorOptions News() {
  ActorOptions o;
  o.news_conventions = true;
  o.commas.max = 0;  // appositions are not read as comma asides
  return o;
}

// "The minister praised X ." (det, subject, root, object, punct).
const std::vector<Word> kRoleSvo = {{"DT", 2, "det"},
                                    {"NN", 3, "nsubj"},
                                    {"VBD", 0, "root"},
                                    {"NNP", 3, "obj"},
                                    {".", 3, "punct"}};
const std::vector<Word> kSvo = {{"NNP", 2, "nsubj"},
                                {"VBD", 0, "root"},
                                {"NNP", 2, "obj"},
                                {".", 2, "punct"}};

// "Norway held military exercises ."
const std::vector<Word> kSvAdjObj = {{"NNP", 2, "nsubj"},
                                     {"VBD", 0, "root"},
                                     {"JJ", 4, "amod"},
                                     {"NNS", 2, "obj"},
                                     {".", 2, "punct"}};

class DocumentRulesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (IsoCountryCodes().empty())
      GTEST_SKIP() << "iso-codes not installed "
                      "(/usr/share/iso-codes/json/iso_3166-1.json): the "
                      "rules cannot tell a country code";
  }
};

TEST_F(DocumentRulesTest, RoleTakesTheDocumentsOnlyCountry) {
  Document one = testing::SimpleDoc("The minister praised Norway .");
  Parse(one, 0, kRoleSvo);
  ASSERT_TRUE(FindActors(*CountryDicts(), News(), one).ok());
  EXPECT_EQ(At(one, 0, "minister"),
            (std::vector<std::string>{"NORGOV document-country"}));

  // Two countries: no telling whose minister.
  Document two = testing::SimpleDoc(
      "The minister praised Norway .\nChile praised Norway .");
  Parse(two, 0, kRoleSvo);
  Parse(two, 1, kSvo);
  ASSERT_TRUE(FindActors(*CountryDicts(), News(), two).ok());
  EXPECT_EQ(At(two, 0, "minister"),
            (std::vector<std::string>{"---GOV dictionary"}));

  // An organisation with officials of its own: the envoy may be its.
  Document org = testing::SimpleDoc(
      "The envoy praised Norway .\nUnited Nations praised Norway .");
  Parse(org, 0, kRoleSvo);
  Parse(org, 1,
        {{"NNP", 2, "compound"},
         {"NNP", 3, "nsubj"},
         {"VBD", 0, "root"},
         {"NNP", 3, "obj"},
         {".", 3, "punct"}});
  ASSERT_TRUE(FindActors(*CountryDicts(), News(), org).ok());
  EXPECT_EQ(At(org, 0, "envoy"),
            (std::vector<std::string>{"---GOV dictionary"}));

  // A group (Kurds) owns no offices and does not count as a second
  // owner; a role word that only modifies another noun ("military
  // exercises") is no role mention and stays as it was.
  Document group = testing::SimpleDoc(
      "The police praised Kurds .\nNorway held military exercises .");
  Parse(group, 0, kRoleSvo);
  Parse(group, 1, kSvAdjObj);
  ASSERT_TRUE(FindActors(*CountryDicts(), News(), group).ok());
  EXPECT_EQ(At(group, 0, "police"),
            (std::vector<std::string>{"NORCOP document-country"}));
  EXPECT_EQ(At(group, 1, "exercises"),
            (std::vector<std::string>{"---MIL dictionary"}));

  // "Western ambassadors" are someone else's.
  Document foreign =
      testing::SimpleDoc("Norway expelled Western ambassadors .");
  Parse(foreign, 0, kSvAdjObj);
  ASSERT_TRUE(FindActors(*CountryDicts(), News(), foreign).ok());
  EXPECT_EQ(At(foreign, 0, "ambassadors"),
            (std::vector<std::string>{"---GOV dictionary"}));

  // PETRARCH's reading (no news conventions) keeps the role alone.
  Document petrarch = testing::SimpleDoc("The minister praised Norway .");
  Parse(petrarch, 0, kRoleSvo);
  ASSERT_TRUE(FindActors(*CountryDicts(), {}, petrarch).ok());
  EXPECT_EQ(At(petrarch, 0, "minister"),
            (std::vector<std::string>{"---GOV dictionary"}));
}

TEST_F(DocumentRulesTest, BareTitleIsTheLastNamedHolder) {
  Document doc = testing::SimpleDoc(
      "Chilean Minister Rosa Vidal met Norway .\n"
      "The minister praised Peru .\n"
      "A minister praised Peru .");
  Parse(doc, 0, kTitledName);
  Parse(doc, 1, kRoleSvo);
  std::vector<Word> indefinite = kRoleSvo;
  Parse(doc, 2, indefinite);
  ASSERT_TRUE(FindActors(*CountryDicts(), News(), doc).ok());
  EXPECT_EQ(At(doc, 0, "Vidal"), (std::vector<std::string>{"CHLGOV composed"}));
  EXPECT_EQ(At(doc, 1, "minister"),
            (std::vector<std::string>{"CHLGOV coreference"}));
  // "A minister" is someone else; three countries named: no country.
  EXPECT_EQ(At(doc, 2, "minister"),
            (std::vector<std::string>{"---GOV dictionary"}));
}

TEST_F(DocumentRulesTest, TheTwoLeadersAreTheTwoActorsNamedLast) {
  Document doc = testing::SimpleDoc(
      "Norwegian Minister Ola Berg met Chilean Minister Rosa Vidal .\n"
      "The two leaders praised Peru .\n"
      "Both sides praised Peru .\n"
      "The two countries praised Peru .");
  Parse(doc, 0,
        {{"JJ", 4, "amod"},
         {"NNP", 4, "compound"},
         {"NNP", 4, "compound"},
         {"NNP", 5, "nsubj"},
         {"VBD", 0, "root"},
         {"JJ", 9, "amod"},
         {"NNP", 9, "compound"},
         {"NNP", 9, "compound"},
         {"NNP", 5, "obj"},
         {".", 5, "punct"}});
  // "The two leaders praised Peru ." and "Both sides praised Peru ."
  const std::vector<Word> two = {{"DT", 3, "det"},    {"CD", 3, "nummod"},
                                 {"NNS", 4, "nsubj"}, {"VBD", 0, "root"},
                                 {"NNP", 4, "obj"},   {".", 4, "punct"}};
  std::vector<Word> both = kRoleSvo;
  both[1].xpos = "NNS";
  Parse(doc, 1, two);
  Parse(doc, 2, both);
  Parse(doc, 3, two);
  ASSERT_TRUE(FindActors(*CountryDicts(), News(), doc).ok());
  EXPECT_EQ(
      At(doc, 1, "leaders"),
      (std::vector<std::string>{"NORGOV coreference", "CHLGOV coreference"}));
  // The rule is "the last two named": Peru, named after the ministers,
  // is now one of "both sides".
  EXPECT_EQ(At(doc, 2, "sides"), (std::vector<std::string>{"CHLGOV coreference",
                                                           "PER coreference"}));
  EXPECT_EQ(At(doc, 3, "countries"),
            (std::vector<std::string>{"CHL coreference", "PER coreference"}));
}

TEST_F(DocumentRulesTest, PronounsTakeTheLastCompatibleActor) {
  Document doc = testing::SimpleDoc(
      "Chilean Minister Rosa Vidal met Norway .\n"
      "Norway praised Peru .\n"
      "She met Peru .\n"
      "It met Chile .\n"
      "They met Peru .");
  Parse(doc, 0, kTitledName);
  Parse(doc, 1, kSvo);
  std::vector<Word> pronoun = kSvo;
  pronoun[0].xpos = "PRP";
  for (uint32_t s = 2; s <= 4; ++s) Parse(doc, s, pronoun);
  ASSERT_TRUE(FindActors(*CountryDicts(), News(), doc).ok());
  // "She": not Norway, the subject just before, but the minister.
  EXPECT_EQ(At(doc, 2, "She"),
            (std::vector<std::string>{"CHLGOV coreference"}));
  // "It": a state, Norway.
  EXPECT_EQ(At(doc, 3, "It"), (std::vector<std::string>{"NOR coreference"}));
  // "They": the last subject, whatever it is ("It", Norway).
  EXPECT_EQ(At(doc, 4, "They"), (std::vector<std::string>{"NOR coreference"}));
}

// "Aldo Brannoch , the United Nations envoy , praised Chile ."
const std::vector<Word> kEnvoyApposition = {
    {"NNP", 2, "compound"}, {"NNP", 9, "nsubj"},    {",", 7, "punct"},
    {"DT", 7, "det"},       {"NNP", 6, "compound"}, {"NNP", 7, "compound"},
    {"NN", 2, "appos"},     {",", 7, "punct"},      {"VBD", 0, "root"},
    {"NNP", 9, "obj"},      {".", 9, "punct"}};

TEST_F(DocumentRulesTest, AppositionsOrganisationOverAPersonsEliteCode) {
  Document doc = testing::SimpleDoc(
      "Aldo Brannoch , the United Nations envoy , praised Chile .\n"
      "Brannoch praised Peru .");
  Parse(doc, 0, kEnvoyApposition);
  Parse(doc, 1, kSvo);
  ASSERT_TRUE(FindActors(*CountryDicts(), News(), doc).ok());
  EXPECT_EQ(At(doc, 0, "Brannoch"),
            (std::vector<std::string>{"IGOUNOGOV apposition"}));
  EXPECT_EQ(At(doc, 1, "Brannoch"),
            (std::vector<std::string>{"IGOUNOGOV memory"}));
  // Without news conventions: the dictionary's code.
  Document plain = doc;
  ASSERT_TRUE(FindActors(*CountryDicts(), {}, plain).ok());
  EXPECT_EQ(At(plain, 0, "Brannoch"),
            (std::vector<std::string>{"NORELI dictionary"}));
}

// The same apposition under the default comma rules, where its words are
// a comma aside to the events stage: it still names the actor.
TEST_F(DocumentRulesTest, AppositionInACommaAsideNamesTheActor) {
  Document doc = testing::SimpleDoc(
      "Aldo Brannoch , the United Nations envoy , praised Chile .");
  Parse(doc, 0, kEnvoyApposition);
  ActorOptions options = News();
  options.commas = CommaRules();
  ASSERT_TRUE(FindActors(*CountryDicts(), options, doc).ok());
  EXPECT_EQ(At(doc, 0, "Brannoch"),
            (std::vector<std::string>{"IGOUNOGOV apposition"}));
  // The aside's own words are no actor of their own to the events stage.
  for (const ActorEntryMatch& m : doc.actor_matches)
    EXPECT_FALSE(m.code.starts_with("IGO")) << m.code;
}

// A person's code by the office held on the document's date; a title
// before the name (parsed as a descriptive nmod) is read with it.
TEST(ActorsStageTest, TitledPersonIsCodedByTheOfficeOnTheDate) {
  static std::shared_ptr<const Dictionaries> dicts = [] {
    auto d = std::make_shared<Dictionaries>();
    EXPECT_TRUE(d->actors
                    .LoadText("ORLA_VENN_ [CHLELI]\n+VENN_\n"
                              "\t[CHLGOV 20180101-20220101]\n"
                              "PERU_ [PER]\n",
                              "actors", d->words)
                    .ok());
    d->actors.Finish();
    EXPECT_TRUE(
        d->agents
            .LoadText("PRESIDENT [~GOV]\nFORMER [~ELI]\n", "agents", d->words)
            .ok());
    d->agents.Finish();
    d->issues.Finish();
    return std::shared_ptr<const Dictionaries>(d);
  }();
  const std::vector<Word> titled = {{"NNP", 2, "nmod:desc"},
                                    {"NNP", 3, "nsubj"},
                                    {"VBD", 0, "root"},
                                    {"NNP", 3, "obj"},
                                    {".", 3, "punct"}};
  struct Case {
    const char* text;
    const char* date;
    const char* code;
  };
  for (const Case& c : {Case{"Venn praised Peru .", "2020-05-01", "CHLGOV"},
                        Case{"Venn praised Peru .", "2024-05-01", "CHLELI"}}) {
    Document doc = testing::SimpleDoc(c.text, c.date);
    Parse(doc, 0, kSvo);
    ASSERT_TRUE(FindActors(*dicts, News(), doc).ok());
    EXPECT_EQ(At(doc, 0, "Venn").at(0).substr(0, 6), c.code) << c.date;
  }
  // "President Venn", in office or out of it: the title's role, never
  // CHLELIGOV.
  for (const char* date : {"2020-05-01", "2024-05-01"}) {
    Document doc = testing::SimpleDoc("President Venn praised Peru .", date);
    Parse(doc, 0, titled);
    ASSERT_TRUE(FindActors(*dicts, News(), doc).ok());
    const std::vector<std::string> venn = At(doc, 0, "Venn");
    ASSERT_EQ(venn.size(), 1u) << date;
    EXPECT_TRUE(venn[0].starts_with("CHLGOV ")) << date << ": " << venn[0];
  }
  // "Former President Venn": the elite, even while in office on paper.
  Document former =
      testing::SimpleDoc("Former President Venn praised Peru .", "2020-05-01");
  Parse(former, 0,
        {{"JJ", 3, "amod"},
         {"NNP", 3, "nmod:desc"},
         {"NNP", 4, "nsubj"},
         {"VBD", 0, "root"},
         {"NNP", 4, "obj"},
         {".", 4, "punct"}});
  ASSERT_TRUE(FindActors(*dicts, News(), former).ok());
  EXPECT_EQ(At(former, 0, "Venn"),
            (std::vector<std::string>{"CHLELI composed"}));
  // "Peru praised the president , Orla Venn .": a role without a country
  // beside a known person is that person, in office or out of it (the
  // role says the office), even when the name is a comma aside.
  for (const char* date : {"2020-05-01", "2024-05-01"}) {
    Document doc =
        testing::SimpleDoc("Peru praised the president , Orla Venn .", date);
    Parse(doc, 0,
          {{"NNP", 2, "nsubj"},
           {"VBD", 0, "root"},
           {"DT", 4, "det"},
           {"NN", 2, "obj"},
           {",", 7, "punct"},
           {"NNP", 7, "compound"},
           {"NNP", 4, "appos"},
           {".", 2, "punct"}});
    ActorOptions options = News();
    options.commas = CommaRules();
    ASSERT_TRUE(FindActors(*dicts, options, doc).ok());
    EXPECT_EQ(At(doc, 0, "president"),
              (std::vector<std::string>{"CHLGOV apposition"}))
        << date;
  }
}

}  // namespace
}  // namespace curlew
