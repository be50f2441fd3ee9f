#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "curlew/pipeline.h"
#include "curlew/time.h"
#include "testing/simple_doc.h"

namespace curlew {
namespace {

using testing::SimpleDoc;

// The date of the event triggered by the first token equal to `verb` in
// the one-sentence `text` of a report dated `doc_date`.
std::string DateOf(const std::string& text, const std::string& doc_date,
                   const std::string& verb) {
  Document doc = SimpleDoc(text, doc_date);
  int verb_token = -1;
  for (size_t i = 0; i < doc.tokens.size(); ++i)
    if (doc.tokens[i].norm == verb) verb_token = static_cast<int>(i);
  EXPECT_GE(verb_token, 0) << "no token '" << verb << "' in: " << text;
  Result<EventDate> d = DateForEvent(doc, 0, verb_token);
  EXPECT_TRUE(d.ok()) << d.status().ToString();
  return d.ok() ? d->value : "ERROR";
}

TEST(ParseCivilDate, AcceptsIsoAndCompactForms) {
  auto d = ParseCivilDate("2020-12-31");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(*d, (CivilDate{2020, 12, 31}));
  EXPECT_EQ(*ParseCivilDate("2020-06-26T08:00:00Z"), (CivilDate{2020, 6, 26}));
  EXPECT_EQ(*ParseCivilDate("20200626"), (CivilDate{2020, 6, 26}));
  EXPECT_FALSE(ParseCivilDate("2020-02-30").ok());
  EXPECT_FALSE(ParseCivilDate("31/12/2020").ok());
  EXPECT_FALSE(ParseCivilDate("").ok());
  EXPECT_EQ(ParseCivilDate("yesterday").status().code(),
            ErrorCode::kInvalidArgument);
}

TEST(EventDate, MonthAbbreviationWithDay) {
  EXPECT_EQ(DateOf("Cavusoglu told a press conference on Dec. 30 that Ankara "
                   "had pledged support.",
                   "2020-12-31", "told"),
            "2020-12-30");
  EXPECT_EQ(
      DateOf("The minister spoke on Sept. 4 in Rome.", "2021-09-10", "spoke"),
      "2021-09-04");
}

TEST(EventDate, AbbreviationPeriodSplitByTokenizer) {
  Document doc =
      SimpleDoc("Kenya signed the deal on Dec . 3 in Nairobi .", "2020-12-31");
  Result<EventDate> d = DateForEvent(doc, 0, 1);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->value, "2020-12-03");
}

TEST(EventDate, DayMonthAndMonthDay) {
  EXPECT_EQ(DateOf("The committee ratified the treaty, Xinhua reported on 26 "
                   "June.",
                   "2020-12-31", "ratified"),
            "2020-06-26");
  EXPECT_EQ(DateOf("Officials met on June 26 in Geneva.", "2020-12-31", "met"),
            "2020-06-26");
  EXPECT_EQ(DateOf("Ghana recalled its envoy on the 3rd of March.",
                   "2019-05-01", "recalled"),
            "2019-03-03");
}

TEST(EventDate, ExplicitYears) {
  EXPECT_EQ(DateOf("Turkey and China signed an extradition treaty in 2017.",
                   "2020-12-31", "signed"),
            "2017");
  EXPECT_EQ(DateOf("Rebels seized the town on June 26, 2019.", "2020-12-31",
                   "seized"),
            "2019-06-26");
  EXPECT_EQ(
      DateOf("Rebels seized the town on 26 June 2019.", "2020-12-31", "seized"),
      "2019-06-26");
  EXPECT_EQ(
      DateOf("The talks collapsed in March 2018.", "2020-12-31", "collapsed"),
      "2018-03");
  EXPECT_EQ(
      DateOf("Police arrested him on 2020-06-26.", "2020-12-31", "arrested"),
      "2020-06-26");
}

TEST(EventDate, YearlessMonthIsNotInTheFutureForPastEvents) {
  EXPECT_EQ(DateOf("Erdogan submitted the treaty to parliament last April.",
                   "2020-12-31", "submitted"),
            "2020-04");
  // "April" alone in a January report after a past verb: previous year.
  EXPECT_EQ(DateOf("The two sides signed the accord in April.", "2021-01-15",
                   "signed"),
            "2020-04");
  // Same month, earlier in the year: this year.
  EXPECT_EQ(DateOf("The two sides signed the accord in April.", "2021-06-15",
                   "signed"),
            "2021-04");
  // "last April" said in April means a year earlier.
  EXPECT_EQ(DateOf("Troops withdrew last April.", "2021-04-20", "withdrew"),
            "2020-04");
  // A future event in a past month is next year.
  EXPECT_EQ(DateOf("The leaders will meet in March.", "2020-11-02", "meet"),
            "2021-03");
  EXPECT_EQ(DateOf("The leaders will meet next April.", "2020-03-02", "meet"),
            "2020-04");
}

TEST(EventDate, DatelinesAreNotEventDates) {
  // 2021-03-12 was a Friday; "on Thursday" is the 11th.
  EXPECT_EQ(DateOf("NAIROBI, March 12 - Kenya and Ethiopia signed a trade "
                   "pact on Thursday.",
                   "2021-03-12", "signed"),
            "2021-03-11");
  EXPECT_EQ(DateOf("NAIROBI, March 12 - Kenya and Ethiopia signed a pact.",
                   "2021-03-12", "signed"),
            "2021-03-12");
  // A date followed by a dash later in the sentence is still a date.
  EXPECT_EQ(DateOf("The rebels, who had held the town since early 2019 - "
                   "withdrew.",
                   "2021-03-12", "withdrew"),
            "2019");
}

TEST(EventDate, HyphenatedPeriods) {
  EXPECT_EQ(DateOf("Fighting broke out in mid-March.", "2021-06-01", "broke"),
            "2021-03");
  EXPECT_EQ(
      DateOf("The accord was signed in late-2019.", "2021-06-01", "signed"),
      "2019");
}

TEST(EventDate, Weekdays) {
  // 2020-12-31 was a Thursday.
  EXPECT_EQ(
      DateOf("Ankara denied the report on Tuesday.", "2020-12-31", "denied"),
      "2020-12-29");
  EXPECT_EQ(
      DateOf("Ankara denied the report on Thursday.", "2020-12-31", "denied"),
      "2020-12-31");
  EXPECT_EQ(
      DateOf("Ankara denied the report last Thursday.", "2020-12-31", "denied"),
      "2020-12-24");
  EXPECT_EQ(
      DateOf("The envoy will visit Kabul on Monday.", "2020-12-31", "visit"),
      "2021-01-04");
  EXPECT_EQ(
      DateOf("The envoy is to visit Kabul on Monday.", "2020-12-31", "visit"),
      "2021-01-04");
}

TEST(EventDate, RelativeExpressions) {
  EXPECT_EQ(
      DateOf("Protesters rallied yesterday in Minsk.", "2021-03-01", "rallied"),
      "2021-02-28");
  EXPECT_EQ(DateOf("The army shelled the town today.", "2021-03-01", "shelled"),
            "2021-03-01");
  EXPECT_EQ(DateOf("Seoul will host the talks tomorrow.", "2021-12-31", "host"),
            "2022-01-01");
  EXPECT_EQ(DateOf("Mali expelled the ambassador last week.", "2021-03-03",
                   "expelled"),
            "2021-02");
  EXPECT_EQ(DateOf("Mali expelled the ambassador last month.", "2021-01-10",
                   "expelled"),
            "2020-12");
  EXPECT_EQ(DateOf("Delegates will meet next month.", "2020-12-31", "meet"),
            "2021-01");
  EXPECT_EQ(
      DateOf("Lima signed the pact earlier this year.", "2020-12-31", "signed"),
      "2020");
  EXPECT_EQ(DateOf("Lima signed the pact last year.", "2020-12-31", "signed"),
            "2019");
  EXPECT_EQ(DateOf("Soldiers crossed the border three days ago.", "2020-03-02",
                   "crossed"),
            "2020-02-28");
  EXPECT_EQ(DateOf("Soldiers crossed the border a year ago.", "2020-03-02",
                   "crossed"),
            "2019");
  EXPECT_EQ(DateOf("Soldiers crossed the border two weeks ago.", "2020-03-02",
                   "crossed"),
            "2020-02");
}

TEST(EventDate, NoExpressionGivesTheDocumentDate) {
  EXPECT_EQ(DateOf("China recently ratified an extradition treaty with "
                   "Turkey.",
                   "2020-12-31", "ratified"),
            "2020-12-31");
  EXPECT_EQ(DateOf("China ratified the 2017 treaty.", "2020-12-31", "ratified"),
            "2020-12-31");
  EXPECT_EQ(
      DateOf("The president may visit the region.", "2020-12-31", "visit"),
      "2020-12-31");
  EXPECT_EQ(
      DateOf("Thousands march through the capital.", "2020-12-31", "march"),
      "2020-12-31");
}

TEST(EventDate, NearestExpressionToTheTriggerWins) {
  const std::string text =
      "The minister said on Tuesday that troops attacked the village last "
      "week.";
  EXPECT_EQ(DateOf(text, "2020-12-31", "said"), "2020-12-29");
  EXPECT_EQ(DateOf(text, "2020-12-31", "attacked"), "2020-12");
}

TEST(EventDate, InvalidCalendarDaysAreIgnored) {
  EXPECT_EQ(DateOf("Rebels attacked on 31 June.", "2020-12-31", "attacked"),
            "2020-12-31");
}

TEST(EventDate, WithoutDocumentDateOnlyFullDatesResolve) {
  EXPECT_EQ(DateOf("Peru signed the pact on 4 May 2018.", "", "signed"),
            "2018-05-04");
  EXPECT_EQ(DateOf("Peru signed the pact on Tuesday.", "", "signed"), "");
}

TEST(EventDate, MalformedDocumentDateIsAnError) {
  Document doc = SimpleDoc("Chile signed the pact.", "last Tuesday");
  Result<EventDate> d = DateForEvent(doc, 0, 1);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(d.status().where(), "test");
  EXPECT_FALSE(DateForEvent(doc, 7, 1).ok());
}

TEST(EventDate, FindsMentionsWithSpans) {
  Document doc =
      SimpleDoc("Talks ended on 26 June and resume next month.", "2020-12-31");
  auto mentions = FindDateMentions(doc, 0);
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_EQ(doc.SpanText(mentions[0].span), "26 June");
  EXPECT_EQ(doc.SpanText(mentions[1].span), "next month");
  EXPECT_EQ(mentions[1].kind, DateMention::Kind::kRelativeMonth);
}

TEST(EventDate, LongAndOddSentencesDoNotCrash) {
  std::string text;
  for (int i = 0; i < 300; ++i) text += (i % 7 == 0 ? "May " : "word ");
  text += "2019 31 December , , last";
  Document doc = SimpleDoc(text, "2020-12-31");
  auto mentions = FindDateMentions(doc, 0);
  EXPECT_LE(mentions.size(), 2u);
  EXPECT_TRUE(DateForEvent(doc, 0, -1).ok());
  Document empty = SimpleDoc("", "2020-12-31");
  EXPECT_TRUE(empty.sentences.empty());
}

TEST(EventDate, PronounSentenceContinuesThePreviousAccount) {
  Document doc = SimpleDoc(
      "The spokesman told reporters by telephone Dec. 27 that talks failed .\n"
      "He stressed , \" We call on Ankara to act . \"\n"
      "Officials call on Ankara to act .",
      "2020-12-31");
  auto date_of = [&](uint32_t sentence, const char* verb) {
    int token = -1;
    for (uint32_t i = doc.sentences[sentence].token_begin;
         i < doc.sentences[sentence].token_end; ++i)
      if (doc.tokens[i].norm == verb) token = static_cast<int>(i);
    auto d = DateForEvent(doc, sentence, token);
    return d.ok() ? d->value : "ERROR";
  };
  EXPECT_EQ(date_of(1, "call"), "2020-12-27");
  EXPECT_EQ(date_of(2, "call"), "2020-12-31");  // not a continuation
  DateOptions no_inherit;
  no_inherit.inherit_after_pronoun = false;
  EXPECT_EQ(DateForEvent(doc, 1, -1, no_inherit)->value, "2020-12-31");
}

// Splits running text into one sentence per line for SimpleDoc: at . ! ?
// (optionally followed by a closing quote) before whitespace, except after
// a month abbreviation or title, and at paragraph breaks.
std::string OneSentencePerLine(const std::string& text) {
  static const std::vector<std::string> kAbbrev = {
      "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct",
      "Nov", "Dec", "Mr",  "Mrs", "Dr",  "St",  "U.S",  "U.N"};
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      if (!out.empty() && out.back() != '\n') out += '\n';
      continue;
    }
    out += c;
    if (c != '.' && c != '!' && c != '?') continue;
    size_t j = i + 1;
    if (text.compare(j, 3, "\u201d") == 0) {  // closing curly quote
      out += text.substr(j, 3);
      j += 3;
    }
    if (j < text.size() && text[j] != ' ' && text[j] != '\n') continue;
    size_t w = out.find_last_of(" \n", out.size() - 2);
    std::string word = out.substr(w == std::string::npos ? 0 : w + 1);
    word = word.substr(0, word.find('.'));
    if (c == '.' &&
        std::find(kAbbrev.begin(), kAbbrev.end(), word) != kAbbrev.end())
      continue;
    i = j - 1;
    if (j < text.size()) {
      out += '\n';
      ++i;  // skip the space
    }
  }
  return out;
}

