// Output: where a subcommand writes its results: standard output, or the
// file of --out (written whole: a temporary file renamed into place only
// when every byte was written; see NewOutputFile in curlew/env.h). Both
// report write errors: Finish() prints "curlew <command>: stdout: byte N:
// write failed: No space left on device" and turns the exit status into 1.
//
//   auto out = Output::Open("query", args.out);
//   if (!out) return kExitFailure;
//   out->stream() << "...";            // or out->file() for event sinks
//   return out->Finish(kExitOk);
//
// Thread safety: one Output per command run.
#ifndef CURLEW_CLI_OUTPUT_H_
#define CURLEW_CLI_OUTPUT_H_

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "curlew/env.h"
#include "io/output_stream.h"

namespace curlew::cli {

class Output {
 public:
  // "-" or "" is stdout. Prints the error and returns null on failure.
  static std::unique_ptr<Output> Open(const char* command,
                                      const std::string& path);

  WritableFile* file() { return file_.get(); }
  // The same bytes as file(), through a std::ostream.
  std::ostream& stream() { return *stream_; }
  // Where the output goes, for messages ("stdout" or the path).
  const std::string& name() const { return name_; }

  // Flushes and closes. Returns `exit_code` if everything was written,
  // else prints the error and returns kExitFailure.
  int Finish(int exit_code);

 private:
  Output() = default;
  const char* command_ = "";
  std::string name_;
  std::unique_ptr<WritableFile> file_;
  std::unique_ptr<io::OutputStream> stream_;
};

// Writes `text` to stdout and returns `exit_code`, or kExitFailure (with
// the error printed) if it could not be written: for commands whose whole
// result is a line or two.
int WriteResult(const char* command, std::string_view text, int exit_code);

}  // namespace curlew::cli

#endif  // CURLEW_CLI_OUTPUT_H_
