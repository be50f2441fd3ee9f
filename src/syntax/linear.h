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

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "syntax/binary_io.h"

namespace curlew::syntax {

class LinearModel {
 public:
  LinearModel() = default;
  int num_classes() const { return num_classes_; }
  size_t num_features() const { return keys_.size(); }
  size_t num_weights() const { return classes_.size(); }

  // Adds the weights of every feature in feats[0..n) to scores[0..classes).
  void Score(const uint64_t* feats, size_t n, float* scores) const {
    for (size_t i = 0; i < n; ++i) {
      uint64_t f = feats[i];
      uint32_t slot = static_cast<uint32_t>(f) & mask_;
      while (true) {
        uint32_t idx = table_[slot];
        if (idx == kEmpty) break;
        if (keys_[idx] == f) {
          for (uint32_t e = starts_[idx]; e < starts_[idx + 1]; ++e) {
            scores[classes_[e]] += scale_ * static_cast<float>(weights_[e]);
          }
          break;
        }
        slot = (slot + 1) & mask_;
      }
    }
  }

  void Write(BinaryWriter& w) const;
  bool Read(BinaryReader& r);  // false on malformed data

 private:
  friend class Perceptron;
  static constexpr uint32_t kEmpty = 0xffffffffu;
  void BuildTable();
  bool Valid() const;

  int num_classes_ = 0;
  float scale_ = 1.0f;
  std::vector<uint64_t> keys_;    // sorted feature keys
  std::vector<uint32_t> starts_;  // keys_.size() + 1 offsets into classes_
  std::vector<uint8_t> classes_;
  std::vector<int16_t> weights_;
  std::vector<uint32_t> table_;   // slot -> index into keys_, or kEmpty
  uint32_t mask_ = 0;
};

class Perceptron {
 public:
  explicit Perceptron(int num_classes) : num_classes_(num_classes) {}
  int num_classes() const { return num_classes_; }

  // Adds current (not averaged) weights of the features to scores.
  void Score(const uint64_t* feats, size_t n, float* scores) const;
  // One training instance seen (advances the averaging clock).
  void Tick() { ++now_; }
  // Moves weights toward `truth` and away from `guess` by `amount`.
  void Update(const uint64_t* feats, size_t n, int truth, int guess,
              float amount = 1.0f);

  // Averaged weights; entries whose quantised value is 0 are dropped, and
  // so are features whose largest |weight| is below `prune` (relative to
  // the largest weight in the model).
  LinearModel Freeze(float prune = 0.0f) const;

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