TEST(EventDate, ReferenceArticleDates) {
  std::ifstream in(std::string(CURLEW_SHARED_DIR) +
                   "/examples/seed-article.jsonl");
  if (!in) GTEST_SKIP() << "../shared/examples not present";
  std::string line;
  std::getline(in, line);
  nlohmann::json j = nlohmann::json::parse(line);
  Document doc = SimpleDoc(OneSentencePerLine(j["text"].get<std::string>()),
                           j["date"].get<std::string>());
  struct Check {
    const char* sentence_has;
    const char* verb;
    const char* date;
  };
  // Dates from the table of events in ../shared/examples/README.md.
  const Check checks[] = {
      {"recently ratified", "ratified", "2020-12-31"},
      {"press conference", "pledged", "2020-12-30"},
      {"signed an extradition treaty", "signed", "2017"},
      {"Standing Committee", "ratified", "2020-06-26"},
      {"submitted the treaty", "submitted", "2020-04"},
      {"take tough measures", "call", "2020-12-27"},
      {"UN experts", "say", "2020-12-31"},
  };
  for (const Check& c : checks) {
    int sentence = -1, token = -1;
    for (size_t s = 0; s < doc.sentences.size() && sentence < 0; ++s) {
      if (doc.SpanText(doc.sentences[s].span).find(c.sentence_has) ==
          std::string_view::npos)
        continue;
      sentence = static_cast<int>(s);
      for (uint32_t t = doc.sentences[s].token_begin;
           t < doc.sentences[s].token_end; ++t)
        if (doc.tokens[t].norm == c.verb && token < 0)
          token = static_cast<int>(t);
    }
    ASSERT_GE(sentence, 0) << c.sentence_has;
    ASSERT_GE(token, 0) << c.verb;
    auto d = DateForEvent(doc, sentence, token);
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d->value, c.date) << c.sentence_has;
  }
}

