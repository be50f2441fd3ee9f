// SyntaxModel: loading, the file format and annotation of sentences.
#include <cstdio>
#include <fstream>
#include <mutex>
#include <thread>

#include "curlew/syntax.h"
#include "syntax/model_data.h"
#include "syntax/repairs.h"

namespace curlew {
namespace syntax {

std::string EncodeModel(const ModelData& model) {
  BinaryWriter payload;
  model.tagger.Write(payload);
  model.lemmatizer.Write(payload);
  model.parser.Write(payload);
  model.punct.Write(payload);
  BinaryWriter file;
  file.Put<uint32_t>(kVersion);
  file.Put<uint32_t>(0);
  file.Put<uint64_t>(payload.data().size());
  file.Put<uint64_t>(Checksum(payload.data()));
  std::string out(kMagic, sizeof(kMagic));
  out += file.data();
  out.resize(kHeaderBytes, '\0');
  out += payload.data();
  return out;
}

Status DecodeModel(ModelBytes file, const std::string& path, ModelData& model) {
  model.bytes = std::move(file);
  const std::string_view bytes = model.bytes.bytes();
  auto corrupt = [&](const std::string& why) {
    return Status::Error(ErrorCode::kCorruptModel,
                         "not a valid curlew syntax model: " + why, path);
  };
  if (bytes.size() < sizeof(kMagic) ||
      bytes.substr(0, sizeof(kMagic)) != std::string_view(kMagic, 8)) {
    return corrupt("wrong magic bytes");
  }
  BinaryReader header(bytes.substr(sizeof(kMagic)));
  uint32_t version = 0, zero = 0;
  uint64_t size = 0, checksum = 0;
  if (!header.Get(version)) return corrupt("truncated header");
  if (version != kVersion) {
    return corrupt("unsupported version " + std::to_string(version) +
                   " (this curlew reads version " + std::to_string(kVersion) +
                   ")");
  }
  {
    if (!header.Get(zero) || !header.Get(size) || !header.Get(checksum) ||
        bytes.size() < kHeaderBytes) {
      return corrupt("truncated header");
    }
    const size_t used = sizeof(kMagic) + 4 + 4 + 8 + 8;
    if (zero != 0 ||
        bytes.substr(used, kHeaderBytes - used).find_first_not_of('\0') !=
            std::string_view::npos) {
      return corrupt("bad header");
    }
    if (bytes.size() - kHeaderBytes != size) {
      return corrupt("truncated or padded: payload is " +
                     std::to_string(bytes.size() - kHeaderBytes) +
                     " bytes, header says " + std::to_string(size));
    }
    std::string_view payload = bytes.substr(kHeaderBytes);
    if (Checksum(payload) != checksum) return corrupt("checksum mismatch");
    BinaryReader in(payload);
    if (!model.tagger.Read(in)) return corrupt("bad tagger section");
    if (!model.lemmatizer.Read(in)) return corrupt("bad lemmatizer section");
    if (!model.parser.Read(in)) return corrupt("bad parser section");
    if (!model.punct.Read(in)) return corrupt("bad punctuation section");
    if (!in.AtEnd()) return corrupt("trailing data");
  }
  if (model.lemmatizer.wordnet_pos.size() != model.tagger.upos.size()) {
    return corrupt("lemmatizer and tagger disagree");
  }
  return Status();
}

Status ReadModelFile(const std::string& path, ModelData& model) {
  auto bytes = ModelBytes::Map(path);
  if (!bytes.ok()) return bytes.status();
  return DecodeModel(std::move(*bytes), path, model);
}

Status WriteModelFile(const ModelData& model, const std::string& path) {
  std::string bytes = EncodeModel(model);
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      return Status::Error(ErrorCode::kIoError, "cannot write model", tmp);
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    return Status::Error(ErrorCode::kIoError, "cannot rename model into place",
                         path);
  }
  return Status();
}

void ParseInto(const ModelData& model, const ParserInput& in, Document& doc,
               const Sentence& sentence) {
  const Parser& parser = model.parser;
  thread_local PunctSentence tree;
  tree.in = &in;
  parser.Parse(in, tree.heads, tree.rels);
  tree.punct.assign(sentence.size() + 1, 0);
  for (size_t i = 0; i < sentence.size(); ++i) {
    tree.punct[i + 1] = doc.tokens[sentence.token_begin + i].upos == "PUNCT";
  }
  model.punct.Reattach(tree);
  const std::vector<int>& heads = tree.heads;
  const std::vector<int>& rels = tree.rels;
  for (size_t i = 0; i < sentence.size(); ++i) {
    Token& t = doc.tokens[sentence.token_begin + i];
    t.head = heads[i + 1];
    t.deprel = parser.labels[rels[i + 1]];
  }
  RepairParse(&doc.tokens[sentence.token_begin], sentence.size());
  tree.in = nullptr;
}

}  // namespace syntax

