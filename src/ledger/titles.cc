// An agreement's title as the text gives it: capitalised, quoted, "known
// as", or a name leading a lower-case agreement noun.

#include "ledger/titles.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "ledger/agreement_words.h"
#include "text/chars.h"

namespace curlew::ledger_extract {
namespace {

// The first word of the run of words before noun `n` that each modify a
// word between it and `n` and that `takes` accepts; `n` if none.
template <typename Takes>
uint32_t PreModifiersStart(const Tree& t, uint32_t n, Takes takes) {
  uint32_t first = n;
  while (first > 0) {
    const uint32_t p = first - 1;
    if (t.head(p) <= static_cast<int>(p) || t.head(p) > static_cast<int>(n) ||
        !takes(p))
      break;
    first = p;
  }
  return first;
}

}  // namespace

// A year of four digits at token i ("1987"), "" if none.
std::string YearAt(const Tree& t, uint32_t i) {
  std::string_view w = t.text(i);
  if (w.size() != 4 || !std::all_of(w.begin(), w.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      }))
    return "";
  return std::string(w);
}

// A title in quotes ("the “Treaty on Extradition between X and Y”") is
// the whole phrase, however the parse divided it: the phrase runs to the
// closing quote.
void QuotedTitle(const Tree& t, uint32_t n, uint32_t first, uint32_t* last) {
  auto open = [&](uint32_t i) {
    std::string_view w = t.text(i);
    return w == "\u201c" || w == "\"" || w == "``";
  };
  auto close = [&](uint32_t i) {
    std::string_view w = t.text(i);
    return w == "\u201d" || w == "\"" || w == "''";
  };
  bool quoted = false;
  for (uint32_t i = first; i < n; ++i) quoted = quoted || open(i);
  if (!quoted) return;
  for (uint32_t i = n + 1; i < t.size(); ++i) {
    if (close(i)) {
      if (i - 1 > *last) *last = i - 1;
      return;
    }
  }
}

// "The agreement, called the Joint Comprehensive Plan of Action",
// "The treaty, known as New START", "It became known as Minsk II": the
// capitalised words after "called", "named", "dubbed" or "known as" that
// hang on agreement noun `n` (n < 0: on a pronoun or an agreement noun
// subject), "" if none.
std::string CalledTitle(const Tree& t, int n) {
  for (uint32_t v = 0; v + 1 < t.size(); ++v) {
    const std::string& l = t.lemma(v);
    // ("known" may be tagged as an adjective with its own lemma.)
    const bool known = l == "know" || l == "known";
    if (!known && !In(l, {"call", "name", "dub"})) continue;
    if (!known && t.tok(v).xpos != "VBN" && t.tok(v).xpos != "VBD") continue;
    uint32_t k = v + 1;
    if (known) {
      if (t.lemma(k) != "as") continue;
      ++k;
    }
    if (n >= 0) {
      // The participle modifies the noun ("The pact, called AUKUS").
      // (or follows it, set off by a comma the parse hung it on)
      const bool next_to =
          static_cast<int>(v) == n + 1 ||
          (static_cast<int>(v) == n + 2 && t.text(v - 1) == ",");
      if (t.head(v) != n && !next_to) continue;
    } else if (t.head(v) >= 0 &&
               IsAgreementWord(t.lemma(static_cast<uint32_t>(t.head(v))))) {
      // (an agreement noun the parse did not give a step)
    } else {
      // "It became known as ...", "The deal was called ...".
      int h = t.head(v);
      int subj = t.Child(v, {"nsubj", "nsubj:pass"});
      if (subj < 0 && h >= 0)
        subj = t.Child(static_cast<uint32_t>(h), {"nsubj"});
      if (subj < 0 || !In(t.lemma(static_cast<uint32_t>(subj)),
                          {"it", "treaty", "accord", "agreement", "deal",
                           "pact", "ceasefire", "truce"}))
        continue;
    }
    if (k < t.size() && t.lemma(k) == "the") ++k;
    uint32_t first = k, last = k;
    bool any = false;
    for (uint32_t i = k; i < t.size(); ++i) {
      std::string_view w = t.text(i);
      if (w.empty()) break;
      const bool cap = std::isupper(static_cast<unsigned char>(w[0])) ||
                       std::isdigit(static_cast<unsigned char>(w[0]));
      const bool joining =
          i > k && In(text::AsciiLower(w), {"of", "on", "for", "the", "and"});
      if (!cap && !joining) break;
      if (cap) {
        last = i;
        any = true;
      }
    }
    if (!any) continue;
    return t.SpanText(first, last);
  }
  return "";
}

// "the Paris climate agreement", "the Minsk ceasefire", "the INF
// treaty": a lower-case agreement noun led by a capitalised name inside
// the sentence is that name (its leading words name the agreement, not
// its parties).
std::string ModifierTitle(const Tree& t, uint32_t n) {
  const uint32_t first = PreModifiersStart(t, n, [&](uint32_t p) {
    std::string_view r = t.rel(p);
    return (r.starts_with("compound") || r == "amod" || r == "nmod:poss" ||
            r == "flat") &&
           t.lemma(p) != "'s" && t.tok(p).upos != "PUNCT";
  });
  if (first == n || first == 0) return "";
  // The name leads the phrase ("the Paris climate agreement", "the 2015
  // Iran nuclear deal"), not a word inside a description ("the vast
  // Asia-Pacific trade pact").
  if (t.tok(first - 1).upos != "DET" && t.tok(first - 1).upos != "NUM")
    return "";
  // "Sweden's NATO accession protocol": owned by a party, not a title.
  if (In(t.lemma(first - 1), {"'s", "\u2019s"}) || t.text(first - 1) == "'s")
    return "";
  std::string_view w = t.text(first);
  if (w.empty() || !std::isupper(static_cast<unsigned char>(w[0])) ||
      (t.tok(first).upos != "PROPN" && t.tok(first).upos != "ADJ"))
    return "";
  // Possessive leads ("Sweden's accession protocol") name a party.
  for (uint32_t i = first; i < n; ++i)
    if (t.rel(i) == "nmod:poss" || t.lemma(i) == "'s") return "";
  return t.SpanText(first, n);
}

