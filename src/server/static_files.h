// StaticFiles: the built dashboard, read into memory once at start and
// served from there. A request can only ever get one of the files found
// under the folder at start: URL paths are looked up in a map, never
// joined to a filesystem path, so "..", encoded slashes or symlinks cannot
// lead outside the folder.
//
// Thread safety: immutable after Load; Find may be called from any thread.
#ifndef CURLEW_SERVER_STATIC_FILES_H_
#define CURLEW_SERVER_STATIC_FILES_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "curlew/status.h"

namespace curlew::server {

struct StaticFile {
  std::string content;
  std::string_view mime_type;
};

class StaticFiles {
 public:
  // Every regular file under `folder` (symlinks and names starting with
  // '.' are skipped), at most `max_bytes` in all. kNotFound when the folder
  // is absent, kLimitExceeded when it holds more.
  static Result<StaticFiles> Load(const std::string& folder,
                                  uint64_t max_bytes = 64 << 20);

  // The file for a decoded URL path ("/" is "/index.html"); null when
  // there is none.
  const StaticFile* Find(std::string_view url_path) const;
  size_t size() const { return files_.size(); }

 private:
  std::map<std::string, StaticFile, std::less<>> files_;  // by "/rel/path"
};

// The Content-Type for a file name, by its extension.
std::string_view MimeTypeOf(std::string_view file_name);

}  // namespace curlew::server

#endif  // CURLEW_SERVER_STATIC_FILES_H_
