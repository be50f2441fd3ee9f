// SqlConnection: the one narrow interface through which the store talks to
// a database, so that all SQL (schema, writes, queries) is written once and
// both backends run the same statements.
//
// Statements are written with `?` placeholders; every value travels as a
// bound parameter. Backends cache prepared statements by SQL text. The
// PostgreSQL backend rewrites `?` to `$1, $2, ...`.
//
// Thread safety: one connection, one thread at a time.
#ifndef CURLEW_STORE_SQL_CONNECTION_H_
#define CURLEW_STORE_SQL_CONNECTION_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "curlew/status.h"
#include "curlew/store.h"

namespace curlew::store {

using SqlValue = std::variant<std::nullptr_t, int64_t, double, std::string>;

// One result row; valid only inside the row callback.
class SqlRow {
 public:
  virtual ~SqlRow() = default;
  virtual int size() const = 0;
  virtual bool IsNull(int column) const = 0;
  virtual std::string_view Text(int column) const = 0;  // "" for NULL
  virtual int64_t Int(int column) const = 0;            // 0 for NULL
  virtual double Double(int column) const = 0;          // 0 for NULL
};

// Returns false to stop reading rows.
using RowFn = std::function<bool(const SqlRow&)>;

enum class Dialect { kSqlite, kPostgres };

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;
  virtual Dialect dialect() const = 0;

  // Runs one statement with bound `params`; `on_row` (may be null) sees
  // each result row. Errors are kStoreError (kIoError for a full disk).
  virtual Status Exec(std::string_view sql, std::span<const SqlValue> params,
                      const RowFn& on_row = nullptr) = 0;

  // Runs a script of statements without parameters (schema DDL).
  virtual Status ExecScript(std::string_view sql) = 0;

  // Rows changed by the last Exec (INSERT/UPDATE/DELETE).
  virtual int64_t Changes() const = 0;
};

// Opens an SQLite file. Errors name the path.
Result<std::unique_ptr<SqlConnection>> OpenSqlite(const std::string& path,
                                                  const StoreOptions& options);

// Connects to PostgreSQL. Errors name the URL without its password.
Result<std::unique_ptr<SqlConnection>> OpenPostgres(
    const std::string& url, const StoreOptions& options);

// The URL with any password replaced by "***", for messages.
std::string RedactUrl(const std::string& url);

// Runs `sql` and returns the first column of the first row as an integer
// (0 when there is no row).
Result<int64_t> QueryInt(SqlConnection& db, std::string_view sql,
                         std::span<const SqlValue> params = {});

}  // namespace curlew::store

#endif  // CURLEW_STORE_SQL_CONNECTION_H_
