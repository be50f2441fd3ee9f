#include "events/dictionaries.h"

#include <algorithm>
#include <filesystem>

namespace curlew {

using dict::Trim;

Result<std::shared_ptr<const Dictionaries>> LoadDictionaryFiles(
    const DictionaryFiles& files) {
  return LoadDictionaryFiles(std::vector<DictionaryFiles>{files});
}

Result<std::shared_ptr<const Dictionaries>> LoadDictionaryFiles(
    const std::vector<DictionaryFiles>& sets) {
  auto d = std::make_shared<Dictionaries>();
  Status s;
  for (const DictionaryFiles& files : sets) {
    if (!files.verbs.empty()) {
      s = d->verbs.Load(files.verbs, d->words);
      if (!s.ok()) return s;
    }
  }
  for (const DictionaryFiles& files : sets) {
    for (const std::string& a : files.actors) {
      s = d->actors.Load(a, d->words);
      if (!s.ok()) return s;
    }
  }
  d->actors.Finish();
  for (const DictionaryFiles& files : sets) {
    if (!files.agents.empty()) {
      s = d->agents.Load(files.agents, d->words);
      if (!s.ok()) return s;
    }
  }
  d->agents.Finish();
  for (const DictionaryFiles& files : sets) {
    if (!files.discards.empty()) {
      s = d->discards.Load(files.discards);
      if (!s.ok()) return s;
    }
    if (!files.issues.empty()) {
      s = d->issues.Load(files.issues, d->words);
      if (!s.ok()) return s;
    }
  }
  d->issues.Finish();
  return std::shared_ptr<const Dictionaries>(std::move(d));
}

Result<DictionaryFiles> ParsePetrConfig(std::string_view text,
                                        const std::string& name,
                                        bool verbs_optional) {
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
  if (!any && !verbs_optional)
    return Status::Error(ErrorCode::kParseError,
                         "no verbfile_name in dictionary config", name);
  return f;
}

namespace {

// Paths of a config relative to its folder.
void ResolveIn(const std::string& dir, DictionaryFiles* f) {
  auto rel = [&](std::string& p) {
    if (!p.empty() && p[0] != '/') p = dir + "/" + p;
  };
  rel(f->verbs);
  for (auto& a : f->actors) rel(a);
  rel(f->agents);
  rel(f->discards);
  rel(f->issues);
}

}  // namespace

Result<DictionaryFiles> DictionaryFilesIn(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    return Status::Error(ErrorCode::kNotFound, "not a dictionary folder", dir);
  std::string config = dir + "/PETR_config.ini";
  if (std::filesystem::exists(config, ec)) {
    auto text = dict::ReadFile(config);
    if (!text.ok()) return text.status();
    auto files = ParsePetrConfig(*text, config, /*verbs_optional=*/true);
    if (!files.ok()) return files.status();
    ResolveIn(dir, &*files);
    return files;
  }
  DictionaryFiles f;
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().extension() == ".txt")
      names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());  // a stable order across machines
  for (const std::string& n : names) {
    std::string upper = dict::Upper(n);
    std::string path = dir + "/" + n;
    if (upper.find("ACTORS") != std::string::npos)
      f.actors.push_back(path);
    else if (upper.find("AGENTS") != std::string::npos && f.agents.empty())
      f.agents = path;
    else if ((upper.find("VERBS") != std::string::npos ||
              upper.rfind("CAMEO", 0) == 0) &&
             f.verbs.empty())
      f.verbs = path;
    else if (upper.find("DISCARDS") != std::string::npos && f.discards.empty())
      f.discards = path;
    else if (upper.find("ISSUE") != std::string::npos && f.issues.empty())
      f.issues = path;
  }
  if (f.verbs.empty() && f.actors.empty() && f.agents.empty() &&
      f.discards.empty() && f.issues.empty())
    return Status::Error(ErrorCode::kNotFound,
                         "no PETR_config.ini and no dictionary files "
                         "(*actors*.txt, *agents*.txt, *verbs*.txt, ...)",
                         dir);
  return f;
}

Result<std::shared_ptr<const Dictionaries>> LoadDictionaries(
    const std::string& dir, const std::vector<std::string>& add_dirs) {
  std::vector<DictionaryFiles> sets;
  for (const std::string& a : add_dirs) {
    auto files = DictionaryFilesIn(a);
    if (!files.ok()) return files.status();
    sets.push_back(std::move(*files));
  }
  std::string config = dir + "/PETR_config.ini";
  auto text = dict::ReadFile(config);
  if (!text.ok()) return text.status();
  auto files = ParsePetrConfig(*text, config);
  if (!files.ok()) return files.status();
  ResolveIn(dir, &*files);
  sets.push_back(std::move(*files));
  return LoadDictionaryFiles(sets);
}

}  // namespace curlew
