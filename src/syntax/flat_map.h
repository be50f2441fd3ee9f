// FlatMap: a read-only hash map from 64-bit keys (word or feature hashes)
// to small values, stored in the model file exactly as it is searched
// (open addressing, linear probing, at most half full), so that a loaded
// map is a view of the mapped file.
//
// Thread safety: immutable once built or read; Find() is const.
#ifndef CURLEW_SYNTAX_FLAT_MAP_H_
#define CURLEW_SYNTAX_FLAT_MAP_H_

#include <cstdint>
#include <utility>
#include <vector>

#include "syntax/binary_io.h"

namespace curlew::syntax {

template <typename V>
class FlatMap {
 public:
  FlatMap() = default;
  FlatMap(const FlatMap& o) { *this = o; }
  FlatMap& operator=(const FlatMap& o) {
    if (this == &o) return *this;
    own_keys_ = o.own_keys_;
    own_values_ = o.own_values_;
    keys_ = o.keys_;
    values_ = o.values_;
    mask_ = o.mask_;
    size_ = o.size_;
    if (!own_keys_.empty()) {
      keys_ = own_keys_.data();
      values_ = own_values_.data();
    }
    return *this;
  }

  // Builds from (key, value) pairs; for a key given twice, the value
  // becomes combine(first, second). The table's layout depends on the
  // order of `items` (give it in a fixed order for a reproducible file).
  template <typename Combine>
  static FlatMap Build(const std::vector<std::pair<uint64_t, V>>& items,
                       Combine combine) {
    FlatMap m;
    size_t cap = 16;
    while (cap < items.size() * 2) cap *= 2;
    m.own_keys_.assign(cap, 0);
    m.own_values_.assign(cap, V{});
    m.mask_ = cap - 1;
    for (const auto& [k, v] : items) {
      const uint64_t key = Stored(k);
      size_t i = Home(key) & m.mask_;
      while (m.own_keys_[i] != 0 && m.own_keys_[i] != key) {
        i = (i + 1) & m.mask_;
      }
      if (m.own_keys_[i] == 0) {
        ++m.size_;
        m.own_keys_[i] = key;
        m.own_values_[i] = v;
      } else {
        m.own_values_[i] = combine(m.own_values_[i], v);
      }
    }
    m.keys_ = m.own_keys_.data();
    m.values_ = m.own_values_.data();
    return m;
  }
  // The same, keeping the first value of a key given twice.
  static FlatMap Build(const std::vector<std::pair<uint64_t, V>>& items) {
    return Build(items, [](const V& first, const V&) { return first; });
  }

  size_t size() const { return size_; }
  // The value of `k`, or null.
  const V* Find(uint64_t k) const {
    if (!keys_) return nullptr;
    const uint64_t key = Stored(k);
    for (size_t i = Home(key) & mask_;; i = (i + 1) & mask_) {
      if (keys_[i] == key) return &values_[i];
      if (keys_[i] == 0) return nullptr;
    }
  }
  // Calls f(key, value) for every entry (in table order).
  template <typename F>
  void ForEach(F f) const {
    for (size_t i = 0; keys_ && i <= mask_; ++i) {
      if (keys_[i] != 0) f(keys_[i], values_[i]);
    }
  }

  void Write(BinaryWriter& w) const {
    w.PutArray(keys_, keys_ ? mask_ + 1 : 0);
    w.PutArray(values_, keys_ ? mask_ + 1 : 0);
  }
  // Views into the reader's buffer. False unless the table is a power of
  // two with at least one empty slot.
  bool Read(BinaryReader& r) {
    *this = FlatMap();
    size_t n = 0, nv = 0;
    if (!r.GetView(keys_, n) || !r.GetView(values_, nv) || n != nv) {
      return false;
    }
    if (n == 0) {
      keys_ = nullptr;
      values_ = nullptr;
      return true;
    }
    if ((n & (n - 1)) != 0) return false;
    mask_ = n - 1;
    for (size_t i = 0; i < n; ++i) size_ += keys_[i] != 0;
    return size_ < n;
  }

 private:
  // 0 marks an empty slot, so a key of 0 is stored as 1 (both sides).
  static uint64_t Stored(uint64_t k) { return k ? k : 1; }
  static uint64_t Home(uint64_t k) { return Mix(k); }

  std::vector<uint64_t> own_keys_;
  std::vector<V> own_values_;
  const uint64_t* keys_ = nullptr;
  const V* values_ = nullptr;
  size_t mask_ = 0, size_ = 0;
};

}  // namespace curlew::syntax

#endif  // CURLEW_SYNTAX_FLAT_MAP_H_
