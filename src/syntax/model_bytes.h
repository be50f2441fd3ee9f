// ModelBytes: the bytes of a model file, mapped read-only into memory.
//
// The model's tables are read in place from these bytes (see
// LinearModel::Read), so a loaded model costs the file's size in memory,
// shared with the page cache (and with other processes reading the same
// file), and loading does no more than map and check it.
//
// Ownership: move-only; the mapping lives as long as the object, and every
// view of the model into it must not outlive it. Thread safety: immutable.
#ifndef CURLEW_SYNTAX_MODEL_BYTES_H_
#define CURLEW_SYNTAX_MODEL_BYTES_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "curlew/status.h"

namespace curlew::syntax {

class ModelBytes {
 public:
  ModelBytes() = default;
  ModelBytes(ModelBytes&& o) noexcept { *this = std::move(o); }
  ModelBytes& operator=(ModelBytes&& o) noexcept;
  ModelBytes(const ModelBytes&) = delete;
  ModelBytes& operator=(const ModelBytes&) = delete;
  ~ModelBytes();

  // Maps `path` read-only. kNotFound if it cannot be opened, kIoError if it
  // cannot be read; both name the file. An empty file gives empty bytes.
  static Result<ModelBytes> Map(const std::string& path);
  // A 64-byte aligned copy of `bytes` (for models built in memory).
  static ModelBytes Copy(std::string_view bytes);

  std::string_view bytes() const {
    return std::string_view(static_cast<const char*>(data_), size_);
  }

 private:
  void Release();
  const void* data_ = nullptr;
  size_t size_ = 0;
  bool mapped_ = false;  // munmap (else free) on release
};

}  // namespace curlew::syntax

#endif  // CURLEW_SYNTAX_MODEL_BYTES_H_
