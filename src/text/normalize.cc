// NormalizeForMatching: NFC (ICU), then typographic punctuation to ASCII.
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <string>
#include <string_view>

#include "curlew/text.h"

namespace curlew {

namespace {

bool IsAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

// The ASCII form of the typographic character starting at s[i] (3 bytes,
// E2 80 xx), or nullptr.
const char* AsciiFor(std::string_view s, size_t i) {
  if (i + 2 >= s.size() || static_cast<unsigned char>(s[i]) != 0xE2 ||
      static_cast<unsigned char>(s[i + 1]) != 0x80) {
    return nullptr;
  }
  switch (static_cast<unsigned char>(s[i + 2])) {
    case 0x90: case 0x91: case 0x92: case 0x93: case 0x94: case 0x95:
      return "-";  // hyphens and dashes
    case 0x98: case 0x99: case 0x9A: case 0x9B: case 0xB2:
      return "'";  // single quotes, apostrophe, prime
    case 0x9C: case 0x9D: case 0x9E: case 0x9F: case 0xB3:
      return "\"";  // double quotes, double prime
    default:
      return nullptr;
  }
}

}  // namespace

std::string NormalizeForMatching(std::string_view text) {
  if (IsAscii(text)) return std::string(text);
  std::string nfc;
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc_norm = icu::Normalizer2::getNFCInstance(err);
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (U_SUCCESS(err) && !nfc_norm->isNormalized(u, err) && U_SUCCESS(err)) {
    nfc_norm->normalize(u, err).toUTF8String(nfc);
  }
  if (U_FAILURE(err) || nfc.empty()) nfc.assign(text);
  std::string out;
  out.reserve(nfc.size());
  for (size_t i = 0; i < nfc.size();) {
    if (const char* a = AsciiFor(nfc, i)) {
      out += a;
      i += 3;
    } else {
      out += nfc[i++];
    }
  }
  return out;
}

}  // namespace curlew