// "the Treaty on Extradition between ... and ..." when the noun is
// capitalised inside the sentence.
std::string FormalName(const Tree& t, uint32_t n, uint32_t first,
                       uint32_t last) {
  std::string_view w = t.text(n);
  if (w.empty() || !std::isupper(static_cast<unsigned char>(w[0]))) return "";
  if (n == 0) return "";
  // Trim determiners, quotes and punctuation at both ends.
  auto trim = [&](uint32_t i) {
    std::string_view r = t.rel(i);
    const std::string& up = t.tok(i).upos;
    return r == "det" || r == "punct" || up == "PUNCT" || up == "DET";
  };
  // A title ends before a comma, a relative clause or a "with X" naming
  // a party ("the Indus Waters Treaty with Pakistan"); it starts after a
  // preposition the phrase took in ("under the ... Treaty").
  for (uint32_t i = n + 1; i <= last; ++i) {
    std::string_view r = t.rel(i);
    if (t.text(i) == "," || r.starts_with("acl") ||
        (t.head(i) == static_cast<int>(n) && r.starts_with("nmod") &&
         t.HasChildLemma(i, {"case"}, {"with"}))) {
      uint32_t f = i, l = i;
      t.Range(i, &f, &l);
      last = std::max(n, std::min(i, f) - 1);
      break;
    }
  }
  // A title is capitalised but for its joining words: it ends before
  // the first other lower-case word or a date ("the Paris Agreement on
  // climate change", "the Abraham Accords at the White House on
  // Tuesday"), and a leading year is an attribute ("the 1972 Simla
  // Agreement").
  auto joining = [&](uint32_t i) {
    return In(text::AsciiLower(t.text(i)),
              {"of", "on", "between", "and", "the", "for", "in", "to", "'s",
               "\u2019s", "-"});
  };
  auto dated = [&](uint32_t i) {
    return In(t.lemma(i), {"monday", "tuesday", "wednesday", "thursday",
                           "friday", "saturday", "sunday"}) ||
           !YearAt(t, i).empty();  // "the Paris Agreement in 2016"
  };
  for (uint32_t i = n + 1; i <= last; ++i) {
    std::string_view w = t.text(i);
    bool lower = !w.empty() && std::islower(static_cast<unsigned char>(w[0]));
    if ((lower && !joining(i)) || dated(i)) {
      last = i - 1;
      break;
    }
  }
  // Capitalised words the parse left outside the phrase ("the
  // Intermediate-Range Nuclear Forces | Treaty") lead the title.
  auto capitalised = [&](uint32_t i) {
    std::string_view w = t.text(i);
    return !w.empty() && std::isupper(static_cast<unsigned char>(w[0]));
  };
  if (first == n)
    while (first > 1 &&
           (capitalised(first - 1) || (t.text(first - 1) == "-" && first > 2 &&
                                       capitalised(first - 2))) &&
           t.tok(first - 1).upos != "DET")
      --first;
  while (last > n && (trim(last) || joining(last))) --last;
  while (first < n &&
         (trim(first) || t.rel(first) == "case" || t.tok(first).upos == "NUM"))
    ++first;
  while (last > n && trim(last)) --last;
  // Without a capitalised modifier or a prepositional tail this is just a
  // sentence-initial or stray capital.
  if (first == n && last == n) return "";
  return t.SpanText(first, last);
}

// "a joint declaration", "a separate draft agreement", "the China-brokered
// deal": the words that describe an agreement noun `n`, its modifiers
// before it without determiners, numbers and words that only tell one
// mention from another ("separate", "new", "earlier"); "" when no word is
// left beside the noun.
std::string Description(const Tree& t, uint32_t n) {
  uint32_t first = PreModifiersStart(t, n, [&](uint32_t p) {
    std::string_view r = t.rel(p);
    const bool hyphen = t.text(p) == "-" && p > 0;
    return (hyphen || r.starts_with("compound") || r == "amod" ||
            r == "flat") &&
           t.tok(p).upos != "DET" && t.tok(p).upos != "NUM";
  });
  while (first < n &&
         (t.tok(first).upos == "PUNCT" ||
          In(t.lemma(first),
             {"new",    "separate", "early",    "earlier", "previous",
              "prior",  "former",   "first",    "last",    "late",
              "latest", "landmark", "historic", "major",   "key",
              "final",  "long",     "formal",   "such",    "same",
              "other",  "further",  "broad",    "wide",    "vast",
              "own",    "current",  "existing", "proposed"})))
    ++first;
  if (first == n) return "";
  std::string words = t.SpanText(first, n);
  if (t.tok(first).upos != "PROPN" && !words.empty())
    words[0] =
        static_cast<char>(std::tolower(static_cast<unsigned char>(words[0])));
  return words;
}

}  // namespace curlew::ledger_extract
