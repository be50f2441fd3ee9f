// The Store on top of SqlConnection: every statement here runs unchanged on
// SQLite and PostgreSQL, with values bound as parameters.
#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "curlew/store.h"
#include "ledger/ledger_json.h"
#include "ledger/ledger_keys.h"
#include "store/dates.h"
#include "store/event_rows.h"
#include "store/ledger_tables.h"
#include "store/schema.h"
#include "store/sql_connection.h"

namespace curlew {
namespace {

using store::Dialect;
using store::SqlConnection;
using store::SqlRow;
using store::SqlValue;

SqlValue Int(int64_t v) { return SqlValue(v); }

// A WHERE clause and its parameters, built side by side so that no value
// ever becomes SQL text.
struct Where {
  std::string sql;
  std::vector<SqlValue> params;
  bool needs_sentences = false;

  void Add(std::string clause) {
    sql += sql.empty() ? " WHERE " : " AND ";
    sql += clause;
  }
};

// The first string after every string starting with `prefix`, or "" when
// there is none to compute in plain ASCII.
std::string PrefixSuccessor(const std::string& prefix) {
  if (prefix.empty()) return "";
  unsigned char last = static_cast<unsigned char>(prefix.back());
  if (last >= 0x7e) return "";
  std::string next = prefix;
  next.back() = static_cast<char>(last + 1);
  return next;
}

// ASCII upper case: actor codes and PLOVER types are stored in upper case
// and matched in any case ("tur" finds TUR).
std::string UpperCode(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

// "column starts with prefix" (in any case) as SQL, its values appended to
// `params`.
std::string PrefixClause(const std::string& column,
                         const std::string& given_prefix,
                         std::vector<SqlValue>& params) {
  const std::string prefix = UpperCode(given_prefix);
  std::string next = PrefixSuccessor(prefix);
  if (!next.empty()) {
    // A range, so the index on the column serves it.
    params.push_back(prefix);
    params.push_back(next);
    return column + " >= ? AND " + column + " < ?";
  }
  params.push_back(Int(static_cast<int64_t>(prefix.size())));
  params.push_back(prefix);
  return "substr(" + column + ", 1, ?) = ?";
}

// "column is code" (exact) or "column starts with code".
std::string ActorClause(const std::string& column, const std::string& code,
                        bool exact, std::vector<SqlValue>& params) {
  if (!exact) return PrefixClause(column, code, params);
  params.push_back(UpperCode(code));
  return column + " = ?";
}

void AddActor(Where& w, const std::string& column, const EventFilter& f,
              const std::string& code) {
  if (code.empty()) return;
  w.Add(ActorClause(column, code, f.exact_actors, w.params));
}

// LIKE pattern for a substring, with '!' escaping LIKE's own characters.
std::string LikePattern(const std::string& text) {
  std::string p = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '!') p += '!';
    p += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return p + "%";
}

// The filter without one-a-day (events table as `e`, sentences as `s`).
Where PlainWhere(const EventFilter& f) {
  Where w;
  if (!f.from.empty()) {
    w.Add("e.event_date >= ?");
    w.params.push_back(f.from);
  }
  if (!f.to.empty()) {
    w.Add("e.event_date <= ?");
    w.params.push_back(store::InclusiveUpperBound(f.to));
  }
  AddActor(w, "e.source", f, f.source);
  AddActor(w, "e.target", f, f.target);
  if (!f.actor.empty()) {
    std::string as_source =
        ActorClause("e.source", f.actor, f.exact_actors, w.params);
    std::string as_target =
        ActorClause("e.target", f.actor, f.exact_actors, w.params);
    w.Add("((" + as_source + ") OR (" + as_target + "))");
  }
  auto equal = [&](const char* column, const std::string& value) {
    if (value.empty()) return;
    w.Add(std::string(column) + " = ?");
    w.params.push_back(value);
  };
  equal("e.cameo", f.cameo);
  equal("e.root", f.root);
  equal("e.plover", UpperCode(f.plover));
  equal("e.doc_id", f.doc_id);
  if (!f.modality.empty()) {
    std::string in;
    for (const std::string& m : f.modality) {
      in += in.empty() ? "?" : ", ?";
      w.params.push_back(m);
    }
    w.Add("e.modality IN (" + in + ")");
  }
  if (f.quad != 0) {
    w.Add("e.quad = ?");
    w.params.push_back(Int(f.quad));
  }
  if (!f.text.empty()) {
    w.Add("lower(s.text) LIKE ? ESCAPE '!'");
    w.params.push_back(LikePattern(f.text));
    w.needs_sentences = true;
  }
  return w;
}

constexpr const char* kSentenceJoin =
    " LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence";

// The full filter. One-a-day keeps, of each (date, source, target, CAMEO)
// group the filter selects, the event of the first document.
Where FilterWhere(const EventFilter& f) {
  Where plain = PlainWhere(f);
  if (!f.one_a_day) return plain;
  Where w;
  w.needs_sentences = plain.needs_sentences;
  w.Add(
      "e.event_id IN (SELECT event_id FROM (SELECT e.event_id, ROW_NUMBER() "
      "OVER (PARTITION BY e.event_date, e.source, e.target, e.cameo ORDER BY "
      "e.doc_id, e.idx) AS rn FROM events e" +
      std::string(plain.needs_sentences ? kSentenceJoin : "") + plain.sql +
      ") q WHERE q.rn = 1)");
  w.params = std::move(plain.params);
  return w;
}

struct DyadKey {
  std::string year, month, source, target;
  auto operator<=>(const DyadKey&) const = default;
};
struct Tally {
  int64_t events = 0;
  int64_t goldstein_x10 = 0;
};
using Deltas = std::map<DyadKey, Tally>;

int64_t Tenths(double goldstein) {
  return static_cast<int64_t>(std::llround(goldstein * 10.0));
}

double MeanGoldstein(int64_t sum_x10, int64_t n) {
  if (n == 0) return 0.0;
  // sum_x10 / (10 n), to 0.01, from integers: identical on every backend.
  return std::round(static_cast<double>(sum_x10) * 10.0 /
                    static_cast<double>(n)) /
         100.0;
}

// Rows for one table, sent as multi-row INSERTs: one statement per
// kChunkRows rows saves a server round trip per row.
class RowBuffer {
 public:
  RowBuffer(std::string head, int columns)
      : head_(std::move(head)), columns_(columns) {
    one_ = head_ + " VALUES " + Tuple();
    chunk_ = head_ + " VALUES " + Tuple();
    for (int i = 1; i < kChunkRows; ++i) chunk_ += ", " + Tuple();
  }
  std::vector<SqlValue>& values() { return values_; }

