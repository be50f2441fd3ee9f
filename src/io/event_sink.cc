// The event sinks of the general formats (jsonl, csv, table), the factory
// for every format, and the records `curlew code` makes of a document.
#include "io/event_sink.h"

#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "io/event_formats.h"
#include "io/event_writer.h"

namespace curlew {

std::string UtcNow() {
  std::time_t t = std::time(nullptr);
  std::tm tm;
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  return buf;
}

std::vector<EventRecord> RecordsOf(const Document& doc, int64_t first_id,
                                   const std::string& coded_at) {
  std::vector<EventRecord> out;
  out.reserve(doc.events.size());
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const Event& e = doc.events[i];
    EventRecord r;
    r.event_id = first_id + static_cast<int64_t>(i);
    r.doc_id = doc.id;
    r.index = static_cast<uint32_t>(i);
    r.doc_date = doc.date;
    r.doc_source = doc.source;
    r.doc_url = doc.url;
    r.date = e.date.empty() ? doc.date : e.date;
    r.sentence_text = io::EventSentenceText(doc, e);
    r.ingested_at = coded_at;
    r.mentions = 1;
    r.event = e;
    out.push_back(std::move(r));
  }
  return out;
}

namespace io {

namespace {

using Json = nlohmann::ordered_json;

std::string Dump(const Json& j) {
  // Replace, never throw, on bytes that are not UTF-8.
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

class JsonlSink : public EventSink {
 public:
  explicit JsonlSink(WritableFile* out) : EventSink(out) {}
  Status Write(const EventRecord& r) override {
    ++events_;
    return WriteLine(Dump(EventRecordToJson(r)));
  }
};

void AppendCsvRow(const std::vector<std::string>& fields, std::string* line) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) *line += ',';
    *line += CsvField(fields[i]);
  }
}

class CsvSink : public EventSink {
 public:
  explicit CsvSink(WritableFile* out) : EventSink(out) {}
  Status Write(const EventRecord& r) override {
    if (Status s = Header(); !s.ok()) return s;
    const Event& e = r.event;
    std::string line;
    AppendCsvRow({std::to_string(r.event_id),
                  r.doc_id,
                  std::to_string(r.index),
                  std::to_string(e.sentence),
                  r.date,
                  e.source,
                  e.target,
                  e.source_text,
                  e.target_text,
                  e.cameo,
                  e.root,
                  std::to_string(e.quad),
                  OneDecimal(e.goldstein),
                  e.plover,
                  e.plover_mode,
                  e.modality,
                  e.speaker,
                  e.negated ? "1" : "0",
                  e.attribution,
                  e.location,
                  e.issues,
                  e.verb_text,
                  std::to_string(r.mentions),
                  r.doc_date,
                  r.doc_url,
                  r.sentence_text},
                 &line);
    ++events_;
    return WriteLine(line);
  }

  // An empty result still says what its columns are.
  Status Finish() override {
    if (Status s = Header(); !s.ok()) return s;
    return EventSink::Finish();
  }

 private:
  Status Header() {
    if (header_done_) return Status();
    header_done_ = true;
    std::string header;
    AppendCsvRow(
        {"event_id", "doc_id",    "event",       "sentence",    "date",
         "source",   "target",    "source_text", "target_text", "cameo",
         "root",     "quad",      "goldstein",   "plover",      "plover_mode",
         "modality", "speaker",   "negated",     "attribution", "location",
         "issues",   "verb_text", "mentions",    "doc_date",    "url",
         "text"},
        &header);
    return WriteLine(header);
  }

  bool header_done_ = false;
};

// Number of code points in `s`, for column alignment.
size_t Width(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// `s` cut to at most `width` code points ("..." marks a cut), line breaks
// and tabs shown as spaces, padded with spaces to `width`.
std::string Cell(std::string_view s, size_t width) {
  std::string out;
  size_t n = 0;
  const size_t total = Width(s);
  const size_t keep = total > width ? (width >= 3 ? width - 3 : 0) : total;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = s[i];
    const bool lead = (c & 0xC0) != 0x80;
    if (lead && n == keep) break;
    n += lead;
    out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : static_cast<char>(c);
  }
  if (total > width) {
    out.append(width >= 3 ? "..." : "");
    n += width >= 3 ? 3 : 0;
  }
  out.append(width > n ? width - n : 0, ' ');
  return out;
}

// Fixed-width columns, written as the events come (a table of millions of
// events needs no memory); the sentence takes the rest of the line.
class TableSink : public EventSink {
 public:
  explicit TableSink(WritableFile* out) : EventSink(out) {}
  Status Write(const EventRecord& r) override {
    if (!header_done_) {
      header_done_ = true;
      if (Status s = Row({"date", "source", "target", "cameo", "gold",
                          "mentions", "verb", "doc:sentence", "text"});
          !s.ok()) {
        return s;
      }
    }
    const Event& e = r.event;
    ++events_;
    return Row({r.date, e.source.empty() ? "-" : e.source,
                e.target.empty() ? "-" : e.target, e.cameo,
                OneDecimal(e.goldstein), std::to_string(r.mentions),
                e.verb_text, r.doc_id + ":" + std::to_string(e.sentence),
                r.sentence_text});
  }

