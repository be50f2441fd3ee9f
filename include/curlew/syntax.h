// The syntax stage: part-of-speech tagger (UPOS + Penn XPOS), lemmatizer and
// labelled dependency parser (Universal Dependencies relations), all in one
// model file trained by curlew's own trainer (`curlew train-syntax`).
//
//   auto model = curlew::SyntaxModel::Load("data/models/en_ewt.model");
//   if (!model.ok()) { ... model.status() ... }   // kNotFound, kCorruptModel
//   curlew::Status s = (*model)->Annotate(doc);   // every sentence of doc
//
// The tagger is a greedy averaged perceptron in two passes (the second sees
// the first pass's tags of the next words, and runs only where the first
// pass was unsure), with WordNet's parts of speech as a dictionary feature;
// the lemmatizer combines a lexicon learned from the treebank, WordNet's
// exception lists and learned suffix rules; the parser is an arc-hybrid
// transition parser with an averaged perceptron trained with a dynamic
// oracle; a punctuation attacher then re-places punctuation marks. WordNet
// (Debian's wordnet-base, /usr/share/wordnet) is read once at load; it is
// not part of the model file.
//
// Ownership and thread safety: a SyntaxModel is immutable after Load() and
// shared through std::shared_ptr; Annotate() is const and may run on many
// threads at once (each call keeps its scratch memory on its own stack).
#ifndef CURLEW_SYNTAX_H_
#define CURLEW_SYNTAX_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "curlew/document.h"
#include "curlew/pipeline.h"
#include "curlew/status.h"

namespace curlew {

namespace syntax {
struct ModelData;
}

struct SyntaxOptions {
  // Longest sentence annotated, in tokens; longer ones are an error
  // (kLimitExceeded). Default: 2000.
  size_t max_sentence_tokens = 2000;
  // WordNet's folder (index.* and *.exc files). Default:
  // /usr/share/wordnet. A missing folder weakens the tagger and lemmatizer
  // (the model was trained with it).
  std::string wordnet_dir = "/usr/share/wordnet";
  // The tagger's finite-verb rule: in a sentence of four or more words with
  // no finite verb, the participle most nearly scored as a past tense is
  // tagged as one ("Police arrested students", read with "arrested" as a
  // participle, has no subject and no event). See syntax/tagger.h.
  bool finite_verb_rule = true;
};

class SyntaxModel {
 public:
  // Loads a model file written by TrainSyntaxModel(). A missing file is
  // kNotFound; a truncated or corrupted one (bad magic, version, checksum
  // or structure) is kCorruptModel; both name the file.
  static Result<std::shared_ptr<const SyntaxModel>> Load(
      const std::string& path, const SyntaxOptions& options = {});
  ~SyntaxModel();

  // Tags, lemmatises and parses one sentence of `doc` (fills Token::upos,
  // xpos, lemma, head, deprel). Words are read from Document::text.
  Status Annotate(Document& doc, const Sentence& sentence) const;
  // Every sentence of `doc`.
  Status Annotate(Document& doc) const;

  // Only the parser, on tags already in the tokens (for evaluation).
  Status Parse(Document& doc, const Sentence& sentence) const;

  // "tags=50 labels=40 tagger_features=... parser_features=..."
  std::string Describe() const;

