// PETRARCH XML files as documents: one document per <Sentence> record, with
// its id, date, source, text and given Penn parse.
#include <istream>
#include <memory>
#include <string>
#include <utility>

#include "curlew/text.h"
#include "io/document_source.h"
#include "io/petrarch_xml.h"

namespace curlew::io {

namespace {

class PetrarchSource : public DocumentSource {
 public:
  PetrarchSource(std::unique_ptr<InputStream> stream,
                 const ReaderOptions& options)
      : stream_(std::move(stream)),
        buf_(stream_.get()),
        default_date_(options.default_date) {
    PetrarchXmlOptions xml_options;
    xml_options.max_record_bytes = options.limits.max_document_bytes;
    reader_ = std::make_unique<PetrarchXmlReader>(
        stream_->path(), std::make_unique<std::istream>(&buf_), xml_options);
  }

  bool Next(Result<Document>* out) override {
    Result<PetrarchRecord> rec = Status();
    if (!reader_->Next(&rec)) return false;
    if (!rec.ok()) {
      *out = rec.status();
      return true;
    }
    *out = ToDocument(*rec);
    return true;
  }

  uint64_t offset() const override { return reader_->bytes_read(); }
  Status TakeReadError() override { return stream_->TakeUnreportedError(); }

 private:
  Result<Document> ToDocument(const PetrarchRecord& rec) {
    const std::string& path = stream_->path();
    const auto at = static_cast<int64_t>(rec.offset);
    const std::string prefix = "record " + rec.id + ": ";
    if (Status s = ValidateUtf8(rec.text); !s.ok()) {
      return Status::Error(s.code(),
                           prefix + "<Text> " + s.message() + " at byte " +
                               std::to_string(s.position()) + " of the text",
                           path, at);
    }
    if (Status s = ValidateUtf8(rec.parse); !s.ok()) {
      return Status::Error(s.code(), prefix + "<Parse> " + s.message(), path,
                           at);
    }
    // The text may be rebuilt from a given parse; without both there is
    // nothing to code.
    if (IsBlank(rec.text) && IsBlank(rec.parse)) {
      return Status::Error(ErrorCode::kEmptyInput,
                           prefix + "empty <Text> and no <Parse>", path, at);
    }
    Document doc = RecordToDocument(rec);
    if (doc.id.empty()) {
      doc.id = DerivedDocumentId(path, std::to_string(rec.offset), doc.text);
    }
    if (doc.date.empty()) doc.date = default_date_;
    return doc;
  }

  std::unique_ptr<InputStream> stream_;
  InputStreamBuf buf_;
  std::string default_date_;
  std::unique_ptr<PetrarchXmlReader> reader_;
};

}  // namespace

std::unique_ptr<DocumentSource> MakePetrarchXmlSource(
    std::unique_ptr<InputStream> stream, const ReaderOptions& options) {
  return std::make_unique<PetrarchSource>(std::move(stream), options);
}

}  // namespace curlew::io
