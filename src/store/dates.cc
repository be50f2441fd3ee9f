#include "store/dates.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace curlew::store {
namespace {

bool Digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int Number(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

}  // namespace

bool IsValidDate(std::string_view d) {
  if (d.size() != 4 && d.size() != 7 && d.size() != 10) return false;
  if (!Digits(d.substr(0, 4))) return false;
  if (d.size() == 4) return true;
  if (d[4] != '-' || !Digits(d.substr(5, 2))) return false;
  int month = Number(d.substr(5, 2));
  if (month < 1 || month > 12) return false;
  if (d.size() == 7) return true;
  if (d[7] != '-' || !Digits(d.substr(8, 2))) return false;
  using namespace std::chrono;
  year_month_day ymd{year(Number(d.substr(0, 4))), std::chrono::month(month),
                     std::chrono::day(Number(d.substr(8, 2)))};
  return ymd.ok();
}

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

std::string CompactDate(std::string_view date) {
  std::string out;
  for (char c : date) {
    if (c != '-') out += c;
  }
  if (out.empty()) return out;
  while (out.size() < 8) out += '0';
  return out;
}

std::string UtcNow() {
  std::time_t t = std::time(nullptr);
  std::tm tm;
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  return buf;
}

}  // namespace curlew::store
