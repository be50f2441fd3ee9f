// The event endpoints: health, events, counts, actors, documents/{id}.
#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "io/event_sink.h"
#include "server/api.h"
#include "server/marks.h"

namespace curlew::server {
namespace {

using Json = nlohmann::ordered_json;

std::string Dump(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

ApiResponse Ok(const Json& j) { return {200, Dump(j)}; }

// The filter parameters followed by an endpoint's own.
std::vector<ParamSpec> WithFilters(std::vector<ParamSpec> own) {
  std::vector<ParamSpec> all = FilterParamSpecs();
  all.insert(all.end(), own.begin(), own.end());
  return all;
}

EventFilter FilterOf(const ParamValues& p) {
  EventFilter f;
  ApplyFilterParams(p, &f);
  return f;
}

Json MarksJson(const std::vector<Mark>& marks, uint32_t offset) {
  Json out = Json::array();
  for (const Mark& m : marks)
    out.push_back({{"kind", m.kind},
                   {"begin", m.begin + offset},
                   {"end", m.end + offset}});
  return out;
}

ApiResponse Health(const ApiCall& c) {
  Result<int> version = c.store.SchemaVersion();
  if (!version.ok()) return ApiResponse::FromStatus(version.status());
  Result<StoreCounts> n = c.store.Counts();
  if (!n.ok()) return ApiResponse::FromStatus(n.status());
  return Ok({{"status", "ok"},
             {"backend", c.store.backend()},
             {"schema_version", *version},
             {"documents", n->documents},
             {"sentences", n->sentences},
             {"events", n->events},
             {"rejected", n->rejected}});
}

ApiResponse Events(const ApiCall& c) {
  EventFilter f = FilterOf(c.params);
  const int64_t limit = c.params.GetInt("limit", 100);
  if (c.params.Has("cursor")) f.after = *DecodeCursor(c.params.Get("cursor"));
  f.limit = limit + 1;  // one more tells whether there is a next page
  Json events = Json::array();
  EventFilter::Position last;
  bool more = false;
  Status s = c.store.QueryEvents(f, [&](const EventRecord& r) {
    if (static_cast<int64_t>(events.size()) == limit) {
      more = true;
      return false;
    }
    Json j = io::EventRecordToJson(r);
    j["doc_source"] = r.doc_source;
    j["marks"] = MarksJson(EventMarks(r.sentence_text, r.event), 0);
    events.push_back(std::move(j));
    last = {r.date, r.doc_id, r.index};
    return true;
  });
  if (!s.ok()) return ApiResponse::FromStatus(s);
  return Ok({{"events", std::move(events)},
             {"next_cursor", more ? Json(EncodeCursor(last)) : Json(nullptr)}});
}

// An aggregate with at most options.max_groups rows, else a 400 asking for
// a narrower request.
Result<std::vector<GroupCount>> Groups(const ApiCall& c, EventFilter f,
                                       GroupBy by, Period per) {
  f.limit = c.options.max_groups + 1;
  auto rows = c.store.Count(f, by, per);
  if (rows.ok() && static_cast<int64_t>(rows->size()) > c.options.max_groups) {
    return Status::Error(
        ErrorCode::kInvalidArgument,
        "more than " + std::to_string(c.options.max_groups) +
            " groups; narrow the filters or use a coarser period");
  }
  return rows;
}

ApiResponse Counts(const ApiCall& c) {
  const std::string& by_name = c.params.Get("by", "dyad");
  GroupBy by = by_name == "root"   ? GroupBy::kRoot
               : by_name == "quad" ? GroupBy::kQuad
                                   : GroupBy::kDyad;
  Period per = *ParsePeriod(c.params.Get("per", "all"));
  auto rows = Groups(c, FilterOf(c.params), by, per);
  if (!rows.ok()) return ApiResponse::FromStatus(rows.status());
  if (c.params.Get("sort") == "events") {
    std::stable_sort(rows->begin(), rows->end(),
                     [](const GroupCount& a, const GroupCount& b) {
                       return a.events > b.events;
                     });
  }
  size_t limit =
      static_cast<size_t>(c.params.GetInt("limit", c.options.max_groups));
  bool truncated = rows->size() > limit;
  if (truncated) rows->resize(limit);
  Json out = Json::array();
  for (const GroupCount& g : *rows) {
    Json j = {{"period", g.period}};
    if (by == GroupBy::kDyad) {
      j["source"] = g.source;
      j["target"] = g.target;
    } else if (by == GroupBy::kQuad) {
      j["quad"] = g.quad;
    } else {
      j["root"] = g.root;
    }
    j["events"] = g.events;
    j["mean_goldstein"] = g.mean_goldstein;
    out.push_back(std::move(j));
  }
  return Ok({{"by", by_name},
             {"per", c.params.Get("per", "all")},
             {"rows", std::move(out)},
             {"truncated", truncated}});
}

ApiResponse Actors(const ApiCall& c) {
  auto dyads = Groups(c, FilterOf(c.params), GroupBy::kDyad, Period::kAll);
  if (!dyads.ok()) return ApiResponse::FromStatus(dyads.status());
  struct Tally {
    int64_t events = 0, as_source = 0, as_target = 0;
    double goldstein_sum = 0;
  };
  std::map<std::string, Tally> actors;
  for (const GroupCount& g : *dyads) {
    double sum = g.mean_goldstein * static_cast<double>(g.events);
    auto add = [&](const std::string& code, int64_t Tally::*role) {
      if (code.empty()) return;
      Tally& t = actors[code];
      t.*role += g.events;
      // An actor on both sides of one dyad is counted once.
      if (role == &Tally::as_target && code == g.source) return;
      t.events += g.events;
      t.goldstein_sum += sum;
    };
    add(g.source, &Tally::as_source);
    add(g.target, &Tally::as_target);
  }
  std::vector<std::pair<std::string, Tally>> sorted(actors.begin(),
                                                    actors.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) {
                     return a.second.events > b.second.events;
                   });
  size_t limit = static_cast<size_t>(c.params.GetInt("limit", 50));
  if (sorted.size() > limit) sorted.resize(limit);
  Json out = Json::array();
  for (const auto& [code, t] : sorted) {
    double mean =
        t.events ? t.goldstein_sum / static_cast<double>(t.events) : 0;
    out.push_back({{"code", code},
                   {"events", t.events},
                   {"as_source", t.as_source},
                   {"as_target", t.as_target},
                   {"mean_goldstein", std::round(mean * 100) / 100}});
  }
  return Ok({{"actors", std::move(out)}});
}

ApiResponse DocumentById(const ApiCall& c) {
  std::string id(c.tail);
  Result<Document> doc = c.store.ReadDocument(id);
  if (!doc.ok()) return ApiResponse::FromStatus(doc.status());
  Json sentences = Json::array();
  for (const Sentence& s : doc->sentences)
    sentences.push_back({s.span.begin, s.span.end});
  EventFilter f;
  f.doc_id = id;
  Json events = Json::array();
  Status s = c.store.QueryEvents(f, [&](const EventRecord& r) {
    Json j = io::EventRecordToJson(r);
    uint32_t offset = r.event.sentence < doc->sentences.size()
                          ? doc->sentences[r.event.sentence].span.begin
                          : r.event.span_begin;
    j["marks"] = MarksJson(EventMarks(r.sentence_text, r.event), offset);
    events.push_back(std::move(j));
    return true;
  });
  if (!s.ok()) return ApiResponse::FromStatus(s);
  return Ok({{"document",
              {{"id", doc->id},
               {"date", doc->date},
               {"source", doc->source},
               {"url", doc->url},
               {"title", doc->title},
               {"text", doc->text}}},
             {"sentences", std::move(sentences)},
             {"events", std::move(events)}});
}

constexpr std::string_view kEventsSchema = R"json({
  "type": "object",
  "properties": {
    "events": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}},
    "next_cursor": {"type": "string", "nullable": true,
      "description": "pass as cursor for the next page; null on the last"}
  }})json";

