#include "text/chars.h"

#include <array>

namespace curlew::text {

namespace {

constexpr std::array<PunctKind, 128> MakeAsciiTable() {
  std::array<PunctKind, 128> t{};
  for (char c : std::string_view("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")) {
    t[static_cast<unsigned char>(c)] = PunctKind::kOther;
  }
  for (char c : std::string_view("([{<"))
    t[static_cast<unsigned char>(c)] = PunctKind::kOpen;
  for (char c : std::string_view(")]}>"))
    t[static_cast<unsigned char>(c)] = PunctKind::kClose;
  for (char c : std::string_view("\"'`"))
    t[static_cast<unsigned char>(c)] = PunctKind::kQuote;
  for (char c : std::string_view(".!?"))
    t[static_cast<unsigned char>(c)] = PunctKind::kFinal;
  t[static_cast<unsigned char>('-')] = PunctKind::kDash;
  return t;
}

}  // namespace

const std::array<PunctKind, 128> kAsciiPunct = MakeAsciiTable();

const char* TypographicAscii(std::string_view t, size_t i) {
  if (i + 2 >= t.size() || static_cast<unsigned char>(t[i]) != 0xE2 ||
      static_cast<unsigned char>(t[i + 1]) != 0x80) {
    return nullptr;
  }
  const unsigned char x = t[i + 2];
  if (x >= 0x90 && x <= 0x95) return "-";  // hyphens and dashes
  if ((x >= 0x98 && x <= 0x9B) || x == 0xB2) {
    return "'";  // single quotes, apostrophe, prime
  }
  if ((x >= 0x9C && x <= 0x9F) || x == 0xB3) {
    return "\"";  // double quotes, double prime
  }
  return nullptr;
}

Punct NonAsciiPunctAt(std::string_view t, size_t i) {
  const unsigned char c = t[i];
  if (c == 0xC2 && i + 1 < t.size()) {
    switch (static_cast<unsigned char>(t[i + 1])) {
      case 0xAB:
        return {PunctKind::kOpen, 2};  // «
      case 0xBB:
        return {PunctKind::kClose, 2};  // »
      case 0xA1:
        return {PunctKind::kOpen, 2};  // ¡
      case 0xBF:
        return {PunctKind::kOpen, 2};  // ¿
      case 0xB7:
        return {PunctKind::kOther, 2};  // ·
      case 0xA7:
        return {PunctKind::kOther, 2};  // §
      default:
        return {};
    }
  }
  if (const char* a = TypographicAscii(t, i)) {
    const unsigned char x = t[i + 2];
    if (*a == '-') return {PunctKind::kDash, 3};  // ‐ ‑ ‒ – — ―
    if (x == 0x99 || x == 0x9D) return {PunctKind::kClose, 3};  // ’ ”
    if (x == 0xB2 || x == 0xB3) return {PunctKind::kOther, 3};  // ′ ″
    return {PunctKind::kOpen, 3};  // ‘ ‚ ‛ “ „ ‟
  }
  if (c == 0xE2 && i + 2 < t.size() &&
      static_cast<unsigned char>(t[i + 1]) == 0x80) {
    const unsigned char x = t[i + 2];
    if (x == 0xA6) return {PunctKind::kFinal, 3};  // …
    if (x == 0xA2) return {PunctKind::kOther, 3};  // •
  }
  return {};
}

}  // namespace curlew::text
