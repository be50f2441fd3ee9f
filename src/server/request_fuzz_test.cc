// Mutated API requests (fixed seed) through the fuzz entry's check, in every
// build: each must get a clean JSON answer of 200, 400 or 404.
#include "server/request_fuzz.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace curlew::server {
namespace {

TEST(RequestFuzzTest, MutatedRequestsGetCleanAnswers) {
  const std::vector<std::string> seeds = {
      "/api/events?limit=5&source=TUR&target=CHN&match=exact",
      "/api/events?from=2018-01&to=2019-12-31&quad=4&text=shelled",
      "/api/counts?by=quad&per=week&actor=TUR&sort=events&limit=3",
      "/api/actors?limit=10&root=19",
      "/api/documents/syn-3",
      "/api/agreements?as_of=2020&party=TUR&status=pending",
      "/api/agreements/1?as_of=2020-06-30",
      "/api/commitments?actor=TUR",
      "/api/health",
      "/api/openapi.json",
      "/api/events?cursor=MjAxOC0wMS0wNQowCnN5bi0x",
  };
  const std::string alphabet =
      "%?&=/._-+ 0123456789abcdefTURCHN'\"\\;\x01\xff\xc3\xa9";
  std::mt19937 rng(20261129);
  std::map<int, int> statuses;
  for (int i = 0; i < 4000; ++i) {
    std::string s = seeds[rng() % seeds.size()];
    // Mostly single edits, which keep more requests valid enough to reach
    // the handlers; some heavier ones.
    int edits = i % 4 == 0 ? 1 + static_cast<int>(rng() % 6)
                           : static_cast<int>(rng() % 2);
    for (int k = 0; k < edits; ++k) {
      size_t at = s.empty() ? 0 : rng() % (s.size() + 1);
      switch (rng() % 4) {
        case 0:  // insert
          s.insert(s.begin() + static_cast<std::ptrdiff_t>(at),
                   alphabet[rng() % alphabet.size()]);
          break;
        case 1:  // delete
          if (at < s.size()) s.erase(at, 1);
          break;
        case 2:  // replace
          if (at < s.size()) s[at] = alphabet[rng() % alphabet.size()];
          break;
        default:  // splice a piece of another seed
          s.insert(at,
                   seeds[rng() % seeds.size()].substr(rng() % 10, rng() % 20));
      }
    }
    std::string problem;
    int status = CheckApiRequest(reinterpret_cast<const uint8_t*>(s.data()),
                                 s.size(), &problem);
    EXPECT_TRUE(problem.empty()) << s << "\n" << problem;
    ++statuses[status];
  }
  // The mutations reach the handlers as well as the checks.
  for (const auto& [status, n] : statuses)
    std::printf("status %d: %d requests\n", status, n);
  EXPECT_GT(statuses[200], 400);
  EXPECT_GT(statuses[400], 400);
  EXPECT_GT(statuses[404], 10);
}

}  // namespace
}  // namespace curlew::server
