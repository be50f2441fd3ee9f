// curlew.Store (its C++ part; curlew/__init__.py adds the DataFrame
// methods): ingest documents from Python or files, read events, counts,
// agreements and commitments as the CLI writes them.
#include <algorithm>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "curlew/reader.h"
#include "curlew/store.h"
#include "io/event_sink.h"
#include "ledger/ledger_json.h"
#include "module.h"
#include "store/ingest.h"

namespace curlew::python {
namespace {

// Documents from a Python iterable (on the ingest's reader thread, or on
// the caller's thread with the GIL released).
class PythonSource : public store::DocumentInput {
 public:
  explicit PythonSource(py::handle docs) : docs_(docs) {}
  ~PythonSource() override { docs_.Release(); }
  bool Next(Result<Document>* out) override { return docs_.Next(out); }

 private:
  PythonDocuments docs_;
};

// Documents of files and folders, read as `curlew ingest` reads them.
// With `ids` (one per path, "" for none), each path is read on its own and
// a whole-file document (plain text, CoNLL-U without "# newdoc"), named
// after its file, gets that id instead: a file that `curlew ingest DIR`
// would name by its path relative to DIR keeps that name when a
// distributed ingest hands it over alone.
class FileSource : public store::DocumentInput {
 public:
  FileSource(std::vector<std::string> paths, std::vector<std::string> ids,
             ReaderOptions options)
      : paths_(std::move(paths)), ids_(std::move(ids)), options_(options) {
    if (ids_.empty()) {
      reader_ = std::make_unique<DocumentReader>(paths_, options_);
      next_path_ = paths_.size();
    }
  }

  std::string last_path() const override {
    return reader_ ? reader_->last_path() : "";
  }
  uint64_t last_offset() const override {
    return reader_ ? reader_->last_offset() : 0;
  }

  bool Next(Result<Document>* out) override {
    for (;;) {
      if (!reader_) {
        if (next_path_ >= paths_.size()) return false;
        reader_ = std::make_unique<DocumentReader>(
            std::vector<std::string>{paths_[next_path_]}, options_);
        ++next_path_;
      }
      if (reader_->Next(out)) {
        if (!ids_.empty() && out->ok()) Rename(**out, next_path_ - 1);
        return true;
      }
      if (ids_.empty()) return false;
      reader_.reset();
    }
  }

 private:
  void Rename(Document& doc, size_t i) const {
    if (i >= ids_.size() || ids_[i].empty()) return;
    const std::string& path = paths_[i];
    const size_t slash = path.find_last_of('/');
    const std::string name =
        slash == std::string::npos ? path : path.substr(slash + 1);
    if (doc.id == name) doc.id = ids_[i];
  }

