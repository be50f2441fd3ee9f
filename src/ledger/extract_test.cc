#include "ledger/extract.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "curlew/engine.h"
#include "testing/simple_doc.h"

namespace curlew {
namespace {

// A given parse whose heads form a cycle (hand-made CoNLL-U) is read as
// flat: the extractor finishes and records no step.
TEST(LedgerExtractTest, CyclicTreeDoesNotHang) {
  Document doc = testing::SimpleDoc("Kestrand ratified the treaty .");
  const int heads[] = {2, 4, 4, 2, 2};
  const char* rels[] = {"nsubj", "root", "det", "obj", "punct"};
  const char* lemmas[] = {"Kestrand", "ratify", "the", "treaty", "."};
  const char* upos[] = {"PROPN", "VERB", "DET", "NOUN", "PUNCT"};
  ASSERT_EQ(doc.tokens.size(), 5u);
  for (size_t i = 0; i < 5; ++i) {
    doc.tokens[i].head = heads[i];
    doc.tokens[i].deprel = rels[i];
    doc.tokens[i].lemma = lemmas[i];
    doc.tokens[i].upos = upos[i];
  }
  LedgerInput in = ExtractLedgerInput(doc, {});
  ASSERT_EQ(in.agreements.size(), 1u);  // the treaty is mentioned
  EXPECT_FALSE(in.agreements[0].has_step);
}

// The engine with the built-in knowledge base, made once.
const Engine* TheEngine() {
  static const Engine* engine = [] {
    auto e = Engine::Create({});
    return e.ok() ? std::move(*e).release() : nullptr;
  }();
  return engine;
}

// The ledger of reports given as (date, text), each coded by the engine.
Ledger LedgerOf(
    const std::vector<std::pair<std::string, std::string>>& reports) {
  Ledger ledger;
  int n = 0;
  for (const auto& [date, text] : reports) {
    Document doc;
    doc.id = "r";
    doc.id += std::to_string(++n);
    doc.date = date;
    doc.text = text;
    EXPECT_TRUE(TheEngine()->Process(doc).ok());
    ledger.Add(TheEngine()->LedgerInputOf(doc));
  }
  ledger.Build();
  return ledger;
}

const Agreement* Named(const Ledger& ledger, const std::string& name) {
  for (const Agreement& a : ledger.agreements())
    if (a.name == name) return &a;
  return nullptr;
}

// An alliance's accession protocol: signed by the members of the day (from
// data/kb/memberships.tsv), ratified member by member, in force when the
// applicant joins; an earlier applicant is not a party of a later one's.
TEST(LedgerExtractTest, AccessionProtocolSignedByMembersInForceOnJoining) {
  if (TheEngine() == nullptr) GTEST_SKIP() << "no engine (models missing)";
  Ledger ledger = LedgerOf({
      {"2019-02-06",
       "NATO's 29 members signed an accession protocol for North Macedonia "
       "on Wednesday."},
      {"2019-02-08",
       "Canada's parliament ratified North Macedonia's accession to NATO on "
       "Friday."},
      {"2020-03-27", "North Macedonia joined NATO on Friday."},
  });
  const Agreement* a = Named(ledger, "accession protocol for North Macedonia");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->kind, "accession");
  // 29 members of 2019 and the applicant; Finland (2023) is not a party.
  EXPECT_EQ(a->parties.size(), 30u);
  EXPECT_TRUE(std::count(a->parties.begin(), a->parties.end(), "MKD"));
  EXPECT_FALSE(std::count(a->parties.begin(), a->parties.end(), "FIN"));
  AgreementStatus before = StatusAsOf(*a, "2019-03-01");
  EXPECT_EQ(before.state, AgreementState::kPartiallyRatified);
  EXPECT_EQ(before.ratified_by, std::vector<std::string>{"CAN"});
  EXPECT_EQ(StatusAsOf(*a, "2020-03-28").state, AgreementState::kInForce);
}

// "applied to join" and "removing the last obstacle to X joining" are not
// accessions; a state that already belongs to the alliance does not accede.
TEST(LedgerExtractTest, ApplyingOrBeingAMemberIsNoAccession) {
  if (TheEngine() == nullptr) GTEST_SKIP() << "no engine (models missing)";
  Ledger ledger = LedgerOf({
      {"2022-05-18", "Finland formally applied to join NATO on Wednesday."},
      {"2022-05-19",
       "Canada joined NATO allies in condemning the strike on Monday."},
  });
  EXPECT_TRUE(ledger.agreements().empty());
}

// A ceasefire the text describes ("agreed to stop all military action")
// is one, negotiated by the subjects and in force "with effect from" then;
// truces between different sides at the same time stay apart.
TEST(LedgerExtractTest, DescribedCeasefireAndTrucesOfDifferentSides) {
  if (TheEngine() == nullptr) GTEST_SKIP() << "no engine (models missing)";
  Ledger ledger = LedgerOf({
      {"2020-11-10",
       "Armenia and Azerbaijan agreed on Monday to stop all military action "
       "in Nagorno-Karabakh with effect from 1 a.m. local time."},
      {"2020-11-12",
       "Israel and Hamas have agreed to a ceasefire in Gaza, Egyptian "
       "officials said on Thursday."},
  });
  ASSERT_EQ(ledger.agreements().size(), 2u);
  const Agreement& a = ledger.agreements()[0];
  EXPECT_EQ(a.kind, "ceasefire");
  EXPECT_EQ(a.parties, (std::vector<std::string>{"ARM", "AZE"}));
  EXPECT_EQ(StatusAsOf(a, "2020-11-11").state, AgreementState::kInForce);
  EXPECT_EQ(StatusAsOf(a, "2020-11-08").state, AgreementState::kUnknown);
  const Agreement& b = ledger.agreements()[1];
  EXPECT_EQ(b.kind, "ceasefire");
  EXPECT_EQ(b.parties.size(), 2u);
  EXPECT_TRUE(std::count(b.parties.begin(), b.parties.end(), "ISR"));
  // Agreed, not in force: nothing says it took effect.
  EXPECT_EQ(StatusAsOf(b, "2020-11-13").state, AgreementState::kNegotiating);
}

// "clearing the way for it to take effect" is not an entry into force.
TEST(LedgerExtractTest, PurposeClauseIsNoStep) {
  if (TheEngine() == nullptr) GTEST_SKIP() << "no engine (models missing)";
  Ledger ledger = LedgerOf({
      {"2021-01-20",
       "Russia's parliament ratified the New START treaty with the United "
       "States on Wednesday, clearing the way for it to take effect on "
       "Friday."},
  });
  ASSERT_EQ(ledger.agreements().size(), 1u);
  for (const AgreementStep& st : ledger.agreements()[0].steps)
    EXPECT_NE(st.step, StepKind::kEnteredIntoForce);
}

// Titles split by the parse, "the three countries", a pact "allowing" its
// parties, and a memorandum (which needs no ratification) kept apart from
// another agreement of the same report.
TEST(LedgerExtractTest, CountedPartiesAndFormsOfAgreement) {
  if (TheEngine() == nullptr) GTEST_SKIP() << "no engine (models missing)";
  Ledger ledger = LedgerOf({
      {"2021-11-22",
       "Australia, Britain and the United States signed the Exchange of "
       "Naval Nuclear Propulsion Information Agreement on Monday."},
      {"2022-02-09",
       "A pact allowing Australia, Britain and the United States to exchange "
       "information on naval nuclear propulsion entered into force on "
       "Tuesday."},
      {"2022-06-28",
       "Turkey dropped its objections to Finland and Sweden joining NATO on "
       "Tuesday, after the three countries signed a memorandum in Madrid."},
  });
  const Agreement* a =
      Named(ledger, "Naval Nuclear Propulsion Information Agreement");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->parties, (std::vector<std::string>{"AUS", "GBR", "USA"}));
  EXPECT_EQ(StatusAsOf(*a, "2021-12-01").state, AgreementState::kSigned);
  EXPECT_EQ(StatusAsOf(*a, "2022-03-01").state, AgreementState::kInForce);
  const Agreement* m = nullptr;
  for (const Agreement& x : ledger.agreements())
    if (x.kind == "memorandum") m = &x;
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->parties, (std::vector<std::string>{"FIN", "SWE", "TUR"}));
  EXPECT_EQ(StatusAsOf(*m, "2022-07-01").state, AgreementState::kInForce);
  EXPECT_EQ(ledger.agreements().size(), 2u);
}

