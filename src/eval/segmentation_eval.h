// Scoring of sentence splitting and tokenization against gold segmentation
// (CoNLL-U), as the CoNLL 2018 shared task evaluates it: the raw text of
// each document is rebuilt from its "# text" lines (sentences of a
// paragraph joined by a space, paragraphs by a blank line), segmented, and
// system and gold units are matched by their character offsets. Units never
// contain whitespace at their edges, so equal byte spans are equal
// whitespace-free offsets.
//
// Thread safety: pure functions.
#ifndef CURLEW_EVAL_SEGMENTATION_EVAL_H_
#define CURLEW_EVAL_SEGMENTATION_EVAL_H_

#include <cstddef>
#include <string>
#include <vector>

#include "curlew/document.h"
#include "curlew/status.h"
#include "curlew/text.h"

namespace curlew::text {

struct F1Counts {
  size_t gold = 0;
  size_t system = 0;
  size_t correct = 0;
  double Precision() const;
  double Recall() const;
  double F1() const;
  void Add(const F1Counts& o);
};

// A text with its gold segmentation (byte spans into `text`).
struct GoldText {
  std::string id;
  std::string text;
  std::vector<Span> tokens;  // surface tokens ("don't")
  std::vector<Span> words;   // syntactic words ("do", "n't")
  std::vector<Span> sentences;
};

struct SegmentationScores {
  size_t documents = 0;
  F1Counts tokens;
  F1Counts words;
  F1Counts sentences;
  void Add(const SegmentationScores& o);
};

// Reads gold texts from a CoNLL-U file, one per "# newdoc" (the whole file
// is one text if there is none). Errors name the file and line.
Result<std::vector<GoldText>> ReadConlluGold(const std::string& path);

// Segments gold.text and scores it. Errors: those of Segment().
Result<SegmentationScores> ScoreSegmentation(const GoldText& gold,
                                             const TextOptions& options = {});

}  // namespace curlew::text

#endif  // CURLEW_EVAL_SEGMENTATION_EVAL_H_
