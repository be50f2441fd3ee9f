#include "eval/validate.h"

#include <cctype>
#include <filesystem>
#include <set>
#include <tuple>

#include "actors/actors_stage.h"
#include "curlew/env.h"
#include "curlew/syntax.h"
#include "curlew/text.h"
#include "io/petrarch_xml.h"
#include "syntax/ptb.h"

namespace curlew {

bool HasDateline(std::string_view text) {
  // Upper-case words, then ':' or '--' within the first few words.
  size_t i = 0;
  int letters = 0;
  for (; i < text.size() && i < 60; ++i) {
    char c = text[i];
    if (std::isupper(static_cast<unsigned char>(c))) {
      ++letters;
      continue;
    }
    if (c == ' ' || c == '.' || c == ',' || c == '\'') continue;
    break;
  }
  if (letters < 3 || i >= text.size()) return false;
  std::string_view rest = text.substr(i);
  return rest.substr(0, 1) == ":" || rest.substr(0, 2) == "--";
}

namespace {

bool ParseBool(const std::string& v) {
  std::string l;
  for (char c : v)
    l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return l == "true" || l == "1" || l == "yes";
}

void ApplyConfig(const std::vector<std::pair<std::string, std::string>>& cfg,
                 CoderOptions* o, ActorOptions* a) {
  for (const auto& [k, v] : cfg) {
    if (k == "require_dyad") o->require_dyad = ParseBool(v);
    int n = std::atoi(v.c_str());
    if (k == "new_actor_length") a->new_actor_length = n;
    if (k == "comma_min") o->commas.min = n;
    if (k == "comma_max") o->commas.max = n;
    if (k == "comma_bmin") o->commas.bmin = n;
    if (k == "comma_bmax") o->commas.bmax = n;
    if (k == "comma_emin") o->commas.emin = n;
    if (k == "comma_emax") o->commas.emax = n;
  }
  // Both stages read the same asides.
  a->commas = o->commas;
}

using Triple = std::tuple<std::string, std::string, std::string>;

// True if `w` ends (starts) with an ASCII letter or digit.
bool EndsAlnum(std::string_view w) {
  return !w.empty() && std::isalnum(static_cast<unsigned char>(w.back()));
}
bool StartsAlnum(std::string_view w) {
  return !w.empty() && std::isalnum(static_cast<unsigned char>(w.front()));
}

// Tokens, sentences, tags and tree of `doc` from its text by curlew's own
// tokenizer and parser, cut into words as PETRARCH cuts them.
Status ParseText(const SyntaxModel& model, Document& doc) {
  Status s = Segment(doc);
  if (!s.ok()) return s;
  RetokenizeForPetrarch(doc);
  return model.Annotate(doc);
}

}  // namespace

// curlew's tokenizer splits hyphenated words as UD English does; the
// dictionaries say "AL-QAEDA". '_' is the dictionaries' word joiner, and
// the given parses split there.
void RetokenizeForPetrarch(Document& doc) {
  std::vector<Token> out;
  out.reserve(doc.tokens.size());
  for (Sentence& s : doc.sentences) {
    const auto begin = static_cast<uint32_t>(out.size());
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      Token& t = doc.tokens[i];
      const std::string_view w = doc.TokenText(t);
      if (out.size() > begin) {
        Token& prev = out.back();
        const std::string_view p = doc.TokenText(prev);
        const bool touching = prev.span.end == t.span.begin;
        if (touching && ((w == "-" && EndsAlnum(p)) ||
                         (p.size() > 1 && p.back() == '-' && StartsAlnum(w)))) {
          prev.span.end = t.span.end;
          prev.norm += t.norm;
          prev.space_after = t.space_after;
          continue;
        }
      }
      // "A_B" (letters or digits on both sides of each '_') -> "A" "B";
      // only where the norm is the text byte for byte.
      std::string_view rest = w;
      for (size_t cut;
           (cut = rest.find('_')) != std::string_view::npos && cut > 0 &&
           cut + 1 < rest.size() &&
           std::isalnum(static_cast<unsigned char>(rest[cut - 1])) &&
           std::isalnum(static_cast<unsigned char>(rest[cut + 1])) &&
           t.norm == rest;) {
        Token piece = t;
        piece.span.end = t.span.begin + static_cast<uint32_t>(cut);
        piece.norm = std::string(rest.substr(0, cut));
        piece.space_after = true;
        out.push_back(std::move(piece));
        t.span.begin += static_cast<uint32_t>(cut + 1);
        t.norm.erase(0, cut + 1);
        rest.remove_prefix(cut + 1);
      }
      out.push_back(std::move(t));
    }
    s.token_begin = begin;
    s.token_end = static_cast<uint32_t>(out.size());
  }
  doc.tokens = std::move(out);
}

