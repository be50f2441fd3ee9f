// Event: one coded political event, traceable to the sentence it came from.
//
// Field names follow the event JSON contract in DESIGN.md; io/event_json
// writes them. Thread safety: a plain value.
#ifndef CURLEW_EVENT_H_
#define CURLEW_EVENT_H_

#include <cstdint>
#include <string>

namespace curlew {

struct Event {
  // Provenance.
  uint32_t sentence = 0;     // index of the sentence in the document
  uint32_t span_begin = 0;   // byte span of the sentence in Document::text
  uint32_t span_end = 0;
  std::string verb_text;     // the words that triggered the code ("ratified")
  // The word the event was coded from (the verb or noun whose dictionary
  // entry gave the code; "fired" of "fired on"): its index in
  // Document::tokens, -1 where unknown (an event read back from a store),
  // and its bytes in Document::text. Later stages (time, places, ledger)
  // find the event's word here, never by searching for its text.
  int32_t trigger_token = -1;
  uint32_t trigger_begin = 0;
  uint32_t trigger_end = 0;

  // Who did what to whom.
  std::string source;        // actor code ("TURGOV"), "" where absent
  std::string target;
  std::string source_text;   // the words the source code came from
  std::string target_text;
  std::string cameo;         // CAMEO code as a string ("057")
  std::string root;          // CAMEO root ("05")
  int quad = 0;              // 1 verbal coop, 2 material coop,
                             // 3 verbal conflict, 4 material conflict
  double goldstein = 0.0;
  std::string plover;        // PLOVER event type ("AGREE")
  std::string plover_mode;   // PLOVER mode, "" where none

  // When, where, how.
  std::string date;          // "YYYY-MM-DD", "YYYY-MM" or "YYYY"
  std::string location;      // place name from the gazetteer, "" if none
  std::string attribution;   // who reported or said it ("Xinhua"), "" if none
  // How the report presents the act (docs/modality.md): "asserted"
  // (happened or happening; also a statement CAMEO codes as such: an
  // intent, demand, appeal, threat, rejection, accusation or denial),
  // "negated" (did not happen), "hypothetical" (possible, conditional,
  // hoped, feared), "future" (announced or planned, not yet done) or
  // "alleged" (claimed by someone other than the actor). "" only on events
  // from stores written before modality existed.
  std::string modality;
  // Code of the actor in whose words the event is reported ("RUS" of
  // "Russia said ..."), "" where the narrator reports it or the speaker has
  // no code.
  std::string speaker;
  bool negated = false;
  std::string issues;        // issue codes, ";"-separated
};

}  // namespace curlew

#endif  // CURLEW_EVENT_H_
