// Comma asides: PETRARCH's comma rules, deciding which comma-delimited
// stretches of a sentence are asides ("Arnor, the old foe of Gondor,
// criticized Rohan") that coding leaves out: no actor is found in them and
// no verb in them is coded. The actors and the events stage apply the same
// rules to the same tree, so both see the same words.
//
// A stretch between two commas (min..max words), before the first comma
// (bmin..bmax) or after the last (emin..emax) is an aside unless it has a
// subject of its own (a main clause; the last stretch also when it ends
// the main clause whose subject came before) or is part of a list ("X, Y
// and Z"). A max of 0 turns a rule off. Defaults as in PETRARCH's
// PETR_config.ini: 2..8, off, 2..8.
//
// Thread safety: pure functions.
#ifndef CURLEW_SYNTAX_COMMA_ASIDES_H_
#define CURLEW_SYNTAX_COMMA_ASIDES_H_

#include <string>
#include <vector>

#include "syntax/tree.h"

namespace curlew {

struct CommaRules {
  int min = 2, max = 8;    // a stretch between two commas
  int bmin = 0, bmax = 0;  // before the first comma
  int emin = 2, emax = 8;  // after the last comma
};

// For each word of the tree's sentence, true if it lies in an aside.
// `upper` holds the words upper-cased (as the dictionaries match them).
// With `news_conventions` (curlew's reading of real news), after an actor
// and a relative clause ("Poland, which has built a fence, accused Belarus
// ...") the last stretch is the main clause, not an aside.
std::vector<bool> FindCommaAsides(const DependencyTree& tree,
                                  const std::vector<std::string>& upper,
                                  const CommaRules& rules,
                                  bool news_conventions);

}  // namespace curlew

#endif  // CURLEW_SYNTAX_COMMA_ASIDES_H_
