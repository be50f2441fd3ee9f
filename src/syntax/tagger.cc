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
enum TagTemplate : uint64_t {
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
  kPre2,
  kSuf5,
  kPrevShape,
  kPrevNextWord,
  kWordNext2Word,
  kWordNextSuf3,
  kPrevSuf3Word,
  kNext2Suf3,
  kPrev2TagsWord,
  kCluster,
  kPrevCluster,
  kNextCluster,
  kClusterSuf3,
  kPrevTagCluster,
  kClusterNextCluster,
  kPrevClusterCluster,
};

// Hash of the word's shape: letters, digits and other bytes as classes
// (X x d u, punctuation as itself), runs longer than two cut to two, at
// most 13 characters ("Kenya" -> "Xxx", "1990s" -> "ddx").
uint64_t ShapeHash(std::string_view s) {
  char out[16];
  size_t len = 0;
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
    if (run <= 2) out[len++] = k;
    if (len > 12) break;
  }
  return Fnv1a(std::string_view(out, len));
}

}  // namespace

void Tagger::Describe(std::vector<WordInfo>& out,
                      const std::vector<std::string_view>& words) const {
  out.resize(words.size());
  for (size_t i = 0; i < words.size(); ++i) DescribeWord(words[i], out[i]);
}

void Tagger::DescribeWord(std::string_view f, WordInfo& w) const {
  std::string long_word;
  // The lower-case word, on the stack for words of ordinary length.
  char buf[64];
  if (f.size() > sizeof(buf)) long_word = text::AsciiLower(f);
  for (size_t k = 0; k < f.size() && f.size() <= sizeof(buf); ++k) {
    buf[k] = text::AsciiLower(f[k]);
  }
  const std::string_view l = f.size() <= sizeof(buf)
                                 ? std::string_view(buf, f.size())
                                 : std::string_view(long_word);
  w.form = Fnv1a(f);
  w.lower = Fnv1a(l);
  w.shape = ShapeHash(f);
  auto suffix = [&](size_t n) {
    return Fnv1a(l.substr(l.size() > n ? l.size() - n : 0)) + n;
  };
  w.suf1 = suffix(1);
  w.suf2 = suffix(2);
  w.suf3 = suffix(3);
  w.suf4 = suffix(4);
  w.suf5 = suffix(5);
  w.pre1 = Fnv1a(l.substr(0, 1));
  w.pre2 = Fnv1a(l.substr(0, 2)) + 2;
  w.pre3 = Fnv1a(l.substr(0, 3));
  const uint64_t* amb = ambiguity.Find(w.lower);
  w.amb = amb ? *amb : 0;
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
  const uint16_t* cl = clusters.Find(w.lower);
  w.cluster = cl ? *cl + 1u : 0u;
}

