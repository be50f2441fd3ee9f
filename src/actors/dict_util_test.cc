// The dictionaries' flat tables checked against the standard containers
// they replaced (WordTable, IntMap), and PhraseIndex's longest-first
// buckets against a naive scan of every phrase.
#include "actors/dict_util.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "actors/actor_dictionary.h"

namespace curlew {
namespace {

TEST(WordTableTest, InternsEachWordOnceInTheOrderFirstSeen) {
  dict::WordTable table;
  std::unordered_map<std::string, uint32_t> reference;
  std::mt19937 rng(7);
  // Enough words to rehash several times; short and long ones.
  for (int i = 0; i < 20000; ++i) {
    // (Appended, not "W" + to_string(...): g++ 12 warns falsely on that.)
    std::string w = "W";
    w += std::to_string(rng() % 9000);
    if (i % 7 == 0) w += std::string(20, 'X');  // longer than inline storage
    auto [it, fresh] =
        reference.emplace(w, static_cast<uint32_t>(reference.size()));
    ASSERT_EQ(table.Intern(w), it->second) << w;
    (void)fresh;
  }
  EXPECT_EQ(table.size(), reference.size());
  for (const auto& [w, id] : reference) {
    EXPECT_EQ(table.Find(w), id);
    EXPECT_EQ(table.Text(id), w);
  }
  EXPECT_EQ(table.Find("NOT A WORD"), dict::kNoWord);
  EXPECT_EQ(table.Find(""), dict::kNoWord);
  EXPECT_EQ(table.Intern(""), reference.size());  // "" is a word like others
  EXPECT_EQ(table.Find(""), reference.size());
}

TEST(WordTableTest, FindOnAnEmptyTable) {
  dict::WordTable table;
  EXPECT_EQ(table.Find("ANY"), dict::kNoWord);
  EXPECT_EQ(table.size(), 0u);
}

TEST(IntMapTest, AgreesWithStdMap) {
  dict::IntMap<uint32_t> map;
  std::map<uint64_t, uint32_t> reference;
  std::mt19937_64 rng(3);
  for (uint32_t i = 0; i < 50000; ++i) {
    // Keys as the phrase index makes them: two word ids, often small.
    uint64_t key = ((rng() % 300) << 32) | (rng() % 300);
    bool inserted = false;
    uint32_t& v = map.Insert(key, i, &inserted);
    auto [it, fresh] = reference.emplace(key, i);
    ASSERT_EQ(inserted, fresh);
    ASSERT_EQ(v, it->second);  // the first value stays
  }
  EXPECT_EQ(map.size(), reference.size());
  for (const auto& [k, v] : reference) {
    const uint32_t* found = map.Find(k);
    ASSERT_NE(found, nullptr);
    EXPECT_EQ(*found, v);
  }
  EXPECT_EQ(map.Find(uint64_t{301} << 32), nullptr);
  size_t seen = 0;
  map.ForEach([&](uint64_t k, uint32_t& v) {
    EXPECT_EQ(reference.at(k), v);
    ++seen;
  });
  EXPECT_EQ(seen, reference.size());
}

// The longest phrase at `pos` by trying every phrase, the first added
// winning ties: what PhraseIndex::Longest must give (exact phrases only).
size_t NaiveLongest(
    const std::vector<std::pair<std::vector<uint32_t>, uint32_t>>& phrases,
    const std::vector<uint32_t>& words, size_t pos, uint32_t* value) {
  size_t best = 0;
  for (const auto& [p, v] : phrases) {
    if (p.size() <= best || pos + p.size() > words.size()) continue;
    if (std::equal(p.begin(), p.end(), words.begin() + pos)) {
      best = p.size();
      *value = v;
    }
  }
  return best;
}

TEST(PhraseIndexTest, LongestAgreesWithANaiveScan) {
  std::mt19937 rng(11);
  std::vector<std::pair<std::vector<uint32_t>, uint32_t>> phrases;
  PhraseIndex index;
  // A small vocabulary, so that phrases share first words and prefixes.
  for (uint32_t i = 0; i < 3000; ++i) {
    std::vector<uint32_t> p(1 + rng() % 4);
    for (uint32_t& w : p) w = rng() % 12;
    phrases.emplace_back(p, i);
    index.Add(p, i);
  }
  index.Finish();
  for (int t = 0; t < 2000; ++t) {
    std::vector<uint32_t> words(1 + rng() % 8);
    for (uint32_t& w : words) w = rng() % 14;  // 12, 13: in no phrase
    for (size_t pos = 0; pos < words.size(); ++pos) {
      uint32_t want = 0, got = 0;
      size_t n = NaiveLongest(phrases, words, pos, &want);
      ASSERT_EQ(index.Longest(words, pos, &got), n);
      if (n) {
        EXPECT_EQ(got, want);
      }
    }
  }
}

}  // namespace
}  // namespace curlew
