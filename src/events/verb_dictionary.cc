#include "events/verb_dictionary.h"

#include <cstring>

namespace curlew {

using dict::StripComment;
using dict::Trim;
using dict::Upper;

namespace {

bool IsConsonantY(std::string_view w) {
  return w.size() > 1 && w.back() == 'Y' &&
         !std::strchr("AEIOU", w[w.size() - 2]);
}

}  // namespace

std::vector<std::string> RegularVerbForms(std::string_view v) {
  std::string w(v);
  std::vector<std::string> f{w, dict::Plural(w)};
  if (w.empty()) return f;
  if (w.back() == 'E') {
    f.push_back(w + "D");
    if (w.size() > 2 && w[w.size() - 2] == 'I')
      f.push_back(w.substr(0, w.size() - 2) + "YING");
    else if (w.size() > 1 && w[w.size() - 2] == 'E')
      f.push_back(w + "ING");
    else
      f.push_back(w.substr(0, w.size() - 1) + "ING");
  } else if (IsConsonantY(w)) {
    f.push_back(w.substr(0, w.size() - 1) + "IED");
    f.push_back(w + "ING");
  } else {
    f.push_back(w + "ED");
    f.push_back(w + "ING");
  }
  return f;
}

void SplitCode(std::string_view spec, std::string* code, std::string* code2) {
  spec = Trim(spec);
  size_t colon = spec.find(':');
  if (colon == std::string_view::npos) {
    *code = std::string(spec);
    code2->clear();
  } else {
    *code = std::string(Trim(spec.substr(0, colon)));
    *code2 = std::string(Trim(spec.substr(colon + 1)));
  }
  if (code->empty()) *code = "---";
}

Status VerbDictionary::Load(const std::string& path, dict::WordTable& words) {
  auto text = dict::ReadFile(path);
  if (!text.ok()) return text.status();
  return LoadText(*text, path, words);
}

void VerbDictionary::AddForm(std::string_view form, uint32_t block,
                             const std::string& code, const std::string& code2,
                             bool explicit_form, dict::WordTable& words) {
  // "WIRE_+TAPPED": the word after '+' is the verb word; without '+', the
  // first word.
  std::vector<std::string_view> parts = dict::SplitWords(form);
  if (parts.empty()) return;
  size_t verb = 0;
  for (size_t i = 0; i < parts.size(); ++i)
    if (parts[i][0] == '+') verb = i;
  VerbForm f;
  f.block = block;
  f.code = code;
  f.code2 = code2;
  f.explicit_form = explicit_form;
  for (size_t i = 0; i < parts.size(); ++i) {
    std::string_view p = parts[i];
    if (!p.empty() && p[0] == '+') p.remove_prefix(1);
    if (p.empty()) continue;
    uint32_t id = words.Intern(Upper(p));
    if (i < verb) f.before.push_back(id);
    if (i > verb) f.after.push_back(id);
  }
  std::string_view vw = parts[verb];
  if (!vw.empty() && vw[0] == '+') vw.remove_prefix(1);
  if (vw.empty()) return;
  uint32_t vid = words.Intern(Upper(vw));
  auto& list = forms_[vid];
  // An explicit form wins over a generated one with the same words.
  // An explicit form wins over a generated one with the same words; a verb
  // listed in two blocks keeps both (their patterns are all tried).
  for (VerbForm& old : list) {
    if (old.before == f.before && old.after == f.after) {
      if (explicit_form && !old.explicit_form) {
        old = f;
        return;
      }
      if (!explicit_form && old.explicit_form) return;
      if (old.block == f.block) return;
    }
  }
  list.push_back(std::move(f));
}

void VerbDictionary::AddVerb(std::string_view spec, uint32_t block,
                             const std::string& code, const std::string& code2,
                             dict::WordTable& words) {
  // spec: "BAN {BANS BANNED}" or "+CORDON_OFF {+CORDONED_OFF ...}".
  std::string_view head = spec;
  std::string_view irregular;
  size_t cb = spec.find('{');
  if (cb != std::string_view::npos) {
    size_t ce = spec.find('}', cb);
    irregular = spec.substr(
        cb + 1, (ce == std::string_view::npos ? spec.size() : ce) - cb - 1);
    head = Trim(spec.substr(0, cb));
  }
  std::string h(Trim(head));
  if (h.empty()) return;
  bool multi =
      h.find('_') != std::string::npos || h.find(' ') != std::string::npos;
  AddForm(h, block, code, code2, true, words);
  if (!irregular.empty()) {
    // Forms separated by blanks (multi-word forms use '_').
    size_t b = 0;
    std::string_view ir = Trim(irregular);
    while (b < ir.size()) {
      size_t e = ir.find_first_of(" \t", b);
      if (e == std::string_view::npos) e = ir.size();
      if (e > b) AddForm(ir.substr(b, e - b), block, code, code2, true, words);
      b = e + 1;
    }
    return;
  }
  // Regular forms of the verb word.
  std::vector<std::string_view> parts = dict::SplitWords(h);
  // A head of separators only ("+", "_"; found by fuzz/dictionary_fuzzer)
  // has no verb word.
  if (parts.empty()) return;
  size_t verb = 0;
  for (size_t i = 0; i < parts.size(); ++i)
    if (parts[i][0] == '+') verb = i;
  std::string_view vw = parts[verb];
  if (vw[0] == '+') vw.remove_prefix(1);
  if (vw.empty()) return;
  for (const std::string& form : RegularVerbForms(Upper(vw))) {
    std::string full;
    for (size_t i = 0; i < parts.size(); ++i) {
      if (!full.empty()) full += '_';
      full += i == verb ? "+" + form : std::string(parts[i]);
    }
    AddForm(multi ? std::string_view(full) : std::string_view(form), block,
            code, code2, false, words);
  }
}

Status VerbDictionary::ParsePattern(std::string_view body, int64_t line,
                                    const std::string& name,
                                    dict::WordTable& words, VerbPattern* out,
                                    bool* skip) {
  *skip = false;
  size_t lb = body.rfind('[');
  size_t rb = lb == std::string_view::npos ? lb : body.find(']', lb);
  if (lb == std::string_view::npos || rb == std::string_view::npos)
    return Status::LineError(ErrorCode::kParseError, "pattern without [code]",
                             name, line);
  SplitCode(body.substr(lb + 1, rb - lb - 1), &out->code, &out->code2);
  out->line = line;
  // "*SCEPTICAL" is read as "* SCEPTICAL".
  std::string spaced;
  std::string_view raw_pat = Trim(body.substr(0, lb));
  for (size_t i = 0; i < raw_pat.size(); ++i) {
    char ch = raw_pat[i];
    if (ch == '*' && i > 0 && raw_pat[i - 1] != '_' && raw_pat[i - 1] != ' ')
      spaced += ' ';
    spaced += ch;
    if (ch == '*' && i + 1 < raw_pat.size() && raw_pat[i + 1] != '_' &&
        raw_pat[i + 1] != ' ')
      spaced += ' ';
  }
  std::string_view pat = spaced;
  // Chunks split on blanks; parts of a chunk joined by '_' are adjacent.
  bool seen_star = false;
  std::vector<PatternElem>* side = &out->pre;
  size_t b = 0;
  while (b < pat.size()) {
    size_t e = pat.find_first_of(" \t", b);
    if (e == std::string_view::npos) e = pat.size();
    std::string_view chunk = pat.substr(b, e - b);
    b = e + 1;
    if (chunk.empty()) continue;
    // Brackets only group; they do not change the linear order.
    std::string c;
    for (char ch : chunk)
      if (ch != '{' && ch != '}' && ch != '(' && ch != ')') c += ch;
    if (c.empty()) continue;
    size_t pb = 0;
    while (pb <= c.size()) {
      size_t pe = c.find('_', pb);
      bool linked = pe != std::string::npos && pe + 1 < c.size();
      if (pe == std::string::npos) pe = c.size();
      std::string part = Upper(std::string_view(c).substr(pb, pe - pb));
      pb = pe + 1;
      if (part.empty()) continue;
      if (part == "*") {
        if (seen_star)
          return Status::LineError(ErrorCode::kParseError,
                                   "pattern with two '*'", name, line);
        seen_star = true;
        if (!out->pre.empty() && !linked) {
          // "IN_*": the '_' was recorded on the previous element.
        }
        out->verb_linked_post = linked;
        side = &out->post;
        continue;
      }
      PatternElem el;
      el.linked = linked;
      if (part == "$")
        el.kind = PatternElem::kSource;
      else if (part == "+")
        el.kind = PatternElem::kTarget;
      else if (part == "%")
        el.kind = PatternElem::kCompound;
      else if (part == "^")
        el.kind = PatternElem::kSkip;
      else if (part[0] == '&') {
        auto it = synset_ids_.find(part);
        if (it == synset_ids_.end()) {
          *skip = true;  // undefined synset: the pattern is ignored
          return Status();
        }
        el.kind = PatternElem::kSynset;
        el.id = it->second;
        ++out->literal_count;
      } else {
        el.kind = PatternElem::kWord;
        el.id = words.Intern(part);
        out->required.push_back(el.id);
        ++out->literal_count;
      }
      side->push_back(el);
    }
  }
  if (!seen_star)
    return Status::LineError(ErrorCode::kParseError, "pattern without '*'",
                             name, line);
  return Status();
}

Status VerbDictionary::LoadText(std::string_view text, const std::string& name,
                                dict::WordTable& words) {
  Status status;
  int64_t synset = -1;  // synset being defined
  int64_t block = -1;
  dict::ForEachLine(text, [&](std::string_view raw, int64_t n) {
    if (!status.ok()) return;
    std::string_view line = StripComment(raw);
    if (line.empty()) {
      if (Trim(raw).empty()) synset = -1;  // a comment line does not end it
      return;
    }
    if (line[0] == '&') {
      std::string label =
          Upper(Trim(line.substr(0, line.find_first_of(" \t"))));
      bool no_plural = label.back() == '_';
      if (no_plural) label.pop_back();
      auto [it, fresh] = synset_ids_.emplace(label, synsets_.size());
      if (fresh) synsets_.emplace_back();
      synset = it->second;
      // Remember the plural rule in the sign of the id: simplest is a set.
      if (no_plural)
        no_plural_synsets_.push_back(static_cast<uint32_t>(synset));
      return;
    }
    if (line[0] == '+' && synset >= 0) {
      std::string_view member = Trim(line.substr(1));
      if (!member.empty() && member[0] == '&') {
        std::string ref = Upper(member);
        if (ref.back() == '_') ref.pop_back();
        auto it = synset_ids_.find(ref);
        if (it == synset_ids_.end()) {
          status = Status::LineError(ErrorCode::kParseError,
                                     "undefined synset " + ref, name, n);
          return;
        }
        auto copy = synsets_[it->second];
        for (auto& p : copy) synsets_[synset].push_back(std::move(p));
        return;
      }
      bool no_plural = member.back() == '_';
      for (uint32_t s : no_plural_synsets_)
        if (s == synset) no_plural = true;
      std::vector<uint32_t> ids;
      for (std::string_view w : dict::SplitWords(member))
        ids.push_back(words.Intern(Upper(w)));
      if (ids.empty()) return;
      if (!no_plural) {
        std::vector<uint32_t> pl = ids;
        pl.back() = words.Intern(dict::Plural(words.Text(ids.back())));
        synsets_[synset].push_back(std::move(pl));
      }
      synsets_[synset].push_back(std::move(ids));
      return;
    }
    synset = -1;
    if (line.substr(0, 3) == "---") {
      std::string_view inner = Trim(line.substr(3));
      if (inner.size() >= 3 && inner.substr(inner.size() - 3) == "---")
        inner = Trim(inner.substr(0, inner.size() - 3));
      VerbBlock vb;
      size_t lb = inner.find('[');
      size_t rb = lb == std::string_view::npos ? lb : inner.find(']', lb);
      if (lb != std::string_view::npos && rb == std::string_view::npos) {
        status =
            Status::LineError(ErrorCode::kParseError,
                              "'[' without ']' in verb block header", name, n);
        return;
      }
      if (lb != std::string_view::npos) {
        SplitCode(inner.substr(lb + 1, rb - lb - 1), &vb.code, &vb.code2);
        vb.name = std::string(Trim(inner.substr(0, lb)));
      } else {
        vb.code = "---";
        vb.name = std::string(inner);
      }
      block = static_cast<int64_t>(blocks_.size());
      blocks_.push_back(std::move(vb));
      return;
    }
    if (line[0] == '~') {
      // "~ a (a b ATTACK) SAY = a b 015"
      std::string_view t = Trim(line.substr(1));
      size_t op = t.find('('), cp = t.find(')'), eq = t.find('=');
      if (op == std::string_view::npos || cp == std::string_view::npos ||
          eq == std::string_view::npos || !(op < cp && cp < eq)) {
        status = Status::LineError(ErrorCode::kParseError,
                                   "malformed transformation", name, n);
        return;
      }
      auto split = [](std::string_view s) {
        std::vector<std::string> v;
        size_t b = 0;
        while (b < s.size()) {
          size_t e = s.find_first_of(" \t", b);
          if (e == std::string_view::npos) e = s.size();
          if (e > b) v.push_back(Upper(s.substr(b, e - b)));
          b = e + 1;
        }
        return v;
      };
      auto up = split(t.substr(0, op));
      auto inner = split(t.substr(op + 1, cp - op - 1));
      auto verb = split(t.substr(cp + 1, eq - cp - 1));
      auto out = split(t.substr(eq + 1));
      if (up.size() != 1 || inner.size() != 3 || verb.size() != 1 ||
          out.size() != 3) {
        status = Status::LineError(ErrorCode::kParseError,
                                   "malformed transformation", name, n);
        return;
      }
      VerbTransform tr;
      tr.upper_source = up[0];
      tr.lower_source = inner[0];
      tr.lower_target = inner[1];
      tr.lower_verb = inner[2];
      tr.upper_verb = verb[0];
      tr.out_source = out[0];
      tr.out_target = out[1];
      tr.out_code = out[2];
      transforms_.push_back(std::move(tr));
      return;
    }
    if (block < 0) {
      status =
          Status::LineError(ErrorCode::kParseError,
                            "verb or pattern before any '---' block", name, n);
      return;
    }
    if (line[0] == '-') {
      VerbPattern p;
      bool skip = false;
      Status s = ParsePattern(line.substr(1), n, name, words, &p, &skip);
      if (!s.ok()) {
        status = s;
        return;
      }
      if (!skip) {
        blocks_[block].patterns.push_back(std::move(p));
        ++pattern_count_;
      }
      return;
    }
    // A verb of the block, with an optional own code.
    std::string code, code2;
    std::string_view spec = line;
    size_t lb = line.find('[');
    if (lb != std::string_view::npos) {
      size_t rb = line.find(']', lb);
      if (rb == std::string_view::npos) {
        status = Status::LineError(ErrorCode::kParseError,
                                   "'[' without ']' in verb entry", name, n);
        return;
      }
      SplitCode(line.substr(lb + 1, rb - lb - 1), &code, &code2);
      spec = Trim(line.substr(0, lb));
    }
    AddVerb(spec, static_cast<uint32_t>(block), code, code2, words);
  });
  for (VerbTransform& t : transforms_) {
    auto code_of = [&](const std::string& verb) -> std::string {
      if (verb == "Q") return "Q";
      uint32_t id = words.Find(verb);
      const std::vector<VerbForm>* f =
          id == dict::kNoWord ? nullptr : Forms(id);
      if (!f || f->empty()) return "";
      return f->back().code.empty() ? blocks_[f->back().block].code
                                    : f->back().code;
    };
    t.lower_code = code_of(t.lower_verb);
    t.upper_code = code_of(t.upper_verb);
  }
  synset_first_.assign(synsets_.size(), {});
  for (size_t k = 0; k < synsets_.size(); ++k)
    for (const auto& phrase : synsets_[k])
      if (!phrase.empty()) synset_first_[k].insert(phrase[0]);
  return status;
}

}  // namespace curlew
