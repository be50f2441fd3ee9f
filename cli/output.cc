#include "output.h"

#include <cstdio>
#include <string>

#include "command.h"

namespace curlew::cli {

std::unique_ptr<Output> Output::Open(const char* command,
                                     const std::string& path) {
  std::unique_ptr<Output> out(new Output());
  out->command_ = command;
  out->name_ = path.empty() || path == "-" ? "stdout" : path;
  auto file = NewOutputFile(Env::Default(), path);
  if (!file.ok()) {
    PrintError(command, file.status());
    return nullptr;
  }
  out->file_ = std::move(*file);
  out->stream_ = std::make_unique<io::OutputStream>(out->file_.get());
  return out;
}

int Output::Finish(int exit_code) {
  stream_->flush();
  Status s = file_->Close();
  if (!s.ok()) return Fail(command_, s);
  return exit_code;
}

int WriteResult(const char* command, std::string_view text, int exit_code) {
  std::unique_ptr<Output> out = Output::Open(command, "-");
  if (!out) return kExitFailure;
  (void)out->file()->Append(text);
  return out->Finish(exit_code);
}

}  // namespace curlew::cli