constexpr std::string_view kCountsSchema = R"json({
  "type": "object",
  "properties": {
    "by": {"type": "string"}, "per": {"type": "string"},
    "truncated": {"type": "boolean"},
    "rows": {"type": "array", "items": {"type": "object", "properties": {
      "period": {"type": "string", "description": "YYYY-MM-DD (day; the Monday of a week), YYYY-MM, YYYY; empty for per=all"},
      "source": {"type": "string"}, "target": {"type": "string"},
      "root": {"type": "string"}, "quad": {"type": "integer"},
      "events": {"type": "integer"}, "mean_goldstein": {"type": "number"}}}}
  }})json";

constexpr std::string_view kActorsSchema = R"json({
  "type": "object",
  "properties": {"actors": {"type": "array", "items": {"type": "object",
    "properties": {"code": {"type": "string"}, "events": {"type": "integer"},
      "as_source": {"type": "integer"}, "as_target": {"type": "integer"},
      "mean_goldstein": {"type": "number"}}}}}})json";

constexpr std::string_view kHealthSchema = R"json({
  "type": "object",
  "properties": {"status": {"type": "string"}, "backend": {"type": "string"},
    "schema_version": {"type": "integer"}, "documents": {"type": "integer"},
    "sentences": {"type": "integer"}, "events": {"type": "integer"},
    "rejected": {"type": "integer"}}})json";

