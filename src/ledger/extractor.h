// The ledger extractor's state for one document and its parts, each in a
// file of its own: who a phrase names (parties.cc), agreement mentions and
// their steps (agreement_mentions.cc), accessions to an organisation
// (accessions.cc), commitments (commitments.cc), acts that bear on
// commitments (acts.cc); Run() in extract.cc.
// Internal to src/ledger: the public entry point is ExtractLedgerInput
// (ledger/extract.h).
//
// Ownership: refers to the document, the country list and the knowledge
// it was made with, which must outlive it. Thread safety: one Extractor
// per document and thread.
#ifndef CURLEW_LEDGER_EXTRACTOR_H_
#define CURLEW_LEDGER_EXTRACTOR_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "curlew/document.h"
#include "curlew/ledger.h"
#include "ledger/knowledge.h"
#include "ledger/sentence_tree.h"

namespace curlew::ledger_extract {

// A state's accession to an organisation whose members the ledger knows
// ("Finland's accession to NATO", "Sweden's bid to join NATO", "accession
// protocols for Finland and Sweden"): the organisation and the applicants,
// each an agreement of its own (its accession protocol).
struct Accession {
  std::string org;
  std::vector<std::string> names;  // "accession protocol for Finland"
};

class Extractor {
 public:
  Extractor(const Document& doc, const std::vector<std::string>& countries,
            const LedgerKnowledge* knowledge);

  LedgerInput Run();

 private:
  std::string DateAt(uint32_t s, uint32_t abs_token) const;
  bool LiftsObjections(const Event& e, uint32_t k) const;

  // parties.cc
  std::string CodeOf(uint32_t head) const;
  bool IsParty(std::string_view code) const;
  std::string Code(const Tree& t, uint32_t i) const;
  std::vector<std::string> CodesWithConjuncts(const Tree& t, uint32_t i) const;
  static std::string Party(const std::string& code);
  void AddParties(std::vector<std::string>& parties,
                  const std::vector<std::string>& codes) const;
  std::vector<std::string> CountedStates(const Tree& t, uint32_t subj) const;
  void RememberStatePairs(const Tree& t);
  std::string OfficialOfLastState(const Tree& t, uint32_t i) const;
  std::string AgentOf(const Tree& t, uint32_t i) const;
  bool NamesActor(uint32_t s, std::string_view text) const;
  bool SpeaksOfMembers(const Tree& t) const;
  void RememberSubjectState(const Tree& t);
  static bool Contains(const std::vector<std::string>& v, const std::string& x);
  std::vector<std::string> EntryForParties(const Tree& t, uint32_t v) const;

  // agreement_mentions.cc
  static int MistaggedAgreementNoun(const Tree& t, uint32_t n, uint32_t* first);
  void Agreements(const Tree& t, uint32_t s, LedgerInput& in);
  bool KnownName(const Tree& t, uint32_t n) const;
  void AgreedToStopFighting(const Tree& t, uint32_t s, LedgerInput& in);
  void AttributeSteps(const Tree& t, uint32_t n, const AgreementMention& m,
                      LedgerInput& in) const;

  // accessions.cc
  void Push(AgreementMention m, const Accession& acc, LedgerInput& in) const;
  std::string OrgAt(const Tree& t, uint32_t i) const;
  static std::string NameText(const Tree& t, uint32_t i);
  bool AccessionPhrase(const Tree& t, uint32_t s, uint32_t n, Accession* acc);
  void Joined(const Tree& t, uint32_t s, LedgerInput& in) const;
  void RememberApplicants(const Tree& t, uint32_t s);
  bool TheApplications(const Tree& t, uint32_t n) const;

  // acts.cc
  LedgerAct ActAt(const Tree& t, uint32_t s, uint32_t v,
                  const std::string& actor, LedgerAct::Kind kind,
                  const std::string& date, bool violation) const;
  void Renounced(const Tree& t, uint32_t s, LedgerInput& in) const;
  void BroughtBack(const Tree& t, uint32_t s, LedgerInput& in) const;

  // commitments.cc
  void Commitments(const Tree& t, uint32_t s, LedgerInput& in);
  void Directives(const Tree& t, uint32_t s, LedgerInput& in);
  void Readiness(const Tree& t, uint32_t s, LedgerInput& in);
  void Intentions(const Tree& t, uint32_t s, LedgerInput& in);
  void FutureClauses(const Tree& t, uint32_t s, LedgerInput& in);
  static int SpeakerOf(const Tree& t, int speech);
  std::vector<std::string> SpeakerCodes(const Tree& t, uint32_t i) const;
  void Emit(const Tree& t, uint32_t s, uint32_t v, int act, uint32_t subj,
            int speech, LedgerInput& in, bool own_conjuncts = false);
  std::string Form(const Tree& t, uint32_t v) const;
  std::string Condition(const Tree& t, uint32_t s, uint32_t v) const;

  const Document& doc_;
  const std::vector<std::string>& countries_;  // sorted
  const Memberships* members_;                 // may be null
  const AgreementAliases* aliases_;            // may be null
  // The accession protocols of the last phrase that named several ("them").
  std::vector<std::string> last_group_;
  std::string last_org_;            // the last organisation the report named
  std::string last_subject_state_;  // the last state a main clause's subject
  // The states the report last said applied to join an organisation: their
  // accession protocols' names and their codes.
  std::string applied_org_;
  std::vector<std::string> applicants_;
  std::vector<std::string> applicant_codes_;
  std::vector<uint32_t> mention_at_;  // by token: first of its mentions
  bool seen_agreement_ = false;
  std::string called_title_;  // a title the document gives ("known as")
  // The coordinations of states in the sentences read so far, in order.
  std::vector<std::vector<std::string>> named_groups_;
};

}  // namespace curlew::ledger_extract

#endif  // CURLEW_LEDGER_EXTRACTOR_H_
