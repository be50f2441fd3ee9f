// The events table's Event columns and how one row of them becomes an Event,
// written once for every query that reads events (QueryEvents, the ledger
// tables' links).
//
// Thread safety: constants and a pure function.
#ifndef CURLEW_STORE_EVENT_ROWS_H_
#define CURLEW_STORE_EVENT_ROWS_H_

#include "curlew/event.h"
#include "store/sql_connection.h"

namespace curlew::store {

// The Event fields of the events table aliased `e`, as a SELECT list, in the
// order ReadEventColumns reads them.
inline constexpr const char* kEventColumns =
    "e.sentence, e.span_begin, e.span_end, e.verb_text, e.source, "
    "e.target, e.source_text, e.target_text, e.cameo, e.root, e.quad, "
    "e.goldstein, e.plover, e.plover_mode, e.date, e.location, "
    "e.attribution, e.modality, e.speaker, e.negated, e.issues";

// Reads the columns of kEventColumns from `row`, starting at column
// `first`, into *event.
void ReadEventColumns(const SqlRow& row, int first, Event* event);

}  // namespace curlew::store

#endif  // CURLEW_STORE_EVENT_ROWS_H_
