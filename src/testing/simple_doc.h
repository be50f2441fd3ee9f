// Test helper: a one-sentence-per-line Document with simple tokens, so that
// stage tests do not depend on the real text layer. Not for production use.
//
// Tokens are split at whitespace; leading ( " and trailing , ; : ) " ? ! are
// split off; a final period is split off unless the word is a known
// abbreviation ("Dec.", "U.S."). Each input line is one sentence.
#ifndef CURLEW_TESTING_SIMPLE_DOC_H_
#define CURLEW_TESTING_SIMPLE_DOC_H_

#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>

#include "curlew/document.h"

namespace curlew::testing {

inline bool KeepsPeriod(std::string_view w) {
  for (std::string_view a :
       {"jan.", "feb.", "mar.", "apr.", "aug.", "sep.", "sept.", "oct.", "nov.",
        "dec.", "u.s.", "u.n.", "mr.", "dr.", "st."}) {
    if (w.size() != a.size()) continue;
    bool same = true;
    for (size_t i = 0; i < w.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(w[i])) != a[i]) same = false;
    if (same) return true;
  }
  return false;
}

inline Document SimpleDoc(std::string text, std::string date = "") {
  Document doc;
  doc.id = "test";
  doc.date = std::move(date);
  doc.text = std::move(text);
  const std::string& t = doc.text;
  auto add = [&](size_t b, size_t e) {
    Token tok;
    tok.span = {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
    tok.norm = t.substr(b, e - b);
    doc.tokens.push_back(tok);
  };
  size_t line_start = 0;
  while (line_start <= t.size()) {
    size_t line_end = t.find('\n', line_start);
    if (line_end == std::string::npos) line_end = t.size();
    Sentence s;
    s.span = {static_cast<uint32_t>(line_start),
              static_cast<uint32_t>(line_end)};
    s.token_begin = static_cast<uint32_t>(doc.tokens.size());
    size_t i = line_start;
    while (i < line_end) {
      while (i < line_end && t[i] == ' ') ++i;
      if (i >= line_end) break;
      size_t j = i;
      while (j < line_end && t[j] != ' ') ++j;
      size_t b = i, e = j;
      while (b < e && (t[b] == '(' || t[b] == '"')) add(b, b + 1), ++b;
      size_t tail = e;
      while (tail > b && std::string_view(",;:)\"?!").find(t[tail - 1]) !=
                             std::string_view::npos)
        --tail;
      size_t word_end = tail;
      bool split_period =
          word_end > b + 1 && t[word_end - 1] == '.' &&
          !KeepsPeriod(std::string_view(t).substr(b, word_end - b));
      if (split_period) --word_end;
      if (word_end > b) add(b, word_end);
      if (split_period) add(word_end, word_end + 1);
      for (size_t k = tail; k < e; ++k) add(k, k + 1);
      i = j;
    }
    s.token_end = static_cast<uint32_t>(doc.tokens.size());
    if (s.token_end > s.token_begin) doc.sentences.push_back(s);
    line_start = line_end + 1;
  }
  return doc;
}

// The index in doc.tokens of the first word `w` of sentence `s` (as an
// event's trigger_token), -1 if none.
inline int32_t WordIndex(const Document& doc, uint32_t s, std::string_view w) {
  const Sentence& sent = doc.sentences[s];
  for (uint32_t i = sent.token_begin; i < sent.token_end; ++i)
    if (doc.TokenText(doc.tokens[i]) == w) return static_cast<int32_t>(i);
  return -1;
}

}  // namespace curlew::testing

#endif  // CURLEW_TESTING_SIMPLE_DOC_H_
