#include "events/coder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>
#include <tuple>

#include "actors/actors_stage.h"
#include "curlew/places.h"
#include "eval/validate.h"
#include "io/petrarch_xml.h"
#include "syntax/ptb.h"

namespace curlew {
namespace {

// A small fictional dictionary set, written for these tests.
const char kVerbs[] = R"(
&COIN
+DUCAT
+SILVER_MARK

--- CRITICIZE [111] ---
CRITICIZE
DENOUNCE [112]
- * &COIN [114]
- NEVER * [115]

--- VISIT [042:043] ---
VISIT

--- ATTACK [190] ---
ATTACK
+FIRE_ON {+FIRED_ON +FIRES_ON +FIRING_ON}
- * (WITH ARTILLERY) [195]

--- RELEASE [0841] ---
RELEASE

--- SAY [010] ---
SAID
SAY
DECLARE
ANNOUNCE
STRESS
REPORT
PROPOSE
SUGGEST
RECOMMEND
CONFIRM

--- COOPERATE [050] ---
COOPERATE

--- TRADE [061] ---
TRADE

--- AID [070] ---
AID

--- BOYCOTT [163] ---
BOYCOTT

--- MEET [036] ---
MEET {MET MEETS MEETING}
- % * [036:036]
)";

const char kActors[] = R"(
VELLMARK_ [VLM]
+VELLISH
KESTRAND [KST]
OSSORY [OSY]
OLD_TORVE
+TORVE_THE_GREY
	[VLMREB < 19900101]
	[VLMGOV 19900101-19991231]
	[VLMELI]
BRYNMOR_ [BRYGOV 19900101-19991231]
NORWAY_ [NOR]
+NORWEGIAN
)";

const char kAgents[] = R"(
ENVOY [~GOV]
SOLDIER [~MIL]
CHARITY [NGO~]
)";

const char kDiscards[] = "+HURLING MATCH\nCHESS_\n";
const char kIssues[] = "n:famine [FOOD]\n";

std::shared_ptr<const Dictionaries> TestDicts() {
  static std::shared_ptr<const Dictionaries> dicts = [] {
    auto d = std::make_shared<Dictionaries>();
    EXPECT_TRUE(d->verbs.LoadText(kVerbs, "verbs", d->words).ok());
    EXPECT_TRUE(d->actors.LoadText(kActors, "actors", d->words).ok());
    d->actors.Finish();
    EXPECT_TRUE(d->agents.LoadText(kAgents, "agents", d->words).ok());
    d->agents.Finish();
    EXPECT_TRUE(d->discards.LoadText(kDiscards, "discards").ok());
    EXPECT_TRUE(d->issues.LoadText(kIssues, "issues", d->words).ok());
    d->issues.Finish();
    return std::shared_ptr<const Dictionaries>(d);
  }();
  return dicts;
}

Document Parse(const std::string& text, const std::string& ptb,
               const std::string& date = "2001-05-05") {
  Document doc;
  doc.id = "t";
  doc.date = date;
  doc.text = text;
  doc.ptb_parse = ptb;
  Status s = BuildFromPtb(doc);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return doc;
}

using Triple = std::tuple<std::string, std::string, std::string>;

// The actors stage, then the coder, with options that agree.
std::set<Triple> Code(Document& doc, CodingOutcome* outcome = nullptr,
                      CoderOptions options = {}, ActorOptions actors = {}) {
  actors.news_conventions = options.news_conventions;
  actors.commas = options.commas;
  EXPECT_TRUE(FindActors(*TestDicts(), actors, doc).ok());
  Coder coder(TestDicts(), options);
  EXPECT_TRUE(coder.Code(doc, outcome).ok());
  std::set<Triple> out;
  for (const Event& e : doc.events) out.insert({e.source, e.target, e.cameo});
  return out;
}

TEST(CoderTest, SubjectVerbObjectWithProvenance) {
  Document doc = Parse(
      "Kestrand criticized Ossory.",
      "(ROOT (S (NP (NNP Kestrand)) (VP (VBD criticized) (NP (NNP Ossory)))"
      " (. .)))");
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"KST", "OSY", "111"}}));
  const Event& e = doc.events[0];
  EXPECT_EQ(e.verb_text, "criticized");
  EXPECT_EQ(e.trigger_token, 1);
  EXPECT_EQ(doc.SpanText({e.trigger_begin, e.trigger_end}), "criticized");
  EXPECT_EQ(e.source_text, "Kestrand");
  EXPECT_EQ(e.target_text, "Ossory");
  EXPECT_EQ(e.sentence, 0u);
  EXPECT_EQ(e.span_end, doc.text.size());
  EXPECT_EQ(e.root, "11");
  EXPECT_EQ(e.quad, 3);
}

TEST(CoderTest, VerbOwnCodeAndSynsetPattern) {
  Document a = Parse("Kestrand denounced Ossory.",
                     "(ROOT (S (NP (NNP Kestrand)) (VP (VBD denounced) (NP "
                     "(NNP Ossory))) (. .)))");
  EXPECT_EQ(Code(a), (std::set<Triple>{{"KST", "OSY", "112"}}));
  Document b = Parse(
      "Kestrand criticized Ossory over silver marks.",
      "(ROOT (S (NP (NNP Kestrand)) (VP (VBD criticized) (NP (NNP Ossory))"
      " (PP (IN over) (NP (JJ silver) (NNS marks)))) (. .)))");
  EXPECT_EQ(Code(b), (std::set<Triple>{{"KST", "OSY", "114"}}));
}

TEST(CoderTest, AgentsAttachToActors) {
  Document doc =
      Parse("The envoys of Vellmark visited Ossory.",
            "(ROOT (S (NP (NP (DT The) (NNS envoys)) (PP (IN of) (NP (NNP"
            " Vellmark)))) (VP (VBD visited) (NP (NNP Ossory))) (. .)))");
  // Paired code [042:043]: the visit and the hosting.
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"VLMGOV", "OSY", "042"},
                                         {"OSY", "VLMGOV", "043"}}));
  Document pre = Parse(
      "A Kestrand charity criticized Ossory.",
      "(ROOT (S (NP (DT A) (NNP Kestrand) (NN charity)) (VP (VBD criticized)"
      " (NP (NNP Ossory))) (. .)))");
  EXPECT_EQ(Code(pre), (std::set<Triple>{{"NGOKST", "OSY", "111"}}));
}

TEST(CoderTest, CompoundActorsAreDistributed) {
  Document doc = Parse(
      "Vellmark, Kestrand and Ossory criticized Torve the Grey.",
      "(ROOT (S (NP (NNP Vellmark) (, ,) (NNP Kestrand) (CC and) (NNP Ossory))"
      " (VP (VBD criticized) (NP (NNP Torve) (DT the) (NNP Grey))) (. .)))",
      "1995-06-01");
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"VLM", "VLMGOV", "111"},
                                         {"KST", "VLMGOV", "111"},
                                         {"OSY", "VLMGOV", "111"}}));
}

TEST(CoderTest, CompoundPatternCodesBothDirections) {
  Document doc = Parse("Kestrand and Ossory met.",
                       "(ROOT (S (NP (NNP Kestrand) (CC and) (NNP Ossory)) (VP "
                       "(VBD met)) (. .)))");
  EXPECT_EQ(Code(doc),
            (std::set<Triple>{{"KST", "OSY", "036"}, {"OSY", "KST", "036"}}));
}

