// Env: every file curlew reads or writes goes through this interface
// (LevelDB's design), so that tests can swap in an Env that fails a read
// or a write at a chosen byte, or keeps its files in memory.
//
//   Env* env = Env::Default();
//   auto in = env->NewSequentialFile("docs.jsonl");     // "-" = stdin
//   auto out = env->NewWritableFile("-");               // "-" = stdout
//   (*out)->Append("line\n");
//   Status s = (*out)->Close();    // the first write error, if any
//
// Errors are Status values naming the path (and, for reads and writes, the
// byte offset where the failure happened); nothing throws.
//
// Also here: where curlew's own data (knowledge base, models) lives.
//
// Ownership and thread safety: Env::Default() is a process-wide object,
// safe to use from any thread. A SequentialFile or WritableFile belongs to
// one thread at a time; the Env that made it must outlive it.
#ifndef CURLEW_ENV_H_
#define CURLEW_ENV_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "curlew/status.h"

namespace curlew {

// A file read from start to end.
class SequentialFile {
 public:
  virtual ~SequentialFile() = default;
  // Reads up to `n` bytes into `buf`. Returns how many were read: 0 at the
  // end of the file; fewer than `n` when that is what is available (a
  // pipe). Errors (kIoError) name the path and the byte offset.
  virtual Result<size_t> Read(char* buf, size_t n) = 0;
};

// A file written from start to end. Writes are buffered; the first error
// sticks: later Appends do nothing and return it, and Close() returns it.
class WritableFile {
 public:
  virtual ~WritableFile() = default;
  virtual Status Append(std::string_view data) = 0;
  // Hands buffered bytes to the operating system.
  virtual Status Flush() = 0;
  // Flushes and closes (stdout is flushed, not closed). Returns the first
  // error of the file's life, e.g. a full disk.
  virtual Status Close() = 0;
  // The first error so far (ok if none).
  virtual const Status& status() const = 0;
  // Bytes accepted by Append so far.
  virtual uint64_t size() const = 0;
};

enum class FileKind { kRegular, kDirectory, kOther };

struct FileInfo {
  FileKind kind = FileKind::kOther;
  uint64_t size = 0;  // bytes, for regular files
};

class Env {
 public:
  virtual ~Env() = default;

  // The operating system's files (POSIX). Never null.
  static Env* Default();

  // Opens `path` for reading; "-" is standard input. Errors: kNotFound,
  // kIoError (permission, ...), kInvalidArgument for a directory.
  virtual Result<std::unique_ptr<SequentialFile>> NewSequentialFile(
      const std::string& path) = 0;
  // Creates or truncates `path`; "-" is standard output.
  virtual Result<std::unique_ptr<WritableFile>> NewWritableFile(
      const std::string& path) = 0;
  // What `path` is. kNotFound if it does not exist.
  virtual Result<FileInfo> Stat(const std::string& path) = 0;
  // The regular files under `dir`, recursively, in sorted order, skipping
  // hidden files and folders (names starting with '.'). Paths are `dir`
  // joined with the relative path.
  virtual Result<std::vector<std::string>> ListFiles(
      const std::string& dir) = 0;
  virtual Status RenameFile(const std::string& from, const std::string& to) = 0;
  virtual Status RemoveFile(const std::string& path) = 0;

  // Reads a whole regular file. Errors: kNotFound; kInvalidArgument for a
  // directory or another non-regular file (a FIFO, a device); kLimitExceeded
  // for a file over `max_bytes`; kIoError.
  Result<std::string> ReadFileToString(const std::string& path,
                                       size_t max_bytes);
};

// Writes `data` to `path` whole: into a temporary file beside it that is
// renamed over `path` only when every byte was written. A failure leaves
// `path` as it was.
class AtomicWritableFile : public WritableFile {
 public:
  static Result<std::unique_ptr<AtomicWritableFile>> Create(
      Env* env, const std::string& path);
  ~AtomicWritableFile() override;  // removes the temporary file unless
                                   // closed successfully
  Status Append(std::string_view data) override;
  Status Flush() override;
  // Closes the temporary file and renames it over the path.
  Status Close() override;
  const Status& status() const override;
  uint64_t size() const override;

 private:
  AtomicWritableFile() = default;
  Env* env_ = nullptr;
  std::string path_, temp_;
  std::unique_ptr<WritableFile> file_;
  bool done_ = false;
};

// An output named on a command line: "-" is standard output; an existing
// file that is not a regular file (/dev/null, /dev/full, a FIFO) is written
// directly; anything else through an AtomicWritableFile.
Result<std::unique_ptr<WritableFile>> NewOutputFile(Env* env,
                                                    const std::string& path);

// curlew's data folder: $CURLEW_DATA if set, else the source tree's data/.
std::string DataDir();
// DataDir() + "/" + relative.
std::string DataPath(std::string_view relative);

}  // namespace curlew

#endif  // CURLEW_ENV_H_
