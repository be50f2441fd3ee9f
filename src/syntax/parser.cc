#include "syntax/parser.h"

#include <algorithm>
#include <limits>

namespace curlew::syntax {
namespace {

constexpr int kShift = 0;
constexpr uint64_t kNone = 0x51;  // hash used for an absent word or tag
constexpr uint64_t kRootHash = 0x52;

// The arc-hybrid configuration.
struct State {
  State() = default;
  explicit State(int n) { Reset(n); }
  // The initial configuration of an n-word sentence (capacity kept).
  void Reset(int words) {
    n = words;
    b = 1;
    head.assign(n + 1, -1);
    rel.assign(n + 1, -1);
    l1.assign(n + 1, -1);
    l2.assign(n + 1, -1);
    r1.assign(n + 1, -1);
    r2.assign(n + 1, -1);
    nl.assign(n + 1, 0);
    nr.assign(n + 1, 0);
    lset.assign(n + 1, 0);
    rset.assign(n + 1, 0);
    stack.clear();
    stack.reserve(n + 1);
    stack.push_back(0);
  }
  int n = 0;
  std::vector<int> stack;
  int b = 1;  // front of the buffer; n + 1 when empty
  std::vector<int> head, rel, l1, l2, r1, r2, nl, nr;
  std::vector<uint64_t> lset, rset;

  bool Terminal() const { return b > n && stack.size() == 1; }
  int S(int k) const {
    return static_cast<int>(stack.size()) > k ? stack[stack.size() - 1 - k]
                                              : -1;
  }
  int B(int k) const { return b + k <= n ? b + k : -1; }
  bool CanShift() const { return b <= n; }
  bool CanLeft() const { return b <= n && stack.size() > 1; }
  bool CanRight() const {
    return stack.size() > 2 || (stack.size() == 2 && b > n);
  }

  void AddArc(int h, int d, int r) {
    head[d] = h;
    rel[d] = r;
    uint64_t bit = 1ull << (r & 63);
    if (d < h) {
      if (l1[h] < 0 || d < l1[h]) {
        l2[h] = l1[h];
        l1[h] = d;
      } else if (l2[h] < 0 || d < l2[h]) {
        l2[h] = d;
      }
      ++nl[h];
      lset[h] |= bit;
    } else {
      if (r1[h] < 0 || d > r1[h]) {
        r2[h] = r1[h];
        r1[h] = d;
      } else if (r2[h] < 0 || d > r2[h]) {
        r2[h] = d;
      }
      ++nr[h];
      rset[h] |= bit;
    }
  }

