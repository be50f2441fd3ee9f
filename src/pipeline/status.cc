#include "curlew/status.h"

#include <string>

namespace curlew {

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "ok";
    case ErrorCode::kInvalidArgument: return "invalid-argument";
    case ErrorCode::kNotFound: return "not-found";
    case ErrorCode::kIoError: return "io-error";
    case ErrorCode::kInvalidUtf8: return "invalid-utf8";
    case ErrorCode::kBinaryInput: return "binary-input";
    case ErrorCode::kLimitExceeded: return "limit-exceeded";
    case ErrorCode::kParseError: return "parse-error";
    case ErrorCode::kCorruptModel: return "corrupt-model";
    case ErrorCode::kEmptyInput: return "empty-input";
    case ErrorCode::kStoreError: return "store-error";
    case ErrorCode::kUnsupported: return "unsupported";
    case ErrorCode::kInternal: return "internal";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string out;
  if (!where_.empty()) {
    out += where_;
    out += ": ";
  }
  if (position_ >= 0) {
    out += is_line_ ? "line " : "byte ";
    out += std::to_string(position_);
    out += ": ";
  }
  out += message_;
  out += " [E";
  out += std::to_string(static_cast<int>(code_));
  out += ' ';
  out += ErrorCodeName(code_);
  out += ']';
  return out;
}

}  // namespace curlew
