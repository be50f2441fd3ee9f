#include "syntax/lemmatizer.h"

#include <algorithm>
#include <fstream>

#include "syntax/tagger.h"
#include "text/chars.h"

namespace curlew::syntax {

namespace {

std::string Capitalize(std::string_view s) {
  std::string out(s);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') {
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  }
  return out;
}

}  // namespace

EditScript EditScript::Between(std::string_view form, std::string_view lemma,
                               bool keep_case) {
  auto make = [&](std::string_view f, uint8_t casing) {
    size_t p = 0;
    while (p < f.size() && p < lemma.size() && f[p] == lemma[p]) ++p;
    EditScript e;
    e.casing = casing;
    e.strip = static_cast<uint8_t>(std::min<size_t>(f.size() - p, 255));
    e.append = std::string(lemma.substr(p));
    if (f.size() - p > 255) e.append = std::string(lemma);
    return e;
  };
  const std::string low = text::AsciiLower(form);
  const bool form_has_capitals = low != form;
  if (text::AsciiLower(lemma) == lemma) {
    // A lemma without capitals from a word with capitals lowers ("The" ->
    // "the"); from a word without, the class habit decides.
    if (form_has_capitals || !keep_case) return make(low, kLower);
    return make(form, kKeep);
  }
  const std::string cap = Capitalize(form);
  if (cap != form && !lemma.empty() && lemma[0] == cap[0]) {
    return make(cap, kCapitalize);  // "chicago" -> "Chicago"
  }
  return make(form, kKeep);
}

std::string EditScript::Apply(std::string_view form) const {
  std::string out = casing == kLower        ? text::AsciiLower(form)
                    : casing == kCapitalize ? Capitalize(form)
                                            : std::string(form);
  if (strip >= out.size()) {
    out.clear();
  } else {
    out.resize(out.size() - strip);
  }
  out += append;
  if (out.empty()) out = std::string(form);
  return out;
}

std::vector<uint8_t> Lemmatizer::KeepCase(
    const std::vector<std::string_view>& words,
    const std::vector<std::string_view>& lemmas,
    const std::vector<int>& classes, int num_classes) {
  std::vector<int> keep(num_classes, 0), lower(num_classes, 0);
  for (size_t i = 0; i < words.size(); ++i) {
    std::string low = text::AsciiLower(words[i]);
    if (low == words[i] || classes[i] < 0 || classes[i] >= num_classes)
      continue;
    keep[classes[i]] += lemmas[i] == words[i];
    lower[classes[i]] += lemmas[i] == low;
  }
  std::vector<uint8_t> out(num_classes);
  for (int c = 0; c < num_classes; ++c) out[c] = keep[c] > lower[c];
  return out;
}

uint64_t Lemmatizer::LexiconKey(std::string_view lower, int tag_class) {
  return Feat(1, Fnv1a(lower), static_cast<uint64_t>(tag_class));
}

uint64_t Lemmatizer::ExactKey(std::string_view form, int tag_class) {
  return Feat(3, Fnv1a(form), static_cast<uint64_t>(tag_class));
}

uint64_t Lemmatizer::RuleKey(std::string_view lower, int len, int tag_class) {
  std::string_view suf = lower.substr(lower.size() - len);
  return Feat(2, Fnv1a(suf), static_cast<uint64_t>(len),
              static_cast<uint64_t>(tag_class));
}

uint8_t Lemmatizer::WordNetPos(std::string_view x) {
  if (x == "NNS" || x == "NNPS") return 1;
  if (x == "VBD" || x == "VBN" || x == "VBZ" || x == "VBG") return 2;
  if (x == "JJR" || x == "JJS") return 3;
  if (x == "RBR" || x == "RBS") return 4;
  return 0;
}

