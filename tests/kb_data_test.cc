// Structural checks of curlew's knowledge base in data/kb/ (PETRARCH format).
// These are simple line-level checks: the coder's dictionary loader is the
// real parser and will replace them. They read only files of this repository
// (plus Debian's iso-codes and ../shared's CAMEO code list when present).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "actors/dict_util.h"

namespace {

const std::string kKb = std::string(CURLEW_SOURCE_DIR) + "/data/kb/";

std::vector<std::string> ReadLines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

std::string Trim(std::string s) {
  size_t b = s.find_first_not_of(" \t\r");
  size_t e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// The line without its "#" comment, trimmed.
std::string StripComment(const std::string& line) {
  return Trim(line.substr(0, line.find('#')));
}

// The text inside the last [...] of `s`, or "" if none.
std::string BracketCode(const std::string& s) {
  size_t open = s.rfind('[');
  size_t close = s.rfind(']');
  if (open == std::string::npos || close == std::string::npos || close < open)
    return "";
  return Trim(s.substr(open + 1, close - open - 1));
}

// Index file: [Dictionaries] key = value.
std::map<std::string, std::string> ReadConfig() {
  std::map<std::string, std::string> keys;
  bool in_section = false;
  for (const std::string& raw : ReadLines(kKb + "PETR_config.ini")) {
    std::string line = StripComment(raw);
    if (line.empty()) continue;
    if (line.front() == '[') {
      in_section = line == "[Dictionaries]";
      continue;
    }
    size_t eq = line.find('=');
    if (in_section && eq != std::string::npos)
      keys[Trim(line.substr(0, eq))] = Trim(line.substr(eq + 1));
  }
  return keys;
}

std::vector<std::string> SplitComma(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ',')) out.push_back(Trim(item));
  return out;
}

// CAMEO event codes: from ../shared when present, else only a format check.
// Codes in the first tab-separated field of a table (lines that start
// with a digit); empty if the file is absent.
std::set<std::string> FirstFieldCodes(const std::string& path) {
  std::set<std::string> codes;
  for (const std::string& line : ReadLines(path)) {
    std::string code = line.substr(0, line.find('\t'));
    if (!code.empty() && std::isdigit(static_cast<unsigned char>(code[0])))
      codes.insert(code);
  }
  return codes;
}

std::set<std::string> CameoCodes() {
  return FirstFieldCodes(std::string(CURLEW_SHARED_DIR) +
                         "/data/cameo/CAMEO.eventcodes.txt");
}

// Codes the CAMEO 1.1b3 codebook defines in its verb chapter ("CAMEO  1951"
// lines): the GDELT list above plus a few the manual adds (1213, 1214, 155,
// 176, 1834, 1951, 1952). Empty without ../shared.
std::set<std::string> ManualCodes() {
  std::set<std::string> codes;
  std::ifstream in(std::string(CURLEW_SHARED_DIR) +
                   "/data/cameo/CAMEO.Manual.1.1b3.txt");
  std::string line;
  while (std::getline(in, line)) {
    size_t b = line.find_first_not_of(' ');
    if (b == std::string::npos || b > 3 || line.compare(b, 5, "CAMEO") != 0)
      continue;
    std::istringstream ss(line.substr(b + 5));
    std::string code, rest;
    if (ss >> code && !(ss >> rest) && code.size() >= 2 && code.size() <= 4 &&
        std::all_of(code.begin(), code.end(),
                    [](unsigned char c) { return std::isdigit(c); }))
      codes.insert(code);
  }
  return codes;
}

// Codes of data/cameo/cameo.tsv (curlew's own table, always present).
std::set<std::string> TableCodes() {
  return FirstFieldCodes(std::string(CURLEW_SOURCE_DIR) +
                         "/data/cameo/cameo.tsv");
}

