#include "syntax/linear.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace curlew::syntax {
namespace {

// Load of the table at most this: with 8-slot buckets, few searches go
// past their home bucket.
constexpr double kMaxLoad = 0.8;

// A tag's low byte: the row's weight count (kCountMask bits) and, in a
// bucket's first slot, kOverflowed: some feature whose home is this bucket
// or an earlier one lies beyond it. Without it, a search for an absent
// feature ends at a full bucket instead of going on to the next.
constexpr uint32_t kCountMask = 0x7f;
constexpr uint32_t kOverflowed = 0x80;
// Count field of a row whose (up to three) weights are in the reference.
constexpr uint32_t kInline = 0x7f;

// What Score() needs, as plain pointers (for the SIMD clones below).
struct Tables {
  const uint32_t* buckets;  // 16 words a bucket: 8 tags, then 8 refs
  const uint16_t* entries;
  const int8_t* dense;
  uint32_t num_buckets;
  int padded;
};

// The slot of bucket `b` whose tag holds `key` (-1: none), and whether
// the bucket has an empty slot (then the search ends here).
inline int FindInBucket(const uint32_t* b, uint32_t key, bool& open) {
#if defined(__x86_64__)
  const __m128i lo = _mm_load_si128(reinterpret_cast<const __m128i*>(b));
  const __m128i hi = _mm_load_si128(reinterpret_cast<const __m128i*>(b + 4));
  const __m128i k = _mm_set1_epi32(static_cast<int>(key));
  const __m128i zero = _mm_setzero_si128();
  const int match =
      _mm_movemask_ps(
          _mm_castsi128_ps(_mm_cmpeq_epi32(_mm_srli_epi32(lo, 8), k))) |
      _mm_movemask_ps(
          _mm_castsi128_ps(_mm_cmpeq_epi32(_mm_srli_epi32(hi, 8), k)))
          << 4;
  const int empty =
      _mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(lo, zero))) |
      _mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(hi, zero))) << 4;
  open = empty != 0;
  return match ? __builtin_ctz(static_cast<unsigned>(match)) : -1;
#else
  open = false;
  for (int s = 0; s < 8; ++s) {
    if ((b[s] >> 8) == key) return s;
    if (b[s] == 0) {
      open = true;
      return -1;
    }
  }
  return -1;
#endif
}

// Dense rows to add: their weights and shifts.
struct DenseRows {
  const int8_t* row[LinearModel::kMaxScored];
  int shift[LinearModel::kMaxScored];
  size_t n = 0;
};

#if defined(__x86_64__)
// Adds the dense rows into acc[0..16*P), keeping the sums in vector
// registers: P vectors of 16 (AVX2) or 2P of 8 (SSE2) 16-bit lanes.
template <int P>
__attribute__((target("avx2"))) void AddDenseAvx2(const DenseRows& d,
                                                  int16_t* acc) {
  __m256i a[P];
  for (int p = 0; p < P; ++p) a[p] = _mm256_setzero_si256();
  for (size_t i = 0; i < d.n; ++i) {
    const __m128i shift = _mm_cvtsi32_si128(d.shift[i]);
    const int8_t* r = d.row[i];
    for (int p = 0; p < P; ++p) {
      const __m256i w = _mm256_cvtepi8_epi16(
          _mm_loadu_si128(reinterpret_cast<const __m128i*>(r + 16 * p)));
      a[p] = _mm256_add_epi16(a[p], _mm256_sll_epi16(w, shift));
    }
  }
  for (int p = 0; p < P; ++p) {
    __m256i* out = reinterpret_cast<__m256i*>(acc + 16 * p);
    _mm256_storeu_si256(out, _mm256_add_epi16(_mm256_loadu_si256(out), a[p]));
  }
}

