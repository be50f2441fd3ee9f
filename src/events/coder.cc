#include "events/coder.h"

#include <string>
#include <string_view>
#include <vector>

#include "actors/country_codes.h"
#include "events/coder_run.h"

namespace curlew {

namespace {

bool IsCountryOf(const std::string& general, const std::string& specific) {
  return general.size() == 3 && specific.size() > 3 &&
         specific.starts_with(general);
}

// A bare comment or appeal (010, 011, 020), weaker than any other reading.
bool IsStatement(const std::string& cameo) {
  return cameo == "010" || cameo == "011" || cameo == "020";
}

// True if `general` is `specific` or the generic code of its root ("100"
// for "101").
bool SameReading(const std::string& specific, const std::string& general) {
  return general == specific || (general.size() == 3 && general[2] == '0' &&
                                 specific.compare(0, 2, general, 0, 2) == 0);
}

bool SameCountry(const std::string& a, const std::string& b) {
  return a.size() >= 3 && b.size() >= 3 && a.compare(0, 3, b, 0, 3) == 0;
}

}  // namespace

// One event per actor pair and clause reading (a news convention). A
// sentence that names "Egyptian troops" gives both EGY and EGYMIL, and a
// sentence with several coded verbs for the same two actors ("pledged and
// delivered aid", "said it had signed") gives several codes: each extra
// copy is a second, competing reading of the same act, and only one of
// them can be what happened. Keeps the more specific actor and, for one
// pair, the first act in the sentence that is not a bare statement or
// appeal.
void KeepOneEventPerPair(std::vector<Event>* events) {
  std::vector<bool> drop(events->size(), false);
  for (size_t i = 0; i < events->size(); ++i) {
    const Event& a = (*events)[i];
    for (size_t j = 0; j < events->size() && !drop[i]; ++j) {
      if (i == j || drop[j]) continue;
      const Event& b = (*events)[j];
      if (a.sentence != b.sentence) continue;
      // An actor acting on itself (VLM -> VLM) is a misread object when
      // the sentence also codes an act between two actors.
      if (!a.source.empty() && a.source == a.target && !b.source.empty() &&
          b.source != b.target && !IsStatement(b.cameo)) {
        drop[i] = true;
        continue;
      }
      // A bare statement beside an act of the same pair reports that act,
      // whether asserted or alleged ("X fired at Y, witnesses said"); not
      // an act that did not happen or has not yet ("pessimistic about
      // resuming talks with Y": the statement stands).
      if (IsStatement(a.cameo) && !IsStatement(b.cameo) &&
          a.source == b.source && a.target == b.target &&
          (b.modality == "asserted" || b.modality == "alleged")) {
        drop[i] = true;
        continue;
      }
      // One pair, one root, an asserted act and a possible or planned one
      // ("agreed to cooperate and said they should cooperate on refugees"):
      // the asserted act is what happened; the other is its content, not a
      // second event.
      if ((a.modality == "hypothetical" || a.modality == "future") &&
          b.modality == "asserted" && a.source == b.source &&
          a.target == b.target && a.cameo.compare(0, 2, b.cameo, 0, 2) == 0) {
        drop[i] = true;
        continue;
      }
      if (a.modality != b.modality) continue;
      // The country alone beside its own actor: the actor is meant ("the
      // Turkish government" beside "Turkey", 101 beside the generic 100 of
      // the same root).
      if (SameReading(b.cameo, a.cameo) &&
          ((a.source == b.source && IsCountryOf(a.target, b.target)) ||
           (a.target == b.target && IsCountryOf(a.source, b.source)))) {
        drop[i] = true;
        continue;
      }
      // "French and Egyptian troops held exercises": each side acts on
      // the other, not on its own country.
      if (a.cameo == b.cameo && a.source == b.source && a.target.size() == 3 &&
          SameCountry(a.source, a.target) && !SameCountry(b.source, b.target)) {
        drop[i] = true;
        continue;
      }
      if (a.source != b.source || a.target != b.target) continue;
      bool a_weak = IsStatement(a.cameo), b_weak = IsStatement(b.cameo);
      // Of two acts, the first in the sentence's reading order (the main
      // clause's "threatened to impose" before a later "as they sought").
      const bool b_first = b.trigger_begin != a.trigger_begin
                               ? b.trigger_begin < a.trigger_begin
                               : j < i;
      if ((a_weak && !b_weak) || (a_weak == b_weak && b_first)) drop[i] = true;
    }
  }
  size_t k = 0;
  for (size_t i = 0; i < events->size(); ++i)
    if (!drop[i]) {
      if (k != i) (*events)[k] = std::move((*events)[i]);
      ++k;
    }
  events->resize(k);
}

Coder::Coder(std::shared_ptr<const Dictionaries> dicts, CoderOptions options,
             std::shared_ptr<const CameoTable> cameo)
    : dicts_(std::move(dicts)), options_(options), cameo_(std::move(cameo)) {}

Status Coder::Code(Document& doc, CodingOutcome* outcome) const {
  if (outcome) *outcome = CodingOutcome::kCoded;
  bool any_sentence_discard = false;
  std::vector<Event> events;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    if (s.size() == 0 || s.size() > options_.max_sentence_tokens) continue;
    Run run(*this, doc, static_cast<uint32_t>(si));
    DiscardKind dk = dicts_->discards.Match(run.upper());
    if (dk == DiscardKind::kStory) {
      if (outcome) *outcome = CodingOutcome::kStoryDiscard;
      return Status();  // the whole story is not coded
    }
    if (dk == DiscardKind::kSentence) {
      any_sentence_discard = true;
      continue;
    }
    run.CodeSentence(static_cast<uint32_t>(si), &events);
  }
  if (outcome && any_sentence_discard && events.empty())
    *outcome = CodingOutcome::kSentenceDiscard;
  // A comment about an unnamed group ("said this applies to guilty people")
  // is no event between actors.
  // Telling a news agency or reporters is how news is made, not an event.
  std::erase_if(events, [&](const Event& e) {
    return options_.news_conventions &&
           ((e.target.starts_with("---") && e.cameo.starts_with("01")) ||
            (e.target.ends_with("MED") && e.cameo < "06"));
  });
  for (Event& e : events) {
    // An agent without a country repressed by a country's actor is of that
    // country ("Belarusian police arrested journalists": BLR -> BLRMED).
    if (options_.news_conventions && e.target.starts_with("---") &&
        (e.cameo.starts_with("09") || e.cameo.starts_with("10") ||
         e.cameo.starts_with("17")) &&
        !e.target.ends_with("MIL") && e.source.size() >= 3 &&
        !e.source.starts_with("---") && !e.source.starts_with("IGO") &&
        !e.source.starts_with("NGO") && !e.source.starts_with("IMG") &&
        !e.source.starts_with("MNC"))
      e.target = e.source.substr(0, 3) + e.target.substr(3);
  }
  for (Event& e : events) {
    // An agent without a country acting on a state's actor is of that
    // state ("prison guards beat Chilean inmates": CHLCOP -> CHLCRM): news
    // names a foreign agent by its country, so an unnamed one is local.
    if (options_.news_conventions && e.source.starts_with("---") &&
        e.target.size() >= 3 &&
        IsStateCode(std::string_view(e.target).substr(0, 3)))
      e.source = e.target.substr(0, 3) + e.source.substr(3);
  }
  // "deployed troops", "recalled its ambassadors": an agent with no country
  // left is what the actor used or moved, not whom it acted on.
  std::erase_if(events, [&](const Event& e) {
    return options_.news_conventions && e.target.starts_with("---");
  });
  if (options_.news_conventions) KeepOneEventPerPair(&events);
  for (Event& e : events) {
    // Violence by police against civilians or protesters is repression
    // (175), not an assault or a fight.
    if (options_.news_conventions &&
        (e.cameo.starts_with("18") || e.cameo.starts_with("19")) &&
        e.source.find("COP") != std::string::npos &&
        (e.target.ends_with("CVL") || e.target.ends_with("OPP") ||
         e.target.ends_with("MED")))
      e.cameo = "175";
    e.date = doc.date;
    if (e.modality.empty()) e.modality = "asserted";
    if (cameo_)
      cameo_->Fill(e);
    else if (QuadClass(e.cameo)) {
      e.root = e.cameo.substr(0, 2);
      e.quad = QuadClass(e.cameo);
    }
    doc.events.push_back(std::move(e));
  }
  return Status();
}

