// NormalizeForMatching: NFC (ICU), then typographic punctuation to ASCII.
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <string>
#include <string_view>

#include "curlew/text.h"
#include "text/chars.h"

namespace curlew {

namespace {

bool IsAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
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
    if (const char* a = text::TypographicAscii(nfc, i)) {
      out += a;
      i += 3;
    } else {
      out += nfc[i++];
    }
  }
  return out;
}

}  // namespace curlew
