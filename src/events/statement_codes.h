// The CAMEO code of a statement about an act: the codebook gives appeals
// (02), intents (03), demands (10) and rejections (12) parallel subcodes by
// what they are about ("appeal for / intent to / demand / refuse to ease
// economic sanctions": 0254, 0354, 1054, 1244), and threats (13) by the
// hostile act threatened. Pure functions, thread-safe.
#ifndef CURLEW_EVENTS_STATEMENT_CODES_H_
#define CURLEW_EVENTS_STATEMENT_CODES_H_

#include <string>
#include <string_view>

namespace curlew {

// The code of a statement of root `stmt` ("02", "03", "10", "12" or "13")
// about the act coded `act` ("085" under "03": "0354"); "" where the
// codebook has no such statement (a demand to attack, a threat to meet):
// the statement's own code stands. An intent (03) to do a hostile act
// (roots 14, 15, 17 to 20) is a threat (13x); to reduce relations (16),
// a decision, not a threat: "".
std::string StatementAboutAct(std::string_view stmt, std::string_view act);

// The statement of root `stmt` ("02", "10", "12") about the act an intent
// code names ("039", intent to mediate, under "10": "105"); "" if the
// intent names no act of the table.
std::string RestateIntent(std::string_view stmt, std::string_view intent);

// The CAMEO intent (03x) to do a cooperative act of root 04 to 08 (to meet
// 036, cooperate diplomatically 032 or materially 031, give aid 033,
// yield 035, or their four-digit codes); "030" for any other act.
std::string IntentCode(std::string_view act);

// True for the codes of hostile acts (roots 14 to 20).
bool IsHostileAct(std::string_view code);

// The CAMEO threat (13x) to do a hostile act of root 14 to 20.
std::string ThreatCode(std::string_view act);

}  // namespace curlew

#endif  // CURLEW_EVENTS_STATEMENT_CODES_H_
