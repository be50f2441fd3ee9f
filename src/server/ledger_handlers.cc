// The ledger endpoints: agreements, agreements/{id}, commitments. Thin on
// purpose: they read the store's ledger tables and answer with the JSON
// forms `curlew agreements|commitments --format json` print, so a change
// of the ledger shows here without touching this file.
#include <charconv>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "curlew/ledger.h"
#include "ledger/ledger_json.h"
#include "server/api.h"

namespace curlew::server {
namespace {

bool HasParty(const std::vector<std::string>& parties,
              std::string_view prefix) {
  if (prefix.empty()) return true;
  for (const std::string& p : parties)
    if (p.starts_with(prefix)) return true;
  return false;
}

std::string JsonString(std::string_view s) {
  return nlohmann::json(std::string(s)).dump();
}

// {"<name>": [<items>], ...extra}: the items are JSON already.
std::string ListBody(std::string_view name,
                     const std::vector<std::string>& items,
                     std::string_view extra = {}) {
  std::string body = "{" + JsonString(name) + ": [";
  for (size_t i = 0; i < items.size(); ++i) body += (i ? ", " : "") + items[i];
  body += "]";
  if (!extra.empty()) body += ", " + std::string(extra);
  return body + "}";
}

ApiResponse Agreements(const ApiCall& c) {
  auto agreements = c.store.ReadAgreements();
  if (!agreements.ok()) return ApiResponse::FromStatus(agreements.status());
  const std::string& as_of = c.params.Get("as_of");
  const std::string& status = c.params.Get("status");
  std::vector<std::string> items;
  for (const Agreement& a : *agreements) {
    if (!HasParty(a.parties, c.params.Get("party"))) continue;
    if (!status.empty() &&
        AgreementStatusGroup(StatusAsOf(a, as_of).state) != status)
      continue;
    items.push_back(AgreementToJson(a, as_of));
  }
  return {200,
          ListBody("agreements", items, "\"as_of\": " + JsonString(as_of))};
}

ApiResponse AgreementById(const ApiCall& c) {
  int64_t id = 0;
  auto [end, ec] =
      std::from_chars(c.tail.data(), c.tail.data() + c.tail.size(), id);
  if (ec != std::errc() || end != c.tail.data() + c.tail.size() || id < 1)
    return ApiResponse::Error(400, "invalid_parameter",
                              "an agreement id is a positive whole number");
  auto agreements = c.store.ReadAgreements();
  if (!agreements.ok()) return ApiResponse::FromStatus(agreements.status());
  for (const Agreement& a : *agreements)
    if (a.id == id) return {200, AgreementToJson(a, c.params.Get("as_of"))};
  return ApiResponse::Error(404, "not_found",
                            "no agreement " + std::to_string(id));
}

ApiResponse Commitments(const ApiCall& c) {
  auto commitments = c.store.ReadCommitments();
  if (!commitments.ok()) return ApiResponse::FromStatus(commitments.status());
  std::vector<std::string> items;
  for (const Commitment& m : *commitments)
    if (HasParty({m.what.actor}, c.params.Get("actor")))
      items.push_back(CommitmentToJson(m));
  return {200, ListBody("commitments", items)};
}

constexpr std::string_view kAgreementSchema = R"json({
  "type": "object",
  "description": "the form of `curlew agreements --format json`",
  "properties": {"id": {"type": "integer"}, "kind": {"type": "string"},
    "name": {"type": "string"},
    "parties": {"type": "array", "items": {"type": "string"}},
    "as_of": {"type": "string"}, "status": {"type": "string"},
    "in_force": {"type": "boolean"}, "status_label": {"type": "string"},
    "signed_by": {"type": "array", "items": {"type": "string"}},
    "ratified_by": {"type": "array", "items": {"type": "string"}},
    "not_ratified_by": {"type": "array", "items": {"type": "string"}},
    "withdrawn_by": {"type": "array", "items": {"type": "string"}},
    "steps": {"type": "array", "items": {"type": "object", "properties": {
      "step": {"type": "string"}, "actor": {"type": "string"},
      "actor_text": {"type": "string"}, "date": {"type": "string"},
      "negated": {"type": "boolean"},
      "source": {"$ref": "#/components/schemas/Source"}}}}}})json";

constexpr std::string_view kAgreementsSchema = R"json({
  "type": "object",
  "properties": {"as_of": {"type": "string"},
    "agreements": {"type": "array", "items": {"type": "object",
      "description": "as /api/agreements/{id} answers"}}}})json";

constexpr std::string_view kCommitmentsSchema = R"json({
  "type": "object",
  "properties": {"commitments": {"type": "array", "items": {"type": "object",
    "description": "the form of `curlew commitments --format json`",
    "properties": {"id": {"type": "integer"}, "actor": {"type": "string"},
      "action": {"type": "string"}, "negated": {"type": "boolean"},
      "condition": {"type": "string"}, "form": {"type": "string"},
      "date": {"type": "string"},
      "source": {"$ref": "#/components/schemas/Source"},
      "links": {"type": "array", "items": {"type": "object", "properties": {
        "relation": {"type": "string", "enum": ["fulfils", "contradicts"]},
        "doc_id": {"type": "string"}, "event": {"type": "object"},
        "source": {"$ref": "#/components/schemas/Source"}}}}}}}}})json";

const ParamSpec kAsOf = {"as_of", ParamType::kDate,
                         "status on this date (default: the latest)"};

}  // namespace

std::vector<Endpoint> LedgerEndpoints() {
  return {
      {"/api/agreements",
       "agreements and where each stands on a date",
       {kAsOf,
        {"party", ParamType::kActorCode,
         "only agreements with this party (prefix)"},
        {"status",
         ParamType::kChoice,
         "only agreements in this state on as_of",
         0,
         0,
         {"in-force", "pending", "suspended", "ended"}}},
       kAgreementsSchema,
       &Agreements},
      {"/api/agreements/{id}",
       "one agreement's timeline: each step with its actor, date and sentence",
       {kAsOf},
       kAgreementSchema,
       &AgreementById},
      {"/api/commitments",
       "who pledged what, with the later events that fulfil or contradict it",
       {{"actor", ParamType::kActorCode,
         "only pledges by this actor (prefix)"}},
       kCommitmentsSchema,
       &Commitments},
  };
}

}  // namespace curlew::server
