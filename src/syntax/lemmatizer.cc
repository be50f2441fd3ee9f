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
  std::string out;
  ApplyInto(form, out);
  return out;
}

void EditScript::ApplyInto(std::string_view form, std::string& out) const {
  out.assign(form.data(), form.size());
  if (casing == kLower) {
    for (char& c : out) c = text::AsciiLower(c);
  } else if (casing == kCapitalize && !out.empty() && out[0] >= 'a' &&
             out[0] <= 'z') {
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  }
  if (strip >= out.size()) {
    out.clear();
  } else {
    // Scripts count bytes; a cut inside a character ("´m" stripped as if
    // it were "'m") takes the whole character, so the lemma stays UTF-8.
    size_t keep = out.size() - strip;
    while (keep > 0 && (static_cast<unsigned char>(out[keep]) & 0xC0) == 0x80)
      --keep;
    out.resize(keep);
  }
  out += append;
  if (out.empty()) out.assign(form.data(), form.size());
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
  std::string out;
  LemmatizeInto(form, tag_class, out);
  return out;
}

void Lemmatizer::LemmatizeInto(std::string_view form, int tag_class,
                               std::string& out) const {
  if (const uint32_t* ex = exact.Find(ExactKey(form, tag_class))) {
    scripts[*ex].ApplyInto(form, out);
    return;
  }
  // The lower-case word, on the stack for words of ordinary length.
  char buf[64];
  std::string long_word;
  std::string_view low;
  if (form.size() <= sizeof(buf)) {
    for (size_t i = 0; i < form.size(); ++i) buf[i] = text::AsciiLower(form[i]);
    low = std::string_view(buf, form.size());
  } else {
    long_word = text::AsciiLower(form);
    low = long_word;
  }
  if (const uint32_t* s = lexicon.Find(LexiconKey(low, tag_class))) {
    scripts[*s].ApplyInto(form, out);
    return;
  }
  if (tag_class >= 0 && tag_class < static_cast<int>(wordnet_pos.size())) {
    uint8_t pos = wordnet_pos[tag_class];
    if (pos != 0 && wordnet) {
      static constexpr WordNet::Pos kPos[5] = {WordNet::kNoun, WordNet::kNoun,
                                               WordNet::kVerb, WordNet::kAdj,
                                               WordNet::kAdv};
      if (const std::string* base = wordnet->Exception(kPos[pos], low)) {
        out = *base;
        return;
      }
    }
  }
  const bool is_proper = tag_class >= 0 &&
                         tag_class < static_cast<int>(proper.size()) &&
                         proper[tag_class];
  const uint32_t* any = lexicon.Find(LexiconKey(low, -1));
  if (!is_proper && any) {
    scripts[*any].ApplyInto(form, out);
    return;
  }
  // The most frequent script of each suffix first, longest suffix first;
  // then the runners-up. A result that is a known lemma wins.
  bool have_first = false;
  std::string lemma;
  for (int rank = 0; rank < kRanks; ++rank) {
    for (int len = std::min<int>(kMaxSuffix, static_cast<int>(low.size()));
         len >= 0; --len) {
      const uint32_t* r =
          rules.Find(RankKey(RuleKey(low, len, tag_class), rank));
      if (!r) continue;
      scripts[*r].ApplyInto(form, lemma);
      std::string lower = text::AsciiLower(lemma);
      if (known.Find(Fnv1a(lower)) || (wordnet && wordnet->LemmaPos(lower))) {
        out = std::move(lemma);
        return;
      }
      if (!have_first) {
        out = lemma;
        have_first = true;
      }
    }
  }
  if (!have_first) out.assign(low.data(), low.size());
}

namespace {

// Every script index of `m` below `limit`.
bool ValidScripts(const FlatMap<uint32_t>& m, size_t limit) {
  bool ok = true;
  m.ForEach([&](uint64_t, uint32_t v) { ok = ok && v < limit; });
  return ok;
}

}  // namespace

void Lemmatizer::Write(BinaryWriter& out) const {
  out.Put<uint32_t>(static_cast<uint32_t>(scripts.size()));
  for (const EditScript& s : scripts) {
    out.Put<uint8_t>(s.casing);
    out.Put<uint8_t>(s.strip);
    out.PutString(s.append);
  }
  exact.Write(out);
  lexicon.Write(out);
  rules.Write(out);
  known.Write(out);
  out.PutArray(wordnet_pos);
  out.PutArray(proper);
}

namespace {

bool ReadScripts(BinaryReader& in, std::vector<EditScript>& scripts) {
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
  return true;
}

}  // namespace

bool Lemmatizer::Read(BinaryReader& in) {
  if (!ReadScripts(in, scripts) || !exact.Read(in) || !lexicon.Read(in) ||
      !rules.Read(in) || !known.Read(in) || !in.GetArray(wordnet_pos) ||
      !in.GetArray(proper) || proper.size() != wordnet_pos.size()) {
    return false;
  }
  const size_t n = scripts.size();
  return ValidScripts(exact, n) && ValidScripts(lexicon, n) &&
         ValidScripts(rules, n);
}

}  // namespace curlew::syntax
