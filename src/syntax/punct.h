// Punctuation attachment, decided again after parsing.
//
// A greedy parser attaches a punctuation mark when it reaches it, before it
// has seen the phrase the mark belongs to; punctuation was the largest
// single source of head errors on EWT dev. Once the tree of the words is
// complete, the attacher takes each punctuation mark (a leaf tagged PUNCT)
// and chooses its head among the words it can attach to without crossing
// an arc of the tree, by a linear ranking model (averaged perceptron) over
// features of the mark and the candidate: the candidate's relation and tag,
// whether its phrase ends just before or starts just after the mark,
// whether it dominates the neighbouring words, paired quotes and brackets.
//
// Thread safety: immutable once trained or loaded; Reattach() is const.
#ifndef CURLEW_SYNTAX_PUNCT_H_
#define CURLEW_SYNTAX_PUNCT_H_

#include <cstdint>
#include <vector>

#include "syntax/binary_io.h"
#include "syntax/linear.h"
#include "syntax/parser.h"

namespace curlew::syntax {

// A parsed sentence as the attacher sees it; index 0 is the root.
struct PunctSentence {
  const ParserInput* in = nullptr;  // word and tag hashes
  std::vector<char> punct;          // 1 for punctuation marks
  std::vector<int> heads, rels;     // the tree (rels: label ids)
};

class PunctAttacher {
 public:
  LinearModel model;  // one class: the candidate's score
  bool trained() const { return model.num_classes() == 1; }

  // What the attacher computes once per sentence.
  struct Layout {
    std::vector<int> left, right;  // edges of each word's subtree (no punct)
    std::vector<int> depth;
    std::vector<int> partner;  // matching quote or bracket, or -1
    std::vector<int> marks;    // the marks to place: leaves not on the root
    // Extent of the arcs of non-punctuation words touching each word.
    std::vector<int> arc_lo, arc_hi;
  };
  static void Describe(const PunctSentence& s, Layout& layout);
  // Words a punctuation mark at `p` may attach to: not the root, not
  // punctuation, and no arc of a non-punctuation word crossed.
  static void Candidates(const PunctSentence& s, const Layout& layout, int p,
                         std::vector<int>& out);
  // Feature keys of attaching `p` to `h`.
  static void Features(const PunctSentence& s, const Layout& layout, int p,
                       int h, std::vector<uint64_t>& out);

  // Gives every punctuation leaf of `s` its best-scoring head if that
  // scores clearly above the parser's choice (the relation stays). No-op
  // if untrained.
  void Reattach(PunctSentence& s) const;

  // One training pass over a sentence with its gold tree (`s.heads`):
  // every mark whose gold head is a candidate is a ranking example.
  // Returns the number of marks ranked wrong.
  static int TrainSentence(Perceptron& p, const PunctSentence& s);

  void Write(BinaryWriter& out) const;
  bool Read(BinaryReader& in);
};

}  // namespace curlew::syntax

#endif  // CURLEW_SYNTAX_PUNCT_H_