  // Class: 0 shift, 1..L left-arc(label), L+1..2L right-arc(label).
  void Apply(int cls, int num_labels) {
    if (cls == kShift) {
      stack.push_back(b++);
    } else if (cls <= num_labels) {
      int d = stack.back();
      stack.pop_back();
      AddArc(b, d, cls - 1);
    } else {
      int d = stack.back();
      stack.pop_back();
      AddArc(stack.back(), d, cls - 1 - num_labels);
    }
  }
};

void Valid(const State& s, int num_labels, bool* valid) {
  valid[kShift] = s.CanShift();
  bool left = s.CanLeft(), right = s.CanRight();
  for (int l = 0; l < num_labels; ++l) {
    valid[1 + l] = left;
    valid[1 + num_labels + l] = right;
  }
}

constexpr size_t kMaxFeatures = Parser::kMaxFeatures;

// Feature keys for a configuration, into f[0..kMaxFeatures); returns their
// number.
size_t Features(const State& s, const ParserInput& in, uint64_t* f) {
  uint64_t* const start = f;
  auto w = [&](int i) {
    return i < 0 ? kNone : i == 0 ? kRootHash : in.word[i];
  };
  auto p = [&](int i) {
    return i < 0 ? kNone : i == 0 ? kRootHash : in.tag[i];
  };
  auto wp = [&](int i) { return Mix(w(i) * 31 + p(i)); };
  auto u = [&](int i) {
    return i < 0 ? kNone : i == 0 ? kRootHash : in.upos[i];
  };
  auto x = [&](int i) {
    return i < 0 ? kNone : i == 0 ? kRootHash : in.suffix[i];
  };
  auto l = [&](int i) {
    return i < 0 ? 0ull : static_cast<uint64_t>(s.rel[i] + 1);
  };
  auto at = [](const std::vector<int>& v, int i) { return i < 0 ? -1 : v[i]; };
  const int s0 = s.S(0), s1 = s.S(1), s2 = s.S(2);
  const int b0 = s.B(0), b1 = s.B(1), b2 = s.B(2);
  const int s0l = at(s.l1, s0), s0l2 = at(s.l2, s0), s0r = at(s.r1, s0),
            s0r2 = at(s.r2, s0);
  const int s1l = at(s.l1, s1), s1r = at(s.r1, s1);
  const int b0l = at(s.l1, b0), b0l2 = at(s.l2, b0);
  auto dist = [](int a, int c) -> uint64_t {
    if (a < 0 || c < 0) return 0;
    int d = c - a;
    return static_cast<uint64_t>(d > 5 ? (d > 10 ? 7 : 6) : d);
  };
  const uint64_t d0 = dist(s0, b0 < 0 ? s.n + 1 : b0), d1 = dist(s1, s0);
  auto count = [&](const std::vector<int>& v, int i) -> uint64_t {
    return i < 0 ? 99 : static_cast<uint64_t>(std::min(v[i], 4));
  };
  auto set = [&](const std::vector<uint64_t>& v, int i) -> uint64_t {
    return i < 0 ? 1 : v[i] + 2;
  };
  // Each word's atoms, computed once.
  const uint64_t pb0 = p(b0);
  const uint64_t pb1 = p(b1);
  const uint64_t pb2 = p(b2);
  const uint64_t ps0 = p(s0);
  const uint64_t ps1 = p(s1);
  const uint64_t ps2 = p(s2);
  const uint64_t ub0 = u(b0);
  const uint64_t ub1 = u(b1);
  const uint64_t us0 = u(s0);
  const uint64_t us1 = u(s1);
  const uint64_t wb0 = w(b0);
  const uint64_t wb1 = w(b1);
  const uint64_t wb2 = w(b2);
  const uint64_t ws0 = w(s0);
  const uint64_t ws1 = w(s1);
  const uint64_t ws2 = w(s2);
  const uint64_t wpb0 = wp(b0);
  const uint64_t wpb1 = wp(b1);
  const uint64_t wps0 = wp(s0);
  const uint64_t wps1 = wp(s1);
  const uint64_t xb0 = x(b0);
  const uint64_t xs0 = x(s0);
  uint64_t t = 0;
  auto add1 = [&](uint64_t a) { *f++ = Feat(++t, a); };
  auto add2 = [&](uint64_t a, uint64_t b) { *f++ = Feat(++t, a, b); };
  auto add3 = [&](uint64_t a, uint64_t b, uint64_t c) {
    *f++ = Feat(++t, a, b, c);
  };
  add1(0);  // bias
  // Single words.
  add1(ws0);
  add1(ps0);
  add1(wps0);
  add1(ws1);
  add1(ps1);
  add1(wps1);
  add1(ws2);
  add1(ps2);
  add1(wb0);
  add1(pb0);
  add1(wpb0);
  add1(wb1);
  add1(pb1);
  add1(wpb1);
  add1(wb2);
  add1(pb2);
  // Pairs.
  add2(wps0, wpb0);
  add2(wps0, wb0);
  add2(ws0, wpb0);
  add2(wps0, pb0);
  add2(ps0, wpb0);
  add2(ws0, wb0);
  add2(ps0, pb0);
  add2(pb0, pb1);
  add2(wps1, wps0);
  add2(ws1, ws0);
  add2(ps1, ps0);
  add2(ps1, ws0);
  add2(ws1, ps0);
  add2(ws1, wb0);
  add2(ps1, pb0);
  // Triples of tags.
  add3(pb0, pb1, pb2);
  add3(ps0, pb0, pb1);
  add3(ps1, ps0, pb0);
  add3(ps2, ps1, ps0);
  add3(ps0, p(s0l), pb0);
  add3(ps0, p(s0r), pb0);
  add3(ps0, pb0, p(b0l));
  add3(ps1, p(s1r), ps0);
  add3(ps1, p(s1l), ps0);
  add3(ps1, ps0, p(s0r));
  add3(ps1, ps0, p(s0l));
  add3(ws0, ps1, pb0);
  // Distance.
  add2(ws0, d0);
  add2(ps0, d0);
  add2(wb0, d0);
  add2(pb0, d0);
  add3(ws0, wb0, d0);
  add3(ps0, pb0, d0);
  add3(ps1, ps0, d1);
  add3(ws1, ws0, d1);
  // Valency.
  add2(ws0, count(s.nr, s0));
  add2(ps0, count(s.nr, s0));
  add2(ws0, count(s.nl, s0));
  add2(ps0, count(s.nl, s0));
  add2(wb0, count(s.nl, b0));
  add2(pb0, count(s.nl, b0));
  add2(ps1, count(s.nl, s1));
  add2(ps1, count(s.nr, s1));
  // Children.
  for (int c : {s0l, s0r, s0l2, s0r2, b0l, b0l2, s1l, s1r}) {
    add1(w(c));
    add1(p(c));
    add1(l(c));
  }
  add3(ps0, l(s0l), l(s0l2));
  add3(ps0, l(s0r), l(s0r2));
  add3(pb0, l(b0l), l(b0l2));
  add2(wps0, l(s0r));
  add2(wps0, l(s0l));
  add2(wpb0, l(b0l));
  // Coarse tags and suffixes (for rare words).
  add1(us0);
  add1(ub0);
  add1(us1);
  add1(ub1);
  add2(us0, ub0);
  add2(us1, us0);
  add2(us1, ub0);
  add3(us0, ub0, ub1);
  add3(us1, us0, ub0);
  add2(xs0, ps0);
  add2(xb0, pb0);
  add2(xs0, ub0);
  add2(us0, xb0);
  // Label sets.
  add2(ws0, set(s.lset, s0));
  add2(ps0, set(s.lset, s0));
  add2(ws0, set(s.rset, s0));
  add2(ps0, set(s.rset, s0));
  add2(wb0, set(s.lset, b0));
  add2(pb0, set(s.lset, b0));
  add2(ps1, set(s.rset, s1));
  if (in.features & Parser::kClusters) {
    auto k = [&](int i) -> uint64_t {
      return i < 0 ? 0x7001 : i == 0 ? 0x7002 : in.cluster[i];
    };
    const uint64_t ks0 = k(s0), kb0 = k(b0), ks1 = k(s1), kb1 = k(b1);
    add1(ks0);
    add1(kb0);
    add1(ks1);
    add2(ks0, pb0);
    add2(ps0, kb0);
    add2(ks0, kb0);
    add2(ks1, ks0);
    add3(ks0, kb0, pb1);
    add2(kb0, kb1);
    add3(ks0, ks1, pb0);
    add2(ks0, d0);
    add2(k(s0l), ps0);
    add2(k(s0r), ps0);
    add2(k(b0l), pb0);
  }
  return static_cast<size_t>(f - start);
}

// Dynamic-oracle costs of the three moves (unlabelled), per Goldberg &
// Nivre (2013) for arc-hybrid; -1 for an invalid move.
void MoveCosts(const State& s, const std::vector<int>& gold, int costs[3]) {
  const int s0 = s.S(0), s1 = s.S(1), b0 = s.B(0);
  costs[0] = costs[1] = costs[2] = -1;
  auto deps_in_buffer = [&](int h) {
    int c = 0;
    for (int k = s.b; k <= s.n; ++k) c += gold[k] == h;
    return c;
  };
  auto head_in_buffer = [&](int d, int except) {
    int h = gold[d];
    return h >= s.b && h <= s.n && h != except ? 1 : 0;
  };
  if (s.CanShift()) {
    int c = 0;
    const size_t top = s.stack.size() - 1;
    for (size_t k = 0; k < s.stack.size(); ++k) {
      int x = s.stack[k];
      if (k != top && gold[b0] == x) ++c;
      if (x != 0 && gold[x] == b0) ++c;
    }
    costs[0] = c;
  }
  if (s.CanLeft()) {
    costs[1] =
        (gold[s0] == s1 ? 1 : 0) + head_in_buffer(s0, b0) + deps_in_buffer(s0);
  }
  if (s.CanRight()) {
    costs[2] = head_in_buffer(s0, -1) + deps_in_buffer(s0);
  }
}

// The labelled dynamic-oracle cost of every valid move into cost[] (a
// wrong label costs one more); returns the least.
int LabelledCosts(const State& s, const std::vector<int>& gold_heads,
                  const std::vector<int>& gold_rels, int num_labels,
                  const bool* valid, int* cost) {
  int move[3];
  MoveCosts(s, gold_heads, move);
  const int s0 = s.S(0), s1 = s.S(1), b0 = s.B(0);
  int min_cost = std::numeric_limits<int>::max();
  for (int c = 0; c < 1 + 2 * num_labels; ++c) {
    if (!valid[c]) continue;
    if (c == kShift) {
      cost[c] = move[0];
    } else if (c <= num_labels) {
      cost[c] = move[1] + (gold_heads[s0] == b0 && gold_rels[s0] != c - 1);
    } else {
      cost[c] = move[2] +
                (gold_heads[s0] == s1 && gold_rels[s0] != c - 1 - num_labels);
    }
    min_cost = std::min(min_cost, cost[c]);
  }
  return min_cost;
}

// Per-parse scratch: features, class scores and the valid moves of the
// current configuration.
struct Scratch {
  explicit Scratch(int num_labels) : classes(Parser::NumClasses(num_labels)) {}
  int classes;
  size_t num_feats = 0;
  uint64_t feats[kMaxFeatures];
  bool valid[LinearModel::kMaxClasses];
  float scores[LinearModel::kMaxClasses];

