// curlew agreements | agreement ID | commitments: the ledger, read from the
// store (rebuilt from every stored document's ledger input, so it is always
// consistent with what was ingested).
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include <fmt/printf.h>

#include "command.h"
#include "curlew/ledger.h"
#include "curlew/time.h"
#include "ledger/ledger_json.h"
#include "output.h"
#include "store/ingest.h"
#include "store_cli.h"

namespace curlew::cli::ledger_commands {
namespace {

struct LedgerArgs {
  std::string store;
  std::string party;   // agreements: a party code; commitments: the actor
  std::string as_of;   // agreements: status date
  std::string status;  // agreements: in-force, pending, suspended or ended
  std::string format = "table";
  std::string out;
  int64_t id = 0;  // agreement ID
};

// Checks the options, loads the ledger and opens the output; on failure
// prints the error, sets *exit_code and returns null.
std::unique_ptr<Output> Load(const char* command, LedgerArgs& a, Ledger* ledger,
                             int* exit_code) {
  auto format = CheckFormat(a.format, {"table", "jsonl"});
  Status valid = format.status();
  if (valid.ok() && !a.as_of.empty()) {
    valid = ParseDate(a.as_of).status();
    if (!valid.ok()) {
      valid = Status::Error(ErrorCode::kInvalidArgument,
                            "--as-of must be a date YYYY, YYYY-MM or "
                            "YYYY-MM-DD, not '" +
                                a.as_of + "'");
    }
  }
  if (!valid.ok()) {
    *exit_code = UsageFail(command, valid);
    return nullptr;
  }
  a.format = *format;
  // Codes are stored in upper case; --party and --actor take any case.
  for (char& c : a.party) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  StoreOptions options;
  options.read_only = true;
  options.create = false;
  std::unique_ptr<Store> store = OpenStore(command, a.store, options);
  if (!store) {
    *exit_code = kExitFailure;
    return nullptr;
  }
  Status s = store::LoadLedger(*store, ledger);
  if (!s.ok()) {
    *exit_code = Fail(command, s);
    return nullptr;
  }
  std::unique_ptr<Output> out = Output::Open(command, a.out);
  if (!out) *exit_code = kExitFailure;
  return out;
}

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : sep) + x;
  return out;
}

std::string Title(const Agreement& a) {
  if (!a.name.empty()) return a.name;
  std::string t = Join(a.parties, "-");
  if (!a.kind.empty()) t += " " + a.kind;
  return t + " agreement";
}

std::string Cut(const std::string& s, size_t n) {
  if (s.size() <= n) return s;
  size_t k = n;
  while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
  return s.substr(0, k) + "...";
}

bool PartyMatches(const std::vector<std::string>& parties,
                  const std::string& party) {
  if (party.empty()) return true;
  for (const auto& p : parties)
    if (p.compare(0, party.size(), party) == 0 ||
        party.compare(0, p.size(), p) == 0)
      return true;
  return false;
}

int RunAgreements(LedgerArgs& a) {
  Ledger ledger;
  int rc = kExitOk;
  std::unique_ptr<Output> output = Load("agreements", a, &ledger, &rc);
  if (!output) return rc;
  std::ostream& out = output->stream();
  for (const Agreement& ag : ledger.agreements()) {
    if (!PartyMatches(ag.parties, a.party)) continue;
    AgreementStatus st = StatusAsOf(ag, a.as_of);
    if (!a.status.empty() && a.status != AgreementStatusGroup(st.state))
      continue;
    if (a.format == "jsonl") {
      out << AgreementToJson(ag, a.as_of) << '\n';
      continue;
    }
    out << fmt::sprintf(
        "%3lld  %-60s  parties %-12s  %s%s\n", static_cast<long long>(ag.id),
        Cut(Title(ag), 60).c_str(), Join(ag.parties, ",").c_str(),
        st.label.c_str(),
        a.as_of.empty() ? "" : (" (as of " + a.as_of + ")").c_str());
  }
  return output->Finish(kExitOk);
}

