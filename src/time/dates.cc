// Event-date normalisation (see include/curlew/time.h).
//
// The sentence's tokens are first reduced to lower-case "words" (a period
// after an abbreviation such as "Dec." is dropped, whether the tokenizer
// kept it on the word or split it off), then a small hand-written matcher
// recognises the expressions listed in time.h. Calendar arithmetic uses
// std::chrono's civil calendar.
#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "curlew/time.h"
#include "text/chars.h"

namespace curlew {
namespace {

namespace chr = std::chrono;

struct Word {
  std::string text;  // lower case, trailing period removed
  uint32_t token;    // absolute token index
};

std::string_view TokenString(const Document& doc, const Token& t) {
  return t.norm.empty() ? doc.TokenText(t) : std::string_view(t.norm);
}

bool IsMonthAbbreviation(std::string_view w);

std::vector<Word> SentenceWords(const Document& doc, const Sentence& s,
                                size_t max_tokens) {
  std::vector<Word> words;
  uint32_t end = std::min<uint32_t>(
      s.token_end, s.token_begin + static_cast<uint32_t>(max_tokens));
  end = std::min<uint32_t>(end, static_cast<uint32_t>(doc.tokens.size()));
  for (uint32_t i = s.token_begin; i < end; ++i) {
    std::string w = text::AsciiLower(TokenString(doc, doc.tokens[i]));
    if (w == "." && !words.empty() && IsMonthAbbreviation(words.back().text))
      continue;  // "Dec" "." "30" from a tokenizer that split the period
    if (w.size() > 1 && w.back() == '.') w.pop_back();
    // "mid-April", "early-2019": the date is the part after the hyphen.
    for (std::string_view prefix : {"mid-", "early-", "late-"}) {
      if (w.size() > prefix.size() && w.starts_with(prefix)) {
        w.erase(0, prefix.size());
        break;
      }
    }
    words.push_back({std::move(w), i});
  }
  return words;
}

struct MonthName {
  std::string_view name;
  int month;
  bool strict;  // also a common word ("may", "march"): needs date context
};

constexpr std::array<MonthName, 25> kMonths = {{
    {"january", 1, false},   {"jan", 1, false},       {"february", 2, false},
    {"feb", 2, false},       {"march", 3, true},      {"mar", 3, true},
    {"april", 4, false},     {"apr", 4, false},       {"may", 5, true},
    {"june", 6, false},      {"jun", 6, false},       {"july", 7, false},
    {"jul", 7, false},       {"august", 8, false},    {"aug", 8, false},
    {"september", 9, false}, {"sept", 9, false},      {"sep", 9, false},
    {"october", 10, false},  {"oct", 10, false},      {"november", 11, false},
    {"nov", 11, false},      {"december", 12, false}, {"dec", 12, false},
    {"febr", 2, false},
}};

const MonthName* FindMonth(std::string_view w) {
  for (const MonthName& m : kMonths)
    if (m.name == w) return &m;
  return nullptr;
}

bool IsMonthAbbreviation(std::string_view w) {
  const MonthName* m = FindMonth(w);
  return m != nullptr && m->name.size() <= 4 && w != "june" && w != "july";
}

constexpr std::array<std::string_view, 7> kWeekdays = {
    "sunday",   "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday"};

int FindWeekday(std::string_view w) {
  for (size_t i = 0; i < kWeekdays.size(); ++i)
    if (kWeekdays[i] == w) return static_cast<int>(i);
  return -1;
}

// A whole non-negative number, or -1.
int ToInt(std::string_view w) {
  if (w.empty() || w.size() > 9) return -1;
  int v = 0;
  auto [p, ec] = std::from_chars(w.data(), w.data() + w.size(), v);
  if (ec != std::errc() || p != w.data() + w.size()) return -1;
  return v;
}

// "26", "26th", "1st" -> day number, or -1.
int ToDay(std::string_view w) {
  for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (w.size() > suffix.size() && w.ends_with(suffix)) {
      w.remove_suffix(suffix.size());
      break;
    }
  }
  int d = ToInt(w);
  return d >= 1 && d <= 31 && w.size() <= 2 ? d : -1;
}

int ToYear(std::string_view w) {
  if (w.size() != 4) return -1;
  int y = ToInt(w);
  return y >= 1900 && y <= 2100 ? y : -1;
}

// Counts for "N days ago": digits or number words.
int ToCount(std::string_view w) {
  static constexpr std::array<std::string_view, 13> kWords = {
      "zero",  "one",   "two",  "three", "four",   "five",  "six",
      "seven", "eight", "nine", "ten",   "eleven", "twelve"};
  for (size_t i = 0; i < kWords.size(); ++i)
    if (kWords[i] == w) return static_cast<int>(i);
  if (w == "a" || w == "an") return 1;
  int n = ToInt(w);
  return n >= 0 && n <= 1000 ? n : -1;
}

// Words before a bare month or year that make it a date ("in April",
// "since 2017", "early last year").
bool IsDatePreposition(std::string_view w) {
  static constexpr std::array<std::string_view, 14> kWords = {
      "in", "on",    "since", "until", "till", "by",     "during",
      "of", "early", "late",  "mid",   "from", "before", "after"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

int Modifier(std::string_view w) {
  if (w == "last" || w == "past" || w == "previous") return -1;
  if (w == "next" || w == "coming") return 1;
  if (w == "this") return 0;
  return 2;  // not a modifier
}

// ISO date in one token: "2020-06-26" or "2020-06".
bool MatchIsoToken(std::string_view w, DateMention& m) {
  if (w.size() != 10 && w.size() != 7) return false;
  if (w[4] != '-' || (w.size() == 10 && w[7] != '-')) return false;
  int y = ToYear(w.substr(0, 4));
  int mo = ToInt(w.substr(5, 2));
  int d = w.size() == 10 ? ToInt(w.substr(8, 2)) : 0;
  if (y < 0 || mo < 1 || mo > 12 || (w.size() == 10 && (d < 1 || d > 31)))
    return false;
  m.kind = DateMention::Kind::kAbsolute;
  m.year = y;
  m.month = mo;
  m.day = d;
  return true;
}

// Tries to match a date expression starting at words[i]; on success fills
// `m` (kind and fields) and returns the number of words used, else 0.
size_t MatchAt(const std::vector<Word>& words, size_t i, DateMention& m) {
  auto at = [&](size_t k) -> std::string_view {
    return k < words.size() ? std::string_view(words[k].text)
                            : std::string_view();
  };
  std::string_view w = at(i);
  std::string_view prev = i > 0 ? at(i - 1) : std::string_view();
  m = DateMention{};

  if (MatchIsoToken(w, m)) return 1;

  // Optional year after a month or day-month: "June 26, 2019", "June 2019".
  auto take_year = [&](size_t k, int& year) -> size_t {
    size_t used = 0;
    if (at(k) == ",") ++used;
    int y = ToYear(at(k + used));
    if (y > 0) {
      year = y;
      return used + 1;
    }
    return 0;
  };

  // Day Month [Year]: "26 June", "26th of June 2020".
  if (int d = ToDay(w); d > 0) {
    size_t k = i + 1;
    if (at(k) == "of") ++k;
    if (const MonthName* mon = FindMonth(at(k))) {
      m.kind = DateMention::Kind::kAbsolute;
      m.day = d;
      m.month = mon->month;
      return k + 1 - i + take_year(k + 1, m.year);
    }
  }

  // Month [Day] [Year].
  if (const MonthName* mon = FindMonth(w)) {
    m.kind = DateMention::Kind::kAbsolute;
    m.month = mon->month;
    if (int d = ToDay(at(i + 1)); d > 0 && ToYear(at(i + 1)) < 0) {
      m.day = d;
      return 2 + take_year(i + 2, m.year);
    }
    if (ToYear(at(i + 1)) > 0) {  // "June 2019"
      m.year = ToYear(at(i + 1));
      return 2;
    }
    // A month alone: "in April", "last April", "April's vote".
    int mod = Modifier(prev);
    bool context = IsDatePreposition(prev) || mod != 2;
    if (mon->strict && !context) return 0;
    if (mod != 2) m.modifier = mod;
    return 1;
  }

  // Year alone after a preposition: "in 2017", "since 2015".
  if (int y = ToYear(w); y > 0 && IsDatePreposition(prev)) {
    m.kind = DateMention::Kind::kAbsolute;
    m.year = y;
    return 1;
  }

  // Weekdays: "on Tuesday", "last Friday".
  if (int wd = FindWeekday(w); wd >= 0) {
    m.kind = DateMention::Kind::kWeekday;
    m.weekday = wd;
    int mod = Modifier(prev);
    m.modifier = mod == 2 ? 0 : mod;
    return 1;
  }

  if (w == "yesterday" || w == "today" || w == "tomorrow" || w == "tonight") {
    m.kind = DateMention::Kind::kRelativeDay;
    m.offset = w == "yesterday" ? -1 : w == "tomorrow" ? 1 : 0;
    return 1;
  }

  // "last week", "this month", "next year", "earlier this year",
  // "last night", "this morning".
  if (int mod = Modifier(w); mod != 2) {
    std::string_view unit = at(i + 1);
    m.offset = mod;
    if (unit == "week") {
      m.kind = DateMention::Kind::kRelativeWeek;
      return 2;
    }
    if (unit == "month") {
      m.kind = DateMention::Kind::kRelativeMonth;
      return 2;
    }
    if (unit == "year") {
      m.kind = DateMention::Kind::kRelativeYear;
      return 2;
    }
    if (w == "last" && unit == "night") {
      m.kind = DateMention::Kind::kRelativeDay;
      m.offset = -1;
      return 2;
    }
    if (w == "this" &&
        (unit == "morning" || unit == "afternoon" || unit == "evening")) {
      m.kind = DateMention::Kind::kRelativeDay;
      m.offset = 0;
      return 2;
    }
  }

  // "three days ago", "a year ago".
  if (int n = ToCount(w); n >= 0) {
    std::string_view unit = at(i + 1);
    if (unit.ends_with("s") && unit.size() > 1) unit.remove_suffix(1);
    if (at(i + 2) == "ago") {
      m.offset = -n;
      if (unit == "day")
        m.kind = DateMention::Kind::kRelativeDay;
      else if (unit == "week")
        m.kind = DateMention::Kind::kRelativeWeek;
      else if (unit == "month")
        m.kind = DateMention::Kind::kRelativeMonth;
      else if (unit == "year")
        m.kind = DateMention::Kind::kRelativeYear;
      else
        return 0;
      return 3;
    }
  }
  return 0;
}

chr::year_month_day ToYmd(const CivilDate& d) {
  return chr::year_month_day{chr::year{d.year},
                             chr::month{static_cast<unsigned>(d.month)},
                             chr::day{static_cast<unsigned>(d.day)}};
}

CivilDate FromYmd(const chr::year_month_day& ymd) {
  return {static_cast<int>(ymd.year()), static_cast<int>(unsigned(ymd.month())),
          static_cast<int>(unsigned(ymd.day()))};
}

CivilDate AddDays(const CivilDate& d, int days) {
  return FromYmd(
      chr::year_month_day{chr::sys_days{ToYmd(d)} + chr::days{days}});
}

std::string Format(int year, int month, int day) {
  char buf[48];
  if (day > 0)
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  else if (month > 0)
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  else
    std::snprintf(buf, sizeof buf, "%04d", year);
  return buf;
}

EventDate Make(int year, int month, int day, const DateMention& m) {
  EventDate out;
  out.value = Format(year, month, day);
  out.precision = day > 0     ? DatePrecision::kDay
                  : month > 0 ? DatePrecision::kMonth
                              : DatePrecision::kYear;
  out.from_text = true;
  out.evidence = m.span;
  return out;
}

bool IsValidDay(int year, int month, int day) {
  return ToYmd({year, month, day}).ok();
}

bool OpensWithPronoun(const Document& doc, const Sentence& s) {
  for (uint32_t i = s.token_begin; i < s.token_end && i < doc.tokens.size();
       ++i) {
    std::string w = text::AsciiLower(TokenString(doc, doc.tokens[i]));
    if (w == "\"" || w == "``" || w == "'" || w == "(") continue;
    return w == "he" || w == "she" || w == "they";
  }
  return false;
}

}  // namespace

Result<PartialDate> ParseDate(std::string_view text) {
  auto bad = [&] {
    return Status::Error(ErrorCode::kInvalidArgument,
                         "not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)",
                         std::string(text));
  };
  auto digits = [](std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
      return c >= '0' && c <= '9';
    });
  };
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return bad();
  PartialDate d;
  if (!digits(text.substr(0, 4))) return bad();
  d.year = ToInt(text.substr(0, 4));
  d.precision = DatePrecision::kYear;
  if (d.year < 1) return bad();
  if (text.size() >= 7) {
    if (text[4] != '-' || !digits(text.substr(5, 2))) return bad();
    d.month = ToInt(text.substr(5, 2));
    if (d.month < 1 || d.month > 12) return bad();
    d.precision = DatePrecision::kMonth;
  }
  if (text.size() == 10) {
    if (text[7] != '-' || !digits(text.substr(8, 2))) return bad();
    d.day = ToInt(text.substr(8, 2));
    if (d.day < 1 || !IsValidDay(d.year, d.month, d.day)) return bad();
    d.precision = DatePrecision::kDay;
  }
  return d;
}

