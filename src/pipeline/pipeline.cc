#include "curlew/pipeline.h"

#include <string>
#include <utility>

namespace curlew {

Status Pipeline::Add(std::unique_ptr<Component> component) {
  const uint32_t missing = component->requires_annotations() & ~available_;
  if (missing != 0) {
    return Status::Error(
        ErrorCode::kInvalidArgument,
        "component '" + std::string(component->name()) +
            "' requires annotations that no earlier component assigns (mask " +
            std::to_string(missing) + ")",
        "pipeline");
  }
  available_ |= component->assigns_annotations();
  components_.push_back(std::move(component));
  return Status();
}

Status Pipeline::Process(Document& doc) const {
  for (const auto& c : components_) {
    Status s = c->Process(doc);
    if (!s.ok()) return s.WithWhere(doc.id);
  }
  return Status();
}

std::string Pipeline::Describe() const {
  std::string out;
  for (const auto& c : components_) {
    if (!out.empty()) out += ',';
    out += c->name();
  }
  return out;
}

}  // namespace curlew
