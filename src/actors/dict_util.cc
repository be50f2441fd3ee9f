#include "actors/dict_util.h"

#include <cctype>
#include <cstring>

#include "curlew/env.h"
#include "curlew/limits.h"

namespace curlew::dict {

uint64_t WordTable::Hash(std::string_view s) {
  // FNV-1a, then a final mix: words are short, and the table keeps each
  // word's hash, so it is computed once per look-up.
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ull;
  return h ^ (h >> 29);
}

size_t WordTable::Probe(std::string_view w, uint64_t h) const {
  const size_t mask = slots_.size() - 1;
  const uint32_t h32 = static_cast<uint32_t>(h);
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const uint32_t s = slots_[i];
    if (s == 0) return i;
    const uint32_t id = s - 1;
    if (hash_[id] == h32 && Text(id) == w) return i;
  }
}

void WordTable::Rehash(size_t capacity) {
  slots_.assign(capacity, 0);
  const size_t mask = capacity - 1;
  for (uint32_t id = 0; id < hash_.size(); ++id) {
    size_t i = hash_[id] & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = id + 1;
  }
}

void WordTable::Reserve(size_t n, size_t chars) {
  chars_.reserve(chars);
  begin_.reserve(n + 1);
  hash_.reserve(n);
  size_t want = 16;
  while (want < n * 2) want *= 2;
  if (want > slots_.size()) Rehash(want);
}

uint32_t WordTable::Intern(std::string_view w) {
  if ((size() + 1) * 2 > slots_.size())
    Rehash(slots_.empty() ? 1024 : slots_.size() * 2);
  const uint64_t h = Hash(w);
  const size_t i = Probe(w, h);
  if (slots_[i] != 0) return slots_[i] - 1;
  const uint32_t id = static_cast<uint32_t>(size());
  chars_.append(w);
  begin_.push_back(static_cast<uint32_t>(chars_.size()));
  hash_.push_back(static_cast<uint32_t>(h));
  slots_[i] = id + 1;
  return id;
}

uint32_t WordTable::Find(std::string_view w) const {
  if (slots_.empty()) return kNoWord;
  const size_t i = Probe(w, Hash(w));
  return slots_[i] == 0 ? kNoWord : slots_[i] - 1;
}

Result<std::string> ReadFile(const std::string& path) {
  // Through the Env: a directory or a device is an error, not a bad_alloc
  // from a size that tellg made up.
  return Env::Default()->ReadFileToString(path, Limits().max_dictionary_bytes);
}

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

std::string_view StripComment(std::string_view line) {
  std::string_view t = Trim(line);
  if (t.substr(0, 4) == "<!--") return {};
  // '#' starts a comment, except inside a [code] ("[###]").
  int depth = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '[')
      ++depth;
    else if (line[i] == ']' && depth > 0)
      --depth;
    else if (line[i] == '#' && depth == 0) {
      line = line.substr(0, i);
      break;
    }
  }
  return Trim(line);
}

namespace {

// Base letters of the Latin-1 Supplement and Latin Extended-A letters
// U+00C0..U+017F, upper case ('\0': not a letter; 'S' for U+00DF is
// expanded to "SS" below).
constexpr char kLatinBase[] =
    // U+00C0..U+00FF
    "AAAAAAACEEEEIIII"
    "DNOOOOO\0OUUUUYTS"
    "AAAAAAACEEEEIIII"
    "DNOOOOO\0OUUUUYTY"
    // U+0100..U+017F
    "AAAAAACCCCCCCCDD"
    "DDEEEEEEEEEEGGGG"
    "GGGGHHHHIIIIIIII"
    "IIJJJJKKKLLLLLLL"
    "LLLNNNNNNNNNOOOO"
    "OOOORRRRRRSSSSSS"
    "SSTTTTTTUUUUUUUU"
    "UUUUWWYYYZZZZZZS";

// The ASCII capital(s) for code point cp, or nullptr to keep it: Latin
// letters with diacritics fold to their base letter, so "Erdoğan",
// "ERDOĞAN" and "Erdogan" are one dictionary word.
const char* FoldedCapital(uint32_t cp, char* buf) {
  if (cp == 0xDF) return "SS";
  if (cp == 0xC6 || cp == 0xE6) return "AE";
  if (cp == 0x152 || cp == 0x153) return "OE";
  if (cp >= 0xC0 && cp <= 0x17F) {
    char c = kLatinBase[cp - 0xC0];
    if (c == '\0') return nullptr;
    buf[0] = c;
    buf[1] = '\0';
    return buf;
  }
  switch (cp) {
    case 0x1A0:
    case 0x1A1:
      return "O";  // Vietnamese horned o
    case 0x1AF:
    case 0x1B0:
      return "U";  // horned u
    case 0x18F:
    case 0x259:
      return "E";  // Azerbaijani schwa
    case 0x218:
    case 0x219:
      return "S";  // Romanian comma-below s
    case 0x21A:
    case 0x21B:
      return "T";  // and t
    default:
      break;
  }
  if (cp >= 0x1EA0 && cp <= 0x1EF9) {  // Vietnamese: Latin Extended Additional
    if (cp <= 0x1EB7) return "A";
    if (cp <= 0x1EC7) return "E";
    if (cp <= 0x1ECB) return "I";
    if (cp <= 0x1EE3) return "O";
    if (cp <= 0x1EF1) return "U";
    return "Y";
  }
  return nullptr;
}

}  // namespace

