#include "store/synthetic.h"

#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace curlew::store {
namespace {

// splitmix64: a small, well-mixed hash so that every field varies.
uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

struct Actor {
  const char* code;
  const char* name;
};
constexpr Actor kActors[] = {
    {"TUR", "Turkey"},
    {"TURGOV", "the Turkish government"},
    {"CHN", "China"},
    {"CHNGOV", "Beijing"},
    {"CHNLEG", "the Chinese legislature"},
    {"IGOUNO", "the United Nations"},
    {"NGO", "a rights group"},
    {"USA", "Washington"},
    {"USAGOV", "the US administration"},
    {"RUS", "Russia"},
    {"RUSMIL", "the Russian army"},
    {"FRA", "France"},
    {"DEU", "Germany"},
    {"DEUGOV", "the German cabinet"},
    {"IRN", "Iran"},
    {"ISR", "Israel"},
    {"EGY", "Egypt"},
    {"GRC", "Greece"},
    {"IND", "India"},
    {"PAK", "Pakistan"},
    {"BRA", "Brazil"},
    {"JPN", "Japan"},
    {"KOR", "South Korea"},
    {"UIG", "Uighur exiles"},
};

struct Action {
  const char* cameo;
  int quad;
  double goldstein;
  const char* plover;
  const char* verb;
};
constexpr Action kActions[] = {
    {"010", 1, 0.0, "CONSULT", "commented on"},
    {"036", 1, 4.0, "CONSULT", "offered talks to"},
    {"043", 1, 2.8, "CONSULT", "hosted"},
    {"057", 2, 8.0, "AGREE", "signed a treaty with"},
    {"061", 2, 6.4, "COOPERATE", "traded with"},
    {"071", 2, 7.4, "AID", "sent aid to"},
    {"112", 3, -2.0, "ACCUSE", "accused"},
    {"130", 3, -4.4, "THREATEN", "threatened"},
    {"163", 4, -8.0, "SANCTION", "imposed an embargo on"},
    {"190", 4, -10.0, "FIGHT", "shelled"},
};

std::string DateOf(uint64_t n, const SyntheticOptions& o) {
  using namespace std::chrono;
  sys_days d = sys_days{year{2018} / January / 1} +
               days{static_cast<int>(Mix(n * 7 + 1) % o.days)};
  year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

}  // namespace

Document SyntheticDocument(uint64_t n, const SyntheticOptions& o) {
  Document doc;
  doc.id = "syn-" + std::to_string(n);
  doc.date = DateOf(n, o);
  doc.source = (n % 3 == 0) ? "Wire A" : "Wire B";
  doc.url = "https://news.example.org/" + std::to_string(n);
  doc.title = "Report " + std::to_string(n);
  int actors = std::max(2, std::min<int>(o.actors, std::size(kActors)));
  for (int s = 0; s < o.sentences; ++s) {
    uint64_t h = Mix(n * 1000 + s);
    const Actor& a = kActors[h % actors];
    const Actor& b = kActors[(h / 7 + 1 + h % actors) % actors];
    const Action& act = kActions[(h >> 20) % std::size(kActions)];
    Sentence sent;
    sent.span.begin = static_cast<uint32_t>(doc.text.size());
    std::string line = std::string(a.name) + " " + act.verb + " " + b.name +
                       " on the " + std::to_string(s + 1) +
                       "th day of the talks.";
    line[0] =
        static_cast<char>(std::toupper(static_cast<unsigned char>(line[0])));
    doc.text += line;
    sent.span.end = static_cast<uint32_t>(doc.text.size());
    doc.text += ' ';
    doc.sentences.push_back(sent);
    for (int k = 0; k < o.events_per_sentence; ++k) {
      Event e;
      e.sentence = s;
      e.span_begin = sent.span.begin;
      e.span_end = sent.span.end;
      e.verb_text = act.verb;
      e.source = a.code;
      e.target = b.code;
      e.source_text = a.name;
      e.target_text = b.name;
      e.cameo = act.cameo;
      e.root = std::string(act.cameo).substr(0, 2);
      e.quad = act.quad;
      e.goldstein = act.goldstein;
      e.plover = act.plover;
      e.date = (h >> 40) % 5 == 0 ? doc.date.substr(0, 7) : doc.date;
      e.attribution = k % 2 ? "a spokesman" : "";
      e.negated = (h >> 44) % 11 == 0;
      e.modality = e.negated             ? "negated"
                   : (h >> 48) % 7 == 0  ? "alleged"
                   : (h >> 52) % 13 == 0 ? "future"
                                         : "asserted";
      if (e.modality == "alleged") e.speaker = "USAGOV";
      doc.events.push_back(std::move(e));
    }
  }
  if (!doc.text.empty()) doc.text.pop_back();
  return doc;
}

std::string SyntheticJsonl(uint64_t n, const SyntheticOptions& o) {
  Document d = SyntheticDocument(n, o);
  nlohmann::json j = {{"id", d.id}, {"date", d.date}, {"text", d.text}};
  return j.dump();
}

LedgerInput SyntheticLedgerInput(const Document& doc, uint64_t n) {
  LedgerInput in;
  in.doc_id = doc.id;
  in.doc_date = doc.date;
  for (const Sentence& sent : doc.sentences)
    in.sentences.push_back(doc.text.substr(sent.span.begin, sent.span.size()));
  in.events = doc.events;
  // A pronounceable title word per group, unique: letters of the group
  // number in base 20 (consonants) and 5 (vowels), at least four letters.
  static constexpr const char kConsonants[] = "bcdfghjklmnpqrstvwxz";
  static constexpr const char kVowels[] = "aeiou";
  uint64_t g = n / 4;
  std::string word;
  do {
    word += kConsonants[g % 20];
    g /= 20;
    word += kVowels[g % 5];
    g /= 5;
  } while (g > 0 || word.size() < 4);
  word[0] = static_cast<char>(word[0] - 'a' + 'A');
  AgreementMention m;
  m.name = word + " Accord";
  m.has_step = true;
  constexpr StepKind kSteps[] = {StepKind::kNegotiated, StepKind::kSigned,
                                 StepKind::kRatified,
                                 StepKind::kEnteredIntoForce};
  m.step = kSteps[n % 4];
  m.date = doc.date;
  m.source.doc_id = doc.id;
  m.source.sentence = 0;
  m.source.text = in.sentences.empty() ? "" : in.sentences[0];
  in.agreements.push_back(std::move(m));
  return in;
}

}  // namespace curlew::store
