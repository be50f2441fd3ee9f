// The store's schema and its migrations, one list for both backends.
//
// Version 1 creates every table. A later version appends one Migration
// (never edits an earlier one); Migrate() applies the missing ones in a
// transaction and refuses a store whose version is newer than this build's.
//
// Thread safety: stateless functions over a caller-owned connection.
#ifndef CURLEW_STORE_SCHEMA_H_
#define CURLEW_STORE_SCHEMA_H_

#include "store/sql_connection.h"

namespace curlew::store {

// Brings the schema to kStoreSchemaVersion (creating it in an empty store)
// when `read_only` is false; checks that it is current when true. Errors:
// a newer version (kUnsupported), a database that holds other tables but no
// curlew schema, an old schema opened read-only.
Status Migrate(SqlConnection& db, bool read_only);

// The schema version of the store, 0 if it has none.
Result<int> ReadSchemaVersion(SqlConnection& db);

}  // namespace curlew::store

#endif  // CURLEW_STORE_SCHEMA_H_
