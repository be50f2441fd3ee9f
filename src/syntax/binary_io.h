// Little binary writer and bounds-checked reader used by the syntax model
// file format. The reader never reads past its buffer: every Get* returns
// false once the data runs out, so a truncated or corrupted file becomes a
// Status, never a crash.
//
// Arrays are written 64-byte aligned (relative to the start of the data),
// so that a reader over a 64-byte aligned buffer (a mapped file) can hand
// out pointers into it instead of copying: GetView().
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

inline constexpr size_t kArrayAlign = 64;

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
  void PutStrings(const std::vector<std::string>& v) {
    Put<uint32_t>(static_cast<uint32_t>(v.size()));
    for (const std::string& s : v) PutString(s);
  }
  // Element count, zero padding to the next multiple of kArrayAlign, then
  // the elements (read back in place with BinaryReader::GetView).
  template <typename T>
  void PutArray(const T* p, size_t n) {
    static_assert(std::is_trivially_copyable_v<T>);
    Put<uint64_t>(n);
    out_.append((kArrayAlign - out_.size() % kArrayAlign) % kArrayAlign, '\0');
    out_.append(reinterpret_cast<const char*>(p), n * sizeof(T));
  }
  template <typename T>
  void PutArray(const std::vector<T>& v) {
    PutArray(v.data(), v.size());
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
  bool GetStrings(std::vector<std::string>& v) {
    uint32_t n = 0;
    if (!Get(n) || n > data_.size() - pos_) return false;
    v.resize(n);
    for (std::string& s : v) {
      if (!GetString(s)) return false;
    }
    return true;
  }
  // An array written by PutArray, as a pointer into the reader's buffer
  // (no copy). False if it runs past the end or the buffer is not aligned
  // for T.
  template <typename T>
  bool GetView(const T*& p, size_t& n) {
    static_assert(std::is_trivially_copyable_v<T>);
    uint64_t count = 0;
    if (!Get(count)) return false;
    const size_t pad = (kArrayAlign - pos_ % kArrayAlign) % kArrayAlign;
    if (data_.size() - pos_ < pad) return false;
    pos_ += pad;
    if (count > (data_.size() - pos_) / sizeof(T)) return false;
    const char* at = data_.data() + pos_;
    if (reinterpret_cast<uintptr_t>(at) % alignof(T) != 0) return false;
    p = reinterpret_cast<const T*>(at);
    n = static_cast<size_t>(count);
    pos_ += n * sizeof(T);
    return true;
  }
  // An array written by PutArray, copied.
  template <typename T>
  bool GetArray(std::vector<T>& v) {
    const T* p = nullptr;
    size_t n = 0;
    if (!GetView(p, n)) return false;
    v.assign(p, p + n);
    return true;
  }
  bool AtEnd() const { return pos_ == data_.size(); }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

// FNV-1a, 64 bit: the hash of word strings. Streaming: Fnv1a(b, Fnv1a(a))
// == Fnv1a(a + b).
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

// The model file's checksum: four interleaved multiply-xor lanes over 8-byte
// words (a few milliseconds for a 30 MB model, where a byte-at-a-time hash
// takes tens), then the tail bytes.
inline uint64_t Checksum(std::string_view s) {
  uint64_t h[4] = {0x9E3779B97F4A7C15ULL, 0xC2B2AE3D27D4EB4FULL,
                   0x165667B19E3779F9ULL, 0x27D4EB2F165667C5ULL};
  const char* p = s.data();
  size_t n = s.size(), i = 0;
  for (; i + 32 <= n; i += 32) {
    for (int k = 0; k < 4; ++k) {
      uint64_t w;
      std::memcpy(&w, p + i + 8 * k, 8);
      h[k] = (h[k] ^ w) * 0x100000001b3ULL;
      h[k] ^= h[k] >> 29;
    }
  }
  uint64_t out = Mix(h[0]) ^ Mix(h[1] + 1) ^ Mix(h[2] + 2) ^ Mix(h[3] + 3);
  return Fnv1a(s.substr(i), out ^ n);
}

// Feature keys: a template number combined with up to three values, by
// multiply-xor steps and one final Mix (the odd multipliers keep distinct
// inputs distinct). Never 0 (0 marks an empty hash-table slot).
inline uint64_t Feat(uint64_t tmpl, uint64_t a) {
  uint64_t h = Mix(tmpl * 0x9E3779B97F4A7C15ULL + a);
  return h ? h : 1;
}
inline uint64_t Feat(uint64_t tmpl, uint64_t a, uint64_t b) {
  uint64_t h =
      Mix(((tmpl * 0x9E3779B97F4A7C15ULL + a) * 0xC2B2AE3D27D4EB4FULL) ^ b);
  return h ? h : 1;
}
inline uint64_t Feat(uint64_t tmpl, uint64_t a, uint64_t b, uint64_t c) {
  uint64_t h =
      Mix(((((tmpl * 0x9E3779B97F4A7C15ULL + a) * 0xC2B2AE3D27D4EB4FULL) ^ b) *
           0x165667B19E3779F9ULL) +
          c);
  return h ? h : 1;
}

}  // namespace curlew::syntax

#endif  // CURLEW_SYNTAX_BINARY_IO_H_