  // Scores every move; with `valid_too`, also marks the valid ones.
  template <typename Scorer>
  void Score(const Scorer& scorer, const State& s, const ParserInput& in,
             int num_labels, bool valid_too = true) {
    num_feats = Features(s, in, feats);
    std::fill(scores, scores + classes, 0.0f);
    scorer.Score(feats, num_feats, scores);
    if (valid_too) Valid(s, num_labels, valid);
  }
};

// The best-scoring valid move (lowest index on ties, as ArgMax). Moves
// come in three groups, each valid or not as a whole: shift, the left
// arcs, the right arcs (`num_labels` classes each but shift), so no
// per-class valid array is needed.
int BestMove(const float* scores, const State& s, int num_labels) {
  int best = -1;
  float top = 0.0f;
  auto consider = [&](int from, int to) {
    for (int c = from; c < to; ++c) {
      if (best < 0 || scores[c] > top) {
        best = c;
        top = scores[c];
      }
    }
  };
  if (s.CanShift()) consider(kShift, kShift + 1);
  if (s.CanLeft()) consider(1, 1 + num_labels);
  if (s.CanRight()) consider(1 + num_labels, 1 + 2 * num_labels);
  return best;
}

// A configuration in the beam: its moves' summed score, and (in training)
// the moves that led to it.
struct Item {
  State state;
  double score = 0;
  bool gold = false;  // training: every move so far was the gold one
  std::vector<int16_t> moves;
};

struct Candidate {
  double score;
  int item;
  int move;
};

// Higher score first; ties by item, then move, so that the order (and the
// parse) never depends on the sort.
bool Before(const Candidate& a, const Candidate& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.item != b.item) return a.item < b.item;
  return a.move < b.move;
}

// Keeps in `out` the `beam` best extensions of the items cur[0..k) by one
// move, best first. A configuration whose only valid move is shifting
// shifts without a score (as in the greedy parse).
template <typename Scorer>
void Expand(const Scorer& scorer, const ParserInput& in, int num_labels,
            int beam, const std::vector<Item>& cur, size_t k, Scratch& x,
            std::vector<Candidate>& out) {
  out.clear();
  for (size_t i = 0; i < k; ++i) {
    const State& s = cur[i].state;
    const int item = static_cast<int>(i);
    if (!s.CanLeft() && !s.CanRight()) {
      out.push_back({cur[i].score, item, kShift});
      continue;
    }
    x.Score(scorer, s, in, num_labels, false);
    auto take = [&](int from, int to) {
      for (int c = from; c < to; ++c) {
        out.push_back({cur[i].score + x.scores[c], item, c});
      }
    };
    if (s.CanShift()) take(kShift, kShift + 1);
    if (s.CanLeft()) take(1, 1 + num_labels);
    if (s.CanRight()) take(1 + num_labels, 1 + 2 * num_labels);
  }
  if (out.size() > static_cast<size_t>(beam)) {
    std::nth_element(out.begin(), out.begin() + beam, out.end(), Before);
    out.resize(beam);
  }
  std::sort(out.begin(), out.end(), Before);
}

// next[j] = cur[c.item] extended by c.move, for each candidate; returns the
// number of items.
size_t Advance(const std::vector<Item>& cur,
               const std::vector<Candidate>& cands, int num_labels,
               bool keep_moves, int gold_move, std::vector<Item>& next) {
  if (next.size() < cands.size()) next.resize(cands.size());
  for (size_t j = 0; j < cands.size(); ++j) {
    const Candidate& c = cands[j];
    const Item& from = cur[c.item];
    Item& to = next[j];
    to.state = from.state;
    to.state.Apply(c.move, num_labels);
    to.score = c.score;
    to.gold = from.gold && c.move == gold_move;
    if (keep_moves) {
      to.moves = from.moves;
      to.moves.push_back(static_cast<int16_t>(c.move));
    }
  }
  return cands.size();
}

// Rewards (amount) each scored move of `moves` from index `from` on, in
// the configurations they are taken from (replayed from the start).
void RewardMoves(Perceptron& p, int num_labels, const ParserInput& in,
                 const std::vector<int16_t>& moves, size_t from, float amount) {
  State s(static_cast<int>(in.word.size()) - 1);
  uint64_t feats[kMaxFeatures];
  for (size_t t = 0; t < moves.size(); ++t) {
    if (t >= from && (s.CanLeft() || s.CanRight())) {
      const size_t n = Features(s, in, feats);
      p.Reward(feats, n, moves[t], amount);
    }
    s.Apply(moves[t], num_labels);
  }
}

}  // namespace

