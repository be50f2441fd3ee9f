// The frozen linear model's table (sums, unknown features, the file form
// and its checks, both vector paths), the flat map and word clusters.
#include "syntax/linear.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <map>
#include <random>
#include <string>

#include "syntax/clusters.h"
#include "syntax/flat_map.h"

namespace curlew::syntax {
namespace {

// A model of `classes` classes over `n` features, feature i having weights
// for `width(i)` classes, with known float weights; returns the weights
// too (feature x class, 0 where absent).
struct Fixture {
  std::vector<uint64_t> keys;
  std::vector<std::vector<float>> w;  // [feature][class]
  LinearModel model;
};

Fixture MakeFixture(int classes, int n, int max_weight, uint64_t seed) {
  Fixture f;
  std::mt19937_64 rng(seed);
  std::vector<uint32_t> starts(1, 0);
  std::vector<uint8_t> cls;
  std::vector<float> weights;
  for (int i = 0; i < n; ++i) f.keys.push_back(Feat(7, rng()));
  std::sort(f.keys.begin(), f.keys.end());
  for (int i = 0; i < n; ++i) {
    // Mostly narrow rows, some wide (dense) ones.
    const int width = i % 5 == 0 ? classes : 1 + static_cast<int>(rng() % 4);
    std::vector<float> row(classes, 0.0f);
    for (int c = 0; c < width; ++c) {
      const int k = width == classes ? c : static_cast<int>(rng() % classes);
      if (row[k] != 0.0f) continue;
      // Multiples of 1/8 of a unit, up to +-10: exact in 8 bits at the
      // scale the fixture uses.
      row[k] = static_cast<float>(static_cast<int>(rng() % 161) - 80) / 8.0f;
      if (row[k] == 0.0f) row[k] = 0.125f;
    }
    for (int c = 0; c < classes; ++c) {
      if (row[c] == 0.0f) continue;
      cls.push_back(static_cast<uint8_t>(c));
      weights.push_back(row[c]);
    }
    starts.push_back(static_cast<uint32_t>(cls.size()));
    f.w.push_back(row);
  }
  f.model =
      LinearModel::Build(classes, max_weight, f.keys, starts, cls, weights);
  return f;
}

TEST(LinearModel, SumsTheRowsOfKnownFeatures) {
  for (int classes : {1, 7, 50, 103}) {
    Fixture f = MakeFixture(classes, 300, 255, classes);
    EXPECT_EQ(f.model.num_features(), 300u);
    std::mt19937_64 rng(99);
    for (int trial = 0; trial < 50; ++trial) {
      std::vector<uint64_t> feats;
      std::vector<double> want(classes, 0.0);
      for (int k = 0; k < 40; ++k) {
        if (rng() % 3 == 0) {
          feats.push_back(Feat(8, rng()));  // unknown: adds nothing
          continue;
        }
        const size_t i = rng() % f.keys.size();
        feats.push_back(f.keys[i]);
        for (int c = 0; c < classes; ++c) want[c] += f.w[i][c];
      }
      std::vector<float> got(classes, 0.0f);
      f.model.Score(feats.data(), feats.size(), got.data());
      for (int c = 0; c < classes; ++c) {
        // Quantised to 1/255 of the largest weight (10) per weight.
        EXPECT_NEAR(got[c] * f.model.scale(), want[c], 40 * 10.0 / 255)
            << "classes " << classes << " class " << c;
      }
    }
  }
}

TEST(LinearModel, BothVectorPathsGiveTheSameSums) {
  Fixture f = MakeFixture(103, 500, 204, 5);
  std::vector<uint64_t> feats(f.keys.begin(), f.keys.begin() + 150);
  std::vector<float> best(103, 0.0f), baseline(103, 0.0f);
  f.model.Score(feats.data(), feats.size(), best.data());
  UseBaselineSimdForTesting(true);
  f.model.Score(feats.data(), feats.size(), baseline.data());
  UseBaselineSimdForTesting(false);
  EXPECT_EQ(best, baseline);
}

TEST(LinearModel, ManyFeaturesAreSummedInBlocks) {
  // 1,000 copies of one feature: more than one block of 16-bit sums.
  Fixture f = MakeFixture(3, 10, 2047, 11);
  std::vector<uint64_t> feats(1000, f.keys[0]);
  std::vector<float> got(3, 0.0f);
  f.model.Score(feats.data(), feats.size(), got.data());
  for (int c = 0; c < 3; ++c) {
    // Eight bits a weight: within half a step of 1/127 of the row's largest.
    EXPECT_NEAR(got[c] * f.model.scale(), 1000 * f.w[0][c], 1000 * 10.0 / 254);
  }
}

TEST(LinearModel, FileFormRoundTripsAndChecksReferences) {
  Fixture f = MakeFixture(20, 200, 255, 3);
  BinaryWriter w;
  f.model.Write(w);
  // The reader views the bytes in place: give it 64-byte aligned memory.
  std::vector<uint64_t> aligned((w.data().size() + 7) / 8 + 8);
  char* base = reinterpret_cast<char*>(aligned.data());
  base += (64 - reinterpret_cast<uintptr_t>(base) % 64) % 64;
  std::memcpy(base, w.data().data(), w.data().size());
  BinaryReader r(std::string_view(base, w.data().size()));
  LinearModel read;
  ASSERT_TRUE(read.Read(r));
  EXPECT_TRUE(r.AtEnd());
  std::vector<float> a(20, 0.0f), b(20, 0.0f);
  f.model.Score(f.keys.data(), f.keys.size(), a.data());
  read.Score(f.keys.data(), f.keys.size(), b.data());
  EXPECT_EQ(a, b);
  // A reference past the weights is refused, not followed. The buckets
  // start at byte 64 (header fields, the array's count, padding).
  for (size_t at = 64; at + 64 <= w.data().size(); at += 64) {
    uint32_t words[16];
    std::memcpy(words, base + at, 64);
    for (int s = 0; s < 8; ++s) {
      if (words[s] != 0 && (words[s] & 0xff) != 0) {
        words[8 + s] = 0xfffffff0u;
        std::memcpy(base + at, words, 64);
        BinaryReader bad(std::string_view(base, w.data().size()));
        LinearModel m;
        EXPECT_FALSE(m.Read(bad));
        return;
      }
    }
  }
  ADD_FAILURE() << "no sparse slot found";
}

TEST(FlatMap, FindsWhatItWasBuiltWith) {
  std::vector<std::pair<uint64_t, uint32_t>> items;
  for (uint64_t k = 0; k < 1000; ++k) items.push_back({Mix(k + 1), k * 3});
  items.push_back({0, 77});  // the key 0 works too
  FlatMap<uint32_t> m = FlatMap<uint32_t>::Build(items);
  EXPECT_EQ(m.size(), 1001u);
  for (const auto& [k, v] : items) {
    const uint32_t* got = m.Find(k);
    ASSERT_NE(got, nullptr);
    EXPECT_EQ(*got, v);
  }
  EXPECT_EQ(m.Find(Mix(5000)), nullptr);
  FlatMap<uint32_t> copy = m;
  EXPECT_EQ(*copy.Find(Mix(10)), 27u);
  EXPECT_EQ(FlatMap<uint32_t>().Find(1), nullptr);
}

// A made-up corpus: days and months occur in the same frames, verbs in
// others; the clusters must keep each kind together and apart.
TEST(Clusters, GroupWordsOfTheSameContexts) {
  const std::vector<std::string> days = {"monday", "tuesday", "friday",
                                         "sunday"};
  const std::vector<std::string> verbs = {"signed", "rejected", "approved",
                                          "drafted"};
  const std::vector<std::string> nouns = {"treaty", "plan", "deal", "accord"};
  std::vector<std::vector<std::string>> owned;
  std::mt19937_64 rng(1);
  for (int i = 0; i < 400; ++i) {
    const std::string& d = days[rng() % 4];
    const std::string& v = verbs[rng() % 4];
    const std::string& n = nouns[rng() % 4];
    owned.push_back({"on", d, "they", v, "the", n, "."});
    owned.push_back({"the", n, "was", v, "on", d, "."});
  }
  std::vector<std::vector<std::string_view>> text;
  for (const auto& s : owned) text.emplace_back(s.begin(), s.end());
  ClusterOptions o;
  o.classes = 8;
  auto a = InduceClusters(text, o);
  EXPECT_EQ(a, InduceClusters(text, o));  // deterministic
  std::map<uint64_t, uint16_t> cls(a.begin(), a.end());
  auto of = [&](const std::string& w) { return cls.at(Fnv1a(w)); };
  for (const auto& group : {days, verbs, nouns}) {
    for (const std::string& w : group) EXPECT_EQ(of(w), of(group[0])) << w;
  }
  EXPECT_NE(of(days[0]), of(verbs[0]));
  EXPECT_NE(of(days[0]), of(nouns[0]));
  EXPECT_NE(of(verbs[0]), of(nouns[0]));
}

}  // namespace
}  // namespace curlew::syntax