  Status Flush(SqlConnection& db) {
    std::span<const SqlValue> all(values_);
    size_t row = static_cast<size_t>(columns_);
    size_t done = 0;
    Status s;
    for (; s.ok() && all.size() - done >= row * kChunkRows;
         done += row * kChunkRows) {
      s = db.Exec(chunk_, all.subspan(done, row * kChunkRows));
    }
    for (; s.ok() && done < all.size(); done += row) {
      s = db.Exec(one_, all.subspan(done, row));
    }
    values_.clear();
    return s;
  }

 private:
  static constexpr int kChunkRows = 32;
  std::string Tuple() const {
    std::string t = "(?";
    for (int i = 1; i < columns_; ++i) t += ", ?";
    return t + ")";
  }
  std::string head_, one_, chunk_;
  int columns_;
  std::vector<SqlValue> values_;
};

class SqlStore : public Store {
 public:
  SqlStore(std::unique_ptr<SqlConnection> db, std::string location)
      : db_(std::move(db)), location_(std::move(location)) {}

  std::string_view backend() const override {
    return db_->dialect() == Dialect::kSqlite ? "sqlite" : "postgresql";
  }
  const std::string& location() const override { return location_; }
  Result<int> SchemaVersion() override {
    return store::ReadSchemaVersion(*db_);
  }