// An agreement known by another name is one agreement; a party's step on
// "the deal" it alone is a party to joins it; suspending or abandoning
// commitments under a deal is a (partial) suspension, not a withdrawal; a
// body that endorses a deal is not its party.
TEST(LedgerExtractTest, AliasesAndPartialSuspension) {
  if (TheEngine() == nullptr) GTEST_SKIP() << "no engine (models missing)";
  Ledger ledger = LedgerOf({
      {"2015-07-14",
       "Iran, the United States, Russia, China, Britain, France and Germany "
       "signed the Joint Comprehensive Plan of Action in Vienna on "
       "Tuesday."},
      {"2015-07-20",
       "The U.N. Security Council endorsed the Iran nuclear deal on "
       "Monday."},
      {"2019-07-08",
       "Iran abandoned the limits on its uranium stockpile under the 2015 "
       "nuclear deal on Monday."},
  });
  ASSERT_EQ(ledger.agreements().size(), 1u);
  const Agreement& a = ledger.agreements()[0];
  EXPECT_EQ(a.name, "Joint Comprehensive Plan of Action");
  EXPECT_FALSE(std::count(a.parties.begin(), a.parties.end(), "IGOUNO"));
  AgreementStatus st = StatusAsOf(a, "2019-08-01");
  EXPECT_EQ(st.suspended_by, std::vector<std::string>{"IRN"});
  EXPECT_TRUE(st.withdrawn_by.empty());
}

