// Event dates: finds date expressions in a sentence ("on Dec. 30",
// "26 June", "last April", "on Tuesday", "in 2017", "next month",
// "yesterday", "two weeks ago", "on 2020-06-26") and normalises them against
// the document date, with the precision the text gives: "YYYY-MM-DD",
// "YYYY-MM" or "YYYY".
//
// An expression without a year is placed so that a past-tense event does
// not get a date after the document date ("April" in a January report,
// after "signed", is April of the previous year); a future-tense event
// ("will meet on Tuesday") gets the next such date instead.
//
// Works on the tokens of one sentence (Token::norm, or the token text when
// norm is empty); uses Token::xpos for the tense when the tagger has run,
// and a few auxiliary words otherwise.
//
// Thread safety: all functions are reentrant; the component is immutable.
#ifndef CURLEW_TIME_H_
#define CURLEW_TIME_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "curlew/document.h"
#include "curlew/pipeline.h"
#include "curlew/status.h"

namespace curlew {

// A calendar day. Month and day are 1-based.
struct CivilDate {
  int year = 0;
  int month = 0;
  int day = 0;
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

enum class DatePrecision { kNone = 0, kYear = 1, kMonth = 2, kDay = 3 };

// A date at the precision it was given; month and day are 0 where not
// given.
struct PartialDate {
  int year = 0;
  int month = 0;
  int day = 0;
  DatePrecision precision = DatePrecision::kNone;
};

// The date parser that every date curlew is given goes through (document
// dates, --date, --from/--to, --as-of, dictionary restrictions aside):
// "YYYY", "YYYY-MM" or "YYYY-MM-DD", a real calendar day (no 2020-02-30,
// no month 13, year from 0001). Errors: kInvalidArgument with the text as
// `where`.
Result<PartialDate> ParseDate(std::string_view text);

// ParseDate of a full day; a longer ISO timestamp is cut to its date and
// "YYYYMMDD" is read too. Errors: kInvalidArgument with the text as
// `where`.
Result<CivilDate> ParseCivilDate(std::string_view text);

enum class Tense { kUnknown, kPast, kPresent, kFuture };

// One date expression found in a sentence, not yet resolved.
struct DateMention {
  enum class Kind {
    kAbsolute,       // year and/or month and/or day given ("26 June 2019")
    kWeekday,        // "on Tuesday", "last Friday"
    kRelativeDay,    // "yesterday", "three days ago"   (offset in days)
    kRelativeWeek,   // "last week", "two weeks ago"    (offset in weeks)
    kRelativeMonth,  // "next month", "a month ago"     (offset in months)
    kRelativeYear,   // "last year", "earlier this year" (offset in years)
  };
  Kind kind = Kind::kAbsolute;
  int year = 0;              // kAbsolute: 0 if the text gives none
  int month = 0;             // kAbsolute: 1..12 or 0
  int day = 0;               // kAbsolute: 1..31 or 0
  int weekday = -1;          // kWeekday: 0 = Sunday .. 6 = Saturday
  int offset = 0;            // relative kinds: signed count of units
  int modifier = 0;          // "last" -1, "next" +1, none or "this" 0
  uint32_t token_begin = 0;  // absolute indices into Document::tokens
  uint32_t token_end = 0;
  Span span;  // bytes of the expression in Document::text
};

// A resolved date.
struct EventDate {
  std::string value;  // "YYYY-MM-DD", "YYYY-MM", "YYYY", or "" if none
  DatePrecision precision = DatePrecision::kNone;
  bool from_text = false;  // false: the document date was used
  Span evidence;           // the expression's bytes when from_text
};

struct DateOptions {
  // Place year-less expressions so that past and present-tense events are
  // not dated after the document date. Default: true.
  bool past_bias = true;
  // A sentence without a date expression that opens with a personal
  // pronoun ("He stressed, ...") continues the previous sentence's account
  // and takes its date expression, if it has one. Default: true.
  bool inherit_after_pronoun = true;
  // Longest sentence scanned, in tokens; longer sentences are scanned up to
  // this many tokens. Default: 400.
  size_t max_sentence_tokens = 400;
};

// All date expressions in sentence `sentence_index` of `doc`, in text order.
std::vector<DateMention> FindDateMentions(const Document& doc,
                                          uint32_t sentence_index,
                                          const DateOptions& options = {});

// Resolves one mention against `anchor` (the document date) for an event of
// the given tense.
EventDate ResolveDateMention(const DateMention& mention,
                             const CivilDate& anchor, Tense tense,
                             const DateOptions& options = {});

// The tense of the verb at absolute token index `verb_token` (from
// Token::xpos when tagged, else from nearby auxiliaries and the word form).
Tense TenseAt(const Document& doc, uint32_t sentence_index, int verb_token);

// The date of an event in sentence `sentence_index` whose trigger is at
// absolute token index `verb_token` (-1 if unknown): the date expression
// nearest the trigger, else (see inherit_after_pronoun) the previous
// sentence's, else the document date. Errors: a document date that
// is present but malformed (kInvalidArgument, naming the document); a
// sentence index out of range (kInvalidArgument).
Result<EventDate> DateForEvent(const Document& doc, uint32_t sentence_index,
                               int verb_token, const DateOptions& options = {});

// The "time" pipeline component: requires kEvents, assigns kDates; fills
// Event::date of every event from its sentence and the document date, the
// date expression nearest its trigger word (Event::trigger_token) first.
std::unique_ptr<Component> MakeDateComponent(const DateOptions& options = {});

}  // namespace curlew

#endif  // CURLEW_TIME_H_
