// Test helper for the scorers' tests: an Event with only what the scorers
// read (source, target, CAMEO code and root).
#ifndef CURLEW_EVAL_TEST_EVENTS_H_
#define CURLEW_EVAL_TEST_EVENTS_H_

#include <string>
#include <utility>

#include "curlew/event.h"

namespace curlew::eval {

inline Event Coded(std::string source, std::string target, std::string cameo) {
  Event e;
  e.source = std::move(source);
  e.target = std::move(target);
  e.root = cameo.substr(0, 2);
  e.cameo = std::move(cameo);
  return e;
}

}  // namespace curlew::eval

#endif  // CURLEW_EVAL_TEST_EVENTS_H_
