#include "store/export.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "io/event_writer.h"
#include "store/dates.h"

namespace curlew::store {
namespace {

using Json = nlohmann::ordered_json;

std::string Dump(const Json& j) {
  // Replace, never throw, on bytes that are not UTF-8.
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// The columns every flat format shares, in order.
const std::vector<std::string>& FlatColumns() {
  static const std::vector<std::string> kColumns = {
      "event_id",  "doc_id",   "event",       "sentence",    "date",
      "source",    "target",   "source_text", "target_text", "cameo",
      "root",      "quad",     "goldstein",   "plover",      "plover_mode",
      "modality",  "negated",  "attribution", "location",    "issues",
      "verb_text", "mentions", "doc_date",    "url",         "text"};
  return kColumns;
}

std::vector<std::string> FlatValues(const EventRecord& r) {
  const Event& e = r.event;
  return {std::to_string(r.event_id),
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
          Number(e.goldstein),
          e.plover,
          e.plover_mode,
          e.modality,
          e.negated ? "1" : "0",
          e.attribution,
          e.location,
          e.issues,
          e.verb_text,
          std::to_string(r.mentions),
          r.doc_date,
          r.doc_url,
          r.sentence_text};
}

}  // namespace

nlohmann::ordered_json EventRecordToJson(const EventRecord& r) {
  // The `curlew code` contract fields first, in its order, then the
  // store's own.
  nlohmann::ordered_json j =
      io::EventToJson(r.doc_id, r.date, r.sentence_text, r.event);
  j["event_id"] = r.event_id;
  j["event"] = r.index;
  j["mentions"] = r.mentions;
  j["doc_date"] = r.doc_date;
  j["url"] = r.doc_url;
  return j;
}

namespace {

class JsonlWriter : public EventWriter {
 public:
  explicit JsonlWriter(std::ostream& out) : out_(out) {}
  void Write(const EventRecord& r) override {
    out_ << Dump(EventRecordToJson(r)) << '\n';
  }

 private:
  std::ostream& out_;
};

void WriteCsvRow(std::ostream& out, const std::vector<std::string>& fields,
                 char separator = ',') {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out << separator;
    out << (separator == ',' ? CsvField(fields[i]) : fields[i]);
  }
  out << '\n';
}

class CsvWriter : public EventWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {
    WriteCsvRow(out_, FlatColumns());
  }
  void Write(const EventRecord& r) override {
    WriteCsvRow(out_, FlatValues(r));
  }

