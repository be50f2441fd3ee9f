// Place names two states share ("Tripoli": Libya's capital and Lebanon's
// northern port). The knowledge base gives such a name one state (the one
// whose capital it is); news coding needs the state the report is about.
//
// The rule, per document (actors stage, news conventions only): a mention
// whose state came from a shared name is given the name's other state
// when the document names that other state elsewhere and never names the
// first one other than through a shared name ("militias in Tripoli ...
// the north Lebanese port" -> LBN). The dictionary match of the name is
// rewritten too, so every stage reads the same state.
//
// Thread safety: a pure function of the document.
#ifndef CURLEW_ACTORS_SHARED_NAMES_H_
#define CURLEW_ACTORS_SHARED_NAMES_H_

#include "curlew/document.h"

namespace curlew {

// Rewrites doc.actor_mentions and doc.actor_matches as described above.
void ResolveSharedPlaceNames(Document& doc);

}  // namespace curlew

#endif  // CURLEW_ACTORS_SHARED_NAMES_H_