SyntaxModel::SyntaxModel() : data_(std::make_unique<syntax::ModelData>()) {}
SyntaxModel::~SyntaxModel() = default;

Result<std::shared_ptr<const SyntaxModel>> SyntaxModel::Load(
    const std::string& path, const SyntaxOptions& options) {
  std::shared_ptr<SyntaxModel> model(new SyntaxModel());
  model->options_ = options;
  Status s = syntax::ReadModelFile(path, *model->data_);
  if (!s.ok()) return s;
  model->data_->LoadWordNet(options.wordnet_dir);
  model->data_->tagger.finite_verb_rule = options.finite_verb_rule;
  return std::shared_ptr<const SyntaxModel>(std::move(model));
}

Status SyntaxModel::Check(const Document& doc, const Sentence& sentence) const {
  if (sentence.token_end < sentence.token_begin ||
      sentence.token_end > doc.tokens.size()) {
    return Status::Error(ErrorCode::kInvalidArgument,
                         "sentence outside the tokens", doc.id,
                         sentence.span.begin);
  }
  const size_t n = sentence.size();
  if (n > options_.max_sentence_tokens) {
    return Status::Error(ErrorCode::kLimitExceeded,
                         "sentence longer than max_sentence_tokens (" +
                             std::to_string(n) + " tokens)",
                         doc.id, sentence.span.begin);
  }
  for (uint32_t i = sentence.token_begin; i < sentence.token_end; ++i) {
    const Span& s = doc.tokens[i].span;
    if (s.begin > s.end || s.end > doc.text.size()) {
      return Status::Error(ErrorCode::kInvalidArgument,
                           "token span outside the text", doc.id, s.begin);
    }
  }
  return Status();
}

namespace {

// Per-thread scratch of Annotate(), reused from sentence to sentence.
struct AnnotateScratch {
  std::vector<std::string_view> words;
  std::vector<syntax::WordInfo> info;
  std::vector<int> tags;
  syntax::ParserInput in;

  // Words recur (Zipf's law): the tagger's description of the last word
  // seen with each of kDescribed hash slots is kept, which saves its affix
  // hashes and its look-ups in the tagger's dictionaries, WordNet and the
  // clusters (each a likely cache miss). Valid for the model `described_by`
  // (ModelData::instance; 0: none).
  static constexpr size_t kDescribed = 2048;
  struct Described {
    bool used = false;
    syntax::WordInfo info;  // info.form: the word's hash
  };
  std::vector<Described> described;
  uint64_t described_by = 0;

  void Describe(const syntax::ModelData& m) {
    if (described_by != m.instance) {
      described.assign(kDescribed, Described());
      described_by = m.instance;
    }
    info.resize(words.size());
    for (size_t i = 0; i < words.size(); ++i) {
      const uint64_t form = syntax::Fnv1a(words[i]);
      Described& d = described[syntax::Mix(form) & (kDescribed - 1)];
      if (!d.used || d.info.form != form) {
        m.tagger.DescribeWord(words[i], d.info);
        d.used = true;
      }
      info[i] = d.info;
    }
  }
};

}  // namespace

Status SyntaxModel::Annotate(Document& doc, const Sentence& sentence) const {
  Status ok = Check(doc, sentence);
  if (!ok.ok()) return ok;
  const size_t n = sentence.size();
  if (n == 0) return Status();
  const syntax::ModelData& m = *data_;
  thread_local AnnotateScratch x;
  x.words.resize(n);
  for (size_t i = 0; i < n; ++i) {
    x.words[i] = doc.TokenText(doc.tokens[sentence.token_begin + i]);
  }
  x.Describe(m);
  m.tagger.Tag(x.info, x.tags);
  x.in.Resize(n + 1);
  x.in.features = m.parser.features;
  for (size_t i = 0; i < n; ++i) {
    Token& t = doc.tokens[sentence.token_begin + i];
    t.upos = m.tagger.upos[x.tags[i]];
    t.xpos = m.tagger.xpos[x.tags[i]];
    m.lemmatizer.LemmatizeInto(x.words[i], x.tags[i], t.lemma);
    syntax::FillParserInput(m.tagger, x.info[i], x.tags[i], i + 1, x.in);
  }
  syntax::ParseInto(m, x.in, doc, sentence);
  return Status();
}

Status SyntaxModel::Parse(Document& doc, const Sentence& sentence) const {
  Status ok = Check(doc, sentence);
  if (!ok.ok()) return ok;
  const size_t n = sentence.size();
  if (n == 0) return Status();
  const syntax::ModelData& m = *data_;
  syntax::ParserInput in;
  in.Resize(n + 1);
  in.features = m.parser.features;
  for (size_t i = 0; i < n; ++i) {
    const Token& t = doc.tokens[sentence.token_begin + i];
    syntax::FillParserInput(m.tagger, doc.TokenText(t), t.upos, t.xpos, i + 1,
                            in);
  }
  syntax::ParseInto(m, in, doc, sentence);
  return Status();
}

