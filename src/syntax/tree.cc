#include "syntax/tree.h"

#include <algorithm>
#include <utility>

namespace curlew {

DepRel DecodeDepRel(std::string_view r) {
  static const std::pair<std::string_view, DepRel> kExact[] = {
      {"nsubj", DepRel::kNsubj},
      {"nsubj:pass", DepRel::kNsubjPass},
      {"csubj", DepRel::kCsubj},
      {"obj", DepRel::kObj},
      {"iobj", DepRel::kIobj},
      {"obl:agent", DepRel::kOblAgent},
      {"nmod:poss", DepRel::kNmodPoss},
      {"conj", DepRel::kConj},
      {"cc", DepRel::kCc},
      {"compound", DepRel::kCompound},
      {"compound:prt", DepRel::kCompoundPrt},
      {"amod", DepRel::kAmod},
      {"det", DepRel::kDet},
      {"nummod", DepRel::kNummod},
      {"case", DepRel::kCase},
      {"xcomp", DepRel::kXcomp},
      {"ccomp", DepRel::kCcomp},
      {"advcl", DepRel::kAdvcl},
      {"aux", DepRel::kAux},
      {"aux:pass", DepRel::kAuxPass},
      {"cop", DepRel::kCop},
      {"parataxis", DepRel::kParataxis},
      {"appos", DepRel::kAppos}};
  for (const auto& [name, code] : kExact)
    if (r == name) return code;
  if (r.starts_with("obl")) return DepRel::kObl;
  if (r.starts_with("nmod")) return DepRel::kNmod;
  if (r.starts_with("acl")) return DepRel::kAcl;
  if (r.starts_with("flat")) return DepRel::kFlat;
  return DepRel::kOther;
}

DependencyTree::DependencyTree(const Document& doc, uint32_t sentence)
    : doc_(&doc),
      sentence_index_(sentence),
      begin_(doc.sentences[sentence].token_begin),
      n_(doc.sentences[sentence].size()),
      head_(n_, -1),
      rel_(n_) {
  for (uint32_t i = 0; i < n_; ++i) {
    const Token& t = token(i);
    rel_[i] = DecodeDepRel(t.deprel);
    if (t.head > 0 && static_cast<uint32_t>(t.head) <= n_)
      head_[i] = t.head - 1;
  }
  // A cycle (a faulty parse) is not walked: the sentence is viewed as flat.
  for (uint32_t i = 0; i < n_ && !cyclic_; ++i) {
    uint32_t steps = 0;
    for (int x = head_[i]; x >= 0 && steps <= n_; x = head_[x]) ++steps;
    cyclic_ = steps > n_;
  }
  if (cyclic_) head_.assign(n_, -1);
  BuildKids();
}

void DependencyTree::BuildKids() {
  kid_begin_.assign(n_ + 1, 0);
  for (uint32_t i = 0; i < n_; ++i)
    if (head_[i] >= 0) ++kid_begin_[head_[i] + 1];
  for (uint32_t i = 0; i < n_; ++i) kid_begin_[i + 1] += kid_begin_[i];
  kids_.resize(kid_begin_[n_]);
  std::vector<uint32_t> next(kid_begin_.begin(), kid_begin_.end() - 1);
  for (uint32_t i = 0; i < n_; ++i)
    if (head_[i] >= 0) kids_[next[head_[i]]++] = static_cast<int>(i);
}

int DependencyTree::Child(int v, DepRel r) const {
  for (int c : kids(v))
    if (rel_[c] == r) return c;
  return -1;
}

bool DependencyTree::Dominates(int a, int b) const {
  for (uint32_t steps = 0; b >= 0 && steps <= n_; b = head_[b], ++steps)
    if (b == a) return true;
  return false;
}

void DependencyTree::SubtreeRange(int x, int* lo, int* hi) const {
  // Iterative: the tree is acyclic, but a long chain must not exhaust the
  // stack.
  std::vector<int> stack{x};
  while (!stack.empty()) {
    const int y = stack.back();
    stack.pop_back();
    *lo = std::min(*lo, y);
    *hi = std::max(*hi, y);
    for (int c : kids(y)) stack.push_back(c);
  }
}

int DependencyTree::Depth(int x) const {
  int d = 0;
  for (; x >= 0 && d <= static_cast<int>(n_); x = head_[x]) ++d;
  return d;
}

bool DependencyTree::IsPassive(int v) const {
  return Child(v, DepRel::kNsubjPass) >= 0 || Child(v, DepRel::kAuxPass) >= 0;
}

int DependencyTree::Subject(int v) const { return Subject(v, 0); }

int DependencyTree::Subject(int v, int guard) const {
  if (v < 0 || guard > 10) return -1;
  int s = Child(v, DepRel::kNsubj);
  if (s < 0) s = Child(v, DepRel::kCsubj);
  if (s >= 0) return s;
  if (IsPassive(v)) return -1;
  const DepRel r = rel_[v];
  if ((r == DepRel::kXcomp || r == DepRel::kConj) && head_[v] >= 0) {
    const int h = head_[v];
    int hs = Child(h, DepRel::kNsubj);
    if (hs < 0) hs = Child(h, DepRel::kNsubjPass);
    if (hs >= 0) return hs;
    return Subject(h, guard + 1);
  }
  return -1;
}

int DependencyTree::ClauseOf(int i) const {
  int x = head_[i];
  while (x >= 0 && !token(x).xpos.starts_with("VB") && head_[x] >= 0)
    x = head_[x];
  return x;
}

void DependencyTree::Reattach(int d, int h, DepRel r) {
  head_[d] = h;
  rel_[d] = r;
  BuildKids();
}

// A name written with the sentence's text: its norm, else its bytes.
namespace {
std::string_view Form(const DependencyTree& t, int i) {
  const Token& tok = t.token(i);
  return tok.norm.empty() ? t.text(i) : std::string_view(tok.norm);
}
}  // namespace

bool RepairAppositiveSubject(DependencyTree& tree) {
  const int n = static_cast<int>(tree.size());
  int root = -1;
  for (int i = 0; i < n; ++i)
    if (tree.head(i) < 0 && !tree.kids(i).empty()) root = i;
  if (root < 0 || !tree.token(root).xpos.starts_with("NNP") || root + 1 >= n ||
      Form(tree, root + 1) != ",")
    return false;
  for (int v : tree.kids(root)) {
    if (v <= root + 1 || !tree.token(v).xpos.starts_with("VB")) continue;
    int subj = -1;
    for (int c : tree.kids(v))
      if (tree.rel(c) == DepRel::kNsubj && c > root + 1 && c < v) subj = c;
    if (subj < 0 || Form(tree, v - 1) != ",") continue;
    // (Reattach rebuilds the children lists: no more walking after it.)
    tree.Reattach(v, -1, DepRel::kOther);
    tree.Reattach(root, v, DepRel::kNsubj);
    tree.Reattach(subj, root, DepRel::kAppos);
    return true;
  }
  return false;
}

}  // namespace curlew
