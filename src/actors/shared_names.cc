#include "actors/shared_names.h"

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "actors/dict_util.h"

namespace curlew {

namespace {

// Facts: a place name (upper case, one word) and the two states that have
// a well-known place of that name, the knowledge base's state first.
struct SharedName {
  std::string_view name;
  std::string_view first;
  std::string_view second;
};
constexpr std::array<SharedName, 1> kSharedNames = {{
    {"TRIPOLI", "LBY", "LBN"},
}};

const SharedName* SharedAt(const Document& doc, const ActorEntryMatch& m) {
  if (m.kind != ActorEntryMatch::Kind::kActor ||
      m.token_end != m.token_begin + 1)
    return nullptr;
  const Token& t = doc.tokens[m.token_begin];
  const std::string word =
      dict::Upper(t.norm.empty() ? std::string(doc.TokenText(t)) : t.norm);
  for (const SharedName& s : kSharedNames)
    if (word == s.name && m.code.starts_with(s.first)) return &s;
  return nullptr;
}

bool Overlaps(const ActorMention& m, const ActorEntryMatch& x) {
  return m.token_begin < x.token_end && x.token_begin < m.token_end;
}

}  // namespace

void ResolveSharedPlaceNames(Document& doc) {
  std::vector<std::pair<size_t, const SharedName*>> shared;
  for (size_t i = 0; i < doc.actor_matches.size(); ++i)
    if (const SharedName* s = SharedAt(doc, doc.actor_matches[i]))
      shared.push_back({i, s});
  if (shared.empty()) return;
  for (const auto& [index, name] : shared) {
    // The states the document names through other words.
    bool first = false, second = false;
    for (const ActorEntryMatch& x : doc.actor_matches) {
      if (x.kind != ActorEntryMatch::Kind::kActor || SharedAt(doc, x)) continue;
      first |= x.code.starts_with(name->first);
      second |= x.code.starts_with(name->second);
    }
    if (first || !second) continue;
    ActorEntryMatch& match = doc.actor_matches[index];
    match.code = std::string(name->second) + match.code.substr(3);
    for (ActorMention& m : doc.actor_mentions)
      if (Overlaps(m, match) && m.code.starts_with(name->first))
        m.code = std::string(name->second) + m.code.substr(3);
  }
}

}  // namespace curlew
