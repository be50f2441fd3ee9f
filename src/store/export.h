// Writers of stored events and aggregates in the formats users hand to R,
// pandas or older event-data tools:
//
//   table     aligned columns for reading in a terminal
//   jsonl     one JSON object per event (the `curlew code` fields and more)
//   csv       RFC 4180, with a header row
//   phoenix   Phoenix dataset TSV (EventID, Date, Year, Month, Day, ...)
//   petrarch  PETRARCH event lines: date, source, target, code, issues, ids
//   gdelt     GDELT 2.0 event table columns, named as GDELT names them,
//             as CSV with a header; the columns curlew cannot fill are empty
//
// Thread safety: a writer belongs to one thread.
#ifndef CURLEW_STORE_EXPORT_H_
#define CURLEW_STORE_EXPORT_H_

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "curlew/status.h"
#include "curlew/store.h"

namespace curlew::store {

class EventWriter {
 public:
  virtual ~EventWriter() = default;
  virtual void Write(const EventRecord& record) = 0;
  // Writes anything buffered (the table) and the closing lines.
  virtual void Finish() {}
};

// One stored event as the jsonl format writes it: the `curlew code`
// fields, in their order, then the store's own (event_id, event, mentions,
// doc_date, url). The Python module's Store.events() reads these.
nlohmann::ordered_json EventRecordToJson(const EventRecord& record);

// The format names this build writes, for help texts.
const std::vector<std::string>& EventFormats();

// A writer to `out` (which must outlive it); kInvalidArgument for an
// unknown format name.
Result<std::unique_ptr<EventWriter>> MakeEventWriter(std::string_view format,
                                                     std::ostream& out);

// Writes aggregate rows as table, jsonl or csv.
Status WriteCounts(const std::vector<GroupCount>& rows, GroupBy group,
                   std::string_view format, std::ostream& out);

// One CSV field, quoted when it holds a comma, quote or line break.
std::string CsvField(std::string_view value);

}  // namespace curlew::store

#endif  // CURLEW_STORE_EXPORT_H_
