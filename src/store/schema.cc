#include "store/schema.h"

#include <string>
#include <vector>

namespace curlew::store {
namespace {

// Schema text with type placeholders, so one definition serves both
// dialects: {T} text (byte order in PostgreSQL too, so both backends sort
// alike), {I} 64-bit integer, {F} double, {ID} auto-assigned integer key
// that is never reused (so both backends number events alike).
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE schema_version (version {I} NOT NULL);

CREATE TABLE documents (
  doc_id {T} PRIMARY KEY,
  date {T} NOT NULL,
  source {T} NOT NULL,
  url {T} NOT NULL,
  title {T} NOT NULL,
  text {T} NOT NULL,
  sentences {I} NOT NULL,
  events {I} NOT NULL,
  ingested_at {T} NOT NULL);

CREATE TABLE sentences (
  doc_id {T} NOT NULL,
  idx {I} NOT NULL,
  span_begin {I} NOT NULL,
  span_end {I} NOT NULL,
  text {T} NOT NULL,
  PRIMARY KEY (doc_id, idx));

CREATE TABLE actor_mentions (
  doc_id {T} NOT NULL,
  idx {I} NOT NULL,
  sentence {I} NOT NULL,
  span_begin {I} NOT NULL,
  span_end {I} NOT NULL,
  code {T} NOT NULL,
  text {T} NOT NULL,
  resolved_from {I},
  PRIMARY KEY (doc_id, idx));

CREATE TABLE events (
  event_id {ID},
  doc_id {T} NOT NULL,
  idx {I} NOT NULL,
  sentence {I} NOT NULL,
  span_begin {I} NOT NULL,
  span_end {I} NOT NULL,
  verb_text {T} NOT NULL,
  source {T} NOT NULL,
  target {T} NOT NULL,
  source_text {T} NOT NULL,
  target_text {T} NOT NULL,
  cameo {T} NOT NULL,
  root {T} NOT NULL,
  quad {I} NOT NULL,
  goldstein {F} NOT NULL,
  goldstein_x10 {I} NOT NULL,
  plover {T} NOT NULL,
  plover_mode {T} NOT NULL,
  date {T} NOT NULL,
  event_date {T} NOT NULL,
  ev_day {T} NOT NULL,
  ev_week {T} NOT NULL,
  ev_month {T} NOT NULL,
  ev_year {T} NOT NULL,
  location {T} NOT NULL,
  attribution {T} NOT NULL,
  modality {T} NOT NULL,
  negated {I} NOT NULL,
  issues {T} NOT NULL,
  UNIQUE (doc_id, idx));
CREATE INDEX events_report ON events (event_date, source, target, cameo);
CREATE INDEX events_source ON events (source);
CREATE INDEX events_target ON events (target);
CREATE INDEX events_cameo ON events (cameo);

CREATE TABLE dyad_months (
  year {T} NOT NULL,
  month {T} NOT NULL,
  source {T} NOT NULL,
  target {T} NOT NULL,
  events {I} NOT NULL,
  goldstein_x10 {I} NOT NULL,
  PRIMARY KEY (year, month, source, target));

CREATE TABLE rejections (
  reject_key {T} PRIMARY KEY,
  doc_id {T} NOT NULL,
  location {T} NOT NULL,
  position {I} NOT NULL,
  code {I} NOT NULL,
  reason {T} NOT NULL,
  rejected_at {T} NOT NULL);

CREATE TABLE agreements (
  agreement_id {T} PRIMARY KEY,
  name {T} NOT NULL,
  kind {T} NOT NULL,
  parties {T} NOT NULL,
  status {T} NOT NULL,
  status_date {T} NOT NULL,
  first_doc_id {T} NOT NULL,
  first_sentence {I} NOT NULL,
  updated_at {T} NOT NULL);

CREATE TABLE agreement_steps (
  agreement_id {T} NOT NULL,
  idx {I} NOT NULL,
  step {T} NOT NULL,
  actor {T} NOT NULL,
  actor_text {T} NOT NULL,
  date {T} NOT NULL,
  negated {I} NOT NULL,
  doc_id {T} NOT NULL,
  sentence {I} NOT NULL,
  event_idx {I},
  PRIMARY KEY (agreement_id, idx));
CREATE INDEX agreement_steps_doc ON agreement_steps (doc_id);

CREATE TABLE commitments (
  commitment_id {T} PRIMARY KEY,
  actor {T} NOT NULL,
  actor_text {T} NOT NULL,
  target {T} NOT NULL,
  kind {T} NOT NULL,
  what {T} NOT NULL,
  cameo {T} NOT NULL,
  negated {I} NOT NULL,
  condition {T} NOT NULL,
  form {T} NOT NULL,
  date {T} NOT NULL,
  doc_id {T} NOT NULL,
  sentence {I} NOT NULL,
  event_idx {I});
CREATE INDEX commitments_doc ON commitments (doc_id);

CREATE TABLE commitment_links (
  commitment_id {T} NOT NULL,
  doc_id {T} NOT NULL,
  event_idx {I} NOT NULL,
  relation {T} NOT NULL,
  note {T} NOT NULL,
  PRIMARY KEY (commitment_id, doc_id, event_idx));
)sql";

// Version 2: each document's ledger input (JSON), from which the
// agreement and commitment tables are rebuilt after every ingest.
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE ledger_inputs (
  doc_id {T} PRIMARY KEY,
  doc_date {T} NOT NULL,
  payload {T} NOT NULL);
)sql";

