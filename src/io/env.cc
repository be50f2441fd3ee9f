// The POSIX Env, the atomic output file and curlew's data folder.
#include "curlew/env.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

namespace curlew {

namespace {

namespace fs = std::filesystem;

Status ErrnoStatus(const std::string& what, const std::string& path, int err,
                   int64_t position = -1) {
  const ErrorCode code =
      err == ENOENT ? ErrorCode::kNotFound : ErrorCode::kIoError;
  return Status::Error(code, what + ": " + std::strerror(err), path, position);
}

class PosixSequentialFile : public SequentialFile {
 public:
  PosixSequentialFile(int fd, std::string path, bool owned)
      : fd_(fd), path_(std::move(path)), owned_(owned) {}
  ~PosixSequentialFile() override {
    if (owned_) ::close(fd_);
  }

  Result<size_t> Read(char* buf, size_t n) override {
    ssize_t r;
    do {
      r = ::read(fd_, buf, n);
    } while (r < 0 && errno == EINTR);
    if (r < 0) {
      return ErrnoStatus("read failed", path_, errno,
                         static_cast<int64_t>(offset_));
    }
    offset_ += static_cast<uint64_t>(r);
    return static_cast<size_t>(r);
  }

 private:
  int fd_;
  std::string path_;
  bool owned_;
  uint64_t offset_ = 0;
};

class PosixWritableFile : public WritableFile {
 public:
  PosixWritableFile(int fd, std::string path, bool owned)
      : fd_(fd), path_(std::move(path)), owned_(owned) {
    buffer_.reserve(kBufferBytes);
  }
  ~PosixWritableFile() override { (void)Close(); }

  Status Append(std::string_view data) override {
    if (!status_.ok()) return status_;
    size_ += data.size();
    if (buffer_.size() + data.size() <= kBufferBytes) {
      buffer_.append(data);
      return Status();
    }
    if (Status s = Flush(); !s.ok()) return s;
    if (data.size() <= kBufferBytes) {
      buffer_.append(data);
      return Status();
    }
    return WriteRaw(data);
  }

  Status Flush() override {
    if (!status_.ok()) return status_;
    Status s = WriteRaw(buffer_);
    buffer_.clear();
    return s;
  }

  Status Close() override {
    if (closed_) return status_;
    (void)Flush();
    closed_ = true;
    if (owned_ && ::close(fd_) != 0 && status_.ok()) {
      status_ = ErrnoStatus("close failed", path_, errno,
                            static_cast<int64_t>(written_));
    }
    return status_;
  }

  const Status& status() const override { return status_; }
  uint64_t size() const override { return size_; }

 private:
  static constexpr size_t kBufferBytes = 1 << 16;

  Status WriteRaw(std::string_view data) {
    while (!data.empty()) {
      const ssize_t n = ::write(fd_, data.data(), data.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        status_ = ErrnoStatus("write failed", path_, n < 0 ? errno : EIO,
                              static_cast<int64_t>(written_));
        return status_;
      }
      data.remove_prefix(static_cast<size_t>(n));
      written_ += static_cast<uint64_t>(n);
    }
    return Status();
  }

  int fd_;
  std::string path_;
  bool owned_;
  bool closed_ = false;
  std::string buffer_;
  uint64_t size_ = 0;
  uint64_t written_ = 0;
  Status status_;
};

// open(2), again when a signal interrupts it.
int OpenRetrying(const std::string& path, int flags) {
  int fd;
  do {
    fd = ::open(path.c_str(), flags | O_CLOEXEC, 0644);
  } while (fd < 0 && errno == EINTR);
  return fd;
}

class PosixEnv : public Env {
 public:
  Result<std::unique_ptr<SequentialFile>> NewSequentialFile(
      const std::string& path) override {
    if (path == "-") {
      return std::unique_ptr<SequentialFile>(
          std::make_unique<PosixSequentialFile>(STDIN_FILENO, "stdin", false));
    }
    const int fd = OpenRetrying(path, O_RDONLY);
    if (fd < 0) return ErrnoStatus("cannot open", path, errno);
    struct stat st;
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
      ::close(fd);
      return Status::Error(ErrorCode::kInvalidArgument,
                           "is a directory, not a file", path);
    }
    return std::unique_ptr<SequentialFile>(
        std::make_unique<PosixSequentialFile>(fd, path, true));
  }

  Result<std::unique_ptr<WritableFile>> NewWritableFile(
      const std::string& path) override {
    if (path == "-") {
      return std::unique_ptr<WritableFile>(
          std::make_unique<PosixWritableFile>(STDOUT_FILENO, "stdout", false));
    }
    const int fd = OpenRetrying(path, O_WRONLY | O_CREAT | O_TRUNC);
    if (fd < 0) return ErrnoStatus("cannot create", path, errno);
    return std::unique_ptr<WritableFile>(
        std::make_unique<PosixWritableFile>(fd, path, true));
  }

  Result<FileInfo> Stat(const std::string& path) override {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      return ErrnoStatus(errno == ENOENT ? "no such file" : "cannot stat", path,
                         errno);
    }
    FileInfo info;
    if (S_ISREG(st.st_mode)) {
      info.kind = FileKind::kRegular;
      info.size = static_cast<uint64_t>(st.st_size);
    } else if (S_ISDIR(st.st_mode)) {
      info.kind = FileKind::kDirectory;
    }
    return info;
  }

