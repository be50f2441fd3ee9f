// curlew.Error and one subclass per error code of docs/errors.md.
#include <Python.h>

#include <array>
#include <string>

#include "module.h"

namespace curlew::python {
namespace {

constexpr int kCodes = static_cast<int>(ErrorCode::kInternal) + 1;

struct ErrorClass {
  ErrorCode code;
  const char* name;  // Python class name
  bool value_error;  // also a ValueError (bad input the caller passed)
  const char* doc;
};

constexpr ErrorClass kClasses[] = {
    {ErrorCode::kInvalidArgument, "InvalidArgumentError", true,
     "E1: an option or argument value is wrong."},
    {ErrorCode::kNotFound, "NotFoundError", false,
     "E2: a file, document, model or record is absent."},
    {ErrorCode::kIoError, "IoError", false, "E3: reading or writing failed."},
    {ErrorCode::kInvalidUtf8, "InvalidUtf8Error", true,
     "E4: input is not valid UTF-8."},
    {ErrorCode::kBinaryInput, "BinaryInputError", true,
     "E5: NUL bytes or other binary content."},
    {ErrorCode::kLimitExceeded, "LimitExceededError", true,
     "E6: a configured limit was exceeded."},
    {ErrorCode::kParseError, "ParseError", true,
     "E7: malformed JSON, XML, CoNLL-U or dictionary line."},
    {ErrorCode::kCorruptModel, "CorruptModelError", false,
     "E8: a model file is truncated or damaged."},
    {ErrorCode::kEmptyInput, "EmptyInputError", true,
     "E9: nothing to process."},
    {ErrorCode::kStoreError, "StoreError", false,
     "E10: the database refused an operation."},
    {ErrorCode::kUnsupported, "UnsupportedError", false,
     "E11: a feature or version this build does not handle."},
    {ErrorCode::kInternal, "InternalError", false, "E12: a bug."},
};

// The classes, by code (index 0: curlew.Error itself). Owned references
// that live as long as the process: exception classes are never unloaded.
std::array<PyObject*, kCodes> g_classes{};

PyObject* ClassOf(ErrorCode code) {
  const int i = static_cast<int>(code);
  if (i > 0 && i < kCodes && g_classes[i]) return g_classes[i];
  return g_classes[0];
}

py::object MakeError(int code, const std::string& message,
                     const std::string& document, int64_t position,
                     bool is_line) {
  const auto c = static_cast<ErrorCode>(code);
  Status s = is_line ? Status::LineError(c, message, document, position)
                     : Status::Error(c, message, document, position);
  return ErrorObject(s);
}

}  // namespace

py::object ErrorObject(const Status& s) {
  py::handle cls(ClassOf(s.code()));
  py::object e = cls(s.ToString());
  e.attr("code") = static_cast<int>(s.code());
  e.attr("name") = ErrorCodeName(s.code());
  e.attr("message") = s.message();
  e.attr("document") = s.where().empty() ? py::object(py::none())
                                         : py::object(py::str(s.where()));
  e.attr("position") = s.position() < 0 ? py::object(py::none())
                                        : py::object(py::int_(s.position()));
  e.attr("position_is_line") = s.is_line();
  return e;
}

void ThrowStatus(const Status& s) {
  py::object e = ErrorObject(s);
  PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(e.ptr())), e.ptr());
  throw py::error_already_set();
}

bool StatusFromError(py::handle obj, Status* status) {
  if (!g_classes[0] || !PyObject_IsInstance(obj.ptr(), g_classes[0])) {
    return false;
  }
  auto get = [&](const char* name) -> py::object {
    return py::getattr(obj, name, py::none());
  };
  const py::object code = get("code");
  const py::object position = get("position");
  const py::object document = get("document");
  const py::object message = get("message");
  const auto c = code.is_none() ? ErrorCode::kInternal
                                : static_cast<ErrorCode>(code.cast<int>());
  const std::string msg = message.is_none() ? py::str(obj).cast<std::string>()
                                            : message.cast<std::string>();
  const std::string where =
      document.is_none() ? std::string() : document.cast<std::string>();
  const int64_t pos = position.is_none() ? -1 : position.cast<int64_t>();
  *status = py::bool_(get("position_is_line"))
                ? Status::LineError(c, msg, where, pos)
                : Status::Error(c, msg, where, pos);
  return true;
}

void register_errors(py::module_& m) {
  PyObject* base = PyErr_NewExceptionWithDoc(
      "curlew.Error",
      "A curlew error. Attributes: code (int, E<code> of docs/errors.md), "
      "name ('parse-error'), message, document (the file or document id, "
      "or None), position (byte offset, or line number when "
      "position_is_line; None if unknown).",
      PyExc_Exception, nullptr);
  if (!base) throw py::error_already_set();
  g_classes[0] = base;
  m.add_object("Error", py::handle(base));
  for (const ErrorClass& c : kClasses) {
    py::tuple bases =
        c.value_error
            ? py::make_tuple(py::handle(base), py::handle(PyExc_ValueError))
            : py::make_tuple(py::handle(base));
    const std::string qualified = std::string("curlew.") + c.name;
    PyObject* cls = PyErr_NewExceptionWithDoc(qualified.c_str(), c.doc,
                                              bases.ptr(), nullptr);
    if (!cls) throw py::error_already_set();
    g_classes[static_cast<int>(c.code)] = cls;
    m.add_object(c.name, py::handle(cls));
  }
  m.def("make_error", &MakeError, py::arg("code"), py::arg("message"),
        py::arg("document") = "", py::arg("position") = -1,
        py::arg("position_is_line") = false,
        "The curlew.Error subclass for `code`, with its attributes set (not "
        "raised).");
}

}  // namespace curlew::python
