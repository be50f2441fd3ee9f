// Sparse linear classifiers over hashed features.
//
// A feature is a 64-bit key (see Feat() in binary_io.h); each feature holds
// weights for the few classes it was ever updated for. Perceptron is the
// averaged perceptron used while training (mutable, one thread); Freeze()
// turns it into a LinearModel: averaged weights quantised to 16 bits in flat
// arrays behind an open-addressing table, immutable and safe to share
// between threads.
#ifndef CURLEW_SYNTAX_LINEAR_H_
#define CURLEW_SYNTAX_LINEAR_H_

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "syntax/binary_io.h"
#include "syntax/huge_pages.h"

namespace curlew::syntax {

class LinearModel {
 public:
  LinearModel() = default;
  int num_classes() const { return num_classes_; }
  // The file keeps 32 bits of each 64-bit feature key (the high half); a
  // feature absent from the model matches a stored one with probability
  // about 2^-32 per lookup.
  static uint32_t ShortKey(uint64_t f) {
    uint32_t k = static_cast<uint32_t>(f >> 32);
    return k ? k : 1;
  }
  size_t num_features() const { return keys_.size(); }
  size_t num_weights() const { return classes_.size(); }

  // Adds the weights of every feature in feats[0..n) to scores[0..classes),
  // in units of scale() (weights are stored quantised; only the ranking of
  // classes is used). Three passes: the first prefetches every feature's table
  // slot and the second its weights, so that the memory accesses of all
  // features overlap instead of queueing; the third sums them.
  void Score(const uint64_t* feats, size_t n, float* scores) const {
    constexpr size_t kBatch = 160;
    uint32_t slots[kBatch];
    int32_t acc[256];  // exact integer sums, added to `scores` at the end
    std::fill(acc, acc + num_classes_, 0);
    for (size_t base = 0; base < n; base += kBatch) {
      const size_t m = std::min(kBatch, n - base);
      for (size_t i = 0; i < m; ++i) {
        slots[i] = ShortKey(feats[base + i]) & mask_;
        __builtin_prefetch(&table_[slots[i]]);
      }
      for (size_t i = 0; i < m; ++i) {
        const uint32_t f = ShortKey(feats[base + i]);
        uint32_t slot = slots[i];
        while (true) {
          const Slot& t = table_[slot];
          if (t.key == f) {
            Prefetch(t);
            slots[i] = slot;
            break;
          }
          if (t.key == 0) {
            slots[i] = kNoSlot;
            break;
          }
          slot = (slot + 1) & mask_;
        }
      }
      for (size_t i = 0; i < m; ++i) {
        if (slots[i] == kNoSlot) continue;
        const uint32_t ref = table_[slots[i]].ref;
        const uint32_t count = ref & kCountMask, at = ref >> kCountBits;
        if (count == 0) {
          const int16_t* d = dense_.data() + size_t{at} * num_classes_;
          for (int c = 0; c < num_classes_; ++c) acc[c] += d[c];
        } else {
          const WeightEntry* e = entries_.data() + at;
          for (uint32_t k = 0; k < count; ++k) acc[e[k].cls] += e[k].w;
        }
      }
    }
    for (int c = 0; c < num_classes_; ++c) {
      scores[c] += static_cast<float>(acc[c]);
    }
  }

  // The quantisation step: scores from Score() are in units of this.
  float scale() const { return scale_; }

  void Write(BinaryWriter& w) const;
  bool Read(BinaryReader& r);  // false on malformed data

