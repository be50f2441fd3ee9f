#include "events/coder_run.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "events/statement_codes.h"

namespace curlew {

namespace {
// Verbs of committing oneself whose complement is an act not yet done
// (lemmas).
bool IsCommitmentLemma(std::string_view l) {
  return l == "agree" || l == "promise" || l == "pledge" || l == "vow" ||
         l == "offer" || l == "undertake";
}

// Adjectives of readiness whose complement is an act not yet done.
bool IsReadiness(std::string_view w) {
  return w == "READY" || w == "WILLING" || w == "PREPARED" ||
         w == "DETERMINED" || w == "COMMITTED" || w == "EAGER" || w == "KEEN";
}
}  // namespace

std::string Coder::Run::SpeakerAt(int h) const {
  for (const ActorRef& a : ActorsAt(h))
    if (!a.agent_only) return a.code;
  if (h < 0) return "";
  int lo = h, hi = h;
  tree_.SubtreeRange(h, &lo, &hi);
  return SpeakerIn(lo, hi + 1);
}

void Coder::Run::CodeSentence(uint32_t sentence_index,
                              std::vector<Event>* events) {
  const std::vector<FlatGroup> flat_groups = FlatGroups();
  std::vector<VerbInfo> verbs;
  for (size_t i = 0; i < n_; ++i) {
    if (!IsVerb(i)) continue;
    size_t vb = 0, ve = 0;
    auto forms = VerbAt(i, &vb, &ve);
    if (forms.empty()) continue;
    VerbInfo vi{static_cast<int>(i), vb, ve, {}, {}};
    vi.pm = Choose(static_cast<int>(i), forms, vb, ve, true, &vi.mk);
    verbs.push_back(std::move(vi));
  }
  // Deepest clauses first, so that an upper verb knows what its
  // complement clause coded.
  std::stable_sort(verbs.begin(), verbs.end(),
                   [&](const VerbInfo& a, const VerbInfo& b) {
                     return tree_.Depth(a.v) > tree_.Depth(b.v);
                   });
  std::vector<int> coded(n_, 0);  // events coded by each verb
  const size_t first_event = events->size();
  std::vector<int> event_verb;  // the verb of each event coded here
  std::string issues = d_.issues.Match(ids_);
  std::vector<Event> negated_events;  // acts reported as not done
  FindTailSpeaker();
  for (const VerbInfo& vi : verbs) {
    std::string code = vi.pm.code;
    if (code.empty() || code == "---") continue;
    std::vector<ActorRef> src, tgt;
    Roles(vi.v, &src, &tgt);
    // "We call on X to ... demand that Y ...": a subjectless verb under an
    // appeal or a demand is the appealer's.
    std::string_view vroot(code.data(), std::min<size_t>(2, code.size()));
    if (src.empty() && opt_.news_conventions &&
        (vroot == "02" || vroot == "10" || vroot == "11" || vroot == "12"))
      for (int x = tree_.head(vi.v), g = 0; x >= 0 && g < 20;
           x = tree_.head(x), ++g) {
        auto up = std::find_if(verbs.begin(), verbs.end(),
                               [&](const VerbInfo& u) { return u.v == x; });
        if (up != verbs.end() && (up->pm.code.compare(0, 2, "02") == 0 ||
                                  up->pm.code.compare(0, 2, "10") == 0)) {
          src = ActorsAt(tree_.Subject(x));
          break;
        }
        if (Rel(x) == DepRel::kCcomp) break;
      }
    // A faulty parse may give a finite verb a far subject; the actor
    // right before it ("after China recently ratified") is its subject.
    if (std::string_view x = Xpos(vi.v);
        opt_.news_conventions && (x == "VBD" || x == "VBZ" || x == "VBP")) {
      size_t b = vi.vb;
      while (b > 0 && (Xpos(b - 1) == "RB" || upper_[b - 1] == "ALSO")) --b;
      for (const FlatGroup& g : flat_groups)
        if (g.e == b && !g.actors[0].agent_only) {
          // "X criticised Y, and Z praised W": a run of actors across a
          // clause boundary; the tree's subject says where this clause's
          // subject begins, and what comes before is the other clause's.
          std::vector<ActorRef> group = g.actors;
          if (int subj = tree_.Subject(vi.v); subj >= 0 && group.size() > 1) {
            int lo = subj, hi = subj;
            tree_.SubtreeRange(subj, &lo, &hi);
            std::erase_if(group, [&](const ActorRef& a) {
              return static_cast<int>(a.begin) < lo;
            });
            if (group.empty()) group = g.actors;
          }
          bool same = !src.empty() && src.size() == group.size();
          for (size_t k = 0; same && k < src.size(); ++k)
            same = src[k].code == group[k].code;
          if (!same) {
            src = group;
            // A target that was the old subject's object stays.
            std::erase_if(tgt, [&](const ActorRef& t) {
              for (const ActorRef& a : src)
                if (a.code == t.code) return true;
              return false;
            });
          }
        }
    }
    // "X razed homes, Y officials and Z witnesses said": the speakers of a
    // closing parenthetical are not what the act was done to.
    if (opt_.news_conventions && tail_comma_ >= 0 && vi.v < tail_comma_)
      std::erase_if(tgt, [&](const ActorRef& t) {
        return static_cast<int>(t.begin) > tail_comma_;
      });
    std::vector<bool> allowed;
    PostRegion(vi.v, &allowed);
    // Pattern roles: '+' / '$' before the verb name the subject as
    // target / source; after it, the noun phrase at that place.
    if (vi.mk.pre_target || vi.mk.pre_source) {
      int subj = tree_.Subject(vi.v);
      if (subj < 0) subj = tree_.Child(vi.v, DepRel::kNsubjPass);
      std::vector<ActorRef> s = ActorsAt(subj);
      // "+ HOSTING *": the actor right before the matched word.
      int end = vi.mk.pre_target ? vi.mk.pre_target_end : vi.mk.pre_source_end;
      if (end >= 0) {
        auto before = ActorsBefore(end);
        if (!before.empty()) s = before;
      }
      if (vi.mk.pre_target) {
        if (!s.empty() && tree_.Child(vi.v, DepRel::kNsubjPass) < 0)
          src.clear();
        tgt = s;
      } else {
        src = s;
      }
    }
    if (vi.mk.source_pos >= 0) {
      auto a = ActorsFrom(vi.mk.source_pos, vi.mk.source_skip, allowed);
      if (!a.empty()) src = a;
    }
    if (vi.mk.target_pos >= 0) {
      auto a = ActorsFrom(vi.mk.target_pos, vi.mk.target_skip, allowed);
      if (!a.empty()) tgt = a;
    }
    // "X ratified the treaty between X and Y": X is not its own target.
    if (tgt.size() > 1 && opt_.news_conventions)
      std::erase_if(tgt, [&](const ActorRef& t) {
        for (const ActorRef& a : src)
          if (!a.agent_only && !t.agent_only &&
              a.code.compare(0, 3, t.code, 0, 3) == 0)
            return true;
        return false;
      });
    // A complement clause: its events stand; this verb reports them.
    bool child_coded = false;
    int comp_subject = -1;
    for (int c : tree_.kids(vi.v)) {
      if (Rel(c) == DepRel::kCcomp || Rel(c) == DepRel::kXcomp) {
        // coded[] counts events of the clause and the clauses below it.
        for (size_t k = 0; k < n_; ++k)
          if (coded[k] && tree_.Dominates(c, static_cast<int>(k)))
            child_coded = true;
        if (Rel(c) == DepRel::kCcomp && comp_subject < 0) {
          comp_subject = tree_.Subject(c);
          if (comp_subject < 0)
            comp_subject = tree_.Child(c, DepRel::kNsubjPass);
        }
      }
    }
    // "X agreed to lift sanctions on Y", "demanded that Y withdraw",
    // "threatened to ban Z": CAMEO codes the statement (intent, appeal,
    // demand, rejection, threat), not the act it is about.
    if (opt_.news_conventions && child_coded && !src.empty()) {
      if (tgt.empty()) {
        if (TakeOverActs(vi, src, first_event, &event_verb, events)) {
          ++coded[vi.v];
          continue;
        }
      } else if (vi.pm.pattern < 0) {
        // Its own target ("urged Y to withdraw"): the open complement's
        // act, absorbed below, says what the statement is about.
        std::string about = StatementAboutAct(
            code.substr(0, 2), ComplementAct(vi.v, first_event, event_verb,
                                             *events, /*open_only=*/true));
        if (!about.empty()) code = about;
      }
    }
    // A compound subject with no target acts on itself ("X and Y renewed
    // ties"): each member towards the others.
    std::string_view root2(code.data(), std::min<size_t>(2, code.size()));
    bool mutual = opt_.news_conventions &&
                  (root2 == "03" || root2 == "04" || root2 == "05" ||
                   root2 == "06" || root2 == "19");
    // ("held joint military exercises": a role word inside the event
    // phrase is no target either.)
    bool agent_targets = mutual && !tgt.empty();
    for (const ActorRef& t : tgt) agent_targets &= t.agent_only;
    if (agent_targets) tgt.clear();
    if (src.size() > 1 && tgt.empty() &&
        (vi.mk.compound || (mutual && !child_coded) ||
         (!child_coded && comp_subject < 0 &&
          tree_.Child(vi.v, DepRel::kObj) >= 0)))
      tgt = src;
    // "X declared that Y must drop barriers" with no act coded in the
    // clause: X's demand (appeal) to Y all the same.
    std::string demand;
    const bool own_target = !tgt.empty();
    if (tgt.empty() && !child_coded && comp_subject >= 0) {
      tgt = ActorsAt(comp_subject);
      if (opt_.news_conventions && code.compare(0, 2, "01") == 0 &&
          !tgt.empty() && !tgt[0].agent_only && !src.empty() &&
          !src[0].agent_only &&
          src[0].code.compare(0, 3, tgt[0].code, 0, 3) != 0 && IsSaying(vi.v))
        demand = ModalDemandCode(tree_.head(comp_subject));
      // "X questioned whether he ... with Y": the subject is X again;
      // the target is inside the clause.
      bool self = !tgt.empty();
      for (const ActorRef& t : tgt)
        for (const ActorRef& a : src)
          if (t.code != a.code) self = false;
      if (self || tgt.empty())
        for (int c : tree_.kids(vi.v))
          if (Rel(c) == DepRel::kCcomp) {
            tgt = Targets(c);
            if (!tgt.empty()) break;
          }
    }
    // "X said its forces had withdrawn": a comment about one's own side
    // is no statement to anyone.
    if (opt_.news_conventions && code.compare(0, 2, "01") == 0)
      std::erase_if(tgt, [&](const ActorRef& t) {
        if (own_target && !InComplement(vi.v, static_cast<int>(t.begin)))
          return false;
        for (const ActorRef& a : src)
          if (!a.agent_only && !t.agent_only &&
              a.code.compare(0, 3, t.code, 0, 3) == 0)
            return true;
        return false;
      });
    // "X denied that it had pressured Y": the denied event is not coded;
    // X's denial is, towards that event's target.
    // ("dismissed claims that Y attacked Z": also an event under the
    // object.)
    if (code.compare(0, 3, "016") == 0 && !src.empty() &&
        opt_.news_conventions) {
      bool any = false;
      for (size_t k = first_event; k < events->size(); ++k) {
        int ev = event_verb[k - first_event];
        if (ev == vi.v || !tree_.Dominates(vi.v, ev)) continue;
        Event& e = (*events)[k];
        e.source = src[0].code;
        e.source_text = TextOf(src[0].begin, src[0].end);
        e.cameo = code;
        e.negated = false;
        e.attribution.clear();
        SetTrigger(e, vi.vb, vi.ve, vi.v);
        event_verb[k - first_event] = vi.v;
        any = true;
      }
      if (any) {
        ++coded[vi.v];
        continue;
      }
    }
    // Transformations ("~ a (a b ATTACK) SAY = a b 015"): the reported
    // event and this verb become one event.
    if (child_coded &&
        ApplyTransforms(vi, code, src, first_event, event_verb, events))
      continue;
    std::string attribution;
    if (!src.empty()) attribution = TextOf(src[0].begin, src[0].end);
    // The events of the complement clauses are reported by this verb's
    // subject ("X said that Y attacked Z").
    if (child_coded) {
      for (size_t k = first_event; k < events->size(); ++k) {
        Event& e = (*events)[k];
        int ev = event_verb[k - first_event];
        if (!e.attribution.empty() || ev == vi.v) continue;
        for (int c : tree_.kids(vi.v))
          if ((Rel(c) == DepRel::kCcomp || Rel(c) == DepRel::kXcomp) &&
              tree_.Dominates(c, ev)) {
            e.attribution = attribution;
            if (!src.empty() && !src[0].agent_only) e.speaker = src[0].code;
            if (Rel(c) == DepRel::kCcomp) {
              ReportedDemand(vi.v, ev, src, &e);
              ReportedThreat(vi.v, ev, &e);
            }
          }
      }
    }
    // An international or rights body reporting violence ("UN experts
    // say X detained ...") accuses its perpetrator (112).
    std::vector<ActorRef> accused;
    if (child_coded && code.compare(0, 2, "01") == 0 && !src.empty() &&
        opt_.news_conventions &&
        (StartsWith(src[0].code, "IGO") || StartsWith(src[0].code, "NGO")))
      for (size_t k = first_event; k < events->size(); ++k) {
        const Event& e = (*events)[k];
        int ev = event_verb[k - first_event];
        if (ev == vi.v || !tree_.Dominates(vi.v, ev) || e.source.empty() ||
            e.source.starts_with("---") || e.cameo < "14" ||
            e.source == src[0].code)
          continue;
        bool seen = false;
        for (const ActorRef& a : accused) seen = seen || a.code == e.source;
        if (!seen) accused.push_back({e.source, 0, 0});
      }
    auto emit = [&](const ActorRef* s, const ActorRef* t,
                    const std::string& c) {
      Event e;
      e.sentence = sentence_index;
      e.span_begin = s_.span.begin;
      e.span_end = s_.span.end;
      SetTrigger(e, vi.vb, vi.ve, vi.v);
      e.source = s ? s->code : "";
      e.target = t ? t->code : "";
      if (s) e.source_text = TextOf(s->begin, s->end);
      if (t) e.target_text = TextOf(t->begin, t->end);
      e.cameo = c;
      e.issues = issues;
      for (int k : tree_.kids(vi.v))
        if (upper_[k] == "NOT" || upper_[k] == "N'T" || upper_[k] == "NEVER")
          e.negated = true;
      // "will lend", "would supply": a promise of help is an intent (03).
      if (opt_.news_conventions && !e.negated && c >= "04" && c < "09") {
        for (int k : tree_.kids(vi.v))
          if (Rel(k) == DepRel::kAux &&
              (upper_[k] == "WILL" || upper_[k] == "WOULD" ||
               upper_[k] == "'LL"))
            e.cameo = IntentCode(c);
        // "is ready to contribute troops", "willing to withdraw": being
        // ready for an act is the intent to do it, not the act; so is
        // agreeing, promising or pledging to do it ("agreed to resume
        // talks": the codebook's 036 is to "offer, promise, agree to ...
        // meet").
        int h = tree_.head(vi.v);
        if (Rel(vi.v) == DepRel::kXcomp && h >= 0 &&
            (IsReadiness(upper_[h]) || IsCommitmentLemma(LemmaOf(h))))
          e.cameo = IntentCode(c);
      }
      if (e.negated && opt_.news_conventions) {
        // "would not attack": an assurance (03); "did not attack": no
        // event.
        bool future = false;
        for (int k : tree_.kids(vi.v))
          if (Rel(k) == DepRel::kAux &&
              (upper_[k] == "WOULD" || upper_[k] == "WILL" ||
               upper_[k] == "SHALL" || upper_[k] == "'LL"))
            future = true;
        // The act that did not happen is kept, marked negated, apart
        // from the events that stand (it reports nothing and takes over
        // no clause).
        if (!future) {
          negated_events.push_back(std::move(e));
          return;
        }
        if (c.compare(0, 2, "03") != 0) e.cameo = "030";
      }
      events->push_back(std::move(e));
      event_verb.push_back(vi.v);
      ++coded[vi.v];
    };
    // "are detained in camps in Xinjiang": repression with no one named
    // is by the state where it happens.
    if (opt_.places && src.empty() && !tgt.empty() && vroot == "17") {
      auto places = opt_.places->FindMentions(doc_, sentence_index);
      const PlaceMention* m =
          NearestLocation(places, static_cast<int>(s_.token_begin + vi.v));
      if (m && m->place && !m->place->country.empty())
        src = {ActorRef(m->place->country, m->token_begin - s_.token_begin,
                        m->token_end - s_.token_begin)};
    }
    // "Israeli warplanes struck Gaza City": the place's country is the
    // target of an attack that names no target actor.
    bool no_actor_target = true;
    for (const ActorRef& t : tgt) no_actor_target &= t.agent_only;
    if (opt_.places && no_actor_target && !child_coded && !src.empty() &&
        (vroot == "15" || vroot == "18" || vroot == "19" || vroot == "20")) {
      auto places = opt_.places->FindMentions(doc_, sentence_index);
      const PlaceMention* m =
          NearestLocation(places, static_cast<int>(s_.token_begin + vi.v));
      // "strikes on Gaza City": the first place after the verb.
      for (size_t k = 0; !m && k < places.size(); ++k)
        if (places[k].token_begin > s_.token_begin + vi.v) m = &places[k];
      if (m && m->place && !m->place->country.empty()) {
        const std::string& country = m->place->country;
        if (src[0].code.compare(0, 3, country) != 0) {
          tgt = {ActorRef(country, m->token_begin - s_.token_begin,
                          m->token_end - s_.token_begin)};
        } else {
          // "troops launched an offensive against the regional government"
          // in their own country: a domestic conflict.
          for (ActorRef& t : tgt) {
            t.code = country + t.code.substr(3);
            t.agent_only = false;
          }
        }
      }
    }
    for (ActorRef& a : accused) {
      a.begin = src[0].begin;  // no span of its own
      a.end = src[0].begin;
      emit(&src[0], &a, "112");
    }
    if (!accused.empty()) continue;
    if (tgt.empty()) {
      if (src.empty()) continue;
      // A comment with no target of its own ("X said that Y attacked Z")
      // is not an event: the reported one is.
      if (child_coded) {
        // PETRARCH codes the speaker's statement too.
        ActorRef none{"", 0, 0};
        if (!opt_.news_conventions)
          for (const ActorRef& s : src) emit(&s, &none, code);
      } else if (!opt_.require_dyad) {
        for (const ActorRef& s : src) emit(&s, nullptr, code);
      } else if (opt_.news_conventions) {
        // A state acting at home with no one named ("lifted a curfew",
        // "opened an inquiry", "marched", "detained"): its own country.
        std::string_view root(code.data(), std::min<size_t>(2, code.size()));
        // (A group's demand, "protesters demanded", is to its own
        // government too.)
        bool group_demand = root == "10";
        for (const ActorRef& s : src)
          group_demand &= s.code.size() > 3 && !s.agent_only;
        // ("lifted a curfew in Montenegro": where the sentence places the
        // act in another country, that country.)
        std::string there;
        int there_b = 0, there_e = 0;
        if (opt_.places && !group_demand) {
          auto places = opt_.places->FindMentions(doc_, sentence_index);
          const PlaceMention* m =
              NearestLocation(places, static_cast<int>(s_.token_begin + vi.v));
          if (m && m->place && !m->place->country.empty()) {
            there = m->place->country;
            there_b = static_cast<int>(m->token_begin - s_.token_begin);
            there_e = static_cast<int>(m->token_end - s_.token_begin);
          }
        }
        if (root == "08" || root == "09" || root == "14" || root == "17" ||
            group_demand)
          for (const ActorRef& s : src) {
            if (s.agent_only || s.code.size() < 3 ||
                StartsWith(s.code, "IGO") || StartsWith(s.code, "NGO") ||
                StartsWith(s.code, "IMG") || StartsWith(s.code, "MNC"))
              continue;
            ActorRef home(s.code.substr(0, 3), s.begin, s.begin);
            if (!there.empty() && s.code.compare(0, 3, there) != 0)
              home = ActorRef(there, static_cast<uint32_t>(there_b),
                              static_cast<uint32_t>(there_e));
            emit(&s, &home, code);
          }
      }
      continue;
    }
    if (src.empty()) {
      if (!opt_.require_dyad)
        for (const ActorRef& t : tgt) emit(nullptr, &t, code);
      continue;
    }
    for (const ActorRef& s : src)
      for (const ActorRef& t : tgt) {
        if (s.code == t.code) continue;
        emit(&s, &t, demand.empty() ? code : demand);
        if (!vi.pm.code2.empty() && vi.pm.code2 != "---")
          emit(&t, &s, vi.pm.code2);
        // A meeting is mutual: "X met Y" is also Y meeting X.
        else if (opt_.news_conventions && !t.agent_only &&
                 code.compare(0, 2, "04") == 0 &&
                 (upper_[vi.v] == "MET" || upper_[vi.v] == "MEET" ||
                  upper_[vi.v] == "MEETS" || upper_[vi.v] == "MEETING"))
          emit(&t, &s, code);
      }
  }
  // "X attacked Y, officials said." (UD: "said" is parataxis of the
  // attack): the speaker is the attribution of the events it reports.
  for (size_t u = 0; u < n_; ++u) {
    if (Rel(u) != DepRel::kParataxis || !verb_tag_[u] || tree_.head(u) < 0)
      continue;
    int subj = tree_.Child(static_cast<int>(u), DepRel::kNsubj);
    if (subj < 0) continue;
    int lo = subj, hi = subj;
    tree_.SubtreeRange(subj, &lo, &hi);
    std::string who =
        TextOf(static_cast<uint32_t>(lo), static_cast<uint32_t>(hi + 1));
    const std::string speaker = SpeakerAt(subj);
    for (size_t k = first_event; k < events->size(); ++k) {
      int ev = event_verb[k - first_event];
      if ((*events)[k].attribution.empty() && ev != static_cast<int>(u) &&
          tree_.Dominates(tree_.head(u), ev) &&
          !tree_.Dominates(static_cast<int>(u), ev)) {
        (*events)[k].attribution = who;
        (*events)[k].speaker = speaker;
      }
    }
  }
  // A coded verb takes over its open complement ("abandoned efforts to
  // stop X" is one event, not two).
  std::vector<Event> kept(events->begin(), events->begin() + first_event);
  for (size_t k = first_event; k < events->size(); ++k) {
    int v = event_verb[k - first_event];
    bool absorbed = false;
    for (int x = v; x >= 0 && Rel(x) == DepRel::kXcomp && tree_.head(x) >= 0;) {
      x = tree_.head(x);
      if (coded[x] > 0) absorbed = true;
    }
    if (!absorbed) kept.push_back(std::move((*events)[k]));
  }
  *events = std::move(kept);
  if (events->size() == first_event && opt_.news_conventions)
    FlatCode(sentence_index, events);
  for (Event& e : negated_events) events->push_back(std::move(e));
  AssignModality(first_event, events);
}

bool Coder::Run::InComplement(int v, int w, bool open_only) const {
  for (int c : tree_.kids(v))
    if ((Rel(c) == DepRel::kXcomp ||
         (!open_only && Rel(c) == DepRel::kCcomp)) &&
        tree_.Dominates(c, w))
      return true;
  return false;
}

std::string Coder::Run::ComplementAct(int v, size_t first_event,
                                      const std::vector<int>& event_verb,
                                      const std::vector<Event>& events,
                                      bool open_only) const {
  int best = -1, best_depth = 0;
  for (size_t k = first_event; k < events.size(); ++k) {
    int ev = event_verb[k - first_event];
    if (ev != v && InComplement(v, ev, open_only) &&
        (best < 0 || tree_.Depth(ev) < best_depth)) {
      best = static_cast<int>(k);
      best_depth = tree_.Depth(ev);
    }
  }
  return best < 0 ? "" : events[best].cameo;
}

bool Coder::Run::TakeOverActs(const VerbInfo& vi,
                              const std::vector<ActorRef>& src,
                              size_t first_event, std::vector<int>* event_verb,
                              std::vector<Event>* events) const {
  const std::string& code = vi.pm.code;
  const std::string root = code.substr(0, 2);
  if (root != "02" && root != "03" && root != "10" && root != "12" &&
      root != "13")
    return false;
  // The acts of the complement clause nearest the verb (not those of a
  // clause inside it: "agreed to talks that would end the war").
  const std::string act =
      ComplementAct(vi.v, first_event, *event_verb, *events, false);
  if (act.empty()) return false;
  // A pattern of the verb ("agreed to a ceasefire") knows best; otherwise
  // the act says what the statement is about; a statement the codebook
  // does not have ("demanded that Y attack Z") leaves the act standing.
  std::string out = vi.pm.pattern >= 0 ? code : StatementAboutAct(root, act);
  if (out.empty()) return false;
  bool any = false;
  for (size_t k = first_event; k < events->size(); ++k) {
    int ev = (*event_verb)[k - first_event];
    if (ev == vi.v || (*events)[k].cameo != act || !InComplement(vi.v, ev))
      continue;
    Event& e = (*events)[k];
    // "X agreed to lift sanctions on Y": X's intent towards Y. "X demanded
    // that Y withdraw": X's demand of Y.
    bool own = false;
    for (const ActorRef& a : src)
      own |= !e.source.empty() && a.code.compare(0, 3, e.source, 0, 3) == 0;
    if (!own) {
      e.target = e.source;
      e.target_text = e.source_text;
      e.source = src[0].code;
      e.source_text = TextOf(src[0].begin, src[0].end);
    }
    e.cameo = out;
    e.negated = false;
    e.attribution.clear();
    e.speaker.clear();
    SetTrigger(e, vi.vb, vi.ve, vi.v);
    (*event_verb)[k - first_event] = vi.v;
    any = true;
  }
  return any;
}

// "X said (that) Y must do Z" is X's demand to Y (10); "... should do Z"
// X's appeal (02): the statement is the event, not Y's act.
void Coder::Run::ReportedDemand(int say, int ev,
                                const std::vector<ActorRef>& src,
                                Event* e) const {
  // (An intent stands for its act here: "Y must be ready to mediate" is
  // the demand that Y mediate.)
  const bool intent = e->cameo.starts_with("03");
  if (!opt_.news_conventions || src.empty() || src[0].agent_only ||
      e->source.empty() || (IsStatementCode(e->cameo) && !intent))
    return;
  if (!IsSaying(say)) return;
  // The modal may stand on a verb above the act within the clause ("must
  // be ready to mediate", "must ensure security to allow access").
  std::string code;
  for (int x = ev; x >= 0 && x != say && code.empty(); x = tree_.head(x)) {
    code = ModalDemandCode(x);
    if (Rel(x) != DepRel::kXcomp && Rel(x) != DepRel::kAdvcl) break;
  }
  if (code.empty() || e->source.compare(0, 3, src[0].code, 0, 3) == 0) return;
  e->target = e->source;
  e->target_text = e->source_text;
  e->source = src[0].code;
  e->source_text = TextOf(src[0].begin, src[0].end);
  std::string about = intent ? RestateIntent(code.substr(0, 2), e->cameo)
                             : StatementAboutAct(code.substr(0, 2), e->cameo);
  e->cameo = about.empty() ? code : about;
}

bool Coder::Run::IsSaying(int h) const {
  // Verbs that report what the speaker holds ("declared that China must",
  // "concluded that the US must"), not what the speaker heard.
  static constexpr std::string_view kSaying[] = {
      "say",     "tell",     "insist",   "state",    "add",
      "declare", "announce", "stress",   "assert",   "affirm",
      "argue",   "conclude", "maintain", "reiterate"};
  const std::string lemma = LemmaOf(h);
  return std::find(std::begin(kSaying), std::end(kSaying), lemma) !=
         std::end(kSaying);
}

std::string Coder::Run::ModalDemandCode(int v) const {
  if (v < 0) return "";
  for (int k : tree_.kids(v))
    if (Rel(k) == DepRel::kAux) {
      if (upper_[k] == "MUST") return "100";
      if (upper_[k] == "SHOULD") return "020";
    }
  return "";
}

void Coder::Run::ReportedThreat(int say, int ev, Event* e) const {
  // (Reducing relations, "said it would withdraw from the accord", "cut
  // aid", is a decision announced, not a threat: root 16 stays the act.)
  if (!opt_.news_conventions || e->negated || e->source.empty() ||
      e->speaker.empty() || !IsHostileAct(e->cameo) ||
      e->cameo.starts_with("16") || !IsSaying(say) ||
      e->speaker.compare(0, 3, e->source, 0, 3) != 0)
    return;
  // Said of the future: "will", "would", or "ready / prepared to".
  bool future = false;
  for (int k : tree_.kids(ev))
    if (Rel(k) == DepRel::kAux &&
        (upper_[k] == "WILL" || upper_[k] == "WOULD" || upper_[k] == "'LL"))
      future = true;
  int h = tree_.head(ev);
  if (Rel(ev) == DepRel::kXcomp && h >= 0 && IsReadiness(upper_[h]))
    future = true;
  if (future) e->cameo = ThreatCode(e->cameo);
}

}  // namespace curlew
