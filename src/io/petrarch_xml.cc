#include "io/petrarch_xml.h"
#include "text/chars.h"

#include <cctype>
#include <fstream>
#include <map>

namespace curlew {
namespace {

constexpr size_t kChunk = 1u << 20;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsSpace(s[b])) ++b;
  while (e > b && IsSpace(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

std::string Collapse(std::string_view s) {
  std::string r;
  bool space = false;
  for (char c : s) {
    if (IsSpace(c)) {
      space = true;
      continue;
    }
    if (space && !r.empty()) r += ' ';
    space = false;
    r += c;
  }
  return r;
}

// Attributes of a start tag's inside ("Sentence date = \"1\" id='x'").
// Returns false on a malformed attribute list; *bad is the offset.
bool ParseAttributes(std::string_view tag,
                     std::map<std::string, std::string>* attrs, size_t* bad) {
  size_t i = 0;
  while (i < tag.size() && !IsSpace(tag[i])) ++i;  // element name
  while (true) {
    while (i < tag.size() && IsSpace(tag[i])) ++i;
    if (i >= tag.size() || tag[i] == '/') return true;
    size_t nb = i;
    while (i < tag.size() && !IsSpace(tag[i]) && tag[i] != '=') ++i;
    std::string name(tag.substr(nb, i - nb));
    while (i < tag.size() && IsSpace(tag[i])) ++i;
    if (i >= tag.size() || tag[i] != '=') {
      *bad = i;
      return false;
    }
    ++i;
    while (i < tag.size() && IsSpace(tag[i])) ++i;
    if (i >= tag.size() || (tag[i] != '"' && tag[i] != '\'')) {
      *bad = i;
      return false;
    }
    char q = tag[i++];
    size_t vb = i;
    while (i < tag.size() && tag[i] != q) ++i;
    if (i >= tag.size()) {
      *bad = vb;
      return false;
    }
    (*attrs)[name] = XmlUnescape(tag.substr(vb, i - vb));
    ++i;
  }
}

std::string NormalizeDate(std::string_view d) {
  std::string s = Trim(d);
  if (s.size() == 8)
    return s.substr(0, 4) + "-" + s.substr(4, 2) + "-" + s.substr(6, 2);
  if (s.size() == 6)  // YYMMDD
    return (s[0] < '5' ? "20" : "19") + s.substr(0, 2) + "-" + s.substr(2, 2) +
           "-" + s.substr(4, 2);
  return s;
}

// Strips a quoted value such as "\"INJURY TOLL\"" of its quotes.
std::string CodeValue(const std::string& v) {
  std::string t = Trim(v);
  if (t.size() >= 2 && t.front() == '"' && t.back() == '"')
    return t.substr(1, t.size() - 2);
  return t;
}

Status XmlError(std::string message, uint64_t pos) {
  return Status::Error(ErrorCode::kParseError, std::move(message), "",
                       static_cast<int64_t>(pos));
}

// Walks the elements of `xml` (comments skipped) and calls
// fn(name, attrs, content, offset) for each; content is the text up to the
// matching end tag (empty for self-closed elements).
template <typename Fn>
Status ForEachElement(std::string_view xml, uint64_t offset, Fn fn) {
  size_t i = 0;
  while (true) {
    size_t lt = xml.find('<', i);
    if (lt == std::string_view::npos) return Status();
    if (xml.substr(lt, 4) == "<!--") {
      size_t e = xml.find("-->", lt + 4);
      if (e == std::string_view::npos)
        return XmlError("unterminated comment", offset + lt);
      i = e + 3;
      continue;
    }
    if (lt + 1 < xml.size() && xml[lt + 1] == '/') {
      size_t gt = xml.find('>', lt);
      if (gt == std::string_view::npos)
        return XmlError("unterminated end tag", offset + lt);
      i = gt + 1;
      continue;
    }
    size_t gt = xml.find('>', lt);
    if (gt == std::string_view::npos)
      return XmlError("unterminated start tag", offset + lt);
    std::string_view tag = xml.substr(lt + 1, gt - lt - 1);
    size_t ne = 0;
    while (ne < tag.size() && !IsSpace(tag[ne]) && tag[ne] != '/') ++ne;
    std::string name(tag.substr(0, ne));
    std::map<std::string, std::string> attrs;
    size_t bad = 0;
    if (!ParseAttributes(tag, &attrs, &bad))
      return XmlError("malformed attribute in <" + name + ">",
                      offset + lt + 1 + bad);
    std::string_view content;
    i = gt + 1;
    if (tag.empty() || tag.back() != '/') {
      std::string end = "</" + name;
      size_t e = xml.find(end, i);
      if (e == std::string_view::npos)
        return XmlError("<" + name + "> without </" + name + ">", offset + lt);
      content = xml.substr(i, e - i);
      size_t egt = xml.find('>', e);
      i = egt == std::string_view::npos ? xml.size() : egt + 1;
    }
    Status s = fn(name, attrs, content, offset + lt);
    if (!s.ok()) return s;
  }
}

bool IsTrue(const std::string& v) {
  std::string l = text::AsciiLower(Trim(v));
  return l == "true" || l == "1" || l == "yes";
}

}  // namespace

std::string XmlUnescape(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  std::string r;
  r.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      static const std::pair<const char*, char> kEnt[] = {{"&amp;", '&'},
                                                          {"&lt;", '<'},
                                                          {"&gt;", '>'},
                                                          {"&quot;", '"'},
                                                          {"&apos;", '\''}};
      bool done = false;
      for (auto& [e, c] : kEnt) {
        std::string_view ev(e);
        if (s.substr(i, ev.size()) == ev) {
          r += c;
          i += ev.size() - 1;
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    r += s[i];
  }
  return r;
}

Result<PetrarchRecord> ParsePetrarchRecord(std::string_view xml,
                                           uint64_t offset) {
  PetrarchRecord rec;
  rec.offset = offset;
  size_t gt = xml.find('>');
  if (xml.substr(0, 9) != "<Sentence" || gt == std::string_view::npos)
    return XmlError("expected <Sentence ...>", offset);
  std::map<std::string, std::string> attrs;
  size_t bad = 0;
  if (!ParseAttributes(xml.substr(1, gt - 1), &attrs, &bad))
    return XmlError("malformed attribute in <Sentence>", offset + 1 + bad);
  rec.id = attrs["id"];
  rec.date = NormalizeDate(attrs["date"]);
  rec.category = attrs["category"];
  rec.source = attrs["source"];
  rec.is_sentence = attrs.count("sentence") == 0 || IsTrue(attrs["sentence"]);
  size_t end = xml.rfind("</Sentence");
  if (end == std::string_view::npos || end < gt)
    return XmlError("<Sentence> without </Sentence>", offset);
  std::string_view body = xml.substr(gt + 1, end - gt - 1);
  bool has_text = false;
  Status s = ForEachElement(
      body, offset + gt + 1,
      [&](const std::string& name, const std::map<std::string, std::string>& a,
          std::string_view content, uint64_t) {
        auto get = [&](const char* k) -> std::string {
          auto it = a.find(k);
          return it == a.end() ? std::string() : it->second;
        };
        if (name == "Text") {
          rec.text = Collapse(XmlUnescape(content));
          has_text = true;
        } else if (name == "Parse") {
          rec.parse = Trim(XmlUnescape(content));
        } else if (name == "EventCoding") {
          if (a.count("noevents") && IsTrue(get("noevents"))) {
            rec.noevents = true;
          } else if (a.count("error")) {
            rec.error = get("error");
          } else {
            rec.expected.push_back({CodeValue(get("sourcecode")),
                                    CodeValue(get("targetcode")),
                                    CodeValue(get("eventcode"))});
          }
        } else if (name == "Config") {
          rec.config.emplace_back(get("option"), get("value"));
        }
        return Status();
      });
  if (!s.ok()) return s;
  if (!has_text) return XmlError("record " + rec.id + " has no <Text>", offset);
  return rec;
}

Document RecordToDocument(const PetrarchRecord& record) {
  Document doc;
  doc.id = record.id;
  doc.date = record.date;
  doc.source = record.source;
  doc.text = record.text;
  doc.ptb_parse = record.parse;
  return doc;
}

PetrarchXmlReader::PetrarchXmlReader(std::string name,
                                     std::unique_ptr<std::istream> in,
                                     PetrarchXmlOptions options)
    : name_(std::move(name)), in_(std::move(in)), options_(options) {}

Result<std::unique_ptr<PetrarchXmlReader>> PetrarchXmlReader::Open(
    const std::string& path, PetrarchXmlOptions options) {
  auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*in)
    return Status::Error(ErrorCode::kNotFound, "cannot open file", path);
  return std::make_unique<PetrarchXmlReader>(path, std::move(in), options);
}

bool PetrarchXmlReader::Fill() {
  if (eof_ || !in_) return false;
  size_t old = buf_.size();
  buf_.resize(old + kChunk);
  in_->read(buf_.data() + old, kChunk);
  size_t got = static_cast<size_t>(in_->gcount());
  buf_.resize(old + got);
  if (got < kChunk) eof_ = true;
  return got > 0;
}

size_t PetrarchXmlReader::Find(std::string_view what, size_t from) {
  while (true) {
    size_t f = buf_.find(what, from);
    if (f != std::string::npos) return f;
    // Keep looking in the next chunk (overlapping by the pattern length).
    size_t searched =
        buf_.size() >= what.size() ? buf_.size() - what.size() + 1 : 0;
    if (buf_.size() - pos_ > options_.max_record_bytes)
      return std::string::npos;
    if (!Fill()) return std::string::npos;
    from = std::max(from, searched);
  }
}

void PetrarchXmlReader::Consume() {
  if (pos_ > kChunk) {
    buf_.erase(0, pos_);
    base_ += pos_;
    pos_ = 0;
  }
}

bool PetrarchXmlReader::Next(Result<PetrarchRecord>* out) {
  while (true) {
    Consume();
    size_t lt = Find("<", pos_);
    if (lt == std::string::npos) {
      pos_ = buf_.size();
      return false;
    }
    // Make sure a few bytes of the tag name are present.
    while (buf_.size() < lt + 16 && Fill()) {
    }
    std::string_view rest(buf_.data() + lt, buf_.size() - lt);
    if (rest.substr(0, 4) == "<!--") {
      size_t e = Find("-->", lt + 4);
      if (e == std::string::npos) {
        *out = Status::Error(ErrorCode::kParseError, "unterminated comment",
                             name_, static_cast<int64_t>(base_ + lt));
        pos_ = buf_.size();
        return true;
      }
      pos_ = e + 3;
      continue;
    }
    if (rest.substr(0, 12) == "<Environment") {
      size_t e = Find("</Environment>", lt);
      if (e == std::string::npos) {
        *out = Status::Error(ErrorCode::kParseError,
                             "<Environment> without </Environment>", name_,
                             static_cast<int64_t>(base_ + lt));
        pos_ = buf_.size();
        return true;
      }
      std::string_view body(buf_.data() + lt, e - lt);
      size_t gt = body.find('>');
      env_.present = true;
      Status s =
          ForEachElement(body.substr(gt + 1), base_ + lt + gt + 1,
                         [&](const std::string& name,
                             const std::map<std::string, std::string>& a,
                             std::string_view content, uint64_t) {
                           std::string v = Trim(content);
                           if (name == "Verbfile")
                             env_.verbfile = v;
                           else if (name == "Actorfile")
                             env_.actorfiles.push_back(v);
                           else if (name == "Agentfile")
                             env_.agentfile = v;
                           else if (name == "Discardfile")
                             env_.discardfile = v;
                           else if (name == "Issuefile")
                             env_.issuefile = v;
                           else if (name == "Include")
                             env_.include = v;
                           else if (name == "Config") {
                             auto o = a.find("option");
                             auto val = a.find("value");
                             if (o != a.end() && val != a.end())
                               env_.config.emplace_back(o->second, val->second);
                           }
                           return Status();
                         });
      pos_ = e + 14;
      if (!s.ok()) {
        *out = s.WithWhere(name_);
        return true;
      }
      continue;
    }
    if (rest.substr(0, 7) == "<Config") {
      // A <Config> between records changes the options from the next
      // record on: it is handed over with that record.
      size_t gt = Find(">", lt);
      if (gt == std::string::npos) {
        pos_ = buf_.size();
        continue;
      }
      std::map<std::string, std::string> attrs;
      size_t bad = 0;
      std::string_view tag(buf_.data() + lt + 1, gt - lt - 1);
      if (!tag.empty() && tag.back() == '/') tag.remove_suffix(1);
      pos_ = gt + 1;
      if (!ParseAttributes(tag, &attrs, &bad)) {
        *out = Status::Error(ErrorCode::kParseError,
                             "malformed attribute in <Config>", name_,
                             static_cast<int64_t>(base_ + lt + 1 + bad));
        return true;
      }
      pending_config_.emplace_back(attrs["option"], attrs["value"]);
      continue;
    }
    bool sentence = rest.size() > 9 && rest.substr(0, 9) == "<Sentence" &&
                    (IsSpace(rest[9]) || rest[9] == '>');
    if (!sentence) {
      size_t gt = Find(">", lt);
      pos_ = gt == std::string::npos ? buf_.size() : gt + 1;
      continue;
    }
    size_t e = Find("</Sentence>", lt);
    // A record must not run into the next one.
    size_t next = buf_.find("<Sentence", lt + 9);
    if (e == std::string::npos || (next != std::string::npos && next < e)) {
      *out = Status::Error(ErrorCode::kParseError,
                           "<Sentence> without </Sentence>", name_,
                           static_cast<int64_t>(base_ + lt));
      pos_ = next != std::string::npos ? next : buf_.size();
      return true;
    }
    std::string_view xml(buf_.data() + lt, e + 11 - lt);
    Result<PetrarchRecord> r = ParsePetrarchRecord(xml, base_ + lt);
    pos_ = e + 11;
    if (!r.ok()) {
      *out = r.status().WithWhere(name_);
      return true;
    }
    if (!pending_config_.empty()) {
      r->config.insert(r->config.begin(), pending_config_.begin(),
                       pending_config_.end());
      pending_config_.clear();
    }
    *out = std::move(r);
    return true;
  }
}

}  // namespace curlew
