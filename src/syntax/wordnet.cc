#include "syntax/wordnet.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "syntax/binary_io.h"
#include "syntax/model_bytes.h"

namespace curlew::syntax {
namespace {

constexpr WordNet::Pos kLists[4] = {WordNet::kNoun, WordNet::kVerb,
                                    WordNet::kAdj, WordNet::kAdv};
constexpr const char* kNames[4] = {"noun", "verb", "adj", "adv"};

// WordNet's regular detachment rules: (ending, replacement) per part of
// speech.
struct Rule {
  WordNet::Pos pos;
  std::string_view ending, replacement;
};
constexpr Rule kRules[] = {
    {WordNet::kNoun, "s", ""},      {WordNet::kNoun, "ses", "s"},
    {WordNet::kNoun, "xes", "x"},   {WordNet::kNoun, "zes", "z"},
    {WordNet::kNoun, "ches", "ch"}, {WordNet::kNoun, "shes", "sh"},
    {WordNet::kNoun, "men", "man"}, {WordNet::kNoun, "ies", "y"},
    {WordNet::kVerb, "s", ""},      {WordNet::kVerb, "ies", "y"},
    {WordNet::kVerb, "es", "e"},    {WordNet::kVerb, "es", ""},
    {WordNet::kVerb, "ed", "e"},    {WordNet::kVerb, "ed", ""},
    {WordNet::kVerb, "ing", "e"},   {WordNet::kVerb, "ing", ""},
    {WordNet::kAdj, "er", ""},      {WordNet::kAdj, "est", ""},
    {WordNet::kAdj, "er", "e"},     {WordNet::kAdj, "est", "e"},
};

}  // namespace

int WordNet::Index(Pos pos) {
  return pos == kNoun ? 0 : pos == kVerb ? 1 : pos == kAdj ? 2 : 3;
}

namespace {

// The whole file, mapped (empty if it cannot be read). Mapped rather than
// read: the index files are 6 MB, and copying them into a growing string
// was a sixth of a one-sentence `code` run from raw text.
ModelBytes ReadFile(const std::string& path) {
  auto bytes = ModelBytes::Map(path);
  return bytes.ok() ? std::move(*bytes) : ModelBytes();
}

// Calls f(line) for each line of `text` (without the newline).
template <typename F>
void ForEachLine(std::string_view text, F f) {
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    f(text.substr(0, nl));
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
}

}  // namespace

bool WordNet::Load(const std::string& dir) {
  bool any = false;
  std::vector<std::pair<uint64_t, uint8_t>> lemmas;
  std::unordered_map<uint64_t, uint32_t> form_index;  // -> irregular_
  for (int k = 0; k < 4; ++k) {
    const ModelBytes exceptions = ReadFile(dir + "/" + kNames[k] + ".exc");
    ForEachLine(exceptions.bytes(), [&](std::string_view line) {
      size_t sp = line.find(' ');
      if (sp == std::string_view::npos) return;
      size_t sp2 = line.find(' ', sp + 1);
      std::string_view base = line.substr(sp + 1, sp2 == std::string_view::npos
                                                      ? std::string_view::npos
                                                      : sp2 - sp - 1);
      // Multi-word entries use '_' for spaces; our words have none.
      if (line.find('_') < sp || base.find('_') != std::string_view::npos) {
        return;
      }
      const uint64_t h = Fnv1a(line.substr(0, sp));
      auto [it, added] =
          form_index.try_emplace(h, static_cast<uint32_t>(irregular_.size()));
      if (added) irregular_.emplace_back();
      Irregular& x = irregular_[it->second];
      if (!(x.pos & kLists[k])) {
        x.pos |= kLists[k];
        x.base[k] = std::string(base);
      }
    });
    const ModelBytes index = ReadFile(dir + "/index." + kNames[k]);
    if (index.bytes().empty()) continue;
    any = true;
    ForEachLine(index.bytes(), [&](std::string_view line) {
      if (line.empty() || line[0] == ' ') return;  // licence header
      std::string_view lemma = line.substr(0, line.find(' '));
      if (lemma.find('_') != std::string_view::npos) return;
      lemmas.push_back({Fnv1a(lemma), kLists[k]});
    });
  }
  // One entry a lemma, with the bits of every list it is in.
  irregular_index_ =
      FlatMap<uint32_t>::Build({form_index.begin(), form_index.end()});
  lemmas_ = FlatMap<uint8_t>::Build(
      lemmas, [](uint8_t a, uint8_t b) { return static_cast<uint8_t>(a | b); });
  return any;
}

const std::string* WordNet::Exception(Pos pos, std::string_view lower) const {
  const Irregular* x = FindIrregular(lower);
  if (!x || !(x->pos & pos)) return nullptr;
  return &x->base[Index(pos)];
}

uint8_t WordNet::LemmaPos(std::string_view lower) const {
  return LemmaPosOfHash(Fnv1a(lower));
}

uint8_t WordNet::Classes(std::string_view lower) const {
  if (lemmas_.size() == 0) return 0;
  uint8_t inflected = 0;
  for (const Rule& r : kRules) {
    if (inflected & r.pos) continue;
    if (lower.size() <= r.ending.size() + 1 || !lower.ends_with(r.ending)) {
      continue;
    }
    // The stem's hash, streamed: no string is built.
    const uint64_t stem = Fnv1a(
        r.replacement, Fnv1a(lower.substr(0, lower.size() - r.ending.size())));
    if (LemmaPosOfHash(stem) & r.pos) inflected |= r.pos;
  }
  if (const Irregular* x = FindIrregular(lower)) inflected |= x->pos;
  return static_cast<uint8_t>(LemmaPos(lower) | inflected << 4);
}

}  // namespace curlew::syntax
