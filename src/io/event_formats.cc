// PETRARCH, Phoenix and GDELT event lines (see event_formats.h for the
// documents each one follows).
#include "io/event_formats.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "actors/country_codes.h"
#include "curlew/time.h"

namespace curlew::io {
namespace {

// Tabs and line breaks would break a tab-separated line.
std::string Clean(std::string_view s) {
  std::string r(s);
  for (char& c : r) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return r;
}

// The shortest text that reads back as `v` ("39.9042", "-4").
std::string Coordinate(double v) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, end) : std::string();
}

// "YYYYMMDD" of a full-day date ("2020-12-31"), else "".
std::string DayDigits(std::string_view date) {
  Result<PartialDate> d = ParseDate(date);
  if (!d.ok() || d->precision != DatePrecision::kDay) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", d->year, d->month, d->day);
  return buf;
}

// The story date of PETRARCH and Phoenix: the document's date; an event of
// a document without one gets its own date when that is a full day.
std::string StoryDate(const EventRecord& r) {
  std::string d = DayDigits(r.doc_date);
  return d.empty() ? DayDigits(r.date) : d;
}

// PETRARCH's sentence id: "<story id>_<sentence>".
std::string SentenceId(const EventRecord& r) {
  return Clean(r.doc_id) + "_" + std::to_string(r.event.sentence);
}

std::string CodeOrDashes(const std::string& code) {
  return code.empty() ? "---" : Clean(code);
}

// The gazetteer's countries by code, and a look-up of a place by name.
class Places {
 public:
  explicit Places(const Gazetteer* g) : g_(g) {
    if (g_ == nullptr) return;
    for (const Place& p : g_->places()) {
      if (p.kind == PlaceKind::kCountry) countries_.emplace(p.country, &p);
    }
  }
  bool IsCountry(std::string_view code) const {
    return IsoCountryCodes().count(code) > 0 ||
           countries_.count(std::string(code)) > 0;
  }
  const Place* Country(const std::string& code) const {
    auto it = countries_.find(code);
    return it == countries_.end() ? nullptr : it->second;
  }
  const Place* Find(const std::string& name) const {
    return g_ == nullptr || name.empty() ? nullptr : g_->Lookup(name);
  }

 private:
  const Gazetteer* g_;
  std::unordered_map<std::string, const Place*> countries_;
};

// Three-letter CAMEO codes by the GDELT column they belong in (the CAMEO
// codebook's agent and organisation types, CAMEO.RCS religions, CAMEO.ECS
// ethnic groups that curlew's knowledge base codes).
bool IsTypeCode(std::string_view c) {
  static const std::set<std::string_view> kTypes = {
      "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV",
      "GOV", "HLH", "HRI", "IGO", "IMG", "INS", "INT", "JUD", "LAB",
      "LEG", "MED", "MIL", "MNC", "MOD", "NGM", "NGO", "OPP", "PTY",
      "RAD", "REB", "REF", "REL", "SEP", "SET", "SPY", "UAF", "UIS"};
  return kTypes.count(c) > 0;
}

bool IsReligionCode(std::string_view c) {
  static const std::set<std::string_view> kReligions = {
      "ALE", "BAH", "BUD", "CHR", "CPT", "CTH", "DOX", "HIN",
      "JEW", "MOS", "PRO", "SFI", "SHI", "SIK", "SUN"};
  return kReligions.count(c) > 0;
}

bool IsEthnicCode(std::string_view c) {
  static const std::set<std::string_view> kEthnic = {
      "AMH", "ARN", "BAL", "BER", "DRU", "FUL", "HAU", "HAZ", "HUT", "IBO",
      "KAC", "KAR", "KAS", "KUR", "MYN", "ORM", "PAL", "PUS", "RHG", "SIN",
      "TAM", "TAT", "TIB", "TIR", "TMH", "TTS", "UIG", "YOR", "YZD"};
  return kEthnic.count(c) > 0;
}