// Exhaustive property: a year-less day, month or weekday never dates a
// past event after the document date, nor a future event before it.
TEST(ResolveDateMention, PastNeverAfterAnchorFutureNeverBefore) {
  const CivilDate anchors[] = {{2020, 1, 1},  {2020, 2, 29}, {2020, 12, 31},
                               {2021, 6, 15}, {2021, 3, 1},  {2022, 7, 31}};
  auto prefix = [](const CivilDate& a, size_t n) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", a.year, a.month, a.day);
    return std::string(buf).substr(0, n);
  };
  int checked = 0;
  for (const CivilDate& anchor : anchors) {
    std::vector<DateMention> mentions;
    for (int month = 1; month <= 12; ++month) {
      for (int day = 0; day <= 31; ++day) {
        DateMention m;
        m.month = month;
        m.day = day;
        mentions.push_back(m);
      }
    }
    for (int wd = 0; wd < 7; ++wd) {
      DateMention m;
      m.kind = DateMention::Kind::kWeekday;
      m.weekday = wd;
      mentions.push_back(m);
    }
    for (const DateMention& m : mentions) {
      EventDate past = ResolveDateMention(m, anchor, Tense::kPast);
      EventDate future = ResolveDateMention(m, anchor, Tense::kFuture);
      if (past.precision == DatePrecision::kNone) continue;
      EXPECT_LE(past.value, prefix(anchor, past.value.size()))
          << "month " << m.month << " day " << m.day << " wd " << m.weekday;
      EXPECT_GE(future.value, prefix(anchor, future.value.size()))
          << "month " << m.month << " day " << m.day << " wd " << m.weekday;
      ++checked;
    }
  }
  EXPECT_GT(checked, 2000);
}

