// curlew export: the stored events as JSONL, CSV, Phoenix TSV, PETRARCH
// event lines or a GDELT-2.0-style CSV, to stdout or a file written whole.
#include <iostream>
#include <memory>
#include <string>

#include "command.h"
#include "store/export.h"
#include "store_cli.h"

namespace curlew::cli {
namespace {

struct ExportArgs {
  std::string store;
  EventFilter filter;
  std::string format = "jsonl";
  std::string out;
};

int RunExport(const ExportArgs& a) {
  int exit_code = kExitOk;
  std::unique_ptr<Store> store =
      OpenForQuery("export", a.store, a.filter, &exit_code);
  if (!store) return exit_code;
  std::unique_ptr<AtomicFile> file;
  std::ostream* out = &std::cout;
  if (!a.out.empty() && a.out != "-") {
    file = std::make_unique<AtomicFile>(a.out);
    if (!file->ok()) {
      PrintError("export",
                 Status::Error(ErrorCode::kIoError,
                               "cannot create the output file", a.out));
      return kExitFailure;
    }
    out = file->stream();
  }
  auto writer = store::MakeEventWriter(a.format, *out);
  if (!writer.ok()) {
    PrintError("export", writer.status());
    return kExitUsage;
  }
  int64_t n = 0;
  Status s = store->QueryEvents(a.filter, [&](const EventRecord& r) {
    (*writer)->Write(r);
    ++n;
    return out->good();
  });
  (*writer)->Finish();
  if (s.ok() && !out->good()) {
    s = Status::Error(ErrorCode::kIoError, "cannot write the output",
                      a.out.empty() ? "stdout" : a.out);
  }
  if (s.ok() && file) s = file->Commit();
  if (!s.ok()) {
    PrintError("export", s);
    return kExitFailure;
  }
  if (file) {
    std::cerr << "curlew export: " << n << " events to " << a.out << '\n';
  }
  return kExitOk;
}

Runner SetUp(CLI::App& sub) {
  auto a = std::make_shared<ExportArgs>();
  AddStoreOption(sub, &a->store);
  AddFilterOptions(sub, &a->filter);
  sub.add_option("--format", a->format,
                 "jsonl, csv, phoenix, petrarch or gdelt")
      ->check(CLI::IsMember(
          {"jsonl", "csv", "phoenix", "petrarch", "gdelt", "table"}))
      ->capture_default_str();
  sub.add_option("--out", a->out, "output file (default: stdout)");
  return [a] { return RunExport(*a); };
}

const Command kExport("export", "write stored events in a dataset format",
                      &SetUp);

}  // namespace
}  // namespace curlew::cli
