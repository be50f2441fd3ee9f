// build/curlew: the command-line front door. Each subcommand is one small
// function in its own cli/*_command.cc file (see command.h).
#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <string_view>

#include "command.h"

namespace curlew::cli {

Command::Command(const char* n, const char* h, SetUpFn s)
    : name(n), help(h), set_up(s) {
  Commands().push_back(this);
}

std::vector<const Command*>& Commands() {
  static std::vector<const Command*> commands;
  return commands;
}

void PrintError(std::string_view command, const Status& status) {
  std::cerr << "curlew " << command << ": " << status.ToString() << '\n';
}

void PrintWarning(std::string_view command, const Status& status) {
  std::cerr << "curlew " << command << ": warning: " << status.ToString()
            << '\n';
}

int Fail(std::string_view command, const Status& status) {
  PrintError(command, status);
  return kExitFailure;
}

int UsageFail(std::string_view command, const Status& status) {
  PrintError(command, status);
  return kExitUsage;
}

void KeepUntilExit(std::shared_ptr<const void> object) {
  // Allocated once and never freed, so its contents outlive static
  // destruction too.
  static auto* kept = new std::vector<std::shared_ptr<const void>>();
  kept->push_back(std::move(object));
}

Result<std::string> CheckFormat(const std::string& format,
                                const std::vector<std::string>& allowed) {
  const std::string name = format == "json" ? "jsonl" : format;
  std::string names;
  for (const std::string& a : allowed) {
    if (a == name) return name;
    names += (names.empty() ? "" : ", ") + a;
  }
  return Status::Error(
      ErrorCode::kInvalidArgument,
      "--format must be one of " + names + ", not '" + format + "'");
}

}  // namespace curlew::cli

int main(int argc, char** argv) {
  using namespace curlew::cli;
  CLI::App app{
      "curlew: reads news reports and turns them into political event data"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("curlew 0.1.0"));
  std::map<CLI::App*, Runner> runners;
  for (const Command* c : Commands()) {
    CLI::App* sub = app.add_subcommand(c->name, c->help);
    runners[sub] = c->set_up(*sub);
  }
  // The subcommand named on the command line (the first word that is not
  // an option), for messages; an unknown one is said to be unknown rather
  // than left to CLI11's "A subcommand is required".
  std::string command;
  if (argc > 1 && argv[1][0] != '-') {
    command = argv[1];
    bool known = false;
    for (const Command* c : Commands()) known = known || command == c->name;
    if (!known) {
      std::cerr << "curlew: unknown subcommand '" << command
                << "' (run curlew --help for the list)\n";
      return kExitUsage;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "curlew" << (command.empty() ? "" : " " + command) << ": "
              << e.what() << " (run curlew " << command
              << (command.empty() ? "" : " ") << "--help)\n";
    return kExitUsage;
  }
  for (auto& [sub, run] : runners) {
    if (sub->parsed()) return run();
  }
  return kExitUsage;
}
