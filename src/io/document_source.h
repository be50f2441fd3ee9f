// DocumentSource: the documents of one open input file in one format.
//
// DocumentReader expands its inputs into files, opens each as an
// InputStream, picks the format and hands the stream to a source made by
// one of the factories below. A format reader (plain text, JSONL, PETRARCH
// XML, CoNLL-U) is one DocumentSource; it reads from the stream as it goes,
// holding one document (or one line) at a time, and reports bad input as a
// rejection naming the file and byte position, then goes on.
//
// A source owns its stream. Thread safety: one source per thread.
#ifndef CURLEW_IO_DOCUMENT_SOURCE_H_
#define CURLEW_IO_DOCUMENT_SOURCE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "curlew/document.h"
#include "curlew/reader.h"
#include "curlew/status.h"
#include "io/input_stream.h"

namespace curlew::io {

class DocumentSource {
 public:
  virtual ~DocumentSource() = default;
  // Sets *out to the next document or to a rejection and returns true;
  // returns false at the end of the file.
  virtual bool Next(Result<Document>* out) = 0;
  // Bytes of the file consumed so far.
  virtual uint64_t offset() const = 0;
  // After Next() returned false: the read error that ended the file early
  // if the source has not reported it itself (ok otherwise), once.
  virtual Status TakeReadError() = 0;
};

// The whole file is one document with id `id` and the default date.
std::unique_ptr<DocumentSource> MakeTextSource(
    std::unique_ptr<InputStream> stream, std::string id,
    const ReaderOptions& options);

// One {"id","date","text","source","url","title"} object per line; a
// missing id becomes "<file>:<line>".
std::unique_ptr<DocumentSource> MakeJsonlSource(
    std::unique_ptr<InputStream> stream, const ReaderOptions& options);

// One document per <Sentence> record (id, date, source, text, ptb_parse);
// a malformed record is one rejection with its byte position.
std::unique_ptr<DocumentSource> MakePetrarchXmlSource(
    std::unique_ptr<InputStream> stream, const ReaderOptions& options);

// One pretokenized document per "# newdoc" (or per file, id `id`), with the
// words, tags and trees of the file; a malformed sentence is one rejection
// with its line, and is left out of its document.
std::unique_ptr<DocumentSource> MakeConlluSource(
    std::unique_ptr<InputStream> stream, std::string id,
    const ReaderOptions& options);

// The id of a document that has none of its own, derived from where it was
// read: "<path>:<position>" (a JSONL line number, an XML record's byte
// offset) for a file. Standard input has no name that outlives the run, so
// its documents get "stdin-" and a 64-bit hash of their text instead: a
// second ingest of other text from stdin is not taken for the first.
std::string DerivedDocumentId(const std::string& path,
                              const std::string& position,
                              std::string_view text);

// True if `s` has only ASCII whitespace.
inline bool IsBlank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

}  // namespace curlew::io

#endif  // CURLEW_IO_DOCUMENT_SOURCE_H_