  Status Write(const WriteBatch& batch) override {
    Status s = db_->ExecScript(
        db_->dialect() == Dialect::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN");
    if (!s.ok()) return s.WithWhere(location_);
    s = WriteInTransaction(batch);
    if (s.ok()) s = db_->ExecScript("COMMIT");
    if (!s.ok()) {
      db_->ExecScript("ROLLBACK");
      return s.WithWhere(location_);
    }
    return Status();
  }

  Status ForEachDocumentId(
      const std::function<void(std::string_view)>& visit) override {
    return db_->Exec("SELECT doc_id FROM documents", {},
                     [&](const SqlRow& row) {
                       visit(row.Text(0));
                       return true;
                     });
  }

  Status ForEachStoredId(
      const std::vector<std::string>& ids,
      const std::function<void(std::string_view)>& visit) override {
    std::vector<SqlValue> values(ids.begin(), ids.end());
    return ForIdChunks("SELECT doc_id FROM documents WHERE doc_id", values,
                       [&](const SqlRow& row) {
                         visit(row.Text(0));
                         return true;
                       });
  }

  Result<StoreCounts> Counts() override {
    StoreCounts c;
    const std::pair<const char*, int64_t*> kTables[] = {
        {"SELECT count(*) FROM documents", &c.documents},
        {"SELECT count(*) FROM sentences", &c.sentences},
        {"SELECT count(*) FROM events", &c.events},
        {"SELECT count(*) FROM rejections", &c.rejected}};
    for (const auto& [sql, out] : kTables) {
      Result<int64_t> n = store::QueryInt(*db_, sql);
      if (!n.ok()) return n.status();
      *out = *n;
    }
    return c;
  }

  Status ForEachLedgerInput(
      const std::function<void(LedgerInput&&)>& visit) override {
    Status bad;
    Status s =
        db_->Exec("SELECT doc_id, payload FROM ledger_inputs ORDER BY doc_id",
                  {}, InputRows(visit, &bad));
    if (!s.ok()) return s.WithWhere(location_);
    return bad;
  }

  Status WriteLedger(const Ledger& ledger) override {
    Status s = db_->ExecScript(
        db_->dialect() == Dialect::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN");
    if (!s.ok()) return s.WithWhere(location_);
    s = WriteLedgerInTransaction(ledger);
    if (s.ok()) s = db_->ExecScript("COMMIT");
    if (!s.ok()) {
      db_->ExecScript("ROLLBACK");
      return s.WithWhere(location_);
    }
    return Status();
  }

  Status ForEachPendingLedgerInput(
      const std::function<void(LedgerInput&&)>& visit,
      std::vector<std::string>* doc_ids, bool* all) override {
    bool no_keys = false;
    Status s = PendingComponent(doc_ids, all, &no_keys);
    if (!s.ok()) return s.WithWhere(location_);
    if (no_keys) return RebuildAllKeys(visit);
    if (*all) return ForEachLedgerInput(visit);
    std::vector<SqlValue> ids(doc_ids->begin(), doc_ids->end());
    Status bad;
    s = ForIdChunks("SELECT doc_id, payload FROM ledger_inputs WHERE doc_id",
                    ids, InputRows(visit, &bad));
    if (!s.ok()) return s.WithWhere(location_);
    return bad;
  }

  Status WriteLedgerPart(const Ledger& ledger,
                         const std::vector<std::string>& doc_ids) override {
    Status s = db_->ExecScript(
        db_->dialect() == Dialect::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN");
    if (!s.ok()) return s.WithWhere(location_);
    s = WriteLedgerPartInTransaction(ledger, doc_ids);
    if (s.ok()) s = db_->ExecScript("COMMIT");
    if (!s.ok()) {
      db_->ExecScript("ROLLBACK");
      return s.WithWhere(location_);
    }
    return Status();
  }

  Result<std::vector<Rejection>> Rejections() override {
    std::vector<Rejection> out;
    Status s = db_->Exec(
        "SELECT doc_id, location, position, code, reason FROM rejections "
        "ORDER BY reject_key",
        {}, [&](const SqlRow& row) {
          Rejection r;
          r.doc_id = row.Text(0);
          r.where = row.Text(1);
          r.position = row.Int(2);
          r.code = static_cast<ErrorCode>(row.Int(3));
          r.reason = row.Text(4);
          out.push_back(std::move(r));
          return true;
        });
    if (!s.ok()) return s;
    return out;
  }

  Status QueryEvents(
      const EventFilter& filter,
      const std::function<bool(const EventRecord&)>& visit) override {
    Status valid = ValidateFilter(filter);
    if (!valid.ok()) return valid;
    Where w = FilterWhere(filter);
    if (!filter.after.doc_id.empty()) {
      // After one-a-day's choice, so that paging never changes which event
      // of a group is kept. The first clause lets the date index serve.
      w.Add(
          "e.event_date >= ? AND (e.event_date > ? OR (e.event_date = ? AND "
          "(e.doc_id > ? OR (e.doc_id = ? AND e.idx > ?))))");
      const EventFilter::Position& a = filter.after;
      w.params.insert(w.params.end(), {a.date, a.date, a.date, a.doc_id,
                                       a.doc_id, Int(a.index)});
    }
    std::string sql =
        "SELECT e.event_id, e.doc_id, e.idx, d.date, d.source, d.url, "
        "e.event_date, s.text, d.ingested_at, "
        "(SELECT count(*) FROM events m WHERE m.event_date = e.event_date AND "
        "m.source = e.source AND m.target = e.target AND m.cameo = e.cameo), " +
        std::string(store::kEventColumns) +
        " FROM events e JOIN documents d ON d.doc_id = e.doc_id" +
        std::string(kSentenceJoin) + w.sql +
        " ORDER BY e.event_date, e.doc_id, e.idx";
    if (filter.limit > 0) {
      sql += " LIMIT ?";
      w.params.push_back(Int(filter.limit));
    }
    EventRecord r;
    return db_->Exec(sql, w.params, [&](const SqlRow& row) {
      int c = 0;
      r.event_id = row.Int(c++);
      r.doc_id = row.Text(c++);
      r.index = static_cast<uint32_t>(row.Int(c++));
      r.doc_date = row.Text(c++);
      r.doc_source = row.Text(c++);
      r.doc_url = row.Text(c++);
      r.date = row.Text(c++);
      r.sentence_text = row.Text(c++);
      r.ingested_at = row.Text(c++);
      r.mentions = row.Int(c++);
      store::ReadEventColumns(row, c, &r.event);
      return visit(r);
    });
  }

  Result<std::vector<GroupCount>> Count(const EventFilter& filter,
                                        GroupBy group, Period period) override {
    bool summary_serves =
        group == GroupBy::kDyad &&
        (period == Period::kAll || period == Period::kMonth ||
         period == Period::kYear) &&
        filter.from.empty() && filter.to.empty() && filter.cameo.empty() &&
        filter.root.empty() && filter.quad == 0 && filter.plover.empty() &&
        filter.text.empty() && filter.doc_id.empty() && filter.actor.empty() &&
        filter.modality.empty() && !filter.one_a_day;
    if (!summary_serves) return CountFromEvents(filter, group, period);
    Status valid = ValidateFilter(filter);
    if (!valid.ok()) return valid;
    Where w;
    AddActor(w, "e.source", filter, filter.source);
    AddActor(w, "e.target", filter, filter.target);
    std::string bucket = period == Period::kMonth  ? "e.month"
                         : period == Period::kYear ? "e.year"
                                                   : "";
    return RunCount("SELECT " + (bucket.empty() ? "''" : bucket) +
                        ", e.source, e.target, sum(e.events), "
                        "sum(e.goldstein_x10) FROM dyad_months e" +
                        w.sql + " GROUP BY " +
                        (bucket.empty() ? "" : bucket + ", ") +
                        "e.source, e.target HAVING sum(e.events) > 0",
                    w.params, group, bucket.empty() ? "" : "1, ", filter.limit);
  }

  Result<std::vector<GroupCount>> CountFromEvents(const EventFilter& filter,
                                                  GroupBy group,
                                                  Period period) override {
    Status valid = ValidateFilter(filter);
    if (!valid.ok()) return valid;
    Where w = FilterWhere(filter);
    std::string bucket = period == Period::kDay     ? "e.ev_day"
                         : period == Period::kWeek  ? "e.ev_week"
                         : period == Period::kMonth ? "e.ev_month"
                         : period == Period::kYear  ? "e.ev_year"
                                                    : "";
    std::string keys = group == GroupBy::kDyad   ? "e.source, e.target"
                       : group == GroupBy::kQuad ? "e.quad"
                                                 : "e.root";
    if (db_->dialect() == Dialect::kSqlite) {
      return GroupInProcess(
          "SELECT " + (bucket.empty() ? "''" : bucket) + ", " + keys +
              ", e.goldstein_x10 FROM events e" +
              (w.needs_sentences ? kSentenceJoin : "") + w.sql,
          w.params, group, filter.limit);
    }
    return RunCount("SELECT " + (bucket.empty() ? "''" : bucket) + ", " + keys +
                        ", count(*), sum(e.goldstein_x10) FROM events e" +
                        (w.needs_sentences ? kSentenceJoin : "") + w.sql +
                        " GROUP BY " + (bucket.empty() ? "" : bucket + ", ") +
                        keys,
                    w.params, group, bucket.empty() ? "" : "1, ", filter.limit);
  }

  Result<Document> ReadDocument(const std::string& doc_id) override {
    Document doc;
    bool found = false;
    SqlValue id[] = {doc_id};
    Status s = db_->Exec(
        "SELECT doc_id, date, source, url, title, text FROM documents WHERE "
        "doc_id = ?",
        id, [&](const SqlRow& row) {
          found = true;
          doc.id = row.Text(0);
          doc.date = row.Text(1);
          doc.source = row.Text(2);
          doc.url = row.Text(3);
          doc.title = row.Text(4);
          doc.text = row.Text(5);
          return false;
        });
    if (!s.ok()) return s.WithWhere(location_);
    if (!found) {
      return Status::Error(ErrorCode::kNotFound, "no document with this id",
                           doc_id);
    }
    s = db_->Exec(
        "SELECT span_begin, span_end FROM sentences WHERE doc_id = ? ORDER BY "
        "idx",
        id, [&](const SqlRow& row) {
          Sentence sent;
          sent.span.begin = static_cast<uint32_t>(row.Int(0));
          sent.span.end = static_cast<uint32_t>(row.Int(1));
          doc.sentences.push_back(sent);
          return true;
        });
    if (!s.ok()) return s.WithWhere(location_);
    return doc;
  }

  Result<std::vector<Agreement>> ReadAgreements() override {
    return store::ReadAgreementTables(*db_);
  }

  Result<std::vector<Commitment>> ReadCommitments() override {
    return store::ReadCommitmentTables(*db_);
  }

 private:
  // SQLite: the aggregate of CountFromEvents grouped here rather than by
  // SQLite's GROUP BY. The rows stream in-process either way, and a hash
  // table does without the sort of every row that GROUP BY costs (a third
  // of the CPU time on 100,000 events). PostgreSQL groups on the server, so
  // that only the groups cross the network. `sql` selects (period,
  // keys..., goldstein_x10) per event; the result is ordered and limited
  // as RunCount's.
  Result<std::vector<GroupCount>> GroupInProcess(
      const std::string& sql, const std::vector<SqlValue>& params,
      GroupBy group, int64_t limit) {
    struct Sum {
      GroupCount row;
      int64_t goldstein_x10 = 0;
    };
    std::vector<Sum> groups;
    std::unordered_map<std::string, size_t> index;
    std::string key;
    Status s = db_->Exec(sql, params, [&](const SqlRow& row) {
      key.assign(row.Text(0));
      key += '\x1f';
      if (group == GroupBy::kDyad) {
        key += row.Text(1);
        key += '\x1f';
        key += row.Text(2);
      } else if (group == GroupBy::kQuad) {
        key += std::to_string(row.Int(1));
      } else {
        key += row.Text(1);
      }
      auto [it, added] = index.try_emplace(key, groups.size());
      if (added) {
        Sum sum;
        sum.row.period = row.Text(0);
        if (group == GroupBy::kDyad) {
          sum.row.source = row.Text(1);
          sum.row.target = row.Text(2);
        } else if (group == GroupBy::kQuad) {
          sum.row.quad = static_cast<int>(row.Int(1));
        } else {
          sum.row.root = row.Text(1);
        }
        groups.push_back(std::move(sum));
      }
      Sum& sum = groups[it->second];
      sum.row.events += 1;
      sum.goldstein_x10 += row.Int(group == GroupBy::kDyad ? 3 : 2);
      return true;
    });
    if (!s.ok()) return s;
    auto order = [](const Sum& a, const Sum& b) {
      return std::tie(a.row.period, a.row.source, a.row.target, a.row.root,
                      a.row.quad) < std::tie(b.row.period, b.row.source,
                                             b.row.target, b.row.root,
                                             b.row.quad);
    };
    std::sort(groups.begin(), groups.end(), order);
    if (limit > 0 && static_cast<int64_t>(groups.size()) > limit)
      groups.resize(static_cast<size_t>(limit));
    std::vector<GroupCount> out;
    out.reserve(groups.size());
    for (Sum& g : groups) {
      g.row.mean_goldstein = MeanGoldstein(g.goldstein_x10, g.row.events);
      out.push_back(std::move(g.row));
    }
    return out;
  }

  // Runs an aggregate whose columns are (period, keys..., n, sum_x10).
  Result<std::vector<GroupCount>> RunCount(std::string sql,
                                           std::vector<SqlValue> params,
                                           GroupBy group,
                                           const std::string& order_period,
                                           int64_t limit) {
    sql +=
        " ORDER BY " + order_period + (group == GroupBy::kDyad ? "2, 3" : "2");
    if (limit > 0) {
      sql += " LIMIT ?";
      params.push_back(Int(limit));
    }
    std::vector<GroupCount> out;
    Status s = db_->Exec(sql, params, [&](const SqlRow& row) {
      GroupCount g;
      int c = 0;
      g.period = row.Text(c++);
      if (group == GroupBy::kDyad) {
        g.source = row.Text(c++);
        g.target = row.Text(c++);
      } else if (group == GroupBy::kQuad) {
        g.quad = static_cast<int>(row.Int(c++));
      } else {
        g.root = row.Text(c++);
      }
      g.events = row.Int(c++);
      g.mean_goldstein = MeanGoldstein(row.Int(c), g.events);
      out.push_back(std::move(g));
      return true;
    });
    if (!s.ok()) return s;
    return out;
  }

  Status WriteLedgerInTransaction(const Ledger& ledger) {
    for (const char* sql :
         {"DELETE FROM agreements", "DELETE FROM agreement_steps",
          "DELETE FROM commitments", "DELETE FROM commitment_links",
          // A store still without keys keeps asking for them ('*').
          "DELETE FROM ledger_pending WHERE lkey <> '*'"}) {
      Status s = db_->ExecScript(sql);
      if (!s.ok()) return s;
    }
    return InsertLedgerRows(ledger, 0, 0);
  }

  // Replaces the rows of the agreements founded in, and the commitments
  // of, `doc_ids` by those of `ledger`, numbered after the highest ids
  // left.
  Status WriteLedgerPartInTransaction(const Ledger& ledger,
                                      const std::vector<std::string>& doc_ids) {
    std::vector<SqlValue> docs(doc_ids.begin(), doc_ids.end());
    auto ids_of = [&](const char* head, std::vector<SqlValue>* out) {
      return ForIdChunks(head, docs, [&](const SqlRow& row) {
        out->emplace_back(std::string(row.Text(0)));
        return true;
      });
    };
    std::vector<SqlValue> agreements, commitments;
    Status s = ids_of("SELECT agreement_id FROM agreements WHERE first_doc_id",
                      &agreements);
    if (s.ok())
      s = ids_of("SELECT commitment_id FROM commitments WHERE doc_id",
                 &commitments);
    for (const char* head : {"DELETE FROM agreements WHERE agreement_id",
                             "DELETE FROM agreement_steps WHERE agreement_id"})
      if (s.ok()) s = ForIdChunks(head, agreements);
    for (const char* head :
         {"DELETE FROM commitments WHERE commitment_id",
          "DELETE FROM commitment_links WHERE commitment_id"})
      if (s.ok()) s = ForIdChunks(head, commitments);
    // Only what this update took up: documents another writer made
    // pending meanwhile stay pending.
    if (s.ok())
      s = ForIdChunks("DELETE FROM ledger_pending WHERE doc_id", docs);
    if (!s.ok()) return s;
    Result<int64_t> a = store::QueryInt(
        *db_, "SELECT max(CAST(agreement_id AS BIGINT)) FROM agreements");
    if (!a.ok()) return a.status();
    Result<int64_t> c = store::QueryInt(
        *db_, "SELECT max(CAST(commitment_id AS BIGINT)) FROM commitments");
    if (!c.ok()) return c.status();
    return InsertLedgerRows(ledger, *a, *c);
  }

  // Inserts the rows of `ledger`'s agreements and commitments, their ids
  // shifted by the offsets.
  Status InsertLedgerRows(const Ledger& ledger, int64_t agreement_offset,
                          int64_t commitment_offset) {
    std::string now = UtcNow();
    auto join = [](const std::vector<std::string>& v) {
      std::string out;
      for (const auto& x : v) out += (out.empty() ? "" : ";") + x;
      return out;
    };
    for (const Agreement& a : ledger.agreements()) {
      AgreementStatus st = StatusAsOf(a, "");
      std::string id = std::to_string(a.id + agreement_offset);
      const SourceRef first =
          a.mentions.empty() ? SourceRef{} : a.mentions.front();
      SqlValue row[] = {
          id,           a.name,
          a.kind,       join(a.parties),
          st.label,     a.steps.empty() ? std::string() : a.steps.back().date,
          first.doc_id, Int(first.sentence),
          now,          Int(a.multilateral ? 1 : 0)};
      Status s = db_->Exec(
          "INSERT INTO agreements (agreement_id, name, kind, parties, status, "
          "status_date, first_doc_id, first_sentence, updated_at, "
          "multilateral) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          row);
      if (!s.ok()) return s;
      for (size_t i = 0; i < a.steps.size(); ++i) {
        const AgreementStep& st_i = a.steps[i];
        SqlValue step[] = {id,
                           Int(static_cast<int64_t>(i)),
                           std::string(StepKindName(st_i.step)),
                           st_i.actor,
                           st_i.actor_text,
                           st_i.date,
                           Int(st_i.negated ? 1 : 0),
                           st_i.source.doc_id,
                           Int(st_i.source.sentence)};
        s = db_->Exec(
            "INSERT INTO agreement_steps (agreement_id, idx, step, actor, "
            "actor_text, date, negated, doc_id, sentence) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?)",
            step);
        if (!s.ok()) return s;
      }
    }
    for (const Commitment& c : ledger.commitments()) {
      std::string id = std::to_string(c.id + commitment_offset);
      const CommitmentMention& w = c.what;
      SqlValue row[] = {id,
                        w.actor,
                        w.actor_text,
                        w.target,
                        std::string(w.negated ? "pledge not to" : "pledge to"),
                        w.action,
                        w.action_lemma,
                        Int(w.negated ? 1 : 0),
                        w.condition,
                        w.form,
                        w.date,
                        w.source.doc_id,
                        Int(w.source.sentence)};
      Status s = db_->Exec(
          "INSERT INTO commitments (commitment_id, actor, actor_text, target, "
          "kind, what, cameo, negated, condition, form, date, doc_id, "
          "sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          row);
      if (!s.ok()) return s;
      for (const CommitmentLink& l : c.links) {
        SqlValue link[] = {id, l.doc_id, Int(l.event_index),
                           std::string(CommitmentLinkName(l.kind)),
                           l.source.text};
        s = db_->Exec(
            "INSERT INTO commitment_links (commitment_id, doc_id, event_idx, "
            "relation, note) VALUES (?, ?, ?, ?, ?)",
            link);
        if (!s.ok()) return s;
      }
    }
    return Status();
  }

  Status WriteInTransaction(const WriteBatch& batch) {
    Deltas deltas;
    std::string now = UtcNow();
    // Nothing of an earlier, failed batch may linger.
    document_rows_.values().clear();
    sentence_rows_.values().clear();
    event_rows_.values().clear();
    key_rows_.values().clear();
    pending_rows_.values().clear();
    inserted_ids_.clear();
    Status locked = LockDocuments(batch);
    if (!locked.ok()) return locked;
    // Which ids are stored already, asked once per chunk of ids rather than
    // once per document.
    std::vector<SqlValue> ids;
    for (const Document& d : batch.documents) ids.emplace_back(d.id);
    std::unordered_set<std::string> stored;
    Status found = ForIdChunks("SELECT doc_id FROM documents WHERE doc_id", ids,
                               [&](const SqlRow& row) {
                                 stored.emplace(row.Text(0));
                                 return true;
                               });
    if (!found.ok()) return found;
    std::unordered_set<std::string_view> seen;
    for (const Document& doc : batch.documents) {
      Status s;
      // An id repeated in one batch: its first copy's rows must be in the
      // tables before they can be replaced.
      if (!seen.insert(doc.id).second) {
        s = FlushRows();
        stored.insert(doc.id);
      }
      if (s.ok() && stored.count(doc.id)) s = RemoveDocument(doc.id, deltas);
      if (s.ok()) s = InsertDocument(doc, now, deltas);
      if (!s.ok()) return s.WithWhere(doc.id);
    }
    Status flushed = FlushRows();
    if (!flushed.ok()) return flushed;
    std::unordered_set<std::string_view> keyed;
    for (const LedgerInput& in : batch.ledger) {
      SqlValue id[] = {in.doc_id};
      // A document given twice in one batch: its first keys must be in the
      // table before they can be replaced.
      Status s = keyed.insert(in.doc_id).second ? Status() : FlushKeyRows();
      if (s.ok()) s = RemoveLedgerKeys(in.doc_id);
      if (s.ok())
        s = db_->Exec("DELETE FROM ledger_inputs WHERE doc_id = ?", id);
      SqlValue row[] = {in.doc_id, in.doc_date, LedgerInputToJson(in)};
      if (s.ok())
        s = db_->Exec(
            "INSERT INTO ledger_inputs (doc_id, doc_date, payload) "
            "VALUES (?, ?, ?)",
            row);
      if (!s.ok()) return s.WithWhere(in.doc_id);
      for (std::string& key : LedgerKeys(in))
        key_rows_.values().insert(
            key_rows_.values().end(),
            {SqlValue(in.doc_id), SqlValue(std::move(key))});
      // The document is pending with whatever keys it has when the ledger
      // is next updated.
      pending_rows_.values().insert(pending_rows_.values().end(),
                                    {SqlValue(in.doc_id), SqlValue("")});
    }
    Status keys_written = FlushKeyRows();
    if (!keys_written.ok()) return keys_written;
    for (const Rejection& r : batch.rejections) {
      std::string key = !r.doc_id.empty()
                            ? r.doc_id
                            : "@" + r.where + ":" + std::to_string(r.position);
      SqlValue p[] = {key,
                      r.doc_id,
                      r.where,
                      Int(r.position),
                      Int(static_cast<int64_t>(r.code)),
                      r.reason,
                      now};
      Status s = db_->Exec(
          "INSERT INTO rejections (reject_key, doc_id, location, position, "
          "code, reason, rejected_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
          "ON CONFLICT (reject_key) DO UPDATE SET doc_id = excluded.doc_id, "
          "location = excluded.location, position = excluded.position, "
          "code = excluded.code, reason = excluded.reason, "
          "rejected_at = excluded.rejected_at",
          p);
      if (!s.ok()) return s;
    }
    return ApplyDeltas(deltas);
  }

  // Reads rows (doc_id, payload) of ledger_inputs into `visit`; stops at
  // the first that does not parse, kept in `bad`.
  static store::RowFn InputRows(const std::function<void(LedgerInput&&)>& visit,
                                Status* bad) {
    return [&visit, bad](const SqlRow& row) {
      Result<LedgerInput> in =
          LedgerInputFromJson(row.Text(1), std::string(row.Text(0)));
      if (!in.ok()) {
        *bad = in.status();
        return false;
      }
      visit(std::move(*in));
      return true;
    };
  }

  // The pending documents and every document tied to them through ledger
  // keys (a breadth-first walk over the key table), or `all` when that is
  // everything: a store without keys yet ('*'), or pending documents that
  // are a quarter of the store or more (a bulk ingest: a full rebuild is
  // then cheaper than the walk).
  Status PendingComponent(std::vector<std::string>* doc_ids, bool* all,
                          bool* no_keys) {
    *all = false;
    doc_ids->clear();
    std::unordered_set<std::string> docs, keys;
    std::vector<SqlValue> doc_frontier, key_frontier;
    auto add_key = [&](std::string_view key) {
      for (std::string& k : PartnerKeys(key))
        if (keys.insert(k).second) key_frontier.emplace_back(std::move(k));
    };
    auto add_doc = [&](std::string_view id) {
      if (docs.emplace(id).second) doc_frontier.emplace_back(std::string(id));
    };
    Status s = db_->Exec("SELECT doc_id, lkey FROM ledger_pending", {},
                         [&](const SqlRow& row) {
                           if (row.Text(1) == "*") *all = *no_keys = true;
                           if (!row.Text(0).empty()) add_doc(row.Text(0));
                           if (!row.Text(1).empty()) add_key(row.Text(1));
                           return true;
                         });
    if (!s.ok() || *all) return s;
    constexpr size_t kManyPending = 1000;
    if (docs.size() >= kManyPending) {
      Result<int64_t> n =
          store::QueryInt(*db_, "SELECT count(*) FROM ledger_inputs");
      if (!n.ok()) return n.status();
      if (static_cast<int64_t>(docs.size()) * 4 >= *n) {
        *all = true;
        return Status();
      }
    }
    while (!doc_frontier.empty() || !key_frontier.empty()) {
      std::vector<SqlValue> of_docs, of_keys;
      of_docs.swap(doc_frontier);
      of_keys.swap(key_frontier);
      s = ForIdChunks("SELECT lkey FROM ledger_keys WHERE doc_id", of_docs,
                      [&](const SqlRow& row) {
                        add_key(row.Text(0));
                        return true;
                      });
      if (s.ok())
        s = ForIdChunks("SELECT doc_id FROM ledger_keys WHERE lkey", of_keys,
                        [&](const SqlRow& row) {
                          add_doc(row.Text(0));
                          return true;
                        });
      if (!s.ok()) return s;
    }
    doc_ids->assign(docs.begin(), docs.end());
    std::sort(doc_ids->begin(), doc_ids->end());
    return Status();
  }

  // Visits every ledger input and writes every document's keys afresh (a
  // store migrated from before the keys, or a full rebuild anyway).
  Status RebuildAllKeys(const std::function<void(LedgerInput&&)>& visit) {
    std::vector<std::pair<std::string, std::vector<std::string>>> keys;
    Status s = ForEachLedgerInput([&](LedgerInput&& in) {
      keys.emplace_back(in.doc_id, LedgerKeys(in));
      visit(std::move(in));
    });
    if (!s.ok()) return s;
    s = db_->ExecScript(db_->dialect() == Dialect::kSqlite ? "BEGIN IMMEDIATE"
                                                           : "BEGIN");
    if (s.ok()) s = db_->ExecScript("DELETE FROM ledger_keys");
    if (s.ok())
      s = db_->ExecScript("DELETE FROM ledger_pending WHERE lkey = '*'");
    key_rows_.values().clear();
    for (auto& [id, of_doc] : keys)
      for (std::string& key : of_doc)
        key_rows_.values().insert(key_rows_.values().end(),
                                  {SqlValue(id), SqlValue(std::move(key))});
    if (s.ok()) s = key_rows_.Flush(*db_);
    if (s.ok()) s = db_->ExecScript("COMMIT");
    if (!s.ok()) {
      db_->ExecScript("ROLLBACK");
      return s.WithWhere(location_);
    }
    return Status();
  }

  // Deletes the rows of a stored document, remembering what its events
  // contributed to the summary table.
  Status RemoveDocument(const std::string& id, Deltas& deltas) {
    SqlValue p[] = {id};
    Status s = db_->Exec("DELETE FROM documents WHERE doc_id = ?", p);
    if (!s.ok() || db_->Changes() == 0) return s;
    s = db_->Exec(
        "SELECT ev_year, ev_month, source, target, goldstein_x10 FROM events "
        "WHERE doc_id = ?",
        p, [&](const SqlRow& row) {
          Tally& t =
              deltas[{std::string(row.Text(0)), std::string(row.Text(1)),
                      std::string(row.Text(2)), std::string(row.Text(3))}];
          t.events -= 1;
          t.goldstein_x10 -= row.Int(4);
          return true;
        });
    if (s.ok()) s = RemoveLedgerKeys(id);
    for (const char* sql : {"DELETE FROM events WHERE doc_id = ?",
                            "DELETE FROM ledger_inputs WHERE doc_id = ?",
                            "DELETE FROM sentences WHERE doc_id = ?",
                            "DELETE FROM actor_mentions WHERE doc_id = ?"}) {
      if (s.ok()) s = db_->Exec(sql, p);
    }
    return s;
  }

  // A document's ledger keys leave the key table for the pending one: the
  // documents they tied it to must be rebuilt without it.
  Status RemoveLedgerKeys(const std::string& id) {
    SqlValue p[] = {id};
    Status s = db_->Exec(
        "INSERT INTO ledger_pending (doc_id, lkey) SELECT doc_id, lkey FROM "
        "ledger_keys WHERE doc_id = ?",
        p);
    if (s.ok()) s = db_->Exec("DELETE FROM ledger_keys WHERE doc_id = ?", p);
    return s;
  }

  Status FlushKeyRows() {
    Status s = key_rows_.Flush(*db_);
    if (s.ok()) s = pending_rows_.Flush(*db_);
    return s;
  }

  // PostgreSQL, shared by several writers: two writers storing one document
  // id at once would both find it absent and collide on its key. A
  // transaction-scoped advisory lock per id serialises them (the second then
  // replaces the first's rows); taking the locks in sorted order rules out
  // deadlocks between writers.
  Status LockDocuments(const WriteBatch& batch) {
    if (db_->dialect() != Dialect::kPostgres) return Status();
    std::vector<std::string_view> ids;
    for (const Document& d : batch.documents) ids.push_back(d.id);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (std::string_view id : ids) {
      SqlValue p[] = {std::string(id)};
      Status s =
          db_->Exec("SELECT pg_advisory_xact_lock(7262012, hashtext(?))", p);
      if (!s.ok()) return s;
    }
    return Status();
  }

  // Runs `head` + " IN (?, ...)" over `ids`, a chunk at a time.
  Status ForIdChunks(const std::string& head, std::span<const SqlValue> ids,
                     const store::RowFn& on_row = nullptr) {
    constexpr size_t kChunk = 64;
    for (size_t done = 0; done < ids.size();) {
      size_t n = std::min(kChunk, ids.size() - done);
      std::string sql = head + " IN (?";
      for (size_t i = 1; i < n; ++i) sql += ", ?";
      Status s = db_->Exec(sql + ")", ids.subspan(done, n), on_row);
      if (!s.ok()) return s;
      done += n;
    }
    return Status();
  }

  // Sends the buffered rows; a stored document's earlier rejection goes.
  Status FlushRows() {
    Status s = document_rows_.Flush(*db_);
    if (s.ok()) s = sentence_rows_.Flush(*db_);
    if (s.ok()) s = event_rows_.Flush(*db_);
    if (s.ok()) {
      s = ForIdChunks("DELETE FROM rejections WHERE doc_id", inserted_ids_);
    }
    inserted_ids_.clear();
    return s;
  }

  Status InsertDocument(const Document& doc, const std::string& now,
                        Deltas& deltas) {
    document_rows_.values().insert(
        document_rows_.values().end(),
        {SqlValue(doc.id), SqlValue(doc.date), SqlValue(doc.source),
         SqlValue(doc.url), SqlValue(doc.title), SqlValue(doc.text),
         Int(static_cast<int64_t>(doc.sentences.size())),
         Int(static_cast<int64_t>(doc.events.size())), SqlValue(now)});
    inserted_ids_.emplace_back(doc.id);
    for (size_t i = 0; i < doc.sentences.size(); ++i) {
      const Sentence& sent = doc.sentences[i];
      if (sent.span.end > doc.text.size() || sent.span.begin > sent.span.end) {
        return Status::Error(ErrorCode::kInvalidArgument,
                             "sentence span outside the document text", doc.id,
                             sent.span.begin);
      }
      std::vector<SqlValue>& v = sentence_rows_.values();
      v.emplace_back(doc.id);
      v.emplace_back(Int(static_cast<int64_t>(i)));
      v.emplace_back(Int(sent.span.begin));
      v.emplace_back(Int(sent.span.end));
      v.emplace_back(std::string(doc.SpanText(sent.span)));
    }
    for (size_t i = 0; i < doc.events.size(); ++i) {
      const Event& e = doc.events[i];
      const std::string& date = e.date.empty() ? doc.date : e.date;
      store::DateBuckets b = store::BucketsOf(date);
      int64_t g10 = Tenths(e.goldstein);
      std::vector<SqlValue>& v = event_rows_.values();
      v.insert(v.end(), {SqlValue(doc.id),
                         Int(static_cast<int64_t>(i)),
                         Int(e.sentence),
                         Int(e.span_begin),
                         Int(e.span_end),
                         SqlValue(e.verb_text),
                         SqlValue(e.source),
                         SqlValue(e.target),
                         SqlValue(e.source_text),
                         SqlValue(e.target_text),
                         SqlValue(e.cameo),
                         SqlValue(e.root),
                         Int(e.quad),
                         SqlValue(e.goldstein),
                         Int(g10),
                         SqlValue(e.plover),
                         SqlValue(e.plover_mode),
                         SqlValue(e.date),
                         SqlValue(date),
                         SqlValue(b.day),
                         SqlValue(b.week),
                         SqlValue(b.month),
                         SqlValue(b.year),
                         SqlValue(e.location),
                         SqlValue(e.attribution),
                         SqlValue(e.modality.empty() ? "asserted" : e.modality),
                         SqlValue(e.speaker),
                         Int(e.negated ? 1 : 0),
                         SqlValue(e.issues)});
      Tally& t = deltas[{b.year, b.month, e.source, e.target}];
      t.events += 1;
      t.goldstein_x10 += g10;
    }
    return Status();
  }

  Status ApplyDeltas(const Deltas& deltas) {
    bool removed = false;
    for (const auto& [k, t] : deltas) {
      if (t.events == 0 && t.goldstein_x10 == 0) continue;
      removed |= t.events < 0;
      SqlValue p[] = {k.year,   k.month,       k.source,
                      k.target, Int(t.events), Int(t.goldstein_x10)};
      Status s = db_->Exec(
          "INSERT INTO dyad_months (year, month, source, target, events, "
          "goldstein_x10) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (year, month, "
          "source, target) DO UPDATE SET events = dyad_months.events + "
          "excluded.events, goldstein_x10 = dyad_months.goldstein_x10 + "
          "excluded.goldstein_x10",
          p);
      if (!s.ok()) return s;
    }
    if (!removed) return Status();
    return db_->Exec("DELETE FROM dyad_months WHERE events <= 0", {});
  }

  std::unique_ptr<SqlConnection> db_;
  std::string location_;
  RowBuffer document_rows_{
      "INSERT INTO documents (doc_id, date, source, url, title, text, "
      "sentences, events, ingested_at)",
      9};
  std::vector<SqlValue> inserted_ids_;
  RowBuffer key_rows_{"INSERT INTO ledger_keys (doc_id, lkey)", 2};
  RowBuffer pending_rows_{"INSERT INTO ledger_pending (doc_id, lkey)", 2};
  RowBuffer sentence_rows_{
      "INSERT INTO sentences (doc_id, idx, span_begin, span_end, text)", 5};
  RowBuffer event_rows_{
      "INSERT INTO events (doc_id, idx, sentence, span_begin, span_end, "
      "verb_text, source, target, source_text, target_text, cameo, root, "
      "quad, goldstein, goldstein_x10, plover, plover_mode, date, "
      "event_date, ev_day, ev_week, ev_month, ev_year, location, "
      "attribution, modality, speaker, negated, issues)",
      29};
};

bool IsPostgresUrl(const std::string& location) {
  return location.starts_with("postgresql://") ||
         location.starts_with("postgres://");
}

}  // namespace

Result<Period> ParsePeriod(std::string_view name) {
  if (name == "all") return Period::kAll;
  if (name == "day") return Period::kDay;
  if (name == "week") return Period::kWeek;
  if (name == "month") return Period::kMonth;
  if (name == "year") return Period::kYear;
  return Status::Error(ErrorCode::kInvalidArgument,
                       "unknown period '" + std::string(name) +
                           "' (day, week, month, year or all)");
}

Status ValidateFilter(const EventFilter& f) {
  for (const auto& [name, value] :
       {std::pair{"--from", &f.from}, std::pair{"--to", &f.to}}) {
    if (!value->empty() && !store::IsValidDate(*value)) {
      return Status::Error(ErrorCode::kInvalidArgument,
                           std::string(name) +
                               " must be a date YYYY, "
                               "YYYY-MM or YYYY-MM-DD, not '" +
                               *value + "'");
    }
  }
  if (f.quad < 0 || f.quad > 4) {
    return Status::Error(ErrorCode::kInvalidArgument,
                         "--quad must be 1, 2, 3 or 4");
  }
  if (f.limit < 0) {
    return Status::Error(ErrorCode::kInvalidArgument,
                         "--limit must not be negative");
  }
  for (const std::string& m : f.modality) {
    if (m != "asserted" && m != "negated" && m != "hypothetical" &&
        m != "future" && m != "alleged") {
      return Status::Error(ErrorCode::kInvalidArgument,
                           "--modality takes asserted, negated, hypothetical, "
                           "future or alleged, not '" +
                               m + "'");
    }
  }
  if (f.after.index < 0) {
    return Status::Error(ErrorCode::kInvalidArgument,
                         "the paging position's event index must not be "
                         "negative");
  }
  return Status();
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& location,
                                           const StoreOptions& options) {
  bool pg = IsPostgresUrl(location);
  Result<std::unique_ptr<SqlConnection>> db =
      pg ? store::OpenPostgres(location, options)
         : store::OpenSqlite(location, options);
  if (!db.ok()) return db.status();
  std::string where = pg ? store::RedactUrl(location) : location;
  Status s = store::Migrate(**db, options.read_only);
  if (!s.ok()) return s.WithWhere(where);
  return std::unique_ptr<Store>(new SqlStore(std::move(*db), where));
}

}  // namespace curlew
