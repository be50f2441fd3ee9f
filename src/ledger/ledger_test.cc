#include "curlew/ledger.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace curlew {
namespace {

AgreementMention Step(std::string kind, std::vector<std::string> parties,
                      StepKind step, std::string actor, std::string date,
                      std::string doc, uint32_t sentence,
                      bool negated = false) {
  AgreementMention m;
  m.kind = std::move(kind);
  m.parties = std::move(parties);
  m.has_step = true;
  m.step = step;
  m.actor = std::move(actor);
  m.date = std::move(date);
  m.negated = negated;
  m.source = SourceRef{doc, sentence, "sentence " + std::to_string(sentence)};
  return m;
}

LedgerInput Doc(std::string id, std::string date,
                std::vector<AgreementMention> mentions) {
  LedgerInput in;
  in.doc_id = std::move(id);
  in.doc_date = std::move(date);
  in.agreements = std::move(mentions);
  return in;
}

TEST(LedgerTest, BilateralTreatyRatifiedByOnePartyIsNotInForce) {
  Ledger ledger;
  ledger.Add(Doc("d1", "2020-12-31",
                 {Step("extradition", {"CHN", "TUR"}, StepKind::kSigned, "",
                       "2017", "d1", 3),
                  Step("extradition", {}, StepKind::kRatified, "CHNLEG",
                       "2020-06-26", "d1", 4),
                  Step("extradition", {}, StepKind::kRatified, "TURLEG",
                       "2020-12-31", "d1", 6, /*negated=*/true)}));
  ledger.Build();
  ASSERT_EQ(ledger.agreements().size(), 1u);
  const Agreement& a = ledger.agreements()[0];
  EXPECT_EQ(a.parties, (std::vector<std::string>{"CHN", "TUR"}));
  ASSERT_EQ(a.steps.size(), 3u);
  EXPECT_EQ(a.steps[0].step, StepKind::kSigned);
  AgreementStatus st = StatusAsOf(a, "2020-12-31");
  EXPECT_FALSE(st.in_force);
  EXPECT_EQ(st.state, AgreementState::kPartiallyRatified);
  EXPECT_EQ(st.ratified_by, (std::vector<std::string>{"CHN"}));
  EXPECT_EQ(st.not_ratified_by, (std::vector<std::string>{"TUR"}));
  EXPECT_EQ(st.label,
            "signed; ratified by CHN; not ratified by TUR; not in force");
  // Before China's ratification, only signed.
  EXPECT_EQ(StatusAsOf(a, "2019-01-01").state, AgreementState::kSigned);
  // Before the signature, nothing known.
  EXPECT_EQ(StatusAsOf(a, "2016-12-31").state, AgreementState::kUnknown);
}

TEST(LedgerTest, InForceWhenAllPartiesRatifyOrTextSaysSo) {
  Ledger ledger;
  ledger.Add(Doc("a", "2021-01-10",
                 {Step("trade", {"KEN", "UGA"}, StepKind::kSigned, "",
                       "2021-01-09", "a", 0)}));
  ledger.Add(Doc("b", "2021-03-01",
                 {Step("trade", {"KEN"}, StepKind::kRatified, "KENLEG",
                       "2021-02-27", "b", 1)}));
  ledger.Add(Doc("c", "2021-05-01",
                 {Step("trade", {"UGA"}, StepKind::kRatified, "UGAGOV",
                       "2021-04-30", "c", 0)}));
  ledger.Build();
  ASSERT_EQ(ledger.agreements().size(), 1u);
  const Agreement& a = ledger.agreements()[0];
  EXPECT_EQ(StatusAsOf(a, "2021-03-15").state,
            AgreementState::kPartiallyRatified);
  EXPECT_TRUE(StatusAsOf(a, "2021-05-02").in_force);

  Ledger other;
  other.Add(Doc("x", "2022-07-01",
                {Step("security", {"FRA", "DEU", "POL"},
                      StepKind::kEnteredIntoForce, "", "2022-07-01", "x", 0)}));
  other.Build();
  ASSERT_EQ(other.agreements().size(), 1u);
  EXPECT_TRUE(StatusAsOf(other.agreements()[0], "").in_force);
}

TEST(LedgerTest, WithdrawalEndsAnAgreement) {
  Ledger ledger;
  ledger.Add(Doc("a", "2015-07-14",
                 {Step("nuclear", {"IRN", "USA"}, StepKind::kEnteredIntoForce,
                       "", "2016-01-16", "a", 0)}));
  ledger.Add(Doc("b", "2018-05-08",
                 {Step("nuclear", {"USA"}, StepKind::kWithdrawn, "USAGOV",
                       "2018-05-08", "b", 2)}));
  ledger.Build();
  ASSERT_EQ(ledger.agreements().size(), 1u);
  EXPECT_TRUE(StatusAsOf(ledger.agreements()[0], "2017-01-01").in_force);
  AgreementStatus st = StatusAsOf(ledger.agreements()[0], "2019-01-01");
  EXPECT_EQ(st.state, AgreementState::kEnded);
  EXPECT_EQ(st.withdrawn_by, (std::vector<std::string>{"USA"}));
}

TEST(LedgerTest, OrderOfDocumentsAndReingestDoNotMatter) {
  std::vector<LedgerInput> docs = {
      Doc("a", "2021-01-10",
          {Step("trade", {"KEN", "UGA"}, StepKind::kSigned, "", "2021-01-09",
                "a", 0)}),
      Doc("b", "2021-03-01",
          {Step("trade", {"KEN"}, StepKind::kRatified, "KENLEG", "2021-02-27",
                "b", 1)}),
      Doc("c", "2021-05-01",
          {Step("", {"FRA", "DEU"}, StepKind::kSigned, "", "2021-04-30", "c",
                0)}),
  };
  Ledger first;
  for (const auto& d : docs) first.Add(d);
  first.Build();
  std::mt19937 rng(7);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(docs.begin(), docs.end(), rng);
    Ledger again;
    for (const auto& d : docs) again.Add(d);
    for (const auto& d : docs) again.Add(d);  // twice: replaces, no change
    again.Build();
    ASSERT_EQ(again.agreements().size(), first.agreements().size());
    for (size_t i = 0; i < first.agreements().size(); ++i) {
      EXPECT_EQ(again.agreements()[i].parties, first.agreements()[i].parties);
      EXPECT_EQ(again.agreements()[i].steps.size(),
                first.agreements()[i].steps.size());
      EXPECT_EQ(StatusAsOf(again.agreements()[i], "").label,
                StatusAsOf(first.agreements()[i], "").label);
    }
  }
}

