// Word clusters induced from unlabelled text: each word (lower-cased) is
// put in one of K classes so that a class bigram model of the text is as
// likely as possible (the exchange algorithm: Kneser & Ney 1993, Martin,
// Liermann & Ney 1998). Words that occur in the same contexts ("Monday",
// "Friday"; "said", "told") end up together, which lets the tagger and the
// parser share what they learn about rare words with frequent ones.
//
// Deterministic: the same sentences and options give the same clusters.
// Thread safety: plain functions.
#ifndef CURLEW_SYNTAX_CLUSTERS_H_
#define CURLEW_SYNTAX_CLUSTERS_H_

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace curlew::syntax {

struct ClusterOptions {
  int classes = 256;    // K
  int min_count = 2;    // rarer words get no class
  int iterations = 10;  // passes over the vocabulary
};

// Fnv1a(lower-case word) -> class in [0, K), for every word seen at least
// min_count times in `sentences`.
std::vector<std::pair<uint64_t, uint16_t>> InduceClusters(
    const std::vector<std::vector<std::string_view>>& sentences,
    const ClusterOptions& options);

}  // namespace curlew::syntax

#endif  // CURLEW_SYNTAX_CLUSTERS_H_