 private:
  std::ostream& out_;
};

// Tabs and line breaks would break a TSV line; they become spaces.
std::string TsvField(std::string_view v) {
  std::string s(v);
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

// Aligned columns; `text` is cut to keep lines readable.
class TableWriter : public EventWriter {
 public:
  explicit TableWriter(std::ostream& out) : out_(out) {
    rows_.push_back({"date", "source", "target", "cameo", "quad", "gold",
                     "mentions", "doc:sentence", "text"});
  }
  void Write(const EventRecord& r) override {
    std::string text = TsvField(r.sentence_text);
    if (text.size() > kMaxText) {
      size_t cut = kMaxText;
      // Do not cut inside a UTF-8 sequence.
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
      text = text.substr(0, cut) + "...";
    }
    rows_.push_back({r.date, r.event.source, r.event.target, r.event.cameo,
                     std::to_string(r.event.quad), Number(r.event.goldstein),
                     std::to_string(r.mentions),
                     r.doc_id + ":" + std::to_string(r.event.sentence), text});
  }
  void Finish() override { PrintAligned(out_, rows_); }

  static void PrintAligned(std::ostream& out,
                           const std::vector<std::vector<std::string>>& rows) {
    // Widths in code points, so that accented names stay aligned.
    auto cells = [](const std::string& s) {
      size_t n = 0;
      for (unsigned char c : s) n += (c & 0xC0) != 0x80;
      return n;
    };
    std::vector<size_t> width;
    for (const auto& row : rows) {
      width.resize(std::max(width.size(), row.size()));
      for (size_t i = 0; i < row.size(); ++i) {
        width[i] = std::max(width[i], cells(row[i]));
      }
    }
    for (const auto& row : rows) {
      std::string line;
      for (size_t i = 0; i < row.size(); ++i) {
        line += row[i];
        if (i + 1 < row.size()) {
          line += std::string(width[i] - cells(row[i]) + 2, ' ');
        }
      }
      out << line << '\n';
    }
  }

 private:
  static constexpr size_t kMaxText = 80;
  std::ostream& out_;
  std::vector<std::vector<std::string>> rows_;
};

// Phoenix dataset columns; actor codes split into entity (first three
// letters), role (next three) and attribute (the rest).
class PhoenixWriter : public EventWriter {
 public:
  explicit PhoenixWriter(std::ostream& out) : out_(out) {
    WriteCsvRow(out_,
                {"EventID",
                 "Date",
                 "Year",
                 "Month",
                 "Day",
                 "SourceActorFull",
                 "SourceActorEntity",
                 "SourceActorRole",
                 "SourceActorAttribute",
                 "TargetActorFull",
                 "TargetActorEntity",
                 "TargetActorRole",
                 "TargetActorAttribute",
                 "EventCode",
                 "EventRootCode",
                 "QuadClass",
                 "GoldsteinScore",
                 "Issues",
                 "Lat",
                 "Lon",
                 "LocationName",
                 "StateName",
                 "CountryCode",
                 "SentenceID",
                 "URLs",
                 "NewsSources"},
                '\t');
  }
  void Write(const EventRecord& r) override {
    const Event& e = r.event;
    std::string date = CompactDate(r.date);
    auto part = [](const std::string& code, size_t from, size_t n) {
      return code.size() > from ? code.substr(from, n) : std::string();
    };
    WriteCsvRow(out_,
                {std::to_string(r.event_id),
                 date,
                 date.substr(0, 4),
                 date.size() >= 6 ? date.substr(4, 2) : "",
                 date.size() >= 8 ? date.substr(6, 2) : "",
                 e.source,
                 part(e.source, 0, 3),
                 part(e.source, 3, 3),
                 part(e.source, 6, std::string::npos),
                 e.target,
                 part(e.target, 0, 3),
                 part(e.target, 3, 3),
                 part(e.target, 6, std::string::npos),
                 e.cameo,
                 e.root,
                 std::to_string(e.quad),
                 Number(e.goldstein),
                 TsvField(e.issues),
                 "",
                 "",
                 TsvField(e.location),
                 "",
                 "",
                 TsvField(r.doc_id + "-" + std::to_string(e.sentence)),
                 TsvField(r.doc_url),
                 TsvField(r.doc_source)},
                '\t');
  }

 private:
  std::ostream& out_;
};

// PETRARCH's event lines: date, source, target, code, issues, sentence ids,
// story source, URL.
class PetrarchWriter : public EventWriter {
 public:
  explicit PetrarchWriter(std::ostream& out) : out_(out) {}
  void Write(const EventRecord& r) override {
    const Event& e = r.event;
    WriteCsvRow(
        out_,
        {CompactDate(r.date), e.source, e.target, e.cameo, TsvField(e.issues),
         TsvField(r.doc_id + "-" + std::to_string(e.sentence)),
         TsvField(r.doc_source), TsvField(r.doc_url)},
        '\t');
  }

 private:
  std::ostream& out_;
};

// ISO 3166 alpha-3 codes from Debian's iso-codes, to tell a country block
// of an actor code from an organisation block. Empty if not installed.
const std::set<std::string>& CountryCodes() {
  static const std::set<std::string> kCodes = [] {
    std::set<std::string> codes;
    std::ifstream in("/usr/share/iso-codes/json/iso_3166-1.json");
    if (!in) return codes;
    Json j = Json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object() || !j.contains("3166-1")) return codes;
    for (const Json& c : j["3166-1"]) {
      if (c.contains("alpha_3")) codes.insert(c["alpha_3"].get<std::string>());
    }
    return codes;
  }();
  return kCodes;
}

// GDELT's ten actor attribute columns from a CAMEO actor code.
std::vector<std::string> GdeltActor(const std::string& code,
                                    const std::string& name) {
  std::vector<std::string> blocks;
  for (size_t i = 0; i + 3 <= code.size(); i += 3) {
    blocks.push_back(code.substr(i, 3));
  }
  std::string country, group;
  std::vector<std::string> types;
  size_t next = 0;
  if (!blocks.empty() && CountryCodes().count(blocks[0])) {
    country = blocks[0];
    next = 1;
  } else if (!blocks.empty() &&
             (blocks[0] == "IGO" || blocks[0] == "NGO" || blocks[0] == "NGM" ||
              blocks[0] == "MNC" || blocks[0] == "IMG")) {
    types.push_back(blocks[0]);
    if (blocks.size() > 1) group = blocks[1];
    next = blocks.size();
  }
  for (size_t i = next; i < blocks.size() && types.size() < 3; ++i) {
    types.push_back(blocks[i]);
  }
  types.resize(3);
  return {code, name, country, group, "", "", "", types[0], types[1], types[2]};
}

class GdeltWriter : public EventWriter {
 public:
  explicit GdeltWriter(std::ostream& out) : out_(out) {
    std::vector<std::string> cols = {"GLOBALEVENTID", "SQLDATE", "MonthYear",
                                     "Year", "FractionDate"};
    for (const char* a : {"Actor1", "Actor2"}) {
      for (const char* f : {"Code", "Name", "CountryCode", "KnownGroupCode",
                            "EthnicCode", "Religion1Code", "Religion2Code",
                            "Type1Code", "Type2Code", "Type3Code"}) {
        cols.push_back(std::string(a) + f);
      }
    }
    for (const char* f :
         {"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode",
          "QuadClass", "GoldsteinScale", "NumMentions", "NumSources",
          "NumArticles", "AvgTone"}) {
      cols.push_back(f);
    }
    for (const char* g : {"Actor1Geo_", "Actor2Geo_", "ActionGeo_"}) {
      for (const char* f : {"Type", "FullName", "CountryCode", "ADM1Code",
                            "ADM2Code", "Lat", "Long", "FeatureID"}) {
        cols.push_back(std::string(g) + f);
      }
    }
    cols.push_back("DATEADDED");
    cols.push_back("SOURCEURL");
    columns_ = cols.size();
    WriteCsvRow(out_, cols);
  }

