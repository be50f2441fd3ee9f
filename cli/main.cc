// build/curlew: the command-line front door. Each subcommand is one small
// function in its own cli/*_command.cc file (see command.h).
#include <cstdio>
#include <map>
#include <string>

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
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  for (auto& [sub, run] : runners) {
    if (sub->parsed()) return run();
  }
  return kExitUsage;
}
