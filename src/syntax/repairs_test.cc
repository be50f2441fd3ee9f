// The parse repairs and the tagger's finite-verb rule, on hand-made trees
// and tag sequences of our own sentences.
#include "syntax/repairs.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "syntax/tagger.h"

namespace curlew::syntax {
namespace {

// One token per line: "lemma UPOS XPOS head deprel".
std::vector<Token> Tree(const std::string& spec) {
  std::vector<Token> tokens;
  std::istringstream in(spec);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream f(line);
    Token t;
    if (!(f >> t.lemma >> t.upos >> t.xpos >> t.head >> t.deprel)) continue;
    tokens.push_back(t);
  }
  return tokens;
}

std::string Heads(const std::vector<Token>& t) {
  std::string out;
  for (const Token& k : t) out += std::to_string(k.head) + ":" + k.deprel + " ";
  return out;
}

TEST(RepairParse, ClosingAttributionReadAsRelativeClause) {
  // "Norland welcomed the talks , the state news agency Nora said ."
  auto t = Tree(R"(norland PROPN NNP 2 nsubj
welcome VERB VBD 0 root
the DET DT 4 det
talk NOUN NNS 2 obj
, PUNCT , 9 appos
the DET DT 9 det
state NOUN NN 9 compound
news NOUN NN 9 compound
agency NOUN NN 4 appos
nora PROPN NNP 11 nsubj
say VERB VBD 9 acl:relcl
. PUNCT . 2 punct)");
  t[4].deprel = "punct";
  RepairParse(t.data(), t.size());
  EXPECT_EQ(t[10].head, 2);
  EXPECT_EQ(t[10].deprel, "parataxis");
  EXPECT_EQ(t[8].head, 11);
  EXPECT_EQ(t[8].deprel, "nsubj");
  EXPECT_EQ(t[9].head, 9);
  EXPECT_EQ(t[9].deprel, "appos");
  EXPECT_EQ(t[4].head, 11);
}

TEST(RepairParse, RealRelativeClausesStay) {
  // "He read the report that the agency published ." (a relative pronoun)
  // and "He denied the claims the agency reported ." (no comma before the
  // noun): both are relative clauses and stay as parsed.
  const auto with_pronoun = Tree(R"(he PRON PRP 2 nsubj
read VERB VBD 0 root
the DET DT 4 det
report NOUN NN 2 obj
that PRON WDT 8 obj
the DET DT 7 det
agency NOUN NN 8 nsubj
report VERB VBD 4 acl:relcl
. PUNCT . 2 punct)");
  auto t = with_pronoun;
  RepairParse(t.data(), t.size());
  EXPECT_EQ(Heads(t), Heads(with_pronoun));
  const auto no_comma = Tree(R"(he PRON PRP 2 nsubj
deny VERB VBD 0 root
the DET DT 4 det
claim NOUN NNS 2 obj
the DET DT 6 det
agency NOUN NN 7 nsubj
report VERB VBD 4 acl:relcl
. PUNCT . 2 punct)");
  t = no_comma;
  RepairParse(t.data(), t.size());
  EXPECT_EQ(Heads(t), Heads(no_comma));
}

TEST(RepairParse, ListOfNamesIsNotAnApposition) {
  // "Norland , Sudria and Westmark signed ."
  auto t = Tree(R"(norland PROPN NNP 6 nsubj
, PUNCT , 3 punct
sudria PROPN NNP 1 appos
and CCONJ CC 5 cc
westmark PROPN NNP 3 conj
sign VERB VBD 0 root
. PUNCT . 6 punct)");
  RepairParse(t.data(), t.size());
  EXPECT_EQ(t[2].head, 1);
  EXPECT_EQ(t[2].deprel, "conj");
  EXPECT_EQ(t[4].head, 1);
  EXPECT_EQ(t[4].deprel, "conj");
  // "its neighbour , Sudria" (a noun, then a name) stays an apposition.
  auto a = Tree(R"(its PRON PRP$ 2 nmod:poss
neighbour NOUN NN 0 root
, PUNCT , 4 punct
sudria PROPN NNP 2 appos
and CCONJ CC 6 cc
westmark PROPN NNP 4 conj)");
  const std::string before = Heads(a);
  RepairParse(a.data(), a.size());
  EXPECT_EQ(Heads(a), before);
}

TEST(RepairParse, TwoSubjectsSideBySide) {
  // "Old Norland protested ." with "Old" read as a second subject.
  auto t = Tree(R"(old ADJ JJ 3 nsubj
norland PROPN NNP 3 nsubj
protest VERB VBD 0 root)");
  RepairParse(t.data(), t.size());
  EXPECT_EQ(t[0].head, 2);
  EXPECT_EQ(t[0].deprel, "amod");
  EXPECT_EQ(t[1].deprel, "nsubj");
}

TEST(RepairParse, InfinitiveAfterControlVerbIsItsComplement) {
  // "The militia vowed on Monday to fight ."
  auto t = Tree(R"(the DET DT 2 det
militia NOUN NN 3 nsubj
vow VERB VBD 0 root
on ADP IN 5 case
monday PROPN NNP 3 obl
to PART TO 7 mark
fight VERB VB 3 advcl
. PUNCT . 3 punct)");
  RepairParse(t.data(), t.size());
  EXPECT_EQ(t[6].deprel, "xcomp");
  // "They left early to catch the train": "leave" is no control verb.
  auto p = Tree(R"(they PRON PRP 2 nsubj
leave VERB VBD 0 root
early ADV RB 2 advmod
to PART TO 5 mark
catch VERB VB 2 advcl)");
  RepairParse(p.data(), p.size());
  EXPECT_EQ(p[4].deprel, "advcl");
}

class FiniteVerbRule : public ::testing::Test {
 protected:
  void SetUp() override {
    tagger.SetClasses({"PROPN", "NOUN", "VERB", "VERB", "AUX", "ADV", "ADJ",
                       "NUM", "PUNCT", "DET", "INTJ", "VERB"},
                      {"NNP", "NNS", "VBN", "VBD", "VB", "RB", "JJ", "CD", ",",
                       "DT", "UH", "VBP"});
  }
  // Class indices of the tags above.
  static constexpr int kName = 0, kNouns = 1, kParticiple = 2, kPast = 3,
                       kAux = 4, kAdverb = 5, kAdj = 6, kNum = 7, kComma = 8,
                       kDet = 9, kIntj = 10, kPresent = 11;
  // Runs the rule on `tags`, with plain words (no -ed adjective).
  std::vector<int> Run(std::vector<int> tags) const {
    std::vector<WordInfo> words(tags.size());
    tagger.EnforceFiniteVerb(words, tags);
    return tags;
  }
  Tagger tagger;
};

TEST_F(FiniteVerbRule, ParticipleWithoutFiniteVerbBecomesPastTense) {
  // "Norland fired two shells at dawn": fired read as VBN.
  EXPECT_EQ(Run({kName, kParticiple, kNum, kNouns, kNouns})[1], kPast);
}

TEST_F(FiniteVerbRule, LeavesPassivesShortAndFiniteSentencesAlone) {
  // "to be quickly arrested": the participle follows an auxiliary.
  EXPECT_EQ(Run({kNouns, kAux, kAdverb, kParticiple, kAdj})[3], kParticiple);
  // A sentence that has a finite verb keeps its participles.
  EXPECT_EQ(Run({kName, kPast, kNouns, kParticiple, kNouns})[3], kParticiple);
  // Three words are a headline or a fragment: left alone.
  EXPECT_EQ(Run({kNouns, kParticiple, kNouns})[1], kParticiple);
  // No noun before it ("Posted on the list today", "Highly recommended
  // shop"), or nothing like an object after it ("Two suspects arrested"):
  // a fragment, left alone.
  EXPECT_EQ(Run({kParticiple, kDet, kNouns, kNouns})[0], kParticiple);
  EXPECT_EQ(Run({kAdverb, kParticiple, kNouns, kNouns})[1], kParticiple);
  EXPECT_EQ(Run({kNum, kAdj, kNouns, kParticiple})[3], kParticiple);
  // "Letters sent by the minister": a passive's agent follows.
  std::vector<int> tags = {kNouns, kParticiple, kDet, kNouns, kNouns};
  std::vector<WordInfo> words(tags.size());
  words[2].lower = Fnv1a("by");
  tagger.EnforceFiniteVerb(words, tags);
  EXPECT_EQ(tags[1], kParticiple);
}

TEST_F(FiniteVerbRule, ClosingAttributionDoesNotCount) {
  // "Rebels seized two towns , officials said": "said" is the report's
  // verb, not the clause's; "seized" read as VBN is still retagged.
  const std::vector<int> tags = {kNouns, kParticiple, kNum, kNouns,
                                 kComma, kNouns,      kPast};
  EXPECT_EQ(Run(tags)[1], kPast);
  // A finite verb after the comma that is not a closing attribution (a
  // second clause) counts.
  EXPECT_EQ(Run({kNouns, kParticiple, kNouns, kNouns, kComma, kPast, kNouns,
                 kAdverb, kPast})[1],
            kParticiple);
}

TEST_F(FiniteVerbRule, VerbFormReadAsAdjectiveBetweenNounPhrases) {
  // "guerrillas wounded two soldiers": "wounded" tagged JJ, an -ed form
  // WordNet knows as a verb's inflection.
  std::vector<int> tags = {kNouns, kAdj, kNum, kNouns};
  std::vector<WordInfo> words(tags.size());
  words[1].suf2 = Fnv1a("ed") + 2;
  words[1].wordnet = WordNet::kVerb << 4;
  tagger.EnforceFiniteVerb(words, tags);
  EXPECT_EQ(tags[1], kPast);
  // Not an inflection of a verb ("a red flag"-like): left as an adjective.
  tags = {kNouns, kAdj, kNum, kNouns};
  words[1].wordnet = WordNet::kAdj;
  tagger.EnforceFiniteVerb(words, tags);
  EXPECT_EQ(tags[1], kAdj);
}

TEST_F(FiniteVerbRule, VerbReadAsInterjectionBetweenNounPhrases) {
  // "Norland and Sudria welcome the talks": "welcome" tagged UH, a word
  // WordNet knows as a verb.
  std::vector<int> tags = {kName, kName, kIntj, kDet, kNouns};
  std::vector<WordInfo> words(tags.size());
  words[2].wordnet = WordNet::kVerb;
  tagger.EnforceFiniteVerb(words, tags);
  EXPECT_EQ(tags[2], kPresent);
  // "Thanks" at the start of a sentence stays an interjection.
  tags = {kIntj, kDet, kNouns, kNouns};
  words.assign(tags.size(), WordInfo());
  words[0].wordnet = WordNet::kVerb;
  tagger.EnforceFiniteVerb(words, tags);
  EXPECT_EQ(tags[0], kIntj);
}

}  // namespace
}  // namespace curlew::syntax
