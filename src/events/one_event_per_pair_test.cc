// KeepOneEventPerPair, the news convention that leaves one event per actor
// pair and clause reading, on events built by hand.
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "events/coder.h"

namespace curlew {
namespace {

Event Ev(const std::string& source, const std::string& target,
         const std::string& cameo, uint32_t sentence = 0,
         const std::string& modality = "asserted") {
  Event e;
  e.source = source;
  e.target = target;
  e.cameo = cameo;
  e.sentence = sentence;
  e.modality = modality;
  return e;
}

using Triple = std::tuple<std::string, std::string, std::string>;

std::vector<Triple> Kept(std::vector<Event> events) {
  KeepOneEventPerPair(&events);
  std::vector<Triple> out;
  for (const Event& e : events) out.push_back({e.source, e.target, e.cameo});
  return out;
}

// "Vellish troops shelled Ossory" names both VLM and VLMMIL: the country
// alone beside its own, more specific actor is dropped, as source or target.
TEST(KeepOneEventPerPairTest, BareCountryGivesWayToItsActor) {
  EXPECT_EQ(Kept({Ev("VLM", "OSY", "190"), Ev("VLMMIL", "OSY", "190")}),
            (std::vector<Triple>{{"VLMMIL", "OSY", "190"}}));
  EXPECT_EQ(Kept({Ev("KST", "VLMGOV", "111"), Ev("KST", "VLM", "111")}),
            (std::vector<Triple>{{"KST", "VLMGOV", "111"}}));
  // The root's generic code beside a specific one of the same root is
  // the same reading, less precise.
  EXPECT_EQ(Kept({Ev("KST", "VLM", "100"), Ev("KST", "VLMGOV", "101")}),
            (std::vector<Triple>{{"KST", "VLMGOV", "101"}}));
  // Another code is another reading, not a copy: both stay.
  EXPECT_EQ(Kept({Ev("VLM", "OSY", "190"), Ev("VLMMIL", "OSY", "111")}).size(),
            2u);
  // Another country is another actor.
  EXPECT_EQ(Kept({Ev("KST", "OSY", "190"), Ev("VLMMIL", "OSY", "190")}).size(),
            2u);
}

// "Vellish and Kestrandi troops held exercises": each side acts on the
// other; the copy of a side acting on its own country goes.
TEST(KeepOneEventPerPairTest, JointActIsNotOnOnesOwnCountry) {
  EXPECT_EQ(Kept({Ev("VLMMIL", "VLM", "062"), Ev("VLMMIL", "KSTMIL", "062"),
                  Ev("KSTMIL", "KST", "062"), Ev("KSTMIL", "VLMMIL", "062")}),
            (std::vector<Triple>{{"VLMMIL", "KSTMIL", "062"},
                                 {"KSTMIL", "VLMMIL", "062"}}));
}

// For one source and target a bare statement or appeal (010, 011, 020)
// gives way to an act; of two acts the first stays.
TEST(KeepOneEventPerPairTest, StatementGivesWayToAnAct) {
  for (const char* weak : {"010", "011", "020"})
    EXPECT_EQ(Kept({Ev("KST", "OSY", weak), Ev("KST", "OSY", "057")}),
              (std::vector<Triple>{{"KST", "OSY", "057"}}))
        << weak;
  EXPECT_EQ(Kept({Ev("KST", "OSY", "033"), Ev("KST", "OSY", "070")}),
            (std::vector<Triple>{{"KST", "OSY", "033"}}));
  // Other directions and sentences are other events, and an act reported
  // as not done (or only possible) leaves the statement.
  EXPECT_EQ(Kept({Ev("KST", "OSY", "010"), Ev("OSY", "KST", "057")}).size(),
            2u);
  EXPECT_EQ(Kept({Ev("KST", "OSY", "010"), Ev("KST", "OSY", "057", 1)}).size(),
            2u);
  EXPECT_EQ(
      Kept({Ev("KST", "OSY", "010"), Ev("KST", "OSY", "057", 0, "negated")})
          .size(),
      2u);
  // An act presented otherwise than the statement ("X attacked Y,
  // witnesses said": alleged) is still the act the statement reports.
  EXPECT_EQ(
      Kept({Ev("KST", "OSY", "010"), Ev("KST", "OSY", "190", 0, "alleged")}),
      (std::vector<Triple>{{"KST", "OSY", "190"}}));
  EXPECT_EQ(Kept({Ev("KST", "OSY", "010"),
                  Ev("KST", "OSY", "040", 0, "hypothetical")})
                .size(),
            2u);
}

// An asserted act beside a possible or planned act of the same root for
// the same pair ("Vellmark agreed with Ossory that they should work
// together"): the possible one is the content of the act, not a second
// event. Another root, pair or a negated act stays.
TEST(KeepOneEventPerPairTest, PossibleActGivesWayToAnAssertedOneOfItsRoot) {
  for (const char* modality : {"hypothetical", "future"})
    EXPECT_EQ(
        Kept({Ev("VLM", "OSY", "057"), Ev("VLM", "OSY", "050", 0, modality)}),
        (std::vector<Triple>{{"VLM", "OSY", "057"}}))
        << modality;
  EXPECT_EQ(
      Kept({Ev("VLM", "OSY", "057"), Ev("VLM", "OSY", "050", 0, "negated")})
          .size(),
      2u);
  EXPECT_EQ(Kept({Ev("VLM", "OSY", "057"),
                  Ev("VLM", "OSY", "070", 0, "hypothetical")})
                .size(),
            2u);
  EXPECT_EQ(Kept({Ev("VLM", "OSY", "057"),
                  Ev("OSY", "VLM", "050", 0, "hypothetical")})
                .size(),
            2u);
}

// An actor acting on itself gives way to an act between two actors of the
// same sentence; not to a bare statement, nor to one of another sentence.
TEST(KeepOneEventPerPairTest, ActorOnItselfGivesWayToAnActBetweenTwo) {
  EXPECT_EQ(Kept({Ev("VLM", "VLM", "084"), Ev("KSTGOV", "KST", "084")}),
            (std::vector<Triple>{{"KSTGOV", "KST", "084"}}));
  EXPECT_EQ(Kept({Ev("VLM", "VLM", "141"), Ev("KSTGOV", "VLM", "010")}).size(),
            2u);
  EXPECT_EQ(Kept({Ev("VLM", "VLM", "141"), Ev("KST", "OSY", "190", 1)}).size(),
            2u);
  EXPECT_EQ(Kept({Ev("VLM", "VLM", "141")}).size(), 1u);
}

// "A Vellish minister threatened to impose tariffs on Ossory as the
// leaders sought to ease tensions": two acts of one pair; the one read
// first in the sentence (the main clause) stays, whatever order the coder
// found them in.
TEST(KeepOneEventPerPairTest, FirstActInTheSentenceStays) {
  Event threat = Ev("VLMGOV", "OSY", "1312");
  threat.trigger_begin = 20;
  Event appeal = Ev("VLMGOV", "OSY", "022");
  appeal.trigger_begin = 90;
  EXPECT_EQ(Kept({appeal, threat}),
            (std::vector<Triple>{{"VLMGOV", "OSY", "1312"}}));
  EXPECT_EQ(Kept({threat, appeal}),
            (std::vector<Triple>{{"VLMGOV", "OSY", "1312"}}));
  // Same trigger (or none known): the first found stays, as before.
  EXPECT_EQ(Kept({Ev("VLM", "OSY", "190"), Ev("VLM", "OSY", "111")}),
            (std::vector<Triple>{{"VLM", "OSY", "190"}}));
}

}  // namespace
}  // namespace curlew
