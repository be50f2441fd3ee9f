#include "curlew/engine.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>

#include "actors/actors_stage.h"
#include "curlew/places.h"
#include "curlew/syntax.h"
#include "curlew/text.h"
#include "curlew/time.h"
#include "events/coder.h"
#include "events/dictionaries.h"
#include "ledger/extract.h"
#include "ledger/knowledge.h"
#include "syntax/ptb.h"

namespace curlew {

Engine::~Engine() = default;

Result<std::unique_ptr<Engine>> Engine::Create(const EngineOptions& options) {
  std::unique_ptr<Engine> engine(new Engine());
  engine->options_ = options;
  if (engine->options_.data_dir.empty()) engine->options_.data_dir = DataDir();
  const Limits& limits = options.limits;
  Status s = limits.Validate();
  if (!s.ok()) return s;
  TextOptions text_options;
  text_options.max_document_bytes = limits.max_document_bytes;
  text_options.max_sentence_tokens = limits.max_sentence_tokens;
  s = engine->pipeline_.Add(MakeTextComponent(text_options));
  if (!s.ok()) return s;
  if (options.use_given_parse) {
    PtbOptions ptb_options;
    ptb_options.max_nodes = limits.max_ptb_nodes;
    ptb_options.max_depth = limits.max_ptb_depth;
    s = engine->pipeline_.Add(MakeGivenParseComponent(ptb_options));
    if (!s.ok()) return s;
  }
  // curlew's own tagger, lemmatizer and parser, for every sentence that
  // came without a parse (the model is read when the first one comes, or
  // from now on in the background with preload_syntax).
  std::string model_path =
      options.syntax_model.empty()
          ? engine->options_.data_dir + "/models/en_ewt.model"
          : options.syntax_model;
  SyntaxOptions syntax_options;
  syntax_options.max_sentence_tokens = limits.max_parsed_sentence_tokens;
  auto syntax = MakeLazySyntaxComponent(model_path, syntax_options,
                                        options.preload_syntax);
  if (!syntax.ok()) return syntax.status();
  s = engine->pipeline_.Add(std::move(*syntax));
  if (!s.ok()) return s;
  // Event coding: a PETRARCH-format set given by the user, else the
  // built-in knowledge base (data/kb) when it is there.
  std::string dicts = options.dicts_dir;
  if (dicts.empty()) {
    std::string kb = engine->options_.data_dir + "/kb";
    if (std::filesystem::exists(kb + "/PETR_config.ini")) dicts = kb;
  }
  if (dicts.empty() && !options.add_dicts_dirs.empty())
    return Status::Error(ErrorCode::kNotFound,
                         "--add-dicts needs the built-in knowledge base",
                         engine->options_.data_dir + "/kb");
  if (!dicts.empty()) {
    auto loaded = LoadDictionaries(dicts, options.add_dicts_dirs);
    if (!loaded.ok()) return loaded.status();
    // The CAMEO table gives Goldstein and PLOVER fields; without it the
    // coder still fills root and quad class.
    std::shared_ptr<CameoTable> cameo;
    std::string table = engine->options_.data_dir + "/cameo/cameo.tsv";
    if (std::filesystem::exists(table)) {
      cameo = std::make_shared<CameoTable>();
      s = cameo->Load(table);
      if (!s.ok()) return s;
    }
    // Real news with the built-in set: curlew's conventions; a user's
    // PETRARCH set keeps PETRARCH's reading.
    CoderOptions coder_options;
    coder_options.news_conventions = options.dicts_dir.empty();
    coder_options.max_sentence_tokens = limits.max_coded_sentence_tokens;
    auto gazetteer =
        Gazetteer::Load(engine->options_.data_dir + "/kb/places.tsv");
    if (!gazetteer.ok()) return gazetteer.status();
    std::shared_ptr<const Gazetteer> places = std::move(*gazetteer);
    engine->places_ = places;
    if (coder_options.news_conventions) coder_options.places = places;
    ActorOptions actor_options;
    actor_options.news_conventions = coder_options.news_conventions;
    s = engine->pipeline_.Add(MakeActorsComponent(*loaded, actor_options));
    if (!s.ok()) return s;
    engine->coder_ =
        std::make_shared<const Coder>(*loaded, coder_options, std::move(cameo));
    s = engine->pipeline_.Add(MakeCoderComponent(engine->coder_));
    if (!s.ok()) return s;
    // When and where: from each event's sentence and the document date.
    s = engine->pipeline_.Add(MakeDateComponent());
    if (!s.ok()) return s;
    for (const Place& p : places->places())
      if (p.kind == PlaceKind::kCountry)
        engine->country_codes_.push_back(p.country);
    std::sort(engine->country_codes_.begin(), engine->country_codes_.end());
    auto knowledge = LedgerKnowledge::Load(engine->options_.data_dir + "/kb");
    if (!knowledge.ok()) return knowledge.status();
    engine->ledger_knowledge_ =
        std::make_shared<const LedgerKnowledge>(std::move(*knowledge));
    s = engine->pipeline_.Add(MakePlaceComponent(std::move(places)));
    if (!s.ok()) return s;
  }
  return engine;
}

Status Engine::Process(Document& doc) const {
  Status s = pipeline_.Process(doc);
  if (!s.ok() || !coder_) return s;
  // The coder passes over a sentence longer than its limit; the document
  // says so rather than coming out with fewer events in silence.
  const size_t limit = options_.limits.max_coded_sentence_tokens;
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& sentence = doc.sentences[i];
    if (sentence.size() <= limit) continue;
    doc.warnings.push_back(
        Status::Error(ErrorCode::kLimitExceeded,
                      "sentence " + std::to_string(i) + " has " +
                          std::to_string(sentence.size()) +
                          " tokens, over max_coded_sentence_tokens (" +
                          std::to_string(limit) + "); its events are not coded",
                      doc.id, sentence.span.begin));
  }
  return s;
}

LedgerInput Engine::LedgerInputOf(const Document& doc) const {
  if (!coder_) {
    LedgerInput in;
    in.doc_id = doc.id;
    in.doc_date = doc.date;
    return in;
  }
  return ExtractLedgerInput(doc, country_codes_, ledger_knowledge_.get());
}

}  // namespace curlew
