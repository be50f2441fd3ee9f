// The CLI's subcommand registry. Each subcommand lives in its own file
// cli/<name>_command.cc and registers itself with a static Command object:
//
//   static curlew::cli::Command kSplit("split", "print sentences and tokens",
//                                      &SetUp);
//
// SetUp adds the subcommand's options to the CLI11 App it is given and
// returns the function that runs it (returning the process exit status).
#ifndef CURLEW_CLI_COMMAND_H_
#define CURLEW_CLI_COMMAND_H_

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

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

}  // namespace curlew::cli

#endif  // CURLEW_CLI_COMMAND_H_
