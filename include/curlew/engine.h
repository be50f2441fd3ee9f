// Engine: the front door. Loads models and dictionaries once, assembles the
// pipeline (text -> syntax -> actors/events -> time/places) and codes
// documents.
//
//   auto engine = curlew::Engine::Create({});
//   if (!engine.ok()) { ...engine.status()... }
//   curlew::Document doc{.id = "a1", .date = "2020-12-31", .text = "..."};
//   curlew::Status s = (*engine)->Process(doc);   // doc.events filled
//
// Thread safety: an Engine is immutable after Create(); Process() may be
// called from many threads at once, each with its own Document.
#ifndef CURLEW_ENGINE_H_
#define CURLEW_ENGINE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "curlew/document.h"
#include "curlew/env.h"
#include "curlew/ledger.h"
#include "curlew/limits.h"
#include "curlew/pipeline.h"
#include "curlew/places.h"
#include "curlew/status.h"
#include "curlew/text.h"

namespace curlew {

struct EngineOptions {
  // Folder of curlew's data (knowledge base, models). Default: DataDir().
  std::string data_dir;
  // Folder of a PETRARCH-format dictionary set to code with instead of the
  // built-in knowledge base. Default: empty (built-in).
  std::string dicts_dir;
  // Folders of a user's PETRARCH-format files (actors, agents, verbs, ...)
  // stacked on top of the set above, the first on top; the built-in set
  // keeps curlew's news conventions. Default: none.
  std::vector<std::string> add_dicts_dirs;
  // Syntax model file. Default: <data_dir>/models/en_ewt.model.
  std::string syntax_model;
  // Use a Penn Treebank parse supplied with a document (PETRARCH XML)
  // instead of curlew's own parser. Default: true.
  bool use_given_parse = true;
  // Start reading the syntax model in the background as the engine is
  // created, for input that will be parsed (plain text): the load then
  // overlaps the dictionaries'. Default: false (read when the first
  // sentence without a parse needs it; never for input that is all
  // parsed).
  bool preload_syntax = false;
  // Bounds on the input; the engine hands them to its stages. A sentence
  // over limits.max_coded_sentence_tokens gives no events and a warning on
  // the Document.
  Limits limits;
};

class Engine {
 public:
  static Result<std::unique_ptr<Engine>> Create(const EngineOptions& options);
  ~Engine();

  // Runs the whole pipeline on `doc`. Errors name the document; what was
  // done only in part (a sentence too long to code) is in doc.warnings.
  Status Process(Document& doc) const;

  // What a processed document says about agreements and commitments, for
  // the ledger (empty when no coder is loaded).
  LedgerInput LedgerInputOf(const Document& doc) const;

  const Pipeline& pipeline() const { return pipeline_; }
  const EngineOptions& options() const { return options_; }
  // The gazetteer that names the events' places (null when no coder is
  // loaded); output formats take coordinates and countries from it.
  const std::shared_ptr<const Gazetteer>& places() const { return places_; }

 private:
  Engine() = default;
  EngineOptions options_;
  Pipeline pipeline_;
  std::shared_ptr<const class Coder> coder_;  // for actor look-ups
  std::shared_ptr<const Gazetteer> places_;
  // Codes that can be parties to agreements: the gazetteer's countries.
  std::vector<std::string> country_codes_;  // sorted
  // What the ledger knows besides the text (data/kb: memberships of
  // organisations, other names of agreements); null without a coder.
  std::shared_ptr<const struct LedgerKnowledge> ledger_knowledge_;
};

}  // namespace curlew

#endif  // CURLEW_ENGINE_H_
