// curlew.Engine: code(text) and code_many(docs), the GIL released while
// coding; code_many runs on the same ordered parallel coder as `curlew code
// --jobs N` (parallel/document_coder.h).
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "curlew/event_record.h"
#include "io/event_sink.h"
#include "module.h"
#include "parallel/document_coder.h"

namespace curlew::python {
namespace {

// Stacks the user's PETRARCH folders on the built-in knowledge base
// (EngineOptions::add_dicts_dirs, `curlew --add-dicts`); false when this
// build's engine has no such option yet. A template so that this file
// compiles with and without it.
template <typename Options>
bool SetAddDicts(Options& options, const std::vector<std::string>& dirs) {
  if constexpr (requires { options.add_dicts_dirs = dirs; }) {
    options.add_dicts_dirs = dirs;
    return true;
  } else {
    return dirs.empty();
  }
}

// Loads an engine; no GIL needed.
Result<std::shared_ptr<const Engine>> LoadEngine(
    const std::string& dicts, const std::vector<std::string>& add_dicts = {}) {
  EngineOptions options;
  options.dicts_dir = dicts;
  options.data_dir = DefaultDataDir();
  SetAddDicts(options, add_dicts);
  auto engine = Engine::Create(options);
  if (!engine.ok()) return engine.status();
  return std::shared_ptr<const Engine>(std::move(*engine));
}

std::shared_ptr<const Engine> CreateEngine(
    const std::optional<std::string>& dicts, const py::object& add_dicts) {
  // One folder or a list of them.
  std::vector<std::string> add;
  if (py::isinstance<py::str>(add_dicts)) {
    add.push_back(add_dicts.cast<std::string>());
  } else if (!add_dicts.is_none()) {
    add = add_dicts.cast<std::vector<std::string>>();
  }
  EngineOptions probe;
  if (!SetAddDicts(probe, add)) {
    PyErr_SetString(PyExc_NotImplementedError,
                    "Engine(add_dicts=...): this build of curlew cannot yet "
                    "stack PETRARCH dictionaries on the built-in knowledge "
                    "base (the engine option --add-dicts); use dicts= to "
                    "code with a PETRARCH set instead");
    throw py::error_already_set();
  }
  Result<std::shared_ptr<const Engine>> engine = Status();
  {
    py::gil_scoped_release release;
    engine = LoadEngine(dicts.value_or(""), add);
  }
  if (!engine.ok()) ThrowStatus(engine.status());
  return *engine;
}

// The event dicts of a coded document: the records and JSON of
// `curlew code` (event ids from 1).
py::list EventDicts(const Document& doc) {
  py::list out(doc.events.size());
  for (size_t i = 0; i < doc.events.size(); ++i) {
    out[i] =
        EventDict(EventRecordView::Of(doc, i, static_cast<int64_t>(i) + 1));
  }
  return out;
}

py::list Code(const Engine& engine, py::handle text,
              const std::optional<std::string>& date,
              const std::optional<std::string>& doc_id) {
  py::dict fields;
  fields["text"] = text;
  if (date) fields["date"] = *date;
  if (doc_id) fields["id"] = *doc_id;
  Result<Document> doc = DocumentFromPython(fields, doc_id.value_or("text"));
  if (!doc.ok()) ThrowStatus(doc.status());
  Status s;
  {
    py::gil_scoped_release release;
    s = engine.Process(*doc);
  }
  if (!s.ok()) ThrowStatus(s.WithWhere(doc->id));
  return EventDicts(*doc);
}

// The iterator code_many returns: documents are pulled from the Python
// iterable on the coder's reader thread (taking the GIL for each), coded on
// the workers without it, and their events handed out in input order.
class CodeMany {
 public:
  CodeMany(std::shared_ptr<const Engine> engine, py::object docs,
           std::optional<int> jobs, std::string errors)
      : engine_(std::move(engine)),
        docs_(docs),
        skip_errors_(errors == "skip") {
    if (errors != "raise" && errors != "skip") {
      ThrowStatus(Status::Error(
          ErrorCode::kInvalidArgument,
          "errors must be 'raise' or 'skip', not '" + errors + "'"));
    }
    if (jobs && *jobs < 1) {
      ThrowStatus(Status::Error(ErrorCode::kInvalidArgument,
                                "jobs must be at least 1"));
    }
    parallel::ProcessorOptions options;
    options.jobs = jobs.value_or(0);
    // A deeper queue than the CLI's: the reader and this consumer share the
    // GIL, so either may stall for a while; 64 documents per worker keep
    // the workers busy meanwhile.
    const int workers =
        options.jobs > 0 ? options.jobs : parallel::DefaultJobs();
    options.max_in_flight = 64 * static_cast<size_t>(workers);
    const Engine* coder = engine_.get();
    coder_ = std::make_unique<parallel::DocumentCoder>(
        [this](Result<Document>* out) { return docs_.Next(out, &stopping_); },
        [coder](Document& d) { return coder->Process(d); }, options);
  }

  ~CodeMany() {
    Stop();
    docs_.Release();
  }

