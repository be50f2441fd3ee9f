#include "text/sentence_splitter.h"

#include <algorithm>
#include <string_view>

#include "text/chars.h"

namespace curlew::text {

namespace {

// Capitalised words that usually start a sentence rather than continue a
// name after "U.S." or "Inc.".
constexpr std::string_view kSentenceStarters[] = {
    "A",         "About",  "According", "After",   "All",       "Also",
    "Although",  "Among",  "An",        "And",     "Analysts",  "Any",
    "As",        "Asked",  "At",        "Because", "Before",    "Both",
    "But",       "By",     "Critics",   "Despite", "During",    "Each",
    "Earlier",   "Even",   "Every",     "Few",     "For",       "From",
    "He",        "Her",    "Here",      "His",     "How",       "However",
    "I",         "If",     "In",        "Indeed",  "Instead",   "It",
    "Its",       "Last",   "Later",     "Many",    "Meanwhile", "More",
    "Most",      "My",     "Neither",   "No",      "Not",       "Now",
    "Officials", "On",     "Once",      "One",     "Only",      "Other",
    "Others",    "Our",    "Police",    "Several", "She",       "Since",
    "So",        "Some",   "Still",     "Such",    "That",      "The",
    "Their",     "Then",   "There",     "These",   "They",      "This",
    "Those",     "Though", "Thus",      "To",      "Two",       "Under",
    "Until",     "We",     "What",      "When",    "Where",     "While",
    "Who",       "Why",    "With",      "Yet",     "You",
};

std::string_view Text(std::string_view t, const RawToken& w) {
  return t.substr(w.begin, w.end - w.begin);
}

// True if the word is only sentence-final punctuation (". ! ? ... …").
bool IsFinalPunct(std::string_view w) {
  if (w.empty()) return false;
  for (size_t i = 0; i < w.size();) {
    const Punct p = PunctAt(w, i);
    if (p.kind != PunctKind::kFinal) return false;
    i += p.len;
  }
  return true;
}

bool IsCloser(std::string_view w) {
  if (w == "''") return true;
  if (w.empty()) return false;
  const Punct p = PunctAt(w, 0);
  return p.len == w.size() &&
         (p.kind == PunctKind::kClose || p.kind == PunctKind::kQuote);
}

bool IsOpener(std::string_view w) {
  if (w.empty()) return false;
  const Punct p = PunctAt(w, 0);
  return p.kind == PunctKind::kOpen || p.kind == PunctKind::kQuote;
}

bool IsOpeningQuote(std::string_view w) {
  if (w.empty() || w[0] == '(' || w[0] == '[' || w[0] == '{' || w[0] == '<') {
    return false;
  }
  return IsOpener(w);
}

bool IsDash(std::string_view w) {
  if (w.empty()) return false;
  for (size_t i = 0; i < w.size();) {
    const Punct p = PunctAt(w, i);
    if (p.kind != PunctKind::kDash) return false;
    i += p.len;
  }
  return true;
}

// A word in capitals ("ANKARA", "U.S."), as datelines begin.
bool IsAllCaps(std::string_view w) {
  int letters = 0;
  for (char c : w) {
    if (IsAsciiLower(c)) return false;
    letters += IsAsciiUpper(c);
  }
  return letters >= 2;
}

enum class Start { kLower, kUpper, kDigit, kOpener, kOther };

Start StartOf(std::string_view w) {
  const char c = w[0];
  if (IsAsciiLower(c)) return Start::kLower;
  if (IsAsciiUpper(c)) return Start::kUpper;
  if (IsAsciiDigit(c)) return Start::kDigit;
  if (IsOpener(w)) return Start::kOpener;
  if (static_cast<unsigned char>(c) >= 0x80 && PunctAt(w, 0).len == 0) {
    return Start::kUpper;  // a non-ASCII letter: treat as a word start
  }
  return Start::kOther;
}

class Splitter {
 public:
  Splitter(std::string_view t, const std::vector<RawToken>& words)
      : t_(t), w_(words) {}