Status SyntaxModel::Annotate(Document& doc) const {
  for (const Sentence& s : doc.sentences) {
    Status st = Annotate(doc, s);
    if (!st.ok()) return st;
  }
  return Status();
}

std::string SyntaxModel::Describe() const {
  const syntax::ModelData& m = *data_;
  return "tags=" + std::to_string(m.tagger.upos.size()) +
         " tagger_passes=" + (m.tagger.second.num_classes() > 0 ? "2" : "1") +
         " labels=" + std::to_string(m.parser.labels.size()) +
         " parser_beam=" + std::to_string(m.parser.beam) +
         " tagger_features=" + std::to_string(m.tagger.model.num_features()) +
         " tagger_weights=" + std::to_string(m.tagger.model.num_weights()) +
         " parser_features=" + std::to_string(m.parser.model.num_features()) +
         " parser_weights=" + std::to_string(m.parser.model.num_weights()) +
         " lexicon=" + std::to_string(m.lemmatizer.lexicon.size());
}

namespace {

// True if some sentence of `doc` has words without a head (no given parse).
bool NeedsParsing(const Document& doc, const Sentence& s) {
  if (s.size() == 0) return false;
  for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
    if (doc.tokens[i].head < 0) return true;
  }
  return false;
}

// Annotates every sentence of `doc` that came without a parse.
Status AnnotateUnparsed(const SyntaxModel& model, Document& doc) {
  for (const Sentence& s : doc.sentences) {
    if (!NeedsParsing(doc, s)) continue;  // a given parse
    Status st = model.Annotate(doc, s);
    if (!st.ok()) return st.WithWhere(doc.id);
  }
  return Status();
}

class SyntaxComponent : public Component {
 public:
  explicit SyntaxComponent(std::shared_ptr<const SyntaxModel> model)
      : model_(std::move(model)) {}
  std::string_view name() const override { return "syntax"; }
  uint32_t requires_annotations() const override {
    return kTokens | kSentences;
  }
  uint32_t assigns_annotations() const override {
    return kTags | kLemmas | kTree;
  }
  Status Process(Document& doc) const override {
    return AnnotateUnparsed(*model_, doc);
  }

 private:
  std::shared_ptr<const SyntaxModel> model_;
};

// The same, loading the model the first time a sentence needs it, or in
// a thread started at construction (load_now) so that the load overlaps
// what the caller does next.
class LazySyntaxComponent : public Component {
 public:
  LazySyntaxComponent(std::string path, SyntaxOptions options, bool load_now)
      : path_(std::move(path)), options_(std::move(options)) {
    if (load_now) loader_ = std::thread([this] { Load(); });
  }
  ~LazySyntaxComponent() override {
    if (loader_.joinable()) loader_.join();
  }
  std::string_view name() const override { return "syntax"; }
  uint32_t requires_annotations() const override {
    return kTokens | kSentences;
  }
  uint32_t assigns_annotations() const override {
    return kTags | kLemmas | kTree;
  }
  Status Process(Document& doc) const override {
    bool needed = false;
    for (const Sentence& s : doc.sentences)
      needed = needed || NeedsParsing(doc, s);
    if (!needed) return Status();
    // Waits for the loader thread if it is still reading.
    Load();
    if (!model_) return load_status_;
    return AnnotateUnparsed(*model_, doc);
  }

 private:
  void Load() const {
    std::call_once(once_, [this] {
      auto model = SyntaxModel::Load(path_, options_);
      if (model.ok()) {
        model_ = std::move(*model);
      } else {
        load_status_ = model.status();
      }
    });
  }

  std::string path_;
  SyntaxOptions options_;
  // Set once, under once_; read-only afterwards.
  mutable std::once_flag once_;
  mutable std::shared_ptr<const SyntaxModel> model_;
  mutable Status load_status_;
  std::thread loader_;  // last: started after the members it reads
};

}  // namespace

std::unique_ptr<Component> MakeSyntaxComponent(
    std::shared_ptr<const SyntaxModel> model) {
  return std::make_unique<SyntaxComponent>(std::move(model));
}

Result<std::unique_ptr<Component>> MakeLazySyntaxComponent(
    const std::string& model_path, const SyntaxOptions& options,
    bool load_now) {
  std::FILE* f = std::fopen(model_path.c_str(), "rb");
  if (!f) {
    return Status::Error(ErrorCode::kNotFound, "cannot open syntax model",
                         model_path);
  }
  std::fclose(f);
  return std::unique_ptr<Component>(
      std::make_unique<LazySyntaxComponent>(model_path, options, load_now));
}

}  // namespace curlew
