// DocumentCoder: codes a stream of documents on N threads and hands them
// back in input order (an OrderedProcessor of documents). Shared by `curlew
// code` and the Python module's Engine.code_many.
//
//   DocumentCoder coder(
//       [&](Result<Document>* d) { return reader.Next(d); },
//       [&](Document& d) { return engine.Process(d); }, {.jobs = 4});
//   Result<Document> doc = Status();
//   while (coder.Next(&doc)) { ...a coded document, or why it failed... }
//
// A document that failed to read or to code comes back as its error (a
// Status naming the document); an exception thrown while coding becomes a
// kInternal error of that document and the run goes on.
//
// Thread safety: `next` is called from one thread at a time, `process`
// from all workers at once (Engine::Process is safe for that). Next() is
// for the owning thread.
#ifndef CURLEW_PARALLEL_DOCUMENT_CODER_H_
#define CURLEW_PARALLEL_DOCUMENT_CODER_H_

#include <functional>

#include "curlew/document.h"
#include "curlew/status.h"
#include "parallel/ordered_processor.h"

namespace curlew::parallel {

class DocumentCoder {
 public:
  // Sets *out to the next document or read error; false at the end.
  using NextFn = std::function<bool(Result<Document>*)>;
  // Codes one document.
  using ProcessFn = std::function<Status(Document&)>;

  DocumentCoder(NextFn next, ProcessFn process, ProcessorOptions options = {});

  // The next document in input order, coded, or its error; false at the
  // end. Rethrows an exception thrown by `next`.
  bool Next(Result<Document>* out);

  int jobs() const { return processor_.jobs(); }

 private:
  struct Item {
    Result<Document> doc = Status();
  };
  static void Code(const ProcessFn& process, Item& item);

  ProcessFn process_;
  OrderedProcessor<Item> processor_;
};

}  // namespace curlew::parallel

#endif  // CURLEW_PARALLEL_DOCUMENT_CODER_H_
