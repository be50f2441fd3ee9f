#include "events/dictionaries.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace curlew {
namespace {

std::vector<uint32_t> Ids(const dict::WordTable& w, const std::string& s) {
  std::vector<uint32_t> ids;
  for (std::string_view x : dict::SplitWords(s))
    ids.push_back(w.Find(dict::Upper(x)));
  return ids;
}

TEST(ActorDictionaryTest, SynonymsAndDateRestrictions) {
  dict::WordTable words;
  ActorDictionary actors;
  ASSERT_TRUE(
      actors
          .LoadText("VELLMARK_ [VLM]\n+VELLISH\n\n"
                    "OLD_TORVE ; a note\n+TORVE_THE_GREY\n"
                    "\t[VLMREB < 900101]\n\t[VLMGOV 19900101 - 991231]\n"
                    "\t[VLMELI]\n",
                    "mem", words)
          .ok());
  actors.Finish();
  std::string code;
  EXPECT_EQ(actors.Match(Ids(words, "VELLISH"), 0, 0, &code), 1u);
  EXPECT_EQ(code, "VLM");
  auto torve = Ids(words, "TORVE THE GREY");
  EXPECT_EQ(actors.Match(torve, 0, 19850101, &code), 3u);
  EXPECT_EQ(code, "VLMREB");
  actors.Match(torve, 0, 19950505, &code);
  EXPECT_EQ(code, "VLMGOV");
  actors.Match(torve, 0, 20050505, &code);
  EXPECT_EQ(code, "VLMELI");
}

TEST(ActorDictionaryTest, BlankAllowsWordsBetween) {
  dict::WordTable words;
  ActorDictionary actors;
  ASSERT_TRUE(actors
                  .LoadText("VELLMARK RADIO [VLMRAD]\nKESTRAND_NAVY [KSTNAV]\n",
                            "mem", words)
                  .ok());
  actors.Finish();
  words.Intern("STATE-RUN");
  words.Intern("NEW");
  std::string code;
  EXPECT_EQ(actors.Match(Ids(words, "VELLMARK STATE-RUN RADIO"), 0, 0, &code),
            3u);
  EXPECT_EQ(code, "VLMRAD");
  EXPECT_EQ(actors.Match(Ids(words, "VELLMARK RADIO"), 0, 0, &code), 2u);
  // '_' joins words that must be adjacent.
  EXPECT_EQ(actors.Match(Ids(words, "KESTRAND NEW NAVY"), 0, 0, &code), 0u);
}

TEST(ActorDictionaryTest, MalformedRestrictionNamesLine) {
  dict::WordTable words;
  ActorDictionary actors;
  Status s = actors.LoadText("A [X]\nB\n\t[Y 1990-]\n", "bad.txt", words);
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(s.is_line());
  EXPECT_EQ(s.position(), 3);
  EXPECT_EQ(s.where(), "bad.txt");
}

TEST(AgentDictionaryTest, PluralsAndSubstitutions) {
  dict::WordTable words;
  AgentDictionary agents;
  ASSERT_TRUE(agents
                  .LoadText("!PERSON! = MAN, WOMAN\nENVOY [~GOV]\n"
                            "HERD!PERSON! [~AGR]\nGRAND_GOOSE {GRAND_GEESE} "
                            "[~GGS]\nPOLICE {} [~COP]\nCHARITY [NGO~]\n",
                            "mem", words)
                  .ok());
  agents.Finish();
  const Agent* a = nullptr;
  EXPECT_EQ(agents.Match(Ids(words, "ENVOYS"), 0, &a), 1u);
  EXPECT_EQ(a->code, "GOV");
  EXPECT_EQ(agents.Match(Ids(words, "HERDWOMAN"), 0, &a), 1u);
  EXPECT_EQ(a->code, "AGR");
  EXPECT_EQ(agents.Match(Ids(words, "GRAND GEESE"), 0, &a), 2u);
  EXPECT_EQ(words.Find("POLICES"), dict::kNoWord);
  EXPECT_EQ(agents.Match(Ids(words, "CHARITIES"), 0, &a), 1u);
  EXPECT_TRUE(a->prefix);
}

TEST(VerbDictionaryTest, BlocksFormsPatternsSynsets) {
  dict::WordTable words;
  VerbDictionary verbs;
  ASSERT_TRUE(
      verbs
          .LoadText("&COIN\n+DUCAT\n+SILVER_MARK_\n\n"
                    "--- GIVE [070] ---\nGIVE {GIVES GAVE GIVEN GIVING}\n"
                    "+HAND_OVER\nDONATE [071]\n- * &COIN [071]\n"
                    "- $ NOT * ^ TO_ + [124]\n"
                    "--- MEET [031:032] ---\nMEET\n"
                    "~ a (a b ATTACK) SAY = a b 015\n",
                    "mem", words)
          .ok());
  auto* gave = verbs.Forms(words.Find("GAVE"));
  ASSERT_NE(gave, nullptr);
  EXPECT_EQ(verbs.block((*gave)[0].block).code, "070");
  EXPECT_EQ(verbs.Forms(words.Find("GIVED")), nullptr);
  auto* handed = verbs.Forms(words.Find("HANDED"));
  ASSERT_NE(handed, nullptr);
  EXPECT_EQ((*handed)[0].after.size(), 1u);
  auto* donating = verbs.Forms(words.Find("DONATING"));
  ASSERT_NE(donating, nullptr);
  EXPECT_EQ((*donating)[0].code, "071");
  const VerbBlock& give = verbs.block(0);
  ASSERT_EQ(give.patterns.size(), 2u);
  EXPECT_EQ(give.patterns[0].post[0].kind, PatternElem::kSynset);
  EXPECT_EQ(give.patterns[1].pre[0].kind, PatternElem::kSource);
  EXPECT_EQ(give.patterns[1].post.back().kind, PatternElem::kTarget);
  EXPECT_FALSE(give.patterns[1].post[1].linked);  // TO_ ends a chunk
  EXPECT_EQ(verbs.block(1).code2, "032");
  // Plurals of synset members, except after a trailing '_'.
  EXPECT_EQ(verbs.synset(0).size(), 3u);
  EXPECT_EQ(verbs.transforms().size(), 1u);
}

TEST(VerbDictionaryTest, PatternWithoutStarIsAnError) {
  dict::WordTable words;
  VerbDictionary verbs;
  Status s =
      verbs.LoadText("--- X [010] ---\nX\n- FOO BAR [011]\n", "v.txt", words);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.position(), 3);
}

