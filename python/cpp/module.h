// The Python module curlew._curlew: one register_* function per bound
// class (engine.cc, store.cc, errors.cc) and the conversions they share.
//
// Conventions: every call that codes documents or talks to the database
// releases the GIL; curlew's Status errors become curlew.Error subclasses
// (errors.cc) carrying the code, document and byte position of
// docs/errors.md; event dicts have exactly the fields, order and values of
// the JSON the CLI writes (io/event_sink.h EventRecordToJson; EventDict
// builds them directly, and python/tests compare the two).
#ifndef CURLEW_PYTHON_MODULE_H_
#define CURLEW_PYTHON_MODULE_H_

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <deque>
#include <exception>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "curlew/document.h"
#include "curlew/engine.h"
#include "curlew/event_record.h"
#include "curlew/status.h"

namespace curlew::python {

namespace py = pybind11;

void register_errors(py::module_& m);
void register_engine(py::module_& m);
void register_store(py::module_& m);

// Raises the curlew.Error subclass of `status` (which must be an error).
[[noreturn]] void ThrowStatus(const Status& status);
// The curlew.Error subclass instance for `status`, not raised.
py::object ErrorObject(const Status& status);
// True if `obj` is a curlew.Error instance; sets *status to what it says.
bool StatusFromError(py::handle obj, Status* status);

// A JSON value as the Python value json.loads would give (objects as dicts
// in the JSON's key order).
py::object ToPython(const nlohmann::ordered_json& value);

// An event record's fields without copies: the EventRecord of an event
// (curlew/event_record.h), or of the n-th event of a coded document as
// RecordsOf would make it. Views into what it was made from.
struct EventRecordView {
  int64_t event_id;
  std::string_view doc_id;
  uint32_t index;
  std::string_view doc_date;
  std::string_view doc_url;
  std::string_view date;
  std::string_view sentence_text;
  int64_t mentions;
  const Event& event;

  static EventRecordView Of(const EventRecord& record);
  static EventRecordView Of(const Document& doc, size_t index,
                            int64_t event_id);
};

// The event dict of a record: the keys, order and values of
// io::EventRecordToJson (`curlew code`'s JSON lines), built directly with
// interned keys, the JSON detour skipped (it was most of code_many's
// main-thread time). Needs the GIL.
py::dict EventDict(const EventRecordView& record);

// One input document from Python: a dict {"id", "date", "text", "source",
// "url", "title"} read as the JSONL reader reads a line (values that are
// not strings as their JSON text, "text" required and not blank, valid
// UTF-8), a str (the text alone) or a curlew.Error (a document that could
// not be read, passed on as a rejection). `where` names the input in
// errors (e.g. "docs[3]"). Needs the GIL.
Result<Document> DocumentFromPython(py::handle item, const std::string& where);

// The documents of a Python iterable, for a coder's or an ingest's reader
// thread: Next() takes the GIL once per batch of documents (not once per
// document), so the thread that consumes the results, which holds the GIL
// while it builds event dicts, is interrupted less often. An exception of
// the iterable comes after the documents read before it.
//
// Made with the GIL held; call Release() (which takes it) before the
// object dies without it. Next() is for one thread at a time.
class PythonDocuments {
 public:
  explicit PythonDocuments(py::handle docs) : docs_(py::iter(docs)) {}
  // Sets *out to the next document (or its error) and returns true; false
  // at the end, or at once when *stopping (read under the GIL) is true.
  bool Next(Result<Document>* out, const bool* stopping = nullptr);
  // Drops the reference to the iterable (taking the GIL).
  void Release();

 private:
  // Documents per taking of the GIL: enough that the coder's workers have
  // work queued while this thread waits for the GIL (the consumer may hold
  // it, or be descheduled holding it on a busy machine).
  static constexpr size_t kBatch = 32;
  void Pull(const bool* stopping);

  py::iterator docs_;
  size_t index_ = 0;  // of the next document, for errors ("docs[3]")
  std::deque<Result<Document>> pulled_;
  std::exception_ptr pending_error_;
  bool ended_ = false;
};

// The engine the module shares by default (Store.ingest without an
// engine, the Dask workers): created on first use, one per process.
std::shared_ptr<const Engine> DefaultEngine();
// Where Engine() looks for curlew's data when not told: set by the package
// to its installed data folder; empty = the build's data folder.
std::string& DefaultDataDir();

}  // namespace curlew::python

#endif  // CURLEW_PYTHON_MODULE_H_
