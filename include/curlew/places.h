// Places: a gazetteer of countries, capitals, major cities and regions
// (data/kb/places.tsv, curlew's own file) and a matcher that finds place
// mentions in a sentence ("in Nairobi", "in the Gaza Strip", "near
// Kandahar") and attaches the nearest one to each event as Event::location.
//
// Gazetteer file: one place per line, tab-separated: name, other names
// (";"-separated), kind (country|capital|city|region), ISO 3166-1 alpha-3
// country code, latitude, longitude. Lines starting with "#" are comments.
//
// Ownership and thread safety: a Gazetteer is immutable after Load/Parse
// and may be shared by any number of threads; FindPlaceMentions allocates
// only its result. The component holds a shared_ptr to its gazetteer.
#ifndef CURLEW_PLACES_H_
#define CURLEW_PLACES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "curlew/document.h"
#include "curlew/pipeline.h"
#include "curlew/status.h"

namespace curlew {

enum class PlaceKind { kCountry, kCapital, kCity, kRegion };

// "country", "capital", "city", "region".
std::string_view PlaceKindName(PlaceKind kind);

struct Place {
  std::string name;                  // canonical name ("Xinjiang")
  std::vector<std::string> aliases;  // other names
  PlaceKind kind = PlaceKind::kCity;
  std::string country;  // ISO alpha-3 ("CHN")
  double lat = 0.0;
  double lon = 0.0;
};

struct GazetteerOptions {
  // Longest place name, in words; longer names in the file are an error.
  // Default: 8.
  size_t max_name_words = 8;
  // Longest sentence scanned, in tokens. Default: 400.
  size_t max_sentence_tokens = 400;
};

// One place named in a sentence.
struct PlaceMention {
  const Place* place = nullptr;  // points into the Gazetteer
  uint32_t token_begin = 0;      // absolute indices into Document::tokens
  uint32_t token_end = 0;
  Span span;              // bytes of the name in Document::text
  bool locative = false;  // after "in", "at", "near", ... ("in Nairobi")
};

class Gazetteer {
 public:
  // Reads a gazetteer file. Errors: kNotFound, kParseError with the line.
  static Result<std::unique_ptr<Gazetteer>> Load(
      const std::string& path, const GazetteerOptions& options = {});
  // Parses gazetteer text; `where` names it in errors.
  static Result<std::unique_ptr<Gazetteer>> Parse(
      std::string_view text, std::string_view where,
      const GazetteerOptions& options = {});

  size_t size() const { return places_.size(); }
  const std::vector<Place>& places() const { return places_; }

  // The place with this name or alias (case-insensitive), or nullptr. With
  // several places of one name the first in the file wins.
  const Place* Lookup(std::string_view name) const;

  // Place names in sentence `sentence_index` of `doc`, longest match first,
  // in text order. Only words starting with a capital letter in the text
  // start a mention, so "turkey" the bird is not Turkey.
  std::vector<PlaceMention> FindMentions(const Document& doc,
                                         uint32_t sentence_index) const;

 private:
  Gazetteer() = default;
  Status Add(Place place, std::string_view where, int64_t line);

  GazetteerOptions options_;
  std::vector<Place> places_;
  // Lower-case name words joined by one space -> index in places_.
  std::unordered_map<std::string, uint32_t> index_;
  size_t longest_ = 1;  // longest indexed name, in words
};

// The location for an event whose trigger is at absolute token index
// `verb_token` (-1 if unknown): the locative mention nearest to it (a
// country counts as three tokens further than it is, so a city or region
// named nearby wins; on a tie the mention after the trigger wins), or
// nullptr if the sentence names no place after a locative preposition.
const PlaceMention* NearestLocation(const std::vector<PlaceMention>& mentions,
                                    int verb_token);

// The "places" pipeline component: requires kEvents, assigns kPlaces; sets
// Event::location to the canonical place name ("" when none), the mention
// nearest the event's trigger word (Event::trigger_token).
std::unique_ptr<Component> MakePlaceComponent(
    std::shared_ptr<const Gazetteer> gazetteer);

// Loads `path` (default: DataPath("kb/places.tsv")) and makes the component.
Result<std::unique_ptr<Component>> MakePlaceComponent(
    const std::string& path = "", const GazetteerOptions& options = {});

}  // namespace curlew

#endif  // CURLEW_PLACES_H_
