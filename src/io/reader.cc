// DocumentReader: expands the inputs into a list of files, then reads one
// file (plain text) or one line (JSONL) at a time.
#include "curlew/reader.h"

#include <algorithm>
#include <deque>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "curlew/text.h"
#include "io/input_stream.h"

namespace curlew {

namespace {

namespace fs = std::filesystem;

// One file to read, or an input that already failed (e.g. not found).
struct PendingInput {
  std::string path;  // as given or found; "-" = stdin
  std::string id;    // document id for plain text
  Status error;
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

InputFormat FormatFromName(const std::string& path) {
  if (EndsWith(path, ".jsonl") || EndsWith(path, ".ndjson")) {
    return InputFormat::kJsonl;
  }
  if (EndsWith(path, ".xml")) return InputFormat::kPetrarchXml;
  if (EndsWith(path, ".conllu")) return InputFormat::kConllu;
  return InputFormat::kAuto;
}

// Guesses the format from the first bytes: '{' opens a JSONL document, an
// XML declaration or <Sentences> a PETRARCH file; anything else is text.
InputFormat FormatFromContent(std::string_view head) {
  size_t i = 0;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // byte-order mark
  while (i < head.size() && (head[i] == ' ' || head[i] == '\n' ||
                             head[i] == '\r' || head[i] == '\t')) {
    ++i;
  }
  const std::string_view rest = head.substr(i);
  if (rest.starts_with("{")) return InputFormat::kJsonl;
  if (rest.starts_with("<?xml") || rest.starts_with("<Sentences") ||
      rest.starts_with("<Sentence ")) {
    return InputFormat::kPetrarchXml;
  }
  if (rest.starts_with("# newdoc") || rest.starts_with("# sent_id")) {
    return InputFormat::kConllu;
  }
  return InputFormat::kText;
}

// The message of a nlohmann parse error without its "[json.exception...]
// parse error at line 1, column 7: " prefix.
std::string JsonMessage(const std::string& what) {
  const size_t col = what.find("column ");
  if (col != std::string::npos) {
    const size_t colon = what.find(": ", col);
    if (colon != std::string::npos) return what.substr(colon + 2);
  }
  return what;
}

// A JSON value as a string: strings as they are, numbers and the like as
// their JSON text, null as "".
std::string JsonString(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return {};
  return v.dump();
}

}  // namespace

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

class DocumentReader::Impl {
 public:
  Impl(std::vector<std::string> inputs, ReaderOptions options)
      : options_(std::move(options)) {
    if (inputs.empty()) inputs.push_back("-");
    for (std::string& in : inputs) Expand(in);
  }

  bool Next(Result<Document>* out) {
    for (;;) {
      if (stream_ == nullptr) {
        if (pending_.empty()) return false;
        PendingInput next = std::move(pending_.front());
        pending_.pop_front();
        if (!next.error.ok()) {
          *out = next.error;
          return true;
        }
        if (Status s = OpenNext(next); !s.ok()) {
          *out = s;
          return true;
        }
        if (format_ != InputFormat::kJsonl) {
          *out = ReadWholeFile(next);
          Close();
          return true;
        }
      }
      if (NextJsonl(out)) return true;
      Close();
    }
  }

  uint64_t bytes_read() const {
    return bytes_done_ + (stream_ ? stream_->offset() : 0);
  }
  uint64_t bytes_total() const { return bytes_total_; }

