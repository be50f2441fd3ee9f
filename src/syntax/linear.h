// Sparse linear classifiers over hashed features.
//
// A feature is a 64-bit key (see Feat() in binary_io.h); each feature holds
// weights for the few classes it was ever updated for. Perceptron is the
// averaged perceptron used while training (mutable, one thread); Freeze()
// turns it into a LinearModel: averaged weights, quantised, in a hash table
// laid out exactly as it is stored in the model file, so that a loaded
// model is a view of the mapped file (no copy, no table to build, resident
// size equal to the file's).
//
// Table layout: buckets of one cache line, each holding the tags and
// references of 8 features; a feature lives in its home bucket (from the
// key's high 32 bits) or, if that is full, in the next one with room. The
// rows with the most weights (the most frequent features) are placed
// first, so they sit in their home buckets. A tag is 24 bits of the key
// (the low word's bits 8..31), the feature's weight count (7 bits) and,
// in a bucket's first slot, a flag saying that some feature whose home is
// this bucket or an earlier one lies beyond it: a search for an absent
// feature ends at the first bucket with an empty slot or without the flag.
// The reference points to the weights, signed 8-bit values scaled by
// 2^shift (shift 0 or 1, per row):
//  - a sparse row: `count` (class, weight) pairs of one byte each;
//  - a dense row (count 0 in the tag), for features with weights for many
//    classes: one byte per class, summed with SIMD;
//  - in models of at most three classes (the punctuation attacher), the
//    weights themselves, in the reference (count 127): no second memory
//    access.
// Weights are quantised to at most max_weight() in units of scale(), so
// that the sums of the features of one Score() call (in blocks of
// 32767 / max_weight()) fit 16-bit accumulators: scoring a dense row is a
// handful of vector instructions. Only the ranking of classes matters.
//
// Thread safety: a LinearModel is immutable once built or read; Score() is
// const and keeps its scratch on the stack.
#ifndef CURLEW_SYNTAX_LINEAR_H_
#define CURLEW_SYNTAX_LINEAR_H_

#include <algorithm>
#include <cstdint>
#include <vector>

#include "syntax/binary_io.h"

namespace curlew::syntax {

class LinearModel {
 public:
  // Most classes a model may have (tag classes, parser moves).
  static constexpr int kMaxClasses = 256;
  // Most features summed in one block of 16-bit accumulators.
  static constexpr int kMaxScored = 256;
  // Rows with at least this many weights are stored dense.
  static constexpr uint32_t kDenseFrom = 10;

  LinearModel() = default;
  LinearModel(const LinearModel& other) { *this = other; }
  LinearModel& operator=(const LinearModel& other);

  int num_classes() const { return num_classes_; }
  size_t num_features() const { return num_features_; }
  size_t num_weights() const { return num_weights_; }
  // Bytes of the table and weights (what Write() stores, about).
  size_t bytes() const {
    return num_buckets_ * sizeof(Bucket) + num_entries_ * 2 +
           num_dense_ * padded_classes_;
  }

  // Adds the weights of every feature in feats[0..n) to scores[0..classes),
  // in units of scale().
  void Score(const uint64_t* feats, size_t n, float* scores) const;
  // The quantisation step: scores from Score() are in units of this.
  float scale() const { return scale_; }

  // Builds a model from rows of weights: row i is feature keys[i] with
  // weights[starts[i]..starts[i+1]) for classes[...] (weights quantised
  // again so that the largest is `max_weight`; weights that round to 0 are
  // dropped). `keys` sorted and unique. Scoring sums 32767 / max_weight
  // features at a time (at most kMaxScored): the precision of the weights
  // against the number of features a model scores at once.
  static LinearModel Build(int num_classes, int max_weight,
                           const std::vector<uint64_t>& keys,
                           const std::vector<uint32_t>& starts,
                           const std::vector<uint8_t>& classes,
                           const std::vector<float>& weights);
  int max_weight() const { return max_weight_; }

  void Write(BinaryWriter& w) const;
  // Reads a model written by Write(), pointing into the reader's buffer,
  // which must outlive the model. False on malformed data (every reference
  // and class is checked, so Score() stays inside the arrays).
  bool Read(BinaryReader& r);