Result<CivilDate> ParseCivilDate(std::string_view text) {
  // A timestamp is cut to its date; "YYYYMMDD" becomes "YYYY-MM-DD".
  std::string iso(text.substr(0, 10));
  if (text.size() == 8 && text.find('-') == std::string_view::npos) {
    iso = std::string(text.substr(0, 4)) + "-" +
          std::string(text.substr(4, 2)) + "-" + std::string(text.substr(6, 2));
  }
  Result<PartialDate> d = ParseDate(iso);
  if (!d.ok() || d->precision != DatePrecision::kDay) {
    return Status::Error(ErrorCode::kInvalidArgument,
                         "not a date (expected YYYY-MM-DD)", std::string(text));
  }
  return CivilDate{d->year, d->month, d->day};
}

std::vector<DateMention> FindDateMentions(const Document& doc,
                                          uint32_t sentence_index,
                                          const DateOptions& options) {
  std::vector<DateMention> out;
  if (sentence_index >= doc.sentences.size()) return out;
  std::vector<Word> words = SentenceWords(doc, doc.sentences[sentence_index],
                                          options.max_sentence_tokens);
  for (size_t i = 0; i < words.size();) {
    DateMention m;
    size_t used = MatchAt(words, i, m);
    if (used == 0) {
      ++i;
      continue;
    }
    // Invalid calendar days ("31 June") are not dates.
    if (m.kind == DateMention::Kind::kAbsolute && m.day > 0 &&
        !IsValidDay(m.year > 0 ? m.year : 2000, m.month, m.day)) {
      i += used;
      continue;
    }
    // A dateline ("NAIROBI, March 12 - Kenya signed ...") repeats the
    // publication date; it does not date the events of the sentence.
    if (i < 6 && i + used < words.size() &&
        (words[i + used].text == "-" || words[i + used].text == "--" ||
         words[i + used].text == "\u2013" ||
         words[i + used].text == "\u2014")) {
      i += used;
      continue;
    }
    m.token_begin = words[i].token;
    m.token_end = words[i + used - 1].token + 1;
    m.span = {doc.tokens[m.token_begin].span.begin,
              doc.tokens[m.token_end - 1].span.end};
    out.push_back(m);
    i += used;
  }
  return out;
}