std::string Upper(std::string_view s) {
  std::string r;
  UpperInto(s, &r);
  return r;
}

void UpperInto(std::string_view s, std::string* out) {
  // ASCII letters by arithmetic: the program runs in the "C" locale, where
  // toupper changes a-z only, and a call per byte showed in the profile of
  // loading the dictionaries.
  std::string& r = *out;
  r.assign(s);
  bool ascii = true;
  for (char& c : r) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80) ascii = false;
    if (u >= 'a' && u <= 'z') c = static_cast<char>(u - ('a' - 'A'));
  }
  if (ascii) return;
  // Fold Latin letters with diacritics; other bytes are kept as they are.
  std::string folded;
  folded.reserve(r.size());
  char buf[2];
  for (size_t i = 0; i < r.size();) {
    unsigned char c = static_cast<unsigned char>(r[i]);
    uint32_t cp = 0;
    size_t len = 0;
    if (c >= 0xC2 && c <= 0xDF && i + 1 < r.size()) {
      cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(r[i + 1]) & 0x3Fu);
      len = 2;
    } else if (c == 0xE1 && i + 2 < r.size()) {
      cp = ((c & 0x0Fu) << 12) |
           ((static_cast<unsigned char>(r[i + 1]) & 0x3Fu) << 6) |
           (static_cast<unsigned char>(r[i + 2]) & 0x3Fu);
      len = 3;
    }
    const char* f = len ? FoldedCapital(cp, buf) : nullptr;
    if (f) {
      folded += f;
      i += len;
    } else {
      folded += r[i++];
    }
  }
  r.swap(folded);
}

std::vector<std::string_view> SplitWords(std::string_view p) {
  std::vector<std::string_view> out;
  ForEachWord(p, [&](std::string_view w) { out.push_back(w); });
  return out;
}

std::string Plural(std::string_view w) {
  std::string s(w);
  if (s.empty()) return s;
  auto ends = [&](std::string_view e) {
    return s.size() >= e.size() &&
           s.compare(s.size() - e.size(), e.size(), e) == 0;
  };
  if (ends("S") || ends("X") || ends("Z") || ends("CH") || ends("SH"))
    return s + "ES";
  if (ends("Y") && s.size() > 1 && !std::strchr("AEIOU", s[s.size() - 2]))
    return s.substr(0, s.size() - 1) + "IES";
  return s + "S";
}

int32_t ParseDictDate(std::string_view s) {
  s = Trim(s);
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return -1;
  // More typos: "1920030320" (a stray "19") and "201005011" (one digit
  // too many).
  if (s.size() == 10 && s.substr(0, 2) == "19") s = s.substr(2);
  if (s.size() == 9) s = s.substr(0, 8);
  if (s.size() == 8) return std::stoi(std::string(s));
  if (s.size() == 7) {
    // Typos in real files: "2004017" (YYYYMDD) or "9008223" (one digit too
    // many after YYMMDD).
    if (s.substr(0, 2) == "19" || s.substr(0, 2) == "20")
      return std::stoi(std::string(s.substr(0, 4))) * 10000 +
             (s[4] - '0') * 100 + std::stoi(std::string(s.substr(5)));
    s = s.substr(0, 6);
  }
  if (s.size() == 6) {
    int v = std::stoi(std::string(s));
    int yy = v / 10000;
    return (yy < 30 ? 20000000 : 19000000) + v;
  }
  return -1;
}

int32_t DocDate(std::string_view s) {
  std::string digits;
  for (char c : s)
    if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
  if (digits.size() != 8) return 0;
  return std::stoi(digits);
}

}  // namespace curlew::dict
