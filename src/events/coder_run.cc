#include "events/coder_run.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace curlew {

R DecodeRel(std::string_view r) {
  static const std::pair<std::string_view, R> kExact[] = {
      {"nsubj", R::kNsubj},
      {"nsubj:pass", R::kNsubjPass},
      {"csubj", R::kCsubj},
      {"obj", R::kObj},
      {"iobj", R::kIobj},
      {"obl:agent", R::kOblAgent},
      {"nmod:poss", R::kNmodPoss},
      {"conj", R::kConj},
      {"cc", R::kCc},
      {"compound", R::kCompound},
      {"compound:prt", R::kCompoundPrt},
      {"amod", R::kAmod},
      {"det", R::kDet},
      {"nummod", R::kNummod},
      {"case", R::kCase},
      {"xcomp", R::kXcomp},
      {"ccomp", R::kCcomp},
      {"advcl", R::kAdvcl},
      {"aux", R::kAux},
      {"aux:pass", R::kAuxPass},
      {"cop", R::kCop},
      {"parataxis", R::kParataxis},
      {"appos", R::kAppos}};
  for (const auto& [name, code] : kExact)
    if (r == name) return code;
  if (StartsWith(r, "obl")) return R::kObl;
  if (StartsWith(r, "nmod")) return R::kNmod;
  if (StartsWith(r, "acl")) return R::kAcl;
  if (StartsWith(r, "flat")) return R::kFlat;
  return R::kOther;
}

// Splits "ELR/GAL" into its codes.
std::vector<std::string> SplitSlash(const std::string& code) {
  std::vector<std::string> out;
  size_t b = 0;
  while (b <= code.size()) {
    size_t e = code.find('/', b);
    if (e == std::string::npos) e = code.size();
    if (e > b) out.push_back(code.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

// The first of "ELR/GAL"'s codes; "" for an empty code (an actor entry with
// only dated codes, read without a date).
std::string FirstCode(const std::string& code) {
  std::vector<std::string> codes = SplitSlash(code);
  return codes.empty() ? std::string() : codes[0];
}

Coder::Run::Run(const Coder& coder, const Document& doc, const Sentence& s,
                int32_t date, DocMemory* memory)
    : d_(*coder.dicts_),
      opt_(coder.options_),
      doc_(doc),
      s_(s),
      date_(date),
      memory_(memory) {
  n_ = s.size();
  upper_.resize(n_);
  ids_.resize(n_);
  head_.assign(n_, -1);
  kids_.assign(n_, {});
  rel_.resize(n_);
  verb_tag_.resize(n_);
  for (size_t i = 0; i < n_; ++i) {
    const Token& t = doc.tokens[s.token_begin + i];
    upper_[i] = dict::Upper(t.norm.empty() ? doc.TokenText(t) : t.norm);
    ids_[i] = d_.words.Find(upper_[i]);
    rel_[i] = DecodeRel(t.deprel);
    verb_tag_[i] = StartsWith(t.xpos, "VB");
    if (t.head > 0 && static_cast<size_t>(t.head) <= n_) {
      head_[i] = t.head - 1;
      kids_[t.head - 1].push_back(static_cast<int>(i));
    }
  }
  // A tree with a cycle (a faulty parse) is not walked: coded as flat.
  for (size_t i = 0; i < n_; ++i) {
    size_t steps = 0;
    for (int x = head_[i]; x >= 0 && steps <= n_; x = head_[x]) ++steps;
    if (steps > n_) {
      head_.assign(n_, -1);
      kids_.assign(n_, {});
      break;
    }
  }
  if (opt_.news_conventions) RepairAppositiveSubject();
  present_ = ids_;
  std::sort(present_.begin(), present_.end());
  MaskCommaStretches();
  FindMentions();
}

// "Dirichati, the head of X, told ..." parsed with the name as the root,
// the verb hanging on it and the apposition as the verb's subject: the
// name becomes the verb's subject and the apposition the name's.
void Coder::Run::RepairAppositiveSubject() {
  int root = -1;
  for (size_t i = 0; i < n_; ++i)
    if (head_[i] < 0 && !kids_[i].empty()) root = static_cast<int>(i);
  if (root < 0 || !StartsWith(Xpos(root), "NNP") ||
      static_cast<size_t>(root) + 1 >= n_ || upper_[root + 1] != ",")
    return;
  for (int v : kids_[root]) {
    if (v <= root + 1 || !verb_tag_[v]) continue;
    int subj = -1;
    for (int c : kids_[v])
      if (Rel(c) == R::kNsubj && c > root + 1 && c < v) subj = c;
    if (subj < 0 || upper_[v - 1] != ",") continue;
    auto move = [&](int d, int h, R r) {
      if (head_[d] >= 0) std::erase(kids_[head_[d]], d);
      head_[d] = h;
      rel_[d] = r;
      if (h >= 0) {
        std::vector<int>& k = kids_[h];
        k.insert(std::upper_bound(k.begin(), k.end(), d), d);
      }
    };
    move(v, -1, R::kOther);
    move(root, v, R::kNsubj);
    move(subj, root, R::kAppos);
    return;
  }
}

std::string Coder::Run::TextOf(uint32_t b, uint32_t e) const {
  if (b >= e || e > n_) return "";
  const Token& first = Tok(b);
  const Token& last = Tok(e - 1);
  if (last.span.end <= first.span.begin) return "";
  return std::string(doc_.SpanText({first.span.begin, last.span.end}));
}

}  // namespace curlew
