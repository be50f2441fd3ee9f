// Tiny deterministic training run on curlew's own template fixture, model
// file errors, the lemmatizer and the pipeline component.
#include "curlew/syntax.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/conllu.h"
#include "syntax/lemmatizer.h"
#include "syntax/punct.h"

namespace curlew {
namespace {

const std::string kFixture =
    std::string(CURLEW_SOURCE_DIR) + "/src/syntax/testdata/tiny.conllu";

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("curlew_syntax_test_" + std::to_string(::getpid()) + "_" + name))
      .string();
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

// Training options on the fixture.
SyntaxTrainOptions FixtureOptions(const std::string& out, uint64_t seed,
                                  int tagger_epochs, int parser_epochs,
                                  int jackknife_folds) {
  SyntaxTrainOptions o;
  o.train_path = kFixture;
  o.out_path = out;
  o.seed = seed;
  o.tagger_epochs = tagger_epochs;
  o.parser_epochs = parser_epochs;
  o.jackknife_folds = jackknife_folds;
  return o;
}

// The model's annotation of the fixture it was trained on, scored.
SyntaxScores ScoreOnFixture(const SyntaxModel& model) {
  Result<Document> gold = ReadConlluFile(kFixture);
  EXPECT_TRUE(gold.ok());
  Document sys = *gold;
  ClearSyntax(sys);
  EXPECT_TRUE(model.Annotate(sys).ok());
  return ScoreSameTokens(*gold, sys);
}

// Trains once per test binary.
class TinyModel : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = new std::string(TempPath("tiny.model"));
    Status s = TrainSyntaxModel(FixtureOptions(*path_, 3, 5, 6, 0));
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  static void TearDownTestSuite() {
    std::filesystem::remove(*path_);
    delete path_;
  }
  static std::string* path_;
};
std::string* TinyModel::path_ = nullptr;

TEST_F(TinyModel, LearnsItsOwnDataAndIsDeterministic) {
  auto model = SyntaxModel::Load(*path_);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  SyntaxScores sc = ScoreOnFixture(**model);
  // Stated accuracy on its own training data (300 template sentences).
  EXPECT_GE(sc.F1(sc.upos), 99.0);
  EXPECT_GE(sc.F1(sc.xpos), 99.0);
  EXPECT_GE(sc.F1(sc.lemma), 99.0);
  EXPECT_GE(sc.F1(sc.uas), 98.0);
  EXPECT_GE(sc.F1(sc.las), 97.0);

  // Same seed, same bytes.
  std::string again = TempPath("tiny2.model");
  ASSERT_TRUE(TrainSyntaxModel(FixtureOptions(again, 3, 5, 6, 0)).ok());
  EXPECT_EQ(ReadBytes(again), ReadBytes(*path_));
  std::filesystem::remove(again);
}

// With jackknifing the trainer builds the tagger's second pass and picks
// the margin above which it is skipped; the model still learns its own
// data and stays deterministic.
TEST(TwoPassTagger, TrainsLoadsAndIsDeterministic) {
  auto train = [](const std::string& out) {
    return TrainSyntaxModel(FixtureOptions(out, 5, 4, 3, 3));
  };
  const std::string a = TempPath("two_pass_a.model");
  const std::string b = TempPath("two_pass_b.model");
  ASSERT_TRUE(train(a).ok());
  ASSERT_TRUE(train(b).ok());
  EXPECT_EQ(ReadBytes(a), ReadBytes(b));
  auto model = SyntaxModel::Load(a);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_NE((*model)->Describe().find("tagger_passes=2"), std::string::npos);
  SyntaxScores sc = ScoreOnFixture(**model);
  EXPECT_GE(sc.F1(sc.upos), 99.0);
  EXPECT_GE(sc.F1(sc.uas), 95.0);
  std::filesystem::remove(a);
  std::filesystem::remove(b);
}

// Every optional feature group (clusters, more tagger context) trains and
// learns the fixture.
TEST(FeatureGroups, AllGroupsTrainAndLearnTheFixture) {
  const std::string path = TempPath("groups.model");
  SyntaxTrainOptions o = FixtureOptions(path, 2, 5, 6, 0);
  o.tagger_features = 3;
  o.parser_features = 1;
  o.cluster_classes = 16;
  ASSERT_TRUE(TrainSyntaxModel(o).ok());
  auto model = SyntaxModel::Load(path);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  SyntaxScores sc = ScoreOnFixture(**model);
  EXPECT_GE(sc.F1(sc.upos), 99.0);
  EXPECT_GE(sc.F1(sc.uas), 98.0);
  EXPECT_GE(sc.F1(sc.las), 97.0);
  std::filesystem::remove(path);
}

