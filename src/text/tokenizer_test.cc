#include "text/tokenizer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "curlew/text.h"

namespace curlew {
namespace {

using ::testing::ElementsAre;

// The words Segment() finds in `text`, as strings.
std::vector<std::string> Words(const std::string& text) {
  Document doc;
  doc.text = text;
  const Status s = Segment(doc);
  EXPECT_TRUE(s.ok()) << s.ToString();
  std::vector<std::string> out;
  for (const Token& t : doc.tokens) out.emplace_back(doc.TokenText(t));
  return out;
}

TEST(TokenizerTest, Clitics) {
  EXPECT_THAT(Words("I don't think they're sure it's Bush's."),
              ElementsAre("I", "do", "n't", "think", "they", "'re", "sure",
                          "it", "'s", "Bush", "'s", "."));
  EXPECT_THAT(Words("We'll see; you've won; I'd go; I'm here."),
              ElementsAre("We", "'ll", "see", ";", "you", "'ve", "won", ";",
                          "I", "'d", "go", ";", "I", "'m", "here", "."));
  EXPECT_THAT(Words("can't won't cannot gonna"),
              ElementsAre("ca", "n't", "wo", "n't", "can", "not", "gon", "na"));
  // Typographic apostrophe.
  EXPECT_THAT(Words("Turkey\u2019s pledge"),
              ElementsAre("Turkey", "\u2019s", "pledge"));
  // Names with apostrophes stay whole.
  EXPECT_THAT(Words("O'Brien's team"), ElementsAre("O'Brien", "'s", "team"));
}

TEST(TokenizerTest, CliticsAreFusedWithTheirHost) {
  Document doc;
  doc.text = "don't go";
  ASSERT_TRUE(Segment(doc).ok());
  ASSERT_EQ(doc.tokens.size(), 3u);
  EXPECT_FALSE(doc.tokens[0].fused_with_previous);
  EXPECT_TRUE(doc.tokens[1].fused_with_previous);
  EXPECT_FALSE(doc.tokens[0].space_after);
  EXPECT_TRUE(doc.tokens[1].space_after);
  EXPECT_EQ(doc.tokens[1].span, (Span{2, 5}));
}

TEST(TokenizerTest, Hyphens) {
  EXPECT_THAT(Words("a long-term, well-known e-mail"),
              ElementsAre("a", "long", "-", "term", ",", "well", "-", "known",
                          "e-mail"));
  EXPECT_THAT(
      Words("non-stop post-war anti-Western co-workers"),
      ElementsAre("non-stop", "post-war", "anti-Western", "co-workers"));
  EXPECT_THAT(Words("F-16 COVID-19 713-853-3989 5-10"),
              ElementsAre("F-16", "COVID-19", "713-853-3989", "5", "-", "10"));
  EXPECT_THAT(Words("war--and peace -- here"),
              ElementsAre("war", "--", "and", "peace", "--", "here"));
}

TEST(TokenizerTest, NumbersMoneyPercent) {
  EXPECT_THAT(Words("$4.5 billion, 12,000 people, 3.5% at 5:30"),
              ElementsAre("$", "4.5", "billion", ",", "12,000", "people", ",",
                          "3.5", "%", "at", "5:30"));
  EXPECT_THAT(Words("on 11/28/2000 and 9/11"),
              ElementsAre("on", "11/28/2000", "and", "9/11"));
  EXPECT_THAT(Words("and/or"), ElementsAre("and", "/", "or"));
}

TEST(TokenizerTest, UrlsEmailsHandlesEmoticons) {
  EXPECT_THAT(
      Words("See https://example.org/a?b=1. Mail x.y@example.com, @bot_1 :)"),
      ElementsAre("See", "https://example.org/a?b=1", ".", "Mail",
                  "x.y@example.com", ",", "@bot_1", ":)"));
  EXPECT_THAT(Words("(www.example.com)"),
              ElementsAre("(", "www.example.com", ")"));
}

TEST(TokenizerTest, AbbreviationsKeepTheirPeriod) {
  EXPECT_THAT(Words("the U.S. Army, Gen. Ortiz, etc. and p.m."),
              ElementsAre("the", "U.S.", "Army", ",", "Gen.", "Ortiz", ",",
                          "etc.", "and", "p.m."));
  EXPECT_THAT(Words("(in the U.S.)."),
              ElementsAre("(", "in", "the", "U.S.", ")", "."));
  // "No." keeps its period only before a number.
  EXPECT_THAT(Words("No. 10 said No."),
              ElementsAre("No.", "10", "said", "No", "."));
  EXPECT_THAT(Words("J.R.R. Tolkien"), ElementsAre("J.R.R.", "Tolkien"));
}

TEST(TokenizerTest, PunctuationRunsAndQuotes) {
  EXPECT_THAT(Words("\"Wait...\" he said!!! Really?!"),
              ElementsAre("\"", "Wait", "...", "\"", "he", "said", "!!!",
                          "Really", "?!"));
  EXPECT_THAT(Words("\u201CNo\u201D \u2014 end\u2026"),
              ElementsAre("\u201C", "No", "\u201D", "\u2014", "end", "\u2026"));
}

TEST(TokenizerTest, NormFilledCheaply) {
  Document doc;
  doc.text = "\u201CCafe\u0301\u201D \u2014 it\u2019s Erdo\u011Fan";
  ASSERT_TRUE(Segment(doc).ok());
  std::vector<std::string> norms;
  for (const Token& t : doc.tokens) norms.push_back(t.norm);
  EXPECT_THAT(norms, ElementsAre("\"", "Caf\u00E9", "\"", "-", "it", "'s",
                                 "Erdo\u011Fan"));
}

TEST(TokenizerTest, SpansPointIntoTheOriginalText) {
  Document doc;
  doc.text = "  \u00A0Ankara\u2019s  \"deal\"\n";
  ASSERT_TRUE(Segment(doc).ok());
  for (const Token& t : doc.tokens) {
    EXPECT_EQ(t.norm, NormalizeForMatching(doc.TokenText(t)));
    EXPECT_LE(t.span.end, doc.text.size());
  }
  EXPECT_EQ(doc.TokenText(doc.tokens[0]), "Ankara");
  EXPECT_EQ(doc.tokens[0].span.begin, 4u);
}

TEST(TokenizerTest, EmptyAndWhitespaceText) {
  EXPECT_TRUE(Words("").empty());
  EXPECT_TRUE(Words(" \n\t ").empty());
}

TEST(TokenizerTest, SegmentRejectsBadInput) {
  Document doc;
  doc.id = "d1";
  doc.text = "ok \xE2\x82";
  Status s = Segment(doc);
  EXPECT_EQ(s.code(), ErrorCode::kInvalidUtf8);
  EXPECT_EQ(s.where(), "d1");
  EXPECT_EQ(s.position(), 3);

  doc.text = std::string("a\0b", 3);
  s = Segment(doc);
  EXPECT_EQ(s.code(), ErrorCode::kBinaryInput);
  EXPECT_EQ(s.position(), 1);

  TextOptions small;
  small.max_document_bytes = 4;
  doc.text = "12345";
  s = Segment(doc, small);
  EXPECT_EQ(s.code(), ErrorCode::kLimitExceeded);
  EXPECT_EQ(s.where(), "d1");
  EXPECT_TRUE(doc.tokens.empty());
}

TEST(TokenizerTest, TextComponentDeclaresItsAnnotations) {
  auto c = MakeTextComponent();
  EXPECT_EQ(c->name(), "text");
  EXPECT_EQ(c->requires_annotations(), kText);
  EXPECT_EQ(c->assigns_annotations(), kSentences | kTokens);
}

}  // namespace
}  // namespace curlew

