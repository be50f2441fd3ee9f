// The dependency parser: arc-hybrid transitions (Kuhlmann et al. 2011) with
// labelled arcs, scored by an averaged perceptron over Zhang & Nivre (2011)
// style features, trained with Goldberg & Nivre's (2013) dynamic oracle:
// greedy, or (Parser::beam > 1) with beam search, trained over whole move
// sequences (TrainBeamSentence).
//
// Word 0 is the artificial root; words are 1..n. Exactly one word attaches
// to the root: the root may take a dependent only when the buffer is empty.
//
// Thread safety: a Parser is immutable once built; Parse() is const and
// keeps its state local.
#ifndef CURLEW_SYNTAX_PARSER_H_
#define CURLEW_SYNTAX_PARSER_H_

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "syntax/binary_io.h"
#include "syntax/linear.h"

namespace curlew::syntax {

// What the parser sees of a sentence: per word (index 0 = root) hashes of
// the lower-case word, its last three letters, its (UPOS, XPOS) pair and its
// UPOS alone.
struct ParserInput {
  std::vector<uint64_t> word, suffix, tag, upos;
  std::vector<uint32_t> cluster;  // word cluster + 1 (0: none)
  // The parser's optional feature groups (Parser::features), set with the
  // words.
  uint32_t features = 0;
  void Resize(size_t n) {
    word.assign(n, 0);
    suffix.assign(n, 0);
    tag.assign(n, 0);
    upos.assign(n, 0);
    cluster.assign(n, 0);
  }
};

class Parser {
 public:
  // Optional feature groups, chosen when training and stored in the model.
  enum FeatureGroup : uint32_t {
    // Word clusters of the stack and buffer words, with their tags.
    kClusters = 1,
    kAllGroups = kClusters,
  };
  uint32_t features = 0;
  // Configurations kept at each step (1: greedy). A parser trained with a
  // beam (TrainBeamSentence) parses with the same beam; stored with the
  // feature groups, in bits 16-23 of their word.
  int beam = 1;
  std::vector<std::string> labels;  // relation names, e.g. "nsubj:pass"
  LinearModel model;

  // Most feature keys of a configuration.
  static constexpr size_t kMaxFeatures = 160;

  // Classes of `model`.
  int num_classes() const {
    return NumClasses(static_cast<int>(labels.size()));
  }
  // Labelled moves: 0 shift, 1..L left arc, L+1..2L right arc.
  static int NumClasses(int num_labels) { return 1 + 2 * num_labels; }

  // heads[i], rels[i] for words 1..n (index 0 unused); rels index labels.
  void Parse(const ParserInput& in, std::vector<int>& heads,
             std::vector<int>& rels) const;
  template <typename Scorer>
  static void ParseWith(const Scorer& scorer, int num_labels,
                        const ParserInput& in, std::vector<int>& heads,
                        std::vector<int>& rels);
  // Beam search: the `beam` best move sequences by the sum of their moves'
  // scores are kept at each step; the best complete one is the parse.
  template <typename Scorer>
  static void ParseBeamWith(const Scorer& scorer, int num_labels, int beam,
                            const ParserInput& in, std::vector<int>& heads,
                            std::vector<int>& rels);

  // One training pass over a sentence with the dynamic oracle. With
  // `explore`, the parser follows its own prediction (with probability
  // 0.9) even when it is wrong, and learns to recover. Returns the number
  // of transitions whose prediction was not optimal.
  static int TrainSentence(Perceptron& p, int num_labels, const ParserInput& in,
                           const std::vector<int>& gold_heads,
                           const std::vector<int>& gold_rels, bool explore,
                           std::mt19937_64& rng);

  // One global training pass over a sentence with a beam (Huang, Fayong
  // and Guo's 2012 max-violation update, Zhang & Nivre's setting): the
  // gold sequence follows the dynamic oracle's cheapest moves (the best
  // scoring of them); where the beam's best sequence outscores the gold
  // prefix by most, the perceptron moves toward the gold prefix and away
  // from that sequence. Returns 1 if it updated.
  static int TrainBeamSentence(Perceptron& p, int num_labels, int beam,
                               const ParserInput& in,
                               const std::vector<int>& gold_heads,
                               const std::vector<int>& gold_rels);

  void Write(BinaryWriter& out) const;
  bool Read(BinaryReader& in);
};

}  // namespace curlew::syntax

#endif  // CURLEW_SYNTAX_PARSER_H_
