#include "events/coder_run.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace curlew {

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

Coder::Run::Run(const Coder& coder, const Document& doc, uint32_t sentence,
                int32_t date, DocMemory* memory)
    : d_(*coder.dicts_),
      opt_(coder.options_),
      doc_(doc),
      s_(doc.sentences[sentence]),
      date_(date),
      tree_(doc, sentence),
      memory_(memory) {
  n_ = s_.size();
  upper_.resize(n_);
  ids_.resize(n_);
  verb_tag_.resize(n_);
  for (size_t i = 0; i < n_; ++i) {
    const Token& t = Tok(i);
    upper_[i] = dict::Upper(t.norm.empty() ? doc.TokenText(t) : t.norm);
    ids_[i] = d_.words.Find(upper_[i]);
    verb_tag_[i] = StartsWith(t.xpos, "VB");
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
    if (tree_.head(i) < 0 && !tree_.kids(i).empty()) root = static_cast<int>(i);
  if (root < 0 || !StartsWith(Xpos(root), "NNP") ||
      static_cast<size_t>(root) + 1 >= n_ || upper_[root + 1] != ",")
    return;
  for (int v : tree_.kids(root)) {
    if (v <= root + 1 || !verb_tag_[v]) continue;
    int subj = -1;
    for (int c : tree_.kids(v))
      if (Rel(c) == DepRel::kNsubj && c > root + 1 && c < v) subj = c;
    if (subj < 0 || upper_[v - 1] != ",") continue;
    // (Reattach rebuilds the children lists: no more walking after it.)
    tree_.Reattach(v, -1, DepRel::kOther);
    tree_.Reattach(root, v, DepRel::kNsubj);
    tree_.Reattach(subj, root, DepRel::kAppos);
    return;
  }
}

void Coder::Run::SetTrigger(Event& e, size_t vb, size_t ve, int v) const {
  e.verb_text = TextOf(static_cast<uint32_t>(vb), static_cast<uint32_t>(ve));
  e.trigger_token = static_cast<int32_t>(s_.token_begin + v);
  e.trigger_begin = Tok(v).span.begin;
  e.trigger_end = Tok(v).span.end;
}

std::string Coder::Run::TextOf(uint32_t b, uint32_t e) const {
  if (b >= e || e > n_) return "";
  const Token& first = Tok(b);
  const Token& last = Tok(e - 1);
  if (last.span.end <= first.span.begin) return "";
  return std::string(doc_.SpanText({first.span.begin, last.span.end}));
}

}  // namespace curlew