std::string Lemmatizer::Lemmatize(std::string_view form, int tag_class) const {
  auto ex = exact.find(ExactKey(form, tag_class));
  if (ex != exact.end()) return scripts[ex->second].Apply(form);
  std::string low = text::AsciiLower(form);
  auto it = lexicon.find(LexiconKey(low, tag_class));
  if (it != lexicon.end()) return scripts[it->second].Apply(form);
  if (tag_class >= 0 && tag_class < static_cast<int>(wordnet_pos.size())) {
    uint8_t pos = wordnet_pos[tag_class];
    if (pos != 0 && wordnet) {
      static constexpr WordNet::Pos kPos[5] = {WordNet::kNoun, WordNet::kNoun,
                                               WordNet::kVerb, WordNet::kAdj,
                                               WordNet::kAdv};
      if (const std::string* base = wordnet->Exception(kPos[pos], low)) {
        return *base;
      }
    }
  }
  const bool is_proper = tag_class >= 0 &&
                         tag_class < static_cast<int>(proper.size()) &&
                         proper[tag_class];
  auto any = lexicon.find(LexiconKey(low, -1));
  if (!is_proper && any != lexicon.end()) {
    return scripts[any->second].Apply(form);
  }
  // The most frequent script of each suffix first, longest suffix first;
  // then the runners-up. A result that is a known lemma wins.
  std::string first;
  for (int rank = 0; rank < kRanks; ++rank) {
    for (int len = std::min<int>(kMaxSuffix, static_cast<int>(low.size()));
         len >= 0; --len) {
      auto r = rules.find(RankKey(RuleKey(low, len, tag_class), rank));
      if (r == rules.end()) continue;
      std::string lemma = scripts[r->second].Apply(form);
      const std::string lower = text::AsciiLower(lemma);
      if (known.count(Fnv1a(lower)) || (wordnet && wordnet->LemmaPos(lower))) {
        return lemma;
      }
      if (first.empty()) first = std::move(lemma);
    }
  }
  return first.empty() ? low : first;
}

namespace {

void PutMap(BinaryWriter& out,
            const std::unordered_map<uint64_t, uint32_t>& m) {
  std::vector<std::pair<uint64_t, uint32_t>> v(m.begin(), m.end());
  std::sort(v.begin(), v.end());
  std::vector<uint64_t> keys;
  std::vector<uint32_t> values;
  for (auto [k, x] : v) {
    keys.push_back(k);
    values.push_back(x);
  }
  out.PutVector(keys);
  out.PutVector(values);
}

bool GetMap(BinaryReader& in, std::unordered_map<uint64_t, uint32_t>& m,
            size_t limit) {
  std::vector<uint64_t> keys;
  std::vector<uint32_t> values;
  if (!in.GetVector(keys) || !in.GetVector(values) ||
      keys.size() != values.size()) {
    return false;
  }
  m.clear();
  m.reserve(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    if (values[i] >= limit) return false;
    m.emplace(keys[i], values[i]);
  }
  return true;
}

}  // namespace

void Lemmatizer::Write(BinaryWriter& out) const {
  out.Put<uint32_t>(static_cast<uint32_t>(scripts.size()));
  for (const EditScript& s : scripts) {
    out.Put<uint8_t>(s.casing);
    out.Put<uint8_t>(s.strip);
    out.PutString(s.append);
  }
  PutMap(out, exact);
  PutMap(out, lexicon);
  PutMap(out, rules);
  std::vector<uint64_t> k(known.begin(), known.end());
  std::sort(k.begin(), k.end());
  out.PutVector(k);
  out.PutVector(wordnet_pos);
  out.PutVector(proper);
}

bool Lemmatizer::Read(BinaryReader& in) {
  uint32_t n = 0;
  if (!in.Get(n)) return false;
  scripts.clear();
  for (uint32_t i = 0; i < n; ++i) {
    EditScript s;
    if (!in.Get(s.casing) || !in.Get(s.strip) || !in.GetString(s.append) ||
        s.casing > EditScript::kCapitalize) {
      return false;
    }
    scripts.push_back(std::move(s));
  }
  std::vector<uint64_t> k;
  if (!GetMap(in, exact, n) || !GetMap(in, lexicon, n) ||
      !GetMap(in, rules, n) || !in.GetVector(k)) {
    return false;
  }
  known = std::unordered_set<uint64_t>(k.begin(), k.end());
  return in.GetVector(wordnet_pos) && in.GetVector(proper) &&
         proper.size() == wordnet_pos.size();
}

}  // namespace curlew::syntax
