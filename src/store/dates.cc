#include "store/dates.h"

#include <chrono>
#include <cstdio>

#include "curlew/time.h"

namespace curlew::store {
namespace {

int Number(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

}  // namespace

bool IsValidDate(std::string_view d) { return ParseDate(d).ok(); }

DateBuckets BucketsOf(std::string_view date) {
  DateBuckets b;
  if (!IsValidDate(date)) return b;
  b.year = std::string(date.substr(0, 4));
  if (date.size() >= 7) b.month = std::string(date.substr(0, 7));
  if (date.size() == 10) {
    b.day = std::string(date);
    using namespace std::chrono;
    sys_days d{year_month_day{year(Number(date.substr(0, 4))),
                              month(Number(date.substr(5, 2))),
                              day(Number(date.substr(8, 2)))}};
    sys_days monday = d - (weekday(d) - Monday);
    year_month_day m{monday};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(m.year()),
                  static_cast<unsigned>(m.month()),
                  static_cast<unsigned>(m.day()));
    b.week = buf;
  }
  return b;
}

std::string InclusiveUpperBound(std::string_view date) {
  if (date.size() == 4 || date.size() == 7) return std::string(date) + "-99";
  return std::string(date);
}

}  // namespace curlew::store
