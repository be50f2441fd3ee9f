#include "syntax/clusters.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "syntax/binary_io.h"
#include "text/chars.h"

namespace curlew::syntax {
namespace {

double XLogX(int64_t x) {
  return x > 0 ? static_cast<double>(x) * std::log(static_cast<double>(x))
               : 0.0;
}

// Neighbour counts of one word: (word id, bigram count).
using Neighbours = std::vector<std::pair<int, int64_t>>;

}  // namespace

std::vector<std::pair<uint64_t, uint16_t>> InduceClusters(
    const std::vector<std::vector<std::string_view>>& sentences,
    const ClusterOptions& o) {
  const int k = std::max(2, o.classes);
  // Vocabulary by count (then spelling, for a fixed order). Ids 0: the
  // sentence boundary, 1: every word rarer than min_count.
  std::map<std::string, int64_t> counts;
  for (const auto& s : sentences) {
    for (std::string_view w : s) ++counts[text::AsciiLower(w)];
  }
  std::vector<std::pair<int64_t, std::string>> by_count;
  for (const auto& [w, c] : counts) {
    if (c >= o.min_count) by_count.push_back({-c, w});
  }
  std::sort(by_count.begin(), by_count.end());
  std::map<std::string_view, int> id;
  for (size_t i = 0; i < by_count.size(); ++i) {
    id[by_count[i].second] = static_cast<int>(i) + 2;
  }
  const int n = static_cast<int>(by_count.size()) + 2;
  // Bigram counts, both directions, merged per neighbour.
  std::vector<std::map<int, int64_t>> right_map(n), left_map(n);
  std::string low;
  for (const auto& s : sentences) {
    int prev = 0;
    for (size_t i = 0; i <= s.size(); ++i) {
      int cur = 0;
      if (i < s.size()) {
        low = text::AsciiLower(s[i]);
        auto it = id.find(low);
        cur = it == id.end() ? 1 : it->second;
      }
      ++right_map[prev][cur];
      ++left_map[cur][prev];
      prev = cur;
    }
  }
  std::vector<Neighbours> right(n), left(n);
  for (int w = 0; w < n; ++w) {
    right[w].assign(right_map[w].begin(), right_map[w].end());
    left[w].assign(left_map[w].begin(), left_map[w].end());
  }
  // Classes 0..k-1 for words; k for the boundary, k+1 for rare words
  // (fixed).
  const int c_all = k + 2;
  std::vector<int> cls(n);
  cls[0] = k;
  cls[1] = k + 1;
  for (int w = 2; w < n; ++w) cls[w] = (w - 2) % k;
  std::vector<int64_t> big(static_cast<size_t>(c_all) * c_all, 0);
  std::vector<int64_t> out_count(c_all, 0), in_count(c_all, 0);
  auto cell = [&](int a, int b) -> int64_t& {
    return big[static_cast<size_t>(a) * c_all + b];
  };
  for (int w = 0; w < n; ++w) {
    for (auto [v, c] : right[w]) {
      cell(cls[w], cls[v]) += c;
      out_count[cls[w]] += c;
      in_count[cls[v]] += c;
    }
  }
  std::vector<int64_t> r(c_all, 0), l(c_all, 0);
  std::vector<int> nz_r, nz_l;
  for (int iter = 0; iter < o.iterations; ++iter) {
    int moved = 0;
    for (int w = 2; w < n; ++w) {
      // The word's bigrams by the neighbour's class (itself apart).
      int64_t self = 0, total_r = 0, total_l = 0;
      nz_r.clear();
      nz_l.clear();
      for (auto [v, c] : right[w]) {
        total_r += c;
        if (v == w) {
          self += c;
          continue;
        }
        if (r[cls[v]] == 0) nz_r.push_back(cls[v]);
        r[cls[v]] += c;
      }
      for (auto [v, c] : left[w]) {
        total_l += c;
        if (v == w) continue;
        if (l[cls[v]] == 0) nz_l.push_back(cls[v]);
        l[cls[v]] += c;
      }
      // Take it out of its class.
      const int a = cls[w];
      for (int d : nz_r) cell(a, d) -= r[d];
      for (int c : nz_l) cell(c, a) -= l[c];
      cell(a, a) -= self;
      out_count[a] -= total_r;
      in_count[a] -= total_l;
      // The class where it adds most to the likelihood.
      auto gain = [&](int b) {
        double g = 0;
        for (int d : nz_r) {
          if (d == b) continue;
          g += XLogX(cell(b, d) + r[d]) - XLogX(cell(b, d));
        }
        for (int c : nz_l) {
          if (c == b) continue;
          g += XLogX(cell(c, b) + l[c]) - XLogX(cell(c, b));
        }
        g += XLogX(cell(b, b) + r[b] + l[b] + self) - XLogX(cell(b, b));
        g -= XLogX(out_count[b] + total_r) - XLogX(out_count[b]);
        g -= XLogX(in_count[b] + total_l) - XLogX(in_count[b]);
        return g;
      };
      int best = a;
      double best_gain = gain(a);
      for (int b = 0; b < k; ++b) {
        if (b == a) continue;
        const double g = gain(b);
        if (g > best_gain + 1e-9) {
          best = b;
          best_gain = g;
        }
      }
      // Put it there.
      for (int d : nz_r) cell(best, d) += r[d];
      for (int c : nz_l) cell(c, best) += l[c];
      cell(best, best) += self;
      out_count[best] += total_r;
      in_count[best] += total_l;
      moved += best != a;
      cls[w] = best;
      for (int d : nz_r) r[d] = 0;
      for (int c : nz_l) l[c] = 0;
    }
    if (moved == 0) break;
  }
  std::vector<std::pair<uint64_t, uint16_t>> out;
  for (int w = 2; w < n; ++w) {
    out.push_back(
        {Fnv1a(by_count[w - 2].second), static_cast<uint16_t>(cls[w])});
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace curlew::syntax