// Version 3: the event's speaker, and the five modalities (docs/modality.md)
// in place of the old statement kinds: a statement ("pledge", "demand",
// "appeal", "denial", "accusation") is asserted, a negated act negated.
constexpr const char* kSchemaV3 = R"sql(
ALTER TABLE events ADD COLUMN speaker {T} NOT NULL DEFAULT '';
UPDATE events SET modality = CASE
  WHEN modality IN ('hypothetical', 'future', 'alleged', 'negated')
    THEN modality
  WHEN negated <> 0 AND modality = '' THEN 'negated'
  ELSE 'asserted' END;
CREATE INDEX events_modality ON events (modality);
)sql";

// Version 4: the incremental ledger. Each document's ledger keys
// (src/ledger/ledger_keys.h), and the keys of documents written or removed
// since the ledger tables were last written, from which the next update
// finds the documents it must rebuild. A store migrated from an earlier
// version has no keys yet: its pending '*' asks for a full rebuild, which
// writes them.
constexpr const char* kSchemaV4 = R"sql(
CREATE TABLE ledger_keys (
  doc_id {T} NOT NULL,
  lkey {T} NOT NULL,
  PRIMARY KEY (doc_id, lkey));
CREATE INDEX ledger_keys_key ON ledger_keys (lkey);
CREATE TABLE ledger_pending (
  doc_id {T} NOT NULL,
  lkey {T} NOT NULL);
CREATE INDEX agreements_first_doc ON agreements (first_doc_id);
INSERT INTO ledger_pending (doc_id, lkey) SELECT '', '*'
  WHERE EXISTS (SELECT 1 FROM ledger_inputs);
)sql";

// Version 5: whether an agreement has more than two parties though the
// reports may name only two (a withdrawal then does not end it). Stored
// agreements keep 0 until the ledger is next written.
constexpr const char* kSchemaV5 = R"sql(
ALTER TABLE agreements ADD COLUMN multilateral {I} NOT NULL DEFAULT 0;
)sql";

struct Migration {
  int version;
  const char* sql;
};

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {{1, kSchemaV1},
                                                     {2, kSchemaV2},
                                                     {3, kSchemaV3},
                                                     {4, kSchemaV4},
                                                     {5, kSchemaV5}};
  return kMigrations;
}

std::string ForDialect(std::string sql, Dialect dialect) {
  bool pg = dialect == Dialect::kPostgres;
  const std::pair<const char*, const char*> kTypes[] = {
      {"{T}", pg ? "TEXT COLLATE \"C\"" : "TEXT"},
      {"{I}", pg ? "BIGINT" : "INTEGER"},
      {"{F}", pg ? "DOUBLE PRECISION" : "REAL"},
      {"{ID}", pg ? "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
                  : "INTEGER PRIMARY KEY AUTOINCREMENT"},
  };
  for (const auto& [from, to] : kTypes) {
    size_t len = std::string_view(from).size();
    for (size_t p = sql.find(from); p != std::string::npos;
         p = sql.find(from, p)) {
      sql.replace(p, len, to);
      p += std::string_view(to).size();
    }
  }
  return sql;
}

