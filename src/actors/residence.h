// The country of residence of ethnic and religious groups. A community is
// not a state: "Moslem demonstrators", "Tamil refugees", "ethnic
// Albanians" name people who live somewhere, and news coding gives them
// the country they live in ("Egyptian police dispersed Moslem
// demonstrators" -> EGYMOSCVL; "ethnic Albanians in south Serbia" ->
// SRBCVL), as CAMEO does for a group under a state's authority.
//
// The rule, per sentence (actors stage, news conventions only):
//  - a community is a mention whose code starts with neither a state, an
//    organisation (IGO, NGO, ...) nor a role ("MOSCVL", "TAM", "KAR"), or a
//    state's demonym after "ethnic" ("ethnic Albanians": ALB read as a
//    people, not the state);
//  - its country is the state named by its own phrase ("Albanians of
//    southern Serbia", "a newspaper based in Christian east Beirut");
//    otherwise, for a group named in a role ("Karen guerrillas", "Moslem
//    demonstrators", "ethnic Albanians"), the first state the sentence
//    names ("Burmese troops attacked Karen guerrillas" -> MMR); a bare
//    group ("Turkey will not return Uighurs") and a group with no state
//    in its sentence keep their code;
//  - a demonym in the plural with a phrase naming another state ("Turks in
//    Germany") is a community of that state too.
// The new code is the country followed by the community's code ("EGY" +
// "MOSCVL"); a people named by a demonym becomes the country's civilians
// ("SRB" + "CVL"). Pronouns resolved to the group take the same code.
//
// Thread safety: a pure function of the document.
#ifndef CURLEW_ACTORS_RESIDENCE_H_
#define CURLEW_ACTORS_RESIDENCE_H_

#include <string_view>

#include "curlew/document.h"

namespace curlew {

// True if the three letters start the code of an ethnic or religious
// group: not a state, an organisation prefix or a CAMEO role.
bool IsCommunityCode(std::string_view three);

// Rewrites the codes of doc.actor_mentions that name communities (see
// above) with the country they live in.
void ResolveResidence(Document& doc);

}  // namespace curlew

#endif  // CURLEW_ACTORS_RESIDENCE_H_
