// EventSink: where coded events go. One interface, one implementation per
// output format, used by every command that writes events (`curlew code`
// writes the events of the documents it codes, `curlew query` and
// `curlew export` the events of a store), so a format means the same
// columns wherever it is written:
//
//   jsonl     one JSON object per event: the event contract of DESIGN.md
//             (io/event_writer.h), then event_id, event, mentions, doc_date
//             and url
//   csv       RFC 4180 with a header row (the same fields, flat)
//   table     aligned columns for reading in a terminal (streamed; long
//             cells are cut)
//   petrarch  PETRARCH2's event lines (io/event_formats.h)
//   phoenix   the Phoenix data set's lines, as the phoenix_pipeline writes
//             them (io/event_formats.h)
//   gdelt     the GDELT 2.0 event table, 61 tab-separated fields
//             (io/event_formats.h)
//
//   auto out = NewOutputFile(Env::Default(), "-");
//   auto sink = io::MakeEventSink("gdelt", out->get(), {});
//   for (const EventRecord& r : records) (*sink)->Write(r);
//   Status s = (*sink)->Finish();   // then (*out)->Close()
//
// A sink does not own the file it writes to. Every write error (a full
// disk, a closed pipe) comes back from Write or Finish; nothing is lost in
// silence. Thread safety: one sink per thread.
#ifndef CURLEW_IO_EVENT_SINK_H_
#define CURLEW_IO_EVENT_SINK_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "curlew/env.h"
#include "curlew/event_record.h"
#include "curlew/places.h"
#include "curlew/status.h"
#include "curlew/store.h"
#include <nlohmann/json.hpp>

namespace curlew::io {

struct SinkOptions {
  // The gazetteer that named the events' places (Event::location), for the
  // coordinates and countries of the Phoenix and GDELT geo columns.
  // Default: none (those columns stay empty).
  std::shared_ptr<const Gazetteer> places;
};

class EventSink {
 public:
  virtual ~EventSink() = default;
  // Writes one event. Returns the output's first error, if any.
  virtual Status Write(const EventRecord& record) = 0;
  // Writes anything still buffered; does not close the file.
  virtual Status Finish();

  uint64_t events_written() const { return events_; }

 protected:
  explicit EventSink(WritableFile* out) : out_(out) {}
  // Appends one line and a newline.
  Status WriteLine(std::string_view line);

  WritableFile* out_;
  uint64_t events_ = 0;
};

// The format names, in the order help texts list them.
const std::vector<std::string>& EventFormatNames();

// A sink writing `format` to `out` (which must outlive it). Errors:
// kInvalidArgument for an unknown format, naming the known ones.
Result<std::unique_ptr<EventSink>> MakeEventSink(std::string_view format,
                                                 WritableFile* out,
                                                 const SinkOptions& options);

// One stored event as the jsonl format writes it: the event contract's
// fields first, in its order, then event_id, event, mentions, doc_date and
// url (also the HTTP API's event objects).
nlohmann::ordered_json EventRecordToJson(const EventRecord& record);

// One aggregate row as the jsonl format writes it: period, source and
// target (kDyad), root (kRoot) or quad (kQuad), events, mean_goldstein.
nlohmann::ordered_json CountToJson(const GroupCount& row, GroupBy group);

// Aggregate rows (curlew query --count-by) as table, jsonl or csv.
Status WriteCounts(const std::vector<GroupCount>& rows, GroupBy group,
                   std::string_view format, WritableFile* out);

// One CSV field, quoted when it holds a comma, quote or line break.
std::string CsvField(std::string_view value);

}  // namespace curlew::io

#endif  // CURLEW_IO_EVENT_SINK_H_