// The pieces of a CAMEO actor code: three letters at a time; a last piece
// of four or five letters ("OPEC", "BRICS") stays whole.
std::vector<std::string_view> CodePieces(std::string_view code) {
  std::vector<std::string_view> pieces;
  size_t i = 0;
  while (i < code.size()) {
    size_t n = code.size() - i <= 5 ? code.size() - i : 3;
    pieces.push_back(code.substr(i, n));
    i += n;
  }
  return pieces;
}

std::string UpperAscii(std::string_view s) {
  std::string r(s);
  for (char& c : r) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return r;
}

std::vector<std::string> GdeltActor(std::string_view code,
                                    std::string_view name,
                                    const Places& places) {
  std::string country, group, ethnic, religion1, religion2;
  std::vector<std::string> types;
  std::vector<std::string_view> pieces = CodePieces(code);
  for (size_t i = 0; i < pieces.size(); ++i) {
    std::string_view p = pieces[i];
    if (p == "---") continue;  // no country: an agent-only code
    if (i == 0 && places.IsCountry(p)) {
      country = p;
    } else if (IsTypeCode(p)) {
      if (types.size() < 3) types.emplace_back(p);
    } else if (IsReligionCode(p)) {
      // "MOSSUN": Islam, then Sunni.
      if (religion1.empty()) {
        religion1 = p;
      } else if (religion2.empty()) {
        religion2 = p;
      }
    } else if (IsEthnicCode(p)) {
      if (ethnic.empty()) ethnic = p;
    } else if (group.empty()) {
      group = p;  // an organisation's own code ("UNO" of IGOUNO)
    }
  }
  types.resize(3);
  if (code.empty()) name = {};
  // PETRARCH's "---" (no country) is not part of a GDELT actor code: an
  // agent-only actor is "REB", as in GDELT's own records.
  if (code.starts_with("---")) code.remove_prefix(3);
  return {Clean(code), Clean(UpperAscii(name)),
          country,     group,
          ethnic,      religion1,
          religion2,   types[0],
          types[1],    types[2]};
}

// The eight geo columns (Type, FullName, CountryCode, ADM1Code, ADM2Code,
// Lat, Long, FeatureID) of a place; Type 0 and the rest empty for none.
std::vector<std::string> GdeltGeo(const Place* place, const Places& places) {
  if (place == nullptr) return {"0", "", "", "", "", "", "", ""};
  const bool usa = place->country == "USA";
  std::string type;
  switch (place->kind) {
    case PlaceKind::kCountry:
      type = "1";  // COUNTRY
      break;
    case PlaceKind::kRegion:
      type = usa ? "2" : "5";  // USSTATE, WORLDSTATE
      break;
    case PlaceKind::kCapital:
    case PlaceKind::kCity:
      type = usa ? "3" : "4";  // USCITY, WORLDCITY
      break;
  }
  const std::string fips(FipsCountryCode(place->country));
  std::string full = place->name;
  if (place->kind != PlaceKind::kCountry) {
    // "City, Country" ("State, Country" for a region); the codebook's
    // middle "State" part of a city is left out where curlew does not
    // know it.
    const Place* country = places.Country(place->country);
    if (country != nullptr) full += ", " + country->name;
  }
  // A country's ADM1 code and feature id are its own country code, as in
  // GDELT's country-level matches; curlew knows no finer codes.
  const bool country_level = place->kind == PlaceKind::kCountry;
  return {type,
          Clean(full),
          fips,
          country_level ? fips : "",
          "",
          Coordinate(place->lat),
          Coordinate(place->lon),
          country_level ? fips : ""};
}

class PetrarchSink : public EventSink {
 public:
  explicit PetrarchSink(WritableFile* out) : EventSink(out) {}
  Status Write(const EventRecord& r) override {
    ++events_;
    return WriteFields(PetrarchFields(r));
  }

 protected:
  Status WriteFields(const std::vector<std::string>& fields) {
    std::string line;
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i) line += '\t';
      line += fields[i];
    }
    return WriteLine(line);
  }
};

}  // namespace

