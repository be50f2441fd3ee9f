#include "text/tokenizer.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "text/chars.h"

namespace curlew::text {

namespace {

// Abbreviations that precede a name or a number, without the period.
constexpr std::string_view kTitles[] = {
    "Adm", "Atty", "Brig",   "Capt", "Cmdr", "Col", "Cpl",  "Det",
    "Dr",  "Drs",  "Fr",     "Ft",   "Gen",  "Gov", "Hon",  "Insp",
    "Lt",  "Maj",  "Messrs", "Mme",  "Mr",   "Mrs", "Ms",   "Msgr",
    "Mt",  "No",   "Nos",    "Prof", "Pres", "Pvt", "Rep",  "Reps",
    "Rev", "Rt",   "Sen",    "Sens", "Sgt",  "Sr",  "Supt", "vs",
    "Vol", "Fig",  "Gens",   "Sec",  "Pfc",  "Spc", "Cdr",
};
constexpr std::string_view kMonths[] = {
    "Jan", "Feb", "Mar",  "Apr", "Jun", "Jul",
    "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
};
// Other abbreviations (may end a sentence).
constexpr std::string_view kOthers[] = {
    "St",     "Inc",   "Corp",  "Co",   "Ltd",  "Bros", "Jr",   "etc",   "Ave",
    "Blvd",   "Rd",    "Tue",   "Tues", "Wed",  "Thu",  "Thur", "Thurs", "Fri",
    "approx", "est",   "al",    "cf",   "eg",   "ie",   "Ph",   "Dept",  "Univ",
    "Assn",   "Gov't", "mins",  "hrs",  "yrs",  "ft",   "lb",   "lbs",   "oz",
    "mi",     "km",    "Calif", "Fla",  "Mass", "Penn", "Conn", "Ariz",  "Colo",
    "Ill",    "Mich",  "Minn",  "Wis",  "Tenn", "Ky",   "Va",   "Md",    "Ga",
    "Ala",    "Okla",  "Ore",   "Nev",  "Neb",  "Kan",  "La",   "Pa",    "Ark",
    "Conf",   "ext",   "Attn",  "inc",  "corp", "Esq",  "Para", "pp",
};

// Membership in one of the word lists above.
template <size_t N>
bool InList(std::string_view w, const std::string_view (&list)[N]) {
  static const WordSet set(list);
  return set.contains(w);
}

// Lower-cased copy into a small buffer (words checked here are short).
std::string_view Lower(std::string_view w, char* buf, size_t cap) {
  const size_t n = std::min(w.size(), cap);
  for (size_t i = 0; i < n; ++i) buf[i] = AsciiLower(w[i]);
  return std::string_view(buf, n);
}

// Prefixes that EWT keeps joined to the following word by a hyphen
// ("non-stop", "e-mail", "post-war"); lower case.
constexpr std::string_view kHyphenPrefixes[] = {
    "e",     "co",     "non",     "pre",   "post",  "re",     "pro",
    "anti",  "ex",     "multi",   "mid",   "neo",   "semi",   "sub",
    "socio", "psycho", "counter", "cross", "arch",  "over",   "micro",
    "inter", "intra",  "ultra",   "bi",    "quasi", "pseudo", "mini",
    "macro", "mega",   "trans",   "un",    "de",    "tri",    "vice",
};

// Splits without an apostrophe: EWT writes them as multiword tokens.
struct FusedForm {
  std::string_view word;  // lower case
  uint8_t split;          // bytes in the first part
};
constexpr FusedForm kFusedForms[] = {
    {"cannot", 3}, {"gonna", 3},   {"wanna", 3},   {"gotta", 3},
    {"dont", 2},   {"didnt", 3},   {"doesnt", 4},  {"cant", 2},
    {"wont", 2},   {"isnt", 2},    {"wasnt", 3},   {"arent", 3},
    {"werent", 4}, {"couldnt", 5}, {"wouldnt", 5}, {"shouldnt", 6},
    {"havent", 4}, {"hasnt", 3},   {"aint", 2},
};

const FusedForm* FindFused(std::string_view lower) {
  for (const FusedForm& f : kFusedForms) {
    if (f.word.size() == lower.size() && f.word[0] == lower[0] &&
        f.word == lower) {
      return &f;
    }
  }
  return nullptr;
}

constexpr std::string_view kEmoticons[] = {
    ":)", ":-)", ":(", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":-P",
    ":p", ":-p", ":/", ":-/", ":|", ":o",  ":O", "=)",  "=(", "(:",
    "):", ":'(", "<3", "^_^", "^^", "-_-", "XD", "xD",  ":]", ":[",
};

// Emoticons are short and start with a symbol (or "XD").
bool MaybeEmoticon(std::string_view w) {
  return w.size() >= 2 && w.size() <= 3 &&
         (!IsAsciiAlnum(w[0]) || w[0] == 'X' || w[0] == 'x');
}

bool IsAlnumRun(std::string_view t, size_t b, size_t e) {
  if (b >= e) return false;
  for (size_t i = b; i < e; ++i) {
    if (!IsAsciiAlnum(t[i])) return false;
  }
  return true;
}

bool AllDigits(std::string_view t, size_t b, size_t e) {
  if (b >= e) return false;
  for (size_t i = b; i < e; ++i) {
    if (!IsAsciiDigit(t[i])) return false;
  }
  return true;
}

bool IsApostrophe(std::string_view t, size_t i, size_t* len) {
  if (t[i] == '\'') {
    *len = 1;
    return true;
  }
  if (static_cast<unsigned char>(t[i]) == 0xE2 && i + 2 < t.size() &&
      static_cast<unsigned char>(t[i + 1]) == 0x80 &&
      static_cast<unsigned char>(t[i + 2]) == 0x99) {
    *len = 3;  // ’
    return true;
  }
  return false;
}

// URL: a scheme, "www.", or a host name with a common top-level domain.
bool IsUrl(std::string_view w) {
  if (w.find("://") != std::string_view::npos) return true;
  if (w.starts_with("www.") || w.starts_with("WWW.")) return true;
  const size_t slash = w.find('/');
  const std::string_view host = w.substr(0, slash);
  const size_t dot = host.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  const std::string_view tld = host.substr(dot + 1);
  for (std::string_view d : {"com", "org", "net", "gov", "edu", "int", "info",
                             "uk", "de", "fr", "tr", "cn", "ru", "io"}) {
    if (tld == d) {
      // Require letters before the dot so that "3.com" style numbers and
      // sentences glued by a period do not match.
      for (size_t i = 0; i < dot; ++i) {
        if (!IsAsciiAlnum(host[i]) && host[i] != '.' && host[i] != '-') {
          return false;
        }
      }
      return true;
    }
  }
  return false;
}

bool IsEmail(std::string_view w) {
  const size_t at = w.find('@');
  if (at == std::string_view::npos || at == 0) return false;
  const size_t dot = w.find('.', at);
  return dot != std::string_view::npos && dot > at + 1 && dot + 1 < w.size();
}

bool IsHandle(std::string_view w) {
  if (w.size() < 2 || (w[0] != '@' && w[0] != '#')) return false;
  for (size_t i = 1; i < w.size(); ++i) {
    if (!IsAsciiAlnum(w[i]) && w[i] != '_') return false;
  }
  return !(w[0] == '#' && AllDigits(w, 1, w.size()));
}

// The words of the chunk, appended in order.
class ChunkSplitter {
 public:
  ChunkSplitter(std::string_view t, char next, std::vector<RawToken>* out)
      : t_(t), next_(next), out_(out) {}

