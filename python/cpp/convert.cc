// The conversions the bound classes share: JSON values to Python, Python
// documents to curlew Documents.
#include <Python.h>

#include <string>
#include <string_view>
#include <utility>

#include "curlew/text.h"
#include "io/event_writer.h"
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

// A new reference to the str of UTF-8 `s` (bad bytes replaced, as the
// CLI's writer does, so a bad byte never raises here).
PyObject* Str(std::string_view s) {
  PyObject* o = PyUnicode_DecodeUTF8(
      s.data(), static_cast<Py_ssize_t>(s.size()), "replace");
  if (!o) throw py::error_already_set();
  return o;
}

// A new reference to the int `v`.
PyObject* Int(long long v) {
  PyObject* o = PyLong_FromLongLong(v);
  if (!o) throw py::error_already_set();
  return o;
}

// A new reference to [a, b].
PyObject* Pair(long long a, long long b) {
  PyObject* o = PyList_New(2);
  if (!o) throw py::error_already_set();
  PyList_SET_ITEM(o, 0, Int(a));
  PyList_SET_ITEM(o, 1, Int(b));
  return o;
}

// The keys of an event dict, interned once (the module is never unloaded,
// so they live as long as the process).
enum Key {
  kDocId,
  kSentence,
  kDate,
  kSource,
  kTarget,
  kSourceText,
  kTargetText,
  kCameo,
  kRoot,
  kQuad,
  kGoldstein,
  kPlover,
  kText,
  kPloverMode,
  kVerbText,
  kSpan,
  kTrigger,
  kAttribution,
  kModality,
  kSpeaker,
  kNegated,
  kLocation,
  kIssues,
  kEventId,
  kEvent,
  kMentions,
  kDocDate,
  kUrl,
  kKeys
};

PyObject* const* EventKeys() {
  static PyObject* const* keys = [] {
    static PyObject* k[kKeys];
    static const char* const names[kKeys] = {
        "doc_id",      "sentence",    "date",        "source",      "target",
        "source_text", "target_text", "cameo",       "root",        "quad",
        "goldstein",   "plover",      "text",        "plover_mode", "verb_text",
        "span",        "trigger",     "attribution", "modality",    "speaker",
        "negated",     "location",    "issues",      "event_id",    "event",
        "mentions",    "doc_date",    "url"};
    for (int i = 0; i < kKeys; ++i) {
      k[i] = PyUnicode_InternFromString(names[i]);
      if (!k[i]) throw py::error_already_set();
    }
    return static_cast<PyObject* const*>(k);
  }();
  return keys;
}

// Sets d[key] = value, stealing `value`.
void Set(PyObject* d, Key key, PyObject* value) {
  const int rc = PyDict_SetItem(d, EventKeys()[key], value);
  Py_DECREF(value);
  if (rc != 0) throw py::error_already_set();
}

}  // namespace

py::dict EventDict(const EventRecordView& r) {
  const Event& e = r.event;
  py::dict out;
  PyObject* d = out.ptr();
  Set(d, kDocId, Str(r.doc_id));
  Set(d, kSentence, Int(e.sentence));
  Set(d, kDate, Str(r.date));
  Set(d, kSource, Str(e.source));
  Set(d, kTarget, Str(e.target));
  Set(d, kSourceText, Str(e.source_text));
  Set(d, kTargetText, Str(e.target_text));
  Set(d, kCameo, Str(e.cameo));
  Set(d, kRoot, Str(e.root));
  Set(d, kQuad, Int(e.quad));
  PyObject* goldstein = PyFloat_FromDouble(e.goldstein);
  if (!goldstein) throw py::error_already_set();
  Set(d, kGoldstein, goldstein);
  Set(d, kPlover, Str(e.plover));
  Set(d, kText, Str(r.sentence_text));
  Set(d, kPloverMode, Str(e.plover_mode));
  Set(d, kVerbText, Str(e.verb_text));
  Set(d, kSpan, Pair(e.span_begin, e.span_end));
  // The word the event was coded from; None where unknown (stored events).
  Set(d, kTrigger,
      e.trigger_token < 0 ? Py_NewRef(Py_None)
                          : Pair(e.trigger_begin, e.trigger_end));
  Set(d, kAttribution, Str(e.attribution));
  Set(d, kModality, Str(e.modality));
  Set(d, kSpeaker, Str(e.speaker));
  Set(d, kNegated, PyBool_FromLong(e.negated));
  Set(d, kLocation, Str(e.location));
  Set(d, kIssues, Str(e.issues));
  Set(d, kEventId, Int(r.event_id));
  Set(d, kEvent, Int(r.index));
  Set(d, kMentions, Int(r.mentions));
  Set(d, kDocDate, Str(r.doc_date));
  Set(d, kUrl, Str(r.doc_url));
  return out;
}

EventRecordView EventRecordView::Of(const EventRecord& r) {
  return {r.event_id, r.doc_id,        r.index,    r.doc_date, r.doc_url,
          r.date,     r.sentence_text, r.mentions, r.event};
}

EventRecordView EventRecordView::Of(const Document& doc, size_t index,
                                    int64_t event_id) {
  // As RecordsOf (curlew/event_record.h), without copying the strings.
  const Event& e = doc.events[index];
  return {
      event_id,
      doc.id,
      static_cast<uint32_t>(index),
      doc.date,
      doc.url,
      e.date.empty() ? std::string_view(doc.date) : std::string_view(e.date),
      io::EventSentenceText(doc, e),
      1,
      e};
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
    // A dict (json.loads's) is read without a Python call per field.
    const bool is_dict = PyDict_Check(item.ptr());
    py::object get = is_dict ? py::object() : item.attr("get");
    auto field = [&](const char* key) -> py::object {
      if (!is_dict) return get(key);
      PyObject* v = PyDict_GetItemString(item.ptr(), key);  // borrowed
      return v ? py::reinterpret_borrow<py::object>(v) : py::none();
    };
    for (auto [key, out] :
         {std::pair{"id", &doc.id}, std::pair{"date", &doc.date},
          std::pair{"source", &doc.source}, std::pair{"url", &doc.url},
          std::pair{"title", &doc.title}}) {
      *out = FieldString(field(key));
    }
    value = field("text");
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