TEST(LedgerTest, NamesMergeByAcronymAmongManyAgreements) {
  // The name index must find "INF Treaty" as the same agreement as its
  // full name, and nothing else, among many agreements of other names.
  Ledger ledger;
  auto named = [](std::string name, StepKind step, std::string actor,
                  std::string date, std::string doc) {
    AgreementMention m = Step("arms control", {"RUS", "USA"}, step,
                              std::move(actor), std::move(date), doc, 0);
    m.name = std::move(name);
    return m;
  };
  ledger.Add(Doc("a", "1987-12-08",
                 {named("Intermediate-Range Nuclear Forces Treaty",
                        StepKind::kSigned, "", "1987-12-08", "a")}));
  for (int i = 0; i < 50; ++i) {
    std::string id = "x";
    id += std::to_string(i);
    ledger.Add(Doc(id, "1990-01-01",
                   {named("Treaty " + std::to_string(i), StepKind::kSigned, "",
                          "1990-01-01", id)}));
  }
  ledger.Add(Doc("b", "2019-08-02",
                 {named("INF Treaty", StepKind::kWithdrawn, "USAGOV",
                        "2019-08-02", "b")}));
  ledger.Build();
  ASSERT_EQ(ledger.agreements().size(), 51u);
  const Agreement& inf = ledger.agreements()[0];
  EXPECT_EQ(inf.name, "Intermediate-Range Nuclear Forces Treaty");
  ASSERT_EQ(inf.steps.size(), 2u);
  EXPECT_EQ(inf.steps[1].step, StepKind::kWithdrawn);
}

