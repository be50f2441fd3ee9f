#include "server/params.h"

#include <charconv>

#include "store/dates.h"

namespace curlew::server {
namespace {

bool AllOf(std::string_view s, bool (*ok)(char)) {
  for (char c : s)
    if (!ok(c)) return false;
  return true;
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) {
  return IsDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
bool IsWordChar(char c) { return IsAlnum(c) || c == '_'; }
// Actor codes: PETRARCH writes "---" for an unknown country ("---GOV").
bool IsCodeChar(char c) { return IsWordChar(c) || c == '-'; }

bool ParseInt(std::string_view s, int64_t* out) {
  if (s.empty() || s.size() > 18) return false;
  if (!AllOf(s, IsDigit)) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

Status Bad(const ParamSpec& spec, std::string why) {
  return Status::Error(ErrorCode::kInvalidArgument,
                       "parameter '" + std::string(spec.name) + "' " + why);
}

Status CheckValue(const ParamSpec& spec, const std::string& v) {
  switch (spec.type) {
    case ParamType::kDate:
      if (!store::IsValidDate(v))
        return Bad(spec, "must be a date YYYY, YYYY-MM or YYYY-MM-DD");
      return Status();
    case ParamType::kActorCode:
      if (v.empty() || v.size() > 32 || !AllOf(v, IsCodeChar))
        return Bad(spec,
                   "must be an actor code: 1 to 32 letters, digits, '-' or "
                   "'_'");
      return Status();
    case ParamType::kCameoCode:
      if (v.size() < 2 || v.size() > 4 || !AllOf(v, IsDigit))
        return Bad(spec, "must be a CAMEO code: 2 to 4 digits");
      return Status();
    case ParamType::kCameoRoot:
      if (v.size() != 2 || !AllOf(v, IsDigit))
        return Bad(spec, "must be a CAMEO root: 2 digits");
      return Status();
    case ParamType::kWord:
      if (v.empty() || v.size() > 32 || !AllOf(v, IsWordChar))
        return Bad(spec, "must be 1 to 32 letters, digits or '_'");
      return Status();
    case ParamType::kText:
      if (v.empty() || static_cast<int64_t>(v.size()) > spec.max)
        return Bad(spec,
                   "must be 1 to " + std::to_string(spec.max) + " bytes long");
      if (!IsCleanUtf8(v))
        return Bad(spec, "must be UTF-8 text without control characters");
      return Status();
    case ParamType::kInteger: {
      int64_t n = 0;
      if (!ParseInt(v, &n) || n < spec.min || n > spec.max)
        return Bad(spec, "must be a whole number from " +
                             std::to_string(spec.min) + " to " +
                             std::to_string(spec.max));
      return Status();
    }
    case ParamType::kChoice: {
      std::string list;
      for (std::string_view c : spec.choices) {
        if (v == c) return Status();
        list += (list.empty() ? "" : ", ") + std::string(c);
      }
      return Bad(spec, "must be one of " + list);
    }
    case ParamType::kBoolean:
      if (v != "true" && v != "false")
        return Bad(spec, "must be true or false");
      return Status();
    case ParamType::kCursor:
      if (!DecodeCursor(v).ok())
        return Bad(spec, "is not a cursor this API returned");
      return Status();
  }
  return Bad(spec, "has an unknown type");
}

// One line per filter: its parameter and where its value goes.
struct FilterParam {
  ParamSpec spec;
  void (*apply)(EventFilter& filter, const std::string& value);
};

const std::vector<FilterParam>& FilterParams() {
  static const std::vector<FilterParam> kParams = {
      {{"from", ParamType::kDate, "first event date, inclusive"},
       [](EventFilter& f, const std::string& v) { f.from = v; }},
      {{"to", ParamType::kDate, "last event date, inclusive"},
       [](EventFilter& f, const std::string& v) { f.to = v; }},
      {{"source", ParamType::kActorCode, "source actor code or prefix (TUR)"},
       [](EventFilter& f, const std::string& v) { f.source = v; }},
      {{"target", ParamType::kActorCode, "target actor code or prefix (CHN)"},
       [](EventFilter& f, const std::string& v) { f.target = v; }},
      {{"actor", ParamType::kActorCode,
        "source or target actor code or prefix"},
       [](EventFilter& f, const std::string& v) { f.actor = v; }},
      {{"match",
        ParamType::kChoice,
        "source, target and actor as code prefixes (default) or exact codes",
        0,
        0,
        {"prefix", "exact"}},
       [](EventFilter& f, const std::string& v) {
         f.exact_actors = v == "exact";
       }},
      {{"code", ParamType::kCameoCode, "CAMEO event code, exact (057)"},
       [](EventFilter& f, const std::string& v) { f.cameo = v; }},
      {{"root", ParamType::kCameoRoot, "CAMEO root category (05)"},
       [](EventFilter& f, const std::string& v) { f.root = v; }},
      {{"quad", ParamType::kInteger, "quad class 1-4", 1, 4},
       [](EventFilter& f, const std::string& v) { f.quad = std::stoi(v); }},
      {{"plover", ParamType::kWord, "PLOVER event type (AGREE)"},
       [](EventFilter& f, const std::string& v) { f.plover = v; }},
      {{"text", ParamType::kText, "words in the sentence (case ignored)", 0,
        200},
       [](EventFilter& f, const std::string& v) { f.text = v; }},
      {{"one_a_day", ParamType::kBoolean, "Phoenix one-a-day deduplication"},
       [](EventFilter& f, const std::string& v) { f.one_a_day = v == "true"; }},
      {{"modality",
        ParamType::kChoice,
        "event modality (default: all)",
        0,
        0,
        {"asserted", "negated", "hypothetical", "future", "alleged"}},
       [](EventFilter& f, const std::string& v) { f.modality = {v}; }},
  };
  return kParams;
}

constexpr char kAlphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string Base64Url(std::string_view in) {
  std::string out;
  uint32_t acc = 0;
  int bits = 0;
  for (unsigned char c : in) {
    acc = (acc << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += kAlphabet[(acc >> bits) & 63];
    }
  }
  if (bits > 0) out += kAlphabet[(acc << (6 - bits)) & 63];
  return out;
}

bool FromBase64Url(std::string_view in, std::string* out) {
  uint32_t acc = 0;
  int bits = 0;
  for (char c : in) {
    int v = c >= 'A' && c <= 'Z'   ? c - 'A'
            : c >= 'a' && c <= 'z' ? c - 'a' + 26
            : c >= '0' && c <= '9' ? c - '0' + 52
            : c == '-'             ? 62
            : c == '_'             ? 63
                                   : -1;
    if (v < 0) return false;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      *out += static_cast<char>((acc >> bits) & 0xff);
    }
  }
  return true;
}

constexpr char kFieldSeparator = '\n';  // never in a date or an index
constexpr size_t kMaxCursorBytes = 1024;

}  // namespace

const std::string ParamValues::kEmpty;

const std::string& ParamValues::Get(std::string_view name,
                                    const std::string& fallback) const {
  auto it = values_.find(name);
  return it == values_.end() ? fallback : it->second;
}

int64_t ParamValues::GetInt(std::string_view name, int64_t fallback) const {
  auto it = values_.find(name);
  int64_t n = fallback;
  if (it != values_.end()) ParseInt(it->second, &n);
  return n;
}

void ParamValues::Set(std::string_view name, std::string value) {
  values_[std::string(name)] = std::move(value);
}

Result<ParamValues> CheckParams(const std::vector<ParamSpec>& specs,
                                const RawParams& raw) {
  ParamValues values;
  for (const auto& [name, value] : raw) {
    const ParamSpec* spec = nullptr;
    for (const ParamSpec& s : specs)
      if (s.name == name) spec = &s;
    if (spec == nullptr) {
      std::string known;
      for (const ParamSpec& s : specs)
        known += (known.empty() ? "" : ", ") + std::string(s.name);
      std::string shown = IsCleanUtf8(name) && name.size() <= 64
                              ? "'" + name + "'"
                              : "(unprintable or too long)";
      return Status::Error(ErrorCode::kInvalidArgument,
                           "unknown parameter " + shown +
                               "; this endpoint takes " +
                               (known.empty() ? std::string("none") : known));
    }
    if (values.Has(name)) {
      return Status::Error(ErrorCode::kInvalidArgument,
                           "parameter '" + name + "' is given twice");
    }
    Status s = CheckValue(*spec, value);
    if (!s.ok()) return s;
    values.Set(name, value);
  }
  return values;
}

const std::vector<ParamSpec>& FilterParamSpecs() {
  static const std::vector<ParamSpec> kSpecs = [] {
    std::vector<ParamSpec> specs;
    for (const FilterParam& p : FilterParams()) specs.push_back(p.spec);
    return specs;
  }();
  return kSpecs;
}

void ApplyFilterParams(const ParamValues& values, EventFilter* filter) {
  for (const FilterParam& p : FilterParams())
    if (values.Has(p.spec.name)) p.apply(*filter, values.Get(p.spec.name));
}

std::string EncodeCursor(const EventFilter::Position& p) {
  return Base64Url(p.date + kFieldSeparator + std::to_string(p.index) +
                   kFieldSeparator + p.doc_id);
}

Result<EventFilter::Position> DecodeCursor(std::string_view cursor) {
  auto bad = [] {
    return Status::Error(ErrorCode::kInvalidArgument, "bad cursor");
  };
  std::string raw;
  if (cursor.empty() || cursor.size() > kMaxCursorBytes ||
      !FromBase64Url(cursor, &raw))
    return bad();
  size_t a = raw.find(kFieldSeparator);
  size_t b = a == std::string::npos ? a : raw.find(kFieldSeparator, a + 1);
  if (b == std::string::npos) return bad();
  EventFilter::Position p;
  p.date = raw.substr(0, a);
  p.doc_id = raw.substr(b + 1);
  if ((!p.date.empty() && !store::IsValidDate(p.date)) || p.doc_id.empty() ||
      !IsCleanUtf8(p.doc_id) ||
      !ParseInt(std::string_view(raw).substr(a + 1, b - a - 1), &p.index))
    return bad();
  return p;
}

bool IsCleanUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c < 0x20 || c == 0x7f) return false;
      ++i;
      continue;
    }
    int n = (c & 0xe0) == 0xc0   ? 1
            : (c & 0xf0) == 0xe0 ? 2
            : (c & 0xf8) == 0xf0 ? 3
                                 : -1;
    if (n < 0 || i + static_cast<size_t>(n) >= s.size()) return false;
    uint32_t cp = c & (0x3f >> n);
    for (int k = 1; k <= n; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    static constexpr uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ||
        (cp >= 0x80 && cp < 0xa0))
      return false;
    i += n + 1;
  }
  return true;
}

}  // namespace curlew::server