EventDate ResolveDateMention(const DateMention& m, const CivilDate& anchor,
                             Tense tense, const DateOptions& options) {
  const bool future = tense == Tense::kFuture;
  const bool past = options.past_bias && !future;
  using Kind = DateMention::Kind;
  switch (m.kind) {
    case Kind::kAbsolute: {
      if (m.year > 0) return Make(m.year, m.month, m.day, m);
      if (m.month == 0) return EventDate{};
      int year = anchor.year;
      // Position of the mentioned month/day relative to the anchor.
      int cmp = m.month != anchor.month ? (m.month < anchor.month ? -1 : 1)
                : m.day == 0            ? 0
                : m.day < anchor.day    ? -1
                : m.day > anchor.day    ? 1
                                        : 0;
      if (m.modifier < 0) {
        if (cmp >= 0) --year;  // "last April" said in April or before it
      } else if (m.modifier > 0) {
        if (cmp <= 0) ++year;
      } else if (past && cmp > 0) {
        --year;  // no future dates for past events
      } else if (future && cmp < 0) {
        ++year;
      }
      if (m.day > 0 && !IsValidDay(year, m.month, m.day))
        return Make(year, m.month, 0, m);  // 29 Feb in a common year
      return Make(year, m.month, m.day, m);
    }
    case Kind::kWeekday: {
      chr::sys_days base{ToYmd(anchor)};
      int today = static_cast<int>(chr::weekday{base}.c_encoding());
      int back = (today - m.weekday + 7) % 7;   // days since that weekday
      int ahead = (m.weekday - today + 7) % 7;  // days until it
      int delta;
      if (m.modifier < 0)
        delta = -(back == 0 ? 7 : back);
      else if (m.modifier > 0)
        delta = ahead == 0 ? 7 : ahead;
      else if (future)
        delta = ahead;
      else
        delta = -back;
      CivilDate d = AddDays(anchor, delta);
      return Make(d.year, d.month, d.day, m);
    }
    case Kind::kRelativeDay: {
      CivilDate d = AddDays(anchor, m.offset);
      return Make(d.year, d.month, d.day, m);
    }
    case Kind::kRelativeWeek: {
      CivilDate d = AddDays(anchor, 7 * m.offset);
      return Make(d.year, d.month, 0, m);
    }
    case Kind::kRelativeMonth: {
      int index = anchor.year * 12 + (anchor.month - 1) + m.offset;
      return Make(index / 12, index % 12 + 1, 0, m);
    }
    case Kind::kRelativeYear:
      return Make(anchor.year + m.offset, 0, 0, m);
  }
  return EventDate{};
}

