// The country of residence of religious groups and of peoples named by a
// state's demonym. "Moslem demonstrators", "Christian militias", "ethnic
// Albanians" name people who live in some state, and news coding gives
// them that state ("Egyptian police dispersed Moslem demonstrators" ->
// EGYMOSCVL; "ethnic Albanians in south Serbia" -> SRBCVL), the religion
// (CAMEO.RCS) following the country as CAMEO writes it. Peoples with a
// code of their own (CAMEO.ECS) that are one of a state's constituent
// peoples (Karen, Tamils, Yoruba, Hutu, Tigrayans; the table in
// residence.cc) take a homeland the report names, the people's code
// after the role as PLOVER writes it ("Burmese troops ... Karen
// guerrillas" -> MMRREBKAR); peoples news treats as stateless nations or
// persecuted minorities across borders (KUR, UIG, RHG, TIB) keep their
// code: CAMEO puts such a people's code in the country's place.
//
// The rule, per sentence (actors stage, news conventions only):
//  - a religious group is a mention whose code starts with a top-level
//    CAMEO.RCS code ("MOSCVL", "CHRMED"); a people is a state's demonym
//    after "ethnic" ("ethnic Albanians": ALB read as a people, not the
//    state);
//  - its country is the state named by its own "in"/"of"/"from" phrase
//    ("Moslem forces in east Bosnia", "a newspaper based in Christian east
//    Beirut"); otherwise, for a people or a group named in a role
//    ("Moslem demonstrators", not a bare "Christians"), the first state the
//    sentence names; with none it keeps its code;
//  - a demonym in the plural (after a determiner at most) with its own
//    "of"/"in" phrase naming another state ("the Albanians of southern
//    Serbia") is that state's people too;
//  - a people of the homeland table takes the first of its homelands the
//    sentence names, else the first the document names.
// The new code is the country followed by the group's code ("EGY" +
// "MOSCVL"); a people named by a demonym becomes the country's civilians
// ("SRB" + "CVL"). Pronouns resolved to the group take the same code.
//
// Thread safety: a pure function of the document.
#ifndef CURLEW_ACTORS_RESIDENCE_H_
#define CURLEW_ACTORS_RESIDENCE_H_

#include <string_view>

#include "curlew/document.h"

namespace curlew {

// True if the three letters are a top-level CAMEO.RCS religion code.
bool IsReligionCode(std::string_view three);

// Rewrites the codes of doc.actor_mentions that name religious groups or
// peoples (see above) with the country they live in.
void ResolveResidence(Document& doc);

}  // namespace curlew

#endif  // CURLEW_ACTORS_RESIDENCE_H_
