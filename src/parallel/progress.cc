#include "parallel/progress.h"

#include <cstdio>
#include <string>

namespace curlew::parallel {
namespace {

std::string Duration(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60,
                s % 60);
  return buf;
}

}  // namespace

std::string ProgressLine(std::string_view label, const ProgressCounts& c) {
  double t = c.seconds > 0 ? c.seconds : 1e-9;
  char buf[160];
  std::snprintf(buf, sizeof buf,
                "%.*s: %lld documents (%.0f/s), %lld events (%.0f/s)",
                static_cast<int>(label.size()), label.data(),
                static_cast<long long>(c.documents), c.documents / t,
                static_cast<long long>(c.events), c.events / t);
  std::string line = buf;
  if (c.skipped >= 0) {
    std::snprintf(buf, sizeof buf, ", %lld skipped",
                  static_cast<long long>(c.skipped));
    line += buf;
  }
  std::snprintf(buf, sizeof buf, ", %lld rejected",
                static_cast<long long>(c.rejected));
  line += buf;
  uint64_t total = c.bytes_total, done = c.bytes_read;
  if (total > 0 && done > 0 && done <= total) {
    double fraction = static_cast<double>(done) / static_cast<double>(total);
    std::snprintf(buf, sizeof buf, ", %.1f%%, ETA %s", 100.0 * fraction,
                  Duration(c.seconds * (1.0 - fraction) / fraction).c_str());
    line += buf;
  }
  return line;
}

}  // namespace curlew::parallel