 private:
  Status Row(const std::vector<std::string>& cells) {
    static constexpr size_t kWidths[] = {10, 12, 12, 5, 5, 8, 14, 24, 70};
    std::string line;
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i) line += ' ';
      line += Cell(cells[i], kWidths[i]);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return WriteLine(line);
  }

  bool header_done_ = false;
};

}  // namespace

Status EventSink::Finish() { return out_->Flush(); }

Status EventSink::WriteLine(std::string_view line) {
  Status s = out_->Append(line);
  if (s.ok()) s = out_->Append("\n");
  return s;
}

const std::vector<std::string>& EventFormatNames() {
  static const std::vector<std::string> kFormats = {
      "jsonl", "csv", "table", "petrarch", "phoenix", "gdelt"};
  return kFormats;
}

Result<std::unique_ptr<EventSink>> MakeEventSink(std::string_view format,
                                                 WritableFile* out,
                                                 const SinkOptions& options) {
  std::unique_ptr<EventSink> sink;
  if (format == "jsonl") sink = std::make_unique<JsonlSink>(out);
  if (format == "csv") sink = std::make_unique<CsvSink>(out);
  if (format == "table") sink = std::make_unique<TableSink>(out);
  if (format == "petrarch") sink = MakePetrarchSink(out);
  if (format == "phoenix") sink = MakePhoenixSink(out, options.places);
  if (format == "gdelt") sink = MakeGdeltSink(out, options.places);
  if (!sink) {
    std::string names;
    for (const std::string& n : EventFormatNames()) {
      names += (names.empty() ? "" : ", ") + n;
    }
    return Status::Error(ErrorCode::kInvalidArgument,
                         "unknown format '" + std::string(format) +
                             "' (expected " + names + ")");
  }
  return sink;
}

std::string CsvField(std::string_view v) {
  if (v.find_first_of(",\"\r\n") == std::string_view::npos) {
    return std::string(v);
  }
  std::string s = "\"";
  for (char c : v) {
    if (c == '"') s += '"';
    s += c;
  }
  return s + "\"";
}

Json EventRecordToJson(const EventRecord& r) {
  Json j = EventToJson(r.doc_id, r.date, r.sentence_text, r.event);
  j["event_id"] = r.event_id;
  j["event"] = r.index;
  j["mentions"] = r.mentions;
  j["doc_date"] = r.doc_date;
  j["url"] = r.doc_url;
  return j;
}

Json CountToJson(const GroupCount& g, GroupBy group) {
  Json j = {{"period", g.period}};
  if (group == GroupBy::kDyad) {
    j["source"] = g.source;
    j["target"] = g.target;
  } else if (group == GroupBy::kQuad) {
    j["quad"] = g.quad;
  } else {
    j["root"] = g.root;
  }
  j["events"] = g.events;
  j["mean_goldstein"] = g.mean_goldstein;
  return j;
}

Status WriteCounts(const std::vector<GroupCount>& rows, GroupBy group,
                   std::string_view format, WritableFile* out) {
  const bool dyad = group == GroupBy::kDyad;
  const bool quad = group == GroupBy::kQuad;
  std::vector<std::string> header = {"period"};
  if (dyad) {
    header.insert(header.end(), {"source", "target"});
  } else {
    header.push_back(quad ? "quad" : "root");
  }
  header.insert(header.end(), {"events", "mean_goldstein"});
  auto values = [&](const GroupCount& g) {
    std::vector<std::string> v = {g.period};
    if (dyad) {
      v.insert(v.end(), {g.source, g.target});
    } else {
      v.push_back(quad ? std::to_string(g.quad) : g.root);
    }
    v.insert(v.end(), {std::to_string(g.events),
                       fmt::format("{:.2f}", g.mean_goldstein)});
    return v;
  };
  std::vector<std::vector<std::string>> table;
  if (format == "jsonl") {
    for (const GroupCount& g : rows) {
      const Json j = CountToJson(g, group);
      if (Status s = out->Append(Dump(j) + "\n"); !s.ok()) return s;
    }
    return out->Flush();
  }
  if (format == "csv") {
    table.push_back(header);
    for (const GroupCount& g : rows) table.push_back(values(g));
    for (const auto& row : table) {
      std::string line;
      AppendCsvRow(row, &line);
      if (Status s = out->Append(line + "\n"); !s.ok()) return s;
    }
    return out->Flush();
  }
  if (format != "table") {
    return Status::Error(
        ErrorCode::kInvalidArgument,
        "aggregates are written as table, jsonl or csv, not '" +
            std::string(format) + "'");
  }
  // Aggregates are few rows: aligned to their widest cell.
  table.push_back(header);
  for (const GroupCount& g : rows) table.push_back(values(g));
  std::vector<size_t> width(header.size(), 0);
  for (const auto& row : table) {
    for (size_t i = 0; i < row.size(); ++i) {
      width[i] = std::max(width[i], Width(row[i]));
    }
  }
  for (const auto& row : table) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line.append(width[i] - Width(row[i]) + 2, ' ');
    }
    if (Status s = out->Append(line + "\n"); !s.ok()) return s;
  }
  return out->Flush();
}

}  // namespace io
}  // namespace curlew
