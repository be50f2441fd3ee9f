// SQLite backend of SqlConnection: one sqlite3 handle, WAL journal, a cache
// of prepared statements keyed by SQL text.
#include <sqlite3.h>
#include <sys/stat.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>

#include "store/sql_connection.h"

namespace curlew::store {
namespace {

class SqliteRow : public SqlRow {
 public:
  explicit SqliteRow(sqlite3_stmt* stmt) : stmt_(stmt) {}
  int size() const override { return sqlite3_column_count(stmt_); }
  bool IsNull(int c) const override {
    return sqlite3_column_type(stmt_, c) == SQLITE_NULL;
  }
  std::string_view Text(int c) const override {
    const unsigned char* p = sqlite3_column_text(stmt_, c);
    if (p == nullptr) return {};
    return std::string_view(reinterpret_cast<const char*>(p),
                            sqlite3_column_bytes(stmt_, c));
  }
  int64_t Int(int c) const override { return sqlite3_column_int64(stmt_, c); }
  double Double(int c) const override {
    return sqlite3_column_double(stmt_, c);
  }

 private:
  sqlite3_stmt* stmt_;
};

class SqliteConnection : public SqlConnection {
 public:
  SqliteConnection(sqlite3* db, std::string path)
      : db_(db), path_(std::move(path)) {}
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  Dialect dialect() const override { return Dialect::kSqlite; }
  int64_t Changes() const override { return sqlite3_changes64(db_); }

  // Statements run by Exec stop after `ms` milliseconds (0: never).
  void SetQueryTimeout(int ms) {
    timeout_ = std::chrono::milliseconds(ms);
    if (ms > 0) sqlite3_progress_handler(db_, kProgressSteps, &Expired, this);
  }

  Status Exec(std::string_view sql, std::span<const SqlValue> params,
              const RowFn& on_row) override {
    deadline_ = timeout_.count() > 0 ? Clock::now() + timeout_
                                     : Clock::time_point::max();
    sqlite3_stmt* stmt = nullptr;
    std::string key(sql);
    auto it = cache_.find(key);
    if (it != cache_.end()) {
      stmt = it->second;
    } else {
      int rc = sqlite3_prepare_v3(db_, key.data(), static_cast<int>(key.size()),
                                  SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
      if (rc != SQLITE_OK) return Error(rc);
      cache_.emplace(std::move(key), stmt);
    }
    for (size_t i = 0; i < params.size(); ++i) {
      int idx = static_cast<int>(i) + 1;
      int rc = SQLITE_OK;
      const SqlValue& v = params[i];
      if (std::holds_alternative<std::nullptr_t>(v)) {
        rc = sqlite3_bind_null(stmt, idx);
      } else if (auto* n = std::get_if<int64_t>(&v)) {
        rc = sqlite3_bind_int64(stmt, idx, *n);
      } else if (auto* d = std::get_if<double>(&v)) {
        rc = sqlite3_bind_double(stmt, idx, *d);
      } else {
        const std::string& s = std::get<std::string>(v);
        // The parameter outlives the statement's execution below.
        rc = sqlite3_bind_text64(stmt, idx, s.data(), s.size(), SQLITE_STATIC,
                                 SQLITE_UTF8);
      }
      if (rc != SQLITE_OK) {
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
        return Error(rc);
      }
    }
    Status status;
    SqliteRow row(stmt);
    while (true) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_ROW) {
        if (on_row && !on_row(row)) break;
        continue;
      }
      if (rc != SQLITE_DONE) status = Error(rc);
      break;
    }
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    return status;
  }

