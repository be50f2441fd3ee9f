// The Python module curlew._curlew: one register_* function per bound
// class (engine.cc, store.cc, errors.cc) and the conversions they share.
//
// Conventions: every call that codes documents or talks to the database
// releases the GIL; curlew's Status errors become curlew.Error subclasses
// (errors.cc) carrying the code, document and byte position of
// docs/errors.md; event dicts are built from the same JSON the CLI writes
// (io/event_writer.h), so they have exactly `curlew code`'s fields.
#ifndef CURLEW_PYTHON_MODULE_H_
#define CURLEW_PYTHON_MODULE_H_

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "curlew/document.h"
#include "curlew/engine.h"
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

// One input document from Python: a dict {"id", "date", "text", "source",
// "url", "title"} read as the JSONL reader reads a line (values that are
// not strings as their JSON text, "text" required and not blank, valid
// UTF-8), a str (the text alone) or a curlew.Error (a document that could
// not be read, passed on as a rejection). `where` names the input in
// errors (e.g. "docs[3]"). Needs the GIL.
Result<Document> DocumentFromPython(py::handle item, const std::string& where);

// The engine the module shares by default (Store.ingest without an
// engine, the Dask workers): created on first use, one per process.
std::shared_ptr<const Engine> DefaultEngine();
// Where Engine() looks for curlew's data when not told: set by the package
// to its installed data folder; empty = the build's data folder.
std::string& DefaultDataDir();

}  // namespace curlew::python

#endif  // CURLEW_PYTHON_MODULE_H_
