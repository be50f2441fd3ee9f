// Helpers for the store tests: temporary directories and throwaway
// PostgreSQL databases on the server named by CURLEW_TEST_PG_URL
// (scripts/pg-test-server.sh starts one).
#ifndef CURLEW_STORE_TEST_UTIL_H_
#define CURLEW_STORE_TEST_UTIL_H_

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace curlew::store::testing {

// A fresh directory under the system temp dir, removed with the object.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("curlew-store-test-" + std::to_string(getpid()) + "-" +
             std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string File(const std::string& name) const {
    return (path_ / name).string();
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// The test server's URL, or "" when none is configured.
inline std::string TestPostgresUrl() {
  const char* url = std::getenv("CURLEW_TEST_PG_URL");
  return url ? url : "";
}

// A database created for one test and dropped with the object. url() is
// empty if it could not be created (error() says why).
class TempPostgresDatabase {
 public:
  TempPostgresDatabase() {
    server_ = TestPostgresUrl();
    if (server_.empty()) {
      error_ = "CURLEW_TEST_PG_URL is not set";
      return;
    }
    static std::atomic<int> counter{0};
    name_ = "curlew_test_" + std::to_string(getpid()) + "_" +
            std::to_string(counter++);
    if (!Run("DROP DATABASE IF EXISTS " + name_) ||
        !Run("CREATE DATABASE " + name_)) {
      return;
    }
    // postgresql://user@host:port/db?params -> same with our database.
    size_t slash = server_.find('/', server_.find("://") + 3);
    size_t query = server_.find('?');
    std::string rest = query == std::string::npos ? "" : server_.substr(query);
    url_ = (slash == std::string::npos ? server_ : server_.substr(0, slash)) +
           "/" + name_ + rest;
  }
  ~TempPostgresDatabase() {
    if (!url_.empty())
      Run("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  }
  const std::string& url() const { return url_; }
  const std::string& error() const { return error_; }

  // Runs a statement on the test database itself.
  bool RunInDatabase(const std::string& sql) { return RunAt(url_, sql); }

 private:
  bool Run(const std::string& sql) { return RunAt(server_, sql); }
  bool RunAt(const std::string& url, const std::string& sql) {
    PGconn* c = PQconnectdb(url.c_str());
    bool ok = PQstatus(c) == CONNECTION_OK;
    if (ok) {
      PQsetNoticeProcessor(
          c, [](void*, const char*) {}, nullptr);
      PGresult* r = PQexec(c, sql.c_str());
      ok = PQresultStatus(r) == PGRES_COMMAND_OK ||
           PQresultStatus(r) == PGRES_TUPLES_OK;
      if (!ok) error_ = PQresultErrorMessage(r);
      PQclear(r);
    } else {
      error_ = PQerrorMessage(c);
    }
    PQfinish(c);
    return ok;
  }

  std::string server_, name_, url_, error_;
};

}  // namespace curlew::store::testing

#endif  // CURLEW_STORE_TEST_UTIL_H_