std::string OneDecimal(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// Defined below, outside the anonymous namespace, next to their public
// wrappers.
std::vector<std::string> PhoenixFieldsWith(const EventRecord& r,
                                           const Places& places);
std::vector<std::string> GdeltFieldsWith(const EventRecord& r,
                                         const Places& places);

namespace {

// The Phoenix and GDELT sinks keep the gazetteer (shared) and its country
// index (built once).
class PlaceSink : public PetrarchSink {
 public:
  using Format = std::vector<std::string> (*)(const EventRecord&,
                                              const Places&);
  PlaceSink(WritableFile* out, std::shared_ptr<const Gazetteer> gazetteer,
            Format format)
      : PetrarchSink(out),
        gazetteer_(std::move(gazetteer)),
        places_(gazetteer_.get()),
        format_(format) {}
  Status Write(const EventRecord& r) override {
    ++events_;
    return WriteFields(format_(r, places_));
  }

 private:
  std::shared_ptr<const Gazetteer> gazetteer_;
  Places places_;
  Format format_;
};

// The phoenix_pipeline's actor columns: full code, root, primary agent and
// the other codes joined by ';'.
std::vector<std::string> PhoenixActor(const std::string& code,
                                      const Places& places) {
  static const std::set<std::string_view> kRoots = {"IGO", "NGO", "IMG", "MNC"};
  static const std::set<std::string_view> kAgents = {
      "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD",
      "SPY", "MED", "EDU", "BUS", "CRM", "CVL"};
  const std::string full = CodeOrDashes(code);
  const std::string_view c(full);
  const std::string_view first = c.substr(0, 3);
  std::string root, agent, others;
  if (places.IsCountry(first) || kRoots.count(first)) root = first;
  if (c.size() >= 6 && kAgents.count(c.substr(3, 3))) agent = c.substr(3, 3);
  if (c.size() > 3) {
    for (size_t i = agent.empty() ? 3 : 6; i < c.size(); i += 3) {
      if (!others.empty()) others += ';';
      others += c.substr(i, 3);
    }
  }
  return {full, root, agent, others};
}

}  // namespace

std::string IssuesField(std::string_view issues) {
  std::string out;
  size_t b = 0;
  while (b < issues.size()) {
    size_t e = issues.find(',', b);
    if (e == std::string_view::npos) e = issues.size();
    std::string_view item = issues.substr(b, e - b);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty()) {
      const size_t space = item.rfind(' ');
      if (!out.empty()) out += ';';
      if (space == std::string_view::npos) {
        out += std::string(item) + ",1";
      } else {
        out += std::string(item.substr(0, space)) + "," +
               std::string(item.substr(space + 1));
      }
    }
    b = e + 1;
  }
  return Clean(out);
}

std::vector<std::string> PetrarchFields(const EventRecord& r) {
  const Event& e = r.event;
  std::vector<std::string> f = {StoryDate(r),           CodeOrDashes(e.source),
                                CodeOrDashes(e.target), Clean(e.cameo),
                                IssuesField(e.issues),  SentenceId(r)};
  if (!r.doc_url.empty()) f.push_back(Clean(r.doc_url));
  f.push_back(r.doc_source.empty() ? "NULL" : Clean(r.doc_source));
  auto text = [](const std::string& s) {
    return s.empty() ? std::string("---") : Clean(s);
  };
  f.push_back(text(e.source_text));
  f.push_back(text(e.target_text));
  f.push_back(text(e.verb_text));
  return f;
}

int PentaClass(std::string_view root) {
  static const std::unordered_map<std::string_view, int> kPenta = {
      {"01", 0}, {"02", 0}, {"03", 1}, {"04", 1}, {"05", 1},
      {"06", 2}, {"07", 2}, {"08", 2}, {"09", 3}, {"10", 3},
      {"11", 3}, {"12", 3}, {"13", 3}, {"14", 4}, {"15", 4},
      {"16", 3}, {"17", 4}, {"18", 4}, {"19", 4}, {"20", 4}};
  auto it = kPenta.find(root);
  return it == kPenta.end() ? -1 : it->second;
}

