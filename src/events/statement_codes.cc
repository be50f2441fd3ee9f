#include "events/statement_codes.h"

#include <string>
#include <string_view>

namespace curlew {

namespace {

// Statement codes by the act they are about, longest act prefix first:
// appeal (02), intent (03), demand (10), rejection (12).
struct Parallel {
  std::string_view act, appeal, intent, demand, reject;
};
constexpr Parallel kParallel[] = {
    // Yield: accede to reform (083x), ease restrictions (081), dissent
    // (082), release (084), ease sanctions (085), allow involvement (086),
    // de-escalate (087).
    {"0831", "0241", "0341", "1041", "1231"},
    {"0832", "0242", "0342", "1042", "1232"},
    {"0833", "0243", "0343", "1043", "1233"},
    {"0834", "0244", "0344", "1044", "1234"},
    {"083", "024", "034", "104", "123"},
    {"081", "0251", "0351", "1051", "1241"},
    {"082", "0252", "0352", "1052", "1242"},
    {"084", "0253", "0353", "1053", "1243"},
    {"085", "0254", "0354", "1054", "1244"},
    {"086", "0255", "0355", "1055", "1245"},
    {"087", "0256", "0356", "1056", "1246"},
    {"08", "025", "035", "100", "124"},
    // Material cooperation (061 economic to 064 intelligence).
    {"061", "0211", "0311", "1011", "1211"},
    {"062", "0212", "0312", "1012", "1212"},
    {"063", "0213", "0313", "1013", "121"},
    {"064", "0214", "0314", "1014", "121"},
    {"06", "021", "031", "100", "121"},
    // Aid (071 economic to 074 protection).
    {"071", "0231", "0331", "1031", "1221"},
    {"072", "0232", "0332", "1032", "1222"},
    {"073", "0233", "0333", "1033", "1223"},
    {"074", "0234", "0334", "1034", "1224"},
    {"07", "023", "033", "103", "122"},
    // Mediation, meetings and negotiation, diplomatic cooperation.
    {"045", "028", "039", "105", "126"},
    {"04", "026", "036", "108", "125"},
    {"05", "022", "032", "102", "120"},
    {"09", "020", "030", "101", "120"},
};

}  // namespace

bool IsHostileAct(std::string_view act) {
  return act.size() >= 2 && act.substr(0, 2) >= "14" &&
         act.substr(0, 2) <= "20";
}

std::string StatementAboutAct(std::string_view stmt, std::string_view act) {
  if (IsHostileAct(act)) {
    if (stmt == "13" || (stmt == "03" && !act.starts_with("16")))
      return ThreatCode(act);
    return "";
  }
  if (stmt == "13") return "";
  for (const Parallel& p : kParallel) {
    if (!act.starts_with(p.act)) continue;
    if (stmt == "02") return std::string(p.appeal);
    if (stmt == "03") return std::string(p.intent);
    if (stmt == "10") return std::string(p.demand);
    if (stmt == "12") return std::string(p.reject);
    return "";
  }
  return "";
}

std::string RestateIntent(std::string_view stmt, std::string_view intent) {
  for (const Parallel& p : kParallel) {
    if (p.intent != intent) continue;
    if (stmt == "02") return std::string(p.appeal);
    if (stmt == "10") return std::string(p.demand);
    if (stmt == "12") return std::string(p.reject);
    return "";
  }
  return "";
}

std::string IntentCode(std::string_view act) {
  std::string c = StatementAboutAct("03", act);
  return c.empty() ? "030" : c;
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
