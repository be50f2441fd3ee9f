// Test helpers: one-word actor mentions of a document's first sentence, as
// the actors stage records them, and the code a word was given. For the
// actors folder's tests only.
#ifndef CURLEW_ACTORS_MENTION_TEST_UTIL_H_
#define CURLEW_ACTORS_MENTION_TEST_UTIL_H_

#include <string>
#include <string_view>

#include "curlew/document.h"
#include "testing/simple_doc.h"

namespace curlew::testing {

// A mention of one word (`w`) of sentence 0, also recorded as an entry
// match as the actors stage does.
inline void Mention(Document& doc, std::string_view w, std::string code,
                    ActorResolution how = ActorResolution::kDictionary) {
  const auto t = static_cast<uint32_t>(WordIndex(doc, 0, w));
  ActorMention m;
  m.head = m.token_begin = t;
  m.token_end = t + 1;
  m.code = code;
  m.resolution = how;
  doc.actor_mentions.push_back(m);
  doc.actor_matches.push_back({0, t, t + 1, code});
}

// The code of the mention headed by word `w` of sentence 0 ("" if none).
inline std::string CodeAt(const Document& doc, std::string_view w) {
  const auto t = static_cast<uint32_t>(WordIndex(doc, 0, w));
  for (const ActorMention& m : doc.actor_mentions)
    if (m.head == t) return m.code;
  return "";
}

}  // namespace curlew::testing

#endif  // CURLEW_ACTORS_MENTION_TEST_UTIL_H_