// Commitments in other forms: the terms of a deal ("Under the deal, X is
// to ..."), a future clause whose speaker the parse hung elsewhere, a
// passive one ("the treaty would be held in abeyance until ...", said by
// a minister: his state's), readiness ("was ready to ... provided ...")
// and "remained committed to" an agreement.
TEST(LedgerExtractTest, CommitmentForms) {
  if (TheEngine() == nullptr) GTEST_SKIP() << "no engine (models missing)";
  Ledger ledger = LedgerOf({
      {"2023-11-22",
       "Under the truce deal, Hamas is to release 50 hostages over four "
       "days."},
      {"2023-06-01",
       "Russia said on Thursday that it was ready to resume the grain deal "
       "provided its demands were met."},
      {"2020-09-10",
       "Greece and Turkey said they remained committed to the 1923 Treaty of "
       "Lausanne."},
  });
  std::vector<std::string> actors, conditions;
  for (const Commitment& c : ledger.commitments()) {
    actors.push_back(c.what.actor.substr(0, 3));
    conditions.push_back(c.what.condition);
  }
  EXPECT_TRUE(std::count(actors.begin(), actors.end(), "PSE")) << actors.size();
  EXPECT_TRUE(std::count(actors.begin(), actors.end(), "RUS"));
  EXPECT_TRUE(std::count(actors.begin(), actors.end(), "GRC"));
  EXPECT_TRUE(std::count(conditions.begin(), conditions.end(),
                         "provided its demands were met"));
}

// A title the knowledge base lists is an agreement without an agreement
// noun ("New START"); suspending participation in it is a suspension; a
// step reported done is not dated after its report ("extended ... until
// 2026"); a verbless parse still reads "..., expired on Thursday".
TEST(LedgerExtractTest, KnownTitleWithoutAgreementNoun) {
  if (TheEngine() == nullptr) GTEST_SKIP() << "no engine (models missing)";
  Ledger ledger = LedgerOf({
      {"2010-04-08",
       "Russia and the United States signed New START in Prague on "
       "Thursday."},
      {"2021-02-03",
       "Washington extended New START by five years, until Feb. 5, 2026."},
      {"2023-02-28",
       "Moscow said on Tuesday that Russia was suspending its participation "
       "in New START."},
  });
  const Agreement* a = Named(ledger, "New START");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->parties, (std::vector<std::string>{"RUS", "USA"}));
  for (const AgreementStep& st : a->steps)
    EXPECT_LE(st.date, st.source.doc_id == "r2" ? "2021-02-03" : "2099");
  EXPECT_EQ(StatusAsOf(*a, "2023-03-01").suspended_by,
            std::vector<std::string>{"RUS"});
}