Result<int64_t> CountTables(SqlConnection& db, bool only_version_table) {
  std::string sql =
      db.dialect() == Dialect::kSqlite
          ? "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
          : "SELECT count(*) FROM information_schema.tables WHERE "
            "table_schema = current_schema()";
  if (only_version_table) {
    sql += db.dialect() == Dialect::kSqlite
               ? " AND name = 'schema_version'"
               : " AND table_name = 'schema_version'";
  }
  return QueryInt(db, sql);
}

Status NewerError(int version) {
  return Status::Error(ErrorCode::kUnsupported,
                       "store schema version " + std::to_string(version) +
                           " is newer than this curlew supports (" +
                           std::to_string(kStoreSchemaVersion) +
                           "); upgrade curlew");
}

}  // namespace

Result<int64_t> QueryInt(SqlConnection& db, std::string_view sql,
                         std::span<const SqlValue> params) {
  int64_t value = 0;
  Status s = db.Exec(sql, params, [&](const SqlRow& row) {
    value = row.Int(0);
    return false;
  });
  if (!s.ok()) return s;
  return value;
}

Result<int> ReadSchemaVersion(SqlConnection& db) {
  Result<int64_t> has = CountTables(db, true);
  if (!has.ok()) return has.status();
  if (*has == 0) return 0;
  Result<int64_t> v = QueryInt(db, "SELECT max(version) FROM schema_version");
  if (!v.ok()) return v.status();
  return static_cast<int>(*v);
}

Status Migrate(SqlConnection& db, bool read_only) {
  if (read_only) {
    Result<int> v = ReadSchemaVersion(db);
    if (!v.ok()) return v.status();
    if (*v == 0) {
      return Status::Error(ErrorCode::kNotFound,
                           "no curlew store here (no schema); ingest first");
    }
    if (*v > kStoreSchemaVersion) return NewerError(*v);
    if (*v < kStoreSchemaVersion) {
      return Status::Error(ErrorCode::kUnsupported,
                           "store schema version " + std::to_string(*v) +
                               " needs migrating; open it once for writing");
    }
    return Status();
  }
  bool pg = db.dialect() == Dialect::kPostgres;
  Status s = db.ExecScript(pg ? "BEGIN" : "BEGIN IMMEDIATE");
  if (!s.ok()) return s;
  auto fail = [&](Status error) {
    db.ExecScript("ROLLBACK");
    return error;
  };
  if (pg) {
    // Two writers opening a new database at once: one migrates, the other
    // waits and then finds the schema current.
    s = db.ExecScript("SELECT pg_advisory_xact_lock(7262011)");
    if (!s.ok()) return fail(s);
  }
  Result<int> version = ReadSchemaVersion(db);
  if (!version.ok()) return fail(version.status());
  if (*version > kStoreSchemaVersion) return fail(NewerError(*version));
  if (*version == 0) {
    Result<int64_t> tables = CountTables(db, false);
    if (!tables.ok()) return fail(tables.status());
    if (*tables > 0) {
      return fail(Status::Error(
          ErrorCode::kStoreError,
          "not a curlew store: the database has other tables and no "
          "schema_version"));
    }
  }
  if (*version == kStoreSchemaVersion) return fail(Status());
  for (const Migration& m : Migrations()) {
    if (m.version <= *version) continue;
    s = db.ExecScript(ForDialect(m.sql, db.dialect()));
    if (!s.ok()) return fail(s);
  }
  s = db.ExecScript("DELETE FROM schema_version");
  if (!s.ok()) return fail(s);
  SqlValue v = int64_t{kStoreSchemaVersion};
  s = db.Exec("INSERT INTO schema_version (version) VALUES (?)", {&v, 1});
  if (!s.ok()) return fail(s);
  s = db.ExecScript("COMMIT");
  if (!s.ok()) return fail(s);
  return Status();
}

}  // namespace curlew::store
