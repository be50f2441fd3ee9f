#include "events/coder_run.h"

#include <string>
#include <string_view>
#include <vector>

#include "actors/actor_dictionary.h"

namespace curlew {

// The word-order (flat) fallback.
// When the tree yields no event (a faulty parse splits "Human Rights
// Watch" or misses the subject), the sentence is coded from word order:
// runs of actor and agent mentions are actors, the nearest before a
// dictionary verb is its source, the first after it its target ("by" after
// a passive verb swaps them).

// Words that may join the mentions of one actor ("Ghana's president",
// "police in Myanmar", "Turkish Foreign Minister Ali Demirtas").
bool Coder::Run::FlatGlue(size_t i) const {
  const std::string& w = upper_[i];
  if (w == "'S" || w == "'" || w == "OF" || w == "THE" || w == "IN" ||
      w == "FROM" || w == "-")
    return true;
  std::string_view x = Xpos(i);
  return x == "NNP" || x == "NNPS" || x == "JJ" || x == "CD";
}

std::vector<Coder::Run::FlatGroup> Coder::Run::FlatGroups() const {
  // Sentence-relative word ranges of the dictionary matches.
  const uint32_t base = s_.token_begin;
  const std::span<const ActorEntryMatch> matches = matches_;
  std::vector<FlatGroup> groups;
  size_t k = 0;
  bool join_next = false;
  while (k < matches.size()) {
    // One actor: mentions separated only by glue words.
    size_t j = k;
    while (j + 1 < matches.size()) {
      bool glue = true;
      for (uint32_t t = matches[j].token_end - base;
           t < matches[j + 1].token_begin - base && glue; ++t)
        glue = FlatGlue(t);
      if (!glue) break;
      ++j;
    }
    std::string actor, prefix, suffix;
    for (size_t m = k; m <= j; ++m) {
      const ActorEntryMatch& x = matches[m];
      if (x.kind == ActorEntryMatch::Kind::kActor) {
        if (actor.empty()) actor = FirstActorCode(x.code);
      } else if (x.kind == ActorEntryMatch::Kind::kAgentPrefix) {
        if (prefix.find(x.code) == std::string::npos) prefix += x.code;
      } else if (suffix.find(x.code) == std::string::npos) {
        suffix += x.code;
      }
    }
    ActorRef a;
    a.begin = matches[k].token_begin - base;
    a.end = matches[j].token_end - base;
    if (actor.empty()) {
      a.agent_only = true;
      a.code = "---" + prefix + suffix;
    } else {
      if (actor.find(suffix) != std::string::npos) suffix.clear();
      a.code = prefix + actor + suffix;
      // The actors stage's reading of the same words wins: it knows a
      // titled person's office on the date ("President X" out of office:
      // the title's role, not the elite's code plus the title's), and a
      // people's state of residence. Its phrase may be wider than the
      // matched words ("to 100 ethnic Albanians" under a broken parse):
      // a phrase headed inside them serves when none matches exactly and
      // it has one reading only (not "Armenian and Azerbaijani forces").
      const uint32_t mb = matches[k].token_begin, me = matches[j].token_end;
      const ActorMention* exact = nullptr;
      const ActorMention* wider = nullptr;
      bool one_wider = true;
      for (const ActorMention& m : mentions_) {
        if (m.agent_only) continue;
        if (m.token_begin == mb && m.token_end == me) {
          exact = &m;
          break;
        }
        if (m.token_begin <= mb && me <= m.token_end && mb <= m.head &&
            m.head < me) {
          if (wider && wider->code != m.code) one_wider = false;
          wider = &m;
        }
      }
      if (exact)
        a.code = exact->code;
      else if (wider && one_wider)
        a.code = wider->code;
    }
    if (join_next && !groups.empty()) {
      groups.back().actors.push_back(a);
      groups.back().e = a.end;
    } else {
      groups.push_back({a.begin, a.end, {a}});
    }
    // "X and Y", "X, Y and Z": the next actor joins this group.
    join_next = false;
    if (j + 1 < matches.size()) {
      uint32_t t = a.end, next = matches[j + 1].token_begin - base;
      while (t < next &&
             (upper_[t] == "," || upper_[t] == "AND" || upper_[t] == "THE"))
        ++t;
      join_next = t == next && next > a.end;
    }
    k = j + 1;
  }
  return groups;
}

void Coder::Run::FlatCode(uint32_t sentence_index,
                          std::vector<Event>* events) const {
  std::vector<FlatGroup> groups = FlatGroups();
  if (groups.size() < 1) return;
  std::string issues = d_.issues.Match(ids_);
  bool coded_before = false;
  for (size_t i = 0; i < n_; ++i) {
    if (masked_[i]) continue;
    size_t vb = 0, ve = 0;
    auto forms = VerbAt(i, &vb, &ve);
    if (forms.empty()) continue;
    // A word the tagger took for a noun is a verb when it is part of a
    // multi-word verb form right after an actor ("a gunman shot dead").
    if (!verb_tag_[i] && !(ve - vb > 1 && vb > 0 && InMatch(vb - 1))) continue;
    // An open complement ("urged X to release Y") belongs to the coded
    // verb before it.
    if (coded_before && i > 0 && upper_[i - 1] == "TO") continue;
    PatternMatch pm = Choose(static_cast<int>(i), forms, vb, ve, true, nullptr);
    if (pm.code.empty() || pm.code == "---") continue;
    const FlatGroup* before = nullptr;
    const FlatGroup* after = nullptr;
    for (const FlatGroup& g : groups) {
      if (g.e <= vb) before = &g;
      if (g.b >= ve && !after) after = &g;
    }
    bool passive = Xpos(i) == "VBN" && i > 0 &&
                   (upper_[i - 1] == "WAS" || upper_[i - 1] == "WERE" ||
                    upper_[i - 1] == "BEEN" || upper_[i - 1] == "BE");
    if (passive && after && after->b > 0 && upper_[after->b - 1] == "BY")
      std::swap(before, after);
    // "X and Y forces clashed": a compound actor of a mutual verb acts on
    // itself.
    std::string_view root(pm.code.data(), std::min<size_t>(2, pm.code.size()));
    if (before && !after && before->actors.size() > 1 &&
        (root == "03" || root == "04" || root == "05" || root == "06" ||
         root == "19"))
      after = before;
    // A domestic act with no one named: the actor's own country.
    FlatGroup home;
    if (before && !after &&
        (root == "08" || root == "09" || root == "14" || root == "17")) {
      for (const ActorRef& a : before->actors)
        if (!a.agent_only && a.code.size() >= 3 && !StartsWith(a.code, "IGO") &&
            !StartsWith(a.code, "NGO") && !StartsWith(a.code, "IMG")) {
          home = {before->b,
                  before->b,
                  {ActorRef(a.code.substr(0, 3), before->b, before->b)}};
          after = &home;
          break;
        }
    }
    if (!before || !after) continue;
    // "has never used": a negated act is no event.
    bool negated = false;
    for (size_t k = before->e; k < vb; ++k)
      negated |=
          upper_[k] == "NOT" || upper_[k] == "N'T" || upper_[k] == "NEVER";
    if (negated) continue;
    for (const ActorRef& s : before->actors)
      for (const ActorRef& t : after->actors) {
        if ((s.code == t.code && after != &home) ||
            (s.agent_only && t.agent_only))
          continue;
        // "X said its forces had withdrawn": a comment about one's own
        // side is no statement to anyone (as in the tree pass).
        if (root == "01" && !s.agent_only && !t.agent_only &&
            s.code.compare(0, 3, t.code, 0, 3) == 0)
          continue;
        Event e;
        e.sentence = sentence_index;
        e.span_begin = s_.span.begin;
        e.span_end = s_.span.end;
        SetTrigger(e, vb, ve, static_cast<int>(i));
        e.source = s.code;
        e.target = t.code;
        e.source_text = TextOf(s.begin, s.end);
        e.target_text = TextOf(t.begin, t.end);
        e.cameo = pm.code;
        e.issues = issues;
        e.modality = ClassifyModality(static_cast<int>(i), &e);
        events->push_back(std::move(e));
        coded_before = true;
      }
  }
}

}  // namespace curlew
