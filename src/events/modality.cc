// The modality pass: how the report presents each coded act (asserted,
// negated, hypothetical, future, alleged), read from the tree around the
// event's trigger word. Rules and their precedence: docs/modality.md.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "events/coder_run.h"

namespace curlew {
namespace {

template <size_t N>
bool OneOf(std::string_view w, const std::array<std::string_view, N>& set) {
  for (std::string_view s : set)
    if (w == s) return true;
  return false;
}

// Verbs whose open complement did not happen ("refused to sign").
constexpr std::array<std::string_view, 7> kNegatingHeads = {
    "refuse", "decline", "fail", "reject", "refrain", "avoid", "stop"};
// Verbs and adjectives whose open complement is planned ("plans to
// visit", "is due to meet", "is to hold", "is set to adopt").
constexpr std::array<std::string_view, 11> kFutureHeads = {
    "plan",   "intend", "schedule", "due",       "set", "be",
    "expect", "aim",    "prepare",  "scheduled", "go"};
// Verbs whose complement is only possible, wished or feared.
// ("proposed that the two sides hold talks": the talks are proposed.)
// ("the chances of resuming talks", "pessimistic about a deal": a
// prospect, not an act.)
constexpr std::array<std::string_view, 25> kHypotheticalHeads = {
    "hope",        "fear",     "wish",       "want",        "consider",
    "seek",        "try",      "attempt",    "worry",       "ready",
    "likely",      "possible", "could",      "urge",        "warn",
    "concern",     "propose",  "suggest",    "recommend",   "chance",
    "possibility", "prospect", "optimistic", "pessimistic", "unlikely"};
// Speech and report verbs and nouns: what they introduce is claimed.
constexpr std::array<std::string_view, 18> kReportHeads = {
    "say",        "claim",   "report",  "allege", "tell",       "state",
    "add",        "confirm", "write",   "accuse", "accusation", "charge",
    "allegation", "blame",   "suspect", "insist", "warn",       "announce"};

// The party an actor code speaks for: its country or group part, an
// organisation's first six letters ("RUSGOV" and "RUSMIL" are one party).
std::string_view Party(std::string_view code) {
  if (code.starts_with("---")) return {};
  for (std::string_view org : {"IGO", "NGO", "IMG", "MNC"})
    if (code.starts_with(org)) return code.substr(0, 6);
  return code.substr(0, 3);
}

}  // namespace

// The lemma of word h; for a tree built from a given parse (lemmas are the
// lower-cased words there), the base form of the few irregular or inflected
// verbs the rules look at.
std::string Coder::Run::LemmaOf(int h) const {
  const std::string& l = Tok(h).lemma;
  static const std::array<std::pair<std::string_view, std::string_view>, 16>
      kForms = {{{"said", "say"},
                 {"accused", "accuse"},
                 {"accuses", "accuse"},
                 {"blamed", "blame"},
                 {"charged", "charge"},
                 {"says", "say"},
                 {"told", "tell"},
                 {"hoped", "hope"},
                 {"hopes", "hope"},
                 {"feared", "fear"},
                 {"fears", "fear"},
                 {"refused", "refuse"},
                 {"declined", "decline"},
                 {"failed", "fail"},
                 {"plans", "plan"},
                 {"planned", "plan"}}};
  for (const auto& [form, base] : kForms)
    if (l == form) return std::string(base);
  return l;
}

std::string Coder::Run::SpeakerIn(int b, int e) const {
  for (const ActorMention& m : mentions_) {
    int mb = static_cast<int>(m.token_begin - s_.token_begin);
    int me = static_cast<int>(m.token_end - s_.token_begin);
    if (mb >= b && me <= e && !m.agent_only) return m.code;
  }
  // A phrase the actors stage left out (a speech parenthetical is an
  // aside to it): the actor dictionary's own match there.
  for (const ActorEntryMatch& m : matches_) {
    int mb = static_cast<int>(m.token_begin - s_.token_begin);
    int me = static_cast<int>(m.token_end - s_.token_begin);
    if (mb >= b && me <= e && m.kind == ActorEntryMatch::Kind::kActor &&
        !m.code.empty() && m.code.find('/') == std::string::npos)
      return m.code;
  }
  return "";
}

bool Coder::Run::IsStatementCode(std::string_view code) {
  if (code.size() < 2) return false;
  std::string_view root = code.substr(0, 2);
  return root == "01" || root == "02" || root == "03" || root == "10" ||
         root == "11" || root == "12" || root == "13";
}

std::string Coder::Run::ClassifyModality(int v, Event* event) const {
  Event& e = *event;
  if (v < 0 || static_cast<size_t>(v) >= n_) return "asserted";
  if (IsStatementCode(e.cameo)) {
    // A statement CAMEO codes as such (intent, appeal, demand, accusation,
    // rejection, threat, denial) is the event: asserted; unless the
    // statement itself did not happen ("has yet to condemn"; not an
    // assurance, "would not attack" -> 030) or is only possible ("might
    // veto").
    bool no = false, maybe = false;
    for (int k : tree_.kids(v)) {
      const std::string& w = upper_[k];
      no |= w == "NOT" || w == "N'T" || w == "NEVER";
      maybe |= Rel(k) == DepRel::kAux &&
               (w == "MIGHT" || w == "MAY" || w == "COULD");
    }
    if (Rel(v) == DepRel::kXcomp && tree_.head(v) >= 0)
      for (int k : tree_.kids(tree_.head(v))) no |= upper_[k] == "YET";
    if (no && e.cameo != "030") return "negated";
    if (maybe) return "hypothetical";
    return "asserted";
  }
  bool negated = false, hypothetical = false, future = false;
  bool would = false, reported = false, alleged_adverb = false;
  int speaker_head = -1;  // the verb whose subject says, hopes or fears it
  int x = v;
  // Over a conjunction only the first conjunct's auxiliaries are shared
  // ("will visit X and hold talks"), not its negation ("did not attack X
  // but shelled Y").
  bool aux_only = false;
  for (int depth = 0; x >= 0 && depth < 8; ++depth) {
    for (int k : tree_.kids(x)) {
      const std::string& w = upper_[k];
      if (aux_only && Rel(k) != DepRel::kAux) continue;
      if (w == "NOT" || w == "N'T" || w == "NEVER") negated = true;
      if (Rel(k) == DepRel::kAux) {
        if (w == "WILL" || w == "SHALL" || w == "'LL") future = true;
        if (w == "COULD" || w == "MIGHT" || w == "MAY" || w == "SHOULD" ||
            w == "MUST" || w == "CAN")
          hypothetical = true;
        if (w == "WOULD" || w == "'D") would = true;
      }
      if (w == "REPORTEDLY" || w == "ALLEGEDLY" || w == "PURPORTEDLY")
        alleged_adverb = true;
      // "X attacked Y, officials said": the speaker's parenthetical.
      if (Rel(k) == DepRel::kParataxis && OneOf(LemmaOf(k), kReportHeads) &&
          speaker_head < 0) {
        reported = true;
        speaker_head = k;
      }
      // "has yet to condemn": not done.
      if (w == "YET" && aux_only == false && depth > 0) negated = true;
      // "X would respond if Y attacked": the condition makes the act
      // conditional.
      if (Rel(k) == DepRel::kAdvcl)
        for (int m : tree_.kids(k))
          if (upper_[m] == "IF" || upper_[m] == "UNLESS") hypothetical = true;
      // "If Y attacks, ...": the condition itself.
      if ((w == "IF" || w == "UNLESS") && Tok(k).deprel == "mark")
        hypothetical = true;
    }
    aux_only = false;
    const int h = tree_.head(x);
    if (h < 0) break;
    const DepRel r = Rel(x);
    const std::string lemma = LemmaOf(h);
    if (r == DepRel::kXcomp) {
      if (OneOf(lemma, kNegatingHeads)) negated = true;
      if (OneOf(lemma, kFutureHeads)) future = true;
      if (OneOf(lemma, kHypotheticalHeads)) hypothetical = true;
      x = h;
      continue;
    }
    if (r == DepRel::kConj) {
      aux_only = true;
      x = h;
      continue;
    }
    if (r == DepRel::kAdvcl) {
      // "accused X of attacking Y": the accused act is claimed.
      if (IsAccusingLemma(lemma)) {
        reported = true;
        if (speaker_head < 0) speaker_head = h;
      }
      break;
    }
    // "accused X of attacking Y" with the act hanging on X: claimed by the
    // accuser too.
    if (r == DepRel::kAcl && tree_.head(h) >= 0 &&
        (Rel(h) == DepRel::kObj || Rel(h) == DepRel::kNsubjPass) &&
        IsAccusingLemma(LemmaOf(tree_.head(h)))) {
      reported = true;
      if (speaker_head < 0) speaker_head = tree_.head(h);
      break;
    }
    if (r == DepRel::kAcl && OneOf(lemma, kFutureHeads) && lemma != "be")
      future = true;  // "plans to visit"
    if (r == DepRel::kCcomp || r == DepRel::kAcl) {
      if (OneOf(lemma, kHypotheticalHeads)) hypothetical = true;
      if (OneOf(lemma, kReportHeads)) reported = true;
      if (r == DepRel::kCcomp && speaker_head < 0 &&
          (OneOf(lemma, kHypotheticalHeads) || OneOf(lemma, kReportHeads)))
        speaker_head = h;
      // "announced that it would send": reported future, not a
      // possibility.
      if (would &&
          (lemma == "announce" || lemma == "say" || lemma == "confirm" ||
           lemma == "tell" || lemma == "state")) {
        future = true;
        would = false;
      }
      if (r == DepRel::kCcomp && OneOf(lemma, kNegatingHeads)) negated = true;
      if (r == DepRel::kCcomp && (lemma == "deny" || lemma == "dismiss"))
        reported = true;
      break;
    }
    break;
  }
  if (would) hypothetical = true;  // "would disrupt", "would consider"
  if (e.speaker.empty() && speaker_head >= 0) {
    int subj = tree_.Subject(speaker_head);
    // "Minister X today accused Y of ...", parsed with the verb hanging on
    // its subject (acl): that noun speaks.
    if (subj < 0 && Rel(speaker_head) == DepRel::kAcl)
      subj = tree_.head(speaker_head);
    // "Kyiv's fears that", "Ukrainian accusations that": the noun's own
    // actor.
    e.speaker = subj >= 0 ? SpeakerAt(subj) : SpeakerAt(speaker_head);
  }
  // "X attacked Y, the United Nations said." read by word order, where the
  // parse does not hang the report verb on the act.
  if (tail_comma_ >= 0 && v < tail_comma_) {
    reported = true;
    if (e.speaker.empty()) e.speaker = tail_speaker_;
  }
  if (negated) return "negated";
  if (hypothetical) return "hypothetical";
  if (future) return "future";
  // Claimed by someone other than the actor ("X said Y did Z",
  // "according to X", "reportedly").
  // A report whose speaker has no code ("officials said") is a claim too.
  bool other_speaker = e.speaker.empty() || Party(e.speaker) != Party(e.source);
  if (alleged_adverb || ((reported || !e.attribution.empty()) && other_speaker))
    return "alleged";
  return "asserted";
}

void Coder::Run::FindTailSpeaker() {
  // A closing ", NOUN PHRASE said/told ..." parenthetical.
  tail_comma_ = -1;
  tail_speaker_.clear();
  for (size_t r = n_; r-- > 1;) {
    if (!verb_tag_[r] || !OneOf(LemmaOf(static_cast<int>(r)), kReportHeads))
      continue;
    size_t c = r;
    while (c > 0 && upper_[c - 1] != "," && !verb_tag_[c - 1]) --c;
    if (c == 0 || c == r || upper_[c - 1] != ",") break;
    tail_comma_ = static_cast<int>(c - 1);
    tail_speaker_ = SpeakerIn(static_cast<int>(c), static_cast<int>(r));
    break;
  }
}

void Coder::Run::AssignModality(size_t first_event,
                                std::vector<Event>* events) {
  // "..., according to X": X speaks for every event of the sentence.
  according_.clear();
  according_text_.clear();
  for (size_t i = 0; i + 2 < n_; ++i) {
    if (upper_[i] != "ACCORDING" || upper_[i + 1] != "TO") continue;
    int obj = tree_.head(i + 1);
    if (obj <= static_cast<int>(i + 1)) obj = static_cast<int>(i + 2);
    int lo = obj, hi = obj;
    tree_.SubtreeRange(obj, &lo, &hi);
    lo = std::max(lo, static_cast<int>(i + 2));
    according_text_ =
        TextOf(static_cast<uint32_t>(lo), static_cast<uint32_t>(hi + 1));
    size_t end = i + 2;
    while (end < n_ && upper_[end] != "," && upper_[end] != ".") ++end;
    according_ = SpeakerIn(static_cast<int>(i + 2), static_cast<int>(end));
    break;
  }
  FindTailSpeaker();
  for (size_t k = first_event; k < events->size(); ++k) {
    Event& e = (*events)[k];
    if (e.attribution.empty() && !according_text_.empty()) {
      e.attribution = according_text_;
      if (e.speaker.empty()) e.speaker = according_;
    }
    int v = e.trigger_token < 0
                ? -1
                : e.trigger_token - static_cast<int>(s_.token_begin);
    e.modality = ClassifyModality(v, &e);
  }
}

}  // namespace curlew
