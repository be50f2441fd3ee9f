// UTF-8 validation (RFC 3629): no overlong forms, no surrogates, nothing
// above U+10FFFF. NUL bytes are reported as binary content.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "curlew/text.h"

namespace curlew {

namespace {

constexpr uint64_t kHighBits = 0x8080808080808080ull;
constexpr uint64_t kOnes = 0x0101010101010101ull;

// True if none of the 8 bytes is >= 0x80 or == 0.
inline bool PlainAscii8(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  const bool has_zero = ((w - kOnes) & ~w & kHighBits) != 0;
  return (w & kHighBits) == 0 && !has_zero;
}

Status BadByte(size_t at, const char* what) {
  return Status::Error(ErrorCode::kInvalidUtf8,
                       std::string("invalid UTF-8: ") + what, {},
                       static_cast<int64_t>(at));
}

}  // namespace

Status ValidateUtf8(std::string_view text) {
  const char* s = text.data();
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    if (i + 8 <= n && PlainAscii8(s + i)) {
      i += 8;
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c == 0) {
        return Status::Error(ErrorCode::kBinaryInput,
                             "NUL byte: binary content, not text", {},
                             static_cast<int64_t>(i));
      }
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else if (c >= 0x80 && c <= 0xBF) {
      return BadByte(i, "unexpected continuation byte");
    } else {
      return BadByte(i, "byte that never occurs in UTF-8");
    }
    if (i + len > n) return BadByte(i, "sequence cut off at end of text");
    for (size_t k = 1; k < len; ++k) {
      const unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return BadByte(i, "truncated sequence");
      cp = (cp << 6) | (d & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) {
      return BadByte(i, "overlong encoding");
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) return BadByte(i, "UTF-16 surrogate");
    if (cp > 0x10FFFF) return BadByte(i, "code point above U+10FFFF");
    i += len;
  }
  return Status();
}

}  // namespace curlew