size_t Tagger::Features(const std::vector<WordInfo>& w, int i, int prev,
                        int prev2, const std::vector<int>* right,
                        uint64_t* out) const {
  uint64_t* const start = out;
  const int n = static_cast<int>(w.size());
  static const WordInfo kPad{.form = 11,
                             .lower = 11,
                             .shape = 11,
                             .pre1 = 11,
                             .pre2 = 11,
                             .pre3 = 11,
                             .suf1 = 11,
                             .suf2 = 11,
                             .suf3 = 11,
                             .suf4 = 11,
                             .suf5 = 11,
                             .amb = 11,
                             .wordnet = 256,
                             .cluster = 0xffff};
  const WordInfo& c = w[i];
  const WordInfo& p1 = i > 0 ? w[i - 1] : kPad;
  const WordInfo& p2 = i > 1 ? w[i - 2] : kPad;
  const WordInfo& n1 = i + 1 < n ? w[i + 1] : kPad;
  const WordInfo& n2 = i + 2 < n ? w[i + 2] : kPad;
  const uint64_t t1 = static_cast<uint64_t>(prev + 2);
  const uint64_t t2 = static_cast<uint64_t>(prev2 + 2);
  *out++ = (Feat(kBias, 0));
  *out++ = (Feat(kForm, c.form));
  *out++ = (Feat(kLower, c.lower));
  *out++ = (Feat(kSuf1, c.suf1));
  *out++ = (Feat(kSuf2, c.suf2));
  *out++ = (Feat(kSuf3, c.suf3));
  *out++ = (Feat(kSuf4, c.suf4));
  *out++ = (Feat(kPre1, c.pre1));
  *out++ = (Feat(kPre3, c.pre3));
  *out++ = (Feat(kShape, c.shape));
  *out++ = (Feat(kFlags, c.flags, i == 0));
  *out++ = (Feat(kPrevTag, t1));
  *out++ = (Feat(kPrev2Tags, t1, t2));
  *out++ = (Feat(kPrevTagWord, t1, c.lower));
  *out++ = (Feat(kPrevWord, p1.lower));
  *out++ = (Feat(kPrev2Word, p2.lower));
  *out++ = (Feat(kNextWord, n1.lower));
  *out++ = (Feat(kNext2Word, n2.lower));
  *out++ = (Feat(kPrevSuf3, p1.suf3));
  *out++ = (Feat(kNextSuf3, n1.suf3));
  *out++ = (Feat(kNextShape, n1.shape));
  *out++ = (Feat(kPrevWordWord, p1.lower, c.lower));
  *out++ = (Feat(kWordNextWord, c.lower, n1.lower));
  *out++ = (Feat(kAmb, c.amb));
  *out++ = (Feat(kPrevAmb, p1.amb, c.amb));
  *out++ = (Feat(kNextAmb, n1.amb));
  *out++ = (Feat(kNext2Amb, n1.amb, n2.amb));
  *out++ = (Feat(kPrevTagAmb, t1, c.amb));
  *out++ = (Feat(kAmbNextAmb, c.amb, n1.amb));
  *out++ = (Feat(kPrevTagSuf3, t1, c.suf3));
  *out++ = (Feat(kNextFlags, n1.flags));
  *out++ = (Feat(kWordNet, c.wordnet));
  *out++ = (Feat(kWordNetFlags, c.wordnet, c.flags, i == 0));
  *out++ = (Feat(kPrevTagWordNet, t1, c.wordnet));
  *out++ = (Feat(kPrevWordNet, p1.wordnet, c.wordnet));
  *out++ = (Feat(kNextWordNet, c.wordnet, n1.wordnet));
  *out++ = (Feat(kWordNetSuf3, c.wordnet, c.suf3));
  if (i == 0) *out++ = (Feat(kFirstWord, c.lower));
  if (features & kContext) {
    *out++ = Feat(kPre2, c.pre2);
    *out++ = Feat(kSuf5, c.suf5);
    *out++ = Feat(kPrevShape, p1.shape, c.shape);
    *out++ = Feat(kPrevNextWord, p1.lower, n1.lower);
    *out++ = Feat(kWordNext2Word, c.lower, n2.lower);
    *out++ = Feat(kWordNextSuf3, c.lower, n1.suf3);
    *out++ = Feat(kPrevSuf3Word, p1.suf3, c.lower);
    *out++ = Feat(kNext2Suf3, n2.suf3);
    *out++ = Feat(kPrev2TagsWord, t1, t2, c.lower);
  }
  if (features & kClusters) {
    *out++ = Feat(kCluster, c.cluster);
    *out++ = Feat(kPrevCluster, p1.cluster);
    *out++ = Feat(kNextCluster, n1.cluster);
    *out++ = Feat(kClusterSuf3, c.cluster, c.suf3);
    *out++ = Feat(kPrevTagCluster, t1, c.cluster);
    *out++ = Feat(kClusterNextCluster, c.cluster, n1.cluster);
    *out++ = Feat(kPrevClusterCluster, p1.cluster, c.cluster);
  }
  if (right) {
    const uint64_t r1 =
        static_cast<uint64_t>(i + 1 < n ? (*right)[i + 1] + 2 : 0);
    const uint64_t r2 =
        static_cast<uint64_t>(i + 2 < n ? (*right)[i + 2] + 2 : 0);
    *out++ = (Feat(kNextTag, r1));
    *out++ = (Feat(kNext2Tags, r1, r2));
    *out++ = (Feat(kPrevNextTags, t1, r1));
    *out++ = (Feat(kNextTagWord, r1, c.lower));
    *out++ = (Feat(kNextTagSuf3, r1, c.suf3));
    *out++ = (Feat(kNextTagAmb, r1, c.amb));
    *out++ = (Feat(kNextTagWordNet, r1, c.wordnet));
  }
  return static_cast<size_t>(out - start);
}

