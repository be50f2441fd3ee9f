#include "actors/country_codes.h"

#include <fstream>

#include <nlohmann/json.hpp>

namespace curlew {

const std::set<std::string, std::less<>>& IsoCountryCodes() {
  static const std::set<std::string, std::less<>> kCodes = [] {
    std::set<std::string, std::less<>> codes;
    std::ifstream in("/usr/share/iso-codes/json/iso_3166-1.json");
    if (!in) return codes;
    nlohmann::json j =
        nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object() || !j.contains("3166-1")) return codes;
    for (const nlohmann::json& c : j["3166-1"]) {
      if (c.contains("alpha_3") && c["alpha_3"].is_string()) {
        codes.insert(c["alpha_3"].get<std::string>());
      }
    }
    return codes;
  }();
  return kCodes;
}

bool IsStateCode(std::string_view three) {
  return IsoCountryCodes().contains(three) || three == "KSV" ||
         three == "SUN" || three == "YUG" || three == "CSK" || three == "DDR";
}

}  // namespace curlew