TEST(PhraseListsTest, DiscardsAndIssues) {
  DiscardList d;
  ASSERT_TRUE(d.LoadText("+HURLING\nTRACK MEET_\n", "mem").ok());
  EXPECT_EQ(d.Match({"THE", "HURLINGS"}), DiscardKind::kStory);
  EXPECT_EQ(d.Match({"A", "TRACK", "MEET"}), DiscardKind::kSentence);
  EXPECT_EQ(d.Match({"A", "TRACK", "MEETS"}), DiscardKind::kNone);
  dict::WordTable words;
  IssueList issues;
  ASSERT_TRUE(issues
                  .LoadText("<ISSUE CATEGORY=\"X\">\nn:famine [FOOD]\n"
                            "food+aid [FOOD]\n~famine relief\n</ISSUE>\n",
                            "mem", words)
                  .ok());
  issues.Finish();
  EXPECT_EQ(issues.Match(Ids(words, "FAMINES AND FOOD-AID")), "FOOD 2");
  EXPECT_EQ(issues.Match(Ids(words, "FAMINE RELIEF")), "");
}

TEST(DictionariesTest, ProductionSetLoads) {
  std::string dir = std::string(CURLEW_SHARED_DIR) + "/data/petrarch2";
  if (!std::filesystem::exists(dir + "/PETR_config.ini"))
    GTEST_SKIP() << "shared data not found at " << dir;
  auto d = LoadDictionaries(dir);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_GT((*d)->actors.size(), 30000u);
  EXPECT_GT((*d)->agents.size(), 2000u);
  EXPECT_GT((*d)->verbs.pattern_count(), 4000u);
  EXPECT_GT((*d)->discards.size(), 400u);
  EXPECT_GT((*d)->issues.size(), 1000u);
  // The raw 0x1A byte inside a name is part of the word.
  std::string code;
  auto w = (*d)->words.Find("JAN");
  EXPECT_NE(w, dict::kNoWord);
}

// Found by fuzz/dictionary_fuzzer: a verb line of separators only.
TEST(VerbDictionaryTest, SeparatorOnlyVerbLineIsSafe) {
  dict::WordTable words;
  VerbDictionary verbs;
  EXPECT_TRUE(
      verbs.LoadText("--- GIVE [070] ---\n_\n+\nGIVE\n", "mem", words).ok());
  EXPECT_NE(verbs.Forms(words.Find("GIVES")), nullptr);
}

// Found by fuzz/dictionary_fuzzer: every '+' doubles an issue phrase's
// forms; a line with dozens of them is an error, not an exhausted memory.
TEST(PhraseListsTest, IssuePhraseWithTooManyFormsIsAnError) {
  dict::WordTable words;
  IssueList issues;
  const std::string phrase = "a+b+c+d+e+f+g+h+i+j+k+l+m+n+o+p+q+r+s+t+u+v+w";
  Status s =
      issues.LoadText("food+aid [FOOD]\n" + phrase + " [X]\n", "mem", words);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), ErrorCode::kLimitExceeded);
  EXPECT_EQ(s.position(), 2);
}

// Found by fuzz/dictionary_fuzzer (a 10-minute run): words of 2,048 forms
// each, under the limit alone, whose product is far over it; the limit is
// checked before the product is built (it once built millions of strings
// and timed out).
TEST(PhraseListsTest, IssuePhraseWhoseWordsMultiplyPastTheLimitIsAnError) {
  dict::WordTable words;
  IssueList issues;
  const std::string word = "a+b+c+d+e+f+g+h+i+j+k+l";  // 2^11 = 2,048 forms
  Status s =
      issues.LoadText(word + " " + word + " " + word + " [X]\n", "mem", words);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), ErrorCode::kLimitExceeded);
  // A phrase at the limit still loads.
  IssueList fits;
  EXPECT_TRUE(fits.LoadText(word + " n:aid [X]\n", "mem", words).ok());
}

}  // namespace
}  // namespace curlew
