#include "syntax/model_bytes.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace curlew::syntax {

ModelBytes& ModelBytes::operator=(ModelBytes&& o) noexcept {
  if (this != &o) {
    Release();
    data_ = o.data_;
    size_ = o.size_;
    mapped_ = o.mapped_;
    o.data_ = nullptr;
    o.size_ = 0;
    o.mapped_ = false;
  }
  return *this;
}

ModelBytes::~ModelBytes() { Release(); }

void ModelBytes::Release() {
  if (!data_) return;
  if (mapped_) {
    munmap(const_cast<void*>(data_), size_);
  } else {
    std::free(const_cast<void*>(data_));
  }
  data_ = nullptr;
  size_ = 0;
}

Result<ModelBytes> ModelBytes::Map(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return Status::Error(ErrorCode::kNotFound, "cannot open syntax model",
                         path);
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return Status::Error(ErrorCode::kIoError, "cannot read syntax model", path);
  }
  ModelBytes out;
  if (st.st_size == 0) {
    close(fd);
    return out;
  }
  void* p = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ,
                 MAP_PRIVATE, fd, 0);
  close(fd);
  if (p == MAP_FAILED) {
    return Status::Error(ErrorCode::kIoError, "cannot map syntax model", path);
  }
  // The checksum reads every page at load: ask for all of them at once.
  madvise(p, static_cast<size_t>(st.st_size), MADV_WILLNEED);
  out.data_ = p;
  out.size_ = static_cast<size_t>(st.st_size);
  out.mapped_ = true;
  return out;
}

ModelBytes ModelBytes::Copy(std::string_view bytes) {
  ModelBytes out;
  if (bytes.empty()) return out;
  const size_t rounded = (bytes.size() + 63) / 64 * 64;
  void* p = std::aligned_alloc(64, rounded);
  if (!p) return out;
  std::memcpy(p, bytes.data(), bytes.size());
  out.data_ = p;
  out.size_ = bytes.size();
  return out;
}

}  // namespace curlew::syntax
