// CameoTable: CAMEO event codes with their name, Goldstein value (GDELT
// table), quad class and PLOVER type and mode, read from curlew's
// data/cameo/cameo.tsv. Fills the derived fields of an Event from its code.
//
// Immutable after Load(); lookups are const and thread-safe.
#ifndef CURLEW_EVENTS_CAMEO_TABLE_H_
#define CURLEW_EVENTS_CAMEO_TABLE_H_

#include <string>
#include <string_view>
#include <unordered_map>

#include "curlew/event.h"
#include "curlew/status.h"

namespace curlew {

struct CameoCode {
  std::string code;
  std::string name;
  double goldstein = 0.0;
  int quad = 0;
  std::string plover;
  std::string plover_mode;
};

class CameoTable {
 public:
  Status Load(const std::string& path);
  Status LoadText(std::string_view text, const std::string& name);
  // The entry of `code`, else of its longest known prefix; nullptr if none.
  const CameoCode* Find(std::string_view code) const;
  // Sets root, quad, goldstein, plover and plover_mode from e.cameo.
  void Fill(Event& e) const;
  size_t size() const { return codes_.size(); }
  // Every code (for listing a root's codes).
  const std::unordered_map<std::string, CameoCode>& codes() const {
    return codes_;
  }

 private:
  std::unordered_map<std::string, CameoCode> codes_;
};

// Quad class of a CAMEO root (01-05: 1, 06-08: 2, 09-13: 3, 14-20: 4; 0 if
// not a root).
int QuadClass(std::string_view code);

}  // namespace curlew

#endif  // CURLEW_EVENTS_CAMEO_TABLE_H_
