#include "server/static_files.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

namespace curlew::server {

std::string_view MimeTypeOf(std::string_view name) {
  // cpp-httplib compresses answers whose type starts with "text/" or is
  // exactly "application/json" or "application/javascript", with brotli at
  // its slowest setting when the browser accepts it (1.5 s for the 200 kB
  // dashboard script on a loaded machine). Scripts and JSON are therefore
  // sent under types it leaves alone; the small HTML and CSS files cost
  // little.
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "application/javascript; charset=utf-8"},
      {".mjs", "application/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
      {".woff2", "font/woff2"},
  };
  for (const auto& [ext, type] : kTypes)
    if (name.ends_with(ext)) return type;
  return "application/octet-stream";
}

Result<StaticFiles> StaticFiles::Load(const std::string& folder,
                                      uint64_t max_bytes) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    return Status::Error(ErrorCode::kNotFound, "no dashboard folder", folder);
  }
  StaticFiles out;
  uint64_t total = 0;
  fs::recursive_directory_iterator it(folder, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::directory_entry& entry = *it;
    std::string name = entry.path().filename().string();
    if (name.starts_with(".")) {
      if (entry.is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (entry.is_symlink(ec) || !entry.is_regular_file(ec)) continue;
    total += entry.file_size(ec);
    if (total > max_bytes) {
      return Status::Error(ErrorCode::kLimitExceeded,
                           "the dashboard folder holds more than " +
                               std::to_string(max_bytes) + " bytes",
                           folder);
    }
    std::ifstream in(entry.path(), std::ios::binary);
    std::string content((std::istreambuf_iterator<char>(in)),
                        std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
      return Status::Error(ErrorCode::kIoError, "cannot read",
                           entry.path().string());
    }
    std::string rel =
        "/" + fs::relative(entry.path(), folder, ec).generic_string();
    out.files_[rel] = StaticFile{std::move(content), MimeTypeOf(name)};
  }
  if (ec) {
    return Status::Error(ErrorCode::kIoError,
                         "cannot list the dashboard folder: " + ec.message(),
                         folder);
  }
  return out;
}

const StaticFile* StaticFiles::Find(std::string_view url_path) const {
  if (url_path == "/") url_path = "/index.html";
  auto it = files_.find(url_path);
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace curlew::server
