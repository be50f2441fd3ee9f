#include "server/marks.h"

#include <gtest/gtest.h>

namespace curlew::server {
namespace {

TEST(MarksTest, FindsWordsOnWordBoundariesCaseIgnored) {
  std::string_view s = "Turkey's Turkish minister met turkey officials.";
  auto [b, e] = FindWords(s, "turkey");
  EXPECT_EQ(s.substr(b, e - b), "Turkey");
  auto [b2, e2] = FindWords(s, "Turk");  // only inside words: first match
  EXPECT_EQ(b2, 0u);
  EXPECT_EQ(e2, 4u);
  EXPECT_EQ(FindWords(s, "Greece").first, std::string_view::npos);
  EXPECT_EQ(FindWords(s, "").first, std::string_view::npos);
  std::string_view u = "Recep Tayyip Erdoğanlar and Erdoğan spoke.";
  auto [b3, e3] = FindWords(u, "Erdoğan");
  EXPECT_EQ(u.substr(b3, e3 - b3), "Erdoğan");
  EXPECT_GT(b3, 20u);  // the whole word, not the start of "Erdoğanlar"
}

TEST(MarksTest, MarksTriggerAndActorsWithoutOverlap) {
  Event e;
  e.verb_text = "signed";
  e.source_text = "China";
  e.target_text = "Turkey";
  std::string_view s = "China signed a treaty with Turkey.";
  std::vector<Mark> m = EventMarks(s, e);
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].kind, "source");
  EXPECT_EQ(s.substr(m[1].begin, m[1].end - m[1].begin), "signed");
  EXPECT_EQ(m[2].kind, "target");
  // A target inside the source's words is not marked twice.
  e.target_text = "Chin";
  m = EventMarks(s, e);
  EXPECT_EQ(m.size(), 2u);
  // A split trigger: its first word.
  e.verb_text = "signed treaty";
  m = EventMarks(s, e);
  ASSERT_FALSE(m.empty());
  bool trigger = false;
  for (const Mark& k : m)
    if (k.kind == "trigger")
      trigger = s.substr(k.begin, k.end - k.begin) == "signed";
  EXPECT_TRUE(trigger);
}

}  // namespace
}  // namespace curlew::server
