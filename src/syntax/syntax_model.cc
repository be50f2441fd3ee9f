// SyntaxModel: loading, the file format and annotation of sentences.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "curlew/syntax.h"
#include "syntax/model_data.h"

namespace curlew {
namespace syntax {

std::string EncodeModel(const ModelData& model) {
  BinaryWriter payload;
  model.tagger.Write(payload);
  model.lemmatizer.Write(payload);
  model.parser.Write(payload);
  model.punct.Write(payload);
  BinaryWriter file;
  std::string out(kMagic, sizeof(kMagic));
  file.Put<uint32_t>(kVersion);
  file.Put<uint64_t>(payload.data().size());
  file.Put<uint64_t>(Fnv1a(payload.data()));
  out += file.data();
  out += payload.data();
  return out;
}

Status DecodeModel(std::string_view bytes, const std::string& path,
                   ModelData& model) {
  auto corrupt = [&](const std::string& why) {
    return Status::Error(ErrorCode::kCorruptModel,
                         "not a valid curlew syntax model: " + why, path);
  };
  if (bytes.size() < sizeof(kMagic) ||
      bytes.substr(0, sizeof(kMagic)) != std::string_view(kMagic, 8)) {
    return corrupt("wrong magic bytes");
  }
  BinaryReader header(bytes.substr(sizeof(kMagic)));
  uint32_t version = 0;
  uint64_t size = 0, checksum = 0;
  if (!header.Get(version) || !header.Get(size) || !header.Get(checksum)) {
    return corrupt("truncated header");
  }
  if (version != kVersion && version != 1) {
    return corrupt("unsupported version " + std::to_string(version));
  }
  const size_t start = sizeof(kMagic) + 4 + 8 + 8;
  if (bytes.size() - start != size) {
    return corrupt("truncated or padded: payload is " +
                   std::to_string(bytes.size() - start) +
                   " bytes, header says " + std::to_string(size));
  }
  std::string_view payload = bytes.substr(start);
  if (Fnv1a(payload) != checksum) return corrupt("checksum mismatch");
  BinaryReader in(payload);
  // Version 1: one tagger pass, no punctuation attacher.
  const bool v1 = version == 1;
  if (!model.tagger.Read(in, !v1)) return corrupt("bad tagger section");
  if (!model.lemmatizer.Read(in)) return corrupt("bad lemmatizer section");
  if (!model.parser.Read(in)) return corrupt("bad parser section");
  if (!v1 && !model.punct.Read(in)) {
    return corrupt("bad punctuation section");
  }
  if (!in.AtEnd()) return corrupt("trailing data");
  if (model.lemmatizer.wordnet_pos.size() != model.tagger.upos.size()) {
    return corrupt("lemmatizer and tagger disagree");
  }
  return Status();
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
  PunctSentence tree;
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
}

}  // namespace syntax

SyntaxModel::SyntaxModel() : data_(std::make_unique<syntax::ModelData>()) {}
SyntaxModel::~SyntaxModel() = default;

Result<std::shared_ptr<const SyntaxModel>> SyntaxModel::Load(
    const std::string& path, const SyntaxOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::Error(ErrorCode::kNotFound, "cannot open syntax model",
                         path);
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) {
    return Status::Error(ErrorCode::kIoError, "cannot read syntax model", path);
  }
  std::shared_ptr<SyntaxModel> model(new SyntaxModel());
  model->options_ = options;
  Status s = syntax::DecodeModel(buf.str(), path, *model->data_);
  if (!s.ok()) return s;
  model->data_->LoadWordNet(options.wordnet_dir);
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

Status SyntaxModel::Annotate(Document& doc, const Sentence& sentence) const {
  Status ok = Check(doc, sentence);
  if (!ok.ok()) return ok;
  const size_t n = sentence.size();
  if (n == 0) return Status();
  const syntax::ModelData& m = *data_;
  std::vector<std::string_view> words(n);
  for (size_t i = 0; i < n; ++i) {
    words[i] = doc.TokenText(doc.tokens[sentence.token_begin + i]);
  }
  std::vector<syntax::WordInfo> info;
  m.tagger.Describe(info, words);
  std::vector<int> tags;
  m.tagger.Tag(info, tags);
  syntax::ParserInput in;
  in.Resize(n + 1);
  for (size_t i = 0; i < n; ++i) {
    Token& t = doc.tokens[sentence.token_begin + i];
    t.upos = m.tagger.upos[tags[i]];
    t.xpos = m.tagger.xpos[tags[i]];
    t.lemma = m.lemmatizer.Lemmatize(words[i], tags[i]);
    syntax::FillParserInput(words[i], t.upos, t.xpos, i + 1, in);
  }
  syntax::ParseInto(m, in, doc, sentence);
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
  for (size_t i = 0; i < n; ++i) {
    const Token& t = doc.tokens[sentence.token_begin + i];
    syntax::FillParserInput(doc.TokenText(t), t.upos, t.xpos, i + 1, in);
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
         " tagger_features=" + std::to_string(m.tagger.model.num_features()) +
         " tagger_weights=" + std::to_string(m.tagger.model.num_weights()) +
         " parser_features=" + std::to_string(m.parser.model.num_features()) +
         " parser_weights=" + std::to_string(m.parser.model.num_weights()) +
         " lexicon=" + std::to_string(m.lemmatizer.lexicon.size());
}

namespace {

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
    for (const Sentence& s : doc.sentences) {
      bool parsed = s.size() > 0;
      for (uint32_t i = s.token_begin; i < s.token_end && parsed; ++i) {
        parsed = doc.tokens[i].head >= 0;
      }
      if (parsed) continue;  // a given parse
      Status st = model_->Annotate(doc, s);
      if (!st.ok()) return st.WithWhere(doc.id);
    }
    return Status();
  }

 private:
  std::shared_ptr<const SyntaxModel> model_;
};

}  // namespace

std::unique_ptr<Component> MakeSyntaxComponent(
    std::shared_ptr<const SyntaxModel> model) {
  return std::make_unique<SyntaxComponent>(std::move(model));
}

}  // namespace curlew