TEST(CoderTest, DateRestrictedCodes) {
  // "Torve" alone is not an entry; "Old Torve" is.
  Document alone = Parse("Torve criticized Ossory.",
                         "(ROOT (S (NP (NNP Torve)) (VP (VBD criticized) (NP "
                         "(NNP Ossory))) (. .)))",
                         "1985-01-01");
  EXPECT_TRUE(Code(alone).empty());
  Document named =
      Parse("Old Torve criticized Ossory.",
            "(ROOT (S (NP (JJ Old) (NNP Torve)) (VP (VBD criticized) (NP (NNP"
            " Ossory))) (. .)))",
            "1985-01-01");
  EXPECT_EQ(Code(named), (std::set<Triple>{{"VLMREB", "OSY", "111"}}));
  named.events.clear();
  named.date = "1995-01-01";
  EXPECT_EQ(Code(named), (std::set<Triple>{{"VLMGOV", "OSY", "111"}}));
  named.events.clear();
  named.date = "2005-01-01";
  EXPECT_EQ(Code(named), (std::set<Triple>{{"VLMELI", "OSY", "111"}}));
}

TEST(CoderTest, PassiveWithAgent) {
  Document doc = Parse(
      "Ossory was attacked by Vellish soldiers.",
      "(ROOT (S (NP (NNP Ossory)) (VP (VBD was) (VP (VBN attacked) (PP (IN by)"
      " (NP (JJ Vellish) (NNS soldiers))))) (. .)))");
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"VLMMIL", "OSY", "190"}}));
}

// News convention: an agent named without a country ("soldiers") acting
// on a state's actor is of that state; on anything else it stays without
// one.
TEST(CoderTest, AgentWithoutCountryTakesTheTargetsState) {
  CoderOptions o;
  o.news_conventions = true;
  const std::string ptb =
      "(ROOT (S (NP (NNS Soldiers)) (VP (VBD attacked) (NP (JJ Norwegian)"
      " (NNS envoys))) (. .)))";
  Document doc = Parse("Soldiers attacked Norwegian envoys.", ptb);
  EXPECT_EQ(Code(doc, nullptr, o),
            (std::set<Triple>{{"NORMIL", "NORGOV", "190"}}));
  Document plain = Parse("Soldiers attacked Norwegian envoys.", ptb);
  EXPECT_EQ(Code(plain), (std::set<Triple>{{"---MIL", "NORGOV", "190"}}));
  // OSY is this dictionary's invented code, no ISO state.
  Document invented =
      Parse("Soldiers attacked Ossory.",
            "(ROOT (S (NP (NNS Soldiers)) (VP (VBD attacked) (NP (NNP"
            " Ossory))) (. .)))");
  EXPECT_EQ(Code(invented, nullptr, o),
            (std::set<Triple>{{"---MIL", "OSY", "190"}}));
}

TEST(CoderTest, MultiWordVerbAndPrepositionalPattern) {
  Document doc =
      Parse("Kestrand fired on Ossory with artillery.",
            "(ROOT (S (NP (NNP Kestrand)) (VP (VBD fired) (PP (IN on) (NP (NNP"
            " Ossory))) (PP (IN with) (NP (NN artillery)))) (. .)))");
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"KST", "OSY", "195"}}));
  // The verb form is "fired on"; the event was coded from "fired".
  EXPECT_EQ(doc.events[0].verb_text, "fired on");
  EXPECT_EQ(doc.events[0].trigger_token, 1);
}

TEST(CoderTest, ReportedSpeechKeepsAttribution) {
  Document doc = Parse(
      "Ossory said that Kestrand attacked Vellmark.",
      "(ROOT (S (NP (NNP Ossory)) (VP (VBD said) (SBAR (IN that) (S (NP (NNP"
      " Kestrand)) (VP (VBD attacked) (NP (NNP Vellmark)))))) (. .)))");
  std::set<Triple> got = Code(doc);
  EXPECT_TRUE(got.count({"KST", "VLM", "190"}));
  for (const Event& e : doc.events) {
    if (e.cameo == "190") {
      EXPECT_EQ(e.attribution, "Ossory");
    }
  }
}

TEST(CoderTest, NegationIsFlaggedAndPatternsSeeIt) {
  Document doc = Parse(
      "Kestrand did not attack Ossory.",
      "(ROOT (S (NP (NNP Kestrand)) (VP (VBD did) (RB not) (VP (VB attack)"
      " (NP (NNP Ossory)))) (. .)))");
  Code(doc);
  ASSERT_EQ(doc.events.size(), 1u);
  EXPECT_TRUE(doc.events[0].negated);
  Document never = Parse(
      "Kestrand never criticized Ossory.",
      "(ROOT (S (NP (NNP Kestrand)) (ADVP (RB never)) (VP (VBD criticized)"
      " (NP (NNP Ossory))) (. .)))");
  EXPECT_EQ(Code(never), (std::set<Triple>{{"KST", "OSY", "115"}}));
}

TEST(CoderTest, DiscardsAndIssues) {
  Document story = Parse(
      "Kestrand criticized Ossory after the hurling match.",
      "(ROOT (S (NP (NNP Kestrand)) (VP (VBD criticized) (NP (NNP Ossory))"
      " (PP (IN after) (NP (DT the) (NN hurling) (NN match)))) (. .)))");
  CodingOutcome outcome;
  EXPECT_TRUE(Code(story, &outcome).empty());
  EXPECT_EQ(outcome, CodingOutcome::kStoryDiscard);
  Document chess = Parse(
      "Kestrand criticized Ossory at chess.",
      "(ROOT (S (NP (NNP Kestrand)) (VP (VBD criticized) (NP (NNP Ossory))"
      " (PP (IN at) (NP (NN chess)))) (. .)))");
  EXPECT_TRUE(Code(chess, &outcome).empty());
  EXPECT_EQ(outcome, CodingOutcome::kSentenceDiscard);
  Document famine = Parse(
      "Kestrand criticized Ossory over famines.",
      "(ROOT (S (NP (NNP Kestrand)) (VP (VBD criticized) (NP (NNP Ossory))"
      " (PP (IN over) (NP (NNS famines)))) (. .)))");
  Code(famine);
  ASSERT_EQ(famine.events.size(), 1u);
  EXPECT_EQ(famine.events[0].issues, "FOOD 1");
}

// The one event coded from a sentence (an empty event if not exactly one).
Event CodeOne(const std::string& text, const std::string& ptb) {
  Document doc = Parse(text, ptb);
  Code(doc);
  EXPECT_EQ(doc.events.size(), 1u) << text;
  return doc.events.size() == 1 ? doc.events[0] : Event();
}

TEST(CoderTest, AccordingToGivesAttribution) {
  Event e = CodeOne(
      "Kestrand attacked Ossory, according to Vellish envoys.",
      "(ROOT (S (NP (NNP Kestrand)) (VP (VBD attacked) (NP (NNP Ossory)) (, ,)"
      " (PP (VBG according) (PP (TO to) (NP (JJ Vellish) (NNS envoys)))))"
      " (. .)))");
  EXPECT_EQ(e.attribution, "Vellish envoys");
}

