// LedgerKnowledge: what the ledger extractor knows of the world besides the
// text: who belongs to which organisation (data/kb/memberships.tsv) and the
// other names of real agreements (data/kb/agreement_names.tsv: "the 2015
// Iran nuclear deal" is the Joint Comprehensive Plan of Action).
//
// Ownership: a value type; the engine loads one and shares it read-only.
// Thread safety: const methods are safe to call concurrently.
#ifndef CURLEW_LEDGER_KNOWLEDGE_H_
#define CURLEW_LEDGER_KNOWLEDGE_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "curlew/status.h"
#include "ledger/memberships.h"

namespace curlew {

// Other names of agreements, by their normal form (NormalName).
class AgreementAliases {
 public:
  // Reads "title<TAB>alias" lines ("#" comments, blank lines). A bad line
  // is an error naming `name` and the line's byte position.
  static Result<AgreementAliases> Parse(std::string_view text,
                                        const std::string& name);
  // The title an agreement named `name` has ("" if `name` is no alias):
  // matched case-insensitively, without a leading "the" or year.
  std::string TitleOf(std::string_view name) const;
  // True if `name` is a title or an alias the table lists ("New START"):
  // a name that is an agreement even without an agreement noun.
  bool Knows(std::string_view name) const;
  // "the 2015 Iran nuclear deal" -> "iran nuclear deal".
  static std::string NormalName(std::string_view name);

 private:
  std::unordered_map<std::string, std::string> titles_;  // by alias
  std::unordered_set<std::string> names_;  // titles and aliases, normal
};

struct LedgerKnowledge {
  Memberships memberships;
  AgreementAliases aliases;

  // Reads the files above from `kb_dir`; a file that is absent gives empty
  // knowledge of its kind, a malformed one an error.
  static Result<LedgerKnowledge> Load(const std::string& kb_dir);
};

}  // namespace curlew

#endif  // CURLEW_LEDGER_KNOWLEDGE_H_
