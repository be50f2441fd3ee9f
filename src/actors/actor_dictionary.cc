#include "actors/actor_dictionary.h"

#include <algorithm>

namespace curlew {

using dict::StripComment;
using dict::Trim;
using dict::Upper;

void PhraseIndex::MarkStart(uint32_t word) {
  if (word >= starts_.size())
    starts_.resize(std::max<size_t>(word + 1, starts_.size() * 2), 0);
  starts_[word] = 1;
}

void PhraseIndex::Append(dict::IntMap<Bucket>& buckets, uint64_t key,
                         std::span<const uint32_t> words, uint32_t value) {
  const uint32_t id = static_cast<uint32_t>(entries_.size());
  entries_.push_back({static_cast<uint32_t>(words_.size()),
                      static_cast<uint32_t>(words.size()), value, kEnd});
  words_.insert(words_.end(), words.begin(), words.end());
  Bucket& b = buckets.Insert(key, Bucket());
  if (b.tail == kEnd)
    b.head = id;
  else
    entries_[b.tail].next = id;
  b.tail = id;
}

void PhraseIndex::Add(std::span<const uint32_t> words, uint32_t value) {
  if (words.empty()) return;
  ++count_;
  MarkStart(words[0]);
  if (words.size() == 1) {
    singles_.Insert(words[0], value);  // the first entry wins
    return;
  }
  Append(by_pair_, Key(words[0], words[1]), words, value);
}

void PhraseIndex::AddGapped(std::span<const uint32_t> words, uint32_t value) {
  if (words.size() < 2) return;
  MarkStart(words[0]);
  Append(gapped_, words[0], words, value);
}

bool HasBlankBetweenWords(std::string_view phrase) {
  std::string_view t = dict::Trim(phrase);
  return t.find(' ') != std::string_view::npos ||
         t.find('\t') != std::string_view::npos;
}

void PhraseIndex::Finish() {
  std::vector<uint32_t> ids;
  by_pair_.ForEach([&](uint64_t, Bucket& b) {
    if (b.head == b.tail) return;
    ids.clear();
    for (uint32_t i = b.head; i != kEnd; i = entries_[i].next) ids.push_back(i);
    std::stable_sort(ids.begin(), ids.end(), [&](uint32_t x, uint32_t y) {
      return entries_[x].size > entries_[y].size;
    });
    b.head = ids[0];
    for (size_t k = 0; k + 1 < ids.size(); ++k)
      entries_[ids[k]].next = ids[k + 1];
    entries_[ids.back()].next = kEnd;
    b.tail = ids.back();
  });
}

size_t PhraseIndex::Longest(const std::vector<uint32_t>& words, size_t pos,
                            uint32_t* value) const {
  if (pos >= words.size() || words[pos] >= starts_.size() ||
      !starts_[words[pos]])
    return 0;
  if (pos + 1 < words.size() && words[pos + 1] != dict::kNoWord) {
    if (const Bucket* b = by_pair_.Find(Key(words[pos], words[pos + 1]))) {
      for (uint32_t i = b->head; i != kEnd; i = entries_[i].next) {
        const Entry& e = entries_[i];
        if (pos + e.size > words.size()) continue;
        std::span<const uint32_t> w = WordsOf(e);
        if (std::equal(w.begin() + 2, w.end(), words.begin() + pos + 2)) {
          *value = e.value;
          return e.size;
        }
      }
    }
  }
  size_t best = 0;
  if (const uint32_t* one = singles_.Find(words[pos])) {
    *value = *one;
    best = 1;
  }
  // Phrases with gaps, if they span more than the exact match.
  if (const Bucket* g = gapped_.Find(words[pos])) {
    for (uint32_t i = g->head; i != kEnd; i = entries_[i].next) {
      const Entry& e = entries_[i];
      std::span<const uint32_t> ew = WordsOf(e);
      size_t at = pos + 1;
      bool ok = true;
      for (size_t k = 1; k < ew.size() && ok; ++k) {
        size_t limit = std::min(words.size(), at + kMaxGap + 1);
        size_t q = at;
        while (q < limit && words[q] != ew[k]) ++q;
        ok = q < limit;
        at = q + 1;
      }
      if (ok && at - pos > best) {
        best = at - pos;
        *value = e.value;
      }
    }
  }
  return best;
}

void InternPhraseInto(std::string_view phrase, dict::WordTable& words,
                      std::vector<uint32_t>* ids) {
  ids->clear();
  // One upper-case buffer for every word (most fit its inline storage, but
  // a long name's words would each allocate).
  thread_local std::string upper;
  dict::ForEachWord(phrase, [&](std::string_view w) {
    dict::UpperInto(w, &upper);
    ids->push_back(words.Intern(upper));
  });
}

std::vector<uint32_t> InternPhrase(std::string_view phrase,
                                   dict::WordTable& words) {
  std::vector<uint32_t> ids;
  InternPhraseInto(phrase, words, &ids);
  return ids;
}

namespace {

// "[CODE]" / "[CODE 950601-990815]" / "[CODE < 950601]" / "[CODE >990816]".
bool ParseCodeSpec(std::string_view spec, std::string* code, int32_t* from,
                   int32_t* to) {
  spec = Trim(spec);
  size_t sp = spec.find_first_of(" \t<>");
  *from = INT_MIN;
  *to = INT_MAX;
  *code = std::string(Trim(spec.substr(0, sp)));
  if (sp == std::string_view::npos) return !code->empty();
  std::string_view r = Trim(spec.substr(sp));
  if (r.empty()) return true;
  if (r[0] == '<') {
    *to = dict::ParseDictDate(r.substr(1));
    return *to >= 0;
  }
  if (r[0] == '>') {
    *from = dict::ParseDictDate(r.substr(1));
    return *from >= 0;
  }
  size_t dash = r.find('-');
  if (dash == std::string_view::npos) {
    // "[CODE 20121204]" (no operator, seen in real files): from that date.
    *from = dict::ParseDictDate(r);
    return *from >= 0;
  }
  *from = dict::ParseDictDate(r.substr(0, dash));
  *to = dict::ParseDictDate(r.substr(dash + 1));
  return *from >= 0 && *to >= 0;
}

}  // namespace

Status ActorDictionary::Load(const std::string& path, dict::WordTable& words) {
  auto text = dict::ReadFile(path);
  if (!text.ok()) return text.status();
  return LoadText(*text, path, words);
}

Status ActorDictionary::LoadText(std::string_view text, const std::string& name,
                                 dict::WordTable& words) {
  Status status;
  const uint32_t file = static_cast<uint32_t>(files_.size());
  files_.push_back(name);
  // About one new word and one phrase per line of a large file (the
  // people file has 70,000 lines): reserved once instead of rehashing.
  const size_t lines =
      static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
  // Room for the file's words is reserved by its size: pages of it that
  // are never written are never touched.
  words.Reserve(words.size() + lines, words.bytes() + text.size());
  records_.reserve(records_.size() + lines);
  index_.Reserve(lines / 2);
  // The record being built: its phrases get its index when it is closed.
  // Their words end to end in phrase_words; each phrase's end and whether
  // it was written with blanks between words.
  std::vector<uint32_t> phrase_words;
  std::vector<std::pair<uint32_t, bool>> phrases;
  std::vector<uint32_t> ids;
  ActorEntry rec;
  bool open = false;
  auto close = [&] {
    if (!open) return;
    uint32_t id = static_cast<uint32_t>(records_.size());
    if (!rec.default_code.empty() || !rec.dated.empty()) {
      records_.push_back(std::move(rec));
      uint32_t b = 0;
      for (const auto& [end, gapped] : phrases) {
        std::span<const uint32_t> p(phrase_words.data() + b, end - b);
        if (gapped) index_.AddGapped(p, id);
        index_.Add(p, id);
        b = end;
      }
    }
    phrases.clear();
    phrase_words.clear();
    rec = ActorEntry();
    open = false;
  };
  dict::ForEachLine(text, [&](std::string_view raw, int64_t n) {
    if (!status.ok()) return;
    bool tab = !raw.empty() && (raw[0] == '\t' || raw[0] == ' ');
    std::string_view line = StripComment(raw);
    if (size_t semi = line.find(';'); semi != std::string_view::npos)
      line = Trim(line.substr(0, semi));
    if (line.empty()) return;
    if (tab && line[0] == '[') {
      // A date restriction (or default) of the open record.
      size_t close_b = line.find(']');
      if (close_b == std::string_view::npos || !open) {
        status = Status::LineError(ErrorCode::kParseError,
                                   "malformed code restriction", name, n);
        return;
      }
      ActorEntry::Dated d;
      d.line = n;
      if (!ParseCodeSpec(line.substr(1, close_b - 1), &d.code, &d.from,
                         &d.to)) {
        status = Status::LineError(ErrorCode::kParseError,
                                   "malformed code restriction", name, n);
        return;
      }
      if (d.from == INT_MIN && d.to == INT_MAX) {
        rec.default_code = d.code;
        rec.default_line = n;
      } else
        rec.dated.push_back(std::move(d));
      return;
    }
    bool synonym = line[0] == '+';
    if (synonym) line.remove_prefix(1);
    // A new primary phrase closes the previous record, unless that record
    // has no code yet (then this phrase is read as one more synonym).
    if (!synonym && open && (!rec.default_code.empty() || !rec.dated.empty()))
      close();
    std::string_view phrase = line;
    size_t lb = line.find('[');
    if (lb != std::string_view::npos) {
      size_t rb = line.find(']', lb);
      if (rb == std::string_view::npos) {
        status = Status::LineError(ErrorCode::kParseError,
                                   "'[' without ']' in actor entry", name, n);
        return;
      }
      std::string code;
      int32_t from, to;
      if (!ParseCodeSpec(line.substr(lb + 1, rb - lb - 1), &code, &from, &to)) {
        status = Status::LineError(ErrorCode::kParseError,
                                   "malformed actor code", name, n);
        return;
      }
      if (from == INT_MIN && to == INT_MAX) {
        rec.default_code = code;
        rec.default_line = n;
      } else {
        rec.dated.push_back({code, from, to, n});
      }
      phrase = Trim(line.substr(0, lb));
    }
    InternPhraseInto(phrase, words, &ids);
    if (ids.empty()) {
      status = Status::LineError(ErrorCode::kParseError,
                                 "actor entry without a phrase", name, n);
      return;
    }
    phrase_words.insert(phrase_words.end(), ids.begin(), ids.end());
    phrases.emplace_back(static_cast<uint32_t>(phrase_words.size()),
                         HasBlankBetweenWords(phrase));
    if (!open) {
      rec.file = file;
      rec.line = n;
      rec.phrase = std::string(phrase);
    }
    open = true;
  });
  close();
  return status;
}

const std::string& ActorDictionary::CodeOn(const ActorEntry& e, int32_t date,
                                           int64_t* line) {
  if (date > 0) {
    for (const ActorEntry::Dated& d : e.dated)
      if (date >= d.from && date <= d.to) {
        if (line) *line = d.line;
        return d.code;
      }
  } else if (e.default_code.empty() && !e.dated.empty()) {
    // No date and no default (a Phoenix leader's entry): the code of the
    // latest term, the reading of an undated recent report.
    const ActorEntry::Dated* latest = &e.dated[0];
    for (const ActorEntry::Dated& d : e.dated)
      if (d.to > latest->to) latest = &d;
    if (line) *line = latest->line;
    return latest->code;
  }
  if (line) *line = e.default_line;
  return e.default_code;
}

size_t ActorDictionary::Match(const std::vector<uint32_t>& words, size_t pos,
                              int32_t date, std::string* code,
                              uint32_t* entry) const {
  uint32_t id = 0;
  size_t len = index_.Longest(words, pos, &id);
  if (len == 0) return 0;
  *code = CodeOn(records_[id], date);
  if (entry) *entry = id;
  return len;
}

Status AgentDictionary::Load(const std::string& path, dict::WordTable& words) {
  auto text = dict::ReadFile(path);
  if (!text.ok()) return text.status();
  return LoadText(*text, path, words);
}

Status AgentDictionary::LoadText(std::string_view text, const std::string& name,
                                 dict::WordTable& words) {
  Status status;
  const uint32_t file = static_cast<uint32_t>(files_.size());
  files_.push_back(name);
  std::vector<std::pair<std::string, std::vector<std::string>>> subs;
  dict::ForEachLine(text, [&](std::string_view raw, int64_t n) {
    if (!status.ok()) return;
    std::string_view line = StripComment(raw);
    if (line.empty()) return;
    if (line[0] == '!' && line.find('=') != std::string_view::npos) {
      // Substitution set: !NAME! = A, B, C
      size_t close = line.find('!', 1);
      size_t eq = line.find('=');
      if (close == std::string_view::npos || eq == std::string_view::npos) {
        status = Status::LineError(ErrorCode::kParseError,
                                   "malformed substitution set", name, n);
        return;
      }
      std::vector<std::string> items;
      std::string_view rest = line.substr(eq + 1);
      size_t b = 0;
      while (b <= rest.size()) {
        size_t c = rest.find(',', b);
        if (c == std::string_view::npos) c = rest.size();
        std::string_view item = Trim(rest.substr(b, c - b));
        if (!item.empty()) items.push_back(Upper(item));
        b = c + 1;
      }
      subs.emplace_back(std::string(line.substr(0, close + 1)),
                        std::move(items));
      return;
    }
    size_t lb = line.find('[');
    // An entry without a code (seen in real files) codes nothing: skipped.
    if (lb == std::string_view::npos) return;
    size_t rb = line.find_first_of("]}", lb + 1);
    if (rb == std::string_view::npos) {
      status = Status::LineError(ErrorCode::kParseError,
                                 "'[' without ']' in agent entry", name, n);
      return;
    }
    std::string code(Trim(line.substr(lb + 1, rb - lb - 1)));
    Agent agent;
    agent.file = file;
    agent.line = n;
    if (!code.empty() && code[0] == '~') {
      agent.code = code.substr(1);
    } else if (!code.empty() && code.back() == '~') {
      agent.code = code.substr(0, code.size() - 1);
      agent.prefix = true;
    } else {
      agent.code = code;
    }
    std::string_view head = Trim(line.substr(0, lb));
    std::vector<std::string> plurals;
    bool no_plural = false;
    size_t cb = head.find('{');
    if (cb != std::string_view::npos) {
      size_t ce = head.find('}', cb);
      if (ce == std::string_view::npos) {
        status = Status::LineError(ErrorCode::kParseError,
                                   "'{' without '}' in agent entry", name, n);
        return;
      }
      std::string_view inner = Trim(head.substr(cb + 1, ce - cb - 1));
      if (inner.empty())
        no_plural = true;
      else
        plurals.push_back(Upper(inner));
      head = Trim(head.substr(0, cb));
    }
    std::string phrase = Upper(head);
    if (phrase.empty()) {
      status = Status::LineError(ErrorCode::kParseError,
                                 "agent entry without a phrase", name, n);
      return;
    }
    // Expand substitution markers.
    std::vector<std::string> forms{phrase};
    bool substituted = false;
    for (const auto& [marker, items] : subs) {
      std::vector<std::string> next;
      for (const std::string& f : forms) {
        size_t at = f.find(marker);
        if (at == std::string::npos) {
          next.push_back(f);
          continue;
        }
        substituted = true;
        for (const std::string& item : items)
          next.push_back(f.substr(0, at) + item + f.substr(at + marker.size()));
      }
      forms = std::move(next);
    }
    uint32_t id = static_cast<uint32_t>(agents_.size());
    agents_.push_back(agent);
    for (const std::string& f : forms) {
      std::vector<uint32_t> ids = InternPhrase(f, words);
      if (ids.empty()) continue;
      if (!substituted && !no_plural && plurals.empty()) {
        std::vector<uint32_t> pl = ids;
        pl.back() = words.Intern(dict::Plural(words.Text(ids.back())));
        index_.Add(std::move(pl), id);
      }
      index_.Add(std::move(ids), id);
    }
    for (const std::string& p : plurals) index_.Add(InternPhrase(p, words), id);
  });
  return status;
}

size_t AgentDictionary::Match(const std::vector<uint32_t>& words, size_t pos,
                              const Agent** agent) const {
  uint32_t id = 0;
  size_t len = index_.Longest(words, pos, &id);
  if (len) *agent = &agents_[id];
  return len;
}

std::vector<std::string> SplitActorCodes(const std::string& code) {
  std::vector<std::string> out;
  size_t b = 0;
  while (b <= code.size()) {
    size_t e = code.find('/', b);
    if (e == std::string::npos) e = code.size();
    if (e > b) out.push_back(code.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

std::string FirstActorCode(const std::string& code) {
  std::vector<std::string> codes = SplitActorCodes(code);
  return codes.empty() ? std::string() : codes[0];
}

}  // namespace curlew