// A signed joint statement is a declaration (in force from signature);
// legislation implementing a state's agreement that receives royal assent
// is that state's approval.
TEST(LedgerExtractTest, JointStatementAndRoyalAssent) {
  if (TheEngine() == nullptr) GTEST_SKIP() << "no engine (models missing)";
  Ledger ledger = LedgerOf({
      {"2023-04-06",
       "The foreign ministers of Saudi Arabia and Iran signed a joint "
       "statement in Beijing on Thursday."},
      {"2020-01-23",
       "A bill to implement Britain's withdrawal agreement with the European "
       "Union received royal assent on Thursday."},
  });
  ASSERT_EQ(ledger.agreements().size(), 2u);
  const Agreement& st = ledger.agreements()[0].kind == "declaration"
                            ? ledger.agreements()[0]
                            : ledger.agreements()[1];
  EXPECT_EQ(st.parties, (std::vector<std::string>{"IRN", "SAU"}));
  EXPECT_EQ(StatusAsOf(st, "2023-04-07").state, AgreementState::kInForce);
  const Agreement& wa = &st == &ledger.agreements()[0] ? ledger.agreements()[1]
                                                       : ledger.agreements()[0];
  EXPECT_EQ(StatusAsOf(wa, "2020-01-24").ratified_by,
            std::vector<std::string>{"GBR"});
}

// A signed order directing a state to act is that state's written
// commitment, and the later step fulfils it; a withdrawal after a
// rejoining is a second withdrawal, not a repeat of the first; "the second
// time X has pulled out" is no step; "gave guarantees that it would not"
// is the giver's commitment.
TEST(LedgerExtractTest, OrdersRepeatedWithdrawalsAndGuarantees) {
  if (TheEngine() == nullptr) GTEST_SKIP() << "no engine (models missing)";
  Ledger ledger = LedgerOf({
      {"2017-06-01",
       "The United States and China ratified the Paris Agreement in 2016."},
      {"2020-11-04",
       "The United States formally left the Paris Agreement on "
       "Wednesday."},
      {"2021-02-19",
       "The United States rejoined the Paris Agreement on Friday."},
      {"2025-01-20",
       "Trump signed an executive order on Monday directing the United "
       "States to withdraw from the Paris Agreement. It is the second time "
       "Trump has pulled the country out of the pact."},
      {"2026-01-27",
       "The withdrawal of the United States from the Paris Agreement took "
       "effect on Tuesday."},
      {"2022-08-01",
       "Ukraine gave written guarantees that it would not use the corridor "
       "for military purposes, Moscow said."},
  });
  const Agreement* a = Named(ledger, "Paris Agreement");
  std::string names;
  for (const Agreement& x : ledger.agreements()) names += x.name + "; ";
  ASSERT_NE(a, nullptr) << names;
  EXPECT_TRUE(StatusAsOf(*a, "2025-06-01").withdrawn_by.empty());
  EXPECT_EQ(StatusAsOf(*a, "2026-02-01").withdrawn_by,
            std::vector<std::string>{"USA"});
  bool order = false, guarantee = false;
  for (const Commitment& c : ledger.commitments()) {
    if (c.what.source.doc_id == "r4" && c.what.actor.starts_with("USA")) {
      order = true;
      EXPECT_EQ(c.what.form, "written");
      ASSERT_EQ(c.links.size(), 1u);
      EXPECT_EQ(c.links[0].doc_id, "r5");
    }
    if (c.what.source.doc_id == "r6") {
      guarantee = true;
      EXPECT_TRUE(c.what.actor.starts_with("UKR"));
      EXPECT_TRUE(c.what.negated);
    }
  }
  EXPECT_TRUE(order);
  EXPECT_TRUE(guarantee);
}

// "The Minsk agreements no longer existed", said by a leader: the
// agreement is declared dead; the agreement as subject is no actor.
TEST(LedgerExtractTest, NoLongerExistsIsCollapse) {
  if (TheEngine() == nullptr) GTEST_SKIP() << "no engine (models missing)";
  Ledger ledger = LedgerOf({
      {"2015-02-12",
       "Russia, Ukraine, France and Germany signed the Minsk agreement on "
       "Thursday."},
      {"2022-02-22",
       "Putin said on Tuesday that the Minsk agreement no longer existed."},
  });
  ASSERT_EQ(ledger.agreements().size(), 1u);
  const Agreement& a = ledger.agreements()[0];
  EXPECT_EQ(StatusAsOf(a, "2022-03-01").state, AgreementState::kEnded);
  EXPECT_FALSE(std::count(a.parties.begin(), a.parties.end(), "BLR"));
}

