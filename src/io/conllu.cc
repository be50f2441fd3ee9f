#include "io/conllu.h"

#include <charconv>
#include <cstdint>
#include <string_view>

namespace curlew {
namespace {

// Splits `line` on tabs into exactly `n` fields; false otherwise.
bool SplitTabs(std::string_view line, std::string_view* fields, int n) {
  int k = 0;
  size_t start = 0;
  while (k < n) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      fields[k++] = line.substr(start);
      return k == n;
    }
    fields[k++] = line.substr(start, tab - start);
    start = tab + 1;
  }
  return false;  // more fields than n
}

bool ParseInt(std::string_view s, int& v) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

bool ConlluWord::SpaceAfter() const {
  std::string_view m = misc;
  size_t pos = 0;
  while (pos <= m.size()) {
    size_t bar = m.find('|', pos);
    std::string_view item =
        m.substr(pos, bar == std::string_view::npos ? m.npos : bar - pos);
    if (item == "SpaceAfter=No") return false;
    if (bar == std::string_view::npos) break;
    pos = bar + 1;
  }
  return true;
}

std::string ConlluSentence::Comment(std::string_view key) const {
  for (const std::string& c : comments) {
    std::string_view v = c;
    if (v.size() < 2 || v[0] != '#') continue;
    v.remove_prefix(1);
    while (!v.empty() && v[0] == ' ') v.remove_prefix(1);
    if (v.substr(0, key.size()) != key) continue;
    v.remove_prefix(key.size());
    while (!v.empty() && v[0] == ' ') v.remove_prefix(1);
    if (v.empty() || v[0] != '=') continue;
    v.remove_prefix(1);
    if (!v.empty() && v[0] == ' ') v.remove_prefix(1);
    return std::string(v);
  }
  return {};
}

ConlluReader::ConlluReader(std::istream& in, std::string name,
                           ConlluOptions options)
    : in_(in), name_(std::move(name)), options_(options) {}

Result<std::unique_ptr<ConlluReader>> ConlluReader::Open(
    const std::string& path, ConlluOptions options) {
  auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*file) {
    return Status::Error(ErrorCode::kNotFound, "cannot open CoNLL-U file",
                         path);
  }
  auto reader = std::make_unique<ConlluReader>(*file, path, options);
  reader->file_ = std::move(file);
  return reader;
}

Status ConlluReader::SkipSentence(Status error) {
  std::string line;
  while (std::getline(in_, line)) {
    ++line_no_;
    byte_ += static_cast<int64_t>(line.size()) + 1;
    if (line.empty() || line == "\r") break;
  }
  return error;
}

