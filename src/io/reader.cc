// DocumentReader: expands the inputs into a list of files, then reads them
// one after the other through the DocumentSource of each file's format.
#include "curlew/reader.h"

#include <algorithm>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "io/document_source.h"
#include "io/input_stream.h"

namespace curlew {

namespace {

namespace fs = std::filesystem;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Guesses the format from the first bytes: '{' opens a JSONL document; an
// XML declaration, a comment, <Validation> or <Sentences> a PETRARCH file;
// a "# newdoc", "# sent_id" or "# text" comment or a first word line a
// CoNLL-U file; anything else is text.
InputFormat FormatFromContent(std::string_view head) {
  size_t i = 0;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // byte-order mark
  while (i < head.size() && (head[i] == ' ' || head[i] == '\n' ||
                             head[i] == '\r' || head[i] == '\t')) {
    ++i;
  }
  const std::string_view rest = head.substr(i);
  if (rest.starts_with("{")) return InputFormat::kJsonl;
  if (rest.starts_with("<?xml") || rest.starts_with("<!--") ||
      rest.starts_with("<Validation") || rest.starts_with("<Sentences") ||
      rest.starts_with("<Sentence ")) {
    return InputFormat::kPetrarchXml;
  }
  if (rest.starts_with("# newdoc") || rest.starts_with("# sent_id") ||
      rest.starts_with("# text") || rest.starts_with("1\t")) {
    return InputFormat::kConllu;
  }
  return InputFormat::kText;
}

}  // namespace

namespace io {

std::string DerivedDocumentId(const std::string& path,
                              const std::string& position,
                              std::string_view text) {
  if (path != "-") return position.empty() ? path : path + ":" + position;
  // FNV-1a, 64 bits: stable across runs and machines.
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[24];
  std::snprintf(buf, sizeof buf, "stdin-%016llx",
                static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace io

Result<InputFormat> ParseInputFormat(std::string_view name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "text") return InputFormat::kText;
  if (name == "jsonl") return InputFormat::kJsonl;
  if (name == "xml") return InputFormat::kPetrarchXml;
  if (name == "conllu") return InputFormat::kConllu;
  return Status::Error(ErrorCode::kInvalidArgument,
                       "unknown input format '" + std::string(name) +
                           "' (expected auto, text, jsonl, xml or conllu)");
}

InputFormat FormatFromName(std::string_view path) {
  if (EndsWith(path, ".jsonl") || EndsWith(path, ".ndjson")) {
    return InputFormat::kJsonl;
  }
  if (EndsWith(path, ".xml")) return InputFormat::kPetrarchXml;
  if (EndsWith(path, ".conllu")) return InputFormat::kConllu;
  return InputFormat::kAuto;
}

class DocumentReader::Impl {
  // One file to read, or an input that already failed (e.g. not found).
  // A member type, not one of this file's anonymous namespace: Impl has
  // external linkage, and in the unity build this file is compiled as if
  // included, so a field of an anonymous type drew -Wsubobject-linkage.
  struct PendingInput {
    std::string path;  // as given or found; "-" = stdin
    std::string id;    // document id for plain text
    Status error;
  };

 public:
  Impl(std::vector<std::string> inputs, ReaderOptions options)
      : options_(std::move(options)),
        env_(options_.env ? options_.env : Env::Default()) {
    if (inputs.empty()) inputs.push_back("-");
    for (std::string& in : inputs) Expand(in);
  }

  bool Next(Result<Document>* out) {
    for (;;) {
      if (source_ == nullptr) {
        if (pending_.empty()) return false;
        PendingInput next = std::move(pending_.front());
        pending_.pop_front();
        if (!next.error.ok()) {
          *out = next.error;
          return true;
        }
        auto opened = Open(next);
        if (!opened.ok()) {
          *out = opened.status();
          return true;
        }
        source_ = std::move(opened.value());
        current_path_ = next.path == "-" ? "stdin" : next.path;
        yielded_ = 0;
      }
      last_offset_ = source_->offset();
      if (source_->Next(out)) {
        ++yielded_;
        return true;
      }
      if (Status error = source_->TakeReadError(); !error.ok()) {
        ++yielded_;
        *out = error;
        return true;
      }
      bytes_done_ += source_->offset();
      source_.reset();
      if (yielded_ == 0) {
        // A file with nothing in it is named, not passed over in silence.
        *out = Status::Error(ErrorCode::kEmptyInput,
                             "no documents in this input", current_path_, 0);
        return true;
      }
    }
  }

  uint64_t bytes_read() const {
    return bytes_done_ + (source_ ? source_->offset() : 0);
  }
  uint64_t bytes_total() const { return bytes_total_; }
  const std::string& last_path() const { return current_path_; }
  uint64_t last_offset() const { return last_offset_; }

 private:
  // Adds `input` (a file, a directory read recursively in sorted order, or
  // "-") to the list of files to read.
  void Expand(const std::string& input) {
    if (input == "-") {
      pending_.push_back({"-", "stdin", {}});
      return;
    }
    auto info = env_->Stat(input);
    if (!info.ok()) {
      pending_.push_back({input, {}, info.status()});
      return;
    }
    if (info->kind != FileKind::kDirectory) {
      pending_.push_back({input, fs::path(input).filename().string(), {}});
      bytes_total_ += info->size;
      return;
    }
    auto files = env_->ListFiles(input);
    if (!files.ok()) {
      pending_.push_back({input, {}, files.status()});
      return;
    }
    if (files->empty()) {
      pending_.push_back({input,
                          {},
                          Status::Error(ErrorCode::kEmptyInput,
                                        "no files in this directory", input)});
      return;
    }
    for (const std::string& f : *files) {
      pending_.push_back(
          {f, fs::path(f).lexically_relative(input).string(), {}});
      if (auto size = env_->Stat(f); size.ok()) bytes_total_ += size->size;
    }
  }

  // Opens the file and picks the source for its format.
  Result<std::unique_ptr<io::DocumentSource>> Open(const PendingInput& in) {
    auto opened = io::InputStream::Open(in.path, env_);
    if (!opened.ok()) return opened.status();
    std::unique_ptr<io::InputStream> stream = std::move(opened.value());
    InputFormat format = options_.format;
    if (format == InputFormat::kAuto) format = FormatFromName(in.path);
    if (format == InputFormat::kAuto) {
      format = FormatFromContent(stream->Peek().substr(0, 64));
    }
    switch (format) {
      case InputFormat::kJsonl:
        return io::MakeJsonlSource(std::move(stream), options_);
      case InputFormat::kPetrarchXml:
        return io::MakePetrarchXmlSource(std::move(stream), options_);
      case InputFormat::kConllu:
        return io::MakeConlluSource(std::move(stream), in.id, options_);
      case InputFormat::kAuto:
      case InputFormat::kText:
        break;
    }
    return io::MakeTextSource(std::move(stream), in.id, options_);
  }

  ReaderOptions options_;
  Env* env_;
  std::deque<PendingInput> pending_;
  std::string current_path_;  // of the open source, for errors
  uint64_t yielded_ = 0;      // documents and rejections of the open source
  uint64_t last_offset_ = 0;  // where the last Next() began reading
  std::unique_ptr<io::DocumentSource> source_;
  uint64_t bytes_done_ = 0;
  uint64_t bytes_total_ = 0;
};

DocumentReader::DocumentReader(std::vector<std::string> inputs,
                               ReaderOptions options)
    : impl_(std::make_unique<Impl>(std::move(inputs), std::move(options))) {}

DocumentReader::~DocumentReader() = default;

bool DocumentReader::Next(Result<Document>* out) { return impl_->Next(out); }

uint64_t DocumentReader::bytes_read() const { return impl_->bytes_read(); }
uint64_t DocumentReader::bytes_total() const { return impl_->bytes_total(); }
const std::string& DocumentReader::last_path() const {
  return impl_->last_path();
}
uint64_t DocumentReader::last_offset() const { return impl_->last_offset(); }

}  // namespace curlew
