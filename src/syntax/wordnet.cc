#include "syntax/wordnet.h"

#include <fstream>

#include "syntax/binary_io.h"

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

bool WordNet::Load(const std::string& dir) {
  bool any = false;
  std::string line;
  for (int k = 0; k < 4; ++k) {
    std::ifstream exc(dir + "/" + kNames[k] + ".exc");
    while (std::getline(exc, line)) {
      size_t sp = line.find(' ');
      if (sp == std::string::npos) continue;
      size_t sp2 = line.find(' ', sp + 1);
      std::string base = line.substr(
          sp + 1, sp2 == std::string::npos ? std::string::npos : sp2 - sp - 1);
      // Multi-word entries use '_' for spaces; our words have none.
      if (line.find('_') < sp || base.find('_') != std::string::npos) continue;
      Irregular& x = irregular_[Fnv1a(std::string_view(line).substr(0, sp))];
      if (!(x.pos & kLists[k])) {
        x.pos |= kLists[k];
        x.base[k] = base;
      }
    }
    std::ifstream index(dir + "/index." + kNames[k]);
    if (!index) continue;
    any = true;
    while (std::getline(index, line)) {
      if (line.empty() || line[0] == ' ') continue;  // licence header
      std::string_view lemma = std::string_view(line).substr(0, line.find(' '));
      if (lemma.find('_') != std::string_view::npos) continue;
      lemmas_[Fnv1a(lemma)] |= kLists[k];
    }
  }
  return any;
}

const std::string* WordNet::Exception(Pos pos, std::string_view lower) const {
  auto it = irregular_.find(Fnv1a(lower));
  if (it == irregular_.end() || !(it->second.pos & pos)) return nullptr;
  return &it->second.base[Index(pos)];
}

uint8_t WordNet::LemmaPos(std::string_view lower) const {
  auto it = lemmas_.find(Fnv1a(lower));
  return it == lemmas_.end() ? 0 : it->second;
}

uint8_t WordNet::Classes(std::string_view lower) const {
  if (lemmas_.empty()) return 0;
  uint8_t inflected = 0;
  std::string stem;
  for (const Rule& r : kRules) {
    if (inflected & r.pos) continue;
    if (lower.size() <= r.ending.size() + 1 || !lower.ends_with(r.ending)) {
      continue;
    }
    stem.assign(lower.substr(0, lower.size() - r.ending.size()));
    stem += r.replacement;
    if (LemmaPos(stem) & r.pos) inflected |= r.pos;
  }
  auto it = irregular_.find(Fnv1a(lower));
  if (it != irregular_.end()) inflected |= it->second.pos;
  return static_cast<uint8_t>(LemmaPos(lower) | inflected << 4);
}

}  // namespace curlew::syntax
