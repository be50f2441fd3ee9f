// The ISO 3166-1 alpha-3 country codes, read once from Debian's iso-codes
// (/usr/share/iso-codes/json/iso_3166-1.json; empty if not installed), for
// the stages that must tell a country code ("TUR") from the other
// three-letter parts of an actor code (IGO, NGO, MOS, KUR, ...).
//
// The set is built on first use and immutable afterwards; safe from many
// threads.
#ifndef CURLEW_ACTORS_COUNTRY_CODES_H_
#define CURLEW_ACTORS_COUNTRY_CODES_H_

#include <functional>
#include <set>
#include <string>
#include <string_view>

namespace curlew {

const std::set<std::string, std::less<>>& IsoCountryCodes();

// True if `three` names a state an actor can belong to: an ISO 3166-1 code,
// Kosovo (KSV) or one of the former states the knowledge base keeps (SUN,
// YUG, CSK, DDR).
bool IsStateCode(std::string_view three);

}  // namespace curlew

#endif  // CURLEW_ACTORS_COUNTRY_CODES_H_
