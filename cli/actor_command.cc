// curlew actor NAME [--date YYYY-MM-DD] [--dicts DIR] [--add-dicts DIR]
// [--format text|json]: what a name resolves to on a date, and from which
// dictionary entries (file and line) -- the actor phrases and role nouns
// the coder finds in it, each with its code that day and the terms a
// person's entry lists, and the code they compose to.
//
// Exit status: 0 if some entry matched, 1 if none did, 2 for bad
// arguments.
#include <climits>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "command.h"
#include "input_options.h"
#include "kb_cli.h"

namespace curlew::cli::actor_command {
namespace {

struct ActorArgs {
  std::vector<std::string> name;
  std::string date;
  std::string format = "text";
  KbArgs kb;
};

std::string DateText(int32_t d) {
  if (d == INT_MIN || d == INT_MAX) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d / 10000, d / 100 % 100,
                d % 100);
  return buf;
}

// One dictionary match in the name.
struct Found {
  std::string text;  // the words matched
  bool agent = false;
  bool prefix = false;  // an agent put before the actor code ("NGO~")
  std::string code;
  std::string file;
  int64_t line = 0;       // the entry
  int64_t code_line = 0;  // the line its code that day came from
  const ActorEntry* entry = nullptr;
};

// The actor code and role codes composed as the coder composes a run of
// mentions: the first actor, prefix roles before it, other roles after
// it unless it already has them.
std::string Compose(const std::vector<Found>& found) {
  std::string actor, prefix, suffix;
  for (const Found& f : found) {
    if (!f.agent) {
      if (actor.empty()) actor = f.code;
    } else if (f.prefix) {
      prefix += f.code;
    } else if (suffix.find(f.code) == std::string::npos) {
      suffix += f.code;
    }
  }
  if (actor.empty()) return suffix.empty() ? "" : "---" + prefix + suffix;
  if (actor.find(suffix) != std::string::npos) suffix.clear();
  return prefix + actor + suffix;
}

int RunActor(const ActorArgs& args) {
  std::string name;
  for (const std::string& w : args.name) name += (name.empty() ? "" : " ") + w;
  const int32_t date = ParseCliDate(args.date);
  if (date < 0)
    return UsageFail(
        "actor",
        Status::Error(ErrorCode::kInvalidArgument,
                      "--date must be YYYY-MM-DD, not '" + args.date + "'"));
  if (args.format != "text" && args.format != "json")
    return UsageFail("actor", Status::Error(ErrorCode::kInvalidArgument,
                                    "--format must be text or json"));
  auto dicts = LoadKb(args.kb);
  if (!dicts.ok()) {
    std::fprintf(stderr, "curlew actor: %s\n",
                 dicts.status().ToString().c_str());
    return kExitFailure;
  }
  const Dictionaries& d = **dicts;
  std::vector<std::string> upper = DictWords(name);
  std::vector<uint32_t> ids = WordIds(d.words, upper);
  std::vector<Found> found;
  for (size_t i = 0; i < ids.size();) {
    std::string code;
    uint32_t entry = 0;
    size_t la = d.actors.Match(ids, i, date, &code, &entry);
    const Agent* ag = nullptr;
    size_t lg = d.agents.Match(ids, i, &ag);
    if (la == 0 && lg == 0) {
      ++i;
      continue;
    }
    Found f;
    size_t len = la >= lg ? la : lg;
    for (size_t k = i; k < i + len; ++k)
      f.text += (f.text.empty() ? "" : " ") + upper[k];
    if (la >= lg) {
      const ActorEntry& e = d.actors.entry(entry);
      f.code = ActorDictionary::CodeOn(e, date, &f.code_line);
      f.file = ShortPath(d.actors.files()[e.file]);
      f.line = e.line;
      f.entry = &e;
    } else {
      f.agent = true;
      f.prefix = ag->prefix;
      f.code = ag->code;
      f.file = ShortPath(d.agents.files()[ag->file]);
      f.line = f.code_line = ag->line;
    }
    found.push_back(std::move(f));
    i += len;
  }
  const std::string composed = Compose(found);
  if (args.format == "json") {
    nlohmann::ordered_json j;
    j["name"] = name;
    j["date"] = args.date;
    j["code"] = composed;
    j["matches"] = nlohmann::json::array();
    for (const Found& f : found) {
      nlohmann::ordered_json m;
      m["text"] = f.text;
      m["kind"] = f.agent ? "agent" : "actor";
      m["code"] = f.code;
      m["file"] = f.file;
      m["line"] = f.line;
      m["code_line"] = f.code_line;
      if (f.entry) {
        nlohmann::json terms = nlohmann::json::array();
        for (const ActorEntry::Dated& t : f.entry->dated)
          terms.push_back({{"code", t.code},
                           {"from", DateText(t.from)},
                           {"to", DateText(t.to)},
                           {"line", t.line}});
        m["terms"] = terms;
        m["default"] = f.entry->default_code;
      }
      j["matches"].push_back(m);
    }
    std::printf("%s\n", j.dump().c_str());
  } else {
    std::printf("%s%s%s: %s\n", name.c_str(), args.date.empty() ? "" : ", ",
                args.date.c_str(),
                composed.empty() ? "no entry" : composed.c_str());
    for (const Found& f : found) {
      std::printf("  %-6s %-34s %-10s %s:%lld", f.agent ? "agent" : "actor",
                  f.text.c_str(), f.code.c_str(), f.file.c_str(),
                  static_cast<long long>(f.line));
      if (f.code_line != f.line)
        std::printf(" (code from line %lld)",
                    static_cast<long long>(f.code_line));
      std::printf("\n");
      if (f.entry && !f.entry->dated.empty()) {
        std::printf("         terms:");
        for (const ActorEntry::Dated& t : f.entry->dated) {
          // The knowledge base's "any other date" term of someone in office
          // today (data/kb/README.md).
          if (t.from <= 18000101 && t.to >= 29991231)
            std::printf(" any other date %s;", t.code.c_str());
          else
            std::printf(" %s %s..%s;", t.code.c_str(), DateText(t.from).c_str(),
                        DateText(t.to).c_str());
        }
        std::printf(" undated %s\n", f.entry->default_code.empty()
                                         ? "no code"
                                         : f.entry->default_code.c_str());
      }
    }
  }
  return found.empty() ? kExitFailure : kExitOk;
}

Runner SetUp(CLI::App& sub) {
  auto args = std::make_shared<ActorArgs>();
  sub.add_option("name", args->name, "the name or phrase to look up")
      ->required();
  sub.add_option("--date", args->date,
                 "the date to resolve on (YYYY-MM-DD; default: today's "
                 "code, as for an undated report)");
  sub.add_option("--format", args->format, "text or json")
      ->capture_default_str();
  AddKbOptions(sub, args->kb);
  return [args] { return RunActor(*args); };
}

const Command kActor("actor",
                     "what a name resolves to on a date, and from which entry",
                     &SetUp);

}  // namespace
}  // namespace curlew::cli::actor_command
