#include "eval/modality_eval.h"

#include <nlohmann/json.hpp>

namespace curlew::events {

Result<std::vector<ModalItem>> ReadModalityFile(const std::string& path) {
  std::vector<ModalItem> items;
  Status s = ForEachEvalLine(path, [&](const nlohmann::json& j, int64_t n) {
    ModalItem item;
    item.id = j.value("id", "line " + std::to_string(n));
    item.date = j.value("date", "");
    item.text = j.at("text").get<std::string>();
    item.group = j.value("shape", j.value("class", ""));
    for (const auto& e : j.value("events", nlohmann::json::array())) {
      ModalEvent m;
      m.triple = ExpectedTriple(e);
      m.modality = e.value("modality", "asserted");
      m.speaker = ScoreKey(e.value("speaker", ""));
      if (e.contains("alt") && e["alt"].is_object()) {
        m.alt_root = e["alt"].value("root", m.triple.root);
        m.alt_modality = e["alt"].value("modality", "asserted");
      }
      item.expected.push_back(std::move(m));
    }
    for (const auto& e : j.value("not_asserted", nlohmann::json::array()))
      item.not_asserted.push_back(ExpectedTriple(e));
    items.push_back(std::move(item));
  });
  if (!s.ok()) return s;
  return items;
}

namespace {

bool Found(const ModalEvent& want, const std::vector<Event>& coded) {
  for (const Event& e : coded) {
    if (ScoreKey(e.source) != want.triple.source ||
        ScoreKey(e.target) != want.triple.target ||
        ScoreKey(e.speaker) != want.speaker)
      continue;
    if (e.root == want.triple.root && e.modality == want.modality) return true;
    if (!want.alt_root.empty() && e.root == want.alt_root &&
        e.modality == want.alt_modality)
      return true;
  }
  return false;
}

std::string Describe(const Event& e) {
  return (e.source.empty() ? "-" : e.source) + "->" +
         (e.target.empty() ? "-" : e.target) + " " + e.cameo + " " +
         e.modality + (e.speaker.empty() ? "" : " by " + e.speaker);
}

}  // namespace

ModalityScores EvaluateModality(const Pipeline& pipeline,
                                const std::vector<ModalItem>& items) {
  ModalityScores scores;
  for (const ModalItem& item : items) {
    Document doc;
    doc.id = item.id;
    doc.date = item.date;
    doc.text = item.text;
    if (!pipeline.Process(doc).ok()) doc.events.clear();
    std::string why;
    for (const ModalEvent& m : item.expected)
      if (!Found(m, doc.events))
        why += " missing " + m.triple.ToString() + " " + m.modality +
               (m.speaker.empty() ? "" : " by " + m.speaker) + ";";
    for (const EvalTriple& t : item.not_asserted)
      for (const Event& e : doc.events)
        if (e.modality == "asserted" && ScoreKey(e.source) == t.source &&
            ScoreKey(e.target) == t.target && e.root == t.root) {
          ++scores.asserted_violations;
          why += " asserted " + t.ToString() + ";";
          break;
        }
    ModalityScores::Group& g = scores.groups[item.group];
    ++g.sentences;
    ++scores.sentences;
    if (why.empty()) {
      ++g.right;
      ++scores.right;
      continue;
    }
    std::string coded;
    for (const Event& e : doc.events)
      coded += (coded.empty() ? "" : ", ") + Describe(e);
    scores.errors.push_back(item.id + " [" + item.group + "]" + why +
                            " coded [" + coded + "]  " + item.text);
  }
  return scores;
}

}  // namespace curlew::events