// A parser trained globally with a beam keeps its beam in the file, parses
// with it, learns the fixture and is deterministic.
TEST(BeamParser, TrainsGloballyAndParsesWithItsBeam) {
  auto train = [](const std::string& out) {
    SyntaxTrainOptions o = FixtureOptions(out, 2, 5, 6, 0);
    o.parser_beam = 4;
    return TrainSyntaxModel(o);
  };
  const std::string a = TempPath("beam_a.model");
  const std::string b = TempPath("beam_b.model");
  ASSERT_TRUE(train(a).ok());
  ASSERT_TRUE(train(b).ok());
  EXPECT_EQ(ReadBytes(a), ReadBytes(b));
  auto model = SyntaxModel::Load(a);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_NE((*model)->Describe().find("parser_beam=4"), std::string::npos);
  SyntaxScores sc = ScoreOnFixture(**model);
  EXPECT_GE(sc.F1(sc.uas), 98.0);
  EXPECT_GE(sc.F1(sc.las), 97.0);
  // A beam outside 1..256 is refused.
  SyntaxTrainOptions bad = FixtureOptions(a, 2, 1, 1, 0);
  bad.parser_beam = 0;
  EXPECT_EQ(TrainSyntaxModel(bad).code(), ErrorCode::kInvalidArgument);
  std::filesystem::remove(a);
  std::filesystem::remove(b);
}

TEST_F(TinyModel, ParsesUnseenSentenceSensibly) {
  auto model = SyntaxModel::Load(*path_);
  ASSERT_TRUE(model.ok());
  // Words from the fixture's vocabulary in a sentence it does not contain.
  Document doc;
  doc.id = "unseen";
  doc.text = "Kenya rejected the new plan .";
  uint32_t b = 0;
  for (std::string_view w : {"Kenya", "rejected", "the", "new", "plan", "."}) {
    Token t;
    t.span = {b, static_cast<uint32_t>(b + w.size())};
    doc.tokens.push_back(t);
    b += w.size() + 1;
  }
  doc.sentences.push_back(
      {.span = {0, b - 1}, .token_begin = 0, .token_end = 6});
  ASSERT_TRUE((*model)->Annotate(doc).ok());
  EXPECT_EQ(doc.tokens[1].upos, "VERB");
  EXPECT_EQ(doc.tokens[1].lemma, "reject");
  EXPECT_EQ(doc.tokens[1].head, 0);
  EXPECT_EQ(doc.tokens[0].head, 2);
  EXPECT_EQ(doc.tokens[0].deprel, "nsubj");
  EXPECT_EQ(doc.tokens[4].head, 2);
  EXPECT_EQ(doc.tokens[4].deprel, "obj");
  int roots = 0;
  for (const Token& t : doc.tokens) roots += t.head == 0;
  EXPECT_EQ(roots, 1);
}

TEST_F(TinyModel, ComponentLeavesGivenParsesAlone) {
  auto model = SyntaxModel::Load(*path_);
  ASSERT_TRUE(model.ok());
  Result<Document> gold = ReadConlluFile(kFixture);
  ASSERT_TRUE(gold.ok());
  Document doc = *gold;
  // First sentence keeps its given tree, the rest is cleared.
  for (uint32_t i = doc.sentences[1].token_begin; i < doc.tokens.size(); ++i) {
    doc.tokens[i].head = -1;
    doc.tokens[i].deprel.clear();
    doc.tokens[i].upos.clear();
  }
  doc.tokens[0].deprel = "given";
  auto c = MakeSyntaxComponent(*model);
  EXPECT_EQ(c->name(), "syntax");
  EXPECT_EQ(c->requires_annotations(), kTokens | kSentences);
  EXPECT_EQ(c->assigns_annotations(), kTags | kLemmas | kTree);
  ASSERT_TRUE(c->Process(doc).ok());
  EXPECT_EQ(doc.tokens[0].deprel, "given");
  for (uint32_t i = doc.sentences[1].token_begin; i < doc.tokens.size(); ++i) {
    EXPECT_GE(doc.tokens[i].head, 0);
    EXPECT_FALSE(doc.tokens[i].upos.empty());
  }
}