  std::vector<std::string> paths_;
  std::vector<std::string> ids_;
  ReaderOptions options_;
  size_t next_path_ = 0;
  std::unique_ptr<DocumentReader> reader_;
};

// The ids of a list or tuple of document dicts and rejections (to resume by
// them alone), or nothing when the ids are not all known in advance.
std::optional<std::vector<std::string>> KnownIds(py::handle docs) {
  if (!PyList_Check(docs.ptr()) && !PyTuple_Check(docs.ptr())) {
    return std::nullopt;
  }
  std::vector<std::string> ids;
  for (py::handle d : docs) {
    Status rejection;
    if (StatusFromError(d, &rejection)) continue;  // no document to resume
    if (!PyDict_Check(d.ptr())) return std::nullopt;
    PyObject* id = PyDict_GetItemString(d.ptr(), "id");
    if (!id || !PyUnicode_Check(id)) return std::nullopt;
    ids.push_back(py::handle(id).cast<std::string>());
  }
  return ids;
}

EventFilter FilterFrom(const py::kwargs& kw) {
  EventFilter f;
  for (auto [key, value] : kw) {
    const std::string k = key.cast<std::string>();
    if (value.is_none()) continue;
    auto text = [&]() { return py::str(value).cast<std::string>(); };
    if (k == "from" || k == "from_" || k == "start") {
      f.from = text();
    } else if (k == "to" || k == "end") {
      f.to = text();
    } else if (k == "source") {
      f.source = text();
    } else if (k == "target") {
      f.target = text();
    } else if (k == "cameo") {
      f.cameo = text();
    } else if (k == "root") {
      f.root = text();
    } else if (k == "quad") {
      f.quad = value.cast<int>();
    } else if (k == "plover") {
      f.plover = text();
    } else if (k == "modality") {
      // "asserted", "asserted,alleged" or a list of names.
      if (py::isinstance<py::str>(value)) {
        std::string list = text();
        for (size_t b = 0; b <= list.size();) {
          size_t e = std::min(list.find(',', b), list.size());
          if (e > b) f.modality.push_back(list.substr(b, e - b));
          b = e + 1;
        }
      } else {
        for (py::handle m : value) f.modality.push_back(py::str(m));
      }
    } else if (k == "text") {
      f.text = text();
    } else if (k == "doc" || k == "doc_id") {
      f.doc_id = text();
    } else if (k == "one_a_day") {
      f.one_a_day = value.cast<bool>();
    } else if (k == "limit") {
      f.limit = value.cast<int64_t>();
    } else {
      ThrowStatus(Status::Error(
          ErrorCode::kInvalidArgument,
          "unknown filter '" + k +
              "' (from_, to, source, target, cameo, root, quad, plover, "
              "modality, text, doc, one_a_day, limit)"));
    }
  }
  if (Status s = ValidateFilter(f); !s.ok()) ThrowStatus(s);
  return f;
}

py::dict StatsDict(const store::IngestStats& s) {
  py::dict d;
  d["read"] = s.read;
  d["stored"] = s.stored;
  d["skipped"] = s.skipped;
  d["rejected"] = s.rejected;
  d["sentences"] = s.sentences;
  d["events"] = s.events;
  d["seconds"] = s.seconds;
  return d;
}

// Each line of the log as a warning of the "curlew" logger.
void LogLines(const std::string& log) {
  if (log.empty()) return;
  py::object logger =
      py::module_::import("logging").attr("getLogger")("curlew");
  std::istringstream in(log);
  for (std::string line; std::getline(in, line);) {
    logger.attr("warning")(line);
  }
}

// One database connection, used by one thread at a time (the lock keeps
// Python threads sharing a Store object from overlapping).
class PyStore {
 public:
  PyStore(const std::string& location, bool read_only) {
    StoreOptions options;
    options.read_only = read_only;
    options.create = !read_only;
    Result<std::unique_ptr<Store>> s = Status();
    {
      py::gil_scoped_release release;
      s = Store::Open(location, options);
    }
    if (!s.ok()) ThrowStatus(s.status());
    store_ = std::move(*s);
  }

  Store& Get() {
    if (!store_) {
      ThrowStatus(
          Status::Error(ErrorCode::kInvalidArgument, "the store is closed"));
    }
    return *store_;
  }

  void Close() {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(mu_);
    store_.reset();
  }

  py::dict Ingest(store::DocumentInput& source,
                  std::shared_ptr<const Engine> engine,
                  store::IngestOptions options) {
    Store& store = Get();
    const Engine& coder = *engine;
    options.ledger = [&](const Document& d) { return coder.LedgerInputOf(d); };
    std::ostringstream log;
    store::IngestStats stats;
    Result<store::IngestStats> result = Status();
    {
      py::gil_scoped_release release;
      std::lock_guard<std::mutex> lock(mu_);
      result = store::Ingest(
          source, [&](Document& d) { return coder.Process(d); }, store, options,
          log, &stats);
    }
    LogLines(log.str());
    if (!result.ok()) ThrowStatus(result.status());
    return StatsDict(stats);
  }

  // Runs `f` on the store with the GIL released and the store locked.
  template <typename F>
  auto Locked(F&& f) {
    Store& store = Get();
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(mu_);
    return f(store);
  }