  Status ExecScript(std::string_view sql) override {
    deadline_ = Clock::time_point::max();  // schema and transaction control
    std::string s(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
    if (rc == SQLITE_OK) return Status();
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    return ErrorWith(rc, msg);
  }

  Status Error(int rc) const { return ErrorWith(rc, sqlite3_errmsg(db_)); }

  Status ErrorWith(int rc, const std::string& msg) const {
    int primary = rc & 0xff;
    if (primary == SQLITE_INTERRUPT && timeout_.count() > 0) {
      return Status::Error(ErrorCode::kLimitExceeded,
                           "the query took longer than " +
                               std::to_string(timeout_.count()) +
                               " ms and was stopped",
                           path_);
    }
    if (primary == SQLITE_FULL) {
      return Status::Error(ErrorCode::kIoError,
                           "store is full (disk or size limit): " + msg, path_);
    }
    if (primary == SQLITE_IOERR) {
      return Status::Error(ErrorCode::kIoError, "store I/O error: " + msg,
                           path_);
    }
    if (primary == SQLITE_READONLY) {
      return Status::Error(ErrorCode::kStoreError, "store is read-only: " + msg,
                           path_);
    }
    if (primary == SQLITE_NOTADB) {
      return Status::Error(ErrorCode::kStoreError,
                           "not an SQLite database: " + msg, path_);
    }
    return Status::Error(ErrorCode::kStoreError, "SQLite: " + msg, path_);
  }

 private:
  using Clock = std::chrono::steady_clock;
  // SQLite calls the progress handler every this many virtual machine
  // steps: often enough to stop within a millisecond or so, rarely enough
  // to cost nothing measurable.
  static constexpr int kProgressSteps = 10000;
  static int Expired(void* self) {
    auto* c = static_cast<SqliteConnection*>(self);
    return Clock::now() > c->deadline_ ? 1 : 0;
  }

  sqlite3* db_;
  std::string path_;
  std::chrono::milliseconds timeout_{0};
  Clock::time_point deadline_ = Clock::time_point::max();
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace

Result<std::unique_ptr<SqlConnection>> OpenSqlite(const std::string& path,
                                                  const StoreOptions& options) {
  namespace fs = std::filesystem;
  if (path.empty()) {
    return Status::Error(ErrorCode::kInvalidArgument, "empty store path");
  }
  std::error_code ec;
  fs::path p(path);
  bool exists = fs::exists(p, ec);
  if (exists && fs::is_directory(p, ec)) {
    return Status::Error(ErrorCode::kInvalidArgument,
                         "store path is a directory, not a file", path);
  }
  if (!exists) {
    fs::path parent = p.parent_path();
    if (!parent.empty() && !fs::is_directory(parent, ec)) {
      return Status::Error(
          ErrorCode::kNotFound,
          "directory of the store does not exist: " + parent.string(), path);
    }
    if (options.read_only || !options.create) {
      return Status::Error(ErrorCode::kNotFound, "store file does not exist",
                           path);
    }
  } else if (!options.read_only) {
    // Mode bits, not access(2): as root, access() grants writing to a file
    // its owner marked read-only, and the store must respect the mark.
    struct stat st;
    if (stat(path.c_str(), &st) == 0 && (st.st_mode & 0222) == 0) {
      return Status::Error(ErrorCode::kStoreError,
                           "store file is read-only (no write permission); "
                           "open it read-only or change its mode",
                           path);
    }
  }
  sqlite3* db = nullptr;
  int flags = options.read_only ? SQLITE_OPEN_READONLY
                                : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  int rc =
      sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return Status::Error(ErrorCode::kStoreError,
                         "cannot open SQLite store: " + msg, path);
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, options.busy_timeout_ms);
  auto conn = std::make_unique<SqliteConnection>(db, path);
  conn->SetQueryTimeout(options.query_timeout_ms);
  // Reading the schema catches files that are not databases now, with one
  // clear error, rather than at the first write.
  Status s = conn->ExecScript("SELECT count(*) FROM sqlite_master;");
  if (!s.ok()) return s;
  std::string pragmas =
      "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF; "
      "PRAGMA cache_size=-32768;";
  // Fewer, larger checkpoints: a page changed by many commits is copied
  // into the database file once per checkpoint.
  if (!options.read_only) {
    pragmas += "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=8192;";
  }
  if (options.sqlite_max_page_count > 0) {
    pragmas += "PRAGMA max_page_count=" +
               std::to_string(options.sqlite_max_page_count) + ";";
  }
  s = conn->ExecScript(pragmas);
  if (!s.ok()) return s;
  return std::unique_ptr<SqlConnection>(std::move(conn));
}

}  // namespace curlew::store