template <int P>
void AddDenseSse2(const DenseRows& d, int16_t* acc) {
  __m128i a[2 * P];
  for (int p = 0; p < 2 * P; ++p) a[p] = _mm_setzero_si128();
  for (size_t i = 0; i < d.n; ++i) {
    const __m128i shift = _mm_cvtsi32_si128(d.shift[i]);
    const int8_t* r = d.row[i];
    for (int p = 0; p < P; ++p) {
      const __m128i w =
          _mm_loadu_si128(reinterpret_cast<const __m128i*>(r + 16 * p));
      // Sign-extend bytes to 16 bits: each byte into the high half of its
      // lane, then an arithmetic shift right by 8.
      const __m128i lo = _mm_srai_epi16(_mm_unpacklo_epi8(w, w), 8);
      const __m128i hi = _mm_srai_epi16(_mm_unpackhi_epi8(w, w), 8);
      a[2 * p] = _mm_add_epi16(a[2 * p], _mm_sll_epi16(lo, shift));
      a[2 * p + 1] = _mm_add_epi16(a[2 * p + 1], _mm_sll_epi16(hi, shift));
    }
  }
  for (int p = 0; p < 2 * P; ++p) {
    __m128i* out = reinterpret_cast<__m128i*>(acc + 8 * p);
    _mm_storeu_si128(out, _mm_add_epi16(_mm_loadu_si128(out), a[p]));
  }
}

std::atomic<bool> g_baseline_only{false};

template <int P>
void AddDenseFixed(const DenseRows& d, int16_t* acc) {
  static const bool avx2 = __builtin_cpu_supports("avx2");
  if (avx2 && !g_baseline_only.load(std::memory_order_relaxed)) {
    AddDenseAvx2<P>(d, acc);
  } else {
    AddDenseSse2<P>(d, acc);
  }
}

#endif  // __x86_64__

// Rows of up to 128 classes are summed in registers; wider ones (none of
// curlew's models), and everything on other processors, in memory.
void AddDense(const DenseRows& d, size_t padded, int16_t* acc) {
  if (d.n == 0) return;
#if defined(__x86_64__)
  switch (padded / 16) {
    case 1:
      return AddDenseFixed<1>(d, acc);
    case 2:
      return AddDenseFixed<2>(d, acc);
    case 3:
      return AddDenseFixed<3>(d, acc);
    case 4:
      return AddDenseFixed<4>(d, acc);
    case 5:
      return AddDenseFixed<5>(d, acc);
    case 6:
      return AddDenseFixed<6>(d, acc);
    case 7:
      return AddDenseFixed<7>(d, acc);
    case 8:
      return AddDenseFixed<8>(d, acc);
    default:
      break;
  }
#endif
  for (size_t i = 0; i < d.n; ++i) {
    for (size_t c = 0; c < padded; ++c) {
      acc[c] = static_cast<int16_t>(acc[c] + (d.row[i][c] << d.shift[i]));
    }
  }
}

// Sums the rows of feats[0..n) (n <= kMaxScored) into acc[0..padded).
// Three passes over a batch: the first prefetches each feature's home
// bucket, the second finds the feature and prefetches its weights, the
// third adds the sparse rows (dense rows are added together at the end),
// so that the memory accesses of all features overlap instead of queueing.
void ScoreInto(const Tables& t, const uint64_t* feats, size_t n,
               int16_t* __restrict acc) {
  constexpr size_t kBatch = 64;
  const uint32_t* const buckets = t.buckets;
  const uint16_t* const entries = t.entries;
  const int8_t* const dense = t.dense;
  const uint64_t num_buckets = t.num_buckets;
  const size_t padded = static_cast<size_t>(t.padded);
  DenseRows rows;
  uint32_t home[kBatch], key[kBatch], tag[kBatch], ref[kBatch];
  for (size_t base = 0; base < n; base += kBatch) {
    const size_t m = std::min(kBatch, n - base);
    for (size_t i = 0; i < m; ++i) {
      const uint64_t f = feats[base + i];
      home[i] = static_cast<uint32_t>(((f >> 32) * num_buckets) >> 32);
      const uint32_t k = static_cast<uint32_t>(f) >> 8;
      key[i] = k ? k : 1;
      __builtin_prefetch(buckets + size_t{home[i]} * 16);
    }
    size_t hits = 0;
    for (size_t i = 0; i < m; ++i) {
      uint32_t b = home[i];
      while (true) {
        const uint32_t* bucket = buckets + size_t{b} * 16;
        bool open = false;
        const int s = FindInBucket(bucket, key[i], open);
        if (s >= 0) {
          const uint32_t tg = bucket[s], rf = bucket[8 + s];
          if ((tg & kCountMask) == kInline) {
            // Up to three weights in the reference itself.
            const int shift = static_cast<int>(rf >> 24);
            acc[0] = static_cast<int16_t>(
                acc[0] + (static_cast<int8_t>(rf) * (1 << shift)));
            acc[1] = static_cast<int16_t>(
                acc[1] + (static_cast<int8_t>(rf >> 8) * (1 << shift)));
            acc[2] = static_cast<int16_t>(
                acc[2] + (static_cast<int8_t>(rf >> 16) * (1 << shift)));
          } else if ((tg & kCountMask) == 0) {
            const int8_t* row = dense + size_t{rf >> 4} * padded;
            __builtin_prefetch(row);
            if (padded > 64) __builtin_prefetch(row + 64);
            rows.row[rows.n] = row;
            rows.shift[rows.n++] = static_cast<int>(rf & 15);
          } else {
            __builtin_prefetch(entries + (rf >> 4));
            tag[hits] = tg;
            ref[hits++] = rf;
          }
          break;
        }
        if (open || !(bucket[0] & kOverflowed)) break;
        b = b + 1 == num_buckets ? 0 : b + 1;
      }
    }
    for (size_t h = 0; h < hits; ++h) {
      const uint32_t count = tag[h] & kCountMask;
      const int shift = static_cast<int>(ref[h] & 15);
      const uint16_t* e = entries + (ref[h] >> 4);
      for (uint32_t k = 0; k < count; ++k) {
        const int w = static_cast<int8_t>(e[k] >> 8);
        acc[e[k] & 0xff] =
            static_cast<int16_t>(acc[e[k] & 0xff] + (w << shift));
      }
    }
  }
  AddDense(rows, padded, acc);
}

}  // namespace

