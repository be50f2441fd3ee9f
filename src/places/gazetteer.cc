// Gazetteer loading, place-mention matching and the places component (see
// include/curlew/places.h).
//
// Names are indexed as lower-case word sequences. Text tokens are reduced
// the same way (a trailing abbreviation period dropped), so "St. Petersburg"
// matches whether or not the tokenizer keeps the period on "St.". Matching
// tries the longest name first at every capitalised token.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "curlew/env.h"
#include "curlew/places.h"
#include "curlew/time.h"

namespace curlew {
namespace {

std::string LowerWord(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (out.size() > 1 && out.back() == '.') out.pop_back();
  return out;
}

// "Cox's Bazar" -> "cox 's bazar"; "St. Petersburg" -> "st petersburg".
std::string NameKey(std::string_view name, size_t* words) {
  std::string key;
  *words = 0;
  std::istringstream in{std::string(name)};
  std::string w;
  auto append = [&](const std::string& part) {
    if (part.empty()) return;
    if (!key.empty()) key.push_back(' ');
    key.append(part);
    ++*words;
  };
  while (in >> w) {
    std::string clitic;
    if (w.size() > 2 && (w.ends_with("'s") || w.ends_with("\u2019s"))) {
      size_t cut = w.ends_with("'s") ? 2 : 4;
      clitic = "'s";
      w.erase(w.size() - cut);
    }
    append(LowerWord(w));
    append(clitic);
  }
  return key;
}

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t end = s.find(sep, start);
    out.emplace_back(s.substr(start, end == std::string_view::npos
                                         ? std::string_view::npos
                                         : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

bool ParseDouble(const std::string& s, double* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  *out = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size() && std::isfinite(*out);
}

bool ParseKind(std::string_view s, PlaceKind* kind) {
  for (PlaceKind k : {PlaceKind::kCountry, PlaceKind::kCapital,
                      PlaceKind::kCity, PlaceKind::kRegion}) {
    if (PlaceKindName(k) == s) {
      *kind = k;
      return true;
    }
  }
  return false;
}

// Words that make the following place the scene of the event.
bool IsLocative(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "in",     "at",         "near",   "outside", "inside", "across",
      "around", "throughout", "within", "into",    "off"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

std::string_view TokenString(const Document& doc, const Token& t) {
  return t.norm.empty() ? doc.TokenText(t) : std::string_view(t.norm);
}

}  // namespace

std::string_view PlaceKindName(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::kCountry:
      return "country";
    case PlaceKind::kCapital:
      return "capital";
    case PlaceKind::kCity:
      return "city";
    case PlaceKind::kRegion:
      return "region";
  }
  return "city";
}

Status Gazetteer::Add(Place place, std::string_view where, int64_t line) {
  uint32_t index = static_cast<uint32_t>(places_.size());
  std::vector<std::string> names = {place.name};
  names.insert(names.end(), place.aliases.begin(), place.aliases.end());
  for (const std::string& n : names) {
    size_t words = 0;
    std::string key = NameKey(n, &words);
    if (words == 0) continue;
    if (words > options_.max_name_words) {
      return Status::LineError(ErrorCode::kLimitExceeded,
                               "place name longer than max_name_words: " + n,
                               std::string(where), line);
    }
    index_.emplace(key, index);  // first place of a name wins
    longest_ = std::max(longest_, words);
  }
  places_.push_back(std::move(place));
  return Status();
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::Parse(
    std::string_view text, std::string_view where,
    const GazetteerOptions& options) {
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  g->options_ = options;
  int64_t line_number = 0;
  for (const std::string& raw : Split(text, '\n')) {
    ++line_number;
    std::string line = raw;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = Split(line, '\t');
    auto error = [&](const std::string& message) {
      return Status::LineError(ErrorCode::kParseError, message,
                               std::string(where), line_number);
    };
    if (f.size() != 6) return error("expected 6 tab-separated fields");
    Place p;
    p.name = f[0];
    if (p.name.empty()) return error("empty place name");
    for (const std::string& a : Split(f[1], ';'))
      if (!a.empty()) p.aliases.push_back(a);
    if (!ParseKind(f[2], &p.kind)) return error("unknown kind '" + f[2] + "'");
    p.country = f[3];
    if (p.country.size() != 3) return error("country code is not alpha-3");
    if (!ParseDouble(f[4], &p.lat) || !ParseDouble(f[5], &p.lon) ||
        std::abs(p.lat) > 90 || std::abs(p.lon) > 180)
      return error("bad latitude/longitude");
    Status s = g->Add(std::move(p), where, line_number);
    if (!s.ok()) return s;
  }
  return g;
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::Load(
    const std::string& path, const GazetteerOptions& options) {
  // A gazetteer is a small text file; 256 MiB is far beyond any real one.
  auto text = Env::Default()->ReadFileToString(path, size_t{256} << 20);
  if (!text.ok()) return text.status();
  return Parse(*text, path, options);
}

const Place* Gazetteer::Lookup(std::string_view name) const {
  size_t words = 0;
  auto it = index_.find(NameKey(name, &words));
  return it == index_.end() ? nullptr : &places_[it->second];
}

std::vector<PlaceMention> Gazetteer::FindMentions(
    const Document& doc, uint32_t sentence_index) const {
  std::vector<PlaceMention> out;
  if (sentence_index >= doc.sentences.size()) return out;
  const Sentence& s = doc.sentences[sentence_index];
  uint32_t end = std::min<uint32_t>(
      {s.token_end, static_cast<uint32_t>(doc.tokens.size()),
       s.token_begin + static_cast<uint32_t>(options_.max_sentence_tokens)});
  std::vector<std::string> words;
  words.reserve(end - s.token_begin);
  for (uint32_t i = s.token_begin; i < end; ++i)
    words.push_back(LowerWord(TokenString(doc, doc.tokens[i])));

  for (uint32_t i = s.token_begin; i < end;) {
    std::string_view text = doc.TokenText(doc.tokens[i]);
    // Capitalised words only; a non-ASCII first letter ("Ürümqi") is let
    // through, the index decides.
    unsigned char first =
        text.empty() ? 0 : static_cast<unsigned char>(text[0]);
    if (!((first >= 'A' && first <= 'Z') || first >= 0x80)) {
      ++i;
      continue;
    }
    size_t max_len = std::min<size_t>(longest_, end - i);
    const Place* found = nullptr;
    size_t found_len = 0;
    std::string key;
    std::vector<std::string> keys;
    for (size_t len = 1; len <= max_len; ++len) {
      if (len > 1) key += ' ';
      key += words[i - s.token_begin + len - 1];
      keys.push_back(key);
    }
    for (size_t len = max_len; len >= 1 && found == nullptr; --len) {
      auto it = index_.find(keys[len - 1]);
      if (it != index_.end()) {
        found = &places_[it->second];
        found_len = len;
      }
    }
    if (found == nullptr) {
      ++i;
      continue;
    }
    PlaceMention m;
    m.place = found;
    m.token_begin = i;
    m.token_end = i + static_cast<uint32_t>(found_len);
    m.span = {doc.tokens[i].span.begin, doc.tokens[m.token_end - 1].span.end};
    // "in Nairobi", "in the Gaza Strip", "on the outskirts of Kabul".
    size_t k = i - s.token_begin;
    if (k >= 1 && words[k - 1] == "the") --k;
    if (k >= 1) {
      const std::string& prev = words[k - 1];
      m.locative = IsLocative(prev) ||
                   (prev == "of" && k >= 2 &&
                    (words[k - 2] == "outskirts" || words[k - 2] == "south" ||
                     words[k - 2] == "north" || words[k - 2] == "east" ||
                     words[k - 2] == "west" || words[k - 2] == "centre" ||
                     words[k - 2] == "center"));
    }
    out.push_back(m);
    i = m.token_end;
  }
  return out;
}

const PlaceMention* NearestLocation(const std::vector<PlaceMention>& mentions,
                                    int verb_token) {
  const PlaceMention* best = nullptr;
  long best_distance = 0;
  for (const PlaceMention& m : mentions) {
    if (!m.locative) continue;
    long distance = 0;
    if (verb_token >= 0) {
      long v = verb_token;
      distance = v < static_cast<long>(m.token_begin)
                     ? static_cast<long>(m.token_begin) - v
                     : v - static_cast<long>(m.token_end) + 1;
    }
    // A country is the least specific answer: "Police in Myanmar detained
    // activists in Rakhine State" is placed in Rakhine.
    if (m.place->kind == PlaceKind::kCountry) distance += 3;
    // On a tie the mention after the trigger wins: locative phrases
    // usually follow the verb ("met in Geneva").
    bool after =
        verb_token >= 0 && static_cast<long>(m.token_begin) > verb_token;
    if (best == nullptr || distance < best_distance ||
        (distance == best_distance && after)) {
      best = &m;
      best_distance = distance;
    }
  }
  return best;
}

namespace {

class PlaceComponent : public Component {
 public:
  explicit PlaceComponent(std::shared_ptr<const Gazetteer> g)
      : gazetteer_(std::move(g)) {}
  std::string_view name() const override { return "places"; }
  uint32_t requires_annotations() const override { return kEvents; }
  uint32_t assigns_annotations() const override { return kPlaces; }

  Status Process(Document& doc) const override {
    // Events of one sentence share its mentions.
    uint32_t cached = UINT32_MAX;
    std::vector<PlaceMention> mentions;
    for (Event& e : doc.events) {
      if (e.sentence >= doc.sentences.size()) {
        return Status::Error(ErrorCode::kInternal,
                             "event refers to a missing sentence", doc.id,
                             e.span_begin);
      }
      if (e.sentence != cached) {
        mentions = gazetteer_->FindMentions(doc, e.sentence);
        cached = e.sentence;
      }
      const PlaceMention* m = NearestLocation(mentions, e.trigger_token);
      e.location = m != nullptr ? m->place->name : "";
    }
    return Status();
  }

 private:
  std::shared_ptr<const Gazetteer> gazetteer_;
};

}  // namespace

std::unique_ptr<Component> MakePlaceComponent(
    std::shared_ptr<const Gazetteer> gazetteer) {
  return std::make_unique<PlaceComponent>(std::move(gazetteer));
}

Result<std::unique_ptr<Component>> MakePlaceComponent(
    const std::string& path, const GazetteerOptions& options) {
  auto g =
      Gazetteer::Load(path.empty() ? DataPath("kb/places.tsv") : path, options);
  if (!g.ok()) return g.status();
  return MakePlaceComponent(
      std::shared_ptr<const Gazetteer>(std::move(g).value()));
}

}  // namespace curlew