void Tagger::Tag(const std::vector<WordInfo>& w, std::vector<int>& tags) const {
  if (second.num_classes() == 0) {
    TagWith(model, num_classes(), w, nullptr, tags);
    if (finite_verb_rule) EnforceFiniteVerb(w, tags);
    return;
  }
  thread_local std::vector<int> first;
  thread_local std::vector<float> margins;
  TagWith(model, num_classes(), w, nullptr, first, &margins);
  TagWith(second, num_classes(), w, &first, tags, nullptr, &margins,
          second_pass_margin);
  if (finite_verb_rule) EnforceFiniteVerb(w, tags);
}

size_t Tagger::ClauseBeforeAttribution(const std::vector<int>& tags) const {
  const size_t n = tags.size();
  // The last comma, then a noun phrase, a finite verb, and no other finite
  // verb or comma to the end: ", police said on Monday."
  size_t comma = n;
  for (size_t i = n; i > 0; --i) {
    if (Has(tags[i - 1], kComma)) {
      comma = i - 1;
      break;
    }
  }
  if (comma == n) return n;
  size_t k = comma + 1;
  while (k < n && Has(tags[k], kNominal)) ++k;
  if (k == comma + 1 || k == n || !Has(tags[k], kFinite)) return n;
  for (size_t i = k + 1; i < n; ++i) {
    if (tags[i] < 0 || Has(tags[i], kFinite)) return n;
  }
  return comma;
}

bool Tagger::HasSubjectBefore(const std::vector<int>& tags, size_t i) const {
  for (size_t j = 0; j < i; ++j) {
    if (Has(tags[j], kSubject)) return true;
  }
  return false;
}

void Tagger::EnforceFiniteVerb(const std::vector<WordInfo>& w,
                               std::vector<int>& tags) const {
  if (past_tense < 0) return;
  const size_t end = ClauseBeforeAttribution(tags);
  if (end < kFiniteVerbMinWords) return;
  for (size_t i = 0; i < end; ++i) {
    if (Has(tags[i], kFinite)) return;
    // An imperative or a question's auxiliary ("See attached file",
    // "Please find attached", "Have you heard"): a base form first in the
    // sentence or after punctuation, an interjection or an adverb.
    if (Has(tags[i], kBaseForm) &&
        (i == 0 || tags[i - 1] < 0 || Has(tags[i - 1], kOpener))) {
      return;
    }
  }
  static const uint64_t kEd = Fnv1a("ed") + 2;  // WordInfo::suf2 of "-ed"
  static const uint64_t kBy = Fnv1a("by");      // WordInfo::lower
  for (size_t i = 0; i < end; ++i) {
    // Between a noun before and a noun phrase after ("guerrillas _ two").
    const bool between = i > 0 && i + 1 < end && Has(tags[i - 1], kSubject) &&
                         Has(tags[i + 1], kNominal);
    if (Has(tags[i], kParticiple)) {
      // "to be arrested", "having never been charged": a participle after
      // an auxiliary (adverbs between) is one.
      bool after_aux = false;
      for (size_t j = i; j > 0 && j + 3 > i; --j) {
        if (Has(tags[j - 1], kAuxiliary)) after_aux = true;
        if (!Has(tags[j - 1], kAdverb)) break;
      }
      if (!after_aux && HasSubjectBefore(tags, i) && i + 1 < end &&
          w[i + 1].lower != kBy &&
          (Has(tags[i + 1], kNominal) || Has(tags[i + 1], kAdposition))) {
        tags[i] = past_tense;
      }
    } else if (Has(tags[i], kAdjective) && between && w[i].suf2 == kEd &&
               ((w[i].wordnet >> 4) & WordNet::kVerb) != 0) {
      // "guerrillas wounded two soldiers": a verb's -ed form read as an
      // adjective between a noun and a noun phrase.
      tags[i] = past_tense;
    } else if (Has(tags[i], kInterjection) && between && present_tense >= 0 &&
               (w[i].wordnet & WordNet::kVerb) != 0) {
      // "Norland and Sudria welcome the talks": a verb read as an
      // interjection between a noun and a noun phrase.
      tags[i] = present_tense;
    }
  }
}