void UseBaselineSimdForTesting(bool baseline) {
#if defined(__x86_64__)
  g_baseline_only.store(baseline, std::memory_order_relaxed);
#else
  (void)baseline;
#endif
}

LinearModel& LinearModel::operator=(const LinearModel& o) {
  if (this == &o) return *this;
  num_classes_ = o.num_classes_;
  padded_classes_ = o.padded_classes_;
  scale_ = o.scale_;
  max_weight_ = o.max_weight_;
  num_buckets_ = o.num_buckets_;
  num_features_ = o.num_features_;
  num_weights_ = o.num_weights_;
  num_entries_ = o.num_entries_;
  num_dense_ = o.num_dense_;
  own_buckets_ = o.own_buckets_;
  own_entries_ = o.own_entries_;
  own_dense_ = o.own_dense_;
  buckets_ = o.buckets_;
  entries_ = o.entries_;
  dense_ = o.dense_;
  if (!o.own_buckets_.empty()) Rebind();
  return *this;
}

void LinearModel::Rebind() {
  buckets_ = own_buckets_.data();
  entries_ = own_entries_.data();
  dense_ = own_dense_.data();
}

void LinearModel::Score(const uint64_t* feats, size_t n, float* scores) const {
  if (num_buckets_ == 0) return;
  const Tables t{reinterpret_cast<const uint32_t*>(buckets_), entries_, dense_,
                 num_buckets_, padded_classes_};
  alignas(64) int16_t acc[kMaxClasses];
  const size_t block =
      std::min<size_t>(kMaxScored, 32767 / static_cast<size_t>(max_weight_));
  for (size_t base = 0; base < n; base += block) {
    std::fill(acc, acc + padded_classes_, 0);
    ScoreInto(t, feats + base, std::min(block, n - base), acc);
    for (int c = 0; c < num_classes_; ++c) {
      scores[c] += static_cast<float>(acc[c]);
    }
  }
}

