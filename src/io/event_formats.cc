#include "io/event_formats.h"

#include <cstdio>

namespace curlew {
namespace {

// Tabs and newlines would break a tab-separated line.
std::string Clean(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return r;
}

std::string Compact(std::string_view date) {
  std::string r;
  for (char c : date)
    if (c != '-') r += c;
  return r;
}

std::string Goldstein(double g) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", g);
  return buf;
}

}  // namespace

void SplitActorCode(std::string_view code, std::string* entity,
                    std::string* role, std::string* attribute) {
  entity->assign(code.substr(0, std::min<size_t>(3, code.size())));
  role->assign(code.size() > 3
                   ? code.substr(3, std::min<size_t>(3, code.size() - 3))
                   : "");
  attribute->assign(code.size() > 6 ? code.substr(6) : "");
}

std::string FormatPetrarchEvent(const Document& doc, const Event& e) {
  std::string date = Compact(e.date.empty() ? doc.date : e.date);
  return date + "\t" + e.source + "\t" + e.target + "\t" + e.cameo + "\t" +
         Clean(e.issues) + "\t" + Clean(doc.id) + "-" +
         std::to_string(e.sentence) + "\t" + Clean(e.source_text) + "\t" +
         Clean(e.target_text) + "\t" + Clean(e.verb_text);
}

std::string PhoenixHeader() {
  return "EventID\tDate\tYear\tMonth\tDay\tSourceActorFull\t"
         "SourceActorEntity\tSourceActorRole\tSourceActorAttribute\t"
         "TargetActorFull\tTargetActorEntity\tTargetActorRole\t"
         "TargetActorAttribute\tEventCode\tEventRootCode\tQuadClass\t"
         "GoldsteinScore\tIssues\tLat\tLon\tLocationName\tStateName\t"
         "CountryCode\tSentenceID\tURLs\tNewsSources";
}

std::string FormatPhoenixEvent(const Document& doc, const Event& e,
                               size_t event_index) {
  std::string date = Compact(e.date.empty() ? doc.date : e.date);
  std::string year = date.substr(0, std::min<size_t>(4, date.size()));
  std::string month = date.size() >= 6 ? date.substr(4, 2) : "";
  std::string day = date.size() >= 8 ? date.substr(6, 2) : "";
  std::string se, sr, sa, te, tr, ta;
  SplitActorCode(e.source, &se, &sr, &sa);
  SplitActorCode(e.target, &te, &tr, &ta);
  std::string id = Clean(doc.id) + "-" + std::to_string(e.sentence) + "-" +
                   std::to_string(event_index);
  return id + "\t" + date + "\t" + year + "\t" + month + "\t" + day + "\t" +
         e.source + "\t" + se + "\t" + sr + "\t" + sa + "\t" + e.target + "\t" +
         te + "\t" + tr + "\t" + ta + "\t" + e.cameo + "\t" + e.root + "\t" +
         std::to_string(e.quad) + "\t" + Goldstein(e.goldstein) + "\t" +
         Clean(e.issues) + "\t\t\t" + Clean(e.location) + "\t\t\t" +
         Clean(doc.id) + "-" + std::to_string(e.sentence) + "\t" +
         Clean(doc.url) + "\t" + Clean(doc.source);
}

}  // namespace curlew