// Random sentences over a date-heavy vocabulary: never an error, always a
// well-formed value.
TEST(EventDate, RandomSentencesGiveWellFormedDates) {
  const char* vocab[] = {
      "on",         "in",      "last",   "next",      "this",  "May",
      "may",        "March",   "Dec.",   "Dec",       ".",     "30",
      "31",         "29",      "2019",   "2020",      "1899",  "of",
      "ago",        "two",     "a",      "days",      "weeks", "year",
      "month",      "Tuesday", "Sunday", "yesterday", ",",     "-",
      "will",       "signed",  "said",   "early",     "the",   "mid-April",
      "2020-02-30", "2021-06", "Feb",    "week"};
  const size_t n = sizeof vocab / sizeof vocab[0];
  uint32_t state = 12345;
  auto next = [&] {
    state = state * 1103515245u + 12345u;
    return (state >> 16) % n;
  };
  const std::string anchors[] = {"2020-02-29", "2021-01-01", "2020-12-31"};
  for (int iter = 0; iter < 2000; ++iter) {
    std::string text;
    int len = 1 + static_cast<int>(next() % 12);
    for (int k = 0; k < len; ++k) {
      if (k) text += ' ';
      text += vocab[next()];
    }
    Document doc = SimpleDoc(text, anchors[iter % 3]);
    if (doc.sentences.empty()) continue;
    int verb = static_cast<int>(next() % doc.tokens.size());
    Result<EventDate> d = DateForEvent(doc, 0, verb);
    ASSERT_TRUE(d.ok()) << text;
    const std::string& v = d->value;
    bool shape = v.size() == 4 || v.size() == 7 || v.size() == 10;
    EXPECT_TRUE(shape) << text << " -> " << v;
    if (v.size() >= 7) {
      EXPECT_TRUE(ParseCivilDate(v.size() == 7 ? v + "-01" : v).ok())
          << text << " -> " << v;
    }
  }
}