  Result<std::vector<std::string>> ListFiles(const std::string& dir) override {
    std::vector<fs::path> files;
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (name.starts_with(".")) {  // hidden files and folders
        if (it->is_directory(ec)) it.disable_recursion_pending();
        ec.clear();
        continue;
      }
      if (it->is_regular_file(ec)) files.push_back(it->path());
      ec.clear();
    }
    if (ec) {
      return Status::Error(ErrorCode::kIoError,
                           "cannot list directory: " + ec.message(), dir);
    }
    std::sort(files.begin(), files.end());
    std::vector<std::string> out;
    out.reserve(files.size());
    for (const fs::path& f : files) out.push_back(f.string());
    return out;
  }

  Status RenameFile(const std::string& from, const std::string& to) override {
    if (std::rename(from.c_str(), to.c_str()) != 0) {
      return ErrnoStatus("cannot rename " + from, to, errno);
    }
    return Status();
  }

  Status RemoveFile(const std::string& path) override {
    if (::unlink(path.c_str()) != 0) {
      return ErrnoStatus("cannot remove", path, errno);
    }
    return Status();
  }
};

}  // namespace

Env* Env::Default() {
  static PosixEnv* env = new PosixEnv();  // never destroyed: used at exit
  return env;
}

Result<std::string> Env::ReadFileToString(const std::string& path,
                                          size_t max_bytes) {
  auto info = Stat(path);
  if (!info.ok()) return info.status();
  if (info->kind == FileKind::kDirectory) {
    return Status::Error(ErrorCode::kInvalidArgument,
                         "is a directory, not a file", path);
  }
  if (info->kind != FileKind::kRegular) {
    return Status::Error(ErrorCode::kInvalidArgument,
                         "not a regular file (a device or a pipe)", path);
  }
  if (info->size > max_bytes) {
    return Status::Error(ErrorCode::kLimitExceeded,
                         "file of " + std::to_string(info->size) +
                             " bytes is over the limit of " +
                             std::to_string(max_bytes) + " bytes",
                         path);
  }
  auto file = NewSequentialFile(path);
  if (!file.ok()) return file.status();
  std::string data;
  data.resize(static_cast<size_t>(info->size));
  size_t done = 0;
  for (;;) {
    // The file may have grown since Stat; read until the end, within the
    // limit.
    if (done == data.size()) {
      if (data.size() >= max_bytes + 1) break;
      data.resize(std::min(max_bytes + 1, data.size() + (1u << 16)));
    }
    auto n = (*file)->Read(data.data() + done, data.size() - done);
    if (!n.ok()) return n.status();
    if (*n == 0) break;
    done += *n;
  }
  if (done > max_bytes) {
    return Status::Error(
        ErrorCode::kLimitExceeded,
        "file is over the limit of " + std::to_string(max_bytes) + " bytes",
        path);
  }
  data.resize(done);
  return data;
}

Result<std::unique_ptr<AtomicWritableFile>> AtomicWritableFile::Create(
    Env* env, const std::string& path) {
  std::unique_ptr<AtomicWritableFile> f(new AtomicWritableFile());
  f->env_ = env;
  f->path_ = path;
  f->temp_ = path + ".tmp-" + std::to_string(::getpid());
  auto file = env->NewWritableFile(f->temp_);
  if (!file.ok()) return file.status().WithWhere(path);
  f->file_ = std::move(*file);
  return f;
}

AtomicWritableFile::~AtomicWritableFile() {
  if (!done_ && file_) {
    (void)file_->Close();
    file_.reset();
    (void)env_->RemoveFile(temp_);
  }
}

Status AtomicWritableFile::Append(std::string_view data) {
  return file_->Append(data);
}

Status AtomicWritableFile::Flush() { return file_->Flush(); }

Status AtomicWritableFile::Close() {
  if (done_) return file_->status();
  Status s = file_->Close();
  if (!s.ok()) {
    // The path keeps its old content; the partial temporary file goes.
    (void)env_->RemoveFile(temp_);
    done_ = true;
    return Status::Error(s.code(), s.message(), path_, s.position());
  }
  s = env_->RenameFile(temp_, path_);
  if (!s.ok()) (void)env_->RemoveFile(temp_);
  done_ = true;
  return s;
}

const Status& AtomicWritableFile::status() const { return file_->status(); }

uint64_t AtomicWritableFile::size() const { return file_->size(); }

Result<std::unique_ptr<WritableFile>> NewOutputFile(Env* env,
                                                    const std::string& path) {
  if (path.empty() || path == "-") return env->NewWritableFile("-");
  auto info = env->Stat(path);
  if (info.ok() && info->kind == FileKind::kDirectory) {
    return Status::Error(ErrorCode::kInvalidArgument,
                         "is a directory, not a file", path);
  }
  if (info.ok() && info->kind == FileKind::kOther) {
    return env->NewWritableFile(path);
  }
  auto atomic = AtomicWritableFile::Create(env, path);
  if (!atomic.ok()) return atomic.status();
  return std::unique_ptr<WritableFile>(std::move(*atomic));
}

std::string DataDir() {
  if (const char* env = std::getenv("CURLEW_DATA"); env && *env) return env;
  return std::string(CURLEW_SOURCE_DIR) + "/data";
}

std::string DataPath(std::string_view relative) {
  return DataDir() + "/" + std::string(relative);
}

}  // namespace curlew
