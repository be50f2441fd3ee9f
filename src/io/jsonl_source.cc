// JSONL documents: one JSON object per line, read line by line.
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "curlew/text.h"
#include "io/document_source.h"

namespace curlew::io {

namespace {

// The message of a nlohmann parse error without its "[json.exception...]
// parse error at line 1, column 7: " prefix.
std::string JsonMessage(const std::string& what) {
  const size_t col = what.find("column ");
  if (col != std::string::npos) {
    const size_t colon = what.find(": ", col);
    if (colon != std::string::npos) return what.substr(colon + 2);
  }
  if (what.starts_with("[json.exception.")) {
    const size_t end = what.find("] ");
    if (end != std::string::npos) return what.substr(end + 2);
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

class JsonlSource : public DocumentSource {
 public:
  JsonlSource(std::unique_ptr<InputStream> stream, const ReaderOptions& options)
      : stream_(std::move(stream)), options_(options) {}

  // Reads lines until one yields a document or a rejection (true) or the
  // file ends (false).
  bool Next(Result<Document>* out) override {
    for (;;) {
      const uint64_t start = stream_->offset();
      const auto r =
          stream_->ReadLine(options_.limits.max_document_bytes, &line_buf_);
      if (r == InputStream::Read::kEnd) return false;
      ++line_;
      if (r == InputStream::Read::kError) {
        *out = stream_->status();
        return true;
      }
      if (r == InputStream::Read::kTooLong) {
        *out = Status::Error(
            ErrorCode::kLimitExceeded,
            LinePrefix() + "longer than " +
                std::to_string(options_.limits.max_document_bytes) +
                " bytes (max_document_bytes); skipped",
            path(), static_cast<int64_t>(start));
        return true;
      }
      if (IsBlank(line_buf_)) continue;
      *out = Parse(start);
      return true;
    }
  }

  uint64_t offset() const override { return stream_->offset(); }
  Status TakeReadError() override { return stream_->TakeUnreportedError(); }

 private:
  const std::string& path() const { return stream_->path(); }

  std::string LinePrefix() const {
    return "line " + std::to_string(line_) + ": ";
  }

  // The document on the line just read, which starts at byte `start`.
  Result<Document> Parse(uint64_t start) {
    const auto at_start = static_cast<int64_t>(start);
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(line_buf_);
    } catch (const nlohmann::json::parse_error& e) {
      const int64_t at =
          at_start + static_cast<int64_t>(e.byte > 0 ? e.byte - 1 : 0);
      const ErrorCode code = e.id == 101 && std::string_view(e.what()).find(
                                                "UTF-8") != std::string::npos
                                 ? ErrorCode::kInvalidUtf8
                                 : ErrorCode::kParseError;
      return Status::Error(
          code, LinePrefix() + "malformed JSON: " + JsonMessage(e.what()),
          path(), at);
    } catch (const nlohmann::json::exception& e) {
      // Valid syntax the library cannot hold, such as a number out of the
      // range of a double (1e400): the line is rejected like bad syntax.
      return Status::Error(
          ErrorCode::kParseError,
          LinePrefix() + "unreadable JSON value: " + JsonMessage(e.what()),
          path(), at_start);
    }
    if (!j.is_object()) {
      return Status::Error(ErrorCode::kParseError,
                           LinePrefix() + "not a JSON object", path(),
                           at_start);
    }
    const auto text = j.find("text");
    if (text == j.end() || !text->is_string()) {
      return Status::Error(ErrorCode::kParseError,
                           LinePrefix() + "no \"text\" string", path(),
                           at_start);
    }
    Document doc;
    doc.text = text->get<std::string>();
    for (auto [key, field] :
         {std::pair{"id", &doc.id}, std::pair{"date", &doc.date},
          std::pair{"source", &doc.source}, std::pair{"url", &doc.url},
          std::pair{"title", &doc.title}}) {
      if (auto v = j.find(key); v != j.end()) *field = JsonString(*v);
    }
    if (doc.id.empty()) {
      doc.id = DerivedDocumentId(path(), std::to_string(line_), doc.text);
    }
    if (doc.date.empty()) doc.date = options_.default_date;
    if (Status s = ValidateUtf8(doc.text); !s.ok()) {
      return Status::Error(s.code(),
                           LinePrefix() + "document " + doc.id + ": \"text\" " +
                               s.message() + " at byte " +
                               std::to_string(s.position()) + " of the text",
                           path(), at_start);
    }
    if (IsBlank(doc.text)) {
      return Status::Error(
          ErrorCode::kEmptyInput,
          LinePrefix() + "document " + doc.id + ": empty \"text\"", path(),
          at_start);
    }
    return doc;
  }

  std::unique_ptr<InputStream> stream_;
  ReaderOptions options_;
  int64_t line_ = 0;
  std::string line_buf_;
};

}  // namespace

std::unique_ptr<DocumentSource> MakeJsonlSource(
    std::unique_ptr<InputStream> stream, const ReaderOptions& options) {
  return std::make_unique<JsonlSource>(std::move(stream), options);
}

}  // namespace curlew::io
