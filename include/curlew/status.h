// Status and Result<T>: errors as values.
//
// A Status is either ok or carries an error code, a message, the place it
// happened (a file name, document id or dictionary name) and, when known, a
// byte offset or line number in that place. Nothing in curlew's public API
// throws on bad input; functions return a Status or a Result<T> instead.
//
// Thread safety: values; safe to copy between threads.
#ifndef CURLEW_STATUS_H_
#define CURLEW_STATUS_H_

#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace curlew {

// Error codes. Every error message in curlew starts from one of these; the
// numbers are stable and printed as E<code> by the CLI (the catalogue is in
// docs/errors.md).
enum class ErrorCode : int {
  kOk = 0,
  kInvalidArgument = 1,  // wrong option or argument value
  kNotFound = 2,         // file, document, model or record absent
  kIoError = 3,          // read/write failure, disk full
  kInvalidUtf8 = 4,      // input is not valid UTF-8
  kBinaryInput = 5,      // NUL bytes or other binary content
  kLimitExceeded = 6,    // a configured limit (bytes, tokens, steps) exceeded
  kParseError = 7,       // malformed JSON, XML, CoNLL-U, dictionary line
  kCorruptModel = 8,     // model file truncated, wrong magic or checksum
  kEmptyInput = 9,       // nothing to process
  kStoreError = 10,      // database failure
  kUnsupported = 11,     // a feature or version this build does not handle
  kInternal = 12,        // a bug: should never happen
};

const char* ErrorCodeName(ErrorCode code);

class Status {
 public:
  // An ok status.
  Status() = default;

  static Status Error(ErrorCode code, std::string message,
                      std::string where = {}, int64_t position = -1) {
    Status s;
    s.code_ = code;
    s.message_ = std::move(message);
    s.where_ = std::move(where);
    s.position_ = position;
    return s;
  }

  // An error at a line (1-based) of a line-oriented file (dictionaries,
  // CoNLL-U, JSONL).
  static Status LineError(ErrorCode code, std::string message,
                          std::string where, int64_t line) {
    Status s = Error(code, std::move(message), std::move(where), line);
    s.is_line_ = true;
    return s;
  }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // File, document id or other name of the input the error is about.
  const std::string& where() const { return where_; }
  // Byte offset (or line number, as the message says) in `where`; -1 if
  // unknown.
  int64_t position() const { return position_; }
  // True if position() is a line number rather than a byte offset.
  bool is_line() const { return is_line_; }

  // Returns a copy whose `where` is `where` if none was set yet.
  Status WithWhere(std::string where) const {
    Status s = *this;
    if (s.where_.empty()) s.where_ = std::move(where);
    return s;
  }

  // "where: byte N: message [E7 parse-error]" (or "line N") or "OK".
  std::string ToString() const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
  std::string where_;
  int64_t position_ = -1;
  bool is_line_ = false;
};

// Either a value or an error Status.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}                 // NOLINT
  Result(Status status) : v_(std::move(status)) {}          // NOLINT

  bool ok() const { return v_.index() == 0; }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<1>(v_);
  }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &std::get<0>(v_); }
  const T* operator->() const { return &std::get<0>(v_); }
  T& operator*() & { return std::get<0>(v_); }
  const T& operator*() const& { return std::get<0>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace curlew

#endif  // CURLEW_STATUS_H_
