// The CAMEO code of a statement about an act: an intent (03x) to do a
// cooperative act, a threat (13x) to do a hostile one. Pure functions,
// thread-safe.
#ifndef CURLEW_EVENTS_STATEMENT_CODES_H_
#define CURLEW_EVENTS_STATEMENT_CODES_H_

#include <string>
#include <string_view>

namespace curlew {

// The CAMEO intent (03x) to do a cooperative act of root 04 to 08:
// to meet (036), cooperate diplomatically (032) or materially (031), give
// aid (033), yield (035); "030" for any other act.
std::string IntentCode(std::string_view act);

// The CAMEO threat (13x) to do a hostile act of root 14 to 20.
std::string ThreatCode(std::string_view act);

}  // namespace curlew

#endif  // CURLEW_EVENTS_STATEMENT_CODES_H_