// "The two countries" in a later sentence stands for the two states the
// report named together before it, when no such pair precedes it in its
// own sentence; a count the report never named together stands for none.
TEST(LedgerExtractTest, CountedCountriesFromEarlierSentence) {
  if (TheEngine() == nullptr) GTEST_SKIP() << "no engine (models missing)";
  Ledger ledger = LedgerOf({
      {"2024-05-14",
       "Egypt and Greece signed a maritime border agreement in Cairo on "
       "Tuesday. The two countries also pledged to hold joint naval drills "
       "next year."},
      {"2024-05-15",
       "Chile signed a fisheries accord on Wednesday. The three countries "
       "pledged to share catch data."},
  });
  std::vector<std::string> actors;
  for (const Commitment& c : ledger.commitments())
    actors.push_back(c.what.actor.substr(0, 3));
  std::sort(actors.begin(), actors.end());
  EXPECT_EQ(actors, (std::vector<std::string>{"EGY", "GRC"}));
}

// A step verb whose subject the parse split badly (the first of two
// conjoined leaders hung from an earlier word): the sources the events
// stage gave the verb's events are its actors too.
TEST(LedgerExtractTest, EventSourcesCompleteASplitSubject) {
  if (TheEngine() == nullptr) GTEST_SKIP() << "no engine (models missing)";
  Ledger ledger = LedgerOf({
      {"2024-03-08",
       "The trade ministers of Peru and Chile met in Lima on Thursday, and "
       "Bolivian President Luis Arce and Peruvian President Dina Boluarte "
       "signed a joint declaration with Chilean President Gabriel Boric."},
  });
  ASSERT_EQ(ledger.agreements().size(), 1u);
  const std::vector<std::string>& p = ledger.agreements()[0].parties;
  EXPECT_TRUE(std::count(p.begin(), p.end(), "BOL"));
  EXPECT_TRUE(std::count(p.begin(), p.end(), "PER"));
  EXPECT_TRUE(std::count(p.begin(), p.end(), "CHL"));
}

// Acts that bear on pledges across reports: a term an agreement sets out
// ("Under the agreement, X will ... and cut ...": two written
// commitments) broken by exceeding the limit it set; a pledge not to act
// reversed by its party declaring itself no longer bound by it; an
// official without a country speaking for the state the report named; a
// pledge to rejoin fulfilled by bringing the state back into the agreement.
TEST(LedgerExtractTest, ActsThatBearOnPledges) {
  if (TheEngine() == nullptr) GTEST_SKIP() << "no engine (models missing)";
  Ledger ledger = LedgerOf({
      {"2016-03-01",
       "Norway and Chile signed a trade agreement on Tuesday. Under the "
       "agreement, Chile will keep its tariffs on salmon at or below 5 "
       "percent for ten years and cut its quota of imported timber by "
       "half."},
      {"2018-05-02",
       "Chile has exceeded the limit on its quota of imported timber set by "
       "its trade agreement with Norway, the World Trade Organization said "
       "on Wednesday."},
      {"2019-01-07",
       "President Vladimir Putin said on Monday that Russia would not "
       "deploy anti-satellite missiles unless the United States did so "
       "first."},
      {"2021-01-04",
       "Russia no longer considers itself bound by its moratorium on "
       "deploying anti-satellite missiles, the foreign ministry said on "
       "Monday."},
      {"2022-03-07",
       "Peru suspended the trade agreement with Ecuador on Monday. Foreign "
       "Minister Ana Gervasi said the agreement would be held in abeyance "
       "until Ecuador withdrew its vessels."},
      {"2023-01-10",
       "Ecuador has promised to rejoin the trade agreement with Peru next "
       "year."},
      {"2024-02-01",
       "President Daniel Noboa signed a document on Thursday to bring "
       "Ecuador back into the trade agreement with Peru."},
  });
  int terms = 0, seen = 0;
  for (const Commitment& c : ledger.commitments()) {
    const std::string& doc = c.what.source.doc_id;
    if (doc == "r1") {
      ++terms;
      EXPECT_EQ(c.what.form, "written");
      // Only the quota was exceeded.
      if (c.what.action_lemma == "cut") {
        ASSERT_EQ(c.links.size(), 1u);
        EXPECT_EQ(c.links[0].doc_id, "r2");
        EXPECT_EQ(c.links[0].kind, CommitmentLink::Kind::kContradicts);
      } else {
        EXPECT_TRUE(c.links.empty()) << c.what.action;
      }
    }
    if (doc == "r3") {
      ++seen;
      ASSERT_EQ(c.links.size(), 1u);
      EXPECT_EQ(c.links[0].doc_id, "r4");
      EXPECT_EQ(c.links[0].kind, CommitmentLink::Kind::kReverses);
    }
    if (doc == "r6") {  // brought back into it: rejoined
      ++seen;
      ASSERT_EQ(c.links.size(), 1u);
      EXPECT_EQ(c.links[0].doc_id, "r7");
      EXPECT_EQ(c.links[0].kind, CommitmentLink::Kind::kFulfils);
    }
    if (doc == "r5") {
      ++seen;
      EXPECT_EQ(c.what.actor, "PER");
      EXPECT_EQ(c.what.by, "PERGOV");
    }
  }
  EXPECT_EQ(terms, 2);
  EXPECT_EQ(seen, 3);
  // The excess is a violation of the agreement by its party.
  bool violated = false;
  for (const Agreement& a : ledger.agreements())
    for (const AgreementStep& st : a.steps)
      violated |= st.step == StepKind::kViolated && st.actor == "CHL" &&
                  st.source.doc_id == "r2";
  EXPECT_TRUE(violated);
}

