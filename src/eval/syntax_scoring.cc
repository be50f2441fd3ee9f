// Evaluation scores, CoNLL 2018 style.
#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "curlew/syntax.h"

namespace curlew {
namespace {

std::string_view Universal(std::string_view rel) {
  return rel.substr(0, rel.find(':'));
}

bool SameLemma(const Token& g, const Token& s) { return g.lemma == s.lemma; }

struct Aligned {
  // For each gold token (document index), the aligned system token or -1.
  std::vector<int64_t> sys_of_gold;
  std::vector<int64_t> gold_of_sys;
};

// Counts tag, lemma and attachment agreement of aligned tokens. Heads are
// compared through the alignment: a system head is right if it is aligned
// with the gold head (or both are the root).
void Count(const Document& gold, const Document& sys, const Aligned& a,
           SyntaxScores& sc) {
  // Sentence start of every token, to turn 1-based heads into indices.
  auto starts = [](const Document& d) {
    std::vector<uint32_t> start(d.tokens.size(), 0);
    for (const Sentence& s : d.sentences) {
      for (uint32_t i = s.token_begin; i < s.token_end; ++i)
        start[i] = s.token_begin;
    }
    return start;
  };
  std::vector<uint32_t> gs = starts(gold), ss = starts(sys);
  for (size_t g = 0; g < gold.tokens.size(); ++g) {
    int64_t s = a.sys_of_gold[g];
    if (s < 0) continue;
    ++sc.aligned_words;
    const Token& gt = gold.tokens[g];
    const Token& st = sys.tokens[s];
    sc.upos += gt.upos == st.upos;
    sc.xpos += gt.xpos == st.xpos;
    sc.lemma += SameLemma(gt, st);
    bool head_ok;
    if (gt.head == 0 || st.head <= 0) {
      head_ok = gt.head == 0 && st.head == 0;
    } else {
      int64_t sys_head = ss[s] + st.head - 1;
      head_ok =
          a.gold_of_sys[sys_head] == static_cast<int64_t>(gs[g] + gt.head - 1);
    }
    sc.uas += head_ok;
    sc.las += head_ok && Universal(gt.deprel) == Universal(st.deprel);
  }
}

// Length of the whitespace character at text[i] (ASCII or Unicode, as
// Python's str.isspace() in the CoNLL 2018 evaluation script), or 0.
size_t SpaceLength(std::string_view t, size_t i) {
  unsigned char c = t[i];
  if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
  auto at = [&](size_t k) -> unsigned char {
    return i + k < t.size() ? t[i + k] : 0;
  };
  if (c == 0xC2 && (at(1) == 0xA0 || at(1) == 0x85)) return 2;
  if (c == 0xE2 && at(1) == 0x80 &&
      ((at(2) >= 0x80 && at(2) <= 0x8A) || at(2) == 0xA8 || at(2) == 0xA9 ||
       at(2) == 0xAF)) {
    return 3;
  }
  if (c == 0xE2 && at(1) == 0x81 && at(2) == 0x9F) return 3;
  if (c == 0xE3 && at(1) == 0x80 && at(2) == 0x80) return 3;
  if (c == 0xE1 && at(1) == 0x9A && at(2) == 0x80) return 3;
  return 0;
}

// Offsets of each token counted in non-whitespace bytes of the text.
std::vector<std::pair<uint64_t, uint64_t>> NonSpaceSpans(const Document& d,
                                                         std::string* chars) {
  std::vector<uint64_t> before(d.text.size() + 1, 0);
  for (size_t i = 0; i < d.text.size();) {
    size_t space = SpaceLength(d.text, i);
    if (space > 0) {
      for (size_t k = 0; k < space && i < d.text.size(); ++k, ++i) {
        before[i + 1] = before[i];
      }
      continue;
    }
    before[i + 1] = before[i] + 1;
    if (chars) *chars += d.text[i];
    ++i;
  }
  std::vector<std::pair<uint64_t, uint64_t>> out;
  for (const Token& t : d.tokens) {
    const size_t b = std::min<size_t>(t.span.begin, d.text.size());
    const size_t e = std::min<size_t>(t.span.end, d.text.size());
    out.push_back({before[b], before[e]});
  }
  return out;
}

}  // namespace

double SyntaxScores::F1(size_t correct) const {
  if (gold_words + system_words == 0) return 0.0;
  return 200.0 * static_cast<double>(correct) /
         static_cast<double>(gold_words + system_words);
}

void ClearSyntax(Document& doc) {
  for (Token& t : doc.tokens) {
    t.upos.clear();
    t.xpos.clear();
    t.lemma.clear();
    t.head = -1;
    t.deprel.clear();
  }
}

SyntaxScores ScoreSameTokens(const Document& gold, const Document& system) {
  SyntaxScores sc;
  sc.gold_words = gold.tokens.size();
  sc.system_words = system.tokens.size();
  Aligned a;
  size_t n = std::min(gold.tokens.size(), system.tokens.size());
  a.sys_of_gold.assign(gold.tokens.size(), -1);
  a.gold_of_sys.assign(system.tokens.size(), -1);
  for (size_t i = 0; i < n; ++i) a.sys_of_gold[i] = a.gold_of_sys[i] = i;
  Count(gold, system, a, sc);
  return sc;
}

Result<SyntaxScores> ScoreAligned(const Document& gold,
                                  const Document& system) {
  std::string gchars, schars;
  auto gspans = NonSpaceSpans(gold, &gchars);
  auto sspans = NonSpaceSpans(system, &schars);
  if (gchars != schars) {
    size_t i = 0;
    while (i < gchars.size() && i < schars.size() && gchars[i] == schars[i])
      ++i;
    return Status::Error(
        ErrorCode::kInvalidArgument,
        "gold and system texts differ at non-space byte " + std::to_string(i),
        system.id);
  }
  SyntaxScores sc;
  sc.gold_words = gold.tokens.size();
  sc.system_words = system.tokens.size();
  Aligned a;
  a.sys_of_gold.assign(gold.tokens.size(), -1);
  a.gold_of_sys.assign(system.tokens.size(), -1);
  // Both token lists are in text order: walk them together.
  size_t g = 0, s = 0;
  while (g < gspans.size() && s < sspans.size()) {
    if (gspans[g] == sspans[s]) {
      a.sys_of_gold[g] = static_cast<int64_t>(s);
      a.gold_of_sys[s] = static_cast<int64_t>(g);
      ++g;
      ++s;
    } else if (gspans[g].first < sspans[s].first ||
               (gspans[g].first == sspans[s].first &&
                gspans[g].second < sspans[s].second)) {
      ++g;
    } else {
      ++s;
    }
  }
  Count(gold, system, a, sc);
  return sc;
}

}  // namespace curlew
