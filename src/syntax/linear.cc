#include "syntax/linear.h"

#include <algorithm>
#include <cmath>

namespace curlew::syntax {

void LinearModel::BuildTable() {
  starts_.assign(1, 0);
  for (uint8_t c : counts_) starts_.push_back(starts_.back() + c + 1u);
  // Load factor at most 1/2: most lookups are of features the model lacks,
  // and those probe until an empty slot.
  size_t size = 16;
  while (size < keys_.size() * 2) size *= 2;
  table_.assign(size, Slot{});
  mask_ = static_cast<uint32_t>(size - 1);
  entries_.clear();
  dense_.clear();
  for (uint32_t i = 0; i < keys_.size(); ++i) {
    uint32_t slot = keys_[i] & mask_;
    while (table_[slot].key != 0) slot = (slot + 1) & mask_;
    const uint32_t b = starts_[i], e = starts_[i + 1], count = e - b;
    uint32_t ref;
    if (2 * count >= static_cast<uint32_t>(num_classes_) ||
        count > kCountMask) {
      const size_t row = dense_.size() / num_classes_;
      dense_.resize(dense_.size() + num_classes_, 0);
      int16_t* d = dense_.data() + row * num_classes_;
      for (uint32_t k = b; k < e; ++k) d[classes_[k]] = weights_[k];
      ref = static_cast<uint32_t>(row) << kCountBits;
    } else {
      ref = static_cast<uint32_t>(entries_.size()) << kCountBits | count;
      for (uint32_t k = b; k < e; ++k) {
        entries_.push_back(WeightEntry{classes_[k], weights_[k]});
      }
    }
    table_[slot] = Slot{keys_[i], ref};
  }
}

bool LinearModel::Valid() const {
  if (num_classes_ <= 0 || num_classes_ > 256) return false;
  if (counts_.size() != keys_.size() || weights_.size() != classes_.size()) {
    return false;
  }
  size_t total = 0;
  for (uint8_t c : counts_) total += c + 1u;
  if (total != classes_.size()) return false;
  // Offsets must fit the table's 25 bits (BuildTable).
  if (total >= (size_t{1} << (32 - kCountBits))) return false;
  for (size_t i = 1; i < keys_.size(); ++i) {
    if (keys_[i - 1] >= keys_[i]) return false;  // sorted and unique
  }
  if (!keys_.empty() && keys_[0] == 0) return false;  // 0 marks empty slots
  for (uint8_t c : classes_) {
    if (c >= num_classes_) return false;
  }
  return std::isfinite(scale_);
}

void LinearModel::Write(BinaryWriter& w) const {
  w.Put<int32_t>(num_classes_);
  w.Put<float>(scale_);
  w.PutVector(keys_);
  w.PutVector(counts_);
  w.PutVector(classes_);
  w.PutVector(weights_);
}

bool LinearModel::Read(BinaryReader& r) {
  int32_t n = 0;
  if (!r.Get(n) || !r.Get(scale_)) return false;
  num_classes_ = n;
  if (!r.GetVector(keys_) || !r.GetVector(counts_) || !r.GetVector(classes_) ||
      !r.GetVector(weights_) || !Valid()) {
    return false;
  }
  BuildTable();
  return true;
}

void Perceptron::Score(const uint64_t* feats, size_t n, float* scores) const {
  for (size_t i = 0; i < n; ++i) {
    auto it = weights_.find(feats[i]);
    if (it == weights_.end()) continue;
    for (const Entry& e : it->second) scores[e.cls] += e.w;
  }
}

void Perceptron::Add(uint64_t f, int cls, float delta) {
  std::vector<Entry>& row = weights_[f];
  for (Entry& e : row) {
    if (e.cls == cls) {
      e.total += static_cast<double>(now_ - e.stamp) * e.w;
      e.stamp = now_;
      e.w += delta;
      return;
    }
  }
  row.push_back({static_cast<uint8_t>(cls), delta, 0.0, now_});
}

void Perceptron::Update(const uint64_t* feats, size_t n, int truth, int guess,
                        float amount) {
  if (truth == guess) return;
  for (size_t i = 0; i < n; ++i) {
    Add(feats[i], truth, amount);
    Add(feats[i], guess, -amount);
  }
}

LinearModel Perceptron::Freeze(float prune) const {
  LinearModel m;
  m.num_classes_ = num_classes_;
  // Sorted by short key; of two features with the same short key only the
  // first (by full key) is kept.
  std::vector<std::pair<uint32_t, uint64_t>> keys;
  keys.reserve(weights_.size());
  for (const auto& [k, row] : weights_) {
    keys.push_back({LinearModel::ShortKey(k), k});
  }
  std::sort(keys.begin(), keys.end());
  const double now = std::max<int64_t>(now_, 1);
  auto average = [&](const Entry& e) {
    return static_cast<float>((e.total + (now_ - e.stamp) * double(e.w)) / now);
  };
  float max_abs = 0;
  for (const auto& [k, row] : weights_) {
    for (const Entry& e : row)
      max_abs = std::max(max_abs, std::fabs(average(e)));
  }
  if (max_abs == 0) max_abs = 1;
  m.scale_ = max_abs / 32767.0f;
  const float threshold = prune * max_abs;
  std::vector<std::pair<uint8_t, int16_t>> kept;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (i > 0 && keys[i].first == keys[i - 1].first) continue;
    const uint32_t k = keys[i].first;
    const std::vector<Entry>& row = weights_.at(keys[i].second);
    kept.clear();
    float row_max = 0;
    for (const Entry& e : row)
      row_max = std::max(row_max, std::fabs(average(e)));
    if (row_max < threshold) continue;
    for (const Entry& e : row) {
      long q = std::lround(average(e) / m.scale_);
      if (q != 0) kept.push_back({e.cls, static_cast<int16_t>(q)});
    }
    if (kept.empty()) continue;
    std::sort(kept.begin(), kept.end());
    m.keys_.push_back(k);
    for (auto [c, q] : kept) {
      m.classes_.push_back(c);
      m.weights_.push_back(q);
    }
    m.counts_.push_back(static_cast<uint8_t>(kept.size() - 1));
  }
  m.BuildTable();
  return m;
}

float Perceptron::PruneFor(size_t bytes) const {
  const double now = std::max<int64_t>(now_, 1);
  std::vector<std::pair<float, size_t>> rows;  // (max |w|, weights)
  float max_abs = 0;
  for (const auto& [k, row] : weights_) {
    float m = 0;
    for (const Entry& e : row) {
      m = std::max(m, std::fabs(static_cast<float>(
                          (e.total + (now_ - e.stamp) * double(e.w)) / now)));
    }
    rows.push_back({m, row.size()});
    max_abs = std::max(max_abs, m);
  }
  std::sort(rows.begin(), rows.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  size_t used = 64;  // header fields
  for (const auto& [m, n] : rows) {
    used += 5 + 3 * n;  // key, count, then class and weight per entry
    if (used > bytes) return max_abs > 0 ? m / max_abs * 1.0001f : 0.0f;
  }
  return 0.0f;
}

int ArgMax(const float* scores, int n, const bool* valid) {
  int best = -1;
  for (int c = 0; c < n; ++c) {
    if (valid && !valid[c]) continue;
    if (best < 0 || scores[c] > scores[best]) best = c;
  }
  return best;
}

}  // namespace curlew::syntax