  // Index one past the last word of the sentence that starts at `begin`.
  uint32_t SentenceEnd(uint32_t begin) const {
    const uint32_t n = static_cast<uint32_t>(w_.size());
    if (w_[begin].paragraph_start || begin == 0) {
      if (uint32_t d = DatelineEnd(begin); d != 0) return d;
    }
    for (uint32_t i = begin; i < n; ++i) {
      if (i + 1 < n && w_[i + 1].paragraph_start) return i + 1;
      // Only a word ending in '.', '!', '?' or '…' (E2 80 A6) can end a
      // sentence here.
      const char last = t_[w_[i].end - 1];
      if (last != '.' && last != '!' && last != '?' && last != '\xA6') {
        continue;
      }
      const std::string_view w = Text(t_, w_[i]);
      if (IsFinalPunct(w)) {
        uint32_t j = i + 1;
        while (j < n && !w_[j].paragraph_start &&
               w_[j].begin == w_[j - 1].end && IsCloser(Text(t_, w_[j]))) {
          ++j;
        }
        if (j >= n || w_[j].paragraph_start) return j;
        if (EndsAfterPunct(w, j > i + 1, Text(t_, w_[j]))) return j;
        i = j - 1;
        continue;
      }
      if (w.size() > 1 && w.back() == '.' && i + 1 < n &&
          EndsAfterAbbreviation(w, i + 1)) {
        return i + 1;
      }
    }
    return n;
  }

 private:
  // After ". ! ? …" (and closers, `quoted`), does a sentence end before
  // the word `next`?
  bool EndsAfterPunct(std::string_view punct, bool quoted,
                      std::string_view next) const {
    switch (StartOf(next)) {
      case Start::kUpper:
      case Start::kDigit:
      case Start::kOpener:
        return true;
      case Start::kLower:
        // "Why?" he asked. / "We will," she said. ... but a plain period
        // before a lower-case word still ends the sentence.
        return punct == "." && !quoted;
      case Start::kOther:
        return false;
    }
    return false;
  }

  bool EndsAfterAbbreviation(std::string_view abbrev, uint32_t next) const {
    const AbbrevKind kind = AbbreviationKind(abbrev);
    if (kind == AbbrevKind::kNone) return false;
    if (kind == AbbrevKind::kTitle || kind == AbbrevKind::kInitial) {
      return false;
    }
    const std::string_view w = Text(t_, w_[next]);
    if (kind == AbbrevKind::kMonth && StartOf(w) == Start::kDigit) return false;
    if (IsOpeningQuote(w) && w_[next].begin > w_[next - 1].end) {
      // An opening quote after a space, then a capital. (Not a bracket:
      // "at 10 a.m. (1400 GMT)".)
      return next + 1 < w_.size() &&
             StartOf(Text(t_, w_[next + 1])) == Start::kUpper;
    }
    static const WordSet starters(kSentenceStarters);
    return starters.contains(w);
  }

  // If the paragraph starting at `begin` opens with a dateline
  // ("ANKARA, Dec 31 (Reuters) -", "WASHINGTON (AP) --"), the index after
  // its dash; else 0.
  uint32_t DatelineEnd(uint32_t begin) const {
    const uint32_t n = static_cast<uint32_t>(w_.size());
    if (!IsAllCaps(Text(t_, w_[begin]))) return 0;
    const uint32_t limit = std::min<uint32_t>(n, begin + 16);
    for (uint32_t k = begin + 1; k < limit; ++k) {
      if (w_[k].paragraph_start) return 0;
      const std::string_view w = Text(t_, w_[k]);
      if (IsFinalPunct(w)) return 0;
      if (IsDash(w)) {
        const std::string_view prev = Text(t_, w_[k - 1]);
        const bool spaced = w_[k].begin > w_[k - 1].end;
        if (spaced && k + 1 < n &&
            (prev == ")" || IsAllCaps(prev) ||
             StartOf(prev) == Start::kDigit)) {
          return k + 1;
        }
        return 0;
      }
    }
    return 0;
  }

  std::string_view t_;
  const std::vector<RawToken>& w_;
};

}  // namespace

void SplitSentences(std::string_view t, const std::vector<RawToken>& words,
                    size_t max_tokens, std::vector<TokenRange>* sentences) {
  sentences->clear();
  if (max_tokens == 0) max_tokens = 1;
  const Splitter splitter(t, words);
  uint32_t begin = 0;
  const uint32_t n = static_cast<uint32_t>(words.size());
  while (begin < n) {
    const uint32_t end = splitter.SentenceEnd(begin);
    const bool cut = end - begin > max_tokens;
    uint32_t piece = 0;
    for (uint32_t b = begin; b < end; b += static_cast<uint32_t>(max_tokens)) {
      sentences->push_back(
          {b, std::min<uint32_t>(end, b + static_cast<uint32_t>(max_tokens)),
           cut ? ++piece : 0});
    }
    begin = end;
  }
}

}  // namespace curlew::text