LinearModel LinearModel::Build(int num_classes, int max_weight,
                               const std::vector<uint64_t>& keys,
                               const std::vector<uint32_t>& starts,
                               const std::vector<uint8_t>& classes,
                               const std::vector<float>& weights) {
  LinearModel m;
  m.num_classes_ = num_classes;
  m.padded_classes_ = (num_classes + 15) / 16 * 16;
  float max_abs = 0;
  for (float w : weights) max_abs = std::max(max_abs, std::fabs(w));
  if (!(max_abs > 0)) max_abs = 1;
  m.max_weight_ = std::clamp(max_weight, 127, 32767 / 16);
  m.scale_ = max_abs / static_cast<float>(m.max_weight_);
  const size_t n = keys.size();
  m.num_buckets_ = static_cast<uint32_t>(std::max<double>(
      1.0, std::ceil(static_cast<double>(n) / (kSlots * kMaxLoad))));
  m.own_buckets_.assign(m.num_buckets_, Bucket{});
  // Rows with the most weights first: they belong to the most frequent
  // features (a feature gains a weight for each class it was ever updated
  // for), which then get the slots of their home buckets, and the rarely
  // probed ones the overflow into the next bucket.
  std::vector<uint32_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = static_cast<uint32_t>(i);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return starts[a + 1] - starts[a] > starts[b + 1] - starts[b];
  });
  std::vector<std::pair<uint8_t, int>> row;  // (class, quantised weight)
  for (const uint32_t i : order) {
    row.clear();
    int row_max = 0;
    for (uint32_t k = starts[i]; k < starts[i + 1]; ++k) {
      const int q = static_cast<int>(std::lround(weights[k] / m.scale_));
      if (q == 0) continue;
      row.push_back({classes[k], std::clamp(q, -m.max_weight_, m.max_weight_)});
      row_max = std::max(row_max, std::abs(q));
    }
    // Eight bits a weight: rows whose largest weight needs more lose their
    // lowest bits (shift).
    int shift = 0;
    while ((row_max >> shift) > 127) ++shift;
    uint32_t count = 0;
    for (auto& [c, q] : row) {
      q = std::clamp(static_cast<int>(std::lround(q / double(1 << shift))),
                     -127, 127);
      count += q != 0;
    }
    if (count == 0) continue;
    std::sort(row.begin(), row.end());
    uint32_t tag_count, ref;
    if (num_classes <= 3) {
      ref = static_cast<uint32_t>(shift) << 24;
      for (auto [c, q] : row) {
        ref |= static_cast<uint32_t>(static_cast<uint8_t>(q)) << (8 * c);
      }
      tag_count = kInline;
    } else if (count >= kDenseFrom) {
      const size_t r = m.own_dense_.size() / m.padded_classes_;
      m.own_dense_.resize(m.own_dense_.size() + m.padded_classes_, 0);
      int8_t* d = m.own_dense_.data() + r * m.padded_classes_;
      for (auto [c, q] : row) d[c] = static_cast<int8_t>(q);
      tag_count = 0;
      ref = static_cast<uint32_t>(r) << 4 | static_cast<uint32_t>(shift);
    } else {
      const uint32_t offset = static_cast<uint32_t>(m.own_entries_.size());
      for (auto [c, q] : row) {
        if (q == 0) continue;
        m.own_entries_.push_back(static_cast<uint16_t>(
            c | static_cast<uint16_t>(static_cast<uint8_t>(q)) << 8));
      }
      tag_count = count;
      ref = offset << 4 | static_cast<uint32_t>(shift);
    }
    // Insert at the first free slot from the home bucket on, marking each
    // full bucket passed over; a feature whose tag is already there (a
    // 56-bit collision) keeps the first.
    const uint32_t key = m.KeyOf(keys[i]);
    uint32_t b = m.HomeBucket(keys[i]);
    bool placed = false;
    while (!placed) {
      Bucket& bucket = m.own_buckets_[b];
      for (int s = 0; s < kSlots; ++s) {
        if (bucket.tag[s] == 0) {
          bucket.tag[s] = key << 8 | tag_count;
          bucket.ref[s] = ref;
          placed = true;
          ++m.num_features_;
          m.num_weights_ += count;
          break;
        }
        if ((bucket.tag[s] >> 8) == key) {
          placed = true;
          break;
        }
      }
      if (!placed) bucket.tag[0] |= kOverflowed;
      b = b + 1 == m.num_buckets_ ? 0 : b + 1;
    }
  }
  m.num_entries_ = m.own_entries_.size();
  m.num_dense_ = m.own_dense_.size() / m.padded_classes_;
  // Keep the arrays non-null (Read() wants at least one entry).
  if (m.own_entries_.empty()) m.own_entries_.push_back(0);
  m.num_entries_ = m.own_entries_.size();
  m.Rebind();
  return m;
}