  void Run(uint32_t b, uint32_t e) {
    // Fast path for the common chunks: a plain word, or a plain word and
    // one comma, semicolon or sentence-final period.
    uint32_t k = b;
    while (k < e && IsAsciiAlnum(t_[k])) ++k;
    if (k == e) return Word(b, e, /*apostrophes=*/false);
    if (k > b && k + 1 == e &&
        (t_[k] == ',' || t_[k] == ';' ||
         (t_[k] == '.' && !IsAbbreviation(t_.substr(b, e - b), next_)))) {
      Word(b, k, /*apostrophes=*/false);
      return Emit(k, e);
    }
    const std::string_view chunk = t_.substr(b, e - b);
    if (MaybeEmoticon(chunk) && InList(chunk, kEmoticons)) return Emit(b, e);
    // Leading punctuation, one token per character (runs of one character
    // together: "<<", "``").
    while (b < e) {
      const Punct p = PunctAt(t_, b);
      if (p.kind == PunctKind::kNone || !IsLeading(b, e, p)) break;
      const uint32_t run = RunEnd(b, e, p.len);
      Emit(b, run);
      b = run;
    }
    // Trailing punctuation, collected from the right.
    uint32_t tail[32];
    size_t ntail = 0;
    tail[ntail++] = e;
    while (b < e && ntail < 31) {
      const uint32_t last = static_cast<uint32_t>(PrevCharStart(t_, e));
      const Punct p = PunctAt(t_, last);
      if (p.kind == PunctKind::kNone || !SplitsOffAtEnd(t_[last])) break;
      if (t_[last] == '.' && last > b && t_[last - 1] != '.' &&
          IsAbbreviation(t_.substr(b, e - b), next_)) {
        break;
      }
      if (last > b && MaybeEmoticon(t_.substr(b, e - b)) &&
          InList(t_.substr(b, e - b), kEmoticons)) {
        break;
      }
      uint32_t start = last;
      // Runs of the same character ("...", "!!!", "?!") are one token.
      if (t_[last] == '.' || t_[last] == '!' || t_[last] == '?') {
        while (start > b && (t_[start - 1] == '.' || t_[start - 1] == '!' ||
                             t_[start - 1] == '?')) {
          --start;
        }
      } else if (p.len == 1) {
        while (start > b && t_[start - 1] == t_[last] && t_[last] != ')' &&
               t_[last] != '"' && t_[last] != '\'') {
          --start;
        }
      }
      e = start;
      tail[ntail++] = e;
    }
    if (b < e) Core(b, e);
    for (size_t k = ntail - 1; k > 0; --k) Emit(tail[k], tail[k - 1]);
  }

