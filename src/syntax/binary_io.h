// Little binary writer and bounds-checked reader used by the syntax model
// file format. The reader never reads past its buffer: every Get* returns
// false once the data runs out, so a truncated or corrupted file becomes a
// Status, never a crash.
//
// Thread safety: values; one thread each.
#ifndef CURLEW_SYNTAX_BINARY_IO_H_
#define CURLEW_SYNTAX_BINARY_IO_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace curlew::syntax {

class BinaryWriter {
 public:
  template <typename T>
  void Put(T v) {
    static_assert(std::is_trivially_copyable_v<T>);
    const char* p = reinterpret_cast<const char*>(&v);
    out_.append(p, sizeof(T));
  }
  void PutString(std::string_view s) {
    Put<uint32_t>(static_cast<uint32_t>(s.size()));
    out_.append(s);
  }
  template <typename T>
  void PutVector(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    Put<uint64_t>(v.size());
    out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  void PutStrings(const std::vector<std::string>& v) {
    Put<uint32_t>(static_cast<uint32_t>(v.size()));
    for (const std::string& s : v) PutString(s);
  }
  const std::string& data() const { return out_; }

 private:
  std::string out_;
};

class BinaryReader {
 public:
  explicit BinaryReader(std::string_view data) : data_(data) {}
  template <typename T>
  bool Get(T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (data_.size() - pos_ < sizeof(T)) return false;
    std::memcpy(&v, data_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool GetString(std::string& s) {
    uint32_t n = 0;
    if (!Get(n) || data_.size() - pos_ < n) return false;
    s.assign(data_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  template <typename T>
  bool GetVector(std::vector<T>& v) {
    uint64_t n = 0;
    if (!Get(n) || n > (data_.size() - pos_) / sizeof(T)) return false;
    v.resize(n);
    std::memcpy(v.data(), data_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return true;
  }
  bool GetStrings(std::vector<std::string>& v) {
    uint32_t n = 0;
    if (!Get(n) || n > data_.size() - pos_) return false;
    v.resize(n);
    for (std::string& s : v) {
      if (!GetString(s)) return false;
    }
    return true;
  }
  bool AtEnd() const { return pos_ == data_.size(); }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

// FNV-1a, 64 bit: the file checksum and the hash of word strings.
inline uint64_t Fnv1a(std::string_view s, uint64_t h = 0xcbf29ce484222325ULL) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

// splitmix64's finaliser: spreads the bits of a combined feature key.
inline uint64_t Mix(uint64_t h) {
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h;
}

// Feature keys: a template number combined with up to three values. Never 0
// (0 marks an empty hash-table slot).
inline uint64_t Feat(uint64_t tmpl, uint64_t a) {
  uint64_t h = Mix(tmpl * 0x9E3779B97F4A7C15ULL + a);
  return h ? h : 1;
}
inline uint64_t Feat(uint64_t tmpl, uint64_t a, uint64_t b) {
  uint64_t h = Mix(Mix(tmpl * 0x9E3779B97F4A7C15ULL + a) ^ b);
  return h ? h : 1;
}
inline uint64_t Feat(uint64_t tmpl, uint64_t a, uint64_t b, uint64_t c) {
  uint64_t h = Mix(Mix(Mix(tmpl * 0x9E3779B97F4A7C15ULL + a) ^ b) + c);
  return h ? h : 1;
}

}  // namespace curlew::syntax

#endif  // CURLEW_SYNTAX_BINARY_IO_H_
