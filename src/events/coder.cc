#include "events/coder.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string_view>

#include "actors/dict_util.h"

namespace curlew {
namespace {

bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

// Dependency relations the coder looks at, decoded once per token.
enum class R : uint8_t {
  kOther,
  kNsubj,
  kNsubjPass,
  kCsubj,
  kObj,
  kIobj,
  kObl,
  kOblAgent,
  kNmod,
  kNmodPoss,
  kAcl,
  kConj,
  kCc,
  kCompound,
  kCompoundPrt,
  kAmod,
  kDet,
  kNummod,
  kFlat,
  kCase,
  kXcomp,
  kCcomp,
  kAdvcl,
  kAux,
  kAuxPass,
  kCop,
  kParataxis,
  kAppos
};

R DecodeRel(std::string_view r) {
  static const std::pair<std::string_view, R> kExact[] = {
      {"nsubj", R::kNsubj},
      {"nsubj:pass", R::kNsubjPass},
      {"csubj", R::kCsubj},
      {"obj", R::kObj},
      {"iobj", R::kIobj},
      {"obl:agent", R::kOblAgent},
      {"nmod:poss", R::kNmodPoss},
      {"conj", R::kConj},
      {"cc", R::kCc},
      {"compound", R::kCompound},
      {"compound:prt", R::kCompoundPrt},
      {"amod", R::kAmod},
      {"det", R::kDet},
      {"nummod", R::kNummod},
      {"case", R::kCase},
      {"xcomp", R::kXcomp},
      {"ccomp", R::kCcomp},
      {"advcl", R::kAdvcl},
      {"aux", R::kAux},
      {"aux:pass", R::kAuxPass},
      {"cop", R::kCop},
      {"parataxis", R::kParataxis},
      {"appos", R::kAppos}};
  for (const auto& [name, code] : kExact)
    if (r == name) return code;
  if (StartsWith(r, "obl")) return R::kObl;
  if (StartsWith(r, "nmod")) return R::kNmod;
  if (StartsWith(r, "acl")) return R::kAcl;
  if (StartsWith(r, "flat")) return R::kFlat;
  return R::kOther;
}

struct ActorRef {
  ActorRef() = default;
  ActorRef(std::string c, uint32_t b, uint32_t e)
      : code(std::move(c)), begin(b), end(e) {}
  std::string code;
  uint32_t begin = 0, end = 0;  // sentence-relative token range
  std::string stem;             // the code without its last agent
  bool agent_only = false;      // "---GOV": an agent without an actor
  std::string agent;            // that agent's code
};

// Splits "ELR/GAL" into its codes.
std::vector<std::string> SplitSlash(const std::string& code) {
  std::vector<std::string> out;
  size_t b = 0;
  while (b <= code.size()) {
    size_t e = code.find('/', b);
    if (e == std::string::npos) e = code.size();
    if (e > b) out.push_back(code.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

// The first of "ELR/GAL"'s codes; "" for an empty code (an actor entry with
// only dated codes, read without a date).
std::string FirstCode(const std::string& code) {
  std::vector<std::string> codes = SplitSlash(code);
  return codes.empty() ? std::string() : codes[0];
}

}  // namespace

// What the sentences before have established in a document: the actor
// the last sentence was about (for "He stressed ..."), and the names of
// people seen with an actor ("Turkish Foreign Minister Mevlut Cavusoglu"
// makes a later "Cavusoglu" TURGOV).
struct DocMemory {
  std::string last_subject;  // code of the last sentence's main subject
  std::unordered_map<std::string, std::string> names;  // NAME -> code

  // The code of a remembered name, also spelled slightly differently
  // (transliterations: "Dirichati"/"Dilishati"): same first letter, at most
  // two edits for names of six letters or more. nullptr if none.
  const std::string* Find(const std::string& name) const {
    auto it = names.find(name);
    if (it != names.end()) return &it->second;
    if (name.size() < 6) return nullptr;
    for (const auto& [known, code] : names)
      if (known.size() >= 6 && known[0] == name[0] &&
          EditDistance(known, name) <= 2)
        return &code;
    return nullptr;
  }
  static size_t EditDistance(std::string_view a, std::string_view b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
      size_t diag = row[0];
      row[0] = i;
      for (size_t j = 1; j <= b.size(); ++j) {
        size_t up = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                           diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
        diag = up;
      }
    }
    return row[b.size()];
  }
};

// Per-sentence scratch state and the coding rules.
class Coder::Run {
 public:
  Run(const Coder& coder, const Document& doc, const Sentence& s, int32_t date,
      DocMemory* memory = nullptr)
      : d_(*coder.dicts_),
        opt_(coder.options_),
        doc_(doc),
        s_(s),
        date_(date),
        memory_(memory) {
    n_ = s.size();
    upper_.resize(n_);
    ids_.resize(n_);
    head_.assign(n_, -1);
    kids_.assign(n_, {});
    rel_.resize(n_);
    verb_tag_.resize(n_);
    for (size_t i = 0; i < n_; ++i) {
      const Token& t = doc.tokens[s.token_begin + i];
      upper_[i] = dict::Upper(t.norm.empty() ? doc.TokenText(t) : t.norm);
      ids_[i] = d_.words.Find(upper_[i]);
      rel_[i] = DecodeRel(t.deprel);
      verb_tag_[i] = StartsWith(t.xpos, "VB");
      if (t.head > 0 && static_cast<size_t>(t.head) <= n_) {
        head_[i] = t.head - 1;
        kids_[t.head - 1].push_back(static_cast<int>(i));
      }
    }
    // A tree with a cycle (a faulty parse) is not walked: coded as flat.
    for (size_t i = 0; i < n_; ++i) {
      size_t steps = 0;
      for (int x = head_[i]; x >= 0 && steps <= n_; x = head_[x]) ++steps;
      if (steps > n_) {
        head_.assign(n_, -1);
        kids_.assign(n_, {});
        break;
      }
    }
    if (opt_.news_conventions) RepairAppositiveSubject();
    present_ = ids_;
    std::sort(present_.begin(), present_.end());
    MaskCommaStretches();
    FindMentions();
  }

  const Token& Tok(size_t i) const { return doc_.tokens[s_.token_begin + i]; }

  // "Dirichati, the head of X, told ..." parsed with the name as the root,
  // the verb hanging on it and the apposition as the verb's subject: the
  // name becomes the verb's subject and the apposition the name's.
  void RepairAppositiveSubject() {
    int root = -1;
    for (size_t i = 0; i < n_; ++i)
      if (head_[i] < 0 && !kids_[i].empty()) root = static_cast<int>(i);
    if (root < 0 || !StartsWith(Xpos(root), "NNP") ||
        static_cast<size_t>(root) + 1 >= n_ || upper_[root + 1] != ",")
      return;
    for (int v : kids_[root]) {
      if (v <= root + 1 || !verb_tag_[v]) continue;
      int subj = -1;
      for (int c : kids_[v])
        if (Rel(c) == R::kNsubj && c > root + 1 && c < v) subj = c;
      if (subj < 0 || upper_[v - 1] != ",") continue;
      auto move = [&](int d, int h, R r) {
        if (head_[d] >= 0) std::erase(kids_[head_[d]], d);
        head_[d] = h;
        rel_[d] = r;
        if (h >= 0) {
          std::vector<int>& k = kids_[h];
          k.insert(std::upper_bound(k.begin(), k.end(), d), d);
        }
      };
      move(v, -1, R::kOther);
      move(root, v, R::kNsubj);
      move(subj, root, R::kAppos);
      return;
    }
  }

  void MaskCommaStretches() {
    masked_.assign(n_, false);
    std::vector<size_t> commas;
    for (size_t i = 0; i < n_; ++i)
      if (upper_[i] == ",") commas.push_back(i);
    if (commas.empty()) return;
    auto words = [&](size_t b, size_t e) {  // word tokens in [b, e)
      int c = 0;
      for (size_t i = b; i < e; ++i)
        if (!std::ispunct(static_cast<unsigned char>(upper_[i][0])) ||
            upper_[i].size() > 1)
          ++c;
      return c;
    };
    auto mask = [&](size_t b, size_t e) {
      // A list ("X, Y and Z") is not a comma clause.
      for (size_t i = b; i < e; ++i)
        if ((Rel(i) == R::kConj || Rel(i) == R::kCc) &&
            (head_[i] < static_cast<int>(b) || head_[i] >= static_cast<int>(e)))
          return;
      for (size_t i = b; i < e; ++i) masked_[i] = true;
    };
    // A stretch with its own subject is a main clause, not an aside
    // (initial and internal stretches only: "..., officials said." goes).
    auto has_subject = [&](size_t b, size_t e) {
      for (size_t i = b; i < e; ++i)
        if (Rel(i) == R::kNsubj || Rel(i) == R::kNsubjPass) return true;
      return false;
    };
    if (opt_.comma_bmax > 0) {
      int w = words(0, commas.front());
      if (w >= opt_.comma_bmin && w <= opt_.comma_bmax &&
          !has_subject(0, commas.front()))
        mask(0, commas.front() + 1);
    }
    if (opt_.comma_emax > 0) {
      size_t end = n_;
      while (end > commas.back() + 1 &&
             std::ispunct(static_cast<unsigned char>(upper_[end - 1][0])) &&
             upper_[end - 1].size() == 1)
        --end;
      int w = words(commas.back() + 1, end);
      // Not when it ends the main clause whose subject came before
      // ("X, the old foe of Y, criticized Z.").
      bool main_clause = false;
      for (size_t i = commas.back() + 1; i < n_; ++i) {
        if (head_[i] >= 0) continue;
        for (int c : kids_[i])
          if ((Rel(c) == R::kNsubj || Rel(c) == R::kNsubjPass) &&
              c < static_cast<int>(commas.back()))
            main_clause = true;
      }
      // "Poland, which has built a fence, accused Belarus ...": after an
      // actor and a relative clause, the last stretch is the main clause.
      if (opt_.news_conventions && commas.size() >= 2) {
        bool verb_before = false;
        for (size_t i = 0; i < commas.front(); ++i)
          verb_before = verb_before || verb_tag_[i];
        const std::string& next = upper_[commas.front() + 1];
        if (!verb_before && (next == "WHICH" || next == "WHO" ||
                             next == "WHOSE" || next == "WHERE"))
          main_clause = true;
      }
      if (w >= opt_.comma_emin && w <= opt_.comma_emax && !main_clause)
        mask(commas.back(), n_);
    }
    if (opt_.comma_max > 0) {
      for (size_t k = 0; k + 1 < commas.size(); ++k) {
        int w = words(commas[k] + 1, commas[k + 1]);
        if (w >= opt_.comma_min && w <= opt_.comma_max &&
            !has_subject(commas[k] + 1, commas[k + 1]))
          mask(commas[k], commas[k + 1]);
      }
    }
  }
  R Rel(size_t i) const { return rel_[i]; }
  std::string_view Xpos(size_t i) const { return Tok(i).xpos; }
  bool IsVerb(size_t i) const {
    return !masked_[i] && verb_tag_[i] && Rel(i) != R::kAux &&
           Rel(i) != R::kAuxPass && Rel(i) != R::kCop;
  }
  const std::vector<std::string>& upper() const { return upper_; }

  // --- actors -----------------------------------------------------------

  struct Mention {
    uint32_t b, e;
    std::string code;
    const Agent* agent = nullptr;
  };

  void FindMentions() {
    for (size_t i = 0; i < n_;) {
      if (masked_[i]) {
        ++i;
        continue;
      }
      std::string code;
      size_t la = d_.actors.Match(ids_, i, date_, &code);
      const Agent* ag = nullptr;
      size_t lg = d_.agents.Match(ids_, i, &ag);
      if (la == 0 && lg == 0) {
        ++i;
        continue;
      }
      Mention m;
      m.b = static_cast<uint32_t>(i);
      if (la >= lg) {
        m.e = static_cast<uint32_t>(i + la);
        m.code = code;
      } else {
        m.e = static_cast<uint32_t>(i + lg);
        m.agent = ag;
      }
      i = m.e;
      mentions_.push_back(std::move(m));
    }
  }

  bool InMention(int i) const {
    for (const Mention& m : mentions_)
      if (static_cast<int>(m.b) <= i && i < static_cast<int>(m.e)) return true;
    return false;
  }

  void CoreTokens(int h, int* lo, int* hi) const {
    for (int c : kids_[h]) {
      R r = Rel(c);
      if (r == R::kCompound || r == R::kAmod || r == R::kDet ||
          r == R::kNummod || r == R::kNmodPoss || r == R::kFlat ||
          r == R::kCase || r == R::kCompoundPrt || r == R::kFlat) {
        if (r == R::kCase && c > h) continue;
        *lo = std::min(*lo, c);
        *hi = std::max(*hi, c);
        CoreTokens(c, lo, hi);
      }
    }
  }

  void SubtreeRange(int x, int* lo, int* hi) const {
    *lo = std::min(*lo, x);
    *hi = std::max(*hi, x);
    for (int c : kids_[x]) SubtreeRange(c, lo, hi);
  }

  bool IsPronoun(int i) const {
    std::string_view x = Xpos(i);
    return x == "PRP" || x == "PRP$";
  }

  // Actors of the noun phrase headed by h, coordinations distributed.
  // `pronouns`: whether a possessive pronoun inside may stand for its
  // antecedent ("their meeting").
  std::vector<ActorRef> CodeNP(int h, int depth = 0, bool pronouns = true,
                               bool new_actors = true) const {
    std::vector<ActorRef> out;
    if (h < 0 || depth > 6) return out;
    if (IsPronoun(h)) return pronouns ? Antecedent(h, depth + 1) : out;
    int lo = h, hi = h;
    CoreTokens(h, &lo, &hi);
    std::vector<const Mention*> actors, agents;
    for (const Mention& m : mentions_) {
      if (static_cast<int>(m.b) < lo || static_cast<int>(m.b) > hi) continue;
      (m.agent ? agents : actors).push_back(&m);
    }
    std::vector<ActorRef> base;
    // One noun phrase, one actor: the first ("Ithilen's minister X"), and
    // those coordinated with it ("X and Y leaders").
    for (const Mention* m : actors) {
      bool take = m == actors[0];
      for (uint32_t t = m->b; t < m->e && !take; ++t)
        if (Rel(t) == R::kConj && head_[t] >= static_cast<int>(actors[0]->b) &&
            head_[t] < static_cast<int>(actors[0]->e))
          take = true;
      if (!take) continue;
      for (const std::string& c : SplitSlash(m->code))
        base.push_back({c, m->b, m->e});
    }
    // Then prepositional phrases, then clauses attached to the noun.
    for (int c : kids_[h]) {
      if (!base.empty()) break;
      if (Rel(c) != R::kNmod) continue;
      // "talks in Kinshasa": where, not who (a role noun keeps its place:
      // "police in Myanmar").
      if (opt_.news_conventions && agents.empty()) {
        int cs = Child(c, R::kCase);
        if (cs >= 0 && (upper_[cs] == "IN" || upper_[cs] == "AT")) continue;
      }
      base = CodeNP(c, depth + 1, pronouns, false);
    }
    for (int c : kids_[h]) {
      if (!base.empty()) break;
      if (Rel(c) != R::kAcl) continue;
      for (int g : kids_[c]) {
        R r = Rel(g);
        if (r == R::kNsubj || r == R::kNsubjPass || r == R::kObj ||
            (r == R::kObl || r == R::kOblAgent)) {
          if (Xpos(g) == "WDT" || Xpos(g) == "WP") continue;
          base = CodeNP(g, depth + 1, false);
          if (!base.empty()) break;
        }
      }
    }
    if (base.empty() && pronouns) {
      for (int i = lo; i <= hi && base.empty(); ++i)
        if (i != h && Xpos(i) == "PRP$") base = Antecedent(i, depth + 1);
    }
    // "Dirichati, the spokesman of X": the apposition names the actor.
    if (base.empty() && agents.empty() && opt_.news_conventions)
      for (int c : kids_[h])
        if (Rel(c) == R::kAppos && base.empty()) {
          base = CodeNP(c, depth + 1, false, false);
          if (memory_ && !base.empty() && !base[0].agent_only &&
              StartsWith(Xpos(h), "NNP"))
            memory_->names.emplace(upper_[h], base[0].code);
          for (ActorRef& a : base) {
            a.begin = std::min<uint32_t>(a.begin, lo);
            a.end = std::max<uint32_t>(a.end, hi + 1);
          }
        }
    // A person's name seen earlier with a code ("Cavusoglu").
    if (base.empty() && agents.empty() && memory_) {
      for (int i = lo; i <= hi && base.empty(); ++i) {
        if (!StartsWith(Xpos(i), "NNP")) continue;
        const std::string* code = memory_->Find(upper_[i]);
        if (code)
          base.push_back({*code, static_cast<uint32_t>(lo),
                          static_cast<uint32_t>(hi + 1)});
      }
    }
    std::string prefix, suffix, last_agent;
    for (const Mention* m : agents) {
      if (m->agent->prefix)
        prefix += m->agent->code;
      else
        suffix += m->agent->code, last_agent = m->agent->code;
    }
    if (!base.empty()) {
      for (ActorRef& a : base) {
        // An agent already in the actor's code is not added again.
        std::string code = a.code;
        std::string stem;
        for (const Mention* m : agents) {
          const std::string& ac = m->agent->code;
          if (code.find(ac) != std::string::npos) continue;
          if (m->agent->prefix)
            code = ac + code;
          else {
            if (m->agent->code == last_agent) stem = code;
            code += ac;
          }
        }
        a.stem = stem.empty() ? a.code : stem;
        a.code = code;
        // Names beside an actor and a role are that person's
        // ("Turkish Foreign Minister Mevlut Cavusoglu").
        if (memory_ && !agents.empty())
          for (int i = lo; i <= hi; ++i)
            if (StartsWith(Xpos(i), "NNP") && !InMention(i))
              memory_->names.emplace(upper_[i], code);
        a.begin = std::min<uint32_t>(a.begin, lo);
        a.end = std::max<uint32_t>(a.end, hi + 1);
        out.push_back(std::move(a));
      }
    } else if (!agents.empty()) {
      ActorRef a{"---" + prefix + suffix, static_cast<uint32_t>(lo),
                 static_cast<uint32_t>(hi + 1)};
      a.agent_only = true;
      a.agent = last_agent.empty() ? prefix : last_agent;
      // "Turkish Foreign Minister Ali Demirtas" with "Turkish" parsed as
      // a stray modifier: an actor mention right before the phrase is its
      // actor.
      const Mention* m = opt_.news_conventions ? StrayActorBefore(lo) : nullptr;
      if (std::string actor = m ? FirstCode(m->code) : ""; !actor.empty()) {
        a.stem = actor;
        a.code = prefix + actor +
                 (actor.find(suffix) == std::string::npos ? suffix : "");
        a.agent_only = false;
        a.begin = m->b;
      }
      out.push_back(std::move(a));
    } else if (opt_.new_actor_length > 0 && new_actors && !IsPronoun(h) &&
               StartsWith(Xpos(h), "NN")) {
      // PETRARCH's new_actor_length: an uncoded noun phrase of a few words
      // is coded by its own text (with its "of" phrases).
      int nlo = lo, nhi = hi;
      for (int c : kids_[h]) {
        if (Rel(c) != R::kNmod) continue;
        int a = c, b = c;
        SubtreeRange(c, &a, &b);
        nlo = std::min(nlo, a);
        nhi = std::max(nhi, b);
      }
      std::string text;
      int words = 0, first_word = nlo;
      for (int i = nlo; i <= nhi; ++i) {
        if (Xpos(i) == "POS" || (Rel(i) == R::kCase && head_[i] == h) ||
            std::ispunct(static_cast<unsigned char>(upper_[i][0])))
          continue;
        if (!text.empty()) text += ' ';
        text += upper_[i];
        if (words++ == 0) first_word = i;
      }
      if (words > 0 && words <= opt_.new_actor_length)
        out.push_back({text, static_cast<uint32_t>(first_word),
                       static_cast<uint32_t>(nhi + 1)});
    }
    std::vector<ActorRef> first = out;
    // Conjuncts of the phrase; with news conventions also those a parse
    // hangs on a word inside the phrase's actor name ("the People's
    // Republic of China and the Republic of Turkey" with the second
    // Republic on "China").
    std::vector<int> conjuncts = kids_[h];
    if (opt_.news_conventions && !actors.empty()) {
      const Mention& m = *actors[0];
      for (uint32_t t = m.b; t < m.e; ++t) {
        if (static_cast<int>(t) == h) continue;
        for (int c : kids_[t])
          if (Rel(c) == R::kConj &&
              (c < static_cast<int>(m.b) || c >= static_cast<int>(m.e)))
            conjuncts.push_back(c);
      }
    }
    for (int c : conjuncts) {
      if (Rel(c) != R::kConj) continue;
      std::vector<ActorRef> more = CodeNP(c, depth + 1, pronouns);
      for (ActorRef& m : more) {
        // "Danish media and government": an agent-only conjunct takes the
        // actor of its sibling.
        if (m.agent_only && !first.empty() && !first[0].agent_only) {
          for (const ActorRef& f : first) {
            ActorRef b = m;
            b.code = f.stem + m.agent;
            b.agent_only = false;
            out.push_back(std::move(b));
          }
          continue;
        }
        out.push_back(std::move(m));
      }
    }
    // An agent-only head conjunct takes the actors of a later sibling:
    // "lawmakers and officials in X" -> X's codes for both.
    if (!first.empty() && first[0].agent_only) {
      std::vector<ActorRef> bases;
      for (const ActorRef& o : out)
        if (!o.agent_only) bases.push_back(o);
      if (!bases.empty()) {
        std::vector<ActorRef> fixed;
        for (const ActorRef& o : out) {
          if (!o.agent_only) {
            fixed.push_back(o);
            continue;
          }
          for (const ActorRef& b : bases) {
            ActorRef x = o;
            x.code = b.stem + o.agent;
            x.agent_only = false;
            fixed.push_back(std::move(x));
          }
        }
        out = std::move(fixed);
      }
    }
    return out;
  }

  // An actor mention (not an agent) that ends right at token `lo` and is
  // no argument of its own ("Turkish" parsed as a modifier of the verb).
  const Mention* StrayActorBefore(int lo) const {
    for (const Mention& m : mentions_) {
      if (m.agent || static_cast<int>(m.e) != lo || masked_[m.b]) continue;
      const R r = Rel(m.e - 1);
      if (r == R::kNsubj || r == R::kNsubjPass || r == R::kObj ||
          r == R::kIobj || r == R::kObl || r == R::kNmod || r == R::kConj)
        return nullptr;
      return &m;
    }
    return nullptr;
  }

  // The clause (verb) that token i belongs to.
  int ClauseOf(int i) const {
    int x = head_[i];
    while (x >= 0 && !verb_tag_[x] && head_[x] >= 0) x = head_[x];
    return x;
  }

  bool Dominates(int a, int b) const {  // a is b or an ancestor of b
    for (int x = b, guard = 0; x >= 0 && guard < 200; x = head_[x], ++guard)
      if (x == a) return true;
    return false;
  }

  std::vector<ActorRef> Antecedent(int p, int depth) const {
    if (depth > 6) return {};
    for (int v = ClauseOf(p), guard = 0; v >= 0 && guard < 50;
         v = ClauseOf(v), ++guard) {
      int subj = Subject(v);
      if (subj >= 0 && !Dominates(subj, p) && !IsPronoun(subj))
        return CodeNP(subj, depth + 1);
      if (head_[v] < 0) break;
    }
    // "He stressed ...": the actor the previous sentence was about.
    const std::string& w = upper_[p];
    if (memory_ && !memory_->last_subject.empty() &&
        (w == "HE" || w == "SHE" || w == "WE" || w == "THEY" || w == "HIS" ||
         w == "HER" || w == "THEIR" || w == "OUR"))
      return {ActorRef(memory_->last_subject, static_cast<uint32_t>(p),
                       static_cast<uint32_t>(p + 1))};
    return {};
  }

  // --- clauses ----------------------------------------------------------

  int Child(int v, R rel) const {
    for (int c : kids_[v])
      if (Rel(c) == rel) return c;
    return -1;
  }

  bool Passive(int v) const {
    return Child(v, R::kNsubjPass) >= 0 || Child(v, R::kAuxPass) >= 0;
  }

  // The subject of v: its own, or inherited through xcomp/conj.
  int Subject(int v, int guard = 0) const {
    if (v < 0 || guard > 10) return -1;
    int s = Child(v, R::kNsubj);
    if (s < 0) s = Child(v, R::kCsubj);
    if (s >= 0) return s;
    if (Passive(v)) return -1;
    R r = Rel(v);
    if ((r == R::kXcomp || r == R::kConj) && head_[v] >= 0) {
      int h = head_[v];
      int hs = Child(h, R::kNsubj);
      if (hs < 0) hs = Child(h, R::kNsubjPass);
      if (hs >= 0) return hs;
      return Subject(h, guard + 1);
    }
    return -1;
  }

  // Targets of an active verb: objects, then prepositional phrases, then
  // subject-less complement clauses; possessive pronouns only last.
  std::vector<ActorRef> Targets(int v, int depth = 0) const {
    std::vector<ActorRef> t;
    for (bool pronouns : {false, true}) {
      for (R r : {R::kObj, R::kIobj})
        for (int c : kids_[v])
          if (Rel(c) == r && t.empty()) t = CodeNP(c, 0, pronouns);
      // "deployed troops near the Ukrainian border": an agent object
      // without a country gives way to an actor in a phrase.
      bool agents_only = !t.empty() && opt_.news_conventions;
      for (const ActorRef& a : t) agents_only = agents_only && a.agent_only;
      for (int c : kids_[v])
        if ((t.empty() || agents_only) &&
            (Rel(c) == R::kObl || Rel(c) == R::kOblAgent) && !Locative(v, c)) {
          std::vector<ActorRef> o = CodeNP(c, 0, pronouns);
          if (t.empty()) {
            t = o;
          } else if (!o.empty() && !o[0].agent_only) {
            t = o;
            agents_only = false;
          }
        }
      if (!t.empty()) return t;
    }
    if (depth < 3)
      for (int c : kids_[v])
        if (t.empty() && Rel(c) == R::kXcomp && StartsWith(Xpos(c), "VB"))
          t = Targets(c, depth + 1);
    return t;
  }

  // "held talks in Kinshasa": with an object, an in/at phrase is where it
  // happened, not whom it was done to (news conventions only).
  bool Locative(int v, int c) const {
    if (!opt_.news_conventions || Child(v, R::kObj) < 0) return false;
    int cs = Child(c, R::kCase);
    return cs >= 0 && (upper_[cs] == "IN" || upper_[cs] == "AT");
  }

  // Sources and targets of v before patterns.
  void Roles(int v, std::vector<ActorRef>* src,
             std::vector<ActorRef>* tgt) const {
    int subj_pass = Child(v, R::kNsubjPass);
    if (subj_pass >= 0) {
      // The agent phrase, also under an adverb ("opposed earlier by X").
      std::vector<int> cands = kids_[v];
      for (int c : kids_[v])
        if (Xpos(c).substr(0, 2) == "RB")
          for (int g : kids_[c]) cands.push_back(g);
      for (int c : cands) {
        if (Rel(c) == R::kOblAgent) *src = CodeNP(c);
        if (src->empty() && Rel(c) == R::kObl) {
          int cs = Child(c, R::kCase);
          if (cs >= 0 && (upper_[cs] == "BY" || upper_[cs] == "FROM" ||
                          upper_[cs] == "IN"))
            *src = CodeNP(c);
        }
        if (!src->empty()) break;
      }
      if (!src->empty()) {
        *tgt = CodeNP(subj_pass);
        return;
      }
      // No agent: coded as if active, the subject acting (PETRARCH), unless
      // the verb is one that is done to someone ("are detained").
      if (opt_.news_conventions) {
        *tgt = CodeNP(subj_pass);
        return;
      }
      *src = CodeNP(subj_pass);
      *tgt = Targets(v);
      return;
    }
    *src = CodeNP(Subject(v));
    *tgt = Targets(v);
  }

  // --- verbs and patterns -----------------------------------------------

  struct Markers {
    int source_pos = -1, target_pos = -1;  // token positions in the post part
    int source_skip = 0, target_skip = 0;  // '^': noun phrases skipped first
    bool pre_source = false, pre_target = false, compound = false;
    // For a pre-verb marker: the start of what was matched after it (the
    // actor is the nearest one before), -1 if nothing followed.
    int pre_source_end = -1, pre_target_end = -1;
  };

  // The verb forms at token i with the most words (a verb in two blocks
  // gives two); empty if none. Sets the token range.
  std::vector<const VerbForm*> VerbAt(size_t i, size_t* b, size_t* e) const {
    std::vector<const VerbForm*> out;
    if (ids_[i] == dict::kNoWord) return out;
    const std::vector<VerbForm>* forms = d_.verbs.Forms(ids_[i]);
    if (!forms) return out;
    size_t best = 0;
    for (const VerbForm& f : *forms) {
      if (f.before.size() > i || i + 1 + f.after.size() > n_) continue;
      bool ok = true;
      for (size_t k = 0; k < f.before.size() && ok; ++k)
        ok = ids_[i - f.before.size() + k] == f.before[k];
      for (size_t k = 0; k < f.after.size() && ok; ++k)
        ok = ids_[i + 1 + k] == f.after[k];
      size_t len = f.before.size() + f.after.size() + 1;
      if (!ok || len < best) continue;
      if (len > best) out.clear();
      best = len;
      out.push_back(&f);
      *b = i - f.before.size();
      *e = i + 1 + f.after.size();
    }
    return out;
  }

  // The best pattern over all candidate forms: the most specific match;
  // without any match, the last form's own or block code.
  PatternMatch Choose(int v, const std::vector<const VerbForm*>& forms,
                      size_t vb, size_t ve, bool fast, Markers* mk) const {
    PatternMatch best;
    int best_lit = -1;
    Markers best_mk;
    for (const VerbForm* f : forms) {
      Markers m;
      PatternMatch pm = ChoosePattern(v, *f, vb, ve, fast, &m);
      int lit =
          pm.pattern >= 0
              ? d_.verbs.block(pm.block).patterns[pm.pattern].literal_count
              : -1;
      if (best.block < 0 || lit > best_lit || (lit < 0 && best_lit < 0)) {
        best = pm;
        best_lit = lit;
        best_mk = m;
      }
    }
    if (mk) *mk = best_mk;
    return best;
  }

  // Tokens a post-verb pattern may look at: v's subtree after the verb,
  // without conjoined clauses.
  void PostRegion(int v, std::vector<bool>* allowed) const {
    allowed->assign(n_, false);
    std::vector<int> stack{v};
    while (!stack.empty()) {
      int x = stack.back();
      stack.pop_back();
      (*allowed)[x] = true;
      for (int c : kids_[x]) {
        if (x == v && (Rel(c) == R::kConj || Rel(c) == R::kNsubj ||
                       Rel(c) == R::kNsubjPass))
          continue;
        stack.push_back(c);
      }
    }
  }

  // Length of the element's match at q (0: none).
  size_t ElemAt(const PatternElem& el, size_t q) const {
    if (q >= n_) return 0;
    if (el.kind == PatternElem::kWord) return ids_[q] == el.id ? 1 : 0;
    if (el.kind == PatternElem::kSynset) {
      if (fast_ && !d_.verbs.SynsetStartsWith(el.id, ids_[q])) return 0;
      size_t best = 0;
      for (const auto& ph : d_.verbs.synset(el.id)) {
        if (q + ph.size() > n_ || ph.size() <= best) continue;
        if (std::equal(ph.begin(), ph.end(), ids_.begin() + q))
          best = ph.size();
      }
      return best;
    }
    return 0;
  }

  bool Match(const VerbPattern& p, size_t vb, size_t ve,
             const std::vector<bool>& allowed, Markers* mk) const {
    *mk = Markers();
    size_t pos = ve;
    bool need_adjacent = p.verb_linked_post;
    int skips = 0;
    for (const PatternElem& el : p.post) {
      if (el.kind == PatternElem::kSource) {
        mk->source_pos = static_cast<int>(pos);
        mk->source_skip = skips;
        continue;
      }
      if (el.kind == PatternElem::kTarget) {
        mk->target_pos = static_cast<int>(pos);
        mk->target_skip = skips;
        continue;
      }
      if (el.kind == PatternElem::kCompound) {
        mk->compound = true;
        continue;
      }
      if (el.kind == PatternElem::kSkip) {
        ++skips;
        continue;
      }
      skips = 0;
      size_t q = pos, len = 0;
      for (; q < n_; ++q) {
        if (!allowed[q]) {
          if (need_adjacent) return false;
          continue;
        }
        len = ElemAt(el, q);
        if (len || need_adjacent) break;
      }
      if (!len) return false;
      pos = q + len;
      need_adjacent = el.linked;
    }
    size_t end = vb;  // exclusive bound for the pre part, matched backwards
    for (size_t k = p.pre.size(); k-- > 0;) {
      const PatternElem& el = p.pre[k];
      bool matched_after = end < vb;
      if (el.kind == PatternElem::kSource) {
        mk->pre_source = true;
        if (matched_after) mk->pre_source_end = static_cast<int>(end);
        continue;
      }
      if (el.kind == PatternElem::kTarget) {
        mk->pre_target = true;
        if (matched_after) mk->pre_target_end = static_cast<int>(end);
        continue;
      }
      if (el.kind == PatternElem::kCompound) {
        mk->compound = true;
        continue;
      }
      if (el.kind == PatternElem::kSkip) continue;
      bool adjacent = el.linked;
      bool found = false;
      for (size_t q = end; q-- > 0;) {
        size_t len = ElemAt(el, q);
        if (len && q + len <= end && (!adjacent || q + len == end)) {
          end = q;
          found = true;
          break;
        }
        if (adjacent && end - q > 8) break;  // no phrase is that long
      }
      if (!found) return false;
    }
    return true;
  }

  bool MayMatch(const VerbPattern& p) const {
    for (uint32_t w : p.required)
      if (!std::binary_search(present_.begin(), present_.end(), w))
        return false;
    return true;
  }

  PatternMatch ChoosePattern(int v, const VerbForm& f, size_t vb, size_t ve,
                             bool fast, Markers* best_mk) const {
    fast_ = fast;
    PatternMatch out;
    out.block = static_cast<int>(f.block);
    const VerbBlock& blk = d_.verbs.block(f.block);
    std::vector<bool> allowed;
    PostRegion(v, &allowed);
    int best_lit = -1;
    for (size_t k = 0; k < blk.patterns.size(); ++k) {
      const VerbPattern& p = blk.patterns[k];
      if (p.literal_count <= best_lit) continue;
      if (fast && !MayMatch(p)) continue;
      Markers mk;
      if (!Match(p, vb, ve, allowed, &mk)) continue;
      best_lit = p.literal_count;
      out.pattern = static_cast<int>(k);
      out.code = p.code;
      out.code2 = p.code2;
      if (best_mk) *best_mk = mk;
    }
    if (out.pattern < 0) {
      out.code = f.code.empty() ? blk.code : f.code;
      out.code2 = f.code.empty() ? blk.code2 : f.code2;
    }
    return out;
  }

  std::vector<ActorRef> ActorsFrom(int pos, int skip,
                                   const std::vector<bool>& allowed) const {
    // The first coded noun phrase whose head lies at or after pos, after
    // `skip` noun phrases.
    int last_head = -1;
    for (size_t i = pos; i < n_; ++i) {
      if (!allowed[i]) continue;
      std::string_view x = Xpos(i);
      if (!(StartsWith(x, "NN") || x == "PRP")) continue;
      // Use the head of the phrase containing i.
      int h = static_cast<int>(i);
      while (head_[h] >= 0 && (Rel(h) == R::kCompound || Rel(h) == R::kFlat ||
                               Rel(h) == R::kAmod || Rel(h) == R::kNmodPoss))
        h = head_[h];
      if (h == last_head) continue;
      last_head = h;
      if (skip > 0) {
        --skip;
        continue;
      }
      std::vector<ActorRef> a = CodeNP(h);
      if (!a.empty()) return a;
    }
    return {};
  }

  // The nearest coded noun phrase ending before `end`.
  std::vector<ActorRef> ActorsBefore(int end) const {
    for (int i = end - 1; i >= 0; --i) {
      if (masked_[i] || !(StartsWith(Xpos(i), "NN") || Xpos(i) == "PRP"))
        continue;
      int h = i;
      while (head_[h] >= 0 && (Rel(h) == R::kCompound || Rel(h) == R::kFlat ||
                               Rel(h) == R::kAmod || Rel(h) == R::kNmodPoss))
        h = head_[h];
      std::vector<ActorRef> a = CodeNP(h);
      if (!a.empty()) return a;
    }
    return {};
  }

  std::string TextOf(uint32_t b, uint32_t e) const {
    if (b >= e || e > n_) return "";
    const Token& first = Tok(b);
    const Token& last = Tok(e - 1);
    if (last.span.end <= first.span.begin) return "";
    return std::string(doc_.SpanText({first.span.begin, last.span.end}));
  }

  // The event's modality: from its CAMEO category (appeals, intents,
  // demands, accusations, denials), else "hypothetical" under a modal verb.
  std::string Modality(int v, const std::string& code) const {
    if (code.size() >= 3 && code.compare(0, 3, "016") == 0) return "denial";
    if (code.size() >= 2) {
      std::string_view root(code.data(), 2);
      if (root == "02") return "appeal";
      if (root == "03") return "pledge";
      if (root == "10") return "demand";
      if (code.compare(0, 3, "112") == 0) return "accusation";
    }
    for (int k : kids_[v]) {
      if (Rel(k) != R::kAux) continue;
      const std::string& w = upper_[k];
      if (w == "WOULD" || w == "COULD" || w == "MAY" || w == "MIGHT" ||
          w == "SHOULD")
        return "hypothetical";
    }
    return "";
  }

  // --- transformations --------------------------------------------------

  template <typename VerbInfoT>
  bool ApplyTransforms(const VerbInfoT& vi, const std::string& code,
                       const std::vector<ActorRef>& src, size_t first_event,
                       const std::vector<int>& event_verb,
                       std::vector<Event>* events) const {
    const auto& transforms = d_.verbs.transforms();
    if (transforms.empty() || src.empty()) return false;
    bool done = false;
    for (size_t k = first_event; k < events->size(); ++k) {
      int ev = event_verb[k - first_event];
      bool below = false;
      for (int c : kids_[vi.v])
        if ((Rel(c) == R::kCcomp || Rel(c) == R::kXcomp) && Dominates(c, ev))
          below = true;
      if (!below) continue;
      Event& e = (*events)[k];
      for (const VerbTransform& t : transforms) {
        if (t.upper_code.empty() || t.upper_code != code) continue;
        if (t.lower_code != "Q" && t.lower_code != e.cameo) continue;
        const ActorRef& a = src[0];
        std::map<std::string, std::string> var{{t.upper_source, a.code}};
        auto bind = [&](const std::string& v, const std::string& actual,
                        bool absent_ok_if_a) {
          if (v == ".") return true;
          if (v == "_")
            return actual.empty() || (absent_ok_if_a && actual == a.code);
          auto it = var.find(v);
          if (it != var.end()) return it->second == actual;
          var[v] = actual;
          return true;
        };
        if (!bind(t.lower_source, e.source, true)) continue;
        if (!bind(t.lower_target, e.target, false)) continue;
        auto value = [&](const std::string& v) {
          auto it = var.find(v);
          return it == var.end() ? std::string() : it->second;
        };
        std::string out_source = value(t.out_source);
        std::string out_target = value(t.out_target);
        if (out_source == a.code) e.source_text = TextOf(a.begin, a.end);
        if (out_target == a.code) e.target_text = TextOf(a.begin, a.end);
        e.source = out_source;
        e.target = out_target;
        e.cameo = t.out_code == "Q" ? e.cameo : t.out_code;
        e.attribution.clear();
        done = true;
        break;
      }
    }
    return done;
  }

  // --- the sentence -----------------------------------------------------

  struct VerbInfo {
    int v;
    size_t vb, ve;
    PatternMatch pm;
    Markers mk;
  };

  void CodeSentence(uint32_t sentence_index, std::vector<Event>* events) {
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
    auto depth = [&](int x) {
      int d = 0;
      for (int g = 0; x >= 0 && g < 200; x = head_[x], ++g) ++d;
      return d;
    };
    std::stable_sort(verbs.begin(), verbs.end(),
                     [&](const VerbInfo& a, const VerbInfo& b) {
                       return depth(a.v) > depth(b.v);
                     });
    std::vector<int> coded(n_, 0);  // events coded by each verb
    const size_t first_event = events->size();
    std::vector<int> event_verb;  // the verb of each event coded here
    std::string issues = d_.issues.Match(ids_);
    for (const VerbInfo& vi : verbs) {
      const std::string& code = vi.pm.code;
      if (code.empty() || code == "---") continue;
      std::vector<ActorRef> src, tgt;
      Roles(vi.v, &src, &tgt);
      // "We call on X to ... demand that Y ...": a subjectless verb under an
      // appeal or a demand is the appealer's.
      std::string_view vroot(code.data(), std::min<size_t>(2, code.size()));
      if (src.empty() && opt_.news_conventions &&
          (vroot == "02" || vroot == "10" || vroot == "11" || vroot == "12"))
        for (int x = head_[vi.v], g = 0; x >= 0 && g < 20; x = head_[x], ++g) {
          auto up = std::find_if(verbs.begin(), verbs.end(),
                                 [&](const VerbInfo& u) { return u.v == x; });
          if (up != verbs.end() && (up->pm.code.compare(0, 2, "02") == 0 ||
                                    up->pm.code.compare(0, 2, "10") == 0)) {
            src = CodeNP(Subject(x));
            break;
          }
          if (Rel(x) == R::kCcomp) break;
        }
      // A faulty parse may give a finite verb a far subject; the actor
      // right before it ("after China recently ratified") is its subject.
      if (std::string_view x = Xpos(vi.v);
          opt_.news_conventions && (x == "VBD" || x == "VBZ" || x == "VBP")) {
        size_t b = vi.vb;
        while (b > 0 && (Xpos(b - 1) == "RB" || upper_[b - 1] == "ALSO")) --b;
        for (const FlatGroup& g : flat_groups)
          if (g.e == b && !g.actors[0].agent_only) {
            bool same = !src.empty() && src.size() == g.actors.size();
            for (size_t k = 0; same && k < src.size(); ++k)
              same = src[k].code == g.actors[k].code;
            if (!same) {
              src = g.actors;
              // A target that was the old subject's object stays.
              std::erase_if(tgt, [&](const ActorRef& t) {
                for (const ActorRef& a : src)
                  if (a.code == t.code) return true;
                return false;
              });
            }
          }
      }
      std::vector<bool> allowed;
      PostRegion(vi.v, &allowed);
      // Pattern roles: '+' / '$' before the verb name the subject as
      // target / source; after it, the noun phrase at that place.
      if (vi.mk.pre_target || vi.mk.pre_source) {
        int subj = Subject(vi.v);
        if (subj < 0) subj = Child(vi.v, R::kNsubjPass);
        std::vector<ActorRef> s = CodeNP(subj);
        // "+ HOSTING *": the actor right before the matched word.
        int end =
            vi.mk.pre_target ? vi.mk.pre_target_end : vi.mk.pre_source_end;
        if (end >= 0) {
          auto before = ActorsBefore(end);
          if (!before.empty()) s = before;
        }
        if (vi.mk.pre_target) {
          if (!s.empty() && Child(vi.v, R::kNsubjPass) < 0) src.clear();
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
      for (int c : kids_[vi.v]) {
        if (Rel(c) == R::kCcomp || Rel(c) == R::kXcomp) {
          // coded[] counts events of the clause and the clauses below it.
          for (size_t k = 0; k < n_; ++k)
            if (coded[k] && Dominates(c, static_cast<int>(k)))
              child_coded = true;
          if (Rel(c) == R::kCcomp && comp_subject < 0) {
            comp_subject = Subject(c);
            if (comp_subject < 0) comp_subject = Child(c, R::kNsubjPass);
          }
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
           (!child_coded && comp_subject < 0 && Child(vi.v, R::kObj) >= 0)))
        tgt = src;
      if (tgt.empty() && !child_coded && comp_subject >= 0) {
        tgt = CodeNP(comp_subject);
        // "X questioned whether he ... with Y": the subject is X again;
        // the target is inside the clause.
        bool self = !tgt.empty();
        for (const ActorRef& t : tgt)
          for (const ActorRef& a : src)
            if (t.code != a.code) self = false;
        if (self || tgt.empty())
          for (int c : kids_[vi.v])
            if (Rel(c) == R::kCcomp) {
              tgt = Targets(c);
              if (!tgt.empty()) break;
            }
      }
      // "X denied that it had pressured Y": the denied event is not coded;
      // X's denial is, towards that event's target.
      // ("dismissed claims that Y attacked Z": also an event under the
      // object.)
      if (code.compare(0, 3, "016") == 0 && !src.empty() &&
          opt_.news_conventions) {
        bool any = false;
        for (size_t k = first_event; k < events->size(); ++k) {
          int ev = event_verb[k - first_event];
          if (ev == vi.v || !Dominates(vi.v, ev)) continue;
          Event& e = (*events)[k];
          e.source = src[0].code;
          e.source_text = TextOf(src[0].begin, src[0].end);
          e.cameo = code;
          e.modality = "denial";
          e.negated = false;
          e.attribution.clear();
          e.verb_text = TextOf(static_cast<uint32_t>(vi.vb),
                               static_cast<uint32_t>(vi.ve));
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
          for (int c : kids_[vi.v])
            if ((Rel(c) == R::kCcomp || Rel(c) == R::kXcomp) &&
                Dominates(c, ev))
              e.attribution = attribution;
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
          if (ev == vi.v || !Dominates(vi.v, ev) || e.source.empty() ||
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
        e.verb_text =
            TextOf(static_cast<uint32_t>(vi.vb), static_cast<uint32_t>(vi.ve));
        e.source = s ? s->code : "";
        e.target = t ? t->code : "";
        if (s) e.source_text = TextOf(s->begin, s->end);
        if (t) e.target_text = TextOf(t->begin, t->end);
        e.cameo = c;
        e.issues = issues;
        for (int k : kids_[vi.v])
          if (upper_[k] == "NOT" || upper_[k] == "N'T" || upper_[k] == "NEVER")
            e.negated = true;
        e.modality = Modality(vi.v, c);
        // "will lend", "would supply": a promise of help is an intent (03).
        if (opt_.news_conventions && !e.negated && c >= "04" && c < "09") {
          for (int k : kids_[vi.v])
            if (Rel(k) == R::kAux &&
                (upper_[k] == "WILL" || upper_[k] == "WOULD" ||
                 upper_[k] == "'LL")) {
              e.cameo = "030";
              e.modality = "pledge";
            }
        }
        if (e.negated && opt_.news_conventions) {
          // "would not attack": an assurance (03); "did not attack": no
          // event.
          bool future = false;
          for (int k : kids_[vi.v])
            if (Rel(k) == R::kAux &&
                (upper_[k] == "WOULD" || upper_[k] == "WILL" ||
                 upper_[k] == "SHALL" || upper_[k] == "'LL"))
              future = true;
          if (!future) return;
          if (c.compare(0, 2, "03") != 0) e.cameo = "030";
          e.modality = "pledge";
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
          if (root == "08" || root == "09" || root == "14" || root == "17" ||
              group_demand)
            for (const ActorRef& s : src) {
              if (s.agent_only || s.code.size() < 3 ||
                  StartsWith(s.code, "IGO") || StartsWith(s.code, "NGO") ||
                  StartsWith(s.code, "IMG") || StartsWith(s.code, "MNC"))
                continue;
              ActorRef home(s.code.substr(0, 3), s.begin, s.begin);
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
          emit(&s, &t, code);
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
      if (Rel(u) != R::kParataxis || !verb_tag_[u] || head_[u] < 0) continue;
      int subj = Child(static_cast<int>(u), R::kNsubj);
      if (subj < 0) continue;
      int lo = subj, hi = subj;
      SubtreeRange(subj, &lo, &hi);
      std::string who =
          TextOf(static_cast<uint32_t>(lo), static_cast<uint32_t>(hi + 1));
      for (size_t k = first_event; k < events->size(); ++k) {
        int ev = event_verb[k - first_event];
        if ((*events)[k].attribution.empty() && ev != static_cast<int>(u) &&
            Dominates(head_[u], ev) && !Dominates(static_cast<int>(u), ev))
          (*events)[k].attribution = who;
      }
    }
    // "..., according to X": X is the attribution of the sentence's events.
    for (size_t i = 0; i + 2 < n_; ++i) {
      if (upper_[i] != "ACCORDING" || upper_[i + 1] != "TO") continue;
      int obj = head_[i + 1];
      if (obj <= static_cast<int>(i + 1)) obj = static_cast<int>(i + 2);
      int lo = obj, hi = obj;
      SubtreeRange(obj, &lo, &hi);
      lo = std::max(lo, static_cast<int>(i + 2));
      std::string who =
          TextOf(static_cast<uint32_t>(lo), static_cast<uint32_t>(hi + 1));
      for (size_t k = first_event; k < events->size(); ++k)
        if ((*events)[k].attribution.empty()) (*events)[k].attribution = who;
      break;
    }
    // A coded verb takes over its open complement ("abandoned efforts to
    // stop X" is one event, not two).
    std::vector<Event> kept(events->begin(), events->begin() + first_event);
    for (size_t k = first_event; k < events->size(); ++k) {
      int v = event_verb[k - first_event];
      bool absorbed = false;
      for (int x = v; x >= 0 && Rel(x) == R::kXcomp && head_[x] >= 0;) {
        x = head_[x];
        if (coded[x] > 0) absorbed = true;
      }
      if (!absorbed) kept.push_back(std::move((*events)[k]));
    }
    *events = std::move(kept);
    if (events->size() == first_event && opt_.news_conventions)
      FlatCode(sentence_index, events);
  }

  // --- the flat fallback -------------------------------------------------
  // When the tree yields no event (a faulty parse splits "Human Rights
  // Watch" or misses the subject), the sentence is coded from word order:
  // runs of actor and agent mentions are actors, the nearest before a
  // dictionary verb is its source, the first after it its target ("by" after
  // a passive verb swaps them).

  // Words that may join the mentions of one actor ("Ghana's president",
  // "police in Myanmar", "Turkish Foreign Minister Ali Demirtas").
  bool FlatGlue(size_t i) const {
    const std::string& w = upper_[i];
    if (w == "'S" || w == "'" || w == "OF" || w == "THE" || w == "IN" ||
        w == "FROM" || w == "-")
      return true;
    std::string_view x = Xpos(i);
    return x == "NNP" || x == "NNPS" || x == "JJ" || x == "CD";
  }

  // Actor groups: coordinated runs ("X, Y and Z") of composed mentions.
  struct FlatGroup {
    uint32_t b = 0, e = 0;
    std::vector<ActorRef> actors;
  };
  std::vector<FlatGroup> FlatGroups() const {
    std::vector<FlatGroup> groups;
    size_t k = 0;
    bool join_next = false;
    while (k < mentions_.size()) {
      // One actor: mentions separated only by glue words.
      size_t j = k;
      while (j + 1 < mentions_.size()) {
        bool glue = true;
        for (uint32_t t = mentions_[j].e; t < mentions_[j + 1].b && glue; ++t)
          glue = FlatGlue(t);
        if (!glue) break;
        ++j;
      }
      std::string actor, prefix, suffix;
      for (size_t m = k; m <= j; ++m) {
        const Mention& x = mentions_[m];
        if (!x.agent) {
          if (actor.empty()) actor = FirstCode(x.code);
        } else if (x.agent->prefix) {
          if (prefix.find(x.agent->code) == std::string::npos)
            prefix += x.agent->code;
        } else if (suffix.find(x.agent->code) == std::string::npos) {
          suffix += x.agent->code;
        }
      }
      ActorRef a;
      a.begin = mentions_[k].b;
      a.end = mentions_[j].e;
      if (actor.empty()) {
        a.agent_only = true;
        a.code = "---" + prefix + suffix;
      } else {
        if (actor.find(suffix) != std::string::npos) suffix.clear();
        a.code = prefix + actor + suffix;
      }
      if (join_next && !groups.empty()) {
        groups.back().actors.push_back(a);
        groups.back().e = a.end;
      } else {
        groups.push_back({a.begin, a.end, {a}});
      }
      // "X and Y", "X, Y and Z": the next actor joins this group.
      join_next = false;
      if (j + 1 < mentions_.size()) {
        uint32_t t = a.end, next = mentions_[j + 1].b;
        while (t < next &&
               (upper_[t] == "," || upper_[t] == "AND" || upper_[t] == "THE"))
          ++t;
        join_next = t == next && next > a.end;
      }
      k = j + 1;
    }
    return groups;
  }

  void FlatCode(uint32_t sentence_index, std::vector<Event>* events) const {
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
      if (!verb_tag_[i] && !(ve - vb > 1 && vb > 0 && InMention(vb - 1)))
        continue;
      // An open complement ("urged X to release Y") belongs to the coded
      // verb before it.
      if (coded_before && i > 0 && upper_[i - 1] == "TO") continue;
      PatternMatch pm =
          Choose(static_cast<int>(i), forms, vb, ve, true, nullptr);
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
      std::string_view root(pm.code.data(),
                            std::min<size_t>(2, pm.code.size()));
      if (before && !after && before->actors.size() > 1 &&
          (root == "03" || root == "04" || root == "05" || root == "06" ||
           root == "19"))
        after = before;
      // A domestic act with no one named: the actor's own country.
      FlatGroup home;
      if (before && !after &&
          (root == "08" || root == "09" || root == "14" || root == "17")) {
        for (const ActorRef& a : before->actors)
          if (!a.agent_only && a.code.size() >= 3 &&
              !StartsWith(a.code, "IGO") && !StartsWith(a.code, "NGO") &&
              !StartsWith(a.code, "IMG")) {
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
          Event e;
          e.sentence = sentence_index;
          e.span_begin = s_.span.begin;
          e.span_end = s_.span.end;
          e.verb_text =
              TextOf(static_cast<uint32_t>(vb), static_cast<uint32_t>(ve));
          e.source = s.code;
          e.target = t.code;
          e.source_text = TextOf(s.begin, s.end);
          e.target_text = TextOf(t.begin, t.end);
          e.cameo = pm.code;
          e.issues = issues;
          e.modality = Modality(static_cast<int>(i), pm.code);
          events->push_back(std::move(e));
          coded_before = true;
        }
    }
  }

  // Remembers the actor this sentence is about (the main verb's subject).
  void RememberSubject() const {
    if (!memory_) return;
    for (size_t i = 0; i < n_; ++i) {
      if (head_[i] >= 0) continue;
      int subj = Subject(static_cast<int>(i));
      for (const ActorRef& a : CodeNP(subj))
        if (!a.agent_only) {
          memory_->last_subject = a.code;
          return;
        }
      // "Someone Unknown said ...": a later "he" is not the earlier actor.
      if (subj >= 0 && StartsWith(Xpos(subj), "NNP"))
        memory_->last_subject.clear();
    }
  }

  // Actor codes of the noun phrase headed by sentence token h (agents
  // composed, coordinations distributed; agent-only phrases left out).
  std::vector<std::string> CodesOfPhrase(int h) const {
    std::vector<std::string> out;
    for (const ActorRef& a : CodeNP(h))
      if (!a.agent_only) out.push_back(a.code);
    return out;
  }

  PatternMatch MatchVerbAt(size_t i, bool fast) const {
    size_t vb = 0, ve = 0;
    auto forms = VerbAt(i, &vb, &ve);
    if (forms.empty()) return {};
    return Choose(static_cast<int>(i), forms, vb, ve, fast, nullptr);
  }

 private:
  const Dictionaries& d_;
  const CoderOptions& opt_;
  const Document& doc_;
  const Sentence& s_;
  int32_t date_;
  size_t n_ = 0;
  std::vector<std::string> upper_;
  std::vector<uint32_t> ids_;
  std::vector<uint32_t> present_;
  std::vector<int> head_;
  std::vector<std::vector<int>> kids_;
  std::vector<Mention> mentions_;
  std::vector<bool> masked_;
  mutable bool fast_ = true;  // use the indexes (false: reference matcher)
  std::vector<R> rel_;
  std::vector<bool> verb_tag_;
  DocMemory* memory_ = nullptr;  // may be null (no document context)
};

Coder::Coder(std::shared_ptr<const Dictionaries> dicts, CoderOptions options,
             std::shared_ptr<const CameoTable> cameo)
    : dicts_(std::move(dicts)), options_(options), cameo_(std::move(cameo)) {}

Status Coder::Code(Document& doc, CodingOutcome* outcome) const {
  if (outcome) *outcome = CodingOutcome::kCoded;
  int32_t date = dict::DocDate(doc.date);
  bool any_sentence_discard = false;
  std::vector<Event> events;
  DocMemory memory;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    if (s.size() == 0 || s.size() > options_.max_sentence_tokens) continue;
    Run run(*this, doc, s, date, options_.news_conventions ? &memory : nullptr);
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
    run.RememberSubject();
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
  // "deployed troops", "recalled its ambassadors": an agent with no country
  // left is what the actor used or moved, not whom it acted on.
  std::erase_if(events, [&](const Event& e) {
    return options_.news_conventions && e.target.starts_with("---");
  });
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

std::string Coder::CodeNounPhrase(const Document& doc, uint32_t sentence,
                                  uint32_t head) const {
  if (sentence >= doc.sentences.size()) return "";
  const Sentence& s = doc.sentences[sentence];
  if (head < s.token_begin || head >= s.token_end) return "";
  if (s.size() > options_.max_sentence_tokens) return "";
  Run run(*this, doc, s, dict::DocDate(doc.date));
  std::vector<std::string> codes =
      run.CodesOfPhrase(static_cast<int>(head - s.token_begin));
  return codes.empty() ? "" : codes.front();
}

PatternMatch Coder::MatchVerb(const Document& doc, const Sentence& s,
                              size_t verb, bool fast) const {
  Run run(*this, doc, s, dict::DocDate(doc.date));
  return run.MatchVerbAt(verb, fast);
}

namespace {
class CoderComponent : public Component {
 public:
  explicit CoderComponent(std::shared_ptr<const Coder> coder)
      : coder_(std::move(coder)) {}
  std::string_view name() const override { return "events"; }
  uint32_t requires_annotations() const override {
    return kTokens | kTags | kTree;
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