TEST(CoderTest, ModalityFromModalVerbs) {
  Event e = CodeOne(
      "Kestrand might attack Ossory.",
      "(ROOT (S (NP (NNP Kestrand)) (VP (MD might) (VP (VB attack) (NP (NNP"
      " Ossory)))) (. .)))");
  EXPECT_EQ(e.modality, "hypothetical");
  EXPECT_FALSE(e.negated);
}

// The modality of the one event news conventions code from a sentence.
Event CodeNews(const std::string& text, const std::string& ptb) {
  Document doc = Parse(text, ptb);
  CoderOptions o;
  o.news_conventions = true;
  Code(doc, nullptr, o);
  EXPECT_EQ(doc.events.size(), 1u) << text;
  return doc.events.size() == 1 ? doc.events[0] : Event();
}

TEST(CoderTest, ModalityOfActs) {
  EXPECT_EQ(CodeNews("Kestrand attacked Ossory.",
                     "(ROOT (S (NP (NNP Kestrand)) (VP (VBD attacked) (NP"
                     " (NNP Ossory))) (. .)))")
                .modality,
            "asserted");
  Event no = CodeNews("Kestrand did not attack Ossory.",
                      "(ROOT (S (NP (NNP Kestrand)) (VP (VBD did) (RB not)"
                      " (VP (VB attack) (NP (NNP Ossory)))) (. .)))");
  EXPECT_EQ(no.modality, "negated");
  EXPECT_EQ(no.cameo, "190");
  EXPECT_EQ(CodeNews("Kestrand might attack Ossory.",
                     "(ROOT (S (NP (NNP Kestrand)) (VP (MD might) (VP (VB"
                     " attack) (NP (NNP Ossory)))) (. .)))")
                .modality,
            "hypothetical");
  EXPECT_EQ(CodeNews("Kestrand will attack Ossory.",
                     "(ROOT (S (NP (NNP Kestrand)) (VP (MD will) (VP (VB"
                     " attack) (NP (NNP Ossory)))) (. .)))")
                .modality,
            "future");
}

TEST(CoderTest, ReportedActsAreAllegedUnlessTheActorSpeaks) {
  Event e = CodeNews(
      "Ossory said Kestrand attacked Vellmark.",
      "(ROOT (S (NP (NNP Ossory)) (VP (VBD said) (SBAR (S (NP (NNP Kestrand))"
      " (VP (VBD attacked) (NP (NNP Vellmark)))))) (. .)))");
  EXPECT_EQ(e.cameo, "190");
  EXPECT_EQ(e.modality, "alleged");
  EXPECT_EQ(e.speaker, "OSY");
  Event own = CodeNews(
      "Kestrand said it attacked Vellmark.",
      "(ROOT (S (NP (NNP Kestrand)) (VP (VBD said) (SBAR (S (NP (PRP it))"
      " (VP (VBD attacked) (NP (NNP Vellmark)))))) (. .)))");
  EXPECT_EQ(own.modality, "asserted");
  EXPECT_EQ(own.speaker, "KST");
}

TEST(CoderTest, ReportedMustIsTheSpeakersDemand) {
  Event e = CodeNews(
      "Ossory said Kestrand must release Vellish envoys.",
      "(ROOT (S (NP (NNP Ossory)) (VP (VBD said) (SBAR (S (NP (NNP Kestrand))"
      " (VP (MD must) (VP (VB release) (NP (JJ Vellish) (NNS envoys)))))))"
      " (. .)))");
  EXPECT_EQ(e.source, "OSY");
  EXPECT_EQ(e.target, "KST");
  EXPECT_EQ(e.cameo, "1053");  // demand the release of persons
  EXPECT_EQ(e.modality, "asserted");
  EXPECT_EQ(e.speaker, "OSY");
}

// The events news conventions code from a sentence, with the base forms
// curlew's own parser gives the words named in `lemmas` (a tree built from
// a Penn parse has the lower-cased words as lemmas).
std::vector<Event> CodeNewsAll(
    const std::string& text, const std::string& ptb,
    const std::vector<std::pair<std::string, std::string>>& lemmas = {}) {
  Document doc = Parse(text, ptb);
  for (Token& tok : doc.tokens)
    for (const auto& [form, base] : lemmas)
      if (doc.SpanText(tok.span) == form) tok.lemma = base;
  CoderOptions o;
  o.news_conventions = true;
  Code(doc, nullptr, o);
  return doc.events;
}

bool Has(const std::vector<Event>& events, const std::string& source,
         const std::string& target, const std::string& cameo) {
  for (const Event& e : events)
    if (e.source == source && e.target == target && e.cameo == cameo)
      return true;
  return false;
}

// "X declared / announced / stressed that Y must (should) ...": X's demand
// (appeal) to Y, not Y's act.
TEST(CoderTest, DeclaredMustIsTheSpeakersDemand) {
  // "Ossory <verb> that Kestrand <modal> release Vellish envoys."
  auto coded = [](const std::string& verb, const std::string& lemma,
                  const std::string& modal) {
    return CodeNewsAll(
        "Ossory " + verb + " that Kestrand " + modal +
            " release Vellish envoys.",
        "(ROOT (S (NP (NNP Ossory)) (VP (VBD " + verb +
            ") (SBAR (IN that) (S (NP (NNP Kestrand)) (VP (MD " + modal +
            ") (VP (VB release) (NP (JJ Vellish) (NNS envoys))))))) (. .)))",
        {{verb, lemma}});
  };
  auto declared = coded("declared", "declare", "must");
  ASSERT_EQ(declared.size(), 1u);
  EXPECT_EQ(declared[0].source, "OSY");
  EXPECT_EQ(declared[0].target, "KST");
  EXPECT_EQ(declared[0].cameo, "1053");
  EXPECT_EQ(declared[0].modality, "asserted");
  EXPECT_EQ(declared[0].speaker, "OSY");

  auto announced = coded("announced", "announce", "must");
  EXPECT_TRUE(Has(announced, "OSY", "KST", "1053"));
  EXPECT_FALSE(Has(announced, "KST", "VLMGOV", "0841"));

  auto stressed = coded("stressed", "stress", "should");
  ASSERT_EQ(stressed.size(), 1u);
  EXPECT_EQ(stressed[0].source, "OSY");
  EXPECT_EQ(stressed[0].target, "KST");
  EXPECT_EQ(stressed[0].cameo, "0253");  // appeal for the release

  // A report of what someone else holds is no demand of the reporter.
  auto reported = coded("reported", "report", "must");
  EXPECT_FALSE(Has(reported, "OSY", "KST", "1053"));
  EXPECT_TRUE(Has(reported, "KST", "VLMGOV", "0841"));
}

// "X declared that Y must <act>" is X's demand to Y even where the act
// itself is not in the dictionary; "should", an appeal; "will", no demand.
TEST(CoderTest, DemandWithUncodedAct) {
  auto coded = [](const std::string& modal) {
    return CodeNewsAll("Ossory declared that Kestrand " + modal + " pay.",
                       "(ROOT (S (NP (NNP Ossory)) (VP (VBD declared) (SBAR"
                       " (IN that) (S (NP (NNP Kestrand)) (VP (MD " +
                           modal + ") (VP (VB pay)))))) (. .)))",
                       {{"declared", "declare"}});
  };
  EXPECT_TRUE(Has(coded("must"), "OSY", "KST", "100"));
  EXPECT_TRUE(Has(coded("should"), "OSY", "KST", "020"));
  auto will = coded("will");
  EXPECT_FALSE(Has(will, "OSY", "KST", "100"));
  EXPECT_FALSE(Has(will, "OSY", "KST", "020"));
}

