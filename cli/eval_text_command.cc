// curlew eval-text FILE.conllu: scores the sentence splitter and tokenizer
// against a gold CoNLL-U file (CoNLL 2018 style) and prints one JSON line.
#include <cstdio>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "command.h"
#include "eval/segmentation_eval.h"
#include "output.h"

namespace curlew::cli::eval_text_command {
namespace {

struct EvalTextArgs {
  std::string file;
  bool errors = false;
};

void AddScores(nlohmann::ordered_json& j, const char* name,
               const text::F1Counts& c) {
  auto round = [](double x) {
    return static_cast<double>(static_cast<int64_t>(x * 10000 + 0.5)) / 100.0;
  };
  j[std::string(name) + "_precision"] = round(c.Precision());
  j[std::string(name) + "_recall"] = round(c.Recall());
  j[std::string(name) + "_f1"] = round(c.F1());
  j[std::string("gold_") + name + "s"] = c.gold;
}

int RunEvalText(const EvalTextArgs& args) {
  auto gold = text::ReadConlluGold(args.file);
  if (!gold.ok()) return Fail("eval-text", gold.status());
  text::SegmentationScores total;
  for (const text::GoldText& g : *gold) {
    auto s = text::ScoreSegmentation(g);
    if (!s.ok()) {
      PrintError("eval-text", s.status());
      continue;
    }
    total.Add(*s);
  }
  if (total.documents == 0) {
    return Fail("eval-text",
                Status::Error(ErrorCode::kEmptyInput,
                              "no document could be scored", args.file));
  }
  nlohmann::ordered_json j;
  j["file"] = args.file;
  j["documents"] = total.documents;
  AddScores(j, "token", total.tokens);
  AddScores(j, "word", total.words);
  AddScores(j, "sentence", total.sentences);
  return WriteResult("eval-text", j.dump() + "\n", kExitOk);
}

Runner SetUp(CLI::App& sub) {
  auto args = std::make_shared<EvalTextArgs>();
  sub.add_option("file", args->file, "gold CoNLL-U file")->required();
  return [args] { return RunEvalText(*args); };
}

const Command kEvalText(
    "eval-text",
    "score sentence splitting and tokenization against a CoNLL-U file", &SetUp);

}  // namespace
}  // namespace curlew::cli::eval_text_command