TEST(LedgerTest, BareMentionResolvesToAgreementNamedEarlierInDocument) {
  AgreementMention named = Step("extradition", {"CHN", "TUR"},
                                StepKind::kSigned, "", "2017", "d", 0);
  named.name = "Treaty on Extradition";
  AgreementMention bare =
      Step("", {}, StepKind::kRatified, "CHNLEG", "2020-06-26", "d", 1);
  Ledger ledger;
  ledger.Add(Doc("d", "2020-12-31", {named, bare}));
  ledger.Build();
  ASSERT_EQ(ledger.agreements().size(), 1u);
  EXPECT_EQ(ledger.agreements()[0].name, "Treaty on Extradition");
  EXPECT_EQ(ledger.agreements()[0].steps.size(), 2u);
}

// An agreement without a title is named by the words describing it, which
// never tell agreements apart: two "peace agreements" of other parties
// stay two, and a title given later wins.
TEST(LedgerTest, DescriptionNamesAnAgreementWithoutTitle) {
  AgreementMention a = Step("peace", {"ARM", "AZE"}, StepKind::kNegotiated, "",
                            "2025-03-13", "a", 0);
  a.description = "peace agreement";
  AgreementMention b = Step("peace", {"ERI", "ETH"}, StepKind::kSigned, "",
                            "2018-07-09", "b", 0);
  b.description = "peace agreement";
  AgreementMention c = Step("trade", {"CHL", "NOR"}, StepKind::kSigned, "",
                            "2016-03-01", "c", 0);
  c.description = "trade agreement";
  AgreementMention titled = Step("trade", {"CHL", "NOR"}, StepKind::kRatified,
                                 "CHL", "2016-09-01", "d", 0);
  titled.name = "Chile-Norway Trade Agreement";
  Ledger ledger;
  ledger.Add(Doc("a", "2025-03-13", {a}));
  ledger.Add(Doc("b", "2018-07-09", {b}));
  ledger.Add(Doc("c", "2016-03-01", {c}));
  ledger.Add(Doc("d", "2016-09-01", {titled}));
  ledger.Build();
  std::vector<std::string> names;
  for (const Agreement& x : ledger.agreements()) names.push_back(x.name);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names,
            (std::vector<std::string>{"Chile-Norway Trade Agreement",
                                      "peace agreement", "peace agreement"}));
}

Event Act(std::string source, std::string target, std::string cameo,
          std::string date, uint32_t sentence) {
  Event e;
  e.source = std::move(source);
  e.target = std::move(target);
  e.cameo = std::move(cameo);
  e.date = std::move(date);
  e.sentence = sentence;
  return e;
}

TEST(LedgerTest, CommitmentLinkedToContradictingAndFulfillingEvents) {
  CommitmentMention pledge;
  pledge.actor = "TURGOV";
  pledge.target = "UIG";
  pledge.target_text = "Uighurs";
  pledge.action = "return Uighurs to China";
  pledge.action_lemma = "return";
  pledge.negated = true;
  pledge.form = "verbal";
  pledge.condition = "this only applies to guilty people";
  pledge.date = "2020-12-30";
  pledge.source = SourceRef{"p", 1, "Turkey pledged not to return Uighurs."};

  CommitmentMention aid;
  aid.actor = "JPN";
  aid.target = "PHL";
  aid.action = "provide flood relief";
  aid.action_lemma = "provide";
  aid.date = "2021-02-01";
  aid.source = SourceRef{"q", 0, "Japan promised relief."};

  LedgerInput p = Doc("p", "2020-12-31", {});
  p.commitments = {pledge};
  LedgerInput q = Doc("q", "2021-02-01", {});
  q.commitments = {aid};
  LedgerInput later = Doc("later", "2021-06-01", {});
  later.events = {Act("TURGOV", "CHN", "174", "2021-05-30", 0),
                  Act("TURGOV", "SYR", "174", "2021-05-30", 1),
                  Act("JPNGOV", "PHL", "073", "2021-05-31", 2)};
  later.event_lemmas = {"deport", "deport", "deliver"};
  later.sentences = {"Turkey deported a Uighur activist to China.",
                     "Turkey deported ten Syrians.",
                     "Japan delivered relief supplies to Manila."};
  Ledger ledger;
  ledger.Add(later);
  ledger.Add(q);
  ledger.Add(p);
  ledger.Build();
  ASSERT_EQ(ledger.commitments().size(), 2u);
  const Commitment& c1 = ledger.commitments()[0];
  EXPECT_EQ(c1.what.actor, "TURGOV");
  ASSERT_EQ(c1.links.size(), 1u);
  EXPECT_EQ(c1.links[0].kind, CommitmentLink::Kind::kContradicts);
  EXPECT_EQ(c1.links[0].source.sentence, 0u);
  const Commitment& c2 = ledger.commitments()[1];
  ASSERT_EQ(c2.links.size(), 1u);
  EXPECT_EQ(c2.links[0].kind, CommitmentLink::Kind::kFulfils);
}

}  // namespace
}  // namespace curlew