Result<bool> ConlluReader::Next(ConlluSentence& out) {
  out = ConlluSentence{};
  std::string line;
  bool any = false;
  while (std::getline(in_, line)) {
    ++line_no_;
    const int64_t line_byte = byte_;
    byte_ += static_cast<int64_t>(line.size()) + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (any) break;
      continue;  // extra blank lines between sentences
    }
    if (!any) {
      out.first_line = line_no_;
      out.first_byte = line_byte;
    }
    any = true;
    if (line[0] == '#') {
      if (!out.words.empty() || !out.extras.empty()) {
        return SkipSentence(Status::LineError(ErrorCode::kParseError,
                                              "comment after the first word",
                                              name_, line_no_));
      }
      out.comments.push_back(line);
      continue;
    }
    std::string_view f[10];
    if (!SplitTabs(line, f, 10)) {
      return SkipSentence(Status::LineError(ErrorCode::kParseError,
                                            "expected 10 tab-separated columns",
                                            name_, line_no_));
    }
    std::string_view id = f[0];
    size_t dash = id.find('-');
    if (dash != id.npos || id.find('.') != id.npos) {
      ConlluExtraLine extra;
      extra.before_word = out.words.size();
      extra.line = line;
      if (dash != id.npos) {
        extra.multiword = true;
        if (!ParseInt(id.substr(0, dash), extra.first) ||
            !ParseInt(id.substr(dash + 1), extra.last) ||
            extra.last < extra.first ||
            extra.first != static_cast<int>(out.words.size()) + 1) {
          return SkipSentence(Status::LineError(ErrorCode::kParseError,
                                                "bad multiword token range",
                                                name_, line_no_));
        }
      }
      out.extras.push_back(std::move(extra));
      continue;
    }
    int n = 0;
    if (!ParseInt(id, n) || n != static_cast<int>(out.words.size()) + 1) {
      return SkipSentence(Status::LineError(
          ErrorCode::kParseError, "word id out of sequence", name_, line_no_));
    }
    if (out.words.size() >= options_.max_words) {
      return SkipSentence(Status::LineError(ErrorCode::kLimitExceeded,
                                            "sentence longer than max_words",
                                            name_, line_no_));
    }
    ConlluWord w;
    w.id = id;
    w.form = f[1];
    w.lemma = f[2];
    w.upos = f[3];
    w.xpos = f[4];
    w.feats = f[5];
    if (f[6] != "_" && (!ParseInt(f[6], w.head) || w.head < 0)) {
      return SkipSentence(Status::LineError(
          ErrorCode::kParseError, "bad HEAD column", name_, line_no_));
    }
    w.deprel = f[7];
    w.deps = f[8];
    w.misc = f[9];
    out.words.push_back(std::move(w));
  }
  if (in_.bad()) {
    return Status::LineError(ErrorCode::kIoError, "read failed", name_,
                             line_no_);
  }
  if (!any) return false;
  if (out.words.empty()) {
    return Status::LineError(ErrorCode::kParseError, "sentence without words",
                             name_, out.first_line);
  }
  if (Status tree = CheckTree(out); !tree.ok()) {
    std::string which = "sentence at line " + std::to_string(out.first_line);
    if (std::string id = out.Comment("sent_id"); !id.empty()) {
      which =
          "sentence " + id + " (line " + std::to_string(out.first_line) + ")";
    }
    if (std::string doc = out.Comment("newdoc id"); !doc.empty()) {
      which = "document " + doc + ", " + which;
    }
    return Status::Error(ErrorCode::kParseError, which + ": " + tree.message(),
                         name_, out.first_byte);
  }
  return true;
}

Status CheckTree(const ConlluSentence& sentence) {
  const int n = static_cast<int>(sentence.words.size());
  int given = 0;
  int root = 0;  // the first word whose head is 0
  for (int i = 0; i < n; ++i) {
    const int head = sentence.words[i].head;
    if (head < 0) continue;
    ++given;
    const std::string word = "word " + std::to_string(i + 1);
    if (head > n) {
      return Status::Error(ErrorCode::kParseError,
                           word + ": HEAD " + std::to_string(head) +
                               " points outside the sentence of " +
                               std::to_string(n) + " words");
    }
    if (head == i + 1) {
      return Status::Error(ErrorCode::kParseError, word + " is its own HEAD");
    }
    if (head == 0) {
      if (root != 0) {
        return Status::Error(ErrorCode::kParseError,
                             "two roots (words " + std::to_string(root) +
                                 " and " + std::to_string(i + 1) + ")");
      }
      root = i + 1;
    }
  }
  if (given == 0) return Status();  // no tree given
  if (given != n) {
    return Status::Error(ErrorCode::kParseError,
                         "HEAD given for " + std::to_string(given) + " of " +
                             std::to_string(n) + " words");
  }
  if (root == 0) return Status::Error(ErrorCode::kParseError, "no root");
  // Every word must reach the root; a walk longer than n steps is a cycle.
  // state: 0 unvisited, 1 on the current walk, 2 known to reach the root.
  std::vector<uint8_t> state(static_cast<size_t>(n) + 1, 0);
  state[0] = 2;
  for (int start = 1; start <= n; ++start) {
    int w = start;
    while (state[w] == 0) {
      state[w] = 1;
      w = sentence.words[w - 1].head;
    }
    if (state[w] == 1) {
      return Status::Error(ErrorCode::kParseError,
                           "HEAD cycle through word " + std::to_string(w));
    }
    for (int v = start; state[v] == 1; v = sentence.words[v - 1].head) {
      state[v] = 2;
    }
  }
  return Status();
}

