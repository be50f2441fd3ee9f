#include "events/cameo_table.h"

#include <cctype>
#include <cstdlib>

#include "actors/dict_util.h"

namespace curlew {

int QuadClass(std::string_view code) {
  if (code.size() < 2 || !std::isdigit(static_cast<unsigned char>(code[0])) ||
      !std::isdigit(static_cast<unsigned char>(code[1])))
    return 0;
  int root = (code[0] - '0') * 10 + (code[1] - '0');
  if (root >= 1 && root <= 5) return 1;
  if (root >= 6 && root <= 8) return 2;
  if (root >= 9 && root <= 13) return 3;
  if (root >= 14 && root <= 20) return 4;
  return 0;
}

Status CameoTable::Load(const std::string& path) {
  auto text = dict::ReadFile(path);
  if (!text.ok()) return text.status();
  return LoadText(*text, path);
}

Status CameoTable::LoadText(std::string_view text, const std::string& name) {
  Status status;
  dict::ForEachLine(text, [&](std::string_view line, int64_t n) {
    if (!status.ok() || line.empty() || line[0] == '#' ||
        line.substr(0, 5) == "code\t")
      return;
    std::string_view f[6];
    size_t b = 0;
    for (int i = 0; i < 6; ++i) {
      size_t e = line.find('\t', b);
      if (e == std::string_view::npos) e = line.size();
      if (b > line.size()) {
        status = Status::LineError(ErrorCode::kParseError,
                                   "expected 6 tab-separated fields", name, n);
        return;
      }
      f[i] = line.substr(b, e - b);
      b = e + 1;
    }
    CameoCode c;
    c.code = std::string(f[0]);
    c.name = std::string(f[1]);
    c.goldstein = std::atof(std::string(f[2]).c_str());
    c.quad = std::atoi(std::string(f[3]).c_str());
    c.plover = std::string(f[4]);
    c.plover_mode = std::string(f[5]);
    if (c.code.empty() || QuadClass(c.code) == 0) {
      status =
          Status::LineError(ErrorCode::kParseError, "bad CAMEO code", name, n);
      return;
    }
    codes_[c.code] = std::move(c);
  });
  return status;
}

const CameoCode* CameoTable::Find(std::string_view code) const {
  for (size_t len = code.size(); len >= 2; --len) {
    auto it = codes_.find(std::string(code.substr(0, len)));
    if (it != codes_.end()) return &it->second;
  }
  return nullptr;
}

void CameoTable::Fill(Event& e) const {
  if (QuadClass(e.cameo)) e.root = e.cameo.substr(0, 2);
  e.quad = QuadClass(e.cameo);
  if (const CameoCode* c = Find(e.cameo)) {
    e.goldstein = c->goldstein;
    e.plover = c->plover;
    e.plover_mode = c->plover_mode;
  }
}

}  // namespace curlew
