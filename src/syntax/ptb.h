// Penn Treebank input: reads a bracketed constituency parse, Stanford
// CoreNLP style ("(ROOT (S (NP (NNP Arnor)) (VP (VBD left)) (. .)))"), and
// converts it with head rules into curlew's dependency tree (UD-style
// relations in Token::head / Token::deprel, Penn tag in Token::xpos, a UPOS
// mapped from it), so that the event coder runs on a given parse exactly as
// on curlew's own parser.
//
// PtbTree owns its nodes and words. All functions are reentrant; nothing is
// shared between calls.
#ifndef CURLEW_SYNTAX_PTB_H_
#define CURLEW_SYNTAX_PTB_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "curlew/document.h"
#include "curlew/pipeline.h"
#include "curlew/status.h"

namespace curlew {

// One constituent. A preterminal (POS tag over one word) has word >= 0 and
// no children.
struct PtbNode {
  std::string label;  // "NP", "VP", ... or a Penn tag; function tags removed
  int parent = -1;
  std::vector<int> children;
  int word = -1;  // word index for a preterminal, else -1
};

struct PtbTree {
  std::vector<PtbNode> nodes;      // nodes[0] is the top node
  std::vector<std::string> words;  // bracket escapes undone ("(" for -LRB-)
  std::vector<int> preterminal;    // node index of each word's preterminal
};

struct PtbOptions {
  // Largest number of nodes accepted in one tree. Default: 20000.
  size_t max_nodes = 20000;
  // Deepest bracket nesting accepted (the converter recurses). Default: 1000.
  size_t max_depth = 1000;
};

// Parses one bracketed tree starting at `*pos` in `text` and advances `*pos`
// past it. Errors carry the byte position of the problem.
Result<PtbTree> ParsePtb(std::string_view text, size_t* pos,
                         const PtbOptions& options = {});

// Parses every top-level tree in `text` (one per sentence).
Result<std::vector<PtbTree>> ParsePtbForest(std::string_view text,
                                            const PtbOptions& options = {});

// Converts a tree into tokens with xpos, upos, lemma (lower case), norm,
// head (1-based within the sentence, 0 = root) and deprel. Spans are left
// empty; see AlignTokens.
std::vector<Token> PtbToTokens(const PtbTree& tree);

// The lexical head word of every node (index into tree.words), by the same
// head rules the conversion uses.
std::vector<int> PtbHeads(const PtbTree& tree);

// Sets each token's span by finding its word in `text` from byte `from` on,
// in order; a word not found gets an empty span at the current position.
// Returns the position after the last aligned token.
uint32_t AlignTokens(std::string_view text, uint32_t from,
                     std::vector<Token>& tokens);

// Universal POS for a Penn tag ("NNS" -> "NOUN").
std::string_view PennToUpos(std::string_view xpos);

// Fills doc.sentences and doc.tokens (tags and tree included) from
// doc.ptb_parse, aligning the words to doc.text. If doc.text is empty it is
// rebuilt from the words.
Status BuildFromPtb(Document& doc, const PtbOptions& options = {});

// The "given-parse" component: for documents with a ptb_parse (assigns
// kSentences | kTokens | kTags | kLemmas | kTree).
std::unique_ptr<Component> MakeGivenParseComponent(
    const PtbOptions& options = {});

}  // namespace curlew

#endif  // CURLEW_SYNTAX_PTB_H_
