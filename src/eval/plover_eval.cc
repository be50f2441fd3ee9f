#include "eval/plover_eval.h"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

#include <nlohmann/json.hpp>

#include "eval/scoring_util.h"

namespace curlew::eval {
namespace {

using nlohmann::json;

// Gold codes that are not ISO 3166 alpha-3 (the file says it follows ISO,
// but a few CAMEO-era codes remain) and the ISO code curlew uses.
std::string_view IsoCountry(std::string_view code) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 3>
      kAliases = {{{"JAP", "JPN"}, {"ITL", "ITA"}, {"VTN", "VNM"}}};
  for (const auto& [from, to] : kAliases) {
    if (code == from) return to;
  }
  return code;
}

// Prefixes of codes for actors above or across states.
bool IsNonStatePrefix(std::string_view three) {
  return three == "IGO" || three == "NGO" || three == "IMG" || three == "ISM" ||
         three == "MNC";
}

// CAMEO's generic role codes (manual table 3.1, plus PTY for parties): a
// code that starts with one names a role but no country.
bool IsRoleCode(std::string_view three) {
  static constexpr std::array<std::string_view, 27> kRoles = {
      "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY",
      "UAF", "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV",
      "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD", "PTY"};
  return std::find(kRoles.begin(), kRoles.end(), three) != kRoles.end();
}

bool IsUpperLetters(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string StringField(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

std::vector<GoldActor> ReadActors(const json& record, const char* key) {
  std::vector<GoldActor> actors;
  auto it = record.find(key);
  if (it == record.end() || !it->is_array()) return actors;
  for (const json& a : *it) {
    if (!a.is_object()) continue;
    GoldActor actor{StringField(a, "actorText"), StringField(a, "code"),
                    StringField(a, "sector")};
    if (!actor.code.empty()) actors.push_back(std::move(actor));
  }
  return actors;
}

// The record's in-line markup: textInfo.markup, or textInfo itself where
// the file gives the markup as a plain string.
std::string Markup(const json& record) {
  auto it = record.find("textInfo");
  if (it == record.end()) return "";
  if (it->is_string()) return it->get<std::string>();
  return it->is_object() ? StringField(*it, "markup") : "";
}

std::set<std::string> Words(std::string_view text) {
  std::set<std::string> words;
  std::string word;
  for (char c : text) {
    bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                 (c >= 'A' && c <= 'Z');
    if (alnum) {
      word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else if (!word.empty()) {
      words.insert(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.insert(std::move(word));
  return words;
}

double Jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
  int common = 0;
  for (const std::string& w : a) common += b.count(w) > 0;
  int all = static_cast<int>(a.size() + b.size()) - common;
  return all == 0 ? 0.0 : static_cast<double>(common) / all;
}

bool Matches(const GoldActor& gold, std::string_view code, Level level) {
  return level == Level::kCountry ? CountryMatch(gold, code)
                                  : ActorMatch(gold, code);
}

// An event's source (or target) against one side of a non-reciprocal
// record: a side without actors asks for an event without that actor.
bool SideMatches(const std::vector<GoldActor>& side, std::string_view code,
                 Level level) {
  if (side.empty()) return code.empty();
  return std::any_of(side.begin(), side.end(), [&](const GoldActor& a) {
    return Matches(a, code, level);
  });
}

// The index of every party of `parties` that `code` matches.
std::vector<size_t> PartiesMatching(const std::vector<GoldActor>& parties,
                                    std::string_view code, Level level) {
  std::vector<size_t> out;
  for (size_t i = 0; i < parties.size(); ++i) {
    if (Matches(parties[i], code, level)) out.push_back(i);
  }
  return out;
}

struct EventMatch {
  bool source = false;
  bool target = false;
  bool pair = false;
};

EventMatch MatchEvent(const PloverRecord& record,
                      const std::vector<GoldActor>& parties, const Event& e,
                      Level level) {
  EventMatch m;
  if (!record.reciprocal) {
    m.source = SideMatches(record.sources, e.source, level);
    m.target = SideMatches(record.targets, e.target, level);
    m.pair = m.source && m.target;
    return m;
  }
  std::vector<size_t> s = PartiesMatching(parties, e.source, level);
  std::vector<size_t> t = PartiesMatching(parties, e.target, level);
  m.source = !s.empty();
  m.target = !t.empty();
  // Two distinct parties of the record, in either direction.
  for (size_t i : s) {
    for (size_t j : t) m.pair = m.pair || i != j;
  }
  return m;
}

std::string DescribeActors(const std::vector<GoldActor>& actors) {
  if (actors.empty()) return "-";
  std::string out;
  for (const GoldActor& a : actors) {
    if (!out.empty()) out += "+";
    out += a.code;
    if (!a.sector.empty()) out += "/" + a.sector;
  }
  return out;
}

}  // namespace

Result<PloverGold> ParsePloverGold(std::string_view json_text,
                                   const std::string& name) {
  json doc;
  try {
    doc = json::parse(json_text);
  } catch (const json::parse_error& e) {
    return Status::Error(ErrorCode::kParseError, e.what(), name,
                         static_cast<int64_t>(e.byte));
  }
  if (!doc.is_array()) {
    return Status::Error(ErrorCode::kParseError,
                         "expected a JSON array of PLOVER records", name, 0);
  }
  PloverGold gold;
  for (size_t i = 0; i < doc.size(); ++i) {
    const json& r = doc[i];
    std::string id = "record " + std::to_string(i + 1);
    if (!r.is_object()) {
      gold.skipped.push_back(id + ": not a JSON object");
      continue;
    }
    if (std::string given = StringField(r, "id"); !given.empty()) id = given;
    PloverRecord rec;
    rec.id = id;
    rec.category = StringField(r, "event");
    rec.text = StringField(r, "text");
    rec.date = StringField(r, "date");
    if (rec.category == "DOCUMENT") {
      gold.skipped.push_back(id + ": documentation record, not an event");
      continue;
    }
    if (rec.category.empty() || rec.text.empty()) {
      gold.skipped.push_back(id + ": no event type or no text");
      continue;
    }
    rec.sources = ReadActors(r, "source");
    rec.targets = ReadActors(r, "target");
    rec.reciprocal = Markup(r).find("SRC/TAR") != std::string::npos;
    gold.records.push_back(std::move(rec));
  }
  return gold;
}

Result<PloverGold> ReadPloverGold(const std::string& path) {
  auto text = ReadWholeFile(path, "PLOVER gold file");
  if (!text.ok()) return text.status();
  return ParsePloverGold(*text, path);
}

int JoinCameoCodes(std::vector<PloverRecord>& records,
                   const std::vector<ManualExample>& examples) {
  std::vector<std::set<std::string>> example_words;
  example_words.reserve(examples.size());
  for (const ManualExample& ex : examples) {
    example_words.push_back(Words(ex.text));
  }
  int joined = 0;
  for (PloverRecord& rec : records) {
    std::set<std::string> words = Words(rec.text);
    double best = 0.0;
    const ManualExample* best_example = nullptr;
    for (size_t i = 0; i < examples.size(); ++i) {
      double sim = Jaccard(words, example_words[i]);
      if (sim > best) {
        best = sim;
        best_example = &examples[i];
      }
    }
    rec.cameo.clear();
    if (best_example != nullptr && best >= 0.5) {
      rec.cameo = best_example->code;
      ++joined;
    }
  }
  return joined;
}

std::string_view PloverCategory05(std::string_view cameo) {
  static constexpr std::array<std::string_view, 21> kByRoot = {
      "",         "",           "",       "AGREE",    "CONSULT",
      "SUPPORT",  "COOPERATE",  "AID",    "CONCEDE",  "INVESTIGATE",
      "DEMAND",   "DISAPPROVE", "REJECT", "THREATEN", "PROTEST",
      "MOBILIZE", "SANCTION",   "COERCE", "ASSAULT",  "FIGHT",
      "FIGHT"};
  if (cameo.size() < 2 || cameo[0] < '0' || cameo[0] > '9' || cameo[1] < '0' ||
      cameo[1] > '9') {
    return "";
  }
  int root = (cameo[0] - '0') * 10 + (cameo[1] - '0');
  if (root < 1 || root > 20) return "";
  // YIELD splits: 080-083 are verbal concessions, 084-087 material retreats.
  if (root == 8 && cameo.size() >= 3 && cameo[2] >= '4' && cameo[2] <= '7') {
    return "RETREAT";
  }
  return kByRoot[root];
}

bool CountryMatch(const GoldActor& gold, std::string_view code) {
  if (code.size() < 3 || code.starts_with("---")) return false;
  std::string_view want = IsoCountry(std::string_view(gold.code).substr(0, 3));
  return code.substr(0, 3) == want;
}

bool ActorMatch(const GoldActor& gold, std::string_view code) {
  if (!CountryMatch(gold, code)) return false;
  if (gold.sector.starts_with("***")) return true;  // the gold leaves it open
  std::string_view sector(gold.sector);
  std::string_view agent =
      sector.size() >= 3 && IsUpperLetters(sector.substr(0, 3))
          ? sector.substr(0, 3)
          : std::string_view();
  if (IsNonStatePrefix(code.substr(0, 3))) {
    // The gold never names the organisation ("IGO"), so only a sector it
    // gives is checked, anywhere in curlew's code.
    if (agent.empty()) return true;
    for (size_t i = 3; i + 3 <= code.size(); i += 3) {
      if (code.substr(i, 3) == agent) return true;
    }
    return false;
  }
  std::string_view curlew_agent =
      code.size() >= 6 ? code.substr(3, 3) : std::string_view();
  return curlew_agent == agent;
}

bool LacksCountry(std::string_view code) {
  if (code.empty()) return false;
  if (code.starts_with("---")) return true;
  return code.size() >= 3 && IsRoleCode(code.substr(0, 3));
}

const char* PloverFailureName(PloverFailure f) {
  switch (f) {
    case PloverFailure::kNone:
      return "right";
    case PloverFailure::kNoEvent:
      return "no event";
    case PloverFailure::kWrongSource:
      return "wrong source";
    case PloverFailure::kWrongTarget:
      return "wrong target";
    case PloverFailure::kWrongCategory:
      return "wrong category";
  }
  return "?";
}

RecordScore ScoreRecord(const PloverRecord& record,
                        const std::vector<Event>& events) {
  RecordScore s;
  s.event = !events.empty();
  s.coded = static_cast<int>(events.size());
  std::vector<GoldActor> parties = record.sources;
  parties.insert(parties.end(), record.targets.begin(), record.targets.end());
  s.statements_only = s.event;
  for (const Event& e : events) {
    bool category = !record.category.empty() &&
                    PloverCategory05(e.cameo) == record.category;
    s.category = s.category || category;
    if (!record.cameo.empty() && e.cameo.size() >= 2 &&
        e.cameo.compare(0, 2, record.cameo, 0, 2) == 0) {
      s.cameo_root = true;
    }
    s.no_country =
        s.no_country || LacksCountry(e.source) || LacksCountry(e.target);
    s.statements_only = s.statements_only && (e.cameo.starts_with("01") ||
                                              e.cameo.starts_with("02"));
    for (Level level : {Level::kCountry, Level::kActor}) {
      int l = static_cast<int>(level);
      EventMatch m = MatchEvent(record, parties, e, level);
      s.source[l] = s.source[l] || m.source;
      s.target[l] = s.target[l] || m.target;
      s.pair[l] = s.pair[l] || m.pair;
      s.full[l] = s.full[l] || (m.pair && category);
      s.correct[l] += m.pair && category;
    }
  }
  if (s.full[0]) {
    s.failure = PloverFailure::kNone;
  } else if (!s.event) {
    s.failure = PloverFailure::kNoEvent;
  } else if (!s.source[0]) {
    s.failure = PloverFailure::kWrongSource;
  } else if (!s.pair[0]) {
    s.failure = PloverFailure::kWrongTarget;
  } else {
    s.failure = PloverFailure::kWrongCategory;
  }
  return s;
}

void PloverTally::Add(const PloverRecord& record, const RecordScore& s) {
  ++records;
  with_event += s.event;
  for (int l = 0; l < 2; ++l) {
    source[l] += s.source[l];
    target[l] += s.target[l];
    pair[l] += s.pair[l];
    full[l] += s.full[l];
    correct[l] += s.correct[l];
  }
  category += s.category;
  no_country += s.no_country;
  statements_only += s.statements_only;
  if (!record.cameo.empty()) {
    ++joined;
    cameo_root += s.cameo_root;
  }
  coded += s.coded;
  if (s.failure != PloverFailure::kNone) ++failures[s.failure];
}

PloverScores ScorePlover(const std::vector<PloverRecord>& records,
                         const std::vector<std::vector<Event>>& coded) {
  PloverScores scores;
  for (size_t i = 0; i < records.size(); ++i) {
    PloverResult r;
    r.record = &records[i];
    if (i < coded.size()) r.events = DistinctEvents(coded[i]);
    r.score = ScoreRecord(records[i], r.events);
    scores.all.Add(records[i], r.score);
    scores.by_category[records[i].category].Add(records[i], r.score);
    scores.results.push_back(std::move(r));
  }
  return scores;
}

PloverScores EvaluatePlover(const Engine& engine,
                            const std::vector<PloverRecord>& records) {
  std::vector<std::vector<Event>> coded;
  coded.reserve(records.size());
  for (const PloverRecord& rec : records) {
    coded.push_back(CodeSentence(engine, rec.id, rec.date, rec.text));
  }
  return ScorePlover(records, coded);
}

std::string DescribeGold(const PloverRecord& record) {
  if (record.reciprocal) {
    std::vector<GoldActor> parties = record.sources;
    parties.insert(parties.end(), record.targets.begin(), record.targets.end());
    return DescribeActors(parties) + " <-> (reciprocal) " + record.category;
  }
  return DescribeActors(record.sources) + " -> " +
         DescribeActors(record.targets) + " " + record.category;
}

}  // namespace curlew::eval
