#include "kb_cli.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "actors/dict_util.h"
#include "curlew/document.h"
#include "curlew/engine.h"
#include "curlew/places.h"
#include "curlew/text.h"
#include "curlew/time.h"
#include "input_options.h"

namespace curlew::cli {

void AddKbOptions(CLI::App& sub, KbArgs& args) {
  sub.add_option("--dicts", args.dicts,
                 "folder of PETRARCH-format dictionaries instead of the "
                 "built-in knowledge base");
  AddDictsOption(sub, args.add_dicts);
}

Result<std::shared_ptr<const Dictionaries>> LoadKb(const KbArgs& args) {
  std::string dir = args.dicts.empty() ? DataPath("kb") : args.dicts;
  return LoadDictionaries(dir, args.add_dicts);
}

std::vector<std::string> DictWords(std::string_view text) {
  Document doc;
  doc.id = "name";
  doc.text = std::string(text);
  std::vector<std::string> out;
  if (!Segment(doc).ok()) return out;
  for (const Token& t : doc.tokens)
    out.push_back(dict::Upper(t.norm.empty() ? doc.TokenText(t) : t.norm));
  return out;
}

std::vector<uint32_t> WordIds(const dict::WordTable& words,
                              const std::vector<std::string>& upper) {
  std::vector<uint32_t> ids;
  for (const std::string& w : upper) ids.push_back(words.Find(w));
  return ids;
}

std::string ShortPath(const std::string& path) {
  std::error_code ec;
  std::string cwd = std::filesystem::current_path(ec).string();
  std::string p = std::filesystem::weakly_canonical(path, ec).string();
  if (ec) p = path;
  if (!cwd.empty() && p.size() > cwd.size() && p.rfind(cwd + "/", 0) == 0)
    return p.substr(cwd.size() + 1);
  return p;
}

int32_t ParseCliDate(const std::string& date) {
  if (date.empty()) return 0;
  auto day = ParseDate(date);
  if (!day.ok() || day->precision != DatePrecision::kDay) return -1;
  return dict::DocDate(date);
}

Result<CodeNames> CodeNames::Load(const std::string& kb_dir) {
  CodeNames n;
  auto places = Gazetteer::Load(kb_dir + "/places.tsv");
  if (!places.ok()) return places.status();
  for (const Place& p : (*places)->places())
    if (p.kind == PlaceKind::kCountry) n.names_.emplace(p.country, p.name);
  const std::string table = kb_dir + "/actor_codes.tsv";
  std::ifstream in(table);
  if (!in)
    return Status::Error(ErrorCode::kNotFound, "cannot open file", table);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string field;
    while (std::getline(ss, field, '\t')) f.push_back(field);
    if (f.size() != 3) continue;
    n.names_.emplace(f[0], f[2]);
  }
  for (const auto& [code, name] : n.names_)
    n.longest_ = std::max(n.longest_, code.size());
  return n;
}

const std::string* CodeNames::Find(std::string_view part) const {
  auto it = names_.find(part);
  return it == names_.end() ? nullptr : &it->second;
}

std::vector<std::string> CodeNames::Split(std::string_view code) const {
  // Shortest split into known parts, preferring long parts first (DP).
  const size_t n = code.size();
  std::vector<int> next(n + 1, -1);  // next[i]: length of part at i
  std::vector<bool> ok(n + 1, false);
  ok[n] = true;
  for (size_t i = n; i-- > 0;) {
    for (size_t len = std::min(longest_, n - i); len >= 2; --len) {
      if (ok[i + len] && Find(code.substr(i, len))) {
        ok[i] = true;
        next[i] = static_cast<int>(len);
        break;
      }
    }
  }
  std::vector<std::string> parts;
  if (!ok[0]) return parts;
  for (size_t i = 0; i < n; i += static_cast<size_t>(next[i]))
    parts.emplace_back(code.substr(i, next[i]));
  return parts;
}

}  // namespace curlew::cli
