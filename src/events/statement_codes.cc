#include "events/statement_codes.h"

#include <string>
#include <string_view>

namespace curlew {

std::string IntentCode(std::string_view act) {
  if (act.starts_with("04")) return "036";
  if (act.starts_with("05")) return "032";
  if (act.starts_with("06")) return "031";
  if (act.starts_with("07")) return "033";
  if (act.starts_with("08")) return "035";
  return "030";
}

std::string ThreatCode(std::string_view act) {
  if (act.size() < 3) return "130";
  const std::string_view r = act.substr(0, 2);
  if (r == "14") return "133";
  if (r == "16") {
    if (act.starts_with("161")) return "1313";
    if (act.starts_with("162")) return "1311";
    if (act.starts_with("163")) return "1312";
    if (act.starts_with("164")) return "134";
    if (act.starts_with("165")) return "135";
    if (act.starts_with("166")) return "136";
    return "131";
  }
  if (r == "17") {
    // 1721-1724 (restrictions, bans, curfew, martial law) -> 1321-1324.
    if (act.starts_with("172"))
      return act.size() == 4 ? "132" + std::string(act.substr(3)) : "132";
    return "137";
  }
  if (act.starts_with("191")) return "1381";
  if (act.starts_with("192")) return "1382";
  if (r == "19") return "1384";
  if (r == "20") return "1383";
  return "138";  // 15, 18: military posture, assault
}

}  // namespace curlew
