// EventRecord: one coded event with the context a reader of event data
// needs (its document, sentence, ids and counts). `curlew code` makes one
// per event of each document it codes; the store makes one per stored event
// it returns; every output format (io/event_sink.h) writes EventRecords, so
// both commands write the same columns with the same types.
//
// Thread safety: a plain value.
#ifndef CURLEW_EVENT_RECORD_H_
#define CURLEW_EVENT_RECORD_H_

#include <cstdint>
#include <string>
#include <vector>

#include "curlew/document.h"
#include "curlew/event.h"

namespace curlew {

struct EventRecord {
  // Event id, a positive integer (GDELT's GLOBALEVENTID, Phoenix's
  // EventID): the store-wide id of a stored event; for `curlew code`, the
  // event's number in the output (1, 2, ...).
  int64_t event_id = 0;
  std::string doc_id;
  uint32_t index = 0;    // position of the event in its document
  std::string doc_date;  // publication date of the document
  std::string doc_source;
  std::string doc_url;
  std::string date;  // event date, else the document date
  std::string sentence_text;
  // When the event was coded or stored, UTC, "YYYY-MM-DD HH:MM:SS".
  std::string ingested_at;
  // Stored reports (events in any document) with the same date, source,
  // target and CAMEO code; 1 for `curlew code`.
  int64_t mentions = 1;
  Event event;
};

// The records of the events of a coded document, with ids first_id,
// first_id + 1, ... and `coded_at` as their ingested_at.
std::vector<EventRecord> RecordsOf(const Document& doc, int64_t first_id,
                                   const std::string& coded_at);

// Now, UTC, "YYYY-MM-DD HH:MM:SS".
std::string UtcNow();

}  // namespace curlew

#endif  // CURLEW_EVENT_RECORD_H_
