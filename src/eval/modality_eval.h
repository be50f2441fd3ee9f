// Modality evaluation: scores the events an Engine codes against sentences
// whose expected events carry a modality and a speaker
// (tests/data/modality_sentences.jsonl and event_shapes.jsonl; format and
// scoring rules in tests/data/README.md).
//
// A sentence is right when every expected event is coded with its source,
// target and root (by ScoreKey), its modality and its speaker (by
// ScoreKey), or as its `alt` reading; and no `not_asserted` triple is coded
// as asserted. Results are grouped by the sentence's `shape` when it has
// one, else by its `class`.
//
// Thread safety: plain functions and values; EvaluateModality() only reads
// the Pipeline.
#ifndef CURLEW_EVAL_MODALITY_EVAL_H_
#define CURLEW_EVAL_MODALITY_EVAL_H_

#include <map>
#include <string>
#include <vector>

#include "curlew/pipeline.h"
#include "curlew/status.h"
#include "eval/event_eval.h"

namespace curlew::events {

// One expected event with its modality, keys already applied.
struct ModalEvent {
  EvalTriple triple;
  std::string modality;
  std::string speaker;  // ScoreKey of the speaker code
  // The codebook's reading of the statement ("alt"): root and modality;
  // empty root when there is none.
  std::string alt_root, alt_modality;
};

struct ModalItem {
  std::string id, date, text;
  std::string group;  // `shape` if present, else `class`
  std::vector<ModalEvent> expected;
  std::vector<EvalTriple> not_asserted;
};

struct ModalityScores {
  struct Group {
    int sentences = 0;
    int right = 0;
  };
  std::map<std::string, Group> groups;
  int sentences = 0;
  int right = 0;
  // not_asserted triples coded as asserted (the set's hard rule).
  int asserted_violations = 0;
  std::vector<std::string> errors;  // one line per wrong sentence
};

Result<std::vector<ModalItem>> ReadModalityFile(const std::string& path);

ModalityScores EvaluateModality(const Pipeline& pipeline,
                                const std::vector<ModalItem>& items);

}  // namespace curlew::events

#endif  // CURLEW_EVAL_MODALITY_EVAL_H_
