#include "actors/document_memory.h"

#include <algorithm>
#include <vector>

namespace curlew {

const std::string* DocumentMemory::FindName(const std::string& name,
                                            bool* close) const {
  if (close) *close = false;
  auto it = names_.find(name);
  if (it != names_.end()) return &it->second;
  if (name.size() < 6) return nullptr;
  for (const auto& [known, code] : names_)
    if (known.size() >= 6 && known[0] == name[0] &&
        EditDistance(known, name) <= 2) {
      if (close) *close = true;
      return &code;
    }
  return nullptr;
}

void DocumentMemory::set_last_subject(std::string code) {
  const std::string_view c = code, owner = c.substr(0, 3);
  const bool organisation =
      owner == "IGO" || owner == "NGO" || owner == "IMG" || owner == "ISM";
  // An organisation's officer ("IGOUNOGOV") is a person.
  const bool officer = c.ends_with("GOV") || c.ends_with("ELI") ||
                       c.ends_with("MIL") || c.ends_with("SPY");
  if (code.empty())
    last_personal_.clear();
  else if (c.size() == 3 || (organisation && !officer))
    last_neuter_ = code;
  else
    last_personal_ = code;
  last_subject_ = std::move(code);
}

void DocumentMemory::NoteActor(const std::string& code) {
  auto it = std::find(recent_.begin(), recent_.end(), code);
  if (it != recent_.end()) recent_.erase(it);
  recent_.push_back(code);
  // Only the last two are ever asked for; a few more keep order cheap.
  if (recent_.size() > 8) recent_.erase(recent_.begin());
}

size_t DocumentMemory::EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min(
          {row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace curlew
