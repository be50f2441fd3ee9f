#include "eval/event_eval.h"

#include <algorithm>
#include <fstream>
#include <functional>
#include <set>
#include <utility>

#include <nlohmann/json.hpp>

namespace curlew::events {

std::string EvalTriple::ToString() const {
  return (source.empty() ? "-" : source) + "->" +
         (target.empty() ? "-" : target) + " " + root;
}

std::string ScoreKey(std::string_view code) {
  if (code.empty() || code.starts_with("---")) return "";
  for (std::string_view org : {"IGO", "NGO", "IMG", "MNC"}) {
    if (code.starts_with(org)) return std::string(code.substr(0, 6));
  }
  return std::string(code.substr(0, 3));
}

EvalTriple ExpectedTriple(const nlohmann::json& e) {
  return {ScoreKey(e.value("source", "")), ScoreKey(e.value("target", "")),
          e.at("root").get<std::string>()};
}

Status ForEachEvalLine(
    const std::string& path,
    const std::function<void(const nlohmann::json&, int64_t)>& read) {
  std::ifstream in(path);
  if (!in) {
    return Status::Error(ErrorCode::kNotFound, "cannot open evaluation file",
                         path);
  }
  std::string line;
  int64_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      read(nlohmann::json::parse(line), line_no);
    } catch (const nlohmann::json::exception& e) {
      return Status::LineError(ErrorCode::kParseError, e.what(), path, line_no);
    }
  }
  return Status();
}

Result<std::vector<EvalItem>> ReadEvalFile(const std::string& path) {
  std::vector<EvalItem> items;
  Status s = ForEachEvalLine(path, [&](const nlohmann::json& j, int64_t n) {
    EvalItem item;
    item.id = j.value("id", "line " + std::to_string(n));
    item.date = j.value("date", "");
    item.text = j.at("text").get<std::string>();
    for (const auto& e : j.value("events", nlohmann::json::array())) {
      item.expected.push_back(ExpectedTriple(e));
    }
    items.push_back(std::move(item));
  });
  if (!s.ok()) return s;
  return items;
}

EventEvalScores EvaluateEvents(const Pipeline& pipeline,
                               const std::vector<EvalItem>& items) {
  EventEvalScores scores;
  for (const EvalItem& item : items) {
    Document doc;
    doc.id = item.id;
    doc.date = item.date;
    doc.text = item.text;
    std::set<EvalTriple> coded;
    if (pipeline.Process(doc).ok()) {
      for (const Event& e : doc.events) {
        // An act reported as not done is no event of this set.
        if (e.modality == "negated") continue;
        coded.insert({ScoreKey(e.source), ScoreKey(e.target), e.root});
      }
    }
    std::set<EvalTriple> expected(item.expected.begin(), item.expected.end());
    std::string coded_list;
    for (const EvalTriple& t : coded) {
      coded_list += (coded_list.empty() ? "" : ", ") + t.ToString();
    }
    ++scores.sentences;
    scores.expected += static_cast<int>(expected.size());
    scores.predicted += static_cast<int>(coded.size());
    for (const EvalTriple& t : coded) {
      if (expected.count(t)) {
        ++scores.correct;
      } else {
        scores.errors.push_back({item.id, item.text, false, t, coded_list});
      }
    }
    for (const EvalTriple& t : expected) {
      if (!coded.count(t)) {
        scores.errors.push_back({item.id, item.text, true, t, coded_list});
      }
    }
  }
  return scores;
}

}  // namespace curlew::events