void LinearModel::Write(BinaryWriter& w) const {
  w.Put<int32_t>(num_classes_);
  w.Put<float>(scale_);
  w.Put<int32_t>(max_weight_);
  w.Put<uint64_t>(num_features_);
  w.Put<uint64_t>(num_weights_);
  w.PutArray(reinterpret_cast<const uint32_t*>(buckets_),
             size_t{num_buckets_} * 16);
  w.PutArray(entries_, num_entries_);
  w.PutArray(dense_, num_dense_ * padded_classes_);
}

bool LinearModel::Read(BinaryReader& r) {
  *this = LinearModel();
  int32_t classes = 0;
  const uint32_t* buckets = nullptr;
  size_t words = 0, dense = 0;
  if (!r.Get(classes) || !r.Get(scale_) || !r.Get(max_weight_) ||
      !r.Get(num_features_) || !r.Get(num_weights_) ||
      !r.GetView(buckets, words) || !r.GetView(entries_, num_entries_) ||
      !r.GetView(dense_, dense)) {
    return false;
  }
  if (classes <= 0 || classes > kMaxClasses || max_weight_ < 127 ||
      max_weight_ > 32767 / 16 || !std::isfinite(scale_) || words == 0 ||
      words % 16 != 0 || words / 16 > UINT32_MAX) {
    return false;
  }
  num_classes_ = classes;
  padded_classes_ = (classes + 15) / 16 * 16;
  num_buckets_ = static_cast<uint32_t>(words / 16);
  if (dense % padded_classes_ != 0 || num_entries_ == 0) return false;
  num_dense_ = dense / padded_classes_;
  buckets_ = reinterpret_cast<const Bucket*>(buckets);
  // Every reference inside its array, every class a class, and at least one
  // empty slot (a search for an absent feature must end).
  for (size_t i = 0; i < num_entries_; ++i) {
    if ((entries_[i] & 0xff) >= static_cast<uint32_t>(classes)) return false;
  }
  bool any_empty = false;
  uint64_t features = 0;
  for (uint32_t b = 0; b < num_buckets_; ++b) {
    for (int s = 0; s < kSlots; ++s) {
      const uint32_t tag = buckets_[b].tag[s], ref = buckets_[b].ref[s];
      if (tag == 0) {
        any_empty = true;
        continue;
      }
      ++features;
      if (s != 0 && (tag & kOverflowed)) return false;
      const uint32_t count = tag & kCountMask;
      if (count == kInline) {
        if (num_classes_ > 3 || (ref >> 24) > 7) return false;
        continue;
      }
      if ((ref & 15) > 7 || (count == 0 ? (ref >> 4) >= num_dense_
                                        : (ref >> 4) + count > num_entries_)) {
        return false;
      }
    }
  }
  return any_empty && features == num_features_;
}

Perceptron::Row& Perceptron::Rows::At(uint64_t k) {
  if (2 * (size_ + 1) > keys_.size()) {
    // Grow to keep the table at most half full.
    std::vector<uint64_t> old_keys = std::move(keys_);
    std::vector<Row> old_rows = std::move(rows_);
    const size_t cap = std::max<size_t>(1024, 2 * old_keys.size());
    keys_.assign(cap, 0);
    rows_.clear();
    rows_.resize(cap);
    mask_ = cap - 1;
    for (size_t j = 0; j < old_keys.size(); ++j) {
      if (old_keys[j] == 0) continue;
      size_t i = old_keys[j] & mask_;
      while (keys_[i] != 0) i = (i + 1) & mask_;
      keys_[i] = old_keys[j];
      rows_[i] = std::move(old_rows[j]);
    }
  }
  const uint64_t key = k ? k : 1;
  size_t i = key & mask_;
  while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & mask_;
  if (keys_[i] == 0) {
    keys_[i] = key;
    ++size_;
  }
  return rows_[i];
}

void Perceptron::Score(const uint64_t* feats, size_t n, float* scores) const {
  for (size_t i = 0; i < n; ++i) {
    const Row* row = weights_.Find(feats[i]);
    if (!row) continue;
    for (const Weight& e : row->w) scores[e.cls] += e.w;
  }
}