// A hostile act its own actor says it will do is its threat (13x); said
// by another, it stays the act.
TEST(CoderTest, OwnHostileActSaidOfTheFutureIsAThreat) {
  auto own = CodeNewsAll(
      "Kestrand said it would attack Ossory.",
      "(ROOT (S (NP (NNP Kestrand)) (VP (VBD said) (SBAR (S (NP (PRP it)) (VP"
      " (MD would) (VP (VB attack) (NP (NNP Ossory))))))) (. .)))");
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own[0].cameo, "1384");
  EXPECT_EQ(own[0].modality, "asserted");
  auto other = CodeNewsAll(
      "Vellmark said Kestrand would attack Ossory.",
      "(ROOT (S (NP (NNP Vellmark)) (VP (VBD said) (SBAR (S (NP (NNP"
      " Kestrand)) (VP (MD would) (VP (VB attack) (NP (NNP Ossory))))))) (."
      " .)))");
  EXPECT_TRUE(Has(other, "KST", "OSY", "190"));
  auto done = CodeNewsAll(
      "Kestrand said it attacked Ossory.",
      "(ROOT (S (NP (NNP Kestrand)) (VP (VBD said) (SBAR (S (NP (PRP it)) (VP"
      " (VBD attacked) (NP (NNP Ossory)))))) (. .)))");
  EXPECT_TRUE(Has(done, "KST", "OSY", "190"));
  // Reducing relations said of the future is a decision announced.
  auto boycott = CodeNewsAll(
      "Kestrand said it would boycott Ossory.",
      "(ROOT (S (NP (NNP Kestrand)) (VP (VBD said) (SBAR (S (NP (PRP it)) (VP"
      " (MD would) (VP (VB boycott) (NP (NNP Ossory))))))) (. .)))");
  EXPECT_TRUE(Has(boycott, "KST", "OSY", "163"));
  EXPECT_FALSE(Has(boycott, "KST", "OSY", "1312"));
}

// The built-in knowledge base codes an act announced as a noun ("announced
// a suspension of talks with X") as the act.
// The events the built-in knowledge base and the news conventions code
// from a sentence with the given Penn parse.
std::vector<Event> CodeDocWithKb(Document doc) {
  static auto dicts =
      LoadDictionaries(std::string(CURLEW_SOURCE_DIR) + "/data/kb");
  static std::shared_ptr<const Gazetteer> places = [] {
    auto g =
        Gazetteer::Load(std::string(CURLEW_SOURCE_DIR) + "/data/kb/places.tsv");
    EXPECT_TRUE(g.ok()) << g.status().ToString();
    return g.ok() ? std::shared_ptr<const Gazetteer>(std::move(*g)) : nullptr;
  }();
  EXPECT_TRUE(dicts.ok()) << dicts.status().ToString();
  if (!dicts.ok() || !places) return {};
  ActorOptions a;
  a.news_conventions = true;
  EXPECT_TRUE(FindActors(**dicts, a, doc).ok());
  CoderOptions o;
  o.news_conventions = true;
  o.places = places;
  EXPECT_TRUE(Coder(*dicts, o).Code(doc).ok());
  return doc.events;
}

std::vector<Event> CodeWithKb(const std::string& text, const std::string& ptb) {
  return CodeDocWithKb(Parse(text, ptb));
}

TEST(CoderTest, KnowledgeBaseCodesAnnouncedSuspension) {
  auto coded = CodeWithKb;
  auto talks = coded(
      "Chile announced a suspension of talks with Peru.",
      "(ROOT (S (NP (NNP Chile)) (VP (VBD announced) (NP (NP (DT a) (NN"
      " suspension)) (PP (IN of) (NP (NP (NNS talks)) (PP (IN with) (NP (NNP"
      " Peru))))))) (. .)))");
  EXPECT_TRUE(Has(talks, "CHL", "PER", "164"));
  EXPECT_FALSE(Has(talks, "CHL", "PER", "010"));
  auto flights = coded(
      "Chile announced the suspension of flights to Peru.",
      "(ROOT (S (NP (NNP Chile)) (VP (VBD announced) (NP (NP (DT the) (NN"
      " suspension)) (PP (IN of) (NP (NP (NNS flights)) (PP (TO to) (NP (NNP"
      " Peru))))))) (. .)))");
  EXPECT_TRUE(Has(flights, "CHL", "PER", "163"));
}

// The knowledge base: a warm welcome given is hosting (043), inspectors
// received are let in (0862), peacekeepers arriving are deployed (074).
TEST(CoderTest, KnowledgeBaseWelcomeInspectorsPeacekeepers) {
  auto welcome = CodeWithKb(
      "Chile gave a warm welcome to Peru.",
      "(ROOT (S (NP (NNP Chile)) (VP (VBD gave) (NP (DT a) (JJ warm) (NN"
      " welcome)) (PP (TO to) (NP (NNP Peru)))) (. .)))");
  EXPECT_TRUE(Has(welcome, "CHL", "PER", "043"));
  EXPECT_FALSE(Has(welcome, "CHL", "PER", "070"));
  auto inspectors = CodeWithKb(
      "Chile received Peruvian inspectors.",
      "(ROOT (S (NP (NNP Chile)) (VP (VBD received) (NP (JJ Peruvian) (NNS"
      " inspectors))) (. .)))");
  ASSERT_FALSE(inspectors.empty());
  EXPECT_EQ(inspectors[0].source, "CHL");
  EXPECT_EQ(inspectors[0].cameo, "0862");
  auto arrived = CodeWithKb(
      "Chilean peacekeepers arrived in Haiti.",
      "(ROOT (S (NP (JJ Chilean) (NNS peacekeepers)) (VP (VBD arrived) (PP"
      " (IN in) (NP (NNP Haiti)))) (. .)))");
  ASSERT_FALSE(arrived.empty());
  EXPECT_EQ(arrived[0].source.substr(0, 3), "CHL");
  EXPECT_EQ(arrived[0].target, "HTI");
  EXPECT_EQ(arrived[0].cameo, "074");
}

// A domestic act with no one named is done to the actor's own country,
// or to the country the sentence places it in.
TEST(CoderTest, DomesticActTargetsTheCountryItIsDoneIn) {
  auto home = CodeWithKb(
      "Chilean police lifted a curfew.",
      "(ROOT (S (NP (JJ Chilean) (NNS police)) (VP (VBD lifted) (NP (DT a)"
      " (NN curfew))) (. .)))");
  ASSERT_FALSE(home.empty());
  EXPECT_EQ(home[0].target, "CHL");
  auto abroad = CodeWithKb(
      "Chilean police lifted a curfew in Peru.",
      "(ROOT (S (NP (JJ Chilean) (NNS police)) (VP (VBD lifted) (NP (DT a)"
      " (NN curfew)) (PP (IN in) (NP (NNP Peru)))) (. .)))");
  ASSERT_FALSE(abroad.empty());
  EXPECT_EQ(abroad[0].source.substr(0, 3), "CHL");
  EXPECT_EQ(abroad[0].target, "PER");
}

