#include "events/coder_run.h"

#include <algorithm>
#include <vector>

namespace curlew {

// The verb forms at token i with the most words (a verb in two blocks
// gives two); empty if none. Sets the token range.
std::vector<const VerbForm*> Coder::Run::VerbAt(size_t i, size_t* b,
                                                size_t* e) const {
  std::vector<const VerbForm*> out;
  if (ids_[i] == dict::kNoWord) return out;
  const std::vector<VerbForm>* forms = d_.verbs.Forms(ids_[i]);
  if (!forms) return out;
  size_t best = 0;
  for (const VerbForm& f : *forms) {
    if (f.before.size() > i || i + 1 + f.after.size() > n_) continue;
    bool ok = true;
    for (size_t k = 0; k < f.before.size() && ok; ++k)
      ok = ids_[i - f.before.size() + k] == f.before[k];
    for (size_t k = 0; k < f.after.size() && ok; ++k)
      ok = ids_[i + 1 + k] == f.after[k];
    size_t len = f.before.size() + f.after.size() + 1;
    if (!ok || len < best) continue;
    if (len > best) out.clear();
    best = len;
    out.push_back(&f);
    *b = i - f.before.size();
    *e = i + 1 + f.after.size();
  }
  return out;
}

// The best pattern over all candidate forms: the most specific match;
// without any match, the last form's own or block code.
PatternMatch Coder::Run::Choose(int v,
                                const std::vector<const VerbForm*>& forms,
                                size_t vb, size_t ve, bool fast,
                                Markers* mk) const {
  PatternMatch best;
  int best_lit = -1;
  Markers best_mk;
  for (const VerbForm* f : forms) {
    Markers m;
    PatternMatch pm = ChoosePattern(v, *f, vb, ve, fast, &m);
    int lit = pm.pattern >= 0
                  ? d_.verbs.block(pm.block).patterns[pm.pattern].literal_count
                  : -1;
    if (best.block < 0 || lit > best_lit || (lit < 0 && best_lit < 0)) {
      best = pm;
      best_lit = lit;
      best_mk = m;
    }
  }
  if (mk) *mk = best_mk;
  return best;
}

// Tokens a post-verb pattern may look at: v's subtree after the verb,
// without conjoined clauses.
void Coder::Run::PostRegion(int v, std::vector<bool>* allowed) const {
  allowed->assign(n_, false);
  std::vector<int> stack{v};
  while (!stack.empty()) {
    int x = stack.back();
    stack.pop_back();
    (*allowed)[x] = true;
    for (int c : tree_.kids(x)) {
      if (x == v && (Rel(c) == DepRel::kConj || Rel(c) == DepRel::kNsubj ||
                     Rel(c) == DepRel::kNsubjPass))
        continue;
      stack.push_back(c);
    }
  }
}

// Length of the element's match at q (0: none).
size_t Coder::Run::ElemAt(const PatternElem& el, size_t q) const {
  if (q >= n_) return 0;
  if (el.kind == PatternElem::kWord) return ids_[q] == el.id ? 1 : 0;
  if (el.kind == PatternElem::kSynset) {
    if (fast_ && !d_.verbs.SynsetStartsWith(el.id, ids_[q])) return 0;
    size_t best = 0;
    for (const auto& ph : d_.verbs.synset(el.id)) {
      if (q + ph.size() > n_ || ph.size() <= best) continue;
      if (std::equal(ph.begin(), ph.end(), ids_.begin() + q)) best = ph.size();
    }
    return best;
  }
  return 0;
}

bool Coder::Run::Match(const VerbPattern& p, size_t vb, size_t ve,
                       const std::vector<bool>& allowed, Markers* mk) const {
  *mk = Markers();
  size_t pos = ve;
  bool need_adjacent = p.verb_linked_post;
  int skips = 0;
  for (const PatternElem& el : p.post) {
    if (el.kind == PatternElem::kSource) {
      mk->source_pos = static_cast<int>(pos);
      mk->source_skip = skips;
      continue;
    }
    if (el.kind == PatternElem::kTarget) {
      mk->target_pos = static_cast<int>(pos);
      mk->target_skip = skips;
      continue;
    }
    if (el.kind == PatternElem::kCompound) {
      mk->compound = true;
      continue;
    }
    if (el.kind == PatternElem::kSkip) {
      ++skips;
      continue;
    }
    skips = 0;
    size_t q = pos, len = 0;
    for (; q < n_; ++q) {
      if (!allowed[q]) {
        if (need_adjacent) return false;
        continue;
      }
      len = ElemAt(el, q);
      if (len || need_adjacent) break;
    }
    if (!len) return false;
    pos = q + len;
    need_adjacent = el.linked;
  }
  size_t end = vb;  // exclusive bound for the pre part, matched backwards
  for (size_t k = p.pre.size(); k-- > 0;) {
    const PatternElem& el = p.pre[k];
    bool matched_after = end < vb;
    if (el.kind == PatternElem::kSource) {
      mk->pre_source = true;
      if (matched_after) mk->pre_source_end = static_cast<int>(end);
      continue;
    }
    if (el.kind == PatternElem::kTarget) {
      mk->pre_target = true;
      if (matched_after) mk->pre_target_end = static_cast<int>(end);
      continue;
    }
    if (el.kind == PatternElem::kCompound) {
      mk->compound = true;
      continue;
    }
    if (el.kind == PatternElem::kSkip) continue;
    bool adjacent = el.linked;
    bool found = false;
    for (size_t q = end; q-- > 0;) {
      size_t len = ElemAt(el, q);
      if (len && q + len <= end && (!adjacent || q + len == end)) {
        end = q;
        found = true;
        break;
      }
      if (adjacent && end - q > 8) break;  // no phrase is that long
    }
    if (!found) return false;
  }
  return true;
}

bool Coder::Run::MayMatch(const VerbPattern& p) const {
  for (uint32_t w : p.required)
    if (!std::binary_search(present_.begin(), present_.end(), w)) return false;
  return true;
}

PatternMatch Coder::Run::ChoosePattern(int v, const VerbForm& f, size_t vb,
                                       size_t ve, bool fast,
                                       Markers* best_mk) const {
  fast_ = fast;
  PatternMatch out;
  out.block = static_cast<int>(f.block);
  const VerbBlock& blk = d_.verbs.block(f.block);
  std::vector<bool> allowed;
  PostRegion(v, &allowed);
  int best_lit = -1;
  for (size_t k = 0; k < blk.patterns.size(); ++k) {
    const VerbPattern& p = blk.patterns[k];
    if (p.literal_count <= best_lit) continue;
    if (fast && !MayMatch(p)) continue;
    Markers mk;
    if (!Match(p, vb, ve, allowed, &mk)) continue;
    best_lit = p.literal_count;
    out.pattern = static_cast<int>(k);
    out.code = p.code;
    out.code2 = p.code2;
    if (best_mk) *best_mk = mk;
  }
  if (out.pattern < 0) {
    out.code = f.code.empty() ? blk.code : f.code;
    out.code2 = f.code.empty() ? blk.code2 : f.code2;
  }
  return out;
}

PatternMatch Coder::Run::MatchVerbAt(size_t i, bool fast) const {
  size_t vb = 0, ve = 0;
  auto forms = VerbAt(i, &vb, &ve);
  if (forms.empty()) return {};
  return Choose(static_cast<int>(i), forms, vb, ve, fast, nullptr);
}

}  // namespace curlew
