// Event output formats of the event-data tradition, one line per event:
//
//  - PETRARCH: date (YYYYMMDD), source, target, CAMEO code, issues,
//    "docid-sentence", source text, target text, verb text; tab-separated.
//  - Phoenix: the Phoenix dataset's columns (EventID, Date, Year, Month,
//    Day, SourceActorFull, SourceActorEntity, SourceActorRole,
//    SourceActorAttribute, TargetActorFull, ..., EventCode, EventRootCode,
//    QuadClass, GoldsteinScore, Issues, Lat, Lon, LocationName, StateName,
//    CountryCode, SentenceID, URLs, NewsSources); tab-separated.
//
// Pure functions of their arguments; thread-safe.
#ifndef CURLEW_IO_EVENT_FORMATS_H_
#define CURLEW_IO_EVENT_FORMATS_H_

#include <string>
#include <string_view>

#include "curlew/document.h"
#include "curlew/event.h"

namespace curlew {

// One PETRARCH event line (no trailing newline).
std::string FormatPetrarchEvent(const Document& doc, const Event& e);

// One Phoenix event line; `event_index` numbers the events of the document.
std::string FormatPhoenixEvent(const Document& doc, const Event& e,
                               size_t event_index);

// The Phoenix header line.
std::string PhoenixHeader();

// Splits a CAMEO actor code into entity ("USA"), role ("GOV") and the rest
// ("MIL..."): three-letter pieces; "---" entity for agent-only codes.
void SplitActorCode(std::string_view code, std::string* entity,
                    std::string* role, std::string* attribute);

}  // namespace curlew

#endif  // CURLEW_IO_EVENT_FORMATS_H_
