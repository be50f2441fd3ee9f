// The part-of-speech tagger: a greedy left-to-right averaged perceptron over
// joint UPOS+XPOS classes, run twice (the second pass also sees the first
// pass's tags of the next two words), with word, affix, shape and context
// features and an "ambiguity class" (the set of tags a word had in training) as
// a cluster-like feature for the word and its neighbours, and the parts of
// speech WordNet knows the word as (for words the treebank lacks).
//
// Thread safety: a Tagger is immutable once built; Tag() is const and keeps
// its scratch memory local.
#ifndef CURLEW_SYNTAX_TAGGER_H_
#define CURLEW_SYNTAX_TAGGER_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "syntax/binary_io.h"
#include "syntax/flat_map.h"
#include "syntax/linear.h"
#include "syntax/wordnet.h"

namespace curlew::syntax {

// What the tagger and parser need of a word, hashed once per token so that
// no feature builds a string.
struct WordInfo {
  uint64_t form = 0, lower = 0, shape = 0, pre1 = 0, pre2 = 0, pre3 = 0;
  uint64_t suf1 = 0, suf2 = 0, suf3 = 0, suf4 = 0, suf5 = 0, amb = 0;
  uint32_t flags = 0;    // kHyphen | kDigit | kUpper | kTitle | kAllCaps
  uint32_t wordnet = 0;  // WordNet::Classes() of the lower-case word
  uint32_t cluster = 0;  // word cluster + 1 (0: none; see Tagger::clusters)
};

// The tag hash the parser sees for a (UPOS, XPOS) pair.
inline uint64_t TagHash(std::string_view upos, std::string_view xpos) {
  return Mix(Fnv1a(upos) * 31 + Fnv1a(xpos));
}
// The parser's hash of a UPOS alone.
inline uint64_t UposHash(std::string_view upos) { return Fnv1a(upos) + 13; }

class Tagger {
 public:
  // Class c is (upos[c], xpos[c]).
  std::vector<std::string> upos, xpos;
  // Optional feature groups (kContext...), chosen when training and
  // stored in the model.
  enum FeatureGroup : uint32_t {
    // More context: word pairs around the word, longer affixes, the
    // neighbours' shapes.
    kContext = 1,
    // Word clusters (of the word and its neighbours).
    kClusters = 2,
    kAllGroups = kContext | kClusters,
  };
  uint32_t features = 0;
  LinearModel model;   // first pass
  LinearModel second;  // second pass (may be empty: one pass)
  // Words whose first-pass margin (weight units) is at least this keep
  // their first-pass tag: the second pass almost never changes them, and
  // skipping them saves most of its time. Chosen by the trainer.
  float second_pass_margin = 1e30f;
  // Lower-case word hash -> hash of the set of tag classes seen with it.
  FlatMap<uint64_t> ambiguity;
  // Lower-case word hash -> its cluster (clusters.h), induced from the
  // training text; empty without kClusters.
  FlatMap<uint16_t> clusters;
  // WordNet's lists (owned by the model; null: not installed), for a
  // dictionary feature.
  const WordNet* wordnet = nullptr;

  // Per class, the parser's hashes of (UPOS, XPOS) and of the UPOS
  // (TagHash, UposHash in model_data.h); derived from upos and xpos by
  // SetClasses(), not stored.
  std::vector<uint64_t> tag_hash, upos_hash;
  // What the finite-verb rule needs to know of each class, as bits of
  // class_traits (derived from upos and xpos by SetClasses(), not stored).
  enum ClassTrait : uint16_t {
    kFinite = 1 << 0,         // VERB or AUX with XPOS VBD, VBZ, VBP or MD
    kParticiple = 1 << 1,     // XPOS VBN
    kAuxiliary = 1 << 2,      // AUX
    kAdverb = 1 << 3,         // ADV
    kAdjective = 1 << 4,      // ADJ
    kComma = 1 << 5,          // XPOS ","
    kNominal = 1 << 6,        // a word of a noun phrase (DET ADJ NOUN PROPN
                              // NUM PRON)
    kSubject = 1 << 7,        // NOUN PROPN PRON
    kBaseForm = 1 << 8,       // VERB or AUX with XPOS VB
    kOpener = 1 << 9,         // may come before an imperative (PUNCT INTJ ADV)
    kAdposition = 1 << 10,    // ADP PART
    kInterjection = 1 << 11,  // INTJ
  };
  std::vector<uint16_t> class_traits;
  // Whether class `c` (-1: none) has trait `t`.
  bool Has(int c, ClassTrait t) const {
    return c >= 0 && static_cast<size_t>(c) < class_traits.size() &&
           (class_traits[static_cast<size_t>(c)] & t) != 0;
  }
  int present_tense = -1;  // the VERB VBP class (-1: none)
  int past_tense = -1;     // the VERB VBD class (-1: none)