int RunAgreement(LedgerArgs& a) {
  Ledger ledger;
  int rc = kExitOk;
  std::unique_ptr<Output> output = Load("agreement", a, &ledger, &rc);
  if (!output) return rc;
  std::ostream& out = output->stream();
  for (const Agreement& ag : ledger.agreements()) {
    if (ag.id != a.id) continue;
    if (a.format == "jsonl") {
      out << AgreementToJson(ag, a.as_of) << '\n';
      return output->Finish(kExitOk);
    }
    AgreementStatus st = StatusAsOf(ag, a.as_of);
    out << fmt::sprintf(
        "Agreement %lld: %s\nkind: %s\nparties: %s\nstatus%s: %s\n\n",
        static_cast<long long>(ag.id), Title(ag).c_str(),
        ag.kind.empty() ? "(unknown)" : ag.kind.c_str(),
        Join(ag.parties, ", ").c_str(),
        a.as_of.empty() ? "" : (" as of " + a.as_of).c_str(), st.label.c_str());
    out << fmt::sprintf("%-10s  %-30s  %-8s  %s\n", "date", "step", "by",
                        "source");
    for (const AgreementStep& s : ag.steps) {
      std::string step =
          std::string(s.negated ? "not " : "") + StepKindName(s.step);
      out << fmt::sprintf(
          "%-10s  %-30s  %-8s  %s#%u: %s\n", s.date.c_str(), step.c_str(),
          s.actor.empty() ? "(all)" : s.actor.c_str(), s.source.doc_id.c_str(),
          s.source.sentence, Cut(s.source.text, 120).c_str());
    }
    return output->Finish(kExitOk);
  }
  PrintError("agreement", Status::Error(ErrorCode::kNotFound,
                                        "no agreement " + std::to_string(a.id) +
                                            " (see `curlew agreements`)"));
  return output->Finish(kExitFailure);
}

int RunCommitments(LedgerArgs& a) {
  Ledger ledger;
  int rc = kExitOk;
  std::unique_ptr<Output> output = Load("commitments", a, &ledger, &rc);
  if (!output) return rc;
  std::ostream& out = output->stream();
  for (const Commitment& c : ledger.commitments()) {
    if (!PartyMatches({c.what.actor}, a.party)) continue;
    if (a.format == "jsonl") {
      out << CommitmentToJson(c) << '\n';
      continue;
    }
    const CommitmentMention& w = c.what;
    out << fmt::sprintf(
        "%3lld  %s  %s%s pledged %s%s%s%s\n", static_cast<long long>(c.id),
        w.date.c_str(), w.actor.c_str(),
        w.by.empty() || w.by == w.actor ? "" : (" (by " + w.by + ")").c_str(),
        w.action.c_str(), w.form.empty() ? "" : (" [" + w.form + "]").c_str(),
        w.condition.empty() ? ""
                            : (" [condition: " + w.condition + "]").c_str(),
        "");
    out << fmt::sprintf("     source %s#%u: %s\n", w.source.doc_id.c_str(),
                        w.source.sentence, Cut(w.source.text, 120).c_str());
    for (const CommitmentLink& l : c.links)
      out << fmt::sprintf("     %s by %s#%u (%s): %s\n",
                          CommitmentLinkName(l.kind), l.doc_id.c_str(),
                          l.source.sentence, l.event.date.c_str(),
                          Cut(l.source.text, 100).c_str());
  }
  return output->Finish(kExitOk);
}

void AddCommon(CLI::App& sub, LedgerArgs* a) {
  AddStoreOption(sub, &a->store);
  sub.add_option("--format", a->format,
                 "table or jsonl (one JSON object a line; json is the same)")
      ->capture_default_str();
  sub.add_option("--out", a->out, "output file (default: stdout)");
}

Runner SetUpAgreements(CLI::App& sub) {
  auto a = std::make_shared<LedgerArgs>();
  AddCommon(sub, a.get());
  sub.add_option("--party", a->party, "only agreements with this party (TUR)");
  sub.add_option("--as-of", a->as_of, "status on this date (YYYY[-MM[-DD]])");
  sub.add_option("--status", a->status,
                 "only agreements in this state (on the --as-of date): "
                 "in-force, pending (proposed, signed or partly ratified, "
                 "not in force), suspended or ended")
      ->check(CLI::IsMember({"in-force", "pending", "suspended", "ended"}));
  return [a] { return RunAgreements(*a); };
}

Runner SetUpAgreement(CLI::App& sub) {
  auto a = std::make_shared<LedgerArgs>();
  sub.add_option("id", a->id, "agreement id (from `curlew agreements`)")
      ->required()
      ->check(CLI::Range(int64_t{1}, INT64_MAX));
  AddCommon(sub, a.get());
  sub.add_option("--as-of", a->as_of, "status on this date (YYYY[-MM[-DD]])");
  return [a] { return RunAgreement(*a); };
}

Runner SetUpCommitments(CLI::App& sub) {
  auto a = std::make_shared<LedgerArgs>();
  AddCommon(sub, a.get());
  sub.add_option("--actor", a->party, "only commitments by this actor (TUR)");
  return [a] { return RunCommitments(*a); };
}

const Command kAgreements("agreements",
                          "agreements in the store and where each stands",
                          &SetUpAgreements);
const Command kAgreement("agreement",
                         "one agreement's timeline, with its sentences",
                         &SetUpAgreement);
const Command kCommitments("commitments",
                           "who pledged what, and the later events linked",
                           &SetUpCommitments);

}  // namespace
}  // namespace curlew::cli::ledger_commands
