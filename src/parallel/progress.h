// Progress lines for long runs over a corpus (`curlew ingest`, `curlew
// code`): documents and events done, their rates, and, when the input size
// is known, the fraction read and the time left.
//
//   ingest: 12000 documents (410/s), 30500 events (1042/s), 0 skipped,
//   3 rejected, 41.7%, ETA 0:00:41
//
// Thread safety: a pure function.
#ifndef CURLEW_PARALLEL_PROGRESS_H_
#define CURLEW_PARALLEL_PROGRESS_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace curlew::parallel {

struct ProgressCounts {
  int64_t documents = 0;
  int64_t events = 0;
  int64_t skipped = -1;  // -1: not shown (nothing is ever skipped)
  int64_t rejected = 0;
  uint64_t bytes_read = 0;
  uint64_t bytes_total = 0;  // 0 when unknown (stdin): no ETA
  double seconds = 0;        // since the start of the run
};

// One progress line (no newline), "<label>: ..." as above.
std::string ProgressLine(std::string_view label, const ProgressCounts& c);

}  // namespace curlew::parallel

#endif  // CURLEW_PARALLEL_PROGRESS_H_
