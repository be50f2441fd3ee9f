#include "parallel/document_coder.h"

#include <exception>
#include <string>
#include <utility>

namespace curlew::parallel {

DocumentCoder::DocumentCoder(NextFn next, ProcessFn process,
                             ProcessorOptions options)
    : process_(std::move(process)),
      processor_(
          [next = std::move(next)](Item* item) { return next(&item->doc); },
          [this](Item& item) { Code(process_, item); }, options) {}

void DocumentCoder::Code(const ProcessFn& process, Item& item) {
  if (!item.doc.ok()) return;
  Document& doc = *item.doc;
  Status s;
  // A bug that throws in one document must not end the run.
  try {
    s = process(doc);
  } catch (const std::exception& e) {
    s = Status::Error(ErrorCode::kInternal,
                      std::string("coding failed: ") + e.what(), doc.id);
  }
  if (!s.ok()) item.doc = s.WithWhere(doc.id);
}

bool DocumentCoder::Next(Result<Document>* out) {
  Item item;
  if (!processor_.Next(&item)) return false;
  *out = std::move(item.doc);
  return true;
}

}  // namespace curlew::parallel
