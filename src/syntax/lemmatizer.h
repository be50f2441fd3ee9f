// The lemmatizer: "ratified" -> "ratify", "fled" -> "flee".
//
// A lemma is produced by an edit script (keep case, lower-case or capitalise,
// strip k final bytes, append a string), chosen in this order:
//  1. the lexicon: the script most often seen in training for this
//     (lower-case word, tag class);
//  2. WordNet's exception lists (verb.exc, noun.exc, adj.exc, adv.exc),
//     loaded into memory once when the model is loaded;
//  3. suffix rules learned from the training word types: the most frequent
//     script for (tag class, final letters), longest suffix first, preferring
//     a result that is a known lemma (seen in training or listed in
//     WordNet's index files).
//
// Thread safety: immutable once built; Lemmatize() is const.
#ifndef CURLEW_SYNTAX_LEMMATIZER_H_
#define CURLEW_SYNTAX_LEMMATIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/binary_io.h"
#include "syntax/flat_map.h"
#include "syntax/wordnet.h"

namespace curlew::syntax {

struct EditScript {
  enum Casing : uint8_t { kKeep = 0, kLower = 1, kCapitalize = 2 };
  uint8_t casing = kKeep;  // applied to the word before strip and append
  uint8_t strip = 0;
  std::string append;
  // The script turning `form` into `lemma`. When neither has capitals the
  // case is undecided; `keep_case` (the habit of the word's tag class, see
  // Lemmatizer::keep_case) decides whether the script keeps or lowers it.
  static EditScript Between(std::string_view form, std::string_view lemma,
                            bool keep_case = false);
  std::string Apply(std::string_view form) const;
  // Apply() into `out` (its capacity reused).
  void ApplyInto(std::string_view form, std::string& out) const;
  friend bool operator==(const EditScript&, const EditScript&) = default;
};

class Lemmatizer {
 public:
  // Longest suffix used by the rules.
  static constexpr int kMaxSuffix = 5;
  // Scripts kept per suffix rule (runners-up measured worse on EWT dev:
  // a known but wrong lemma beats the right unknown one too often).
  static constexpr int kRanks = 1;

  std::vector<EditScript> scripts;
  // Feat(lower-case word hash, tag class) -> script index.
  FlatMap<uint32_t> lexicon;
  // Feat(exact word hash, tag class) -> script index; tried first.
  FlatMap<uint32_t> exact;
  // Hashes of the lower-case lemmas seen in training (value 1).
  FlatMap<uint8_t> known;
  // WordNet's lists (owned by the model; null: not installed).
  const WordNet* wordnet = nullptr;
  // RankKey(RuleKey(...), r) -> the r-th most frequent script (r < kRanks)
  // for that tag class and suffix.
  FlatMap<uint32_t> rules;
  // Per tag class: which WordNet list applies (0 none, 1 noun, 2 verb, 3 adj,
  // 4 adv), decided from the XPOS.
  std::vector<uint8_t> wordnet_pos;
  // Per tag class: 1 for proper nouns, which keep their own spelling rather
  // than borrow the lemma of a common word ("Post" is not "post").
  std::vector<uint8_t> proper;
  // Per tag class, learned from words with capitals: 1 if the class keeps
  // the word's case in its lemma ("01-Feb-02", "Space.com"), 0 if it lowers
  // it ("The" -> "the"). Used only while training.
  static std::vector<uint8_t> KeepCase(
      const std::vector<std::string_view>& words,
      const std::vector<std::string_view>& lemmas,
      const std::vector<int>& classes, int num_classes);
  // Which WordNet list applies to a Penn tag.
  static uint8_t WordNetPos(std::string_view xpos);

  std::string Lemmatize(std::string_view form, int tag_class) const;
  // Lemmatize() into `out` (its capacity reused: no allocation for lemmas
  // that fit it).
  void LemmatizeInto(std::string_view form, int tag_class,
                     std::string& out) const;

  static uint64_t LexiconKey(std::string_view lower, int tag_class);
  static uint64_t ExactKey(std::string_view form, int tag_class);
  static uint64_t RankKey(uint64_t rule_key, int rank) {
    return rank == 0 ? rule_key : Mix(rule_key + static_cast<uint64_t>(rank));
  }
  static uint64_t RuleKey(std::string_view lower, int len, int tag_class);

  void Write(BinaryWriter& out) const;
  bool Read(BinaryReader& in);
};

}  // namespace curlew::syntax

#endif  // CURLEW_SYNTAX_LEMMATIZER_H_
