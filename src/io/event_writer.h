// EventWriter: writes coded events, one document at a time, as JSON lines
// (the event contract of DESIGN.md), as a readable aligned table, or in the
// tab-separated PETRARCH or Phoenix formats (io/event_formats.h; Phoenix
// with its header line first).
//
// JSON lines carry, per event: doc_id, sentence, date, source, target,
// source_text, target_text, cameo, root, quad, goldstein, plover, text (the
// sentence), then plover_mode, verb_text, span [begin, end], trigger
// [begin, end] (null where unknown), attribution, modality, negated,
// location, issues. An event without its own date gets the document's date.
//
// The writer does not own the FILE it writes to. Thread safety: one writer
// per thread.
#ifndef CURLEW_IO_EVENT_WRITER_H_
#define CURLEW_IO_EVENT_WRITER_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "curlew/document.h"
#include "curlew/event.h"
#include "curlew/status.h"

namespace curlew::io {

enum class EventFormat { kJsonl, kTable, kPetrarch, kPhoenix };

// Parses "jsonl", "table", "petrarch" or "phoenix".
Result<EventFormat> ParseEventFormat(std::string_view name);

// The JSON line (without newline) for one event of `doc`.
std::string EventToJsonLine(const Document& doc, const Event& event);

// The event contract's fields, in order, as a JSON object (for writers that
// add fields of their own after them, such as the store's export).
nlohmann::ordered_json EventToJson(std::string_view doc_id,
                                   std::string_view date,
                                   std::string_view sentence_text,
                                   const Event& event);

class EventWriter {
 public:
  EventWriter(std::FILE* out, EventFormat format)
      : out_(out), format_(format) {}

  // Writes every event of `doc`.
  Status Write(const Document& doc);
  // Flushes; reports a write error (e.g. disk full) if one happened.
  Status Finish();

  uint64_t events_written() const { return events_; }

 private:
  void WriteTableRow(const Document& doc, const Event& event);

  std::FILE* out_;
  EventFormat format_;
  bool header_done_ = false;
  uint64_t events_ = 0;
};

}  // namespace curlew::io

#endif  // CURLEW_IO_EVENT_WRITER_H_