 private:
  SyntaxModel();
  // Ok if the sentence's tokens and their spans lie inside `doc` and the
  // sentence is within max_sentence_tokens.
  Status Check(const Document& doc, const Sentence& sentence) const;
  std::unique_ptr<syntax::ModelData> data_;
  SyntaxOptions options_;
};

// The "syntax" pipeline component: requires kTokens | kSentences, assigns
// kTags | kLemmas | kTree. Sentences whose tokens already have heads (a
// given parse) are left alone.
std::unique_ptr<Component> MakeSyntaxComponent(
    std::shared_ptr<const SyntaxModel> model);

// The same component over a model file that is loaded the first time a
// sentence without a given parse needs it (once; then shared by every
// thread): a run over documents that all come with parses never reads the
// model. The file must be there (kNotFound otherwise, naming it); an error
// loading it later (kCorruptModel) is returned by Process() for each
// document that needs the model. With `load_now`, a thread starts reading
// the model at once (for input that will be parsed: the load overlaps
// whatever the caller does next, such as loading dictionaries); the first
// sentence that needs it waits for it, and the component's destructor
// joins the thread.
Result<std::unique_ptr<Component>> MakeLazySyntaxComponent(
    const std::string& model_path, const SyntaxOptions& options = {},
    bool load_now = false);

struct SyntaxTrainOptions {
  std::string train_path;  // CoNLL-U training file (required)
  std::string dev_path;    // CoNLL-U development file (optional)
  std::string out_path;    // model file to write (required)
  uint64_t seed = 1;       // shuffling and exploration; same seed, same model
  int tagger_epochs = 8;   // passes over the training data
  int parser_epochs = 12;
  // The parser's beam (1: greedy, trained with the dynamic oracle; more:
  // trained globally with that beam, and parsing with it). At most 256.
  int parser_beam = 1;
  // Passes of the punctuation attacher (0: none; the parser's attachment
  // of punctuation stays).
  int punct_epochs = 8;
  // Jackknife folds: the tagger's second pass learns on the first pass's
  // held-out tags, the parser on both passes' (as it will see them); 0 or
  // 1 = one tagger pass and a parser trained on gold tags.
  int jackknife_folds = 5;
  // Features whose largest averaged weight is below this fraction of the
  // model's largest weight are dropped from the file. Default: 0.
  float prune = 0.0f;
  // Largest model file; pruning is raised step by step until the file
  // fits. Default: 30,000,000 bytes.
  size_t max_model_bytes = 30000000;
  // WordNet's folder, read for the tagger's dictionary feature and the
  // lemmatizer (as at load: SyntaxOptions::wordnet_dir).
  std::string wordnet_dir = "/usr/share/wordnet";
  // Optional feature groups of the tagger and the parser (bit sets, see
  // src/syntax/tagger.h and parser.h; data/models/README.md says which the
  // committed model uses). Default: none.
  uint32_t tagger_features = 0;
  uint32_t parser_features = 0;
  // Word clusters induced from the training text (when a feature group
  // uses them).
  int cluster_classes = 256;
  // For experiments on the parser: if this file exists, the tagger and the
  // parser's jackknifed training tags are read from it instead of trained
  // (it must come from a run with the same tagger options); if not, they
  // are written to it. The parser's shuffling then differs from a full
  // run. Default: empty (none).
  std::string tagger_cache;
  // If set: take the parser from this model (trained on the same file) and
  // train only tagger and lemmatizer. Default: empty.
  std::string reuse_model;
  // Progress lines ("parser epoch 3: dev UAS 86.1") go to this callback
  // when set.
  void (*progress)(const std::string& line) = nullptr;
};

// Trains tagger, lemmatizer and parser and writes the model file.
// Deterministic for a fixed seed. Single-threaded.
Status TrainSyntaxModel(const SyntaxTrainOptions& options);

// Scores of a system annotation against gold, CoNLL 2018 style:
// punctuation included, LAS compares the universal part of the relation
// (before ':').
struct SyntaxScores {
  size_t gold_words = 0, system_words = 0, aligned_words = 0;
  size_t upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0;  // correct counts
  // F1 of a count over gold and system words, in percent (equal to accuracy
  // when tokenization is gold).
  double F1(size_t correct) const;
};

// Clears every token's tags, lemma and tree, keeping the words: the system
// side of an evaluation with gold tokenization.
void ClearSyntax(Document& doc);

// Compares two documents of the same words (gold tokenization).
SyntaxScores ScoreSameTokens(const Document& gold, const Document& system);

// Compares documents whose words may differ, aligning words by character
// offsets of their non-whitespace characters, as the CoNLL 2018 evaluation
// does. Both texts must have the same non-whitespace characters.
Result<SyntaxScores> ScoreAligned(const Document& gold, const Document& system);

}  // namespace curlew

#endif  // CURLEW_SYNTAX_H_
