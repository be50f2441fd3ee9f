// Progress lines for long runs over a corpus (`curlew ingest`, `curlew
// code`): documents and events done, their rates, and, when the input size
// is known, the fraction read and the time left.
//
//   ingest: 12000 documents (410/s), 30500 events (1042/s), 0 skipped,
//   3 rejected, 41.7%, ETA 0:00:41
//
// Thread safety: ProgressLine is a pure function; a ProgressTimer belongs
// to one thread.
#ifndef CURLEW_PARALLEL_PROGRESS_H_
#define CURLEW_PARALLEL_PROGRESS_H_

#include <chrono>
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

// When the next progress line is due: every `interval_s` seconds from the
// start; never when `interval_s` is 0.
class ProgressTimer {
 public:
  explicit ProgressTimer(double interval_s)
      : interval_s_(interval_s), next_(interval_s) {}
  // Seconds since construction.
  double Elapsed() const {
    return std::chrono::duration<double>(Clock::now() - start_).count();
  }
  // True (and the next line scheduled) when a line is due.
  bool Due() {
    if (interval_s_ <= 0) return false;
    const double now = Elapsed();
    if (now < next_) return false;
    next_ = now + interval_s_;
    return true;
  }

 private:
  using Clock = std::chrono::steady_clock;
  Clock::time_point start_ = Clock::now();
  double interval_s_;
  double next_;
};

}  // namespace curlew::parallel

#endif  // CURLEW_PARALLEL_PROGRESS_H_
