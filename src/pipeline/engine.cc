#include "curlew/engine.h"

#include <algorithm>
#include <cstdlib>
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
#include "syntax/ptb.h"

namespace curlew {

std::string DataDir() {
  if (const char* env = std::getenv("CURLEW_DATA"); env && *env) return env;
  return std::string(CURLEW_SOURCE_DIR) + "/data";
}

std::string DataPath(std::string_view relative) {
  return DataDir() + "/" + std::string(relative);
}

Engine::~Engine() = default;

Result<std::unique_ptr<Engine>> Engine::Create(const EngineOptions& options) {
  std::unique_ptr<Engine> engine(new Engine());
  engine->options_ = options;
  if (engine->options_.data_dir.empty()) engine->options_.data_dir = DataDir();
  Status s = engine->pipeline_.Add(MakeTextComponent(options.text));
  if (!s.ok()) return s;
  if (options.use_given_parse) {
    s = engine->pipeline_.Add(MakeGivenParseComponent());
    if (!s.ok()) return s;
  }
  // curlew's own tagger, lemmatizer and parser, for every sentence that
  // came without a parse.
  std::string model_path =
      options.syntax_model.empty()
          ? engine->options_.data_dir + "/models/en_ewt.model"
          : options.syntax_model;
  auto model = SyntaxModel::Load(model_path);
  if (!model.ok()) return model.status();
  s = engine->pipeline_.Add(MakeSyntaxComponent(*model));
  if (!s.ok()) return s;
  // Event coding: a PETRARCH-format set given by the user, else the
  // built-in knowledge base (data/kb) when it is there.
  std::string dicts = options.dicts_dir;
  if (dicts.empty()) {
    std::string kb = engine->options_.data_dir + "/kb";
    if (std::filesystem::exists(kb + "/PETR_config.ini")) dicts = kb;
  }
  if (!dicts.empty()) {
    auto loaded = LoadDictionaries(dicts);
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
    auto gazetteer =
        Gazetteer::Load(engine->options_.data_dir + "/kb/places.tsv");
    if (!gazetteer.ok()) return gazetteer.status();
    std::shared_ptr<const Gazetteer> places = std::move(*gazetteer);
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
    s = engine->pipeline_.Add(MakePlaceComponent(std::move(places)));
    if (!s.ok()) return s;
  }
  return engine;
}

Status Engine::Process(Document& doc) const { return pipeline_.Process(doc); }

LedgerInput Engine::LedgerInputOf(const Document& doc) const {
  if (!coder_) {
    LedgerInput in;
    in.doc_id = doc.id;
    in.doc_date = doc.date;
    return in;
  }
  return ExtractLedgerInput(doc, country_codes_);
}

}  // namespace curlew