template <typename Scorer>
void Parser::ParseBeamWith(const Scorer& scorer, int num_labels, int beam,
                           const ParserInput& in, std::vector<int>& heads,
                           std::vector<int>& rels) {
  thread_local std::vector<Item> cur, next;
  thread_local std::vector<Candidate> cands;
  if (cur.empty()) cur.resize(1);
  cur[0].state.Reset(static_cast<int>(in.word.size()) - 1);
  cur[0].score = 0;
  size_t k = 1;
  Scratch x(num_labels);
  while (!cur[0].state.Terminal()) {
    Expand(scorer, in, num_labels, beam, cur, k, x, cands);
    k = Advance(cur, cands, num_labels, false, -1, next);
    std::swap(cur, next);
  }
  heads.assign(cur[0].state.head.begin(), cur[0].state.head.end());
  rels.assign(cur[0].state.rel.begin(), cur[0].state.rel.end());
}

template void Parser::ParseBeamWith<LinearModel>(const LinearModel&, int, int,
                                                 const ParserInput&,
                                                 std::vector<int>&,
                                                 std::vector<int>&);

int Parser::TrainBeamSentence(Perceptron& p, int num_labels, int beam,
                              const ParserInput& in,
                              const std::vector<int>& gold_heads,
                              const std::vector<int>& gold_rels) {
  const int n = static_cast<int>(in.word.size()) - 1;
  std::vector<Item> cur(1), next;
  cur[0].state.Reset(n);
  cur[0].gold = true;
  size_t k = 1;
  // The gold sequence, followed outside the beam too.
  State g(n);
  double gold_score = 0;
  std::vector<int16_t> gold_moves;
  Scratch x(num_labels);
  std::vector<int> cost(x.classes);
  std::vector<Candidate> cands;
  double worst = -1;                 // largest violation so far (-1: none)
  std::vector<int16_t> worst_moves;  // the beam's best sequence there
  while (!g.Terminal()) {
    int gm = kShift;
    if (g.CanLeft() || g.CanRight()) {
      x.Score(p, g, in, num_labels);
      const int min_cost = LabelledCosts(g, gold_heads, gold_rels, num_labels,
                                         x.valid, cost.data());
      gm = -1;
      for (int c = 0; c < x.classes; ++c) {
        if (x.valid[c] && cost[c] == min_cost &&
            (gm < 0 || x.scores[c] > x.scores[gm])) {
          gm = c;
        }
      }
      gold_score += x.scores[gm];
    }
    g.Apply(gm, num_labels);
    gold_moves.push_back(static_cast<int16_t>(gm));
    Expand(p, in, num_labels, beam, cur, k, x, cands);
    k = Advance(cur, cands, num_labels, true, gm, next);
    std::swap(cur, next);
    if (!cur[0].gold && cur[0].score - gold_score > worst) {
      worst = cur[0].score - gold_score;
      worst_moves = cur[0].moves;
    }
  }
  int updated = 0;
  if (worst >= 0) {
    // The gold prefix as long as that sequence; the moves both share
    // would cancel out.
    gold_moves.resize(worst_moves.size());
    size_t same = 0;
    while (same < gold_moves.size() && gold_moves[same] == worst_moves[same]) {
      ++same;
    }
    RewardMoves(p, num_labels, in, gold_moves, same, 1.0f);
    RewardMoves(p, num_labels, in, worst_moves, same, -1.0f);
    updated = 1;
  }
  p.Tick();
  return updated;
}

