// Where an event's words are in its sentence, for highlighting: the word it
// was coded from (the trigger) and the words naming its source and target.
//
// Events carry the sentence's byte span and the texts of their trigger and
// actors; until they carry the trigger's own byte span, each word is found
// in the sentence by its text (first match on word boundaries, ASCII case
// ignored, else any first match). A word not found gets no mark.
//
// Thread safety: pure functions.
#ifndef CURLEW_SERVER_MARKS_H_
#define CURLEW_SERVER_MARKS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "curlew/event.h"

namespace curlew::server {

struct Mark {
  std::string_view kind;  // "trigger", "source" or "target"
  uint32_t begin = 0;     // byte offsets into the sentence
  uint32_t end = 0;
};

// Marks of `event` in `sentence` (its sentence's text), sorted by begin;
// marks never overlap (a later kind that would overlap an earlier one is
// dropped: trigger first, then source, then target).
std::vector<Mark> EventMarks(std::string_view sentence, const Event& event);

// The first occurrence of `needle` in `hay` as [begin, end), preferring one
// on word boundaries, ASCII case ignored; {npos, npos} when absent.
std::pair<size_t, size_t> FindWords(std::string_view hay,
                                    std::string_view needle);

}  // namespace curlew::server

#endif  // CURLEW_SERVER_MARKS_H_
