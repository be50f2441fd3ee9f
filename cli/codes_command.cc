// curlew codes CODE|WORD ...: the meaning of a CAMEO event code ("190",
// a root "19" with its sub-codes), of an actor code ("TURGOVMIL",
// "IGOWSTNAT"), and for a word or phrase ("attack", "foreign minister",
// "Erdogan") the codes it can give: as a verb (its block's and patterns'
// event codes), as a role noun, as an actor. From curlew's own tables:
// data/cameo/cameo.tsv and the knowledge base (or --dicts/--add-dicts).
//
// Exit status: 0 if every argument was found, 1 if one was not, 2 for bad
// arguments.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "command.h"
#include "curlew/engine.h"
#include "events/cameo_table.h"
#include "input_options.h"
#include "kb_cli.h"

namespace curlew::cli::codes_command {
namespace {

struct CodesArgs {
  std::vector<std::string> items;
  KbArgs kb;
};

const char* QuadName(int quad) {
  switch (quad) {
    case 1:
      return "verbal cooperation";
    case 2:
      return "material cooperation";
    case 3:
      return "verbal conflict";
    case 4:
      return "material conflict";
    default:
      return "";
  }
}

void PrintEventCode(const CameoCode& c, const char* indent) {
  std::printf("%s%-5s %s", indent, c.code.c_str(), c.name.c_str());
  std::printf("  (Goldstein %.1f, quad %d %s", c.goldstein, c.quad,
              QuadName(c.quad));
  if (!c.plover.empty()) std::printf(", PLOVER %s", c.plover.c_str());
  std::printf(")\n");
}

bool IsDigits(const std::string& s) {
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return !s.empty();
}

bool IsUpperCode(const std::string& s) {
  for (char c : s)
    if (c < 'A' || c > 'Z') return false;
  return s.size() >= 3;
}

// An event code, and for a root or a two-level code the codes under it.
bool ExplainEventCode(const std::string& code, const CameoTable& cameo) {
  std::vector<const CameoCode*> under;
  for (const auto& [c, e] : cameo.codes())
    if (c.size() > code.size() && c.rfind(code, 0) == 0) under.push_back(&e);
  auto it = cameo.codes().find(code);
  if (it == cameo.codes().end()) {
    std::printf("%s: not a CAMEO event code\n", code.c_str());
    return false;
  }
  PrintEventCode(it->second, "");
  std::sort(
      under.begin(), under.end(),
      [](const CameoCode* a, const CameoCode* b) { return a->code < b->code; });
  for (const CameoCode* c : under) PrintEventCode(*c, "  ");
  return true;
}

// An actor code cut into its parts, with the knowledge base's entries
// that carry exactly this code.
bool ExplainActorCode(const std::string& code, const CodeNames& names,
                      const Dictionaries& d) {
  std::vector<std::string> parts = names.Split(code);
  std::vector<std::string> entries;
  for (size_t i = 0; i < d.actors.entry_count() && entries.size() < 5; ++i) {
    const ActorEntry& e = d.actors.entry(static_cast<uint32_t>(i));
    if (e.default_code == code && e.dated.empty())
      entries.push_back(e.phrase + " (" + ShortPath(d.actors.files()[e.file]) +
                        ":" + std::to_string(e.line) + ")");
  }
  if (parts.empty() && entries.empty()) return false;
  std::printf("%s: actor code\n", code.c_str());
  for (const std::string& p : parts)
    std::printf("  %-6s %s\n", p.c_str(), names.Find(p)->c_str());
  for (const std::string& e : entries) std::printf("  entry  %s\n", e.c_str());
  return true;
}

// What a word or phrase can code: verb, role noun, actor.
bool ExplainWord(const std::string& text, const Dictionaries& d,
                 const CameoTable& cameo, const CodeNames& names) {
  std::vector<std::string> upper = DictWords(text);
  std::vector<uint32_t> ids = WordIds(d.words, upper);
  bool any = false;
  std::printf("%s:\n", text.c_str());
  // As a verb: the forms of its first word, their blocks and patterns.
  std::map<std::string, int> event_codes;  // code -> patterns giving it
  std::set<std::string> blocks;
  for (size_t i = 0; i < ids.size(); ++i) {
    const std::vector<VerbForm>* forms =
        ids[i] == dict::kNoWord ? nullptr : d.verbs.Forms(ids[i]);
    if (!forms) continue;
    for (const VerbForm& f : *forms) {
      const VerbBlock& b = d.verbs.block(f.block);
      blocks.insert(b.name);
      std::string own = f.code.empty() ? b.code : f.code;
      if (own != "---") event_codes[own] += 0;
      for (const VerbPattern& p : b.patterns)
        if (p.code != "---") ++event_codes[p.code];
    }
    break;
  }
  if (!event_codes.empty()) {
    any = true;
    std::printf("  as a verb (");
    bool first = true;
    for (const std::string& b : blocks) {
      std::printf("%s%s", first ? "" : ", ", b.c_str());
      first = false;
    }
    std::printf("), it can code:\n");
    for (const auto& [c, n] : event_codes) {
      if (const CameoCode* e = cameo.Find(c)) {
        PrintEventCode(*e, "    ");
      } else {
        std::printf("    %s\n", c.c_str());
      }
    }
  }
  const Agent* ag = nullptr;
  if (!ids.empty() && d.agents.Match(ids, 0, &ag) > 0) {
    any = true;
    const std::string* m = names.Find(ag->code.substr(0, 3));
    std::printf(
        "  as a role noun: %s%s  %s  (%s:%lld)\n", ag->prefix ? "" : "~",
        (ag->code + (ag->prefix ? "~" : "")).c_str(), m ? m->c_str() : "",
        ShortPath(d.agents.files()[ag->file]).c_str(),
        static_cast<long long>(ag->line));
  }
  std::string code;
  uint32_t entry = 0;
  if (!ids.empty() && d.actors.Match(ids, 0, 0, &code, &entry) > 0) {
    any = true;
    const ActorEntry& e = d.actors.entry(entry);
    std::printf("  as an actor: %s  (%s:%lld)\n", code.c_str(),
                ShortPath(d.actors.files()[e.file]).c_str(),
                static_cast<long long>(e.line));
    std::set<std::string> all{e.default_code};
    for (const ActorEntry::Dated& t : e.dated) all.insert(t.code);
    all.erase("");
    if (all.size() > 1) {
      std::printf("    by date:");
      for (const std::string& c : all) std::printf(" %s", c.c_str());
      std::printf("  (see curlew actor NAME --date)\n");
    }
  }
  if (!any) std::printf("  no verb, role noun or actor entry\n");
  return any;
}

int RunCodes(const CodesArgs& args) {
  auto dicts = LoadKb(args.kb);
  if (!dicts.ok()) {
    std::fprintf(stderr, "curlew codes: %s\n",
                 dicts.status().ToString().c_str());
    return kExitFailure;
  }
  CameoTable cameo;
  if (Status s = cameo.Load(DataPath("cameo/cameo.tsv")); !s.ok()) {
    std::fprintf(stderr, "curlew codes: %s\n", s.ToString().c_str());
    return kExitFailure;
  }
  auto names = CodeNames::Load(DataPath("kb"));
  if (!names.ok()) {
    std::fprintf(stderr, "curlew codes: %s\n",
                 names.status().ToString().c_str());
    return kExitFailure;
  }
  bool all = true;
  for (const std::string& item : args.items) {
    bool ok = false;
    if (IsDigits(item)) {
      ok = ExplainEventCode(item, cameo);
    } else {
      if (IsUpperCode(item)) ok = ExplainActorCode(item, *names, **dicts);
      if (!ok) ok = ExplainWord(item, **dicts, cameo, *names);
    }
    all = all && ok;
  }
  return all ? kExitOk : kExitFailure;
}

Runner SetUp(CLI::App& sub) {
  auto args = std::make_shared<CodesArgs>();
  sub.add_option("items", args->items,
                 "CAMEO event codes (190, 19), actor codes (TURGOV), or "
                 "words and phrases (attack, 'foreign minister')")
      ->required();
  AddKbOptions(sub, args->kb);
  return [args] { return RunCodes(*args); };
}

const Command kCodes(
    "codes",
    "the meaning of a CAMEO event or actor code, or the codes a word gives",
    &SetUp);

}  // namespace
}  // namespace curlew::cli::codes_command
