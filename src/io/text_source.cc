// Plain-text files: one document per file.
#include <memory>
#include <string>
#include <utility>

#include "curlew/text.h"
#include "io/document_source.h"

namespace curlew::io {

namespace {

class TextSource : public DocumentSource {
 public:
  TextSource(std::unique_ptr<InputStream> stream, std::string id,
             const ReaderOptions& options)
      : stream_(std::move(stream)), id_(std::move(id)), options_(options) {}

  bool Next(Result<Document>* out) override {
    if (done_) return false;
    done_ = true;
    *out = Read();
    return true;
  }

  uint64_t offset() const override { return stream_->offset(); }
  Status TakeReadError() override { return stream_->TakeUnreportedError(); }

 private:
  Result<Document> Read() {
    const std::string& path = stream_->path();
    Document doc;
    doc.id = id_;
    doc.date = options_.default_date;
    switch (stream_->ReadAll(options_.limits.max_document_bytes, &doc.text)) {
      case InputStream::Read::kTooLong:
        return Status::Error(
            ErrorCode::kLimitExceeded,
            "document longer than " +
                std::to_string(options_.limits.max_document_bytes) +
                " bytes (max_document_bytes); skipped",
            path, static_cast<int64_t>(options_.limits.max_document_bytes));
      case InputStream::Read::kError:
        return stream_->status();
      case InputStream::Read::kEnd:
      case InputStream::Read::kOk:
        break;
    }
    if (Status s = ValidateUtf8(doc.text); !s.ok()) return s.WithWhere(path);
    if (IsBlank(doc.text)) {
      return Status::Error(ErrorCode::kEmptyInput, "empty document", path, 0);
    }
    if (path == "-") doc.id = DerivedDocumentId(path, "", doc.text);
    return doc;
  }

  std::unique_ptr<InputStream> stream_;
  std::string id_;
  ReaderOptions options_;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<DocumentSource> MakeTextSource(
    std::unique_ptr<InputStream> stream, std::string id,
    const ReaderOptions& options) {
  return std::make_unique<TextSource>(std::move(stream), std::move(id),
                                      options);
}

}  // namespace curlew::io
