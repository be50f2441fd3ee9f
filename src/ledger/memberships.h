// Memberships: which states belong to which international organisations,
// and from when to when (data/kb/memberships.tsv). The ledger extractor
// reads it to tell who "NATO's 30 members" were on a date, and that a
// state's joining an organisation is its accession, not a member's act.
//
// Ownership: a value type; the engine loads one and shares it read-only.
// Thread safety: const methods are safe to call concurrently.
#ifndef CURLEW_LEDGER_MEMBERSHIPS_H_
#define CURLEW_LEDGER_MEMBERSHIPS_H_

#include <string>
#include <string_view>
#include <vector>

#include "curlew/status.h"

namespace curlew {

// One data line of a tab-separated knowledge table: its columns and the
// byte position where it starts.
struct TableRow {
  size_t at = 0;
  std::vector<std::string_view> cols;
};
// The data lines of `text`, "#" comments and blank lines skipped (views
// into `text`).
std::vector<TableRow> TableRows(std::string_view text);

class Memberships {
 public:
  struct Row {
    std::string org;    // full actor code ("IGOWSTNAT")
    std::string state;  // three-letter state code
    std::string from;   // YYYY-MM-DD
    std::string until;  // YYYY-MM-DD, "" while still a member
  };

  Memberships() = default;
  explicit Memberships(std::vector<Row> rows);

  // Reads the tab-separated table ("#" comments, blank lines). A bad line is
  // an error naming `name` and the line's byte position.
  static Result<Memberships> Parse(std::string_view text,
                                   const std::string& name);
  static Result<Memberships> Load(const std::string& path);

  // True if the table lists members of `org` (an actor code).
  bool Knows(std::string_view org) const;
  // The members of `org` on `date` (a date of any precision counts from its
  // first day), sorted.
  std::vector<std::string> MembersOn(std::string_view org,
                                     std::string_view date) const;
  // True if `state` was a member of `org` on the day before `date`: a
  // state joining on `date` was not.
  bool MemberBefore(std::string_view org, std::string_view state,
                    std::string_view date) const;

 private:
  std::vector<Row> rows_;  // sorted by org, then state
};

}  // namespace curlew

#endif  // CURLEW_LEDGER_MEMBERSHIPS_H_
