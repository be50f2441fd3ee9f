// The conversions the bound classes share: JSON values to Python, Python
// documents to curlew Documents.
#include <Python.h>

#include <string>
#include <utility>

#include "curlew/text.h"
#include "module.h"

namespace curlew::python {

py::object ToPython(const nlohmann::ordered_json& v) {
  using T = nlohmann::ordered_json::value_t;
  switch (v.type()) {
    case T::null:
    case T::discarded:
      return py::none();
    case T::boolean:
      return py::bool_(v.get<bool>());
    case T::number_integer:
      return py::int_(v.get<int64_t>());
    case T::number_unsigned:
      return py::int_(v.get<uint64_t>());
    case T::number_float:
      return py::float_(v.get<double>());
    case T::string: {
      const std::string& s = v.get_ref<const std::string&>();
      // Text is valid UTF-8 after the text layer; replace defensively, as
      // the CLI's writer does, so a bad byte never raises here.
      PyObject* o = PyUnicode_DecodeUTF8(
          s.data(), static_cast<Py_ssize_t>(s.size()), "replace");
      if (!o) throw py::error_already_set();
      return py::reinterpret_steal<py::object>(o);
    }
    case T::array: {
      py::list out(v.size());
      for (size_t i = 0; i < v.size(); ++i) out[i] = ToPython(v[i]);
      return out;
    }
    case T::object: {
      py::dict out;
      for (const auto& [key, value] : v.items())
        out[py::str(key)] = ToPython(value);
      return out;
    }
    case T::binary:
      break;
  }
  return py::none();
}

namespace {

// A Python value as the JSONL reader takes a field: strings as they are,
// None as "", anything else as its JSON text.
std::string FieldString(py::handle v) {
  if (v.is_none()) return {};
  if (py::isinstance<py::str>(v)) return v.cast<std::string>();
  return py::module_::import("json").attr("dumps")(v).cast<std::string>();
}

// The UTF-8 bytes of a str or bytes value; false if it is neither or
// cannot be encoded (lone surrogates).
bool Utf8Of(py::handle v, std::string* out, Status* error,
            const std::string& where) {
  if (PyUnicode_Check(v.ptr())) {
    Py_ssize_t n = 0;
    const char* p = PyUnicode_AsUTF8AndSize(v.ptr(), &n);
    if (!p) {
      PyErr_Clear();
      *error = Status::Error(ErrorCode::kInvalidUtf8,
                             "\"text\" cannot be encoded as UTF-8 (lone "
                             "surrogate)",
                             where);
      return false;
    }
    out->assign(p, static_cast<size_t>(n));
    return true;
  }
  if (PyBytes_Check(v.ptr())) {
    *out = v.cast<std::string>();
    if (Status s = ValidateUtf8(*out); !s.ok()) {
      *error = Status::Error(s.code(),
                             "\"text\" " + s.message() + " at byte " +
                                 std::to_string(s.position()) + " of the text",
                             where);
      return false;
    }
    return true;
  }
  *error = Status::Error(ErrorCode::kParseError, "no \"text\" string", where);
  return false;
}

bool IsBlank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

}  // namespace

Result<Document> DocumentFromPython(py::handle item, const std::string& where) {
  Status error;
  if (StatusFromError(item, &error)) return error;
  Document doc;
  py::handle text = item;
  py::object value;
  if (PyMapping_Check(item.ptr()) && !PyUnicode_Check(item.ptr()) &&
      !PyBytes_Check(item.ptr())) {
    py::object get = item.attr("get");
    for (auto [key, field] :
         {std::pair{"id", &doc.id}, std::pair{"date", &doc.date},
          std::pair{"source", &doc.source}, std::pair{"url", &doc.url},
          std::pair{"title", &doc.title}}) {
      *field = FieldString(get(key));
    }
    value = get("text");
    text = value;
  } else if (!PyUnicode_Check(item.ptr()) && !PyBytes_Check(item.ptr())) {
    return Status::Error(
        ErrorCode::kInvalidArgument,
        std::string("a document is a dict with \"text\", a str or a "
                    "curlew.Error, not ") +
            Py_TYPE(item.ptr())->tp_name,
        where);
  }
  const std::string name = doc.id.empty() ? where : doc.id;
  if (!Utf8Of(text, &doc.text, &error, name)) return error;
  if (IsBlank(doc.text)) {
    return Status::Error(ErrorCode::kEmptyInput, "empty \"text\"", name);
  }
  return doc;
}

std::string& DefaultDataDir() {
  static std::string dir;
  return dir;
}

bool PythonDocuments::Next(Result<Document>* out, const bool* stopping) {
  if (pulled_.empty()) {
    if (pending_error_) {
      std::exception_ptr e = std::exchange(pending_error_, nullptr);
      std::rethrow_exception(e);
    }
    if (ended_) return false;
    Pull(stopping);
    if (pulled_.empty()) return Next(out, stopping);
  }
  *out = std::move(pulled_.front());
  pulled_.pop_front();
  return true;
}

void PythonDocuments::Pull(const bool* stopping) {
  py::gil_scoped_acquire gil;
  if (stopping && *stopping) {
    ended_ = true;
    return;
  }
  try {
    while (pulled_.size() < kBatch) {
      PyObject* item = PyIter_Next(docs_.ptr());
      if (!item) {
        if (PyErr_Occurred()) throw py::error_already_set();
        ended_ = true;
        return;
      }
      py::object owned = py::reinterpret_steal<py::object>(item);
      pulled_.push_back(
          DocumentFromPython(owned, "docs[" + std::to_string(index_++) + "]"));
    }
  } catch (...) {
    // Handed out after the documents read before it.
    pending_error_ = std::current_exception();
    ended_ = true;
  }
}

void PythonDocuments::Release() {
  py::gil_scoped_acquire gil;
  docs_ = py::iterator();
}

}  // namespace curlew::python