 private:
  void Emit(uint32_t b, uint32_t e, bool fused = false) {
    if (b < e) out_->push_back(RawToken{b, e, fused});
  }

  uint32_t RunEnd(uint32_t b, uint32_t e, uint32_t len) const {
    uint32_t r = b + len;
    if (len == 1 && t_[b] != '(' && t_[b] != '"' && t_[b] != '\'') {
      while (r < e && t_[r] == t_[b]) ++r;
    }
    return r;
  }

  // Leading punctuation that is split off: brackets, quotes, '$', '#'
  // before a number, '*', dashes before a word. '@' and '#' before a name
  // stay (handles, hashtags); '.' before a digit stays (".5").
  bool IsLeading(uint32_t b, uint32_t e, Punct p) const {
    const char c = t_[b];
    if (b + p.len >= e) return true;  // the whole rest is punctuation
    if (c == '@' || c == '#') {
      return !IsHandle(t_.substr(b, e - b)) || AllDigits(t_, b + 1, e);
    }
    if (c == '.') return !IsAsciiDigit(t_[b + 1]) && t_[b + 1] == '.';
    if (c == '\'') {
      // "'s", "'90s" and the like keep their apostrophe.
      return !IsAsciiAlnum(t_[b + 1]) ||
             (IsAsciiUpper(t_[b + 1]) && IsAsciiLower(t_[e - 1]) && e - b > 3);
    }
    return p.kind != PunctKind::kOther || c == '$' || c == '*' || c == ':' ||
           c == ',' || c == ';' || c == '=' || c == '~' || c == '|' ||
           c == '+' || c == '&' || c == '%' || c == '/';
  }

  // True if the punctuation character `c` at the end of a chunk is split
  // off. Symbols that end URLs, handles or formulas ("a/", "C++", "x=")
  // stay.
  static bool SplitsOffAtEnd(char c) {
    return !(c == '/' || c == '@' || c == '#' || c == '_' || c == '^' ||
             c == '\\' || c == '+' || c == '&' || c == '=' || c == '<' ||
             c == '$');
  }

  // The chunk without its outer punctuation.
  void Core(uint32_t b, uint32_t e) {
    const std::string_view w = t_.substr(b, e - b);
    // URLs, e-mail addresses and handles contain one of ". : / @ #".
    bool special = false;
    for (char c : w) {
      special |= c == '.' || c == ':' || c == '/' || c == '@' || c == '#';
    }
    if (special && (IsUrl(w) || IsEmail(w) || IsHandle(w))) {
      return Emit(b, e);
    }
    // Split at inner punctuation.
    uint32_t start = b;
    uint32_t i = b;
    while (i < e) {
      const Punct p = PunctAt(t_, i);
      if (p.kind == PunctKind::kNone) {
        i += static_cast<uint32_t>(Utf8Len(static_cast<unsigned char>(t_[i])));
        continue;
      }
      const char c = t_[i];
      const bool digit_before = i > b && IsAsciiDigit(t_[i - 1]);
      const bool digit_after = i + 1 < e && IsAsciiDigit(t_[i + 1]);
      size_t alen;
      if (IsApostrophe(t_, i, &alen) || c == '&' || c == '@' || c == '_' ||
          c == '#') {
        i += p.len;
        continue;
      }
      if (c == '.') {
        // Inner periods stay ("3.5", "U.S", "1.DOC") unless a run.
        if (i + 1 < e && t_[i + 1] == '.') {
          uint32_t r = i;
          while (r < e && t_[r] == '.') ++r;
          Word(start, i);
          Emit(i, r);
          start = i = r;
          continue;
        }
        i += 1;
        continue;
      }
      if ((c == ',' || c == ':' || c == '/') && digit_before && digit_after) {
        i += 1;
        continue;
      }
      if (p.kind == PunctKind::kDash && p.len == 1 && i > start && i + 1 < e &&
          t_[i + 1] != '-' && KeepHyphen(start, i, e)) {
        i += 1;
        continue;
      }
      // Split: the word so far, then the punctuation (runs together).
      Word(start, i);
      uint32_t r = i + p.len;
      if (p.len == 1 && c != '(' && c != ')' && c != '"') {
        while (r < e && t_[r] == c) ++r;
      }
      Emit(i, r);
      start = i = r;
    }
    Word(start, e);
  }