  void Write(const EventRecord& r) override {
    const Event& e = r.event;
    std::string date = CompactDate(r.date);
    std::string fraction;
    DateBuckets b = BucketsOf(r.date);
    if (!b.day.empty()) {
      int month = std::stoi(b.day.substr(5, 2));
      int day = std::stoi(b.day.substr(8, 2));
      char buf[16];
      // GDELT's FractionDate: year + (month * 30 + day) / 365.
      std::snprintf(buf, sizeof buf, "%.4f",
                    std::stoi(b.year) + (month * 30 + day) / 365.0);
      fraction = buf;
    }
    std::vector<std::string> v = {
        std::to_string(r.event_id), date,
        date.substr(0, std::min<size_t>(6, date.size())),
        date.substr(0, std::min<size_t>(4, date.size())), fraction};
    for (auto& f : GdeltActor(e.source, e.source_text)) v.push_back(f);
    for (auto& f : GdeltActor(e.target, e.target_text)) v.push_back(f);
    std::string added;
    for (char c : r.ingested_at) {
      if (c >= '0' && c <= '9') added += c;
    }
    v.insert(v.end(), {e.sentence == 0 ? "1" : "0", e.cameo,
                       e.cameo.substr(0, std::min<size_t>(3, e.cameo.size())),
                       e.root, std::to_string(e.quad), Number(e.goldstein),
                       std::to_string(r.mentions), "", "", ""});
    for (int g = 0; g < 3; ++g) {
      bool action = g == 2 && !e.location.empty();
      v.insert(v.end(), {"", action ? e.location : "", "", "", "", "", "", ""});
    }
    v.push_back(added);
    v.push_back(r.doc_url);
    v.resize(columns_);
    WriteCsvRow(out_, v);
  }

 private:
  std::ostream& out_;
  size_t columns_ = 0;
};

}  // namespace

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

const std::vector<std::string>& EventFormats() {
  static const std::vector<std::string> kFormats = {
      "table", "jsonl", "csv", "phoenix", "petrarch", "gdelt"};
  return kFormats;
}

Result<std::unique_ptr<EventWriter>> MakeEventWriter(std::string_view format,
                                                     std::ostream& out) {
  std::unique_ptr<EventWriter> w;
  if (format == "table") w = std::make_unique<TableWriter>(out);
  if (format == "jsonl") w = std::make_unique<JsonlWriter>(out);
  if (format == "csv") w = std::make_unique<CsvWriter>(out);
  if (format == "phoenix") w = std::make_unique<PhoenixWriter>(out);
  if (format == "petrarch") w = std::make_unique<PetrarchWriter>(out);
  if (format == "gdelt") w = std::make_unique<GdeltWriter>(out);
  if (!w) {
    return Status::Error(ErrorCode::kInvalidArgument,
                         "unknown format '" + std::string(format) +
                             "' (table, jsonl, csv, phoenix, petrarch, gdelt)");
  }
  return w;
}

Status WriteCounts(const std::vector<GroupCount>& rows, GroupBy group,
                   std::string_view format, std::ostream& out) {
  bool dyad = group == GroupBy::kDyad;
  std::vector<std::string> header = {"period"};
  if (dyad) {
    header.insert(header.end(), {"source", "target"});
  } else {
    header.push_back("root");
  }
  header.insert(header.end(), {"events", "mean_goldstein"});
  auto values = [&](const GroupCount& g) {
    std::vector<std::string> v = {g.period};
    if (dyad) {
      v.insert(v.end(), {g.source, g.target});
    } else {
      v.push_back(g.root);
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", g.mean_goldstein);
    v.insert(v.end(), {std::to_string(g.events), buf});
    return v;
  };
  if (format == "jsonl") {
    for (const GroupCount& g : rows) {
      Json j = {{"period", g.period}};
      if (dyad) {
        j["source"] = g.source;
        j["target"] = g.target;
      } else {
        j["root"] = g.root;
      }
      j["events"] = g.events;
      j["mean_goldstein"] = g.mean_goldstein;
      out << Dump(j) << '\n';
    }
  } else if (format == "csv") {
    WriteCsvRow(out, header);
    for (const GroupCount& g : rows) WriteCsvRow(out, values(g));
  } else if (format == "table") {
    std::vector<std::vector<std::string>> table = {header};
    for (const GroupCount& g : rows) table.push_back(values(g));
    TableWriter::PrintAligned(out, table);
  } else {
    return Status::Error(
        ErrorCode::kInvalidArgument,
        "aggregates are written as table, jsonl or csv, not '" +
            std::string(format) + "'");
  }
  return Status();
}

}  // namespace curlew::store
