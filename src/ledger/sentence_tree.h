// The parsed sentence as the ledger extractor reads it (a view of the
// document's tokens and dependency tree with lower-case lemmas), and the
// word-list test the extractor's parts share. Internal to src/ledger.
//
// Ownership: a Tree refers to the Document it was made from, which must
// outlive it. Thread safety: const methods are safe to call concurrently.
#ifndef CURLEW_LEDGER_SENTENCE_TREE_H_
#define CURLEW_LEDGER_SENTENCE_TREE_H_

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "curlew/document.h"
#include "syntax/tree.h"
#include "text/chars.h"

namespace curlew::ledger_extract {

inline bool In(std::string_view x,
               std::initializer_list<std::string_view> set) {
  for (std::string_view s : set)
    if (x == s) return true;
  return false;
}

// A parsed sentence as the extractor reads it: the shared dependency-tree
// view (syntax/tree.h) and each word's lemma in lower case, so that a word
// tagged as a name ("Treaty", lemma "Treaty") still matches the word lists.
// Indices are sentence-relative and 0-based.
class Tree {
 public:
  Tree(const Document& doc, uint32_t sentence) : view_(doc, sentence) {
    lemmas_.reserve(view_.size());
    for (uint32_t i = 0; i < view_.size(); ++i) {
      const Token& t = view_.token(i);
      lemmas_.push_back(text::AsciiLower(t.lemma.empty() ? t.norm : t.lemma));
    }
  }
  uint32_t size() const { return view_.size(); }
  const Token& tok(uint32_t i) const { return view_.token(i); }
  uint32_t abs(uint32_t i) const { return view_.abs(i); }
  int head(uint32_t i) const { return view_.head(i); }
  std::string_view rel(uint32_t i) const { return view_.deprel(i); }
  const std::string& lemma(uint32_t i) const { return lemmas_[i]; }
  std::string_view text(uint32_t i) const { return view_.text(i); }
  std::span<const int> kids(uint32_t i) const { return view_.kids(i); }

  // The first child with one of the relations (a "rel:sub" matches "rel").
  int Child(uint32_t i, std::initializer_list<std::string_view> rels) const {
    for (uint32_t k : kids(i)) {
      std::string_view r = rel(k);
      std::string_view base = r.substr(0, r.find(':'));
      for (std::string_view want : rels)
        if (r == want || base == want) return static_cast<int>(k);
    }
    return -1;
  }
  bool HasChildLemma(uint32_t i, std::initializer_list<std::string_view> rels,
                     std::initializer_list<std::string_view> lemmas) const {
    for (uint32_t k : kids(i)) {
      std::string_view r = rel(k);
      std::string_view base = r.substr(0, r.find(':'));
      bool rel_ok = false;
      for (std::string_view want : rels) rel_ok |= r == want || base == want;
      if (rel_ok && In(lemma(k), lemmas)) return true;
    }
    return false;
  }
  // Subtree token range [first, last].
  void Range(uint32_t i, uint32_t* first, uint32_t* last) const {
    int lo = static_cast<int>(i), hi = static_cast<int>(i);
    view_.SubtreeRange(static_cast<int>(i), &lo, &hi);
    *first = static_cast<uint32_t>(lo);
    *last = static_cast<uint32_t>(hi);
  }
  std::string SpanText(uint32_t first, uint32_t last) const {
    if (first > last) return "";
    Span sp{tok(first).span.begin, tok(last).span.end};
    return std::string(view_.doc().SpanText(sp));
  }
  std::string SubtreeText(uint32_t i) const {
    uint32_t f, l;
    Range(i, &f, &l);
    return SpanText(f, l);
  }

 private:
  DependencyTree view_;
  std::vector<std::string> lemmas_;
};

}  // namespace curlew::ledger_extract

#endif  // CURLEW_LEDGER_SENTENCE_TREE_H_
