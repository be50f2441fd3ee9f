#include "io/input_stream.h"

#include <algorithm>
#include <cstring>
#include <string>

namespace curlew::io {

Result<std::unique_ptr<InputStream>> InputStream::Open(const std::string& path,
                                                       Env* env,
                                                       size_t buffer_bytes) {
  if (env == nullptr) env = Env::Default();
  std::unique_ptr<InputStream> s(new InputStream());
  s->path_ = path;
  auto file = env->NewSequentialFile(path);
  if (!file.ok()) return file.status();
  s->file_ = std::move(*file);
  if (path != "-") {
    auto info = env->Stat(path);
    if (info.ok() && info->kind == FileKind::kRegular) s->size_ = info->size;
  }
  s->capacity_ = buffer_bytes < 16 ? 16 : buffer_bytes;
  s->buffer_.reset(new char[s->capacity_]);
  return s;
}

InputStream::~InputStream() = default;

bool InputStream::Fill() {
  if (begin_ < end_) return true;
  if (eof_ || !status_.ok()) return false;
  begin_ = end_ = 0;
  // The file returns what has arrived on a pipe instead of waiting for a
  // full buffer, so streamed input is handled as it comes.
  Result<size_t> n = file_->Read(buffer_.get(), capacity_);
  if (!n.ok() || *n == 0) {
    if (!n.ok()) status_ = n.status();
    eof_ = true;
    return false;
  }
  end_ = *n;
  return true;
}

InputStream::Read InputStream::ReportError() {
  if (error_reported_) return Read::kEnd;
  error_reported_ = true;
  return Read::kError;
}

Status InputStream::TakeUnreportedError() {
  if (status_.ok() || error_reported_) return Status();
  error_reported_ = true;
  return status_;
}

std::string_view InputStream::Peek() {
  if (!Fill()) return {};
  return std::string_view(buffer_.get() + begin_, end_ - begin_);
}

size_t InputStream::ReadSome(char* dst, size_t n) {
  if (n == 0 || !Fill()) return 0;
  const size_t take = std::min(n, end_ - begin_);
  std::memcpy(dst, buffer_.get() + begin_, take);
  begin_ += take;
  offset_ += take;
  return take;
}

InputStreamBuf::int_type InputStreamBuf::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  const size_t n = stream_->ReadSome(buffer_, sizeof buffer_);
  if (n == 0) return traits_type::eof();
  setg(buffer_, buffer_, buffer_ + n);
  return traits_type::to_int_type(*gptr());
}

InputStream::Read InputStream::ReadLine(size_t max_bytes, std::string* out) {
  out->clear();
  bool any = false;
  bool too_long = false;
  while (Fill()) {
    any = true;
    const char* start = buffer_.get() + begin_;
    const size_t avail = end_ - begin_;
    const void* nl = std::memchr(start, '\n', avail);
    const size_t take =
        nl ? static_cast<size_t>(static_cast<const char*>(nl) - start) : avail;
    if (!too_long) {
      if (out->size() + take > max_bytes) {
        too_long = true;
        out->clear();
        out->shrink_to_fit();
      } else {
        out->append(start, take);
      }
    }
    const size_t consumed = nl ? take + 1 : take;
    begin_ += consumed;
    offset_ += consumed;
    if (nl) break;
  }
  if (!status_.ok()) return ReportError();
  if (!any) return Read::kEnd;
  if (too_long) return Read::kTooLong;
  if (!out->empty() && out->back() == '\r') out->pop_back();
  return Read::kOk;
}

InputStream::Read InputStream::ReadAll(size_t max_bytes, std::string* out) {
  out->clear();
  if (size_ > 0 && size_ - offset_ > max_bytes) return Read::kTooLong;
  if (size_ > 0) out->reserve(size_ - offset_);
  bool any = false;
  while (Fill()) {
    any = true;
    const size_t avail = end_ - begin_;
    if (out->size() + avail > max_bytes) {
      out->clear();
      out->shrink_to_fit();
      return Read::kTooLong;
    }
    out->append(buffer_.get() + begin_, avail);
    begin_ = end_;
    offset_ += avail;
  }
  if (!status_.ok()) return ReportError();
  return any ? Read::kOk : Read::kEnd;
}

}  // namespace curlew::io
