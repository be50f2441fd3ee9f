#include "events/dictionaries.h"

namespace curlew {

using dict::Trim;

Result<std::shared_ptr<const Dictionaries>> LoadDictionaryFiles(
    const DictionaryFiles& files) {
  auto d = std::make_shared<Dictionaries>();
  Status s;
  if (!files.verbs.empty()) {
    s = d->verbs.Load(files.verbs, d->words);
    if (!s.ok()) return s;
  }
  for (const std::string& a : files.actors) {
    s = d->actors.Load(a, d->words);
    if (!s.ok()) return s;
  }
  d->actors.Finish();
  if (!files.agents.empty()) {
    s = d->agents.Load(files.agents, d->words);
    if (!s.ok()) return s;
  }
  d->agents.Finish();
  if (!files.discards.empty()) {
    s = d->discards.Load(files.discards);
    if (!s.ok()) return s;
  }
  if (!files.issues.empty()) {
    s = d->issues.Load(files.issues, d->words);
    if (!s.ok()) return s;
  }
  d->issues.Finish();
  return std::shared_ptr<const Dictionaries>(std::move(d));
}

Result<DictionaryFiles> ParsePetrConfig(std::string_view text,
                                        const std::string& name) {
  DictionaryFiles f;
  bool any = false;
  dict::ForEachLine(text, [&](std::string_view raw, int64_t) {
    std::string_view line = dict::StripComment(raw);
    if (line.empty() || line[0] == ';' || line[0] == '[') return;
    size_t eq = line.find('=');
    if (eq == std::string_view::npos) return;
    std::string_view key = Trim(line.substr(0, eq));
    std::string_view value = Trim(line.substr(eq + 1));
    if (key == "verbfile_name")
      f.verbs = value, any = true;
    else if (key == "agentfile_name")
      f.agents = value;
    else if (key == "discardfile_name")
      f.discards = value;
    else if (key == "issuefile_name")
      f.issues = value;
    else if (key == "actorfile_list") {
      size_t b = 0;
      while (b <= value.size()) {
        size_t c = value.find(',', b);
        if (c == std::string_view::npos) c = value.size();
        std::string_view item = Trim(value.substr(b, c - b));
        if (!item.empty()) f.actors.emplace_back(item);
        b = c + 1;
      }
    }
  });
  if (!any)
    return Status::Error(ErrorCode::kParseError,
                         "no verbfile_name in dictionary config", name);
  return f;
}

Result<std::shared_ptr<const Dictionaries>> LoadDictionaries(
    const std::string& dir) {
  std::string config = dir + "/PETR_config.ini";
  auto text = dict::ReadFile(config);
  if (!text.ok()) return text.status();
  auto files = ParsePetrConfig(*text, config);
  if (!files.ok()) return files.status();
  auto rel = [&](std::string& p) {
    if (!p.empty() && p[0] != '/') p = dir + "/" + p;
  };
  rel(files->verbs);
  for (auto& a : files->actors) rel(a);
  rel(files->agents);
  rel(files->discards);
  rel(files->issues);
  return LoadDictionaryFiles(*files);
}

}  // namespace curlew