namespace curlew {
namespace {

TEST(TokenizerTest, ReusedDocumentIsReset) {
  Document doc;
  doc.text = "Ankara said no. It is final.";
  ASSERT_TRUE(Segment(doc).ok());
  for (Token& t : doc.tokens) {
    t.upos.push_back('X');
    t.head = 3;
  }
  doc.text = "Don't.";
  ASSERT_TRUE(Segment(doc).ok());
  ASSERT_EQ(doc.tokens.size(), 3u);
  EXPECT_EQ(doc.tokens[0].norm, "Do");
  EXPECT_TRUE(doc.tokens[1].fused_with_previous);
  EXPECT_EQ(doc.tokens[2].norm, ".");
  for (const Token& t : doc.tokens) {
    EXPECT_TRUE(t.upos.empty());
    EXPECT_EQ(t.head, -1);
  }
  ASSERT_EQ(doc.sentences.size(), 1u);
}

}  // namespace
}  // namespace curlew

namespace curlew {
namespace {

// Random texts from tricky pieces: every token must be a non-empty,
// whitespace-free span inside the text, in order and not overlapping, and
// every sentence a run of whole tokens.
TEST(TokenizerTest, InvariantsOnRandomText) {
  const char* const kPieces[] = {
      "a",       "Z",      "7",      " ",       "\n",     "\n\n",   ".",
      ",",       "'",      "\"",     "-",       "--",     "$",      "%",
      "(",       ")",      "@",      "#",       ":",      "/",      "?",
      "!",       "...",    "n't",    "'s",      "U.S.",   "Gen.",   "No.",
      "http://", "www.",   ".com",   "e-mail",  "\u2019", "\u201C", "\u201D",
      "\u2014",  "\u2026", "\u00A0", "\u011F",  "\u4E2D", ":)",     "&",
      "_",       "*",      "<",      ">",       "=",      "\t",     "ANKARA",
      "(AP)",    "can",    "not",    "\xC2\xAB"};
  uint64_t seed = 12345;
  auto next = [&seed] {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>(seed >> 33);
  };
  for (int round = 0; round < 3000; ++round) {
    Document doc;
    const int n = 1 + next() % 40;
    for (int k = 0; k < n; ++k)
      doc.text += kPieces[next() % std::size(kPieces)];
    ASSERT_TRUE(Segment(doc).ok()) << doc.text;
    uint32_t prev_end = 0;
    for (const Token& t : doc.tokens) {
      ASSERT_LT(t.span.begin, t.span.end) << doc.text;
      ASSERT_GE(t.span.begin, prev_end) << doc.text;
      ASSERT_LE(t.span.end, doc.text.size()) << doc.text;
      for (char c : doc.TokenText(t)) {
        ASSERT_FALSE(c == ' ' || c == '\n' || c == '\t') << doc.text;
      }
      ASSERT_TRUE(ValidateUtf8(doc.TokenText(t)).ok()) << doc.text;
      prev_end = t.span.end;
    }
    uint32_t next_token = 0;
    for (const Sentence& s : doc.sentences) {
      ASSERT_EQ(s.token_begin, next_token) << doc.text;
      ASSERT_LT(s.token_begin, s.token_end) << doc.text;
      ASSERT_EQ(s.span.begin, doc.tokens[s.token_begin].span.begin);
      ASSERT_EQ(s.span.end, doc.tokens[s.token_end - 1].span.end);
      next_token = s.token_end;
    }
    ASSERT_EQ(next_token, doc.tokens.size()) << doc.text;
  }
}

}  // namespace
}  // namespace curlew

namespace curlew {
namespace {

TEST(TokenizerTest, ByteOrderMarkAndZeroWidthSpaceSeparate) {
  EXPECT_THAT(Words("\xEF\xBB\xBFTurkey\u200Bsaid no."),
              ElementsAre("Turkey", "said", "no", "."));
}

}  // namespace
}  // namespace curlew
