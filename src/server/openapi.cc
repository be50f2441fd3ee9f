// The OpenAPI 3.0 description of the API, built from the endpoints' own
// parameter specs so that what is described is what is checked.
#include <nlohmann/json.hpp>
#include <string>

#include "server/api.h"

namespace curlew::server {
namespace {

using Json = nlohmann::ordered_json;

Json SchemaOf(const ParamSpec& p) {
  switch (p.type) {
    case ParamType::kDate:
      return {{"type", "string"},
              {"pattern", "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"}};
    case ParamType::kActorCode:
      return {{"type", "string"}, {"pattern", "^[A-Za-z0-9_-]{1,32}$"}};
    case ParamType::kCameoCode:
      return {{"type", "string"}, {"pattern", "^[0-9]{2,4}$"}};
    case ParamType::kCameoRoot:
      return {{"type", "string"}, {"pattern", "^[0-9]{2}$"}};
    case ParamType::kWord:
      return {{"type", "string"}, {"pattern", "^[A-Za-z0-9_]{1,32}$"}};
    case ParamType::kText:
      return {{"type", "string"}, {"minLength", 1}, {"maxLength", p.max}};
    case ParamType::kInteger:
      return {{"type", "integer"}, {"minimum", p.min}, {"maximum", p.max}};
    case ParamType::kChoice: {
      Json values = Json::array();
      for (std::string_view c : p.choices) values.push_back(c);
      return {{"type", "string"}, {"enum", values}};
    }
    case ParamType::kBoolean:
      return {{"type", "boolean"}};
    case ParamType::kCursor:
      return {{"type", "string"}, {"maxLength", 1024}};
  }
  return {{"type", "string"}};
}

Json ErrorResponse(std::string_view what) {
  return {{"description", what},
          {"content",
           {{"application/json",
             {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
}

constexpr std::string_view kComponents = R"json({
  "schemas": {
    "Error": {"type": "object", "required": ["error"], "properties": {
      "error": {"type": "object", "required": ["code", "message"],
        "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}}},
    "Source": {"type": "object", "description": "the sentence a record came from",
      "properties": {"doc_id": {"type": "string"}, "sentence": {"type": "integer"},
        "text": {"type": "string"}}},
    "Mark": {"type": "object", "description": "where one of the event's words is, as a byte span",
      "properties": {"kind": {"type": "string", "enum": ["trigger", "source", "target"]},
        "begin": {"type": "integer"}, "end": {"type": "integer"}}},
    "Event": {"type": "object",
      "description": "the fields of `curlew export --format jsonl`, with marks",
      "properties": {"event_id": {"type": "integer"}, "doc_id": {"type": "string"},
        "event": {"type": "integer"}, "sentence": {"type": "integer"},
        "date": {"type": "string"}, "source": {"type": "string"},
        "target": {"type": "string"}, "source_text": {"type": "string"},
        "target_text": {"type": "string"}, "cameo": {"type": "string"},
        "root": {"type": "string"}, "quad": {"type": "integer"},
        "goldstein": {"type": "number"}, "plover": {"type": "string"},
        "text": {"type": "string", "description": "the sentence"},
        "verb_text": {"type": "string"}, "modality": {"type": "string",
          "enum": ["asserted", "negated", "hypothetical", "future", "alleged", ""]},
        "speaker": {"type": "string"},
        "mentions": {"type": "integer"}, "doc_date": {"type": "string"},
        "url": {"type": "string"},
        "marks": {"type": "array", "items": {"$ref": "#/components/schemas/Mark"},
          "description": "byte spans in text (in document.text for /api/documents/{id})"}}}
  }})json";

}  // namespace

std::string OpenApiJson(const std::vector<Endpoint>& endpoints) {
  Json paths = Json::object();
  for (const Endpoint& e : endpoints) {
    Json params = Json::array();
    if (std::string_view(e.path).ends_with("{id}")) {
      params.push_back({{"name", "id"},
                        {"in", "path"},
                        {"required", true},
                        {"schema", {{"type", "string"}, {"maxLength", 512}}}});
    }
    for (const ParamSpec& p : e.params) {
      params.push_back({{"name", p.name},
                        {"in", "query"},
                        {"required", false},
                        {"description", p.description},
                        {"schema", SchemaOf(p)}});
    }
    Json ok = {{"description", "OK"},
               {"content",
                {{"application/json", {{"schema", Json::parse(e.response)}}}}}};
    paths[std::string(e.path)]["get"] = {
        {"summary", e.summary},
        {"parameters", std::move(params)},
        {"responses",
         {{"200", std::move(ok)},
          {"400", ErrorResponse("a parameter is unknown, repeated or invalid")},
          {"404", ErrorResponse("no such endpoint or record")},
          {"503", ErrorResponse("every store connection is busy")},
          {"504",
           ErrorResponse("the query took longer than the server allows")}}}};
  }
  Json doc = {
      {"openapi", "3.0.3"},
      {"info",
       {{"title", "curlew"},
        {"version", "0.1.0"},
        {"description",
         "Read-only API over a curlew store: coded political events, each "
         "traceable to its sentence, and the ledger of agreements and "
         "commitments. Only GET (and HEAD) is served; every parameter is "
         "checked, unknown ones are refused."}}},
      {"paths", std::move(paths)},
      {"components", Json::parse(kComponents)}};
  return doc.dump(1);
}

}  // namespace curlew::server
