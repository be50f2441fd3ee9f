// The CLI's subcommand registry. Each subcommand lives in its own file
// cli/<name>_command.cc and registers itself with a static Command object:
//
//   static curlew::cli::Command kSplit("split", "print sentences and tokens",
//                                      &SetUp);
//
// SetUp adds the subcommand's options to the CLI11 App it is given and
// returns the function that runs it (returning the process exit status).
//
// Conventions every subcommand follows (one dialect):
//  - every message on stderr starts "curlew <subcommand>: " (PrintError,
//    PrintWarning, Fail, UsageFail below); a rejected document is one such
//    line naming the input and the byte position;
//  - output goes through an Output (cli/output.h): stdout or --out FILE,
//    and a write error (a full disk, /dev/full) exits 1;
//  - --format takes the names of io/event_sink.h for events (jsonl, csv,
//    table, petrarch, phoenix, gdelt) and jsonl or table (or text) for
//    everything else; "json" is accepted as another name for "jsonl";
//  - numeric options are range-checked (CLI::Range / CLI::PositiveNumber,
//    signed types, so "-5" is an error rather than a huge unsigned value);
//    dates go through ParseDate (curlew/time.h).
#ifndef CURLEW_CLI_COMMAND_H_
#define CURLEW_CLI_COMMAND_H_

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "curlew/status.h"

namespace curlew::cli {

using Runner = std::function<int()>;
using SetUpFn = Runner (*)(CLI::App& sub);

struct Command {
  Command(const char* name, const char* help, SetUpFn set_up);
  const char* name;
  const char* help;
  SetUpFn set_up;
};

// Every registered command, in registration order.
std::vector<const Command*>& Commands();

// Exit statuses (DESIGN.md): 0 success (also with some rejected documents),
// 1 nothing could be processed, 2 bad arguments.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// Prints "curlew <command>: <status>" on stderr.
void PrintError(std::string_view command, const Status& status);
// Prints "curlew <command>: warning: <status>" on stderr.
void PrintWarning(std::string_view command, const Status& status);
// PrintError, then the exit status kExitFailure (Fail) or kExitUsage
// (UsageFail).
int Fail(std::string_view command, const Status& status);
int UsageFail(std::string_view command, const Status& status);

// Checks --format: `format` must be one of `allowed`; "json" stands for
// "jsonl". Returns the canonical name, or kInvalidArgument naming the
// allowed values.
Result<std::string> CheckFormat(const std::string& format,
                                const std::vector<std::string>& allowed);

// Keeps `object` alive until the process ends and never destroys it: the
// engine's dictionaries and knowledge base are millions of small
// allocations, and freeing them one by one at exit took about a tenth of
// a short `code` run's start. The OS reclaims the memory at once. The
// object stays reachable from a global, so leak checkers do not report it.
// Only for the CLI's long-lived objects, after every thread using them has
// stopped.
void KeepUntilExit(std::shared_ptr<const void> object);

}  // namespace curlew::cli

#endif  // CURLEW_CLI_COMMAND_H_
