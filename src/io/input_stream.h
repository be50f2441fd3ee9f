// InputStream: a buffered byte stream over a file or stdin, read in fixed
// chunks so that memory stays bounded whatever the size of the input.
//
// Lines and whole files are read with an explicit byte limit; input beyond
// the limit is consumed without being kept. The stream reads through an Env
// (curlew/env.h) and owns its file (stdin is never closed).
//
// Thread safety: one stream per thread.
#ifndef CURLEW_IO_INPUT_STREAM_H_
#define CURLEW_IO_INPUT_STREAM_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <streambuf>
#include <string>
#include <string_view>

#include "curlew/env.h"
#include "curlew/status.h"

namespace curlew::io {

class InputStream {
 public:
  enum class Read {
    kOk,       // *out holds the line or the whole input
    kTooLong,  // the limit was exceeded; *out is empty, input skipped
    kEnd,      // nothing left
    kError,    // read failure (in the stream's status()); reported once,
               // the stream then reads as ended
  };

  // Opens `path` ("-" = stdin) through `env` (Env::Default() if null).
  // Errors name the path.
  static Result<std::unique_ptr<InputStream>> Open(const std::string& path,
                                                   Env* env = nullptr,
                                                   size_t buffer_bytes = 1
                                                                         << 16);
  ~InputStream();
  InputStream(const InputStream&) = delete;
  InputStream& operator=(const InputStream&) = delete;

  // Reads the next line without its '\n' (a trailing '\r' is dropped too).
  // A line longer than `max_bytes` is consumed up to its newline and
  // reported as kTooLong without being held in memory.
  Read ReadLine(size_t max_bytes, std::string* out);

  // Reads everything that is left, up to `max_bytes`. More than that gives
  // kTooLong (the rest is not read).
  Read ReadAll(size_t max_bytes, std::string* out);

  // Copies up to `n` bytes into `dst` and consumes them; returns how many
  // (0 at the end of input or after a read error).
  size_t ReadSome(char* dst, size_t n);

  // The next bytes without consuming them (up to one buffer; fewer at the
  // end of input). Empty at the end of input.
  std::string_view Peek();

  // Bytes consumed so far (the offset of the next unread byte).
  uint64_t offset() const { return offset_; }
  // Size of the file if it is a regular file, else 0 (stdin, pipes).
  uint64_t size() const { return size_; }
  const std::string& path() const { return path_; }
  // The read error after kError.
  const Status& status() const { return status_; }
  // The read error if no ReadLine/ReadAll has reported it yet (readers
  // that read through InputStreamBuf see a failure as the end of input);
  // ok otherwise. Reported once.
  Status TakeUnreportedError();

 private:
  InputStream() = default;
  // Refills the buffer when it is empty; false at end of input or error.
  bool Fill();
  // kError the first time, kEnd after (a failed file is read once).
  Read ReportError();

  std::unique_ptr<SequentialFile> file_;
  std::string path_;
  uint64_t size_ = 0;
  uint64_t offset_ = 0;
  std::unique_ptr<char[]> buffer_;
  size_t capacity_ = 0;
  size_t begin_ = 0;  // first unread byte in buffer_
  size_t end_ = 0;    // one past the last valid byte in buffer_
  bool eof_ = false;
  bool error_reported_ = false;
  Status status_;
};

// A read-only std::streambuf over an InputStream (not owned), for readers
// written against std::istream (PETRARCH XML, CoNLL-U). Reads through the
// stream's own buffer; no seeking.
class InputStreamBuf : public std::streambuf {
 public:
  explicit InputStreamBuf(InputStream* stream) : stream_(stream) {}

 protected:
  int_type underflow() override;

 private:
  InputStream* stream_;
  char buffer_[1 << 14];
};

}  // namespace curlew::io

#endif  // CURLEW_IO_INPUT_STREAM_H_
