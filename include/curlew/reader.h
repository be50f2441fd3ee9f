// Document readers: files, directories, stdin; plain text, JSONL documents,
// PETRARCH XML and CoNLL-U.
//
// A DocumentReader streams: it holds one document (or one input line) at a
// time, so memory stays flat on inputs of many gigabytes. Bad input never
// stops the batch: Next() yields a rejection (a Status naming the file or
// document and the byte position) and the following call goes on with the
// rest.
//
// Thread safety: one reader per thread.
#ifndef CURLEW_READER_H_
#define CURLEW_READER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "curlew/document.h"
#include "curlew/env.h"
#include "curlew/limits.h"
#include "curlew/status.h"

namespace curlew {

enum class InputFormat {
  kAuto,         // by file extension (.jsonl, .xml, .conllu), else by content
  kText,         // one document per file; id = file name
  kJsonl,        // one {"id","date","text",...} object per line
  kPetrarchXml,  // <Sentence date= id=><Text>..</Text><Parse>..</Parse>
  kConllu,       // CoNLL-U; one document per "# newdoc" (or per file)
};

// Parses "auto", "text", "jsonl", "xml" or "conllu".
Result<InputFormat> ParseInputFormat(std::string_view name);

// The format a file's name says (.jsonl or .ndjson, .xml, .conllu), else
// kAuto (then its first bytes decide when it is read).
InputFormat FormatFromName(std::string_view path);

struct ReaderOptions {
  InputFormat format = InputFormat::kAuto;
  // Publication date given to plain-text documents ("YYYY-MM-DD"); empty:
  // none.
  std::string default_date;
  // Input bounds; the reader uses max_document_bytes (also per JSONL line
  // and per PETRARCH XML record) and max_conllu_words.
  Limits limits;
  // Where files are read from. Default (null): Env::Default().
  Env* env = nullptr;
};

class DocumentReader {
 public:
  // `inputs`: file names, directory names (read recursively, in sorted
  // order) or "-" for stdin. An empty list means stdin.
  DocumentReader(std::vector<std::string> inputs, ReaderOptions options = {});
  ~DocumentReader();
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;

  // Sets *out to the next document or to a rejection and returns true;
  // returns false when every input is exhausted.
  bool Next(Result<Document>* out);

  // Bytes of input consumed so far and the total known size (0 if unknown,
  // e.g. stdin); for progress reports.
  uint64_t bytes_read() const;
  uint64_t bytes_total() const;
  // The input the last Next() read from ("stdin" for "-") and the byte
  // offset in it where that read began (for a document: roughly where it
  // starts), to say where a document came from.
  const std::string& last_path() const;
  uint64_t last_offset() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace curlew

#endif  // CURLEW_READER_H_