// A step's source the events stage gave a country the words do not name
// ("Negotiators" coded with the country of the city the text names) is no
// party: the ledger takes who a phrase names from the actors stage.
TEST(LedgerExtractTest, EventSourceWithoutActorWordsIsNoParty) {
  if (TheEngine() == nullptr) GTEST_SKIP() << "no engine (models missing)";
  Ledger ledger = LedgerOf({
      {"2016-10-15",
       "KIGALI, Oct 15 - Negotiators from almost 200 nations adopted the "
       "Kigali Agreement on refrigerants late on Saturday, setting a goal of "
       "cutting the use of hydrofluorocarbons."},
  });
  ASSERT_EQ(ledger.agreements().size(), 1u);
  EXPECT_TRUE(ledger.agreements()[0].parties.empty());
  ASSERT_EQ(ledger.agreements()[0].steps.size(), 1u);
  EXPECT_EQ(ledger.agreements()[0].steps[0].step, StepKind::kNegotiated);
}

// "a draft treaty with X ..., and a separate draft agreement with Y": two
// agreements proposed in one sentence, each named by its description.
TEST(LedgerExtractTest, SeparateAgreementProposedInTheSameSentence) {
  if (TheEngine() == nullptr) GTEST_SKIP() << "no engine (models missing)";
  Ledger ledger = LedgerOf({
      {"2023-05-08",
       "China on Monday proposed a draft treaty with Japan that would bar "
       "fishing in disputed waters, and a separate draft agreement with South "
       "Korea that would limit naval patrols in the Yellow Sea."},
  });
  ASSERT_EQ(ledger.agreements().size(), 2u);
  const Agreement* treaty = Named(ledger, "draft treaty");
  const Agreement* deal = Named(ledger, "draft agreement");
  ASSERT_NE(treaty, nullptr);
  ASSERT_NE(deal, nullptr);
  EXPECT_EQ(treaty->parties, (std::vector<std::string>{"CHN", "JPN"}));
  EXPECT_EQ(deal->parties, (std::vector<std::string>{"CHN", "KOR"}));
  ASSERT_EQ(deal->steps.size(), 1u);
  EXPECT_EQ(deal->steps[0].step, StepKind::kProposed);
}