// Every code written in the verb lexicon (verb, block and pattern codes,
// both halves of paired codes).
std::set<std::string> LexiconCodes() {
  std::set<std::string> codes;
  for (const std::string& raw :
       ReadLines(kKb + ReadConfig()["verbfile_name"])) {
    std::string line = StripComment(raw);
    for (size_t open = line.find('['); open != std::string::npos;
         open = line.find('[', open + 1)) {
      size_t close = line.find(']', open);
      if (close == std::string::npos) break;
      std::stringstream ss(line.substr(open + 1, close - open - 1));
      std::string code;
      while (std::getline(ss, code, ':')) codes.insert(Trim(code));
    }
  }
  return codes;
}

bool LooksLikeCameo(const std::string& code) {
  if (code.size() < 2 || code.size() > 4) return false;
  for (char c : code)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

TEST(KbConfig, NamesExistingFiles) {
  auto keys = ReadConfig();
  for (const char* key : {"verbfile_name", "actorfile_list", "agentfile_name",
                          "discardfile_name", "issuefile_name"}) {
    ASSERT_TRUE(keys.count(key)) << "missing key " << key;
  }
  std::vector<std::string> files = SplitComma(keys["actorfile_list"]);
  for (const char* key : {"verbfile_name", "agentfile_name", "discardfile_name",
                          "issuefile_name"})
    files.push_back(keys[key]);
  for (const std::string& f : files)
    EXPECT_TRUE(std::filesystem::exists(kKb + f)) << f;
}

TEST(KbVerbs, EveryPatternAndBlockHasAKnownCode) {
  std::set<std::string> cameo = CameoCodes();
  if (!cameo.empty())
    for (const std::string& code : ManualCodes()) cameo.insert(code);
  std::set<std::string> roots;
  int lemma_patterns = 0, patterns = 0, blocks = 0, verbs_in_block = 0;
  std::set<std::string> synsets, seen_lemmas;
  std::string block;
  int n = 0;
  bool in_synset = false;
  for (const std::string& raw :
       ReadLines(kKb + ReadConfig()["verbfile_name"])) {
    ++n;
    std::string line = StripComment(raw);
    if (line.empty()) continue;
    auto check_code = [&](const std::string& code) {
      if (code == "---") return;
      EXPECT_TRUE(LooksLikeCameo(code)) << "line " << n << ": " << raw;
      if (!cameo.empty()) {
        EXPECT_TRUE(cameo.count(code))
            << "line " << n << ": not CAMEO: " << code;
      }
      roots.insert(code.substr(0, 2));
    };
    if (line[0] == '&') {
      in_synset = true;
      synsets.insert(line);
      continue;
    }
    if (line.rfind("---", 0) == 0) {
      in_synset = false;
      verbs_in_block = 0;
      block = line;
      ++blocks;
      std::string code = BracketCode(line);
      EXPECT_FALSE(code.empty()) << "line " << n << ": block without code";
      check_code(code);
      continue;
    }
    if (line[0] == '+' && in_synset) continue;  // synonym-set member
    if (line[0] == '-') {
      ++patterns;
      ++lemma_patterns;
      EXPECT_GT(verbs_in_block, 0) << "line " << n << ": pattern before verbs";
      int paren = 0, brace = 0;
      for (char c : line) {
        paren += c == '(' ? 1 : c == ')' ? -1 : 0;
        brace += c == '{' ? 1 : c == '}' ? -1 : 0;
        EXPECT_TRUE(paren >= 0 && brace >= 0) << "line " << n;
      }
      EXPECT_EQ(paren, 0) << "line " << n << ": " << raw;
      EXPECT_EQ(brace, 0) << "line " << n << ": " << raw;
      // Synonym sets must be defined before use.
      for (size_t a = line.find('&'); a != std::string::npos;
           a = line.find('&', a + 1)) {
        size_t e = line.find_first_of(" ){}", a);
        std::string name = line.substr(a, e - a);
        EXPECT_TRUE(synsets.count(name) || synsets.count(name + "_"))
            << "line " << n << ": undefined " << name;
        // The pattern reader splits words on '_' (adjacency), so a set
        // name with an inner '_' would be read as two words and the
        // pattern silently dropped.
        std::string bare =
            name.back() == '_' ? name.substr(0, name.size() - 1) : name;
        EXPECT_EQ(bare.find('_'), std::string::npos)
            << "line " << n << ": set name with '_': " << name;
      }
      EXPECT_NE(line.find('*'), std::string::npos)
          << "line " << n << ": " << raw;
      std::string code = BracketCode(line);
      EXPECT_FALSE(code.empty()) << "line " << n << ": pattern without code";
      check_code(code);
      continue;
    }
    // A verb or event noun, optionally with {forms} and [code]; each lemma
    // belongs to one verb block (and at most one noun block), so a loader
    // keyed by lemma never overwrites an entry.
    ++lemma_patterns;
    ++verbs_in_block;
    std::string lemma = line.substr(0, line.find_first_of(" {["));
    lemma.erase(std::remove(lemma.begin(), lemma.end(), '+'), lemma.end());
    bool nominal = block.find("NOMINAL") != std::string::npos;
    EXPECT_TRUE(seen_lemmas.insert((nominal ? "n:" : "v:") + lemma).second)
        << "line " << n << ": " << lemma << " already in another block";
    size_t open = line.find('{');
    if (open != std::string::npos) {
      EXPECT_NE(line.find('}', open), std::string::npos) << "line " << n;
    }
    std::string code = BracketCode(line);
    if (!code.empty()) check_code(code);
  }
  EXPECT_GE(lemma_patterns, 1500);
  EXPECT_GE(patterns, 500);
  EXPECT_GE(blocks, 60);
  EXPECT_EQ(roots.size(), 20u);  // every CAMEO root 01..20
}

// Issue 13: the lexicon covers the whole codebook. Every code of curlew's
// CAMEO table that the codebook defines, and every code the codebook adds,
// has at least one verb, noun or pattern. (The codebook's entries are
// three- and four-digit codes; a two-digit root of the table names a
// category, whose events carry its "not specified" code: 01 -> 010.)
TEST(KbVerbs, EveryCodebookCodeHasAnEntry) {
  std::set<std::string> manual = ManualCodes();
  if (manual.empty())
    GTEST_SKIP() << "../shared/data/cameo not found; coverage not checked";
  std::set<std::string> lexicon = LexiconCodes();
  std::set<std::string> wanted;
  for (const std::string& code : TableCodes())
    if (manual.count(code)) wanted.insert(code);
  for (const std::string& code : manual) wanted.insert(code);
  EXPECT_GE(wanted.size(), 290u);
  for (const std::string& code : wanted) {
    std::string coded = code.size() == 2 ? code + "0" : code;
    EXPECT_TRUE(lexicon.count(coded)) << "no entry for CAMEO " << code;
  }
}

// Reads an actor file: returns primary phrase -> code ("" if the record has
// only date restrictions, which are then required).
std::map<std::string, std::string> ReadActors(const std::string& file,
                                              int* synonyms) {
  std::map<std::string, std::string> actors;
  std::string current;
  int n = 0;
  for (const std::string& raw : ReadLines(kKb + file)) {
    ++n;
    if (!raw.empty() && raw[0] == '\t') {  // date restriction
      std::string code = BracketCode(raw);
      EXPECT_FALSE(code.empty()) << file << ":" << n;
      if (!current.empty() && actors[current].empty())
        actors[current] = code.substr(0, code.find(' '));
      continue;
    }
    std::string line = StripComment(raw);
    if (line.empty()) continue;
    if (line[0] == '+') {
      EXPECT_FALSE(current.empty()) << file << ":" << n << ": orphan synonym";
      ++*synonyms;
      continue;
    }
    current = Trim(line.substr(0, line.find('[')));
    EXPECT_EQ(current.find(' '), std::string::npos) << file << ":" << n;
    actors[current] = BracketCode(line);
  }
  for (const auto& [phrase, code] : actors)
    EXPECT_FALSE(code.empty()) << file << ": " << phrase << " has no code";
  return actors;
}

TEST(KbActors, EveryIsoCountryHasAnEntry) {
  int synonyms = 0;
  auto countries = ReadActors("curlew.countries.actors.txt", &synonyms);
  std::set<std::string> codes;
  for (const auto& [phrase, code] : countries) codes.insert(code);
  EXPECT_GE(countries.size(), 249u);
  EXPECT_GE(synonyms, 600);
  for (const char* c : {"TUR", "CHN", "USA", "RUS", "MMR", "CIV", "USAGOV",
                        "RUSGOV", "GBRGOV", "TURLEG", "CHNLEG"})
    EXPECT_TRUE(codes.count(c)) << c;
  EXPECT_FALSE(codes.count("UIG")) << "Uighur is not a country";

  std::ifstream iso("/usr/share/iso-codes/json/iso_3166-1.json");
  if (!iso) GTEST_SKIP() << "iso-codes not installed; ISO coverage not checked";
  nlohmann::json j = nlohmann::json::parse(iso);
  for (const auto& c : j["3166-1"])
    EXPECT_TRUE(codes.count(c["alpha_3"].get<std::string>())) << c["alpha_3"];
}

TEST(KbActors, OrganisationsAndGroupsHaveCodes) {
  int synonyms = 0;
  auto orgs = ReadActors("curlew.international.actors.txt", &synonyms);
  auto groups = ReadActors("curlew.groups.actors.txt", &synonyms);
  EXPECT_EQ(orgs["UNITED_NATIONS_"], "IGOUNO");
  EXPECT_EQ(orgs["WORLD_UYGHUR_CONGRESS_"], "NGOUIG");
  EXPECT_EQ(orgs["NORTH_ATLANTIC_TREATY_ORGANIZATION_"], "IGOWSTNAT");
  EXPECT_EQ(groups["UYGHUR_"], "UIG");
  EXPECT_EQ(groups["KURD_"], "KUR");
  EXPECT_EQ(groups["MUSLIM_"], "MOS");
  EXPECT_GE(orgs.size() + groups.size(), 120u);

  // A group or organisation code is never a country code.
  auto countries = ReadActors("curlew.countries.actors.txt", &synonyms);
  std::set<std::string> country_codes;
  for (const auto& [phrase, code] : countries) country_codes.insert(code);
  for (const auto& [phrase, code] : groups)
    EXPECT_FALSE(code.size() == 3 && country_codes.count(code))
        << phrase << " " << code;
  for (const char* cameo_only : {"ROM"})  // CAMEO's code for Romania
    for (const auto& [phrase, code] : groups)
      EXPECT_NE(code, cameo_only) << phrase;
}

// Every actor phrase (primary or synonym) of every actor file, folded as
// the loader folds it (upper case, no diacritics: "TÜRKIYE_" and
// "TURKIYE_" are one phrase), with the code of its record ("dated:" and the
// record's first phrase for a record with dated codes, whose phrases must
// then all belong to that one record).
std::map<std::string, std::set<std::string>> AllActorPhrases() {
  std::map<std::string, std::set<std::string>> phrases;
  for (const std::string& file : SplitComma(ReadConfig()["actorfile_list"])) {
    std::string code;
    std::string current;
    bool dated = false;
    std::vector<std::string> record;
    auto close = [&] {
      for (const std::string& p : record)
        phrases[p].insert(dated ? "dated:" + file + ":" + current : code);
      record.clear();
      dated = false;
    };
    for (const std::string& raw : ReadLines(kKb + file)) {
      if (!raw.empty() && raw[0] == '\t') {
        std::string c = BracketCode(raw);
        if (c.find_first_of(" <>") != std::string::npos) dated = true;
        if (code.empty()) code = c;
        continue;
      }
      std::string line = StripComment(raw);
      if (line.empty()) continue;
      bool synonym = line[0] == '+';
      std::string phrase = curlew::dict::Upper(
          Trim(line.substr(synonym, line.find('[') - synonym)));
      if (!phrase.empty() && phrase.back() != '_') phrase += '_';
      if (!synonym) {
        close();
        current = phrase;
        code = BracketCode(line);
      }
      record.push_back(phrase);
    }
    close();
  }
  return phrases;
}

TEST(KbActors, NoPhraseHasTwoCodes) {
  auto phrases = AllActorPhrases();
  EXPECT_GE(phrases.size(), 20000u);
  for (const auto& [phrase, codes] : phrases)
    EXPECT_EQ(codes.size(), 1u) << phrase << " has " << codes.size()
                                << " codes, first " << *codes.begin();
  // Words that would match ordinary English are not actors ("US" is: a
  // pronoun is never read as a name, see tests/kb_coding_test.cc).
  for (const char* word : {"WHO_", "CAR_", "MALE_", "DIET_", "MAY_", "BUSH_"})
    EXPECT_FALSE(phrases.count(word)) << word;
  EXPECT_EQ(*phrases["BEIJING_"].begin(), "CHN");
  EXPECT_EQ(*phrases["ANKARA_"].begin(), "TUR");
  EXPECT_EQ(*phrases["BURMA_"].begin(), "MMR");
  EXPECT_EQ(*phrases["TURKIYE_"].begin(), "TUR");
  EXPECT_EQ(*phrases["IVORY_COAST_"].begin(), "CIV");
  EXPECT_EQ(*phrases["KREMLIN_"].begin(), "RUSGOV");
  EXPECT_EQ(*phrases["WHITE_HOUSE_"].begin(), "USAGOV");
  EXPECT_EQ(*phrases["DOWNING_STREET_"].begin(), "GBRGOV");
  EXPECT_EQ(*phrases["UN_HUMAN_RIGHTS_EXPERTS_"].begin(), "IGOUNO");
  EXPECT_EQ(*phrases["UIGHURS_"].begin(), "UIG");
  EXPECT_EQ(*phrases["BRUSSELS_"].begin(), "IGOEUREEC");
  // Abbreviations and seats of government.
  for (const auto& [phrase, code] :
       std::vector<std::pair<std::string, std::string>>{
           {"US_", "USA"},
           {"U.S._", "USA"},
           {"UK_", "GBR"},
           {"UAE_", "ARE"},
           {"DPRK_", "PRK"},
           {"ROK_", "KOR"},
           {"PRC_", "CHN"},
           {"USSR_", "SUN"},
           {"KSA_", "SAU"},
           {"DRC_", "COD"},
           {"WASHINGTON_", "USA"},
           {"MOSCOW_", "RUS"},
           {"LIMA_", "PER"},
           {"PENTAGON_", "USAMIL"},
           {"FOGGY_BOTTOM_", "USAGOV"},
           {"LANGLEY_", "USASPY"},
           {"CAPITOL_HILL_", "USALEG"},
           {"ELYSEE_", "FRAGOV"},
           {"ZHONGNANHAI_", "CHNGOV"},
           {"KNESSET_", "ISRLEG"},
           {"BUNDESTAG_", "DEULEG"},
           {"WHITEHALL_", "GBRGOV"},
           {"QUAI_D'ORSAY_", "FRAGOV"},
           {"NUMBER_10_", "GBRGOV"},
           {"MOSSAD_", "ISRSPY"}}) {
    ASSERT_TRUE(phrases.count(phrase)) << phrase;
    EXPECT_EQ(*phrases[phrase].begin(), code) << phrase;
  }
}

// "YYYYMMDD" -> int, 0 if malformed.
int DictDate(const std::string& s) {
  if (s.size() != 8 || s.find_first_not_of("0123456789") != std::string::npos)
    return 0;
  int d = std::stoi(s);
  int m = d / 100 % 100, day = d % 100;
  return m >= 1 && m <= 12 && day >= 1 && day <= 31 ? d : 0;
}

// The people file: every entry has well-formed terms (8-digit dates, from
// before to, a code whose first part is a country, organisation or group
// code) and ends with an undated code; the counts are at least the
// issue's floors.
TEST(KbPeople, TermsAreWellFormedAndCountsMeetTheFloors) {
  std::set<std::string> countries;
  int synonyms = 0;
  for (const auto& [phrase, code] :
       ReadActors("curlew.countries.actors.txt", &synonyms))
    if (code.size() == 3) countries.insert(code);
  ASSERT_GE(countries.size(), 250u);
  int entries = 0, terms = 0, curlew_entries = 0, n = 0;
  std::set<std::string> homes;
  std::map<std::string, std::set<std::string>> kinds;  // kind -> countries
  bool open = false, has_default = true;
  std::string primary;
  for (const std::string& raw : ReadLines(kKb + "curlew.people.actors.txt")) {
    ++n;
    if (raw.empty() || raw[0] == '#') continue;
    if (raw[0] == '\t') {
      std::string spec = BracketCode(raw);
      std::string code = spec.substr(0, spec.find(' '));
      EXPECT_GE(code.size(), 3u) << "line " << n;
      std::string part = code.substr(0, 3);
      EXPECT_TRUE(countries.count(part) || part == "IGO" || part == "NGO" ||
                  part == "IMG" || part == "MNC" || part == "ELI")
          << "line " << n << ": " << code;
      if (spec.find(' ') == std::string::npos) {  // the undated code
        has_default = true;
        continue;
      }
      EXPECT_FALSE(has_default) << "line " << n << ": term after the default";
      ++terms;
      std::string range = Trim(spec.substr(spec.find(' ')));
      if (range[0] == '<' || range[0] == '>') {
        EXPECT_NE(DictDate(range.substr(1)), 0) << "line " << n;
      } else {
        size_t dash = range.find('-');
        ASSERT_NE(dash, std::string::npos) << "line " << n;
        int from = DictDate(range.substr(0, dash));
        int to = DictDate(range.substr(dash + 1));
        EXPECT_NE(from, 0) << "line " << n;
        EXPECT_NE(to, 0) << "line " << n;
        EXPECT_LE(from, to) << "line " << n;
      }
      continue;
    }
    if (raw[0] == '+') continue;
    EXPECT_TRUE(has_default) << primary << " has no undated code";
    has_default = false;
    open = true;
    primary = raw.substr(0, raw.find(' '));
    ++entries;
    // "NAME_  # HOME; sources; office CODE from-to, ..."
    size_t hash = raw.find("# ");
    if (hash == std::string::npos) continue;
    std::string info = raw.substr(hash + 2);
    homes.insert(info.substr(0, info.find(';')));
    if (info.find("curlew") == std::string::npos) continue;
    ++curlew_entries;
    for (const char* kind :
         {"president", "prime minister", "foreign minister", "defence minister",
          "interior minister", "organisation head", "armed group leader",
          "opposition leader"}) {
      for (size_t at = info.find(kind); at != std::string::npos;
           at = info.find(kind, at + 1)) {
        size_t code_at = at + std::string(kind).size() + 1;
        kinds[kind].insert(info.substr(code_at, 3));
      }
    }
  }
  EXPECT_TRUE(!open || has_default) << primary << " has no undated code";
  EXPECT_GE(entries, 3000);
  EXPECT_GE(curlew_entries, 3000);
  EXPECT_GE(terms, 25000);
  EXPECT_GE(homes.size(), 190u);
  EXPECT_GE(kinds["president"].size() + kinds["prime minister"].size(), 250u);
  EXPECT_GE(kinds["foreign minister"].size(), 60u);
  EXPECT_GE(kinds["defence minister"].size(), 45u);
  EXPECT_GE(kinds["interior minister"].size(), 35u);
  EXPECT_GE(kinds["organisation head"].size(), 1u);
  EXPECT_GE(kinds["armed group leader"].size(), 15u);
  EXPECT_GE(kinds["opposition leader"].size(), 25u);
}

TEST(KbAgents, EveryAgentHasACode) {
  int n = 0, agents = 0;
  std::set<std::string> kinds;
  for (const std::string& raw :
       ReadLines(kKb + ReadConfig()["agentfile_name"])) {
    ++n;
    std::string line = StripComment(raw);
    if (line.empty() || line[0] == '!') continue;  // substitution set
    std::string code = BracketCode(line);
    ASSERT_FALSE(code.empty()) << "line " << n << ": " << raw;
    EXPECT_TRUE(code.front() == '~' || code.back() == '~') << "line " << n;
    std::string bare =
        code.front() == '~' ? code.substr(1) : code.substr(0, code.size() - 1);
    kinds.insert(bare.substr(0, 3));
    ++agents;
  }
  EXPECT_GE(agents, 250);
  for (const char* k : {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "IGO",
                        "NGO", "MED", "EDU", "BUS", "CVL", "REF", "SPY"})
    EXPECT_TRUE(kinds.count(k)) << k;
}

TEST(KbPlaces, GazetteerRowsAreWellFormed) {
  int n = 0, rows = 0;
  std::set<std::string> kinds;
  std::set<std::string> names;
  for (const std::string& line : ReadLines(kKb + "places.tsv")) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string field;
    while (std::getline(ss, field, '\t')) f.push_back(field);
    ASSERT_EQ(f.size(), 6u) << "line " << n << ": " << line;
    double lat = std::stod(f[4]), lon = std::stod(f[5]);
    EXPECT_TRUE(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) << n;
    EXPECT_EQ(f[3].size(), 3u) << "line " << n;
    kinds.insert(f[2]);
    names.insert(f[0]);
    ++rows;
  }
  EXPECT_GE(rows, 450);
  EXPECT_EQ(kinds,
            (std::set<std::string>{"capital", "city", "country", "region"}));
  for (const char* p : {"Nairobi", "Xinjiang", "Crimea", "Gaza", "Kashmir",
                        "Donbas", "Ankara", "Istanbul"})
    EXPECT_TRUE(names.count(p)) << p;
}

}  // namespace