  py::object Next() {
    for (;;) {
      if (next_event_ < current_.events.size()) {
        // Event ids run on across documents, as in `curlew code`'s output.
        const size_t i = next_event_++;
        return EventDict(EventRecordView::Of(current_, i, next_id_++));
      }
      if (!coder_) throw py::stop_iteration();
      Result<Document> doc = Status();
      bool more = false;
      {
        py::gil_scoped_release release;
        // The last document is freed without the GIL, so that the reader
        // thread can pull documents meanwhile.
        current_ = Document();
        next_event_ = 0;
        more = coder_->Next(&doc);  // rethrows a Python error of the input
        if (more && doc.ok()) current_ = std::move(*doc);
      }
      if (!more) {
        Stop();
        throw py::stop_iteration();
      }
      if (!doc.ok()) {
        if (!skip_errors_) ThrowStatus(doc.status());
        rejected_.append(ErrorObject(doc.status()));
        continue;
      }
    }
  }

  py::list rejected() const { return rejected_; }

 private:
  // Stops the coder and joins its threads; the reader may be waiting for
  // the GIL, so it is released meanwhile.
  void Stop() {
    if (!coder_) return;
    stopping_ = true;
    py::gil_scoped_release release;
    coder_.reset();
  }

  std::shared_ptr<const Engine> engine_;
  PythonDocuments docs_;  // pulled on the coder's reader thread
  bool skip_errors_;
  bool stopping_ = false;  // read and written under the GIL
  std::unique_ptr<parallel::DocumentCoder> coder_;
  Document current_;  // the last document coded, its events handed out
  size_t next_event_ = 0;
  int64_t next_id_ = 1;
  py::list rejected_;
};

}  // namespace

std::shared_ptr<const Engine> DefaultEngine() {
  // Loading takes seconds without the GIL, so Python threads (Dask worker
  // threads) may ask at once: the lock makes it one engine per process.
  static std::mutex mu;
  static std::shared_ptr<const Engine> engine;
  Status error;
  {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(mu);
    if (!engine) {
      auto loaded = LoadEngine("");
      if (loaded.ok()) {
        engine = *loaded;
      } else {
        error = loaded.status();
      }
    }
  }
  if (!error.ok()) ThrowStatus(error);
  return engine;
}

void register_engine(py::module_& m) {
  py::class_<Engine, std::shared_ptr<Engine>>(
      m, "Engine",
      "curlew's coder: models and dictionaries loaded once, shared "
      "read-only by every thread. Thread-safe; coding releases the GIL.")
      .def(py::init([](std::optional<std::string> dicts, py::object add_dicts) {
             return std::const_pointer_cast<Engine>(
                 CreateEngine(dicts, add_dicts));
           }),
           py::arg("dicts") = py::none(), py::arg("add_dicts") = py::none(),
           "Loads the engine. dicts: a folder of PETRARCH-format "
           "dictionaries to code with instead of the built-in knowledge "
           "base. add_dicts: a folder (or a list of folders) of PETRARCH "
           "files stacked on the built-in base, as `curlew --add-dicts` "
           "(raises NotImplementedError in a build whose engine lacks "
           "that option).")
      .def(
          "code",
          [](const Engine& e, py::handle text, std::optional<std::string> date,
             std::optional<std::string> doc_id) {
            return Code(e, text, date, doc_id);
          },
          py::arg("text"), py::arg("date") = py::none(),
          py::arg("doc_id") = py::none(),
          "Codes one text (str) published on `date` ('YYYY-MM-DD') and "
          "returns its events as dicts with exactly the fields of `curlew "
          "code`'s JSON lines.")
      .def(
          "code_many",
          [](std::shared_ptr<Engine> e, py::object docs,
             std::optional<int> jobs, std::string errors) {
            return std::make_unique<CodeMany>(std::move(e), std::move(docs),
                                              jobs, std::move(errors));
          },
          py::arg("docs"), py::arg("jobs") = py::none(), py::kw_only(),
          py::arg("errors") = "raise",
          "Codes an iterable of documents ({'id', 'date', 'text', ...} "
          "dicts or texts) on `jobs` threads (default: every core) and "
          "yields their events as dicts, in input order, as they are ready. "
          "A document that cannot be coded raises its curlew.Error "
          "(errors='raise'; the iterator then goes on with the next "
          "document) or is left out and listed in the iterator's `rejected` "
          "(errors='skip').")
      .def_property_readonly(
          "dicts", [](const Engine& e) { return e.options().dicts_dir; },
          "The PETRARCH dictionary folder coded with ('' = built-in).");

  py::class_<CodeMany>(m, "CodeManyIterator",
                       "Events of Engine.code_many, in input order.")
      .def("__iter__", [](py::object self) { return self; })
      .def("__next__", &CodeMany::Next)
      .def_property_readonly(
          "rejected", &CodeMany::rejected,
          "The curlew.Error of each document left out (errors='skip').");

  m.def(
      "default_engine",
      []() { return std::const_pointer_cast<Engine>(DefaultEngine()); },
      "The engine this process shares by default (loaded on first use).");
  m.def(
      "event_fields",
      []() {
        const nlohmann::ordered_json fields =
            io::EventRecordToJson(EventRecord{});
        py::list names;
        for (const auto& [key, value] : fields.items()) names.append(key);
        return names;
      },
      "The fields of an event dict, in order (those of `curlew code`).");
  m.def(
      "set_default_data_dir",
      [](std::string dir) { DefaultDataDir() = std::move(dir); },
      "Where engines find curlew's data ('' = the build's data folder).");
}

}  // namespace curlew::python
