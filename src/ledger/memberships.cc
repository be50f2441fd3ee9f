#include "ledger/memberships.h"

#include <algorithm>
#include <cstdint>
#include <tuple>

#include "curlew/env.h"
#include "curlew/time.h"
#include "ledger/date_key.h"

namespace curlew {
namespace {

// A full calendar day "YYYY-MM-DD", read by the one date parser.
bool IsDay(std::string_view d) {
  Result<PartialDate> date = ParseDate(d);
  return date.ok() && date->precision == DatePrecision::kDay;
}

}  // namespace

std::vector<TableRow> TableRows(std::string_view text) {
  std::vector<TableRow> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    TableRow row;
    row.at = pos;
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    for (size_t c = 0;;) {
      const size_t tab = line.find('\t', c);
      row.cols.push_back(line.substr(
          c, tab == std::string_view::npos ? std::string_view::npos : tab - c));
      if (tab == std::string_view::npos) break;
      c = tab + 1;
    }
    out.push_back(std::move(row));
  }
  return out;
}

Memberships::Memberships(std::vector<Row> rows) : rows_(std::move(rows)) {
  std::sort(rows_.begin(), rows_.end(), [](const Row& a, const Row& b) {
    return std::tie(a.org, a.state, a.from) < std::tie(b.org, b.state, b.from);
  });
}

Result<Memberships> Memberships::Parse(std::string_view text,
                                       const std::string& name) {
  std::vector<Row> rows;
  for (const TableRow& row : TableRows(text)) {
    const std::vector<std::string_view>& cols = row.cols;
    if (cols.size() < 3 || cols.size() > 4 || cols[0].empty() ||
        cols[1].size() != 3 || !IsDay(cols[2]) ||
        (cols.size() == 4 && !cols[3].empty() && !IsDay(cols[3])))
      return Status::Error(ErrorCode::kInvalidArgument,
                           "membership line needs organisation, state, "
                           "from (YYYY-MM-DD) and optional until",
                           name, static_cast<int64_t>(row.at));
    rows.push_back(Row{std::string(cols[0]), std::string(cols[1]),
                       std::string(cols[2]),
                       cols.size() == 4 ? std::string(cols[3]) : ""});
  }
  return Memberships(std::move(rows));
}

Result<Memberships> Memberships::Load(const std::string& path) {
  // A membership table is a few kilobytes; 16 MiB is far beyond any real one.
  auto text = Env::Default()->ReadFileToString(path, size_t{16} << 20);
  if (!text.ok()) return text.status();
  return Parse(*text, path);
}

bool Memberships::Knows(std::string_view org) const {
  auto it = std::lower_bound(
      rows_.begin(), rows_.end(), org,
      [](const Row& r, std::string_view o) { return r.org < o; });
  return it != rows_.end() && it->org == org;
}

std::vector<std::string> Memberships::MembersOn(std::string_view org,
                                                std::string_view date) const {
  const std::string day = DateKey(date);
  std::vector<std::string> out;
  for (const Row& r : rows_)
    if (r.org == org && r.from <= day && (r.until.empty() || day < r.until))
      out.push_back(r.state);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool Memberships::MemberBefore(std::string_view org, std::string_view state,
                               std::string_view date) const {
  const std::string day = DateKey(date);
  for (const Row& r : rows_)
    if (r.org == org && r.state == state && r.from < day &&
        (r.until.empty() || day <= r.until))
      return true;
  return false;
}

}  // namespace curlew