#include "ledger/ledger_json.h"

namespace curlew {
namespace {

// An end dated by its year only ("ended in 2019") that a precise end in
// that year refines (the withdrawal on 2019-08-02) does not end the
// agreement on January 1.
TEST(LedgerTest, YearDatedEndRefinedByPreciseEnd) {
  Ledger ledger;
  ledger.Add(Doc("a", "2019-08-02",
                 {Step("arms control", {"RUS", "USA"}, StepKind::kWithdrawn,
                       "USA", "2019-08-02", "a", 0)}));
  ledger.Add(Doc("b", "2021-02-03",
                 {Step("arms control", {"RUS", "USA"}, StepKind::kTerminated,
                       "", "2019", "b", 0)}));
  ledger.Build();
  ASSERT_EQ(ledger.agreements().size(), 1u);
  const Agreement& a = ledger.agreements()[0];
  EXPECT_NE(StatusAsOf(a, "2019-03-01").state, AgreementState::kEnded);
  EXPECT_EQ(StatusAsOf(a, "2019-09-01").state, AgreementState::kEnded);
}

TEST(LedgerJsonTest, InputRoundTrip) {
  LedgerInput in = Doc("d", "2020-12-31",
                       {Step("extradition", {"CHN", "TUR"}, StepKind::kRatified,
                             "CHNLEG", "2020-06-26", "d", 4, true)});
  CommitmentMention c;
  c.actor = "TUR";
  c.action = "return \"Uighurs\" to China";
  c.negated = true;
  c.source = SourceRef{"d", 1, "x"};
  in.commitments.push_back(c);
  in.events.push_back(Event{});
  in.events[0].cameo = "057";
  in.event_lemmas = {"ratify"};
  in.sentences = {"one", "two"};
  LedgerAct act;
  act.kind = LedgerAct::Kind::kRenounced;
  act.actor = "RUS";
  act.lemma = "deploy";
  act.words = "deploy missiles";
  act.date = "2021-01-04";
  act.source = SourceRef{"d", 1, "two"};
  in.acts.push_back(act);
  std::string json = LedgerInputToJson(in);
  Result<LedgerInput> back = LedgerInputFromJson(json, "d");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(LedgerInputToJson(*back), json);
  EXPECT_EQ(back->agreements[0].step, StepKind::kRatified);
  EXPECT_TRUE(back->agreements[0].negated);
  EXPECT_EQ(back->commitments[0].action, "return \"Uighurs\" to China");
  ASSERT_EQ(back->acts.size(), 1u);
  EXPECT_EQ(back->acts[0].kind, LedgerAct::Kind::kRenounced);
  EXPECT_EQ(back->acts[0].lemma, "deploy");

  Result<LedgerInput> bad = LedgerInputFromJson("{\"agreements\": 3", "doc7");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::kParseError);
  EXPECT_EQ(bad.status().where(), "doc7");
}

}  // namespace
}  // namespace curlew
