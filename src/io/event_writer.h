// The event contract of DESIGN.md as JSON: the fields `curlew code` writes
// for every event (the jsonl event sink, io/event_sink.h, writes them first
// and adds the record's own).
//
// Per event: doc_id, sentence, date, source, target, source_text,
// target_text, cameo, root, quad, goldstein, plover, text (the sentence),
// then plover_mode, verb_text, span [begin, end], trigger [begin, end]
// (null where unknown), attribution, modality, speaker, negated, location,
// issues.
// An event without its own date gets the document's date.
//
// Pure functions; thread-safe.
#ifndef CURLEW_IO_EVENT_WRITER_H_
#define CURLEW_IO_EVENT_WRITER_H_

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "curlew/document.h"
#include "curlew/event.h"
#include "curlew/status.h"

namespace curlew::io {

// The bytes of an event's sentence: its own span when set, else its
// sentence's span.
std::string_view EventSentenceText(const Document& doc, const Event& event);

// The JSON line (without newline) for one event of `doc`.
std::string EventToJsonLine(const Document& doc, const Event& event);

// The same event as a JSON object (the Python module's event dicts).
nlohmann::ordered_json EventToJson(const Document& doc, const Event& event);

// The event contract's fields, in order, as a JSON object (for writers that
// add fields of their own after them, such as the store's export).
nlohmann::ordered_json EventToJson(std::string_view doc_id,
                                   std::string_view date,
                                   std::string_view sentence_text,
                                   const Event& event);

}  // namespace curlew::io

#endif  // CURLEW_IO_EVENT_WRITER_H_