Result<ValidateResult> RunValidation(const std::string& xml_path,
                                     const ValidateOptions& options,
                                     std::ostream& log) {
  auto reader = PetrarchXmlReader::Open(xml_path);
  if (!reader.ok()) return reader.status();
  bool own_parser = options.parser == "curlew";
  if (!own_parser && options.parser != "given")
    return Status::Error(ErrorCode::kInvalidArgument,
                         "--parser must be given or curlew", options.parser);
  std::shared_ptr<const SyntaxModel> model;
  if (own_parser) {
    std::string path = options.syntax_model.empty()
                           ? DataPath("models/en_ewt.model")
                           : options.syntax_model;
    auto loaded = SyntaxModel::Load(path);
    if (!loaded.ok()) return loaded.status();
    model = *loaded;
  }
  ValidateResult result;
  std::shared_ptr<const Dictionaries> dicts;
  CoderOptions coder_options;
  ActorOptions actor_options;
  std::string base = std::filesystem::path(xml_path).parent_path().string();
  if (base.empty()) base = ".";
  Result<PetrarchRecord> rec = Status();
  while ((*reader)->Next(&rec)) {
    if (!dicts) {
      const PetrarchEnvironment& env = (*reader)->environment();
      Result<std::shared_ptr<const Dictionaries>> loaded = Status();
      if (!options.dicts_dir.empty()) {
        loaded = LoadDictionaries(options.dicts_dir);
      } else {
        if (!env.present)
          return Status::Error(ErrorCode::kNotFound,
                               "no <Environment> block and no --dicts",
                               xml_path);
        DictionaryFiles f;
        auto rel = [&](const std::string& p) {
          return p.empty() || p[0] == '/' ? p : base + "/" + p;
        };
        f.verbs = rel(env.verbfile);
        for (const auto& a : env.actorfiles) f.actors.push_back(rel(a));
        f.agents = rel(env.agentfile);
        f.discards = rel(env.discardfile);
        f.issues = rel(env.issuefile);
        loaded = LoadDictionaryFiles(f);
      }
      if (!loaded.ok()) return loaded.status();
      dicts = *loaded;
      ApplyConfig(env.config, &coder_options, &actor_options);
    }
    if (!rec.ok()) {
      ++result.errors;
      ++result.failed;
      log << "error: " << rec.status().ToString() << "\n";
      continue;
    }
    const PetrarchRecord& r = *rec;
    ApplyConfig(r.config, &coder_options, &actor_options);
    if (options.only_sentences && !r.is_sentence) continue;
    Document doc = RecordToDocument(r);
    std::string outcome;
    std::set<Triple> got;
    Status s = BuildFromPtb(doc);
    // A parse must be exactly one tree.
    if (s.ok() && doc.sentences.size() != 1)
      s = Status::Error(ErrorCode::kParseError, "not one tree");
    if (!s.ok()) {
      outcome = "bad_input_parse";
    } else if (HasDateline(doc.text)) {
      outcome = "dateline";
    } else {
      if (own_parser) {
        // Code the <Text> as curlew reads any text: its own tokenizer and
        // parser, the given parse ignored.
        Document raw = RecordToDocument(r);
        raw.ptb_parse.clear();
        Status ps = ParseText(*model, raw);
        if (!ps.ok()) {
          ++result.errors;
          log << "error: " << r.id << ": " << ps.ToString() << "\n";
        }
        doc = std::move(raw);
      }
      if (r.id == options.trace_id) {
        for (size_t i = 0; i < doc.tokens.size(); ++i) {
          const Token& t = doc.tokens[i];
          log << i + 1 << "\t" << t.norm << "\t" << t.xpos << "\t" << t.head
              << "\t" << t.deprel << "\n";
        }
      }
      Coder coder(dicts, coder_options);
      CodingOutcome co;
      Status cs = FindActors(*dicts, actor_options, doc);
      if (cs.ok()) cs = coder.Code(doc, &co);
      if (!cs.ok()) {
        ++result.errors;
        outcome = "error";
      } else if (co == CodingOutcome::kStoryDiscard) {
        outcome = "storydiscard";
      } else if (co == CodingOutcome::kSentenceDiscard) {
        outcome = "sentencediscard";
      }
      // PETRARCH writes an absent actor as "---".
      auto dash = [](const std::string& c) {
        return c.empty() ? std::string("---") : c;
      };
      for (const Event& e : doc.events)
        got.insert({dash(e.source), dash(e.target), e.cameo});
    }
    bool pass;
    std::set<Triple> want;
    for (const auto& c : r.expected) want.insert({c.source, c.target, c.code});
    if (!r.error.empty())
      pass = outcome == r.error;
    else if (r.noevents)
      pass = outcome.empty() && got.empty();
    else
      pass = outcome.empty() && got == want;
    auto& cat = result.by_category[r.category];
    ++cat.second;
    if (pass) {
      ++result.passed;
      ++cat.first;
    } else {
      ++result.failed;
      if (options.verbose) {
        log << "FAIL " << r.id << " | " << r.text << "\n  want:";
        if (!r.error.empty()) log << " error=" << r.error;
        if (r.noevents) log << " noevents";
        for (const auto& [a, b, c] : want)
          log << " [" << a << "|" << b << "|" << c << "]";
        log << "\n  got:";
        if (!outcome.empty()) log << " " << outcome;
        for (const auto& [a, b, c] : got)
          log << " [" << a << "|" << b << "|" << c << "]";
        log << "\n";
      }
    }
  }
  return result;
}

}  // namespace curlew
