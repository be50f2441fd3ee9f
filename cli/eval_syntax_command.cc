// curlew eval-syntax FILE.conllu [--model PATH] [--raw] [--gold-tags]: scores
// the syntax model against a treebank and prints one JSON line.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "command.h"
#include "curlew/engine.h"
#include "curlew/syntax.h"
#include "curlew/text.h"
#include "io/conllu.h"
#include "output.h"

namespace curlew::cli::eval_syntax_command {
namespace {

struct Args {
  std::string file;
  std::string model;
  bool raw = false;
  bool gold_tags = false;
  std::string output;
};

// The raw text of a treebank: the "# text" lines, a space between sentences
// of a paragraph and a blank line between paragraphs and documents.
std::string RawText(const std::vector<ConlluSentence>& sentences) {
  std::string text;
  for (const ConlluSentence& s : sentences) {
    bool new_par = false;
    for (const std::string& c : s.comments) {
      if (c.rfind("# newpar", 0) == 0 || c.rfind("# newdoc", 0) == 0) {
        new_par = true;
      }
    }
    if (!text.empty()) text += new_par ? "\n\n" : " ";
    text += s.Comment("text");
  }
  return text;
}

int Run(const Args& args) {
  std::string path =
      args.model.empty() ? DataPath("models/en_ewt.model") : args.model;
  auto model = SyntaxModel::Load(path);
  if (!model.ok()) {
    std::fprintf(stderr, "curlew eval-syntax: %s\n",
                 model.status().ToString().c_str());
    return kExitFailure;
  }
  std::vector<ConlluSentence> sentences;
  Result<Document> gold = ReadConlluFile(args.file, &sentences);
  if (!gold.ok()) {
    std::fprintf(stderr, "curlew eval-syntax: %s\n",
                 gold.status().ToString().c_str());
    return kExitFailure;
  }
  Document sys;
  sys.id = args.file;
  if (args.raw) {
    sys.text = RawText(sentences);
    Status s = Segment(sys);
    if (!s.ok()) {
      std::fprintf(stderr, "curlew eval-syntax: %s\n", s.ToString().c_str());
      return kExitFailure;
    }
  } else {
    sys = *gold;
    ClearSyntax(sys);
  }
  const bool gold_tags = args.gold_tags && !args.raw;
  if (gold_tags) {
    // Parser alone, on the treebank's own tags and lemmas.
    for (size_t i = 0; i < sys.tokens.size(); ++i) {
      sys.tokens[i].upos = gold->tokens[i].upos;
      sys.tokens[i].xpos = gold->tokens[i].xpos;
      sys.tokens[i].lemma = gold->tokens[i].lemma;
    }
  }
  auto start = std::chrono::steady_clock::now();
  Status s;
  if (gold_tags) {
    for (const Sentence& sent : sys.sentences) {
      s = (*model)->Parse(sys, sent);
      if (!s.ok()) break;
    }
  } else {
    s = (*model)->Annotate(sys);
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  if (!s.ok()) {
    std::fprintf(stderr, "curlew eval-syntax: %s\n", s.ToString().c_str());
    return kExitFailure;
  }
  if (!args.output.empty()) {
    std::unique_ptr<Output> out = Output::Open("eval-syntax", args.output);
    if (!out) return kExitFailure;
    for (const Sentence& sent : sys.sentences) {
      WriteConllu(sys, sent, out->stream());
    }
    if (out->Finish(kExitOk) != kExitOk) return kExitFailure;
  }
  SyntaxScores sc;
  if (args.raw) {
    auto r = ScoreAligned(*gold, sys);
    if (!r.ok()) {
      std::fprintf(stderr, "curlew eval-syntax: %s\n",
                   r.status().ToString().c_str());
      return kExitFailure;
    }
    sc = *r;
  } else {
    sc = ScoreSameTokens(*gold, sys);
  }
  auto round2 = [](double v) { return std::round(v * 100.0) / 100.0; };
  nlohmann::json j;
  j["file"] = args.file;
  j["raw"] = args.raw;
  j["gold_words"] = sc.gold_words;
  j["system_words"] = sc.system_words;
  j["words"] = round2(sc.F1(sc.aligned_words));
  j["upos"] = round2(sc.F1(sc.upos));
  j["xpos"] = round2(sc.F1(sc.xpos));
  j["lemma"] = round2(sc.F1(sc.lemma));
  j["uas"] = round2(sc.F1(sc.uas));
  j["las"] = round2(sc.F1(sc.las));
  j["tokens_per_second"] =
      std::round(seconds > 0 ? sys.tokens.size() / seconds : 0.0);
  return WriteResult("eval-syntax", j.dump() + "\n", kExitOk);
}

Runner SetUp(CLI::App& app) {
  auto args = std::make_shared<Args>();
  app.add_option("file", args->file, "CoNLL-U file with gold annotation")
      ->required();
  app.add_option("--model", args->model,
                 "syntax model (default: data/models/en_ewt.model)");
  app.add_flag("--raw", args->raw,
               "start from the '# text' lines through curlew's own sentence "
               "splitter and tokenizer");
  app.add_flag("--gold-tags", args->gold_tags,
               "parse on the file's own tags (the parser alone; ignored "
               "with --raw)");
  app.add_option("--out", args->output,
                 "also write the system annotation to this CoNLL-U file");
  return [args]() { return Run(*args); };
}

Command kEvalSyntax("eval-syntax",
                    "score the tagger, lemmatizer and parser on a treebank",
                    &SetUp);

}  // namespace
}  // namespace curlew::cli::eval_syntax_command
