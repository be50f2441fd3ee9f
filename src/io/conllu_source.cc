// CoNLL-U files as documents: the sentences from one "# newdoc" comment to
// the next are one pretokenized document (the whole file if there is none),
// with the file's words, tags and trees.
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "curlew/text.h"
#include "io/conllu.h"
#include "io/document_source.h"

namespace curlew::io {

namespace {

// True if the sentence opens a new document ("# newdoc" or
// "# newdoc id = ...").
bool OpensDocument(const ConlluSentence& s) {
  for (const std::string& c : s.comments) {
    std::string_view v(c);
    v.remove_prefix(1);  // '#'
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    if (v.starts_with("newdoc") &&
        (v.size() == 6 || v[6] == ' ' || v[6] == '=')) {
      return true;
    }
  }
  return false;
}

class ConlluSource : public DocumentSource {
 public:
  ConlluSource(std::unique_ptr<InputStream> stream, std::string id,
               const ReaderOptions& options)
      : stream_(std::move(stream)),
        buf_(stream_.get()),
        in_(&buf_),
        reader_(in_, stream_->path(),
                ConlluOptions{options.limits.max_conllu_words}),
        file_id_(std::move(id)),
        options_(options) {}

  bool Next(Result<Document>* out) override {
    for (;;) {
      if (!pending_.ok()) {
        *out = std::exchange(pending_, Status());
        return true;
      }
      if (done_) return false;
      Result<bool> more = reader_.Next(sentence_);
      if (!more.ok()) {
        // The bad sentence is skipped; its document goes on without it.
        const Status& s = more.status();
        const std::string message =
            (open_ ? "document " + doc_.id + ": " : std::string()) +
            s.message() + "; sentence skipped";
        *out =
            s.is_line()
                ? Status::LineError(s.code(), message, s.where(), s.position())
                : Status::Error(s.code(), message, s.where(), s.position());
        return true;
      }
      if (!*more) {
        done_ = true;
        if (!open_) return false;
        *out = Finish();
        return true;
      }
      if (OpensDocument(sentence_) && open_) {
        *out = Finish();  // moves the finished document out first
        Start(sentence_);
        if (Status s = Add(sentence_); !s.ok()) pending_ = s;
        return true;
      }
      if (!open_) Start(sentence_);
      if (Status s = Add(sentence_); !s.ok()) {
        *out = s;
        return true;
      }
    }
  }

  uint64_t offset() const override { return stream_->offset(); }
  Status TakeReadError() override { return stream_->TakeUnreportedError(); }

 private:
  // Begins a document whose first sentence is `first` (added next).
  void Start(const ConlluSentence& first) {
    open_ = true;
    ++documents_;
    doc_ = Document();
    doc_.date = options_.default_date;
    doc_.id = first.Comment("newdoc id");
    derived_id_ = doc_.id.empty() && stream_->path() == "-";
    if (doc_.id.empty()) {
      doc_.id = file_id_;
      if (documents_ > 1) {
        doc_.id += '#';
        doc_.id += std::to_string(documents_);
      }
    }
    first_line_ = first.first_line;
    too_long_ = false;
  }

  // Adds a sentence to the open document; a sentence whose words are not
  // valid UTF-8 or are empty is left out and reported.
  Status Add(const ConlluSentence& s) {
    if (too_long_) return Status();
    for (size_t i = 0; i < s.words.size(); ++i) {
      const std::string& form = s.words[i].form;
      Status bad = form.empty()
                       ? Status::Error(ErrorCode::kParseError, "empty FORM")
                       : ValidateUtf8(form);
      if (!bad.ok()) {
        return Status::LineError(bad.code(),
                                 "word " + s.words[i].id + ": " +
                                     bad.message() + "; sentence skipped",
                                 stream_->path(), s.first_line);
      }
    }
    AppendToDocument(s, doc_);
    if (doc_.text.size() > options_.limits.max_document_bytes) {
      too_long_ = true;
      doc_.text.clear();
      doc_.tokens.clear();
      doc_.sentences.clear();
    }
    return Status();
  }

  Result<Document> Finish() {
    open_ = false;
    if (too_long_) {
      return Status::LineError(
          ErrorCode::kLimitExceeded,
          "document " + doc_.id + " longer than " +
              std::to_string(options_.limits.max_document_bytes) +
              " bytes (max_document_bytes); skipped",
          stream_->path(), first_line_);
    }
    if (doc_.sentences.empty()) {
      return Status::LineError(
          ErrorCode::kEmptyInput,
          "document " + doc_.id + " has no usable sentence", stream_->path(),
          first_line_);
    }
    if (derived_id_) doc_.id = DerivedDocumentId("-", "", doc_.text);
    return std::move(doc_);
  }

  std::unique_ptr<InputStream> stream_;
  InputStreamBuf buf_;
  std::istream in_;
  ConlluReader reader_;
  std::string file_id_;
  ReaderOptions options_;
  ConlluSentence sentence_;
  Status pending_;  // a rejection to yield on the next call
  Document doc_;
  bool open_ = false;
  bool done_ = false;
  bool too_long_ = false;
  bool derived_id_ = false;  // stdin without "# newdoc id": from the text
  int documents_ = 0;
  int64_t first_line_ = 0;
};

}  // namespace

std::unique_ptr<DocumentSource> MakeConlluSource(
    std::unique_ptr<InputStream> stream, std::string id,
    const ReaderOptions& options) {
  return std::make_unique<ConlluSource>(std::move(stream), std::move(id),
                                        options);
}

}  // namespace curlew::io