  // Keeps the hyphen at t[h] between the word t[start, h) and what follows
  // (up to e).
  bool KeepHyphen(uint32_t start, uint32_t h, uint32_t e) const {
    uint32_t next_end = h + 1;
    while (next_end < e && t_[next_end] != '-' &&
           PunctAt(t_, next_end).kind == PunctKind::kNone) {
      ++next_end;
    }
    // The part before the hyphen is the text since the previous hyphen.
    uint32_t part = h;
    while (part > start && t_[part - 1] != '-') --part;
    const bool left_digits = AllDigits(t_, part, h);
    const bool right_digits = AllDigits(t_, h + 1, next_end);
    if (left_digits && right_digits) {
      // Phone numbers and long numbers stay; short ranges ("5-10") split.
      return part > start || next_end < e || h - part >= 3 ||
             next_end - h - 1 >= 3;
    }
    if (right_digits && IsAlnumRun(t_, part, h)) {
      // "F-16", "COVID-19": no lower-case letter before the hyphen.
      for (uint32_t k = part; k < h; ++k) {
        if (IsAsciiLower(t_[k])) return false;
      }
      return true;
    }
    if (part == start && h - part <= 7) {
      char buf[16];
      const std::string_view left = Lower(t_.substr(part, h - part), buf, 8);
      if (InList(left, kHyphenPrefixes)) return true;
    }
    return false;
  }

  // A word without inner punctuation except apostrophes, periods and the
  // kept hyphens: splits clitics ("do|n't", "Bush|'s", "can|not").
  void Word(uint32_t b, uint32_t e, bool apostrophes = true) {
    if (b >= e) return;
    // The last apostrophe.
    for (uint32_t i = e; apostrophes && i-- > b + 1;) {
      size_t alen;
      if (!IsApostrophe(t_, i, &alen)) continue;
      char buf[16];
      const std::string_view suffix =
          Lower(t_.substr(i + alen, e - i - alen), buf, 4);
      if (suffix == "t" && i - 1 > b && AsciiLower(t_[i - 1]) == 'n') {
        Emit(b, i - 1);
        Emit(i - 1, e, true);
        return;
      }
      if (suffix == "s" || suffix == "m" || suffix == "d" || suffix == "re" ||
          suffix == "ve" || suffix == "ll") {
        if (e - (i + alen) == suffix.size()) {
          Emit(b, i);
          Emit(i, e, true);
          return;
        }
      }
      break;
    }
    if (MaybeFusedForm(t_.substr(b, e - b))) {
      char buf[16];
      const std::string_view lower = Lower(t_.substr(b, e - b), buf, 8);
      if (const FusedForm* f = FindFused(lower)) {
        Emit(b, b + f->split);
        Emit(b + f->split, e, true);
        return;
      }
    }
    Emit(b, e);
  }

  std::string_view t_;
  char next_;
  std::vector<RawToken>* out_;
};

}  // namespace

AbbrevKind AbbreviationKind(std::string_view word) {
  if (word.size() < 2 || word.back() != '.') return AbbrevKind::kNone;
  const std::string_view stem = word.substr(0, word.size() - 1);
  if (stem.size() == 1) {
    return IsAsciiUpper(stem[0]) ? AbbrevKind::kInitial : AbbrevKind::kNone;
  }
  // Listed abbreviations have at most 6 letters.
  if (stem.size() <= 6) {
    if (InList(stem, kTitles)) return AbbrevKind::kTitle;
    if (InList(stem, kMonths)) return AbbrevKind::kMonth;
    if (InList(stem, kOthers)) return AbbrevKind::kOther;
  }
  // Letters with inner periods: "U.S", "p.m", "a.k.a", "Ph.D".
  bool inner_period = false;
  for (size_t i = 0; i < stem.size(); ++i) {
    const char c = stem[i];
    if (c == '.') {
      if (i == 0 || stem[i - 1] == '.') return AbbrevKind::kNone;
      inner_period = true;
    } else if (!IsAsciiAlpha(c)) {
      return AbbrevKind::kNone;
    }
  }
  if (inner_period) return AbbrevKind::kOther;
  return AbbrevKind::kNone;
}

bool IsAbbreviation(std::string_view word, char next) {
  const AbbrevKind k = AbbreviationKind(word);
  if (k == AbbrevKind::kNone) return false;
  // "No." is the number sign only before a number.
  if (word == "No." || word == "Nos.") return IsAsciiDigit(next);
  return true;
}

void TokenizeChunk(std::string_view t, uint32_t begin, uint32_t end, char next,
                   std::vector<RawToken>* out) {
  ChunkSplitter(t, next, out).Run(begin, end);
}

}  // namespace curlew::text
