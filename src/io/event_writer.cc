#include "io/event_writer.h"

#include <string>

#include <nlohmann/json.hpp>

namespace curlew::io {

std::string_view EventSentenceText(const Document& doc, const Event& e) {
  if (e.span_end > e.span_begin && e.span_end <= doc.text.size()) {
    return doc.SpanText(Span{e.span_begin, e.span_end});
  }
  if (e.sentence < doc.sentences.size()) {
    return doc.SpanText(doc.sentences[e.sentence].span);
  }
  return {};
}

namespace {

const std::string& EventDate(const Document& doc, const Event& e) {
  return e.date.empty() ? doc.date : e.date;
}

}  // namespace

nlohmann::ordered_json EventToJson(std::string_view doc_id,
                                   std::string_view date,
                                   std::string_view sentence_text,
                                   const Event& e) {
  nlohmann::ordered_json j;
  j["doc_id"] = doc_id;
  j["sentence"] = e.sentence;
  j["date"] = date;
  j["source"] = e.source;
  j["target"] = e.target;
  j["source_text"] = e.source_text;
  j["target_text"] = e.target_text;
  j["cameo"] = e.cameo;
  j["root"] = e.root;
  j["quad"] = e.quad;
  j["goldstein"] = e.goldstein;
  j["plover"] = e.plover;
  j["text"] = sentence_text;
  j["plover_mode"] = e.plover_mode;
  j["verb_text"] = e.verb_text;
  j["span"] = {e.span_begin, e.span_end};
  // The word the event was coded from; null where unknown (stored events).
  j["trigger"] =
      e.trigger_token < 0
          ? nlohmann::ordered_json()
          : nlohmann::ordered_json::array({e.trigger_begin, e.trigger_end});
  j["attribution"] = e.attribution;
  j["modality"] = e.modality;
  j["speaker"] = e.speaker;
  j["negated"] = e.negated;
  j["location"] = e.location;
  j["issues"] = e.issues;
  return j;
}

nlohmann::ordered_json EventToJson(const Document& doc, const Event& e) {
  return EventToJson(doc.id, EventDate(doc, e), EventSentenceText(doc, e), e);
}

std::string EventToJsonLine(const Document& doc, const Event& e) {
  nlohmann::ordered_json j = EventToJson(doc, e);
  // Text is valid UTF-8 after the text layer; replace defensively anyway so
  // that a bad byte can never throw here.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace curlew::io