 private:
  friend class Perceptron;
  static constexpr uint32_t kNoSlot = 0xffffffffu;
  // A slot of the open-addressing table: the feature's ShortKey() (0:
  // empty) and where its weights are. ref & kCountMask is the number of its
  // (class, weight) entries, starting at entries_[ref >> kCountBits]; 0
  // means a dense row: one weight per class, row ref >> kCountBits of
  // dense_. 8 bytes, so that the table stays small enough for the cache.
  static constexpr uint32_t kCountBits = 7;
  static constexpr uint32_t kCountMask = (1u << kCountBits) - 1;
  struct Slot {
    uint32_t key = 0;
    uint32_t ref = 0;
  };
  struct WeightEntry {
    uint16_t cls;
    int16_t w;
  };
  void BuildTable();
  bool Valid() const;
  // Prefetches every cache line (up to 8) of a feature's weights.
  void Prefetch(const Slot& t) const {
    const uint32_t count = t.ref & kCountMask, at = t.ref >> kCountBits;
    const char *a, *e;
    if (count == 0) {
      a = reinterpret_cast<const char*>(dense_.data() +
                                        size_t{at} * num_classes_);
      e = a + 2 * num_classes_;
    } else {
      a = reinterpret_cast<const char*>(entries_.data() + at);
      e = a + sizeof(WeightEntry) * count;
    }
    for (int k = 0; k < 8 && a < e; ++k, a += 64) __builtin_prefetch(a);
  }

  int num_classes_ = 0;
  float scale_ = 1.0f;
  std::vector<uint32_t> keys_;    // sorted ShortKey()s of the features
  std::vector<uint8_t> counts_;   // per feature: number of weights - 1
  std::vector<uint32_t> starts_;  // keys_.size() + 1 offsets (built)
  std::vector<uint8_t> classes_;
  std::vector<int16_t> weights_;
  // Built at load: open-addressing table and interleaved weights.
  HugeVector<Slot> table_;
  HugeVector<WeightEntry> entries_;
  // Rows of weights, one per class, of the features that have a weight for
  // at least half of the classes (summed without indirection).
  HugeVector<int16_t> dense_;
  uint32_t mask_ = 0;
};

class Perceptron {
 public:
  explicit Perceptron(int num_classes) : num_classes_(num_classes) {}
  int num_classes() const { return num_classes_; }
  // The file keeps 32 bits of each 64-bit feature key (the high half); a
  // feature absent from the model matches a stored one with probability
  // about 2^-32 per lookup.
  static uint32_t ShortKey(uint64_t f) {
    uint32_t k = static_cast<uint32_t>(f >> 32);
    return k ? k : 1;
  }

  // Adds current (not averaged) weights of the features to scores.
  void Score(const uint64_t* feats, size_t n, float* scores) const;
  // Scores are in weight units (LinearModel::scale() for the frozen model).
  float scale() const { return 1.0f; }
  // One training instance seen (advances the averaging clock).
  void Tick() { ++now_; }
  // Adds `amount` to the weight of class `cls` of every feature (for
  // ranking models, where the truth and the guess have different features).
  void Reward(const uint64_t* feats, size_t n, int cls, float amount) {
    for (size_t i = 0; i < n; ++i) Add(feats[i], cls, amount);
  }
  // Moves weights toward `truth` and away from `guess` by `amount`.
  void Update(const uint64_t* feats, size_t n, int truth, int guess,
              float amount = 1.0f);

  // Averaged weights; entries whose quantised value is 0 are dropped, and
  // so are features whose largest |weight| is below `prune` (relative to
  // the largest weight in the model).
  LinearModel Freeze(float prune = 0.0f) const;
  // The smallest `prune` for Freeze() whose model takes at most `bytes` in
  // the file (features are dropped weakest first).
  float PruneFor(size_t bytes) const;

 private:
  struct Entry {
    uint8_t cls;
    float w;
    double total;
    int64_t stamp;
  };
  void Add(uint64_t f, int cls, float delta);

  int num_classes_;
  int64_t now_ = 0;
  std::unordered_map<uint64_t, std::vector<Entry>> weights_;
};

// Index of the highest score among classes with valid[c] (all if null);
// lowest index wins ties, so results are deterministic.
int ArgMax(const float* scores, int n, const bool* valid = nullptr);

}  // namespace curlew::syntax

#endif  // CURLEW_SYNTAX_LINEAR_H_