void Tagger::Write(BinaryWriter& out) const {
  out.PutStrings(upos);
  out.PutStrings(xpos);
  out.Put<uint32_t>(features);
  ambiguity.Write(out);
  clusters.Write(out);
  model.Write(out);
  const bool two_pass = second.num_classes() > 0;
  out.Put<uint8_t>(two_pass);
  if (two_pass) {
    second.Write(out);
    out.Put<float>(second_pass_margin);
  }
}

void Tagger::SetClasses(std::vector<std::string> u,
                        std::vector<std::string> x) {
  upos = std::move(u);
  xpos = std::move(x);
  tag_hash.clear();
  upos_hash.clear();
  for (size_t c = 0; c < upos.size() && c < xpos.size(); ++c) {
    tag_hash.push_back(TagHash(upos[c], xpos[c]));
    upos_hash.push_back(UposHash(upos[c]));
  }
  class_traits.assign(upos.size(), 0);
  present_tense = -1;
  past_tense = -1;
  for (size_t c = 0; c < upos.size() && c < xpos.size(); ++c) {
    const std::string& up = upos[c];
    const std::string& xp = xpos[c];
    const bool verb = up == "VERB" || up == "AUX";
    uint16_t& t = class_traits[c];
    if (verb && (xp == "VBD" || xp == "VBZ" || xp == "VBP" || xp == "MD"))
      t |= kFinite;
    if (xp == "VBN") t |= kParticiple;
    if (up == "AUX") t |= kAuxiliary;
    if (up == "ADV") t |= kAdverb | kOpener;
    if (up == "ADJ") t |= kAdjective | kNominal;
    if (xp == ",") t |= kComma;
    if (up == "DET" || up == "NUM") t |= kNominal;
    if (up == "NOUN" || up == "PROPN" || up == "PRON") t |= kNominal | kSubject;
    if (verb && xp == "VB") t |= kBaseForm;
    if (up == "PUNCT") t |= kOpener;
    if (up == "INTJ") t |= kInterjection | kOpener;
    if (up == "ADP" || up == "PART") t |= kAdposition;
    if (up == "VERB" && xp == "VBP") present_tense = static_cast<int>(c);
    if (up == "VERB" && xp == "VBD") past_tense = static_cast<int>(c);
  }
}

bool Tagger::Read(BinaryReader& in) {
  uint8_t two_pass = 0;
  std::vector<std::string> u, x;
  if (!in.GetStrings(u) || !in.GetStrings(x) || !in.Get(features) ||
      (features & ~kAllGroups) != 0 || !ambiguity.Read(in) ||
      !clusters.Read(in) || !model.Read(in) || !in.Get(two_pass) ||
      two_pass > 1) {
    return false;
  }
  SetClasses(std::move(u), std::move(x));
  second = LinearModel();
  second_pass_margin = 1e30f;
  if (two_pass && (!second.Read(in) || !in.Get(second_pass_margin) ||
                   !(second_pass_margin >= 0.0f))) {
    return false;
  }
  return upos.size() == xpos.size() &&
         model.num_classes() == static_cast<int>(upos.size()) &&
         (second.num_classes() == 0 ||
          second.num_classes() == model.num_classes());
}

}  // namespace curlew::syntax