// Denying or dismissing a request or appeal is rejecting it (12), not a
// denial of a charge (016).
TEST(CoderTest, KnowledgeBaseDismissedAppealIsARejection) {
  auto events = CodeWithKb(
      "Peru denied a request from Chile.",
      "(ROOT (S (NP (NNP Peru)) (VP (VBD denied) (NP (NP (DT a) (NN request))"
      " (PP (IN from) (NP (NNP Chile))))) (. .)))");
  EXPECT_TRUE(Has(events, "PER", "CHL", "120"));
  EXPECT_FALSE(Has(events, "PER", "CHL", "016"));
}

// A statement of intent, demand, rejection or threat without a target of
// its own is coded as the statement about the act of its complement, not
// as the act: "agreed to release" 0353, "demanded that Y withdraw" 10x,
// "refused to release" 1243, "threatened to arrest" 13x.
TEST(CoderTest, StatementsAboutActsAreTheStatement) {
  auto agreed = CodeWithKb(
      "Chile agreed to release Peruvian fishermen.",
      "(ROOT (S (NP (NNP Chile)) (VP (VBD agreed) (S (VP (TO to) (VP (VB"
      " release) (NP (JJ Peruvian) (NNS fishermen)))))) (. .)))");
  ASSERT_EQ(agreed.size(), 1u);
  EXPECT_EQ(agreed[0].source, "CHL");
  EXPECT_EQ(agreed[0].target.substr(0, 3), "PER");
  EXPECT_EQ(agreed[0].cameo, "0353");
  EXPECT_EQ(agreed[0].modality, "asserted");

  auto demanded = CodeWithKb(
      "Chile demanded that Peru withdraw its troops.",
      "(ROOT (S (NP (NNP Chile)) (VP (VBD demanded) (SBAR (IN that) (S (NP"
      " (NNP Peru)) (VP (VB withdraw) (NP (PRP$ its) (NNS troops)))))) (. "
      ".)))");
  ASSERT_FALSE(demanded.empty());
  for (const Event& e : demanded) {
    EXPECT_EQ(e.source, "CHL");
    EXPECT_EQ(e.target.substr(0, 3), "PER");
    EXPECT_EQ(e.cameo.substr(0, 2), "10") << e.cameo;
  }

  auto refused = CodeWithKb(
      "Chile refused to release Peruvian fishermen.",
      "(ROOT (S (NP (NNP Chile)) (VP (VBD refused) (S (VP (TO to) (VP (VB"
      " release) (NP (JJ Peruvian) (NNS fishermen)))))) (. .)))");
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(refused[0].cameo, "1243");

  auto threatened = CodeWithKb(
      "Chile threatened to arrest Peruvian fishermen.",
      "(ROOT (S (NP (NNP Chile)) (VP (VBD threatened) (S (VP (TO to) (VP (VB"
      " arrest) (NP (JJ Peruvian) (NNS fishermen)))))) (. .)))");
  ASSERT_EQ(threatened.size(), 1u);
  EXPECT_EQ(threatened[0].source, "CHL");
  EXPECT_EQ(threatened[0].cameo.substr(0, 2), "13");

  // Said by another of someone else, the act stands (an allegation).
  auto said = CodeWithKb(
      "Chile said Peru released Bolivian fishermen.",
      "(ROOT (S (NP (NNP Chile)) (VP (VBD said) (SBAR (S (NP (NNP Peru)) (VP"
      " (VBD released) (NP (JJ Bolivian) (NNS fishermen)))))) (. .)))");
  ASSERT_FALSE(said.empty());
  EXPECT_EQ(said[0].source, "PER");
  EXPECT_EQ(said[0].cameo.substr(0, 3), "084");
}

// "X said Y must be ready to act": the modal on a verb above the act
// makes it X's demand.
TEST(CoderTest, ReportedMustAboveTheAct) {
  auto events = CodeWithKb(
      "Chile said Peru must act to release Bolivian fishermen.",
      "(ROOT (S (NP (NNP Chile)) (VP (VBD said) (SBAR (S (NP (NNP Peru)) (VP"
      " (MD must) (VP (VB act) (S (VP (TO to) (VP (VB release) (NP (JJ"
      " Bolivian) (NNS fishermen)))))))))) (. .)))");
  EXPECT_TRUE(Has(events, "CHL", "PER", "1053"));
  EXPECT_FALSE(Has(events, "PER", "BOL", "0841"));
}

// "A did X, and B did Y": each clause has its own subject, even where the
// two actors around the comma read as one coordinated run.
TEST(CoderTest, CoordinatedClausesKeepTheirSubjects) {
  auto events = CodeNewsAll(
      "Kestrand criticized Ossory, and Vellmark attacked Kestrand.",
      "(ROOT (S (S (NP (NNP Kestrand)) (VP (VBD criticized) (NP (NNP"
      " Ossory)))) (, ,) (CC and) (S (NP (NNP Vellmark)) (VP (VBD attacked)"
      " (NP (NNP Kestrand)))) (. .)))");
  EXPECT_TRUE(Has(events, "KST", "OSY", "111"));
  EXPECT_TRUE(Has(events, "VLM", "KST", "190"));
  EXPECT_FALSE(Has(events, "OSY", "KST", "190"));
  EXPECT_EQ(events.size(), 2u);
}

// A word of a hand-built UD tree: form, XPOS, head (1-based, 0: root),
// relation; the lemma is the form.
using UdWord = std::tuple<std::string, std::string, int, std::string>;

// A one-sentence document with the given UD tree, as curlew's parser
// would give it.
Document UdDoc(const std::vector<UdWord>& w) {
  Document doc;
  doc.id = "ud";
  doc.date = "2001-05-05";
  for (const auto& [word, xpos, head, rel] : w) {
    if (!doc.text.empty() && word != ".") doc.text += ' ';
    Token t;
    t.span = {static_cast<uint32_t>(doc.text.size()),
              static_cast<uint32_t>(doc.text.size() + word.size())};
    doc.text += word;
    t.norm = word;
    t.lemma = word;
    t.xpos = xpos;
    t.head = head;
    t.deprel = rel;
    doc.tokens.push_back(t);
  }
  doc.sentences.push_back({{0, static_cast<uint32_t>(doc.text.size())},
                           0,
                           static_cast<uint32_t>(doc.tokens.size())});
  return doc;
}