void Perceptron::Add(uint64_t f, int cls, float delta) {
  Row& row = weights_.At(f);
  for (size_t k = 0; k < row.w.size(); ++k) {
    if (row.w[k].cls == cls) {
      Avg& a = row.avg[k];
      a.total += static_cast<double>(now_ - a.stamp) * row.w[k].w;
      a.stamp = now_;
      row.w[k].w += delta;
      return;
    }
  }
  row.w.push_back({static_cast<uint8_t>(cls), delta});
  row.avg.push_back({0.0, now_});
}

void Perceptron::Update(const uint64_t* feats, size_t n, int truth, int guess,
                        float amount) {
  if (truth == guess) return;
  for (size_t i = 0; i < n; ++i) {
    Add(feats[i], truth, amount);
    Add(feats[i], guess, -amount);
  }
}

float Perceptron::Average(const Row& row, size_t k) const {
  const double now = static_cast<double>(std::max<int64_t>(now_, 1));
  const Avg& a = row.avg[k];
  return static_cast<float>(
      (a.total + static_cast<double>(now_ - a.stamp) * row.w[k].w) / now);
}

float Perceptron::MaxAverage(const Row& row) const {
  float m = 0;
  for (size_t k = 0; k < row.w.size(); ++k) {
    m = std::max(m, std::fabs(Average(row, k)));
  }
  return m;
}

LinearModel Perceptron::Freeze(float prune, int max_weight) const {
  // (key, row) sorted by key: the model does not depend on table order.
  std::vector<std::pair<uint64_t, const Row*>> sorted;
  sorted.reserve(weights_.size());
  weights_.ForEach([&](uint64_t k, const Row& row) {
    sorted.push_back({k, &row});
  });
  std::sort(sorted.begin(), sorted.end());
  float max_abs = 0;
  for (const auto& [k, row] : sorted)
    max_abs = std::max(max_abs, MaxAverage(*row));
  const float threshold = prune * max_abs;
  std::vector<uint64_t> keys;
  std::vector<uint32_t> starts(1, 0);
  std::vector<uint8_t> classes;
  std::vector<float> weights;
  std::vector<std::pair<uint8_t, float>> kept;
  for (const auto& [k, row] : sorted) {
    const float row_max = MaxAverage(*row);
    if (row_max < threshold || row_max == 0) continue;
    kept.clear();
    for (size_t j = 0; j < row->w.size(); ++j) {
      kept.push_back({row->w[j].cls, Average(*row, j)});
    }
    std::sort(kept.begin(), kept.end());
    keys.push_back(k);
    for (auto [c, w] : kept) {
      classes.push_back(c);
      weights.push_back(w);
    }
    starts.push_back(static_cast<uint32_t>(classes.size()));
  }
  return LinearModel::Build(num_classes_, max_weight, keys, starts, classes,
                            weights);
}

float Perceptron::PruneFor(size_t bytes) const {
  std::vector<std::pair<float, size_t>> rows;  // (max |w|, weights)
  float max_abs = 0;
  weights_.ForEach([&](uint64_t, const Row& row) {
    const float m = MaxAverage(row);
    rows.push_back({m, row.w.size()});
    max_abs = std::max(max_abs, m);
  });
  std::sort(rows.begin(), rows.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  double used = 256;  // header fields, alignment
  for (const auto& [m, n] : rows) {
    // A slot (8 bytes at load kMaxLoad), then a 2-byte entry per weight
    // or, for a dense row, a byte per class.
    used += 8.0 / kMaxLoad + (n >= LinearModel::kDenseFrom
                                  ? static_cast<double>(num_classes_)
                                  : 2.0 * static_cast<double>(n));
    if (used > static_cast<double>(bytes)) {
      return max_abs > 0 ? m / max_abs * 1.0001f : 0.0f;
    }
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

int ArgMaxWithLead(const float* scores, int n, float& lead) {
  int best = 0;
  float top = scores[0], second = -1e30f;
  for (int c = 1; c < n; ++c) {
    const float v = scores[c];
    if (v > top) {
      second = top;
      top = v;
      best = c;
    } else if (v > second) {
      second = v;
    }
  }
  lead = top - second;
  return best;
}

}  // namespace curlew::syntax