constexpr std::string_view kDocumentSchema = R"json({
  "type": "object",
  "properties": {
    "document": {"type": "object", "properties": {"id": {"type": "string"},
      "date": {"type": "string"}, "source": {"type": "string"},
      "url": {"type": "string"}, "title": {"type": "string"},
      "text": {"type": "string"}}},
    "sentences": {"type": "array", "description": "byte span [begin, end) of each sentence in text",
      "items": {"type": "array", "items": {"type": "integer"}}},
    "events": {"type": "array", "description": "each event's marks are byte spans in document.text",
      "items": {"$ref": "#/components/schemas/Event"}}
  }})json";

}  // namespace

std::vector<Endpoint> EventEndpoints(const ApiOptions& options) {
  return {
      {"/api/health",
       "the store this server reads: backend and counts",
       {},
       kHealthSchema,
       &Health},
      {"/api/events",
       "events the filters select, in date order, a page at a time; each "
       "with its sentence and the byte spans of its words in it (marks)",
       WithFilters(
           {{"limit", ParamType::kInteger, "events per page (default 100)", 1,
             options.max_events_page},
            {"cursor", ParamType::kCursor,
             "next_cursor of the previous page"}}),
       kEventsSchema, &Events},
      {"/api/counts", "event counts and mean Goldstein per group and period",
       WithFilters(
           {{"by",
             ParamType::kChoice,
             "what to group by (default dyad)",
             0,
             0,
             {"dyad", "root", "quad"}},
            {"per",
             ParamType::kChoice,
             "time buckets (default all)",
             0,
             0,
             {"all", "day", "week", "month", "year"}},
            {"sort",
             ParamType::kChoice,
             "row order: by period then group (default), or most events first",
             0,
             0,
             {"period", "events"}},
            {"limit", ParamType::kInteger, "most rows returned", 1,
             options.max_groups}}),
       kCountsSchema, &Counts},
      {"/api/actors", "the actors with the most events, as source or target",
       WithFilters({{"limit", ParamType::kInteger,
                     "most actors returned (default 50)", 1, 1000}}),
       kActorsSchema, &Actors},
      {"/api/documents/{id}",
       "one document's text with its sentences and events; each event's "
       "marks are byte spans in the text",
       {},
       kDocumentSchema,
       &DocumentById},
  };
}

}  // namespace curlew::server