// Being ready, willing, prepared or determined to do a cooperative act, or
// saying one "will" do it, is the matching intent (03x), not the act.
TEST(CoderTest, ReadinessAndWillAreIntents) {
  // A UD tree as curlew's parser gives it: "Kestrand is ADJ to VERB
  // Ossory." with the act the open complement (xcomp) of the adjective.
  auto ready = [](const std::string& adj, const std::string& verb,
                  const std::string& prep) {
    std::vector<UdWord> w = {{"Kestrand", "NNP", 3, "nsubj"},
                             {"is", "VBZ", 3, "cop"},
                             {adj, "JJ", 0, "root"},
                             {"to", "TO", 5, "mark"},
                             {verb, "VB", 3, "xcomp"}};
    if (!prep.empty()) w.push_back({prep, "IN", 7, "case"});
    w.push_back({"Ossory", "NNP", 5, prep.empty() ? "obj" : "obl"});
    w.push_back({".", ".", 3, "punct"});
    Document doc = UdDoc(w);
    CoderOptions o;
    o.news_conventions = true;
    Code(doc, nullptr, o);
    return doc.events;
  };
  // 04 meet or visit -> 036; 05 diplomatic -> 032; 06 material -> 031
  // (061 trade -> 0311); 07 aid -> 033; 08 yield -> 035 (0841 release of
  // persons -> 0353).
  EXPECT_TRUE(Has(ready("ready", "visit", ""), "KST", "OSY", "036"));
  EXPECT_TRUE(Has(ready("willing", "cooperate", "with"), "KST", "OSY", "032"));
  EXPECT_TRUE(Has(ready("prepared", "trade", "with"), "KST", "OSY", "0311"));
  EXPECT_TRUE(Has(ready("determined", "aid", ""), "KST", "OSY", "033"));
  auto release = ready("willing", "release", "");
  EXPECT_TRUE(Has(release, "KST", "OSY", "0353"));
  EXPECT_FALSE(Has(release, "KST", "OSY", "0841"));

  auto will_aid = CodeNewsAll(
      "Kestrand will aid Ossory.",
      "(ROOT (S (NP (NNP Kestrand)) (VP (MD will) (VP (VB aid) (NP (NNP"
      " Ossory)))) (. .)))");
  ASSERT_EQ(will_aid.size(), 1u);
  EXPECT_EQ(will_aid[0].cameo, "033");
  auto will_visit = CodeNewsAll(
      "Kestrand will visit Ossory.",
      "(ROOT (S (NP (NNP Kestrand)) (VP (MD will) (VP (VB visit) (NP (NNP"
      " Ossory)))) (. .)))");
  EXPECT_TRUE(Has(will_visit, "KST", "OSY", "036"));
  // Hostile acts keep their code; "will" makes them future, not intent.
  auto will_attack = CodeNewsAll(
      "Kestrand will attack Ossory.",
      "(ROOT (S (NP (NNP Kestrand)) (VP (MD will) (VP (VB attack) (NP (NNP"
      " Ossory)))) (. .)))");
  EXPECT_TRUE(Has(will_attack, "KST", "OSY", "190"));
  // An act done is the act.
  auto aided = CodeNewsAll("Kestrand aided Ossory.",
                           "(ROOT (S (NP (NNP Kestrand)) (VP (VBD aided) (NP"
                           " (NNP Ossory))) (. .)))");
  EXPECT_TRUE(Has(aided, "KST", "OSY", "070"));
}

// "W accused X of attacking Y" with the act hanging on X (acl), as
// curlew's parser gives it: X's act, claimed by W (alleged), beside W's
// accusation.
TEST(CoderTest, AccusedActHangingOnTheAccusedIsAlleged) {
  auto events = CodeDocWithKb(UdDoc({{"Chile", "NNP", 2, "nsubj"},
                                     {"accused", "VBD", 0, "root"},
                                     {"Peru", "NNP", 2, "obj"},
                                     {"of", "IN", 5, "mark"},
                                     {"attacking", "VBG", 3, "acl"},
                                     {"Bolivia", "NNP", 5, "obj"},
                                     {".", ".", 2, "punct"}}));
  bool act = false;
  for (const Event& e : events) {
    if (e.source == "CHL") {
      EXPECT_EQ(e.target, "PER");
      EXPECT_EQ(e.cameo.substr(0, 2), "11") << e.cameo;
      EXPECT_EQ(e.modality, "asserted");
    } else {
      act = true;
      EXPECT_EQ(e.source, "PER");
      EXPECT_EQ(e.target, "BOL");
      EXPECT_EQ(e.modality, "alleged");
      EXPECT_EQ(e.speaker, "CHL");
    }
  }
  EXPECT_TRUE(act);
}

// The target may stand under an adjective the verb predicates of its
// subject ("marched close to the border with Y", "cooperated close with Y"
// in a parse that makes "close" an open complement).
TEST(CoderTest, TargetUnderAnAdjectivalComplement) {
  Document doc = UdDoc({{"Kestrand", "NNP", 2, "nsubj"},
                        {"cooperated", "VBD", 0, "root"},
                        {"close", "JJ", 2, "xcomp"},
                        {"to", "IN", 5, "case"},
                        {"officials", "NNS", 3, "obl"},
                        {"of", "IN", 7, "case"},
                        {"Ossory", "NNP", 5, "nmod"},
                        {".", ".", 2, "punct"}});
  doc.tokens[1].lemma = "cooperate";
  // Without news conventions there is no word-order fallback: the target
  // must come from the tree.
  CoderOptions o;
  o.news_conventions = false;
  Code(doc, nullptr, o);
  bool found = false;
  for (const Event& e : doc.events)
    found = found || (e.source == "KST" && e.target.starts_with("OSY"));
  EXPECT_TRUE(found);
}

// Agreeing, promising, pledging or offering to do a cooperative act is the
// codebook's intent to do it (036: "offer, promise, agree to ... meet"),
// not the act: the talks have not taken place.
TEST(CoderTest, AgreeingToActIsAnIntent) {
  auto agreed = [](const std::string& verb, const std::string& lemma) {
    Document doc = UdDoc({{"Kestrand", "NNP", 2, "nsubj"},
                          {verb, "VBD", 0, "root"},
                          {"to", "TO", 4, "mark"},
                          {"visit", "VB", 2, "xcomp"},
                          {"Ossory", "NNP", 4, "obj"},
                          {".", ".", 2, "punct"}});
    doc.tokens[1].lemma = lemma;
    CoderOptions o;
    o.news_conventions = true;
    Code(doc, nullptr, o);
    return doc.events;
  };
  auto visit = agreed("agreed", "agree");
  EXPECT_TRUE(Has(visit, "KST", "OSY", "036"));
  EXPECT_FALSE(Has(visit, "KST", "OSY", "042"));
  EXPECT_TRUE(Has(agreed("promised", "promise"), "KST", "OSY", "036"));
  // A verb that is no commitment leaves the act as it is.
  EXPECT_FALSE(Has(agreed("hurried", "hurry"), "KST", "OSY", "036"));
}

// "X said Y must be ready to meet Z": being ready is Y's intent (036),
// and X's "must" makes it X's demand that Y meet (108).
TEST(CoderTest, ReportedMustOnReadinessIsADemand) {
  auto events = CodeDocWithKb(UdDoc({{"Chile", "NNP", 2, "nsubj"},
                                     {"said", "VBD", 0, "root"},
                                     {"Peru", "NNP", 6, "nsubj"},
                                     {"must", "MD", 6, "aux"},
                                     {"be", "VB", 6, "cop"},
                                     {"ready", "JJ", 2, "ccomp"},
                                     {"to", "TO", 8, "mark"},
                                     {"meet", "VB", 6, "xcomp"},
                                     {"Bolivia", "NNP", 8, "obj"},
                                     {".", ".", 2, "punct"}}));
  EXPECT_TRUE(Has(events, "CHL", "PER", "108"));
  EXPECT_FALSE(Has(events, "PER", "BOL", "036"));
}

