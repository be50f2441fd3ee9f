#include "store/event_rows.h"

namespace curlew::store {

void ReadEventColumns(const SqlRow& row, int c, Event* event) {
  Event& e = *event;
  e.sentence = static_cast<uint32_t>(row.Int(c++));
  e.span_begin = static_cast<uint32_t>(row.Int(c++));
  e.span_end = static_cast<uint32_t>(row.Int(c++));
  e.verb_text = row.Text(c++);
  e.source = row.Text(c++);
  e.target = row.Text(c++);
  e.source_text = row.Text(c++);
  e.target_text = row.Text(c++);
  e.cameo = row.Text(c++);
  e.root = row.Text(c++);
  e.quad = static_cast<int>(row.Int(c++));
  e.goldstein = row.Double(c++);
  e.plover = row.Text(c++);
  e.plover_mode = row.Text(c++);
  e.date = row.Text(c++);
  e.location = row.Text(c++);
  e.attribution = row.Text(c++);
  e.modality = row.Text(c++);
  e.speaker = row.Text(c++);
  e.negated = row.Int(c++) != 0;
  e.issues = row.Text(c++);
}

}  // namespace curlew::store
