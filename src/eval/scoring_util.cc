#include "eval/scoring_util.h"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

namespace curlew::eval {

std::vector<Event> CodeSentence(const Engine& engine, const std::string& id,
                                const std::string& date,
                                const std::string& text, Status* status) {
  Document doc;
  doc.id = id;
  doc.date = date;
  doc.text = text;
  Status s = engine.Process(doc);
  if (status != nullptr) *status = s;
  if (!s.ok()) return {};
  // The gold sets code what happened: an act reported as not done is no
  // event there (docs/modality.md).
  std::erase_if(doc.events,
                [](const Event& e) { return e.modality == "negated"; });
  return std::move(doc.events);
}

std::vector<Event> DistinctEvents(const std::vector<Event>& events) {
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  std::vector<Event> out;
  for (const Event& e : events) {
    if (seen.insert({e.source, e.target, e.cameo}).second) out.push_back(e);
  }
  return out;
}

std::string SharedDataPath(std::string_view relative) {
  const char* env = std::getenv("CURLEW_SHARED");
  std::string root = env != nullptr && *env != '\0'
                         ? std::string(env)
                         : std::string(CURLEW_SOURCE_DIR) + "/../shared";
  return root + "/" + std::string(relative);
}

Result<std::string> ReadWholeFile(const std::string& path,
                                  std::string_view what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::Error(ErrorCode::kNotFound,
                         "cannot open " + std::string(what), path);
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    return Status::Error(ErrorCode::kIoError,
                         "cannot read " + std::string(what), path);
  }
  return buffer.str();
}

double Share(int part, int whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / whole;
}

double Round4(double x) { return std::round(x * 10000.0) / 10000.0; }

std::string EventTriple(const Event& e) {
  return (e.source.empty() ? "-" : e.source) + "->" +
         (e.target.empty() ? "-" : e.target) + " " + e.cameo;
}

std::string EventList(const std::vector<Event>& events) {
  if (events.empty()) return "none";
  std::string out;
  for (const Event& e : events) {
    if (!out.empty()) out += ", ";
    out += EventTriple(e);
  }
  return out;
}

}  // namespace curlew::eval