// The lazy component, loading on first need or from construction on in
// the background: the same trees as the eager one; a corrupt file is an
// error for each document that needs it; a missing one at construction.
TEST_F(TinyModel, LazyComponentLoadsOnNeedOrInTheBackground) {
  auto model = SyntaxModel::Load(*path_);
  ASSERT_TRUE(model.ok());
  Result<Document> gold = ReadConlluFile(kFixture);
  ASSERT_TRUE(gold.ok());
  Document unparsed = *gold;
  ClearSyntax(unparsed);
  Document eager = unparsed;
  ASSERT_TRUE(MakeSyntaxComponent(*model)->Process(eager).ok());
  for (bool load_now : {false, true}) {
    auto lazy = MakeLazySyntaxComponent(*path_, {}, load_now);
    ASSERT_TRUE(lazy.ok()) << lazy.status().ToString();
    for (int round = 0; round < 2; ++round) {
      Document doc = unparsed;
      ASSERT_TRUE((*lazy)->Process(doc).ok());
      ASSERT_EQ(doc.tokens.size(), eager.tokens.size());
      for (size_t i = 0; i < doc.tokens.size(); ++i) {
        EXPECT_EQ(doc.tokens[i].head, eager.tokens[i].head) << load_now;
        EXPECT_EQ(doc.tokens[i].deprel, eager.tokens[i].deprel) << load_now;
        EXPECT_EQ(doc.tokens[i].xpos, eager.tokens[i].xpos) << load_now;
      }
    }
  }
  // Destroyed while (perhaps) still loading: the thread is joined.
  EXPECT_TRUE(MakeLazySyntaxComponent(*path_, {}, true).ok());

  const std::string bad = TempPath("lazy-bad.model");
  WriteBytes(bad, "not a model");
  for (bool load_now : {false, true}) {
    auto lazy = MakeLazySyntaxComponent(bad, {}, load_now);
    ASSERT_TRUE(lazy.ok());
    Document doc = unparsed;
    EXPECT_EQ((*lazy)->Process(doc).code(), ErrorCode::kCorruptModel);
    Document given = *gold;  // every sentence parsed: the model not needed
    EXPECT_TRUE((*lazy)->Process(given).ok());
  }
  std::filesystem::remove(bad);
  auto missing = MakeLazySyntaxComponent(TempPath("absent.model"), {}, true);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), ErrorCode::kNotFound);
}

TEST_F(TinyModel, LimitsAreErrors) {
  SyntaxOptions options;
  options.max_sentence_tokens = 3;
  auto model = SyntaxModel::Load(*path_, options);
  ASSERT_TRUE(model.ok());
  Result<Document> gold = ReadConlluFile(kFixture);
  ASSERT_TRUE(gold.ok());
  Document doc = *gold;
  Status s = (*model)->Annotate(doc);
  EXPECT_EQ(s.code(), ErrorCode::kLimitExceeded);
}

TEST_F(TinyModel, CorruptModelsAreClearErrors) {
  const std::string good = ReadBytes(*path_);
  ASSERT_GT(good.size(), 100u);
  const std::string bad = TempPath("bad.model");

  auto missing = SyntaxModel::Load(TempPath("does-not-exist.model"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), ErrorCode::kNotFound);
  EXPECT_NE(missing.status().ToString().find("does-not-exist.model"),
            std::string::npos);

  auto expect_corrupt = [&](const std::string& bytes, const char* what) {
    WriteBytes(bad, bytes);
    auto m = SyntaxModel::Load(bad);
    ASSERT_FALSE(m.ok()) << what;
    EXPECT_EQ(m.status().code(), ErrorCode::kCorruptModel) << what;
    EXPECT_EQ(m.status().where(), bad) << what;
  };
  expect_corrupt("", "empty file");
  expect_corrupt("hello world, not a model at all", "wrong magic");
  expect_corrupt(good.substr(0, 10), "truncated header");
  expect_corrupt(good.substr(0, good.size() / 2), "truncated payload");
  expect_corrupt(good + "x", "trailing byte");
  for (size_t at : {size_t{9}, size_t{40}, good.size() / 3, good.size() - 1}) {
    std::string flipped = good;
    flipped[at] ^= 0x20;
    expect_corrupt(flipped, "flipped byte");
  }
  std::filesystem::remove(bad);
}