Tense TenseAt(const Document& doc, uint32_t sentence_index, int verb_token) {
  if (sentence_index >= doc.sentences.size() || verb_token < 0 ||
      static_cast<size_t>(verb_token) >= doc.tokens.size())
    return Tense::kUnknown;
  const Sentence& s = doc.sentences[sentence_index];
  if (static_cast<uint32_t>(verb_token) < s.token_begin ||
      static_cast<uint32_t>(verb_token) >= s.token_end)
    return Tense::kUnknown;
  // Auxiliaries just before the verb decide first ("will sign", "is to
  // visit", "has signed").
  for (int k = verb_token - 1;
       k >= static_cast<int>(s.token_begin) && k >= verb_token - 3; --k) {
    std::string w = text::AsciiLower(TokenString(doc, doc.tokens[k]));
    if (w == "will" || w == "shall" || w == "'ll" || w == "wo")
      return Tense::kFuture;
    if (w == "would" || w == "could" || w == "might") return Tense::kUnknown;
    if (w == "has" || w == "have" || w == "had" || w == "was" || w == "were" ||
        w == "did")
      return Tense::kPast;
  }
  // "is to visit", "plans to sign", "due to meet".
  if (verb_token - 2 >= static_cast<int>(s.token_begin) &&
      text::AsciiLower(TokenString(doc, doc.tokens[verb_token - 1])) == "to") {
    std::string w =
        text::AsciiLower(TokenString(doc, doc.tokens[verb_token - 2]));
    for (std::string_view f : {"is", "are", "plans", "plan", "planned",
                               "expected", "due", "set", "scheduled", "going"})
      if (w == f) return Tense::kFuture;
  }
  const Token& v = doc.tokens[verb_token];
  if (v.xpos == "VBD" || v.xpos == "VBN") return Tense::kPast;
  if (v.xpos == "VBZ" || v.xpos == "VBP" || v.xpos == "VBG")
    return Tense::kPresent;
  if (!v.xpos.empty()) return Tense::kUnknown;
  std::string w = text::AsciiLower(TokenString(doc, v));
  if (w.size() > 3 && w.ends_with("ed")) return Tense::kPast;
  return Tense::kUnknown;
}