namespace {

std::vector<nlohmann::json> ReadJsonl(const std::string& path) {
  std::vector<nlohmann::json> out;
  int n = 0;
  for (const std::string& line : ReadLines(path)) {
    ++n;
    if (Trim(line).empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << path << ":" << n;
    if (!j.is_discarded()) out.push_back(std::move(j));
  }
  return out;
}

bool IsDate(const std::string& s) {
  return s.size() == 10 && s[4] == '-' && s[7] == '-';
}

TEST(ShowcaseCorpus, HasTwentyReportsWithAllFields) {
  auto reports = ReadJsonl(std::string(CURLEW_SOURCE_DIR) +
                           "/data/examples/reports.jsonl");
  EXPECT_GE(reports.size(), 20u);
  std::set<std::string> ids;
  for (const auto& r : reports) {
    for (const char* k : {"id", "date", "source", "title", "text"})
      ASSERT_TRUE(r.contains(k) && r[k].is_string()) << r.dump();
    EXPECT_TRUE(IsDate(r["date"])) << r["id"];
    EXPECT_GE(r["text"].get<std::string>().size(), 100u) << r["id"];
    EXPECT_TRUE(ids.insert(r["id"]).second) << "duplicate id " << r["id"];
  }
}

TEST(EvalSet, HasEnoughCodedSentencesOverAllRoots) {
  auto lines = ReadJsonl(std::string(CURLEW_SOURCE_DIR) +
                         "/tests/data/eval_sentences.jsonl");
  EXPECT_GE(lines.size(), 150u);
  std::set<std::string> roots, ids;
  size_t no_event = 0;
  for (const auto& l : lines) {
    ASSERT_TRUE(l.contains("id") && l.contains("date") && l.contains("text") &&
                l.contains("events") && l["events"].is_array())
        << l.dump();
    EXPECT_TRUE(IsDate(l["date"])) << l["id"];
    EXPECT_TRUE(ids.insert(l["id"]).second) << l["id"];
    if (l["events"].empty()) ++no_event;
    for (const auto& e : l["events"]) {
      std::string root = e.at("root");
      EXPECT_EQ(root.size(), 2u) << l["id"];
      int r = std::stoi(root);
      EXPECT_TRUE(r >= 1 && r <= 20) << l["id"];
      EXPECT_TRUE(e.at("source").is_string() && e.at("target").is_string());
      EXPECT_FALSE(e["source"].get<std::string>().empty() &&
                   e["target"].get<std::string>().empty())
          << l["id"];
      roots.insert(root);
    }
  }
  EXPECT_EQ(roots.size(), 20u);
  EXPECT_GE(no_event, 10u);
}

}  // namespace
