#include "syntax/tagger.h"
#include "text/chars.h"

#include <algorithm>

namespace curlew::syntax {
namespace {

enum Flag : uint32_t {
  kHyphen = 1,
  kDigit = 2,
  kUpper = 4,
  kTitle = 8,
  kAllCaps = 16,
};

// Templates: each feature kind has its own number so equal values under
// different templates do not collide.
enum Template : uint64_t {
  kBias = 1,
  kForm,
  kLower,
  kSuf1,
  kSuf2,
  kSuf3,
  kSuf4,
  kPre1,
  kPre3,
  kShape,
  kFlags,
  kPrevTag,
  kPrev2Tags,
  kPrevTagWord,
  kPrevWord,
  kPrev2Word,
  kNextWord,
  kNext2Word,
  kPrevSuf3,
  kNextSuf3,
  kNextShape,
  kPrevWordWord,
  kWordNextWord,
  kAmb,
  kPrevAmb,
  kNextAmb,
  kNext2Amb,
  kPrevTagAmb,
  kAmbNextAmb,
  kFirstWord,
  kPrevTagSuf3,
  kNextFlags,
  kWordNet,
  kWordNetFlags,
  kPrevTagWordNet,
  kPrevWordNet,
  kNextWordNet,
  kWordNetSuf3,
  kNextTag,
  kNext2Tags,
  kPrevNextTags,
  kNextTagWord,
  kNextTagSuf3,
  kNextTagAmb,
  kNextTagWordNet,
};

std::string Shape(std::string_view s) {
  std::string out;
  char last = 0;
  int run = 0;
  for (unsigned char c : s) {
    char k;
    if (c >= 'A' && c <= 'Z')
      k = 'X';
    else if (c >= 'a' && c <= 'z')
      k = 'x';
    else if (c >= '0' && c <= '9')
      k = 'd';
    else if (c >= 0x80)
      k = 'u';
    else
      k = static_cast<char>(c);
    run = k == last ? run + 1 : 1;
    last = k;
    if (run <= 2) out += k;
    if (out.size() > 12) break;
  }
  return out;
}

}  // namespace

void Tagger::Describe(std::vector<WordInfo>& out,
                      const std::vector<std::string_view>& words) const {
  out.resize(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view f = words[i];
    std::string low = text::AsciiLower(f);
    std::string_view l = low;
    WordInfo& w = out[i];
    w.form = Fnv1a(f);
    w.lower = Fnv1a(l);
    w.shape = Fnv1a(Shape(f));
    auto suffix = [&](size_t n) {
      return Fnv1a(l.substr(l.size() > n ? l.size() - n : 0)) + n;
    };
    w.suf1 = suffix(1);
    w.suf2 = suffix(2);
    w.suf3 = suffix(3);
    w.suf4 = suffix(4);
    w.pre1 = Fnv1a(l.substr(0, 1));
    w.pre3 = Fnv1a(l.substr(0, 3));
    auto it = ambiguity.find(w.lower);
    w.amb = it == ambiguity.end() ? 0 : it->second;
    uint32_t flags = 0;
    bool all_caps = !f.empty(), has_alpha = false;
    for (unsigned char c : f) {
      if (c == '-') flags |= kHyphen;
      if (c >= '0' && c <= '9') flags |= kDigit;
      if (c >= 'A' && c <= 'Z') {
        flags |= kUpper;
        has_alpha = true;
      }
      if (c >= 'a' && c <= 'z') {
        all_caps = false;
        has_alpha = true;
      }
    }
    if (!f.empty() && f[0] >= 'A' && f[0] <= 'Z') flags |= kTitle;
    if (all_caps && has_alpha) flags |= kAllCaps;
    w.flags = flags;
    w.wordnet = wordnet ? wordnet->Classes(l) : 0;
  }
}

void Tagger::Features(const std::vector<WordInfo>& w, int i, int prev,
                      int prev2, const std::vector<int>* right,
                      std::vector<uint64_t>& out) {
  out.clear();
  const int n = static_cast<int>(w.size());
  static const WordInfo kPad{.form = 11,
                             .lower = 11,
                             .shape = 11,
                             .pre1 = 11,
                             .pre3 = 11,
                             .suf1 = 11,
                             .suf2 = 11,
                             .suf3 = 11,
                             .suf4 = 11,
                             .amb = 11,
                             .wordnet = 256};
  const WordInfo& c = w[i];
  const WordInfo& p1 = i > 0 ? w[i - 1] : kPad;
  const WordInfo& p2 = i > 1 ? w[i - 2] : kPad;
  const WordInfo& n1 = i + 1 < n ? w[i + 1] : kPad;
  const WordInfo& n2 = i + 2 < n ? w[i + 2] : kPad;
  const uint64_t t1 = static_cast<uint64_t>(prev + 2);
  const uint64_t t2 = static_cast<uint64_t>(prev2 + 2);
  out.push_back(Feat(kBias, 0));
  out.push_back(Feat(kForm, c.form));
  out.push_back(Feat(kLower, c.lower));
  out.push_back(Feat(kSuf1, c.suf1));
  out.push_back(Feat(kSuf2, c.suf2));
  out.push_back(Feat(kSuf3, c.suf3));
  out.push_back(Feat(kSuf4, c.suf4));
  out.push_back(Feat(kPre1, c.pre1));
  out.push_back(Feat(kPre3, c.pre3));
  out.push_back(Feat(kShape, c.shape));
  out.push_back(Feat(kFlags, c.flags, i == 0));
  out.push_back(Feat(kPrevTag, t1));
  out.push_back(Feat(kPrev2Tags, t1, t2));
  out.push_back(Feat(kPrevTagWord, t1, c.lower));
  out.push_back(Feat(kPrevWord, p1.lower));
  out.push_back(Feat(kPrev2Word, p2.lower));
  out.push_back(Feat(kNextWord, n1.lower));
  out.push_back(Feat(kNext2Word, n2.lower));
  out.push_back(Feat(kPrevSuf3, p1.suf3));
  out.push_back(Feat(kNextSuf3, n1.suf3));
  out.push_back(Feat(kNextShape, n1.shape));
  out.push_back(Feat(kPrevWordWord, p1.lower, c.lower));
  out.push_back(Feat(kWordNextWord, c.lower, n1.lower));
  out.push_back(Feat(kAmb, c.amb));
  out.push_back(Feat(kPrevAmb, p1.amb, c.amb));
  out.push_back(Feat(kNextAmb, n1.amb));
  out.push_back(Feat(kNext2Amb, n1.amb, n2.amb));
  out.push_back(Feat(kPrevTagAmb, t1, c.amb));
  out.push_back(Feat(kAmbNextAmb, c.amb, n1.amb));
  out.push_back(Feat(kPrevTagSuf3, t1, c.suf3));
  out.push_back(Feat(kNextFlags, n1.flags));
  out.push_back(Feat(kWordNet, c.wordnet));
  out.push_back(Feat(kWordNetFlags, c.wordnet, c.flags, i == 0));
  out.push_back(Feat(kPrevTagWordNet, t1, c.wordnet));
  out.push_back(Feat(kPrevWordNet, p1.wordnet, c.wordnet));
  out.push_back(Feat(kNextWordNet, c.wordnet, n1.wordnet));
  out.push_back(Feat(kWordNetSuf3, c.wordnet, c.suf3));
  if (i == 0) out.push_back(Feat(kFirstWord, c.lower));
  if (right) {
    const uint64_t r1 =
        static_cast<uint64_t>(i + 1 < n ? (*right)[i + 1] + 2 : 0);
    const uint64_t r2 =
        static_cast<uint64_t>(i + 2 < n ? (*right)[i + 2] + 2 : 0);
    out.push_back(Feat(kNextTag, r1));
    out.push_back(Feat(kNext2Tags, r1, r2));
    out.push_back(Feat(kPrevNextTags, t1, r1));
    out.push_back(Feat(kNextTagWord, r1, c.lower));
    out.push_back(Feat(kNextTagSuf3, r1, c.suf3));
    out.push_back(Feat(kNextTagAmb, r1, c.amb));
    out.push_back(Feat(kNextTagWordNet, r1, c.wordnet));
  }
}

void Tagger::Tag(const std::vector<WordInfo>& w, std::vector<int>& tags) const {
  if (second.num_classes() == 0) {
    TagWith(model, num_classes(), w, nullptr, tags);
    return;
  }
  std::vector<int> first;
  std::vector<float> margins;
  TagWith(model, num_classes(), w, nullptr, first, &margins);
  TagWith(second, num_classes(), w, &first, tags, nullptr, &margins,
          second_pass_margin);
}

void Tagger::Write(BinaryWriter& out) const {
  out.PutStrings(upos);
  out.PutStrings(xpos);
  std::vector<std::pair<uint64_t, uint64_t>> amb(ambiguity.begin(),
                                                 ambiguity.end());
  std::sort(amb.begin(), amb.end());
  std::vector<uint64_t> keys, values;
  for (auto [k, v] : amb) {
    keys.push_back(k);
    values.push_back(v);
  }
  out.PutVector(keys);
  out.PutVector(values);
  model.Write(out);
  const bool two_pass = second.num_classes() > 0;
  out.Put<uint8_t>(two_pass);
  if (two_pass) {
    second.Write(out);
    out.Put<float>(second_pass_margin);
  }
}

bool Tagger::Read(BinaryReader& in, bool two_pass_field) {
  std::vector<uint64_t> keys, values;
  uint8_t two_pass = 0;
  if (!in.GetStrings(upos) || !in.GetStrings(xpos) || !in.GetVector(keys) ||
      !in.GetVector(values) || keys.size() != values.size() ||
      !model.Read(in) || (two_pass_field && !in.Get(two_pass)) ||
      two_pass > 1) {
    return false;
  }
  second = LinearModel();
  second_pass_margin = 1e30f;
  if (two_pass && (!second.Read(in) || !in.Get(second_pass_margin) ||
                   !(second_pass_margin >= 0.0f))) {
    return false;
  }
  ambiguity.clear();
  ambiguity.reserve(keys.size());
  for (size_t i = 0; i < keys.size(); ++i)
    ambiguity.emplace(keys[i], values[i]);
  return upos.size() == xpos.size() &&
         model.num_classes() == static_cast<int>(upos.size()) &&
         (second.num_classes() == 0 ||
          second.num_classes() == model.num_classes());
}

}  // namespace curlew::syntax