void AppendToDocument(const ConlluSentence& sentence, Document& doc) {
  doc.pretokenized = true;
  const size_t n = sentence.words.size();
  // Words inside a multiword token are written together; the token's
  // SpaceAfter=No sits on the range line.
  std::vector<bool> space(n);
  for (size_t i = 0; i < n; ++i) space[i] = sentence.words[i].SpaceAfter();
  for (const ConlluExtraLine& e : sentence.extras) {
    if (!e.multiword || e.last > static_cast<int>(n)) continue;
    std::string_view f[10];
    if (!SplitTabs(e.line, f, 10)) continue;
    ConlluWord range;
    range.misc = f[9];
    for (int k = e.first; k < e.last; ++k) space[k - 1] = false;
    space[e.last - 1] = range.SpaceAfter();
  }
  if (!doc.text.empty() && doc.text.back() != '\n') doc.text += '\n';
  Sentence s;
  s.span.begin = static_cast<uint32_t>(doc.text.size());
  s.token_begin = static_cast<uint32_t>(doc.tokens.size());
  auto col = [](const std::string& v) { return v == "_" ? std::string() : v; };
  for (size_t i = 0; i < n; ++i) {
    const ConlluWord& w = sentence.words[i];
    Token t;
    t.span.begin = static_cast<uint32_t>(doc.text.size());
    doc.text += w.form;
    t.span.end = static_cast<uint32_t>(doc.text.size());
    t.norm = w.form;
    t.space_after = space[i];
    t.upos = col(w.upos);
    t.xpos = col(w.xpos);
    t.lemma = w.lemma;  // "_" can be a real lemma (of the form "_")
    t.head = w.head;
    t.deprel = col(w.deprel);
    doc.tokens.push_back(std::move(t));
    if (i + 1 < n && space[i]) doc.text += ' ';
  }
  s.span.end = static_cast<uint32_t>(doc.text.size());
  s.token_end = static_cast<uint32_t>(doc.tokens.size());
  doc.sentences.push_back(s);
}

Result<Document> ReadConlluFile(const std::string& path,
                                std::vector<ConlluSentence>* sentences,
                                ConlluOptions options) {
  auto reader = ConlluReader::Open(path, options);
  if (!reader.ok()) return reader.status();
  Document doc;
  doc.id = path;
  ConlluSentence s;
  while (true) {
    Result<bool> more = (*reader)->Next(s);
    if (!more.ok()) return more.status();
    if (!*more) break;
    AppendToDocument(s, doc);
    if (sentences) sentences->push_back(std::move(s));
  }
  return doc;
}

void WriteConllu(const ConlluSentence& sentence, std::ostream& out) {
  for (const std::string& c : sentence.comments) out << c << '\n';
  size_t e = 0;
  for (size_t i = 0; i <= sentence.words.size(); ++i) {
    while (e < sentence.extras.size() && sentence.extras[e].before_word == i) {
      out << sentence.extras[e++].line << '\n';
    }
    if (i == sentence.words.size()) break;
    const ConlluWord& w = sentence.words[i];
    out << w.id << '\t' << w.form << '\t' << w.lemma << '\t' << w.upos << '\t'
        << w.xpos << '\t' << w.feats << '\t';
    if (w.head < 0) {
      out << '_';
    } else {
      out << w.head;
    }
    out << '\t' << w.deprel << '\t' << w.deps << '\t' << w.misc << '\n';
  }
  out << '\n';
}

void WriteConllu(const Document& doc, const Sentence& sentence,
                 std::ostream& out) {
  out << "# text = " << doc.SpanText(sentence.span) << '\n';
  auto col = [](const std::string& v) -> const std::string& {
    static const std::string kNone = "_";
    return v.empty() ? kNone : v;
  };
  for (uint32_t i = sentence.token_begin; i < sentence.token_end; ++i) {
    const Token& t = doc.tokens[i];
    out << (i - sentence.token_begin + 1) << '\t' << doc.TokenText(t) << '\t'
        << col(t.lemma) << '\t' << col(t.upos) << '\t' << col(t.xpos)
        << "\t_\t";
    if (t.head < 0) {
      out << '_';
    } else {
      out << t.head;
    }
    out << '\t' << col(t.deprel) << "\t_\t"
        << (t.space_after ? "_" : "SpaceAfter=No") << '\n';
  }
  out << '\n';
}

}  // namespace curlew
