#include "actors/actors_stage.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

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
  Parse(doc, 0,
        {{"JJ", 4, "amod"},
         {"NNP", 4, "compound"},
         {"NNP", 4, "compound"},
         {"NNP", 5, "nsubj"},
         {"VBD", 0, "root"},
         {"NNP", 5, "obj"},
         {".", 5, "punct"}});
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

}  // namespace
}  // namespace curlew
