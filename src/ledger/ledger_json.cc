#include "ledger/ledger_json.h"

#include <nlohmann/json.hpp>

#include <string>

namespace curlew {
namespace {

using nlohmann::json;

json Ref(const SourceRef& r) {
  return {{"doc_id", r.doc_id}, {"sentence", r.sentence}, {"text", r.text}};
}
SourceRef RefFrom(const json& j) {
  SourceRef r;
  r.doc_id = j.value("doc_id", "");
  r.sentence = j.value("sentence", 0u);
  r.text = j.value("text", "");
  return r;
}

json EventJson(const Event& e) {
  return {{"sentence", e.sentence},
          {"span", {e.span_begin, e.span_end}},
          {"verb_text", e.verb_text},
          {"source", e.source},
          {"target", e.target},
          {"source_text", e.source_text},
          {"target_text", e.target_text},
          {"cameo", e.cameo},
          {"root", e.root},
          {"quad", e.quad},
          {"goldstein", e.goldstein},
          {"plover", e.plover},
          {"date", e.date},
          {"location", e.location},
          {"attribution", e.attribution},
          {"modality", e.modality},
          {"negated", e.negated}};
}
Event EventFrom(const json& j) {
  Event e;
  e.sentence = j.value("sentence", 0u);
  if (j.contains("span") && j["span"].is_array() && j["span"].size() == 2) {
    e.span_begin = j["span"][0].get<uint32_t>();
    e.span_end = j["span"][1].get<uint32_t>();
  }
  e.verb_text = j.value("verb_text", "");
  e.source = j.value("source", "");
  e.target = j.value("target", "");
  e.source_text = j.value("source_text", "");
  e.target_text = j.value("target_text", "");
  e.cameo = j.value("cameo", "");
  e.root = j.value("root", "");
  e.quad = j.value("quad", 0);
  e.goldstein = j.value("goldstein", 0.0);
  e.plover = j.value("plover", "");
  e.date = j.value("date", "");
  e.location = j.value("location", "");
  e.attribution = j.value("attribution", "");
  e.modality = j.value("modality", "");
  e.negated = j.value("negated", false);
  return e;
}

json CommitmentMentionJson(const CommitmentMention& c) {
  return {{"actor", c.actor},
          {"actor_text", c.actor_text},
          {"by", c.by},
          {"by_text", c.by_text},
          {"target", c.target},
          {"target_text", c.target_text},
          {"action", c.action},
          {"action_lemma", c.action_lemma},
          {"negated", c.negated},
          {"form", c.form},
          {"condition", c.condition},
          {"date", c.date},
          {"source", Ref(c.source)}};
}

}  // namespace

std::string LedgerInputToJson(const LedgerInput& in) {
  json j;
  j["doc_id"] = in.doc_id;
  j["doc_date"] = in.doc_date;
  json ags = json::array();
  for (const AgreementMention& m : in.agreements) {
    ags.push_back({{"kind", m.kind},
                   {"name", m.name},
                   {"description", m.description},
                   {"distinct", m.distinct},
                   {"multilateral", m.multilateral},
                   {"parties", m.parties},
                   {"has_step", m.has_step},
                   {"step", static_cast<int>(m.step)},
                   {"actor", m.actor},
                   {"actor_text", m.actor_text},
                   {"date", m.date},
                   {"negated", m.negated},
                   {"source", Ref(m.source)}});
  }
  j["agreements"] = std::move(ags);
  json cs = json::array();
  for (const CommitmentMention& c : in.commitments)
    cs.push_back(CommitmentMentionJson(c));
  j["commitments"] = std::move(cs);
  json evs = json::array();
  for (const Event& e : in.events) evs.push_back(EventJson(e));
  j["events"] = std::move(evs);
  j["event_lemmas"] = in.event_lemmas;
  if (!in.acts.empty()) {
    json acts = json::array();
    for (const LedgerAct& a : in.acts)
      acts.push_back(
          {{"kind",
            a.kind == LedgerAct::Kind::kRenounced ? "renounced" : "done"},
           {"actor", a.actor},
           {"lemma", a.lemma},
           {"words", a.words},
           {"violation", a.violation},
           {"date", a.date},
           {"source", Ref(a.source)}});
    j["acts"] = std::move(acts);
  }
  j["sentences"] = in.sentences;
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<LedgerInput> LedgerInputFromJson(std::string_view text,
                                        const std::string& where) {
  try {
    json j = json::parse(text);
    LedgerInput in;
    in.doc_id = j.value("doc_id", "");
    in.doc_date = j.value("doc_date", "");
    for (const json& a : j.at("agreements")) {
      AgreementMention m;
      m.kind = a.value("kind", "");
      m.name = a.value("name", "");
      m.description = a.value("description", "");
      m.distinct = a.value("distinct", false);
      m.multilateral = a.value("multilateral", false);
      m.parties = a.value("parties", std::vector<std::string>{});
      m.has_step = a.value("has_step", false);
      int step = a.value("step", 0);
      if (step < 0 || step > static_cast<int>(kLastStepKind))
        return Status::Error(ErrorCode::kParseError,
                             "ledger input: bad step " + std::to_string(step),
                             where);
      m.step = static_cast<StepKind>(step);
      m.actor = a.value("actor", "");
      m.actor_text = a.value("actor_text", "");
      m.date = a.value("date", "");
      m.negated = a.value("negated", false);
      m.source = RefFrom(a.at("source"));
      in.agreements.push_back(std::move(m));
    }
    for (const json& c : j.at("commitments")) {
      CommitmentMention m;
      m.actor = c.value("actor", "");
      m.actor_text = c.value("actor_text", "");
      m.by = c.value("by", "");
      m.by_text = c.value("by_text", "");
      m.target = c.value("target", "");
      m.target_text = c.value("target_text", "");
      m.action = c.value("action", "");
      m.action_lemma = c.value("action_lemma", "");
      m.negated = c.value("negated", false);
      m.form = c.value("form", "");
      m.condition = c.value("condition", "");
      m.date = c.value("date", "");
      m.source = RefFrom(c.at("source"));
      in.commitments.push_back(std::move(m));
    }
    for (const json& e : j.at("events")) in.events.push_back(EventFrom(e));
    in.event_lemmas = j.value("event_lemmas", std::vector<std::string>{});
    in.sentences = j.value("sentences", std::vector<std::string>{});
    // (inputs stored before acts were read have none)
    if (j.contains("acts"))
      for (const json& a : j.at("acts")) {
        LedgerAct act;
        act.kind = a.value("kind", "") == "renounced"
                       ? LedgerAct::Kind::kRenounced
                       : LedgerAct::Kind::kDone;
        act.actor = a.value("actor", "");
        act.lemma = a.value("lemma", "");
        act.words = a.value("words", "");
        act.violation = a.value("violation", false);
        act.date = a.value("date", "");
        act.source = RefFrom(a.at("source"));
        in.acts.push_back(std::move(act));
      }
    return in;
  } catch (const std::exception& e) {
    return Status::Error(ErrorCode::kParseError,
                         std::string("ledger input: ") + e.what(), where);
  }
}

std::string AgreementToJson(const Agreement& a, std::string_view as_of) {
  AgreementStatus st = StatusAsOf(a, as_of);
  json steps = json::array();
  for (const AgreementStep& s : a.steps)
    steps.push_back({{"step", StepKindName(s.step)},
                     {"actor", s.actor},
                     {"actor_text", s.actor_text},
                     {"date", s.date},
                     {"negated", s.negated},
                     {"source", Ref(s.source)}});
  json j = {{"id", a.id},
            {"kind", a.kind},
            {"name", a.name},
            {"parties", a.parties},
            {"as_of", std::string(as_of)},
            {"status", AgreementStateName(st.state)},
            {"in_force", st.in_force},
            {"status_label", st.label},
            {"signed_by", st.signed_by},
            {"ratified_by", st.ratified_by},
            {"not_ratified_by", st.not_ratified_by},
            {"withdrawn_by", st.withdrawn_by},
            {"steps", std::move(steps)},
            {"mentions", a.mentions.size()}};
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string CommitmentToJson(const Commitment& c) {
  json links = json::array();
  for (const CommitmentLink& l : c.links)
    links.push_back({{"relation", CommitmentLinkName(l.kind)},
                     {"doc_id", l.doc_id},
                     {"event", EventJson(l.event)},
                     {"source", Ref(l.source)}});
  json j = CommitmentMentionJson(c.what);
  j["id"] = c.id;
  j["links"] = std::move(links);
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace curlew
