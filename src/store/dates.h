// Date strings as the store keeps them: "YYYY-MM-DD", "YYYY-MM" or "YYYY",
// and the period buckets (day, ISO week, month, year) aggregates group by.
//
// Thread safety: pure functions.
#ifndef CURLEW_STORE_DATES_H_
#define CURLEW_STORE_DATES_H_

#include <string>
#include <string_view>

namespace curlew::store {

// True for "YYYY", "YYYY-MM" (month 01-12) and "YYYY-MM-DD" (a real day):
// ParseDate (curlew/time.h) succeeds.
bool IsValidDate(std::string_view date);

// The buckets of one date; "" where the date is not precise enough.
struct DateBuckets {
  std::string day;    // "YYYY-MM-DD"
  std::string week;   // the Monday of its ISO week, "YYYY-MM-DD"
  std::string month;  // "YYYY-MM"
  std::string year;   // "YYYY"
};
DateBuckets BucketsOf(std::string_view date);

// The upper bound that makes an inclusive "to" date cover every date that
// starts with it: "2020" -> "2020-99", "2020-06" -> "2020-06-99".
std::string InclusiveUpperBound(std::string_view date);

}  // namespace curlew::store

#endif  // CURLEW_STORE_DATES_H_