// History told by an opening participle ("Signed by Madrid and Lisbon in
// 1998 and in force since 2000, the convention ...") and a deal the
// parties agreed "to restore relations in": steps however the parse hung
// the agreement's phrase.
TEST(LedgerExtractTest, OpeningParticipleAndDealAgreedIn) {
  if (TheEngine() == nullptr) GTEST_SKIP() << "no engine (models missing)";
  Ledger ledger = LedgerOf({
      {"2019-07-05",
       "Spain formally withdrew from the Albufeira Water Convention with "
       "Portugal on Friday. Signed by Madrid and Lisbon in 1998 and in force "
       "since 2000, the convention shared the water of five rivers."},
      {"2021-04-06",
       "Qatar and Bahrain agreed on Tuesday to restore diplomatic relations "
       "in a deal brokered by Kuwait, the emir said."},
  });
  const Agreement* a = Named(ledger, "Albufeira Water Convention");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(StatusAsOf(*a, "2010-01-01").state, AgreementState::kInForce);
  bool deal = false;
  for (const Agreement& x : ledger.agreements())
    deal |= x.parties == std::vector<std::string>{"BHR", "QAT"} &&
            StatusAsOf(x, "2021-04-07").state == AgreementState::kNegotiating;
  EXPECT_TRUE(deal);
}

// A treaty the report says has members ("allows its members to fish") has
// more than two parties though only two are named: a withdrawal does not
// end it.
TEST(LedgerExtractTest, AgreementWithMembersOutlivesAWithdrawal) {
  if (TheEngine() == nullptr) GTEST_SKIP() << "no engine (models missing)";
  Ledger ledger = LedgerOf({
      {"2020-11-22",
       "Canada left the Arctic Fisheries Treaty with Norway on Sunday. The "
       "pact, signed in Oslo in 1995, allows its members to fish in each "
       "other's waters."},
  });
  const Agreement* a = Named(ledger, "Arctic Fisheries Treaty");
  ASSERT_NE(a, nullptr);
  EXPECT_TRUE(a->multilateral);
  AgreementStatus st = StatusAsOf(*a, "2021-01-01");
  EXPECT_EQ(st.withdrawn_by, std::vector<std::string>{"CAN"});
  EXPECT_NE(st.state, AgreementState::kEnded);
}

// A plural title ("the Muscat Accords", a name whose lemma keeps its form)
// is an agreement noun: a state joining it accedes.
TEST(LedgerExtractTest, PluralTitleJoined) {
  if (TheEngine() == nullptr) GTEST_SKIP() << "no engine (models missing)";
  Ledger ledger = LedgerOf({
      {"2019-05-01",
       "Qatar and Kuwait signed the Muscat Accords on Wednesday."},
      {"2021-02-01", "Oman formally joined the Muscat Accords on Monday."},
  });
  const Agreement* a = Named(ledger, "Muscat Accords");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->parties, (std::vector<std::string>{"KWT", "OMN", "QAT"}));
}

// "X and Y applied to join NATO ... Hungary would not approve the bids":
// the bids are the applicants' accessions; lifting the objections and
// ratifying one of them later reverse the refusal.
TEST(LedgerExtractTest, RefusalOfTheBidsReversed) {
  if (TheEngine() == nullptr) GTEST_SKIP() << "no engine (models missing)";
  Ledger ledger = LedgerOf({
      {"2023-03-01",
       "Georgia and Moldova formally applied to join NATO on Wednesday. "
       "Hungarian Prime Minister Viktor Orban said on Monday that Hungary "
       "would not approve the bids."},
      {"2023-09-01",
       "Hungary lifted its objections to Georgia and Moldova joining NATO on "
       "Friday."},
      {"2024-02-01",
       "Hungary's parliament ratified Georgia's accession to NATO on "
       "Thursday."},
  });
  ASSERT_EQ(ledger.commitments().size(), 1u);
  const Commitment& c = ledger.commitments()[0];
  EXPECT_TRUE(c.what.negated);
  std::vector<std::string> docs;
  for (const CommitmentLink& l : c.links) {
    docs.push_back(l.doc_id);
    EXPECT_EQ(l.kind, CommitmentLink::Kind::kReverses);
  }
  EXPECT_EQ(docs, (std::vector<std::string>{"r2", "r3"}));
}

// What an agreement will do ("The ceasefire arrangement ... will remain in
// effect until March 1") is no one's commitment.
TEST(LedgerExtractTest, AgreementAsFutureSubjectIsNoCommitment) {
  if (TheEngine() == nullptr) GTEST_SKIP() << "no engine (models missing)";
  Ledger ledger = LedgerOf({
      {"2025-01-26",
       "The ceasefire arrangement between Chile and Peru will remain in "
       "effect until March 1, the foreign ministry said on Sunday."},
  });
  EXPECT_TRUE(ledger.commitments().empty());
}

}  // namespace
}  // namespace curlew
