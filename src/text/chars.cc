#include "text/chars.h"

#include <array>

namespace curlew::text {

namespace {

constexpr std::array<PunctKind, 128> MakeAsciiTable() {
  std::array<PunctKind, 128> t{};
  for (char c : std::string_view("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")) {
    t[static_cast<unsigned char>(c)] = PunctKind::kOther;
  }
  for (char c : std::string_view("([{<")) t[static_cast<unsigned char>(c)] = PunctKind::kOpen;
  for (char c : std::string_view(")]}>")) t[static_cast<unsigned char>(c)] = PunctKind::kClose;
  for (char c : std::string_view("\"'`")) t[static_cast<unsigned char>(c)] = PunctKind::kQuote;
  for (char c : std::string_view(".!?")) t[static_cast<unsigned char>(c)] = PunctKind::kFinal;
  t[static_cast<unsigned char>('-')] = PunctKind::kDash;
  return t;
}

constexpr std::array<PunctKind, 128> kAscii = MakeAsciiTable();

}  // namespace

Punct PunctAt(std::string_view t, size_t i) {
  const unsigned char c = t[i];
  if (c < 0x80) {
    const PunctKind k = kAscii[c];
    return {k, static_cast<uint8_t>(k == PunctKind::kNone ? 0 : 1)};
  }
  if (c == 0xC2 && i + 1 < t.size()) {
    switch (static_cast<unsigned char>(t[i + 1])) {
      case 0xAB: return {PunctKind::kOpen, 2};   // «
      case 0xBB: return {PunctKind::kClose, 2};  // »
      case 0xA1: return {PunctKind::kOpen, 2};   // ¡
      case 0xBF: return {PunctKind::kOpen, 2};   // ¿
      case 0xB7: return {PunctKind::kOther, 2};  // ·
      case 0xA7: return {PunctKind::kOther, 2};  // §
      default: return {};
    }
  }
  if (c == 0xE2 && i + 2 < t.size() &&
      static_cast<unsigned char>(t[i + 1]) == 0x80) {
    switch (static_cast<unsigned char>(t[i + 2])) {
      case 0x90: case 0x91: case 0x92: case 0x93: case 0x94: case 0x95:
        return {PunctKind::kDash, 3};  // ‐ ‑ ‒ – — ―
      case 0x98: case 0x9A: case 0x9B: case 0x9C: case 0x9E: case 0x9F:
        return {PunctKind::kOpen, 3};  // ‘ ‚ ‛ “ „ ‟
      case 0x99: case 0x9D:
        return {PunctKind::kClose, 3};  // ’ ”
      case 0xA6:
        return {PunctKind::kFinal, 3};  // …
      case 0xA2: case 0xB2: case 0xB3:
        return {PunctKind::kOther, 3};  // • ′ ″
      default: return {};
    }
  }
  return {};
}

}  // namespace curlew::text
