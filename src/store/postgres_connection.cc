// PostgreSQL backend of SqlConnection: libpq's C API, every statement
// prepared once (PQprepare) and run with text parameters (PQexecPrepared).
#include <libpq-fe.h>

#include <charconv>
#include <cstdlib>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/sql_connection.h"

namespace curlew::store {
namespace {

// Trims libpq's multi-line messages to one line.
std::string OneLine(const char* msg) {
  std::string s = msg ? msg : "";
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

// `?` -> `$1, $2, ...`, leaving quoted text alone.
std::string NumberPlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  bool quoted = false;
  for (char c : sql) {
    if (c == '\'') quoted = !quoted;
    if (c == '?' && !quoted) {
      out += '$';
      out += std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

class PostgresRow : public SqlRow {
 public:
  PostgresRow(const PGresult* res, int row) : res_(res), row_(row) {}
  int size() const override { return PQnfields(res_); }
  bool IsNull(int c) const override { return PQgetisnull(res_, row_, c); }
  std::string_view Text(int c) const override {
    return std::string_view(PQgetvalue(res_, row_, c),
                            PQgetlength(res_, row_, c));
  }
  int64_t Int(int c) const override {
    std::string_view t = Text(c);
    int64_t v = 0;
    std::from_chars(t.data(), t.data() + t.size(), v);
    return v;
  }
  double Double(int c) const override {
    return IsNull(c) ? 0.0 : std::strtod(PQgetvalue(res_, row_, c), nullptr);
  }

 private:
  const PGresult* res_;
  int row_;
};

void IgnoreNotice(void*, const char*) {}

class PostgresConnection : public SqlConnection {
 public:
  PostgresConnection(PGconn* conn, std::string where)
      : conn_(conn), where_(std::move(where)) {}
  ~PostgresConnection() override { PQfinish(conn_); }

  Dialect dialect() const override { return Dialect::kPostgres; }
  int64_t Changes() const override { return changes_; }

  Status Exec(std::string_view sql, std::span<const SqlValue> params,
              const RowFn& on_row) override {
    std::string key(sql);
    auto it = prepared_.find(key);
    if (it == prepared_.end()) {
      std::string name = "curlew_" + std::to_string(prepared_.size() + 1);
      PGresult* res = PQprepare(conn_, name.c_str(),
                                NumberPlaceholders(sql).c_str(), 0, nullptr);
      Status s = Check(res, PGRES_COMMAND_OK);
      PQclear(res);
      if (!s.ok()) return s;
      it = prepared_.emplace(std::move(key), std::move(name)).first;
    }
    std::vector<std::string> text(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (size_t i = 0; i < params.size(); ++i) {
      const SqlValue& v = params[i];
      if (std::holds_alternative<std::nullptr_t>(v)) continue;
      if (auto* n = std::get_if<int64_t>(&v)) {
        text[i] = std::to_string(*n);
      } else if (auto* d = std::get_if<double>(&v)) {
        char buf[32];
        auto r = std::to_chars(buf, buf + sizeof buf, *d);
        text[i].assign(buf, r.ptr);
      }
      values[i] = std::holds_alternative<std::string>(v)
                      ? std::get<std::string>(v).c_str()
                      : text[i].c_str();
    }
    PGresult* res = PQexecPrepared(conn_, it->second.c_str(),
                                   static_cast<int>(params.size()),
                                   values.data(), nullptr, nullptr, 0);
    ExecStatusType st = PQresultStatus(res);
    Status s =
        Check(res, st == PGRES_TUPLES_OK ? PGRES_TUPLES_OK : PGRES_COMMAND_OK);
    if (s.ok()) {
      const char* tuples = PQcmdTuples(res);
      changes_ = (tuples && *tuples) ? std::atoll(tuples) : 0;
      if (on_row) {
        int rows = PQntuples(res);
        for (int r = 0; r < rows; ++r) {
          if (!on_row(PostgresRow(res, r))) break;
        }
      }
    }
    PQclear(res);
    return s;
  }

  Status ExecScript(std::string_view sql) override {
    PGresult* res = PQexec(conn_, std::string(sql).c_str());
    ExecStatusType st = PQresultStatus(res);
    Status s =
        Check(res, st == PGRES_TUPLES_OK ? PGRES_TUPLES_OK : PGRES_COMMAND_OK);
    PQclear(res);
    return s;
  }

 private:
  Status Check(PGresult* res, ExecStatusType want) const {
    if (res != nullptr && PQresultStatus(res) == want) return Status();
    if (PQstatus(conn_) != CONNECTION_OK) {
      return Status::Error(ErrorCode::kStoreError,
                           "lost the connection to PostgreSQL: " +
                               OneLine(PQerrorMessage(conn_)),
                           where_);
    }
    const char* state =
        res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    std::string msg =
        OneLine(res ? PQresultErrorMessage(res) : PQerrorMessage(conn_));
    // Class 53: insufficient resources (53100 disk_full).
    if (state && std::string_view(state).starts_with("53")) {
      return Status::Error(ErrorCode::kIoError,
                           "store is full (server resources): " + msg, where_);
    }
    // 57014 query_canceled: statement_timeout (StoreOptions::query_timeout_ms).
    if (state && std::string_view(state) == "57014") {
      return Status::Error(ErrorCode::kLimitExceeded,
                           "the query took too long and was stopped: " + msg,
                           where_);
    }
    return Status::Error(ErrorCode::kStoreError, "PostgreSQL: " + msg, where_);
  }

  PGconn* conn_;
  std::string where_;
  std::unordered_map<std::string, std::string> prepared_;
  int64_t changes_ = 0;
};

}  // namespace

std::string RedactUrl(const std::string& url) {
  // scheme://user:password@host -> scheme://user:***@host
  size_t scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  size_t at = url.find('@', scheme + 3);
  size_t colon = url.find(':', scheme + 3);
  if (at == std::string::npos || colon == std::string::npos || colon > at) {
    return url;
  }
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

Result<std::unique_ptr<SqlConnection>> OpenPostgres(
    const std::string& url, const StoreOptions& options) {
  std::string where = RedactUrl(url);
  std::string timeout = std::to_string(options.connect_timeout_s);
  // expand_dbname: the first "dbname" value is the whole URL; the keywords
  // after it override what the URL says.
  const char* keys[] = {"dbname", "connect_timeout", "client_encoding",
                        nullptr};
  const char* values[] = {url.c_str(), timeout.c_str(), "UTF8", nullptr};
  PGconn* conn = PQconnectdbParams(keys, values, 1);
  if (conn == nullptr) {
    return Status::Error(ErrorCode::kStoreError,
                         "cannot connect to PostgreSQL: out of memory", where);
  }
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string msg = OneLine(PQerrorMessage(conn));
    PQfinish(conn);
    return Status::Error(ErrorCode::kStoreError,
                         "cannot connect to PostgreSQL: " + msg, where);
  }
  PQsetNoticeProcessor(conn, &IgnoreNotice, nullptr);
  auto db = std::make_unique<PostgresConnection>(conn, where);
  std::string setup =
      "SET lock_timeout = " + std::to_string(options.busy_timeout_ms) +
      "; SET client_min_messages = warning;";
  if (options.read_only) setup += " SET default_transaction_read_only = on;";
  if (options.query_timeout_ms > 0) {
    setup += " SET statement_timeout = " +
             std::to_string(options.query_timeout_ms) + ";";
  }
  Status s = db->ExecScript(setup);
  if (!s.ok()) return s;
  return std::unique_ptr<SqlConnection>(std::move(db));
}

}  // namespace curlew::store
