// Query parameters of the HTTP API: what each endpoint accepts (ParamSpec,
// also the source of the OpenAPI description) and the check every request
// passes before any value reaches the store. A request is refused whole
// when it names a parameter the endpoint does not take, repeats one, or
// gives a value outside the parameter's type; values are never turned
// into SQL (the store binds them as parameters).
//
// Thread safety: specs are constants; CheckParams is a pure function.
#ifndef CURLEW_SERVER_PARAMS_H_
#define CURLEW_SERVER_PARAMS_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "curlew/status.h"
#include "curlew/store.h"

namespace curlew::server {

enum class ParamType {
  kDate,       // "YYYY", "YYYY-MM" or "YYYY-MM-DD"
  kActorCode,  // actor code or prefix: letters and digits, 1-32
  kCameoCode,  // CAMEO code: 2-4 digits
  kCameoRoot,  // CAMEO root: 2 digits
  kWord,       // an upper-case label such as a PLOVER type: letters, '_', 1-32
  kText,       // free text: UTF-8 without control characters, 1-max bytes
  kInteger,    // decimal integer in [min, max]
  kChoice,     // one of `choices`
  kBoolean,    // "true" or "false"
  kCursor,     // a paging cursor returned by the API
};

struct ParamSpec {
  std::string_view name;
  ParamType type = ParamType::kText;
  std::string_view description;
  int64_t min = 0;  // kInteger bounds; kText: most bytes in `max`
  int64_t max = 0;
  std::vector<std::string_view> choices = {};  // kChoice
};

// Raw name/value pairs as decoded from the query string, in order.
using RawParams = std::vector<std::pair<std::string, std::string>>;

// Checked values by name; absent parameters are absent.
class ParamValues {
 public:
  bool Has(std::string_view name) const { return values_.count(name) != 0; }
  // The value, or `fallback` when absent.
  const std::string& Get(std::string_view name,
                         const std::string& fallback = kEmpty) const;
  int64_t GetInt(std::string_view name, int64_t fallback) const;
  void Set(std::string_view name, std::string value);

 private:
  static const std::string kEmpty;
  std::map<std::string, std::string, std::less<>> values_;
};

// Checks `raw` against `specs`. kInvalidArgument naming the parameter for
// an unknown or repeated name or a bad value.
Result<ParamValues> CheckParams(const std::vector<ParamSpec>& specs,
                                const RawParams& raw);

// The event filters that /api/events, /api/counts and /api/actors share.
// Adding a filter is one line in params.cc's table.
const std::vector<ParamSpec>& FilterParamSpecs();
// Copies the filter parameters present in `values` into *filter.
void ApplyFilterParams(const ParamValues& values, EventFilter* filter);

// Paging cursors: an opaque token for a position in the events order.
std::string EncodeCursor(const EventFilter::Position& position);
Result<EventFilter::Position> DecodeCursor(std::string_view cursor);

// True if `text` is valid UTF-8 without control characters (tab allowed
// nowhere either: parameters are single-line values).
bool IsCleanUtf8(std::string_view text);

}  // namespace curlew::server

#endif  // CURLEW_SERVER_PARAMS_H_
