// DependencyTree: a light, read-mostly view of one sentence's dependency
// tree, shared by the stages that read trees (actors, events, ledger).
//
// The tokens stay in the Document; the view adds what walking a tree needs
// and a Token does not keep: the head as a 0-based sentence index, the
// children of every word (in token order), and the relation decoded once
// into a small enum. Indices are sentence-relative and 0-based; -1 means
// "none".
//
// Faulty input never makes a walk loop forever: a head outside the sentence
// is read as no head, and a sentence whose heads contain a cycle (or a word
// headed by itself, as a hand-made CoNLL-U file may have) is viewed as flat,
// every word without head or children (cyclic() tells). Every walk is
// iterative or bounded by the sentence length.
//
// Ownership: the view refers to the Document (which must outlive it and
// not change while it is used) and owns its arrays. Thread safety: a plain
// value; const methods may be called from many threads.
#ifndef CURLEW_SYNTAX_TREE_H_
#define CURLEW_SYNTAX_TREE_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "curlew/document.h"

namespace curlew {

// The Universal Dependencies relations the stages look at. A subtype not
// listed reads as its base relation ("obl:tmod" is kObl, "acl:relcl" kAcl,
// "flat:name" kFlat, "nmod:npmod" kNmod); anything else is kOther.
enum class DepRel : uint8_t {
  kOther,
  kNsubj,
  kNsubjPass,
  kCsubj,
  kObj,
  kIobj,
  kObl,
  kOblAgent,
  kNmod,
  kNmodPoss,
  kAcl,
  kConj,
  kCc,
  kCompound,
  kCompoundPrt,
  kAmod,
  kDet,
  kNummod,
  kFlat,
  kCase,
  kXcomp,
  kCcomp,
  kAdvcl,
  kAux,
  kAuxPass,
  kCop,
  kParataxis,
  kAppos
};
DepRel DecodeDepRel(std::string_view deprel);

class DependencyTree {
 public:
  // The view of doc.sentences[sentence] (which must exist).
  DependencyTree(const Document& doc, uint32_t sentence);

  uint32_t size() const { return n_; }
  uint32_t sentence_index() const { return sentence_index_; }
  const Sentence& sentence() const { return doc_->sentences[sentence_index_]; }
  const Document& doc() const { return *doc_; }
  // The i-th word of the sentence, and its index in Document::tokens.
  const Token& token(uint32_t i) const { return doc_->tokens[begin_ + i]; }
  uint32_t abs(uint32_t i) const { return begin_ + i; }
  std::string_view text(uint32_t i) const { return doc_->TokenText(token(i)); }

  // The head of word i, -1 for a root or a word without a (usable) head.
  int head(uint32_t i) const { return head_[i]; }
  DepRel rel(uint32_t i) const { return rel_[i]; }
  // The relation as written ("nsubj:pass").
  std::string_view deprel(uint32_t i) const { return token(i).deprel; }
  // The children of word i, in token order.
  std::span<const int> kids(uint32_t i) const {
    return {kids_.data() + kid_begin_[i], kids_.data() + kid_begin_[i + 1]};
  }
  // True if the given heads had a cycle and the view is flat.
  bool cyclic() const { return cyclic_; }

  // The first child of v with relation r, or -1.
  int Child(int v, DepRel r) const;
  // True if a is b or an ancestor of b.
  bool Dominates(int a, int b) const;
  // Widens [*lo, *hi] to cover x and every word below it.
  void SubtreeRange(int x, int* lo, int* hi) const;
  // Number of words from x up to its root, x included (0 for x < 0).
  int Depth(int x) const;

  // Clause queries (UD conventions).
  // True if v has a passive subject or a passive auxiliary.
  bool IsPassive(int v) const;
  // The subject of v: its own (nsubj, csubj), or for an xcomp or conj
  // without one, its head's (nsubj or nsubj:pass), inherited through at
  // most ten such links; -1 for a passive without subject or none.
  int Subject(int v) const;
  // The nearest verb (Penn tag VB*) above word i, else the root above it;
  // -1 for a root.
  int ClauseOf(int i) const;

  // Reattaches word d to head h (-1: a root) with relation r, for parse
  // repairs by a stage on its own copy of the view. The caller must not
  // create a cycle.
  void Reattach(int d, int h, DepRel r);

 private:
  void BuildKids();
  int Subject(int v, int guard) const;

  const Document* doc_;
  uint32_t sentence_index_;
  uint32_t begin_;
  uint32_t n_;
  bool cyclic_ = false;
  std::vector<int> head_;
  std::vector<DepRel> rel_;
  // Children as one array: kids_[kid_begin_[i] .. kid_begin_[i + 1]).
  std::vector<int> kids_;
  std::vector<uint32_t> kid_begin_;
};

// A parse repair for a news construction: "Dirichati, the head of X, told
// ..." parsed with the name as the root, the verb hanging on it and the
// apposition as the verb's subject is re-read as name = the verb's subject,
// apposition = the name's. Returns true if it changed the tree.
bool RepairAppositiveSubject(DependencyTree& tree);

}  // namespace curlew

#endif  // CURLEW_SYNTAX_TREE_H_
