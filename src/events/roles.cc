#include "events/coder_run.h"

#include <string_view>
#include <vector>

namespace curlew {

// Targets of an active verb: objects, then prepositional phrases, then
// subject-less complement clauses; possessive pronouns only last.
std::vector<ActorRef> Coder::Run::Targets(int v, int depth) const {
  std::vector<ActorRef> t;
  for (bool pronouns : {false, true}) {
    for (DepRel r : {DepRel::kObj, DepRel::kIobj})
      for (int c : tree_.kids(v))
        if (Rel(c) == r && t.empty()) t = ActorsAt(c, pronouns);
    // "deployed troops near the Ukrainian border": an agent object
    // without a country gives way to an actor in a phrase.
    bool agents_only = !t.empty() && opt_.news_conventions;
    for (const ActorRef& a : t) agents_only = agents_only && a.agent_only;
    for (int c : tree_.kids(v))
      if ((t.empty() || agents_only) &&
          (Rel(c) == DepRel::kObl || Rel(c) == DepRel::kOblAgent) &&
          !Locative(v, c)) {
        std::vector<ActorRef> o = ActorsAt(c, pronouns);
        if (t.empty()) {
          t = o;
        } else if (!o.empty() && !o[0].agent_only) {
          t = o;
          agents_only = false;
        }
      }
    if (!t.empty()) return t;
  }
  // "agreed to lift sanctions on Y": the open complement's targets; also
  // an adjective's or adverb's ("marched close to the border with Y").
  if (depth < 3)
    for (int c : tree_.kids(v))
      if (t.empty() && Rel(c) == DepRel::kXcomp &&
          (StartsWith(Xpos(c), "VB") || StartsWith(Xpos(c), "JJ") ||
           StartsWith(Xpos(c), "RB")))
        t = Targets(c, depth + 1);
  return t;
}

// "held talks in Kinshasa": with an object, an in/at phrase is where it
// happened, not whom it was done to (news conventions only).
bool Coder::Run::Locative(int v, int c) const {
  if (!opt_.news_conventions || tree_.Child(v, DepRel::kObj) < 0) return false;
  int cs = tree_.Child(c, DepRel::kCase);
  return cs >= 0 && (upper_[cs] == "IN" || upper_[cs] == "AT");
}

// Sources and targets of v before patterns.
void Coder::Run::Roles(int v, std::vector<ActorRef>* src,
                       std::vector<ActorRef>* tgt) const {
  int subj_pass = tree_.Child(v, DepRel::kNsubjPass);
  if (subj_pass >= 0) {
    // The agent phrase, also under an adverb ("opposed earlier by X").
    std::vector<int> cands(tree_.kids(v).begin(), tree_.kids(v).end());
    for (int c : tree_.kids(v))
      if (Xpos(c).substr(0, 2) == "RB")
        for (int g : tree_.kids(c)) cands.push_back(g);
    for (int c : cands) {
      if (Rel(c) == DepRel::kOblAgent) *src = ActorsAt(c);
      if (src->empty() && Rel(c) == DepRel::kObl) {
        int cs = tree_.Child(c, DepRel::kCase);
        if (cs >= 0 &&
            (upper_[cs] == "BY" || upper_[cs] == "FROM" || upper_[cs] == "IN"))
          *src = ActorsAt(c);
      }
      if (!src->empty()) break;
    }
    if (!src->empty()) {
      *tgt = ActorsAt(subj_pass);
      return;
    }
    // No agent: coded as if active, the subject acting (PETRARCH), unless
    // the verb is one that is done to someone ("are detained").
    if (opt_.news_conventions) {
      *tgt = ActorsAt(subj_pass);
      return;
    }
    *src = ActorsAt(subj_pass);
    *tgt = Targets(v);
    return;
  }
  *src = ActorsAt(tree_.Subject(v));
  // "W accused X of attacking Y", the act hanging on X: X is who is said
  // to have done it (the modality pass marks it alleged). Only in a clause
  // whose accuser the tree has found (else the word-order fallback reads
  // the sentence).
  if (src->empty() && opt_.news_conventions && Rel(v) == DepRel::kAcl) {
    int x = tree_.head(v);
    int accuse = x >= 0 ? tree_.head(x) : -1;
    if (accuse >= 0 && Rel(x) == DepRel::kObj &&
        IsAccusingLemma(LemmaOf(accuse)) && tree_.Subject(accuse) >= 0)
      *src = ActorsAt(x);
  }
  *tgt = Targets(v);
}

std::vector<ActorRef> Coder::Run::ActorsFrom(
    int pos, int skip, const std::vector<bool>& allowed) const {
  // The first coded noun phrase whose head lies at or after pos, after
  // `skip` noun phrases.
  int last_head = -1;
  for (size_t i = pos; i < n_; ++i) {
    if (!allowed[i]) continue;
    std::string_view x = Xpos(i);
    if (!(StartsWith(x, "NN") || x == "PRP")) continue;
    // Use the head of the phrase containing i.
    int h = static_cast<int>(i);
    while (tree_.head(h) >= 0 &&
           (Rel(h) == DepRel::kCompound || Rel(h) == DepRel::kFlat ||
            Rel(h) == DepRel::kAmod || Rel(h) == DepRel::kNmodPoss))
      h = tree_.head(h);
    if (h == last_head) continue;
    last_head = h;
    if (skip > 0) {
      --skip;
      continue;
    }
    std::vector<ActorRef> a = ActorsAt(h);
    if (!a.empty()) return a;
  }
  return {};
}

// The nearest coded noun phrase ending before `end`.
std::vector<ActorRef> Coder::Run::ActorsBefore(int end) const {
  for (int i = end - 1; i >= 0; --i) {
    if (masked_[i] || !(StartsWith(Xpos(i), "NN") || Xpos(i) == "PRP"))
      continue;
    int h = i;
    while (tree_.head(h) >= 0 &&
           (Rel(h) == DepRel::kCompound || Rel(h) == DepRel::kFlat ||
            Rel(h) == DepRel::kAmod || Rel(h) == DepRel::kNmodPoss))
      h = tree_.head(h);
    std::vector<ActorRef> a = ActorsAt(h);
    if (!a.empty()) return a;
  }
  return {};
}

}  // namespace curlew
