// DateKey: a date of any precision as a key that sorts by time, its first
// day ("2017" -> "2017-01-01", "2017-06" -> "2017-06-01"), so that
// "2017" < "2017-06" < "2017-06-26" compare as strings. Shared by the ledger
// (steps on a date) and the membership table (members on a date).
//
// Thread safety: a pure function.
#ifndef CURLEW_LEDGER_DATE_KEY_H_
#define CURLEW_LEDGER_DATE_KEY_H_

#include <string>
#include <string_view>

namespace curlew {

inline std::string DateKey(std::string_view date) {
  std::string key(date);
  if (key.size() == 4) key += "-01-01";
  if (key.size() == 7) key += "-01";
  return key;
}

}  // namespace curlew

#endif  // CURLEW_LEDGER_DATE_KEY_H_
