// OutputStream: a std::ostream over a WritableFile (curlew/env.h), for
// writers written against std::ostream (CoNLL-U, tables, JSON lines). The
// file's first write error is the stream's status(); the stream's own
// failbit is set with it, so `out << ...` stops early.
//
// Neither owns the file. Thread safety: one stream per thread.
#ifndef CURLEW_IO_OUTPUT_STREAM_H_
#define CURLEW_IO_OUTPUT_STREAM_H_

#include <ostream>
#include <streambuf>

#include "curlew/env.h"
#include "curlew/status.h"

namespace curlew::io {

class WritableFileBuf : public std::streambuf {
 public:
  explicit WritableFileBuf(WritableFile* file) : file_(file) {
    setp(buffer_, buffer_ + sizeof buffer_);
  }
  ~WritableFileBuf() override { sync(); }

 protected:
  int_type overflow(int_type c) override {
    if (!Drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (n > epptr() - pptr()) {
      if (!Drain()) return 0;
      if (n > epptr() - pptr()) {
        return file_->Append(std::string_view(s, static_cast<size_t>(n))).ok()
                   ? n
                   : 0;
      }
    }
    traits_type::copy(pptr(), s, static_cast<size_t>(n));
    pbump(static_cast<int>(n));
    return n;
  }
  int sync() override { return Drain() && file_->Flush().ok() ? 0 : -1; }

 private:
  bool Drain() {
    const std::string_view pending(pbase(),
                                   static_cast<size_t>(pptr() - pbase()));
    setp(buffer_, buffer_ + sizeof buffer_);
    return pending.empty() || file_->Append(pending).ok();
  }

  WritableFile* file_;
  char buffer_[1 << 13];
};

class OutputStream : public std::ostream {
 public:
  explicit OutputStream(WritableFile* file)
      : std::ostream(nullptr), buf_(file), file_(file) {
    rdbuf(&buf_);
  }
  // Hands buffered bytes to the file; returns the file's first error.
  Status Flush() {
    flush();
    return file_->status();
  }
  const Status& status() const { return file_->status(); }

 private:
  WritableFileBuf buf_;
  WritableFile* file_;
};

}  // namespace curlew::io

#endif  // CURLEW_IO_OUTPUT_STREAM_H_