// "X shelled Y, Z officials said", parsed with the speakers joined to
// the object: the speakers of the closing parenthetical are no target.
TEST(CoderTest, ClosingSpeakersAreNoTarget) {
  auto events = CodeDocWithKb(UdDoc({{"Peru", "NNP", 2, "nsubj"},
                                     {"shelled", "VBD", 0, "root"},
                                     {"Bolivia", "NNP", 2, "obj"},
                                     {",", ",", 6, "punct"},
                                     {"Chilean", "JJ", 6, "amod"},
                                     {"officials", "NNS", 3, "conj"},
                                     {"said", "VBD", 2, "parataxis"},
                                     {".", ".", 2, "punct"}}));
  bool shelled = false;
  for (const Event& e : events) {
    EXPECT_FALSE(e.target.starts_with("CHL")) << e.target;
    shelled |= e.source == "PER" && e.target == "BOL";
  }
  EXPECT_TRUE(shelled);
}

// An act that is only a prospect ("the prospect of resuming talks") has
// not happened: hypothetical.
TEST(CoderTest, ProspectOfAnActIsHypothetical) {
  auto events = CodeDocWithKb(UdDoc({{"Chile", "NNP", 2, "nsubj"},
                                     {"played", "VBD", 0, "root"},
                                     {"down", "RP", 2, "compound:prt"},
                                     {"the", "DT", 5, "det"},
                                     {"prospect", "NN", 2, "obj"},
                                     {"of", "IN", 7, "mark"},
                                     {"resuming", "VBG", 5, "acl"},
                                     {"talks", "NNS", 7, "obj"},
                                     {"with", "IN", 10, "case"},
                                     {"Peru", "NNP", 7, "obl"},
                                     {".", ".", 2, "punct"}}));
  ASSERT_FALSE(events.empty());
  for (const Event& e : events) EXPECT_EQ(e.modality, "hypothetical");
}

// "X said its own troops had withdrawn": a comment about one's own side
// is no statement to anyone; told to another actor, it is.
TEST(CoderTest, CommentOnOnesOwnSideIsNoStatement) {
  auto own = CodeWithKb(
      "Chile said Chilean troops had left.",
      "(ROOT (S (NP (NNP Chile)) (VP (VBD said) (SBAR (S (NP (JJ Chilean)"
      " (NNS troops)) (VP (VBD had) (VP (VBN left)))))) (. .)))");
  for (const Event& e : own)
    EXPECT_FALSE(e.source == "CHL" && e.target.starts_with("CHL") &&
                 e.cameo.starts_with("01"))
        << e.source << " " << e.target << " " << e.cameo;
  auto told = CodeWithKb(
      "Chile told Peru that Chilean troops had left.",
      "(ROOT (S (NP (NNP Chile)) (VP (VBD told) (NP (NNP Peru)) (SBAR (IN"
      " that) (S (NP (JJ Chilean) (NNS troops)) (VP (VBD had) (VP (VBN"
      " left)))))) (. .)))");
  bool to_peru = false;
  for (const Event& e : told)
    to_peru |=
        e.source == "CHL" && e.target == "PER" && e.cameo.starts_with("01");
  EXPECT_TRUE(to_peru);
}

// An act proposed, suggested or recommended has not happened: hypothetical.
TEST(CoderTest, ProposedActsAreHypothetical) {
  for (const auto& [form, base] :
       std::vector<std::pair<std::string, std::string>>{
           {"proposed", "propose"},
           {"suggested", "suggest"},
           {"recommended", "recommend"}}) {
    auto events = CodeNewsAll(
        "Ossory " + form + " that Kestrand release Vellish envoys.",
        "(ROOT (S (NP (NNP Ossory)) (VP (VBD " + form +
            ") (SBAR (IN that) (S (NP (NNP Kestrand)) (VP (VB release) (NP"
            " (JJ Vellish) (NNS envoys)))))) (. .)))",
        {{form, base}});
    bool found = false;
    for (const Event& e : events)
      if (e.cameo == "0841") {
        found = true;
        EXPECT_EQ(e.modality, "hypothetical") << form;
      }
    EXPECT_TRUE(found) << form;
  }
  // Confirmed by another party, the act is claimed, not hypothetical.
  auto confirmed = CodeNewsAll(
      "Ossory confirmed that Kestrand released Vellish envoys.",
      "(ROOT (S (NP (NNP Ossory)) (VP (VBD confirmed) (SBAR (IN that) (S (NP"
      " (NNP Kestrand)) (VP (VBD released) (NP (JJ Vellish) (NNS envoys))))))"
      " (. .)))",
      {{"confirmed", "confirm"}});
  ASSERT_TRUE(Has(confirmed, "KST", "VLMGOV", "0841"));
  for (const Event& e : confirmed)
    if (e.cameo == "0841") {
      EXPECT_EQ(e.modality, "alleged");
    }
}

TEST(CoderTest, PronounTakesTheGoverningSubject) {
  Document doc = Parse(
      "Kestrand said it would attack Ossory.",
      "(ROOT (S (NP (NNP Kestrand)) (VP (VBD said) (SBAR (S (NP (PRP it)) (VP"
      " (MD would) (VP (VB attack) (NP (NNP Ossory))))))) (. .)))");
  EXPECT_TRUE(Code(doc).count({"KST", "OSY", "190"}));
}

TEST(CoderTest, NewActorLengthCodesShortPhrasesByText) {
  const char* ptb =
      "(ROOT (S (NP (NNP Brannoch) (NNP Harbour)) (VP (VBD criticized) (NP"
      " (NNP Ossory))) (. .)))";
  Document off = Parse("Brannoch Harbour criticized Ossory.", ptb);
  EXPECT_TRUE(Code(off).empty());
  Document on = Parse("Brannoch Harbour criticized Ossory.", ptb);
  ActorOptions o;
  o.new_actor_length = 2;
  EXPECT_EQ(Code(on, nullptr, {}, o),
            (std::set<Triple>{{"BRANNOCH HARBOUR", "OSY", "111"}}));
  Document longer = Parse("Brannoch Harbour criticized Ossory.", ptb);
  o.new_actor_length = 1;
  EXPECT_TRUE(Code(longer, nullptr, {}, o).empty());
}

TEST(CoderTest, CommaAsidesAreSkipped) {
  // "the old foe" between commas is an aside (2..8 words, no subject).
  Document doc = Parse(
      "Kestrand, the old foe of Vellmark, criticized Ossory.",
      "(ROOT (S (NP (NP (NNP Kestrand)) (, ,) (NP (NP (DT the) (JJ old) (NN"
      " foe)) (PP (IN of) (NP (NNP Vellmark)))) (, ,)) (VP (VBD criticized)"
      " (NP (NNP Ossory))) (. .)))");
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"KST", "OSY", "111"}}));
}