std::vector<std::string> PhoenixFieldsWith(const EventRecord& r,
                                           const Places& places) {
  const Event& e = r.event;
  const std::string date = StoryDate(r);
  std::vector<std::string> f = {
      std::to_string(r.event_id), date,
      date.substr(0, std::min<size_t>(4, date.size())),
      date.size() >= 6 ? date.substr(4, 2) : "",
      date.size() >= 8 ? date.substr(6, 2) : ""};
  for (const std::string* code : {&e.source, &e.target}) {
    for (std::string& col : PhoenixActor(*code, places)) {
      f.push_back(std::move(col));
    }
  }
  const int penta = PentaClass(e.root);
  f.insert(f.end(), {Clean(e.cameo), Clean(e.root),
                     penta < 0 ? "" : std::to_string(penta),
                     OneDecimal(e.goldstein), IssuesField(e.issues)});
  // Latitude, longitude, place, state and country name; all five empty
  // when the place is not in the gazetteer.
  const Place* place = places.Find(e.location);
  if (place != nullptr) {
    const Place* country = places.Country(place->country);
    f.insert(
        f.end(),
        {Coordinate(place->lat), Coordinate(place->lon), Clean(place->name),
         place->kind == PlaceKind::kRegion ? Clean(place->name) : "",
         country != nullptr ? Clean(country->name) : ""});
  } else {
    f.insert(f.end(), {"", "", "", "", ""});
  }
  f.insert(f.end(), {SentenceId(r), Clean(r.doc_url), Clean(r.doc_source)});
  return f;
}

std::vector<std::string> GdeltActorColumns(std::string_view code,
                                           std::string_view name) {
  return GdeltActor(code, name, Places(nullptr));
}

std::vector<std::string> GdeltFieldsWith(const EventRecord& r,
                                         const Places& places) {
  const Event& e = r.event;
  std::string sqldate, month_year, year, fraction;
  if (Result<PartialDate> d = ParseDate(r.date); d.ok()) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d", d->year);
    year = buf;
    if (d->precision >= DatePrecision::kMonth) {
      std::snprintf(buf, sizeof buf, "%04d%02d", d->year, d->month);
      month_year = buf;
    }
    if (d->precision == DatePrecision::kDay) {
      std::snprintf(buf, sizeof buf, "%04d%02d%02d", d->year, d->month, d->day);
      sqldate = buf;
      // The codebook's FractionDate: YYYY + (MONTH * 30 + DAY) / 365.
      std::snprintf(buf, sizeof buf, "%.4f",
                    d->year + (d->month * 30 + d->day) / 365.0);
      fraction = buf;
    }
  }
  std::vector<std::string> f = {std::to_string(r.event_id), sqldate, month_year,
                                year, fraction};
  for (auto* actor : {&e.source, &e.target}) {
    const std::string& name =
        actor == &e.source ? e.source_text : e.target_text;
    for (std::string& col : GdeltActor(*actor, name, places)) {
      f.push_back(std::move(col));
    }
  }
  // How many reports: one record of `curlew code` is one mention in one
  // article from one source; a stored event merged from several reports
  // knows its mentions but not how many articles and sources they were in.
  const std::string one_report = r.mentions == 1 ? "1" : "";
  f.insert(
      f.end(),
      {e.sentence == 0 ? "1" : "0", Clean(e.cameo),
       Clean(e.cameo.size() == 4 ? e.cameo.substr(0, 3) : e.cameo),
       Clean(e.root), e.quad >= 1 && e.quad <= 4 ? std::to_string(e.quad) : "",
       e.cameo.empty() ? "" : OneDecimal(e.goldstein),
       std::to_string(r.mentions), one_report, one_report, ""});
  // The actors' own places are not known; the action's place is the
  // event's location.
  for (const Place* p :
       {static_cast<const Place*>(nullptr), static_cast<const Place*>(nullptr),
        places.Find(e.location)}) {
    for (std::string& col : GdeltGeo(p, places)) f.push_back(std::move(col));
  }
  std::string added;
  for (char c : r.ingested_at) {
    if (c >= '0' && c <= '9') added += c;
  }
  f.push_back(added);
  f.push_back(Clean(r.doc_url.empty() ? r.doc_id : r.doc_url));
  return f;
}