Result<EventDate> DateForEvent(const Document& doc, uint32_t sentence_index,
                               int verb_token, const DateOptions& options) {
  if (sentence_index >= doc.sentences.size()) {
    return Status::Error(ErrorCode::kInvalidArgument,
                         "sentence index out of range", doc.id,
                         static_cast<int64_t>(sentence_index));
  }
  int near_token = verb_token;
  std::vector<DateMention> mentions =
      FindDateMentions(doc, sentence_index, options);
  if (mentions.empty() && options.inherit_after_pronoun && sentence_index > 0 &&
      OpensWithPronoun(doc, doc.sentences[sentence_index])) {
    mentions = FindDateMentions(doc, sentence_index - 1, options);
    near_token = -1;  // distances into another sentence mean nothing
  }
  bool have_anchor = !doc.date.empty();
  CivilDate anchor;
  if (have_anchor) {
    Result<CivilDate> parsed = ParseCivilDate(doc.date);
    if (!parsed.ok()) {
      return Status::Error(ErrorCode::kInvalidArgument,
                           "document date '" + doc.date + "' is not YYYY-MM-DD",
                           doc.id);
    }
    anchor = *parsed;
  }
  // The mention nearest the trigger (ties: the earlier one).
  const DateMention* best = nullptr;
  long best_distance = 0;
  for (const DateMention& m : mentions) {
    if (!have_anchor && (m.kind != DateMention::Kind::kAbsolute || m.year == 0))
      continue;  // needs the document date and there is none
    long distance = 0;
    if (near_token >= 0) {
      long v = near_token;
      distance = v < static_cast<long>(m.token_begin)
                     ? static_cast<long>(m.token_begin) - v
                 : v >= static_cast<long>(m.token_end)
                     ? v - static_cast<long>(m.token_end) + 1
                     : 0;
      // A clause boundary between trigger and expression ("said on Tuesday
      // that troops attacked ... last week") makes it a worse candidate.
      uint32_t lo = std::min<uint32_t>(near_token, m.token_begin);
      uint32_t hi = std::max<uint32_t>(near_token, m.token_end);
      for (uint32_t k = lo; k < hi && k < doc.tokens.size(); ++k) {
        std::string w = text::AsciiLower(TokenString(doc, doc.tokens[k]));
        if (w == "that" || w == "which" || w == "who" || w == ";") {
          distance += 2;
          break;
        }
      }
    }
    if (best == nullptr || distance < best_distance) {
      best = &m;
      best_distance = distance;
    }
  }
  if (best != nullptr) {
    EventDate d = ResolveDateMention(
        *best, anchor, TenseAt(doc, sentence_index, verb_token), options);
    if (d.precision != DatePrecision::kNone) return d;
  }
  EventDate fallback;
  if (have_anchor) {
    fallback.value = Format(anchor.year, anchor.month, anchor.day);
    fallback.precision = DatePrecision::kDay;
  }
  return fallback;
}

namespace {

class DateComponent : public Component {
 public:
  explicit DateComponent(DateOptions options) : options_(options) {}
  std::string_view name() const override { return "time"; }
  uint32_t requires_annotations() const override { return kEvents; }
  uint32_t assigns_annotations() const override { return kDates; }

  Status Process(Document& doc) const override {
    for (Event& e : doc.events) {
      if (e.sentence >= doc.sentences.size()) {
        return Status::Error(ErrorCode::kInternal,
                             "event refers to a missing sentence", doc.id,
                             e.span_begin);
      }
      Result<EventDate> d =
          DateForEvent(doc, e.sentence, e.trigger_token, options_);
      if (!d.ok()) return d.status();
      e.date = d->value;
    }
    return Status();
  }

 private:
  DateOptions options_;
};

}  // namespace

std::unique_ptr<Component> MakeDateComponent(const DateOptions& options) {
  return std::make_unique<DateComponent>(options);
}

}  // namespace curlew