 private:
  // Adds `input` (a file, a directory read recursively in sorted order, or
  // "-") to the list of files to read.
  void Expand(const std::string& input) {
    if (input == "-") {
      pending_.push_back({"-", "stdin", {}});
      return;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(input, ec);
    if (ec || !fs::exists(st)) {
      pending_.push_back(
          {input,
           {},
           Status::Error(ErrorCode::kNotFound, "no such file", input)});
      return;
    }
    if (!fs::is_directory(st)) {
      pending_.push_back({input, fs::path(input).filename().string(), {}});
      AddSize(input);
      return;
    }
    std::vector<fs::path> files;
    fs::recursive_directory_iterator it(
        input, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (name.starts_with(".")) {  // hidden files and folders
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file()) files.push_back(it->path());
    }
    if (ec) {
      pending_.push_back(
          {input,
           {},
           Status::Error(ErrorCode::kIoError,
                         "cannot list directory: " + ec.message(), input)});
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      pending_.push_back(
          {f.string(), f.lexically_relative(input).string(), {}});
      AddSize(f.string());
    }
  }

  void AddSize(const std::string& path) {
    std::error_code ec;
    const uintmax_t n = fs::file_size(path, ec);
    if (!ec) bytes_total_ += n;
  }

  Status OpenNext(const PendingInput& in) {
    auto opened = io::InputStream::Open(in.path);
    if (!opened.ok()) return opened.status();
    stream_ = std::move(opened.value());
    path_ = in.path;
    line_ = 0;
    format_ = options_.format;
    if (format_ == InputFormat::kAuto) format_ = FormatFromName(in.path);
    if (format_ == InputFormat::kAuto) {
      format_ = FormatFromContent(stream_->Peek().substr(0, 64));
    }
    return Status();
  }

  void Close() {
    if (stream_) bytes_done_ += stream_->offset();
    stream_.reset();
  }

  Result<Document> ReadWholeFile(const PendingInput& in) {
    if (format_ == InputFormat::kPetrarchXml) {
      // Dispatch point: the PETRARCH XML reader (src/io/petrarch_xml.*) is
      // wired in here at merge; until then such files are rejected.
      return Status::Error(ErrorCode::kUnsupported,
                           "PETRARCH XML input is not supported yet", path_);
    }
    if (format_ == InputFormat::kConllu) {
      // Dispatch point: the CoNLL-U reader (src/io/conllu.*) is wired in
      // here at merge; until then such files are rejected.
      return Status::Error(ErrorCode::kUnsupported,
                           "CoNLL-U input is not supported yet", path_);
    }
    Document doc;
    doc.id = in.id;
    doc.date = options_.default_date;
    switch (stream_->ReadAll(options_.max_document_bytes, &doc.text)) {
      case io::InputStream::Read::kTooLong:
        return Status::Error(ErrorCode::kLimitExceeded,
                             "document longer than " +
                                 std::to_string(options_.max_document_bytes) +
                                 " bytes (max_document_bytes); skipped",
                             path_,
                             static_cast<int64_t>(options_.max_document_bytes));
      case io::InputStream::Read::kError:
        return stream_->status();
      case io::InputStream::Read::kEnd:
      case io::InputStream::Read::kOk:
        break;
    }
    if (Status s = ValidateUtf8(doc.text); !s.ok()) return s.WithWhere(path_);
    if (IsBlank(doc.text)) {
      return Status::Error(ErrorCode::kEmptyInput, "empty document", path_, 0);
    }
    return doc;
  }

  static bool IsBlank(std::string_view s) {
    return s.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
  }

  // Reads JSONL lines until one yields a document or a rejection (true) or
  // the file ends (false).
  bool NextJsonl(Result<Document>* out) {
    for (;;) {
      const uint64_t start = stream_->offset();
      const auto r = stream_->ReadLine(options_.max_document_bytes, &line_buf_);
      if (r == io::InputStream::Read::kEnd) return false;
      ++line_;
      if (r == io::InputStream::Read::kError) {
        *out = stream_->status();
        return true;
      }
      if (r == io::InputStream::Read::kTooLong) {
        *out = Status::Error(ErrorCode::kLimitExceeded,
                             LinePrefix() + "longer than " +
                                 std::to_string(options_.max_document_bytes) +
                                 " bytes (max_document_bytes); skipped",
                             path_, static_cast<int64_t>(start));
        return true;
      }
      if (IsBlank(line_buf_)) continue;
      *out = ParseJsonl(start);
      return true;
    }
  }

  std::string LinePrefix() const {
    return "line " + std::to_string(line_) + ": ";
  }

  Result<Document> ParseJsonl(uint64_t start) {
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(line_buf_);
    } catch (const nlohmann::json::parse_error& e) {
      const int64_t at = static_cast<int64_t>(start) +
                         static_cast<int64_t>(e.byte > 0 ? e.byte - 1 : 0);
      const ErrorCode code = e.id == 101 && std::string_view(e.what()).find(
                                                "UTF-8") != std::string::npos
                                 ? ErrorCode::kInvalidUtf8
                                 : ErrorCode::kParseError;
      return Status::Error(
          code, LinePrefix() + "malformed JSON: " + JsonMessage(e.what()),
          path_, at);
    }
    if (!j.is_object()) {
      return Status::Error(ErrorCode::kParseError,
                           LinePrefix() + "not a JSON object", path_,
                           static_cast<int64_t>(start));
    }
    Document doc;
    const auto text = j.find("text");
    if (text == j.end() || !text->is_string()) {
      return Status::Error(ErrorCode::kParseError,
                           LinePrefix() + "no \"text\" string", path_,
                           static_cast<int64_t>(start));
    }
    doc.text = text->get<std::string>();
    for (auto [key, field] :
         {std::pair{"id", &doc.id}, std::pair{"date", &doc.date},
          std::pair{"source", &doc.source}, std::pair{"url", &doc.url},
          std::pair{"title", &doc.title}}) {
      if (auto v = j.find(key); v != j.end()) *field = JsonString(*v);
    }
    if (doc.id.empty()) doc.id = path_ + ":" + std::to_string(line_);
    if (doc.date.empty()) doc.date = options_.default_date;
    if (Status s = ValidateUtf8(doc.text); !s.ok()) {
      return Status::Error(s.code(),
                           LinePrefix() + "document " + doc.id + ": \"text\" " +
                               s.message() + " at byte " +
                               std::to_string(s.position()) + " of the text",
                           path_, static_cast<int64_t>(start));
    }
    if (IsBlank(doc.text)) {
      return Status::Error(
          ErrorCode::kEmptyInput,
          LinePrefix() + "document " + doc.id + ": empty \"text\"", path_,
          static_cast<int64_t>(start));
    }
    return doc;
  }

  ReaderOptions options_;
  std::deque<PendingInput> pending_;
  std::unique_ptr<io::InputStream> stream_;
  std::string path_;
  InputFormat format_ = InputFormat::kAuto;
  int64_t line_ = 0;
  std::string line_buf_;
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

}  // namespace curlew
