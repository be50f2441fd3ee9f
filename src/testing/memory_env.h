// Test helpers for the Env (curlew/env.h): files kept in memory, with read
// and write faults at a chosen byte (LevelDB's memenv and fault-injection
// Env, in one small class).
//
//   testing::MemoryEnv env;
//   env.AddFile("docs.jsonl", "{\"id\":\"a\",\"text\":\"...\"}\n");
//   env.FailReadsAfter("docs.jsonl", 10);   // EIO at byte 10
//   env.SetCapacity(100);                   // ENOSPC after 100 bytes
//
// StringFile is a WritableFile into a string, with an optional capacity.
//
// Header-only (tests include it; the library does not). Not thread-safe.
#ifndef CURLEW_TESTING_MEMORY_ENV_H_
#define CURLEW_TESTING_MEMORY_ENV_H_

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "curlew/env.h"
#include "curlew/status.h"

namespace curlew::testing {

// A WritableFile into `contents()`. With a capacity, the write that would
// pass it fails the way a full disk fails (kIoError, "No space left on
// device", the byte offset), and every later call returns that error.
class StringFile : public WritableFile {
 public:
  explicit StringFile(uint64_t capacity = UINT64_MAX, std::string name = "mem")
      : capacity_(capacity), name_(std::move(name)) {}

  Status Append(std::string_view data) override {
    if (!status_.ok()) return status_;
    if (contents_.size() + data.size() > capacity_) {
      contents_.append(data.substr(0, capacity_ - contents_.size()));
      status_ = Status::Error(ErrorCode::kIoError,
                              "write failed: No space left on device", name_,
                              static_cast<int64_t>(contents_.size()));
      return status_;
    }
    contents_.append(data);
    return Status();
  }
  Status Flush() override { return status_; }
  Status Close() override {
    closed_ = true;
    return status_;
  }
  const Status& status() const override { return status_; }
  uint64_t size() const override { return contents_.size(); }

  const std::string& contents() const { return contents_; }
  bool closed() const { return closed_; }

 private:
  uint64_t capacity_;
  std::string name_;
  std::string contents_;
  Status status_;
  bool closed_ = false;
};

class MemoryEnv : public Env {
 public:
  void AddFile(const std::string& path, std::string contents) {
    files_[path].contents = std::move(contents);
  }
  const std::string& Contents(const std::string& path) {
    return files_[path].contents;
  }
  bool Exists(const std::string& path) const { return files_.count(path); }
  // Reads of `path` fail (kIoError, "Input/output error") at byte `bytes`.
  void FailReadsAfter(const std::string& path, uint64_t bytes) {
    files_[path].fail_reads_at = bytes;
  }
  // All files together hold at most `bytes`; a write past that fails.
  void SetCapacity(uint64_t bytes) { capacity_ = bytes; }

  Result<std::unique_ptr<SequentialFile>> NewSequentialFile(
      const std::string& path) override {
    auto it = files_.find(path);
    if (it == files_.end()) {
      return Status::Error(ErrorCode::kNotFound,
                           "cannot open: No such file or directory", path);
    }
    return std::unique_ptr<SequentialFile>(
        std::make_unique<Reader>(path, &it->second));
  }

  Result<std::unique_ptr<WritableFile>> NewWritableFile(
      const std::string& path) override {
    files_[path].contents.clear();
    return std::unique_ptr<WritableFile>(std::make_unique<Writer>(path, this));
  }

  Result<FileInfo> Stat(const std::string& path) override {
    auto it = files_.find(path);
    if (it != files_.end()) {
      return FileInfo{FileKind::kRegular, it->second.contents.size()};
    }
    const std::string dir = path.ends_with('/') ? path : path + "/";
    for (const auto& [name, file] : files_) {
      if (name.starts_with(dir)) return FileInfo{FileKind::kDirectory, 0};
    }
    return Status::Error(ErrorCode::kNotFound,
                         "no such file: No such file or directory", path);
  }

  Result<std::vector<std::string>> ListFiles(const std::string& dir) override {
    const std::string prefix = dir.ends_with('/') ? dir : dir + "/";
    std::vector<std::string> out;
    for (const auto& [name, file] : files_) {
      if (name.starts_with(prefix)) out.push_back(name);
    }
    return out;  // std::map: sorted
  }

  Status RenameFile(const std::string& from, const std::string& to) override {
    auto it = files_.find(from);
    if (it == files_.end()) {
      return Status::Error(ErrorCode::kNotFound, "cannot rename", from);
    }
    File f = std::move(it->second);
    files_.erase(it);
    files_[to] = std::move(f);
    return Status();
  }

  Status RemoveFile(const std::string& path) override {
    if (files_.erase(path) == 0) {
      return Status::Error(ErrorCode::kNotFound, "cannot remove", path);
    }
    return Status();
  }

 private:
  struct File {
    std::string contents;
    uint64_t fail_reads_at = UINT64_MAX;
  };

  class Reader : public SequentialFile {
   public:
    Reader(std::string path, const File* file)
        : path_(std::move(path)), file_(file) {}
    Result<size_t> Read(char* buf, size_t n) override {
      if (offset_ >= file_->fail_reads_at) {
        return Status::Error(ErrorCode::kIoError,
                             "read failed: Input/output error", path_,
                             static_cast<int64_t>(offset_));
      }
      const uint64_t end = std::min<uint64_t>(
          {file_->contents.size(), file_->fail_reads_at, offset_ + n});
      const size_t k = static_cast<size_t>(end - offset_);
      file_->contents.copy(buf, k, static_cast<size_t>(offset_));
      offset_ += k;
      return k;
    }

   private:
    std::string path_;
    const File* file_;
    uint64_t offset_ = 0;
  };

  class Writer : public WritableFile {
   public:
    Writer(std::string path, MemoryEnv* env)
        : path_(std::move(path)), env_(env) {}
    Status Append(std::string_view data) override {
      if (!status_.ok()) return status_;
      if (env_->Used() + data.size() > env_->capacity_) {
        status_ = Status::Error(ErrorCode::kIoError,
                                "write failed: No space left on device", path_,
                                static_cast<int64_t>(size_));
        return status_;
      }
      env_->files_[path_].contents.append(data);
      size_ += data.size();
      return Status();
    }
    Status Flush() override { return status_; }
    Status Close() override { return status_; }
    const Status& status() const override { return status_; }
    uint64_t size() const override { return size_; }

   private:
    std::string path_;
    MemoryEnv* env_;
    uint64_t size_ = 0;
    Status status_;
  };

  uint64_t Used() const {
    uint64_t n = 0;
    for (const auto& [name, f] : files_) n += f.contents.size();
    return n;
  }

  std::map<std::string, File> files_;
  uint64_t capacity_ = UINT64_MAX;
};

}  // namespace curlew::testing

#endif  // CURLEW_TESTING_MEMORY_ENV_H_