template <typename Scorer>
void Parser::ParseWith(const Scorer& scorer, int num_labels,
                       const ParserInput& in, std::vector<int>& heads,
                       std::vector<int>& rels) {
  thread_local State s;
  s.Reset(static_cast<int>(in.word.size()) - 1);
  Scratch x(num_labels);
  while (!s.Terminal()) {
    // With only the root on the stack, shifting is the one valid move:
    // nothing to score.
    if (!s.CanLeft() && !s.CanRight()) {
      s.Apply(kShift, num_labels);
      continue;
    }
    x.Score(scorer, s, in, num_labels, false);
    s.Apply(BestMove(x.scores, s, num_labels), num_labels);
  }
  heads.assign(s.head.begin(), s.head.end());
  rels.assign(s.rel.begin(), s.rel.end());
}

template void Parser::ParseWith<LinearModel>(const LinearModel&, int,
                                             const ParserInput&,
                                             std::vector<int>&,
                                             std::vector<int>&);

void Parser::Parse(const ParserInput& in, std::vector<int>& heads,
                   std::vector<int>& rels) const {
  if (beam > 1) {
    ParseBeamWith(model, static_cast<int>(labels.size()), beam, in, heads,
                  rels);
    return;
  }
  ParseWith(model, static_cast<int>(labels.size()), in, heads, rels);
}

