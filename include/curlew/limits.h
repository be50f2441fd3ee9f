// Limits: every bound curlew puts on its input, in one place (RE2's
// max_mem idea). Input beyond a limit is an error value or a warning that
// names the document and the byte position, never a crash, a hang or a
// silent skip.
//
// ReaderOptions and EngineOptions carry one Limits each; the engine hands
// the relevant fields to its stages (text, syntax, events, time, places).
// The CLI sets them from --max-document-bytes and friends.
//
// Thread safety: a plain value.
#ifndef CURLEW_LIMITS_H_
#define CURLEW_LIMITS_H_

#include <cstddef>

#include "curlew/status.h"

namespace curlew {

struct Limits {
  // Longest document (or JSONL line, or PETRARCH XML record) accepted, in
  // bytes; longer input is rejected and skipped without being held in
  // memory. Default: 16 MiB.
  size_t max_document_bytes = 16u << 20;
  // Longest run of words kept as one sentence by the splitter; a longer run
  // is cut into pieces of this size (each cut is a warning). Default: 400.
  size_t max_sentence_tokens = 400;
  // Longest sentence the event coder codes, in tokens; a longer sentence
  // gives no events and a warning naming it. Default: 300.
  size_t max_coded_sentence_tokens = 300;
  // Longest sentence the tagger and parser annotate, in tokens; a longer
  // one is an error for its document. Default: 2000.
  size_t max_parsed_sentence_tokens = 2000;
  // Longest CoNLL-U sentence, in words. Default: 10000.
  size_t max_conllu_words = 10000;
  // Largest Penn Treebank parse given with a document: nodes and depth.
  // Defaults: 20000 and 1000.
  size_t max_ptb_nodes = 20000;
  size_t max_ptb_depth = 1000;
  // Largest dictionary file (PETRARCH verbs, actors, ...), in bytes.
  // Default: 1 GiB.
  size_t max_dictionary_bytes = size_t{1} << 30;

  // Ok, or kInvalidArgument naming the first field that is zero or out of
  // range.
  Status Validate() const;
};

}  // namespace curlew

#endif  // CURLEW_LIMITS_H_
