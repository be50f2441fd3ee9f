#include "curlew/engine.h"

#include <cstdlib>
#include <memory>
#include <string>

#include "curlew/text.h"

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
  return engine;
}

Status Engine::Process(Document& doc) const { return pipeline_.Process(doc); }

}  // namespace curlew