TEST(Lemmatizer, EditScripts) {
  using syntax::EditScript;
  EXPECT_EQ(EditScript::Between("ratified", "ratify").Apply("certified"),
            "certify");
  EXPECT_EQ(EditScript::Between("The", "the").Apply("A"), "a");
  EXPECT_EQ(EditScript::Between("Turkey", "Turkey").Apply("China"), "China");
  EXPECT_EQ(EditScript::Between("talks", "talk").Apply("Talks"), "talk");
  // A script learned on "'m" -> "be" strips two bytes; on "\u00b4m" (three
  // bytes) it must not cut the accent in half: the lemma stays UTF-8.
  EXPECT_EQ(EditScript::Between("'m", "be").Apply("\u00b4m"), "be");
}

// "A B , C ." with B the root, A its subject, C its object and the period
// on B: the comma may attach to B or C (A's arc would cross B's).
syntax::PunctSentence PunctFixture(syntax::ParserInput& in) {
  in.Resize(6);
  const char* words[] = {"", "a", "b", ",", "c", "."};
  for (int i = 1; i <= 5; ++i) {
    in.word[i] = syntax::Fnv1a(words[i]);
    in.upos[i] = syntax::Fnv1a(i == 3 || i == 5 ? "PUNCT" : "NOUN");
    in.tag[i] = in.upos[i];
  }
  syntax::PunctSentence s;
  s.in = &in;
  s.punct = {0, 0, 0, 1, 0, 1};
  s.heads = {-1, 2, 0, 2, 2, 2};
  s.rels = {-1, 1, 0, 2, 3, 2};
  return s;
}

TEST(PunctAttacher, CandidatesDoNotCrossArcs) {
  syntax::ParserInput in;
  syntax::PunctSentence s = PunctFixture(in);
  syntax::PunctAttacher::Layout layout;
  syntax::PunctAttacher::Describe(s, layout);
  std::vector<int> cands;
  syntax::PunctAttacher::Candidates(s, layout, 3, cands);
  std::sort(cands.begin(), cands.end());
  EXPECT_EQ(cands, (std::vector<int>{2, 4}));
  syntax::PunctAttacher::Candidates(s, layout, 5, cands);
  std::sort(cands.begin(), cands.end());
  EXPECT_EQ(cands, (std::vector<int>{2, 4}));  // not A: B's arc to C
}

TEST(PunctAttacher, LearnsARankingAndLeavesUntrainedTreesAlone) {
  syntax::ParserInput in;
  syntax::PunctSentence gold = PunctFixture(in);
  gold.heads[3] = 4;  // the comma belongs to C
  syntax::PunctAttacher untrained;
  syntax::PunctSentence s = PunctFixture(in);
  untrained.Reattach(s);
  EXPECT_EQ(s.heads[3], 2);
  syntax::Perceptron p(1);
  for (int e = 0; e < 5; ++e) syntax::PunctAttacher::TrainSentence(p, gold);
  syntax::PunctAttacher trained;
  trained.model = p.Freeze();
  ASSERT_TRUE(trained.trained());
  EXPECT_EQ(syntax::PunctAttacher::TrainSentence(p, gold), 0);
  s = PunctFixture(in);
  trained.Reattach(s);
  EXPECT_EQ(s.heads[3], 4);
  EXPECT_EQ(s.heads[1], 2);  // words keep their heads
  EXPECT_EQ(s.heads[4], 2);
}

TEST(WordNet, Classes) {
  syntax::WordNet wordnet;
  if (!wordnet.Load("/usr/share/wordnet")) {
    GTEST_SKIP() << "WordNet lists not installed (wordnet-base)";
  }
  using W = syntax::WordNet;
  EXPECT_EQ(wordnet.Classes("ratified") >> 4, W::kVerb);  // regular
  EXPECT_EQ(wordnet.Classes("fled") >> 4, W::kVerb);      // verb.exc
  EXPECT_EQ(wordnet.Classes("mice") >> 4, W::kNoun);      // noun.exc
  EXPECT_TRUE(wordnet.Classes("treaty") & W::kNoun);
  EXPECT_TRUE((wordnet.Classes("treaties") >> 4) & W::kNoun);
  EXPECT_TRUE((wordnet.Classes("bigger") >> 4) & W::kAdj);
  EXPECT_EQ(wordnet.Classes("the"), 0);  // no function words in WordNet
  EXPECT_EQ(wordnet.Classes("xqzzy"), 0);
}

