// curlew train-syntax --train FILE --dev FILE --out MODEL [--seed N]
// [--epochs N]: trains the tagger, lemmatizer and parser from CoNLL-U.
#include <cstdio>
#include <string>

#include "command.h"
#include "curlew/syntax.h"

namespace curlew::cli::train_syntax_command {
namespace {

Runner SetUp(CLI::App& app) {
  auto o = std::make_shared<SyntaxTrainOptions>();
  auto epochs = std::make_shared<int>(0);
  app.add_option("--train", o->train_path, "training CoNLL-U file")->required();
  app.add_option("--dev", o->dev_path, "development CoNLL-U file (scored)");
  app.add_option("--out", o->out_path, "model file to write")->required();
  app.add_option("--seed", o->seed, "random seed (default 1)");
  app.add_option("--epochs", *epochs,
                 "parser epochs (default 12; the tagger gets 2/3 of it)");
  CLI::Option* tagger_epochs =
      app.add_option("--tagger-epochs", o->tagger_epochs, "tagger epochs");
  app.add_option("--jackknife", o->jackknife_folds,
                 "folds for the parser's predicted training tags (default 5)");
  app.add_option("--prune", o->prune,
                 "drop parser features below this fraction of the largest "
                 "weight (default 0)");
  app.add_option("--max-model-bytes", o->max_model_bytes,
                 "largest model file; the parser is pruned until it fits "
                 "(default 30,000,000)");
  app.add_option("--tagger-features", o->tagger_features,
                 "optional tagger feature groups, a bit set: 1 more context, "
                 "2 word clusters (default 0; the committed model: 3)");
  app.add_option("--parser-features", o->parser_features,
                 "optional parser feature groups, a bit set: 1 word clusters "
                 "(default 0; the committed model: 1)");
  app.add_option("--parser-beam", o->parser_beam,
                 "the parser's beam: trained globally and parsing with it "
                 "(default 1: greedy)")
      ->check(CLI::Range(1, 256));
  app.add_option("--clusters", o->cluster_classes,
                 "word clusters induced from the training text (default "
                 "256)");
  app.add_option("--tagger-cache", o->tagger_cache,
                 "experiments on the parser: read the tagger and its "
                 "jackknifed tags from FILE if it exists, else write them "
                 "there");
  app.add_option("--reuse", o->reuse_model,
                 "take the parser from this model; train only the tagger and "
                 "lemmatizer");
  return [o, epochs, tagger_epochs]() {
    if (*epochs > 0) {
      o->parser_epochs = *epochs;
      if (tagger_epochs->count() == 0) {
        o->tagger_epochs = std::max(1, *epochs * 2 / 3);
      }
    }
    o->progress = [](const std::string& line) {
      std::fprintf(stderr, "train-syntax: %s\n", line.c_str());
    };
    Status s = TrainSyntaxModel(*o);
    if (!s.ok()) {
      std::fprintf(stderr, "curlew train-syntax: %s\n", s.ToString().c_str());
      return s.code() == ErrorCode::kInvalidArgument ? kExitUsage
                                                     : kExitFailure;
    }
    return kExitOk;
  };
}

Command kTrainSyntax("train-syntax",
                     "train the tagger, lemmatizer and parser from CoNLL-U",
                     &SetUp);

}  // namespace
}  // namespace curlew::cli::train_syntax_command