TEST(CoderTest, TransformationRewritesReportedEvent) {
  auto d = std::make_shared<Dictionaries>();
  ASSERT_TRUE(d->verbs
                  .LoadText("--- ATTACK [190] ---\nATTACK\n"
                            "--- SAY [010] ---\nSAID\nSAY\n"
                            "~ a (b . ATTACK) SAY = a b 112\n",
                            "verbs", d->words)
                  .ok());
  ASSERT_TRUE(d->actors
                  .LoadText("KESTRAND [KST]\nOSSORY [OSY]\nVELLMARK [VLM]\n",
                            "actors", d->words)
                  .ok());
  d->actors.Finish();
  d->agents.Finish();
  d->issues.Finish();
  Coder coder(d);
  Document doc = Parse(
      "Ossory said that Kestrand attacked Vellmark.",
      "(ROOT (S (NP (NNP Ossory)) (VP (VBD said) (SBAR (IN that) (S (NP (NNP"
      " Kestrand)) (VP (VBD attacked) (NP (NNP Vellmark)))))) (. .)))");
  ASSERT_TRUE(FindActors(*d, {}, doc).ok());
  ASSERT_TRUE(coder.Code(doc).ok());
  std::set<Triple> got;
  for (const Event& e : doc.events) got.insert({e.source, e.target, e.cameo});
  // "Ossory accuses Kestrand" instead of the attack and the statement.
  EXPECT_EQ(got, (std::set<Triple>{{"OSY", "KST", "112"}}));
}

TEST(CoderTest, FaultyTreesDoNotCrash) {
  Document doc = Parse(
      "Kestrand criticized Ossory.",
      "(ROOT (S (NP (NNP Kestrand)) (VP (VBD criticized) (NP (NNP Ossory)))"
      " (. .)))");
  // A cycle and out-of-range heads, as a faulty parser might give.
  doc.tokens[0].head = 2;
  doc.tokens[1].head = 1;
  doc.tokens[2].head = 99;
  doc.tokens[3].head = -5;
  Coder coder(TestDicts());
  EXPECT_TRUE(FindActors(*TestDicts(), {}, doc).ok());
  EXPECT_TRUE(coder.Code(doc).ok());
  Document empty;
  empty.text = "";
  EXPECT_TRUE(FindActors(*TestDicts(), {}, empty).ok());
  EXPECT_TRUE(coder.Code(empty).ok());
}

// An actor entry with only dated codes, read in a document dated outside
// them, has no code: the word-order fallback reads it as an actor without
// a code instead of crashing.
TEST(CoderTest, ActorWithoutCodeOnTheDateDoesNotCrash) {
  Document doc = Parse(
      "Brynmor criticized Ossory.",
      "(ROOT (S (NP (NNP Brynmor)) (VP (VBD criticized) (NP (NNP Ossory)))"
      " (. .)))",
      "2005-06-01");
  for (Token& t : doc.tokens) t.head = -1;  // no tree: word order only
  CoderOptions o;
  o.news_conventions = true;
  EXPECT_EQ(Code(doc, nullptr, o), (std::set<Triple>{{"---", "OSY", "111"}}));
}

// The coder needs no Penn parse: a UD tree as curlew's parser gives it.
TEST(CoderTest, CodesUniversalDependenciesTree) {
  Document doc;
  doc.id = "ud";
  doc.date = "2001-05-05";
  doc.text = "Kestrand attacked Ossory, officials said.";
  struct W {
    const char* word;
    const char* xpos;
    int head;
    const char* rel;
  };
  const W words[] = {{"Kestrand", "NNP", 2, "nsubj"},
                     {"attacked", "VBD", 0, "root"},
                     {"Ossory", "NNP", 2, "obj"},
                     {",", ",", 2, "punct"},
                     {"officials", "NNS", 6, "nsubj"},
                     {"said", "VBD", 2, "parataxis"},
                     {".", ".", 2, "punct"}};
  size_t pos = 0;
  for (const W& w : words) {
    Token t;
    pos = doc.text.find(w.word, pos);
    t.span = {static_cast<uint32_t>(pos),
              static_cast<uint32_t>(pos + std::string(w.word).size())};
    t.norm = w.word;
    t.xpos = w.xpos;
    t.head = w.head;
    t.deprel = w.rel;
    doc.tokens.push_back(t);
  }
  doc.sentences.push_back({{0, static_cast<uint32_t>(doc.text.size())},
                           0,
                           static_cast<uint32_t>(doc.tokens.size())});
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"KST", "OSY", "190"}}));
  EXPECT_EQ(doc.events[0].attribution, "officials");
}

// Differential test: the indexed pattern matcher (words of a pattern looked
// up first) must choose exactly what the plain matcher chooses.
TEST(CoderTest, FastMatcherAgreesWithReferenceMatcher) {
  std::string dir = std::string(CURLEW_SHARED_DIR) + "/data/petrarch2";
  std::string xml = dir + "/PETR.UnitTest.records.xml";
  if (!std::filesystem::exists(xml))
    GTEST_SKIP() << "shared data not found at " << dir;
  DictionaryFiles f;
  f.verbs = dir + "/PETR.Validate.verbs.txt";
  f.actors = {dir + "/PETR.Validate.actors.txt"};
  f.agents = dir + "/PETR.Validate.agents.txt";
  auto dicts = LoadDictionaryFiles(f);
  ASSERT_TRUE(dicts.ok());
  Coder coder(*dicts);
  auto reader = PetrarchXmlReader::Open(xml);
  ASSERT_TRUE(reader.ok());
  Result<PetrarchRecord> r = Status();
  int verbs = 0, with_pattern = 0;
  while ((*reader)->Next(&r)) {
    if (!r.ok()) continue;
    Document doc = RecordToDocument(*r);
    if (!BuildFromPtb(doc).ok()) continue;
    for (const Sentence& s : doc.sentences)
      for (size_t i = 0; i < s.size(); ++i) {
        PatternMatch fast = coder.MatchVerb(doc, s, i, true);
        PatternMatch ref = coder.MatchVerb(doc, s, i, false);
        EXPECT_EQ(fast.block, ref.block) << r->id << " token " << i;
        EXPECT_EQ(fast.pattern, ref.pattern) << r->id << " token " << i;
        EXPECT_EQ(fast.code, ref.code) << r->id << " token " << i;
        if (fast.block >= 0) ++verbs;
        if (fast.pattern >= 0) ++with_pattern;
      }
  }
  EXPECT_GT(verbs, 300);
  EXPECT_GT(with_pattern, 50);
}

// The PETRARCH unit-test suite with its own parses: the floor of issue 4.
TEST(ValidationTest, UnitTestSuitePassesFloor) {
  std::string xml = std::string(CURLEW_SHARED_DIR) +
                    "/data/petrarch2/PETR.UnitTest.records.xml";
  if (!std::filesystem::exists(xml))
    GTEST_SKIP() << "shared data not found at " << xml;
  std::ostringstream log;
  ValidateOptions o;
  auto r = RunValidation(xml, o, log);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::printf("PETRARCH unit tests (given parses): %d passed, %d failed\n",
              r->passed, r->failed);
  EXPECT_EQ(r->passed + r->failed, 279);
  EXPECT_GE(r->passed, 210);
  EXPECT_EQ(r->errors, 0);
  // All 284 records, none crashing.
  o.only_sentences = false;
  auto all = RunValidation(xml, o, log);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->passed + all->failed, 284);
  EXPECT_EQ(all->errors, 0);
}

TEST(ValidationTest, Dateline) {
  EXPECT_TRUE(HasDateline("PORT VELL: -- The council met."));
  EXPECT_FALSE(HasDateline("The council met: all agreed."));
}

}  // namespace
}  // namespace curlew