TEST(Lemmatizer, WordNetExceptions) {
  syntax::WordNet wordnet;
  if (!wordnet.Load("/usr/share/wordnet")) {
    GTEST_SKIP() << "WordNet lists not installed (wordnet-base)";
  }
  syntax::Lemmatizer lem;
  lem.wordnet = &wordnet;
  lem.wordnet_pos = {syntax::Lemmatizer::WordNetPos("VBD"),
                     syntax::Lemmatizer::WordNetPos("NNS")};
  lem.proper = {0, 0};
  lem.scripts.push_back({});
  EXPECT_EQ(lem.Lemmatize("fled", 0), "flee");
  EXPECT_EQ(lem.Lemmatize("Fled", 0), "flee");
  EXPECT_EQ(lem.Lemmatize("mice", 1), "mouse");
}

}  // namespace
}  // namespace curlew

namespace curlew {
namespace {

// Two tokenizations of one text: "Talks ended." gold as 3 words, system
// as 2 ("ended." kept whole); only "Talks" aligns.
TEST(Scoring, AlignsByCharacterOffsets) {
  Document gold, sys;
  gold.text = "Talks ended.";
  sys.text = "Talks\u00a0 ended.";  // extra (non-breaking) space is ignored
  auto tok = [](Document& d, uint32_t b, uint32_t e, int head,
                const char* rel) {
    Token t;
    t.span = {b, e};
    t.head = head;
    t.deprel = rel;
    t.upos = "X";
    d.tokens.push_back(t);
  };
  tok(gold, 0, 5, 2, "nsubj");
  tok(gold, 6, 11, 0, "root");
  tok(gold, 11, 12, 2, "punct");
  gold.sentences.push_back({.span = {0, 12}, .token_begin = 0, .token_end = 3});
  tok(sys, 0, 5, 2, "nsubj:pass");
  tok(sys, 8, 14, 0, "root");
  sys.sentences.push_back({.span = {0, 14}, .token_begin = 0, .token_end = 2});
  auto r = ScoreAligned(gold, sys);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->aligned_words, 1u);
  EXPECT_EQ(r->uas, 0u);  // its head "ended." is not aligned with "ended"
  EXPECT_NEAR(r->F1(r->aligned_words), 40.0, 1e-9);  // 2*1/(3+2)

  sys.text = "Talks ended!";
  EXPECT_FALSE(ScoreAligned(gold, sys).ok());

  SyntaxScores same = ScoreSameTokens(gold, gold);
  EXPECT_EQ(same.uas, 3u);
  EXPECT_EQ(same.las, 3u);
}

}  // namespace
}  // namespace curlew

namespace curlew {
namespace {

// Odd input never crashes: empty and one-word sentences, binary-looking
// bytes, a sentence pointing past the tokens.
TEST_F(TinyModel, OddInputIsHandled) {
  auto model = SyntaxModel::Load(*path_);
  ASSERT_TRUE(model.ok());
  Document doc;
  doc.id = "odd";
  doc.text = std::string("Yes \x01\xff\xfe ---");
  for (Span span : {Span{0, 3}, Span{4, 7}, Span{8, 11}}) {
    Token t;
    t.span = span;
    doc.tokens.push_back(t);
  }
  doc.sentences.push_back({.span = {0, 0}, .token_begin = 0, .token_end = 0});
  doc.sentences.push_back({.span = {0, 3}, .token_begin = 0, .token_end = 1});
  doc.sentences.push_back({.span = {4, 11}, .token_begin = 1, .token_end = 3});
  ASSERT_TRUE((*model)->Annotate(doc).ok());
  EXPECT_EQ(doc.tokens[0].head, 0);
  int roots = (doc.tokens[1].head == 0) + (doc.tokens[2].head == 0);
  EXPECT_EQ(roots, 1);
  for (const Token& t : doc.tokens) EXPECT_FALSE(t.lemma.empty());

  doc.sentences.push_back({.span = {0, 3}, .token_begin = 2, .token_end = 9});
  EXPECT_EQ((*model)->Annotate(doc).code(), ErrorCode::kInvalidArgument);
  doc.sentences.pop_back();
  doc.tokens[2].span = {8, 99};
  EXPECT_EQ((*model)->Annotate(doc).code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ((*model)->Parse(doc, doc.sentences[2]).code(),
            ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace curlew