TEST(DateComponent, FillsEveryEventDate) {
  Document doc = SimpleDoc(
      "Turkey and China signed an extradition treaty in 2017.\n"
      "Cavusoglu told a press conference on Dec. 30 that Turkey pledged "
      "restraint.\n"
      "China recently ratified the treaty.",
      "2020-12-31");
  Event a;
  a.sentence = 0;
  a.trigger_token = testing::WordIndex(doc, 0, "signed");
  Event b;
  b.sentence = 1;
  b.trigger_token = testing::WordIndex(doc, 1, "pledged");
  Event c;
  c.sentence = 2;
  c.trigger_token = testing::WordIndex(doc, 2, "ratified");
  doc.events = {a, b, c};
  auto component = MakeDateComponent();
  EXPECT_EQ(component->requires_annotations(), kEvents);
  EXPECT_EQ(component->assigns_annotations(), kDates);
  ASSERT_TRUE(component->Process(doc).ok());
  EXPECT_EQ(doc.events[0].date, "2017");
  EXPECT_EQ(doc.events[1].date, "2020-12-30");
  EXPECT_EQ(doc.events[2].date, "2020-12-31");

  doc.events[0].sentence = 9;
  EXPECT_FALSE(component->Process(doc).ok());
}

// The one date parser: every date curlew is given goes through it.
TEST(ParseDateTest, AcceptsTheThreePrecisionsAndRealDaysOnly) {
  auto y = ParseDate("2017");
  ASSERT_TRUE(y.ok());
  EXPECT_EQ(y->precision, DatePrecision::kYear);
  EXPECT_EQ(y->year, 2017);
  auto m = ParseDate("2020-04");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->precision, DatePrecision::kMonth);
  EXPECT_EQ(m->month, 4);
  auto d = ParseDate("2020-02-29");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->precision, DatePrecision::kDay);
  EXPECT_EQ(d->day, 29);
  for (const char* bad :
       {"", "x", "2020-99", "2020-13", "2020-00", "2021-02-29", "2020-04-31",
        "0000", "20200101", "2020-1-1", "2020-01-01T10:00", " 2020",
        "2020-01-0a", "-2020"}) {
    Result<PartialDate> r = ParseDate(bad);
    EXPECT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), ErrorCode::kInvalidArgument) << bad;
    EXPECT_EQ(r.status().where(), bad);
  }
}

TEST(ParseDateTest, CivilDatesAcceptTimestampsAndCompactDays) {
  EXPECT_TRUE(ParseCivilDate("2020-12-31").ok());
  EXPECT_TRUE(ParseCivilDate("2020-12-31T08:00:00Z").ok());
  EXPECT_TRUE(ParseCivilDate("20201231").ok());
  EXPECT_FALSE(ParseCivilDate("2020-12").ok());
  EXPECT_FALSE(ParseCivilDate("20201331").ok());
}

}  // namespace
}  // namespace curlew