 private:
  std::mutex mu_;
  std::unique_ptr<Store> store_;
};

std::shared_ptr<const Engine> EngineOr(const py::object& engine) {
  if (engine.is_none()) return DefaultEngine();
  return engine.cast<std::shared_ptr<Engine>>();
}

store::IngestOptions IngestOptionsFrom(bool replace, size_t batch,
                                       std::optional<int> jobs,
                                       bool rebuild_ledger) {
  if (batch == 0 || (jobs && *jobs < 1)) {
    ThrowStatus(Status::Error(ErrorCode::kInvalidArgument,
                              "batch and jobs must be at least 1"));
  }
  store::IngestOptions o;
  o.batch_documents = batch;
  o.replace = replace;
  o.jobs = jobs.value_or(0);
  o.rebuild_ledger = rebuild_ledger;
  return o;
}

// A Status error as an exception, for results computed without the GIL.
template <typename T>
T ValueOr(Result<T> r) {
  if (!r.ok()) ThrowStatus(r.status());
  return std::move(r.value());
}

py::list JsonLines(const std::vector<std::string>& lines) {
  py::list out;
  for (const std::string& l : lines) {
    out.append(ToPython(nlohmann::ordered_json::parse(l)));
  }
  return out;
}

// The keys of a JSON object, in order.
py::list Keys(const nlohmann::ordered_json& j) {
  py::list names;
  for (const auto& [key, value] : j.items()) names.append(key);
  return names;
}

GroupBy GroupByName(const std::string& by) {
  if (by == "dyad") return GroupBy::kDyad;
  if (by == "root") return GroupBy::kRoot;
  if (by == "quad") return GroupBy::kQuad;
  ThrowStatus(
      Status::Error(ErrorCode::kInvalidArgument,
                    "by must be 'dyad', 'root' or 'quad', not '" + by + "'"));
}

}  // namespace

void register_store(py::module_& m) {
  m.def(
      "store_event_fields",
      []() { return Keys(io::EventRecordToJson(EventRecord{})); },
      "The fields of Store.event_dicts() rows, in order.");
  m.def(
      "count_fields",
      [](const std::string& by) {
        return Keys(io::CountToJson(GroupCount{}, GroupByName(by)));
      },
      py::arg("by") = "dyad",
      "The fields of Store.count_dicts(by) rows, in order.");

  py::class_<PyStore>(
      m, "Store",
      "A curlew store: an SQLite file or a PostgreSQL URL. One connection; "
      "calls release the GIL and are serialised per Store object.")
      .def(py::init<const std::string&, bool>(), py::arg("path_or_url"),
           py::kw_only(), py::arg("read_only") = false,
           "Opens (and, unless read_only, creates or migrates) the store.")
      .def(
          "ingest",
          [](PyStore& self, py::object docs, py::object engine, bool replace,
             size_t batch, std::optional<int> jobs, bool rebuild_ledger) {
            store::IngestOptions o =
                IngestOptionsFrom(replace, batch, jobs, rebuild_ledger);
            std::optional<std::vector<std::string>> ids = KnownIds(docs);
            if (ids) o.resume_ids = &*ids;
            std::shared_ptr<const Engine> e = EngineOr(engine);
            PythonSource source(docs);
            return self.Ingest(source, e, o);
          },
          py::arg("docs"), py::kw_only(), py::arg("engine") = py::none(),
          py::arg("replace") = false, py::arg("batch") = 1000,
          py::arg("jobs") = py::none(), py::arg("rebuild_ledger") = true,
          "Codes and stores documents ({'id', 'date', 'text', ...} dicts), "
          "exactly once: ids already stored are skipped (unless replace), "
          "each batch is one transaction. Rejected documents are recorded "
          "in the store and logged on the 'curlew' logger. Returns the "
          "counts (read, stored, skipped, rejected, sentences, events, "
          "seconds).")
      .def(
          "ingest_files",
          [](PyStore& self, std::vector<std::string> paths,
             std::vector<std::string> ids, py::object engine,
             std::string format, std::optional<std::string> date, bool replace,
             size_t batch, std::optional<int> jobs, bool rebuild_ledger) {
            if (!ids.empty() && ids.size() != paths.size()) {
              ThrowStatus(Status::Error(ErrorCode::kInvalidArgument,
                                        "ids must be empty or one per path"));
            }
            store::IngestOptions o =
                IngestOptionsFrom(replace, batch, jobs, rebuild_ledger);
            ReaderOptions ro;
            ro.format = ValueOr(ParseInputFormat(format));
            ro.default_date = date.value_or("");
            std::shared_ptr<const Engine> e = EngineOr(engine);
            FileSource source(std::move(paths), std::move(ids), ro);
            return self.Ingest(source, e, o);
          },
          py::arg("paths"), py::kw_only(),
          py::arg("ids") = std::vector<std::string>(),
          py::arg("engine") = py::none(), py::arg("format") = "auto",
          py::arg("date") = py::none(), py::arg("replace") = false,
          py::arg("batch") = 1000, py::arg("jobs") = py::none(),
          py::arg("rebuild_ledger") = true,
          "Codes and stores files or folders as `curlew ingest` does. ids "
          "(one per path): the id of a whole-file document instead of its "
          "file name.")
      .def(
          "event_dicts",
          [](PyStore& self, py::kwargs filters) {
            EventFilter f = FilterFrom(filters);
            std::vector<EventRecord> rows;
            Status s = self.Locked([&](Store& st) {
              return st.QueryEvents(f, [&](const EventRecord& r) {
                rows.push_back(r);
                return true;
              });
            });
            if (!s.ok()) ThrowStatus(s);
            py::list out(rows.size());
            for (size_t i = 0; i < rows.size(); ++i) {
              out[i] = EventDict(EventRecordView::Of(rows[i]));
            }
            return out;
          },
          "Stored events as dicts (the fields of `curlew export --format "
          "jsonl`), with the filters of `curlew query`.")
      .def(
          "count_dicts",
          [](PyStore& self, std::string by, std::string per,
             py::kwargs filters) {
            EventFilter f = FilterFrom(filters);
            const GroupBy group = GroupByName(by);
            const Period period = ValueOr(ParsePeriod(per));
            std::vector<GroupCount> rows;
            Status s = self.Locked([&](Store& st) {
              auto counted = st.Count(f, group, period);
              if (!counted.ok()) return counted.status();
              rows = std::move(*counted);
              return Status();
            });
            if (!s.ok()) ThrowStatus(s);
            py::list out;
            for (const GroupCount& g : rows)
              out.append(ToPython(io::CountToJson(g, group)));
            return out;
          },
          py::arg("by") = "dyad", py::arg("per") = "all",
          "Event counts and mean Goldstein by dyad or root and period, as "
          "`curlew query --count-by BY --per PER --format jsonl`.")
      .def(
          "agreements",
          [](PyStore& self, std::optional<std::string> as_of) {
            std::vector<std::string> lines;
            Status s = self.Locked([&](Store& st) {
              Ledger ledger;
              Status l = store::LoadLedger(st, &ledger);
              for (const Agreement& a : ledger.agreements()) {
                lines.push_back(AgreementToJson(a, as_of.value_or("")));
              }
              return l;
            });
            if (!s.ok()) ThrowStatus(s);
            return JsonLines(lines);
          },
          py::arg("as_of") = py::none(),
          "Agreements and where each stands (as of a date), as `curlew "
          "agreements --format json`.")
      .def(
          "commitments",
          [](PyStore& self) {
            std::vector<std::string> lines;
            Status s = self.Locked([&](Store& st) {
              Ledger ledger;
              Status l = store::LoadLedger(st, &ledger);
              for (const Commitment& c : ledger.commitments()) {
                lines.push_back(CommitmentToJson(c));
              }
              return l;
            });
            if (!s.ok()) ThrowStatus(s);
            return JsonLines(lines);
          },
          "Commitments with their links, as `curlew commitments --format "
          "json`.")
      .def(
          "rebuild_ledger",
          [](PyStore& self) {
            Status s =
                self.Locked([](Store& st) { return store::RebuildLedger(st); });
            if (!s.ok()) ThrowStatus(s);
          },
          "Rebuilds the agreement and commitment tables from every stored "
          "document (after ingests run with rebuild_ledger=False).")
      .def(
          "totals",
          [](PyStore& self) {
            StoreCounts c =
                ValueOr(self.Locked([](Store& st) { return st.Counts(); }));
            py::dict d;
            d["documents"] = c.documents;
            d["sentences"] = c.sentences;
            d["events"] = c.events;
            d["rejected"] = c.rejected;
            return d;
          },
          "How many documents, sentences, events and rejections are stored.")
      .def(
          "document_ids",
          [](PyStore& self) {
            std::vector<std::string> ids;
            Status s = self.Locked([&](Store& st) {
              return st.ForEachDocumentId(
                  [&](std::string_view id) { ids.emplace_back(id); });
            });
            if (!s.ok()) ThrowStatus(s);
            return ids;
          },
          "Every stored document id.")
      .def(
          "rejections",
          [](PyStore& self) {
            std::vector<Rejection> rs =
                ValueOr(self.Locked([](Store& st) { return st.Rejections(); }));
            py::list out;
            for (const Rejection& r : rs) {
              out.append(ErrorObject(Status::Error(
                  r.code, r.reason, r.doc_id.empty() ? r.where : r.doc_id,
                  r.position)));
            }
            return out;
          },
          "The stored rejections, as curlew.Error objects.")
      .def_property_readonly(
          "backend",
          [](PyStore& self) { return std::string(self.Get().backend()); },
          "'sqlite' or 'postgresql'.")
      .def_property_readonly(
          "location", [](PyStore& self) { return self.Get().location(); },
          "The path or URL, without any password.")
      .def("close", &PyStore::Close, "Closes the connection.")
      .def("__enter__", [](py::object self) { return self; })
      .def("__exit__", [](PyStore& self, py::args) { self.Close(); });
}

}  // namespace curlew::python