int Parser::TrainSentence(Perceptron& p, int num_labels, const ParserInput& in,
                          const std::vector<int>& gold_heads,
                          const std::vector<int>& gold_rels, bool explore,
                          std::mt19937_64& rng) {
  State s(static_cast<int>(in.word.size()) - 1);
  Scratch x(num_labels);
  const int classes = x.classes;
  const float* scores = x.scores;
  const bool* valid = x.valid;
  std::vector<int> cost(classes);
  int errors = 0;
  while (!s.Terminal()) {
    x.Score(p, s, in, num_labels);
    const int min_cost =
        LabelledCosts(s, gold_heads, gold_rels, num_labels, valid, cost.data());
    int pred = -1, oracle = -1;
    for (int c = 0; c < classes; ++c) {
      if (!valid[c]) continue;
      if (pred < 0 || scores[c] > scores[pred]) pred = c;
      if (cost[c] == min_cost && (oracle < 0 || scores[c] > scores[oracle])) {
        oracle = c;
      }
    }
    p.Tick();
    if (cost[pred] != min_cost) {
      ++errors;
      p.Update(x.feats, x.num_feats, oracle, pred);
    }
    int next = oracle;
    if (explore && std::uniform_real_distribution<double>(0, 1)(rng) < 0.9) {
      next = pred;
    }
    s.Apply(next, num_labels);
  }
  return errors;
}

void Parser::Write(BinaryWriter& out) const {
  out.Put<uint32_t>(features | static_cast<uint32_t>(beam - 1) << 16);
  out.PutStrings(labels);
  model.Write(out);
}

bool Parser::Read(BinaryReader& in) {
  // Feature groups this parser does not know (from a file of another
  // version) would make it score features it does not compute.
  uint32_t word = 0;
  if (!in.Get(word) || (word >> 24) != 0) return false;
  beam = 1 + static_cast<int>(word >> 16 & 0xff);
  features = word & 0xffff;
  return (features & ~kAllGroups) == 0 && in.GetStrings(labels) &&
         model.Read(in) && !labels.empty() &&
         model.num_classes() == num_classes();
}

}  // namespace curlew::syntax