PatternMatch Coder::MatchVerb(const Document& doc, const Sentence& s,
                              size_t verb, bool fast) const {
  const auto index = static_cast<uint32_t>(&s - doc.sentences.data());
  Run run(*this, doc, index);
  return run.MatchVerbAt(verb, fast);
}

namespace {
class CoderComponent : public Component {
 public:
  explicit CoderComponent(std::shared_ptr<const Coder> coder)
      : coder_(std::move(coder)) {}
  std::string_view name() const override { return "events"; }
  uint32_t requires_annotations() const override {
    return kTokens | kTags | kTree | kMentions;
  }
  uint32_t assigns_annotations() const override { return kEvents; }
  Status Process(Document& doc) const override { return coder_->Code(doc); }

 private:
  std::shared_ptr<const Coder> coder_;
};
}  // namespace

std::unique_ptr<Component> MakeCoderComponent(
    std::shared_ptr<const Dictionaries> dicts, CoderOptions options,
    std::shared_ptr<const CameoTable> cameo) {
  return MakeCoderComponent(std::make_shared<const Coder>(
      std::move(dicts), options, std::move(cameo)));
}

std::unique_ptr<Component> MakeCoderComponent(
    std::shared_ptr<const Coder> coder) {
  return std::make_unique<CoderComponent>(std::move(coder));
}

}  // namespace curlew
