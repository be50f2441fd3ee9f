#include "io/event_writer.h"

#include <cerrno>
#include <cstring>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "io/event_formats.h"

namespace curlew::io {

namespace {

// Table column widths (the sentence takes the rest of the line).
constexpr size_t kDateWidth = 10;
constexpr size_t kActorWidth = 12;
constexpr size_t kCameoWidth = 5;
constexpr size_t kVerbWidth = 14;
constexpr size_t kSentenceWidth = 70;

// The bytes of the event's sentence (its own span when set, else the
// sentence's span).
std::string_view SentenceText(const Document& doc, const Event& e) {
  if (e.span_end > e.span_begin && e.span_end <= doc.text.size()) {
    return doc.SpanText(Span{e.span_begin, e.span_end});
  }
  if (e.sentence < doc.sentences.size()) {
    return doc.SpanText(doc.sentences[e.sentence].span);
  }
  return {};
}

const std::string& EventDate(const Document& doc, const Event& e) {
  return e.date.empty() ? doc.date : e.date;
}

// Number of code points in `s`, for column alignment.
size_t Width(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// `s` cut to at most `width` code points ("..." marks a cut), newlines and
// tabs shown as spaces, padded with spaces to `width`.
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

}  // namespace

Result<EventFormat> ParseEventFormat(std::string_view name) {
  if (name == "jsonl") return EventFormat::kJsonl;
  if (name == "table") return EventFormat::kTable;
  if (name == "petrarch") return EventFormat::kPetrarch;
  if (name == "phoenix") return EventFormat::kPhoenix;
  return Status::Error(ErrorCode::kInvalidArgument,
                       "unknown event format '" + std::string(name) +
                           "' (expected jsonl, table, petrarch or phoenix)");
}

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
  j["negated"] = e.negated;
  j["location"] = e.location;
  j["issues"] = e.issues;
  return j;
}

std::string EventToJsonLine(const Document& doc, const Event& e) {
  nlohmann::ordered_json j =
      EventToJson(doc.id, EventDate(doc, e), SentenceText(doc, e), e);
  // Text is valid UTF-8 after the text layer; replace defensively anyway so
  // that a bad byte can never throw here.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Status EventWriter::Write(const Document& doc) {
  if (format_ == EventFormat::kPhoenix && !header_done_) {
    const std::string header = PhoenixHeader() + "\n";
    std::fwrite(header.data(), 1, header.size(), out_);
    header_done_ = true;
  }
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const Event& e = doc.events[i];
    std::string line;
    switch (format_) {
      case EventFormat::kJsonl:
        line = EventToJsonLine(doc, e);
        break;
      case EventFormat::kTable:
        WriteTableRow(doc, e);
        break;
      case EventFormat::kPetrarch:
        line = FormatPetrarchEvent(doc, e);
        break;
      case EventFormat::kPhoenix:
        line = FormatPhoenixEvent(doc, e, i + 1);
        break;
    }
    if (format_ != EventFormat::kTable) {
      line += '\n';
      std::fwrite(line.data(), 1, line.size(), out_);
    }
    ++events_;
  }
  if (std::ferror(out_)) {
    return Status::Error(ErrorCode::kIoError,
                         std::string("write failed: ") + std::strerror(errno),
                         "output");
  }
  return Status();
}

void EventWriter::WriteTableRow(const Document& doc, const Event& e) {
  if (!header_done_) {
    const std::string header = fmt::format(
        "{} {} {} {} {} {}\n", Cell("date", kDateWidth),
        Cell("source", kActorWidth), Cell("target", kActorWidth),
        Cell("cameo", kCameoWidth), Cell("verb", kVerbWidth), "sentence");
    std::fputs(header.c_str(), out_);
    header_done_ = true;
  }
  const std::string row =
      fmt::format("{} {} {} {} {} {}\n", Cell(EventDate(doc, e), kDateWidth),
                  Cell(e.source.empty() ? "-" : e.source, kActorWidth),
                  Cell(e.target.empty() ? "-" : e.target, kActorWidth),
                  Cell(e.cameo, kCameoWidth), Cell(e.verb_text, kVerbWidth),
                  Cell(SentenceText(doc, e), kSentenceWidth));
  // Trailing padding of the last column is noise.
  std::string_view trimmed(row);
  while (trimmed.size() > 1 && trimmed[trimmed.size() - 2] == ' ') {
    trimmed.remove_suffix(1);
  }
  std::fwrite(row.data(), 1, trimmed.size() - 1, out_);
  std::fputc('\n', out_);
}

Status EventWriter::Finish() {
  if (std::fflush(out_) != 0 || std::ferror(out_)) {
    return Status::Error(ErrorCode::kIoError,
                         std::string("write failed: ") + std::strerror(errno),
                         "output");
  }
  return Status();
}

}  // namespace curlew::io