std::string_view FipsCountryCode(std::string_view iso3) {
  // ISO 3166-1 alpha-3 -> FIPS 10-4, for the countries of curlew's
  // gazetteer (and Kosovo, KSV/KV). Palestine is the West Bank's WE, as in
  // GDELT.
  static const std::unordered_map<std::string_view, std::string_view> kFips = {
      {"AFG", "AF"}, {"AGO", "AO"}, {"ALB", "AL"}, {"AND", "AN"}, {"ARE", "AE"},
      {"ARG", "AR"}, {"ARM", "AM"}, {"ATG", "AC"}, {"AUS", "AS"}, {"AUT", "AU"},
      {"AZE", "AJ"}, {"BDI", "BY"}, {"BEL", "BE"}, {"BEN", "BN"}, {"BFA", "UV"},
      {"BGD", "BG"}, {"BGR", "BU"}, {"BHR", "BA"}, {"BHS", "BF"}, {"BIH", "BK"},
      {"BLR", "BO"}, {"BLZ", "BH"}, {"BOL", "BL"}, {"BRA", "BR"}, {"BRB", "BB"},
      {"BRN", "BX"}, {"BTN", "BT"}, {"BWA", "BC"}, {"CAF", "CT"}, {"CAN", "CA"},
      {"CHE", "SZ"}, {"CHL", "CI"}, {"CHN", "CH"}, {"CIV", "IV"}, {"CMR", "CM"},
      {"COD", "CG"}, {"COG", "CF"}, {"COL", "CO"}, {"COM", "CN"}, {"CPV", "CV"},
      {"CRI", "CS"}, {"CUB", "CU"}, {"CYP", "CY"}, {"CZE", "EZ"}, {"DEU", "GM"},
      {"DJI", "DJ"}, {"DMA", "DO"}, {"DNK", "DA"}, {"DOM", "DR"}, {"DZA", "AG"},
      {"ECU", "EC"}, {"EGY", "EG"}, {"ERI", "ER"}, {"ESH", "WI"}, {"ESP", "SP"},
      {"EST", "EN"}, {"ETH", "ET"}, {"FIN", "FI"}, {"FJI", "FJ"}, {"FRA", "FR"},
      {"FSM", "FM"}, {"GAB", "GB"}, {"GBR", "UK"}, {"GEO", "GG"}, {"GHA", "GH"},
      {"GIN", "GV"}, {"GMB", "GA"}, {"GNB", "PU"}, {"GNQ", "EK"}, {"GRC", "GR"},
      {"GRD", "GJ"}, {"GRL", "GL"}, {"GTM", "GT"}, {"GUY", "GY"}, {"HKG", "HK"},
      {"HND", "HO"}, {"HRV", "HR"}, {"HTI", "HA"}, {"HUN", "HU"}, {"IDN", "ID"},
      {"IND", "IN"}, {"IRL", "EI"}, {"IRN", "IR"}, {"IRQ", "IZ"}, {"ISL", "IC"},
      {"ISR", "IS"}, {"ITA", "IT"}, {"JAM", "JM"}, {"JOR", "JO"}, {"JPN", "JA"},
      {"KAZ", "KZ"}, {"KEN", "KE"}, {"KGZ", "KG"}, {"KHM", "CB"}, {"KIR", "KR"},
      {"KNA", "SC"}, {"KOR", "KS"}, {"KSV", "KV"}, {"KWT", "KU"}, {"LAO", "LA"},
      {"LBN", "LE"}, {"LBR", "LI"}, {"LBY", "LY"}, {"LCA", "ST"}, {"LIE", "LS"},
      {"LKA", "CE"}, {"LSO", "LT"}, {"LTU", "LH"}, {"LUX", "LU"}, {"LVA", "LG"},
      {"MAC", "MC"}, {"MAR", "MO"}, {"MCO", "MN"}, {"MDA", "MD"}, {"MDG", "MA"},
      {"MDV", "MV"}, {"MEX", "MX"}, {"MHL", "RM"}, {"MKD", "MK"}, {"MLI", "ML"},
      {"MLT", "MT"}, {"MMR", "BM"}, {"MNE", "MJ"}, {"MNG", "MG"}, {"MOZ", "MZ"},
      {"MRT", "MR"}, {"MUS", "MP"}, {"MWI", "MI"}, {"MYS", "MY"}, {"NAM", "WA"},
      {"NCL", "NC"}, {"NER", "NG"}, {"NGA", "NI"}, {"NIC", "NU"}, {"NLD", "NL"},
      {"NOR", "NO"}, {"NPL", "NP"}, {"NRU", "NR"}, {"NZL", "NZ"}, {"OMN", "MU"},
      {"PAK", "PK"}, {"PAN", "PM"}, {"PER", "PE"}, {"PHL", "RP"}, {"PLW", "PS"},
      {"PNG", "PP"}, {"POL", "PL"}, {"PRI", "RQ"}, {"PRK", "KN"}, {"PRT", "PO"},
      {"PRY", "PA"}, {"PSE", "WE"}, {"QAT", "QA"}, {"ROU", "RO"}, {"RUS", "RS"},
      {"RWA", "RW"}, {"SAU", "SA"}, {"SDN", "SU"}, {"SEN", "SG"}, {"SGP", "SN"},
      {"SLB", "BP"}, {"SLE", "SL"}, {"SLV", "ES"}, {"SMR", "SM"}, {"SOM", "SO"},
      {"SRB", "RI"}, {"SSD", "OD"}, {"STP", "TP"}, {"SUR", "NS"}, {"SVK", "LO"},
      {"SVN", "SI"}, {"SWE", "SW"}, {"SWZ", "WZ"}, {"SYC", "SE"}, {"SYR", "SY"},
      {"TCD", "CD"}, {"TGO", "TO"}, {"THA", "TH"}, {"TJK", "TI"}, {"TKM", "TX"},
      {"TLS", "TT"}, {"TON", "TN"}, {"TTO", "TD"}, {"TUN", "TS"}, {"TUR", "TU"},
      {"TUV", "TV"}, {"TWN", "TW"}, {"TZA", "TZ"}, {"UGA", "UG"}, {"UKR", "UP"},
      {"URY", "UY"}, {"USA", "US"}, {"UZB", "UZ"}, {"VAT", "VT"}, {"VCT", "VC"},
      {"VEN", "VE"}, {"VNM", "VM"}, {"VUT", "NH"}, {"WSM", "WS"}, {"YEM", "YM"},
      {"ZAF", "SF"}, {"ZMB", "ZA"}, {"ZWE", "ZI"}};
  auto it = kFips.find(iso3);
  return it == kFips.end() ? std::string_view() : it->second;
}

std::vector<std::string> PhoenixFields(const EventRecord& r,
                                       const Gazetteer* places) {
  return PhoenixFieldsWith(r, Places(places));
}

std::vector<std::string> GdeltFields(const EventRecord& r,
                                     const Gazetteer* places) {
  return GdeltFieldsWith(r, Places(places));
}

std::unique_ptr<EventSink> MakePetrarchSink(WritableFile* out) {
  return std::make_unique<PetrarchSink>(out);
}

std::unique_ptr<EventSink> MakePhoenixSink(
    WritableFile* out, std::shared_ptr<const Gazetteer> places) {
  return std::make_unique<PlaceSink>(out, std::move(places),
                                     &PhoenixFieldsWith);
}

std::unique_ptr<EventSink> MakeGdeltSink(
    WritableFile* out, std::shared_ptr<const Gazetteer> places) {
  return std::make_unique<PlaceSink>(out, std::move(places), &GdeltFieldsWith);
}

}  // namespace curlew::io