 private:
  friend class Perceptron;
  static constexpr int kSlots = 8;
  struct Bucket {
    // key24 << 8 | flag << 7 | count (0: a dense row); 0 marks an empty
    // slot. Slots fill from the front, so the first empty slot ends the
    // search; so does a bucket whose first tag lacks the flag.
    uint32_t tag[kSlots];
    // Sparse: entry offset << 4 | shift. Dense: row number << 4 | shift.
    uint32_t ref[kSlots];
  };
  static_assert(sizeof(Bucket) == 64);

  uint32_t HomeBucket(uint64_t f) const {
    return static_cast<uint32_t>(((f >> 32) * num_buckets_) >> 32);
  }
  uint32_t KeyOf(uint64_t f) const {
    const uint32_t k = static_cast<uint32_t>(f) >> 8;
    return k ? k : 1;
  }
  void Rebind();

  int num_classes_ = 0;
  int padded_classes_ = 0;  // num_classes_ rounded up to 16 (dense rows)
  float scale_ = 1.0f;
  int max_weight_ = 127;
  uint32_t num_buckets_ = 0;
  uint64_t num_features_ = 0, num_weights_ = 0;
  size_t num_entries_ = 0, num_dense_ = 0;
  const Bucket* buckets_ = nullptr;
  const uint16_t* entries_ = nullptr;  // class | weight << 8
  const int8_t* dense_ = nullptr;
  // Owned storage when built in memory (empty when viewing a file).
  std::vector<Bucket> own_buckets_;
  std::vector<uint16_t> own_entries_;
  std::vector<int8_t> own_dense_;
};

class Perceptron {
 public:
  explicit Perceptron(int num_classes) : num_classes_(num_classes) {}
  int num_classes() const { return num_classes_; }

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

  // Averaged weights, quantised to at most `max_weight` (see
  // LinearModel::Build); entries whose quantised value is 0 are dropped,
  // and so are features whose largest |weight| is below `prune` (relative
  // to the largest weight in the model).
  LinearModel Freeze(float prune = 0.0f, int max_weight = 255) const;
  // The smallest `prune` for Freeze() whose model takes at most `bytes` in
  // the file (features are dropped weakest first).
  float PruneFor(size_t bytes) const;

 private:
  // A feature's weights: what scoring reads (class, current weight), and
  // apart from it the averaging state of each weight (sum of the weight
  // over time up to `stamp`), so that scoring touches 8 bytes a weight.
  struct Weight {
    uint8_t cls;
    float w;
  };
  struct Avg {
    double total;
    int64_t stamp;
  };
  struct Row {
    std::vector<Weight> w;
    std::vector<Avg> avg;
  };
  // Feature -> its entries, by open addressing over parallel arrays: a
  // lookup is one probe and the row's data, with no node per feature.
  class Rows {
   public:
    const Row* Find(uint64_t k) const {
      if (keys_.empty()) return nullptr;
      const uint64_t key = k ? k : 1;
      for (size_t i = key & mask_;; i = (i + 1) & mask_) {
        if (keys_[i] == key) return &rows_[i];
        if (keys_[i] == 0) return nullptr;
      }
    }
    Row& At(uint64_t k);  // inserts an empty row if absent
    size_t size() const { return size_; }
    // f(key, row) for every row, in table order.
    template <typename F>
    void ForEach(F f) const {
      for (size_t i = 0; i < keys_.size(); ++i) {
        if (keys_[i] != 0) f(keys_[i], rows_[i]);
      }
    }

   private:
    std::vector<uint64_t> keys_;  // 0: empty
    std::vector<Row> rows_;
    size_t size_ = 0, mask_ = 0;
  };
  void Add(uint64_t f, int cls, float delta);
  // The averaged weight k of a row, and the largest |averaged weight|.
  float Average(const Row& row, size_t k) const;
  float MaxAverage(const Row& row) const;

  int num_classes_;
  int64_t now_ = 0;
  Rows weights_;
};

// Score() uses the best vector instructions the processor has (AVX2 or
// the baseline x86-64 SSE2); with `baseline`, only the baseline ones, so
// that tests can check both give the same sums.
void UseBaselineSimdForTesting(bool baseline);

// Index of the highest score among classes with valid[c] (all if null);
// lowest index wins ties, so results are deterministic.
int ArgMax(const float* scores, int n, const bool* valid = nullptr);
// ArgMax() of scores[0..n) (n >= 2) in one pass, with the best score's lead
// over the runner-up in `lead`.
int ArgMaxWithLead(const float* scores, int n, float& lead);

}  // namespace curlew::syntax

#endif  // CURLEW_SYNTAX_LINEAR_H_