  int num_classes() const { return static_cast<int>(upos.size()); }
  // Sets the classes (and their hashes).
  void SetClasses(std::vector<std::string> u, std::vector<std::string> x);
  void Describe(std::vector<WordInfo>& out,
                const std::vector<std::string_view>& words) const;
  // One word's description (what Describe() gives each word).
  void DescribeWord(std::string_view form, WordInfo& out) const;
  // Most feature keys of one word.
  static constexpr size_t kMaxFeatures = 96;
  // Feature keys for word i given the two previous tags (-1 = none), into
  // out[0..kMaxFeatures); returns their number. With `right` (the first
  // pass's tags of the whole sentence), also the second pass's features
  // on the tags of the next two words.
  size_t Features(const std::vector<WordInfo>& w, int i, int prev, int prev2,
                  const std::vector<int>* right, uint64_t* out) const;
  // Greedy left-to-right tagging with any scorer (Perceptron while
  // training); `right` as for Features(). With `margins`, also each word's
  // lead of the best class over the runner-up, in weight units. With
  // `keep`, words whose keep[i] >= keep_above take their tag from `right`
  // unscored (the second pass skipping words the first was sure of).
  template <typename Scorer>
  void TagWith(const Scorer& scorer, int num_classes,
               const std::vector<WordInfo>& w, const std::vector<int>* right,
               std::vector<int>& tags, std::vector<float>* margins = nullptr,
               const std::vector<float>* keep = nullptr,
               float keep_above = 0.0f) const {
    tags.assign(w.size(), -1);
    if (margins) margins->assign(w.size(), 0.0f);
    uint64_t feats[kMaxFeatures];
    float scores[LinearModel::kMaxClasses];
    for (size_t i = 0; i < w.size(); ++i) {
      if (keep && right && (*keep)[i] >= keep_above) {
        tags[i] = (*right)[i];
        continue;
      }
      const size_t n =
          Features(w, static_cast<int>(i), i > 0 ? tags[i - 1] : -1,
                   i > 1 ? tags[i - 2] : -1, right, feats);
      std::fill(scores, scores + num_classes, 0.0f);
      scorer.Score(feats, n, scores);
      if (margins) {
        float lead = 0.0f;
        tags[i] = ArgMaxWithLead(scores, num_classes, lead);
        (*margins)[i] = lead * scorer.scale();
      } else {
        tags[i] = ArgMax(scores, num_classes);
      }
    }
  }
  // Two passes: `model` tags left to right; `second` (if trained) tags
  // again the words whose first-pass margin is below second_pass_margin,
  // seeing the first pass's tags of the words to the right.
  void Tag(const std::vector<WordInfo>& w, std::vector<int>& tags) const;

  // A sentence of at least kFiniteVerbMinWords words with no finite verb
  // (VBD, VBZ, VBP, MD) is usually a tagging error on news text: in "Police
  // arrested students" or "Pyongyang on Thursday fired two shells at Seoul"
  // the verb read as a participle (VBN) leaves the sentence without a
  // clause, a subject and an event. With finite_verb_rule, in such a
  // sentence (an imperative counts as finite; a closing attribution, ",
  // police said.", is not part of it):
  //  - a participle after a noun, not after an auxiliary (adverbs between
  //    allowed), before an object or a preposition other than "by", is
  //    retagged as a past tense (VERB VBD);
  //  - so is a verb's -ed form read as an adjective between a noun and a
  //    noun phrase ("guerrillas wounded two soldiers");
  //  - a verb read as an interjection there becomes a present tense (VERB
  //    VBP: "Norland and Sudria welcome the talks").
  // Measured in data/models/README.md.
  bool finite_verb_rule = false;
  static constexpr size_t kFiniteVerbMinWords = 4;
  void EnforceFiniteVerb(const std::vector<WordInfo>& w,
                         std::vector<int>& tags) const;
  // The number of words before a closing attribution (", police said on
  // Monday."): the last comma when a noun phrase and a finite verb follow
  // it with no other finite verb; else all of them.
  size_t ClauseBeforeAttribution(const std::vector<int>& tags) const;
  // Whether a noun or pronoun comes before word i.
  bool HasSubjectBefore(const std::vector<int>& tags, size_t i) const;

  void Write(BinaryWriter& out) const;
  // Views into the reader's buffer (see LinearModel::Read).
  bool Read(BinaryReader& in);
};

}  // namespace curlew::syntax

#endif  // CURLEW_SYNTAX_TAGGER_H_
