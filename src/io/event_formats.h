// The event formats of the event-data tradition, as the tools that read
// them expect them: tab-separated, one event a line, no header line.
//
//  - PETRARCH: the lines PETRARCH2's writer writes (petrarch2/PETRwriter.py,
//    write_events, with write_actor_text and write_event_text on as in its
//    PETR_config.ini): story date (YYYYMMDD), source, target, CAMEO code,
//    issues ("CODE,count;..."), sentence id ("<doc>_<sentence>"), the URL
//    when the document has one, the story source ("NULL" when unknown),
//    source text, target text, event text. A missing actor is "---".
//  - Phoenix: the 26 columns the phoenix_pipeline writes (postprocess.py,
//    create_strings): EventID, Date (the story date, YYYYMMDD), Year,
//    Month, Day; for source then target the full code, its root (a country
//    or IGO/NGO/IMG/MNC), its primary agent (GOV, MIL, ...) and the other
//    three-letter codes joined by ';'; CAMEO code, root code, PentaClass
//    (0-4), Goldstein value, issues, latitude, longitude, place name, state
//    name, country name (from the gazetteer), sentence id, URLs, sources.
//  - GDELT: the GDELT 2.0 event table's 61 fields in the codebook's order
//    (GDELT Event Database Data Format Codebook V2.0): dates as SQLDATE
//    (YYYYMMDD), MonthYear, Year and FractionDate; the CAMEO actor code
//    split into country, known group, ethnic, religion and type columns;
//    the action's place with its type, full name, FIPS 10-4 country code,
//    latitude and longitude from the gazetteer. The codebook lets every
//    field be empty; curlew leaves empty what it does not know (SQLDATE of
//    an event dated only to a month or a year, the tone, the actors' own
//    places), rather than writing a made-up value.
//
// Thread safety: the functions are pure; a sink belongs to one thread.
#ifndef CURLEW_IO_EVENT_FORMATS_H_
#define CURLEW_IO_EVENT_FORMATS_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "curlew/env.h"
#include "curlew/event_record.h"
#include "curlew/places.h"
#include "io/event_sink.h"

namespace curlew::io {

// The fields of one line of each format (for the sinks and their tests).
// `places` may be null (no coordinates then).
std::vector<std::string> PetrarchFields(const EventRecord& record);
std::vector<std::string> PhoenixFields(const EventRecord& record,
                                       const Gazetteer* places);
std::vector<std::string> GdeltFields(const EventRecord& record,
                                     const Gazetteer* places);

// The number of fields of a GDELT 2.0 event record.
inline constexpr size_t kGdeltFields = 61;

// GDELT's ten actor columns (Code, Name, CountryCode, KnownGroupCode,
// EthnicCode, Religion1Code, Religion2Code, Type1Code, Type2Code,
// Type3Code) of a CAMEO actor code.
std::vector<std::string> GdeltActorColumns(std::string_view code,
                                           std::string_view name);

// The phoenix_pipeline's PentaClass of a CAMEO root ("01".."20"): 0 for
// statements and appeals (01, 02), 1 verbal cooperation, 2 material
// cooperation, 3 verbal conflict, 4 material conflict; -1 for anything
// else.
int PentaClass(std::string_view root);

// The FIPS 10-4 country code GDELT's geo columns use for an ISO 3166
// alpha-3 code ("TUR" -> "TU"); "" if unknown.
std::string_view FipsCountryCode(std::string_view iso3);

// A Goldstein value as every format writes it, with one decimal ("-4.0").
std::string OneDecimal(double v);

// The issues of an event ("EXTRADITION 1, REFUGEES 2", as the coder
// writes them) as PETRARCH and Phoenix write them ("EXTRADITION,1;
// REFUGEES,2" without the space).
std::string IssuesField(std::string_view issues);

std::unique_ptr<EventSink> MakePetrarchSink(WritableFile* out);
std::unique_ptr<EventSink> MakePhoenixSink(
    WritableFile* out, std::shared_ptr<const Gazetteer> places);
std::unique_ptr<EventSink> MakeGdeltSink(
    WritableFile* out, std::shared_ptr<const Gazetteer> places);

}  // namespace curlew::io

#endif  // CURLEW_IO_EVENT_FORMATS_H_
