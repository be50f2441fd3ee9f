// PETRARCH XML input: the validation/unit-test files and PETRARCH-style
// corpora (<Sentence date= id= category= sentence=> with <Text>, <Parse>,
// <EventCoding ...>, <Config option= value=>, and an <Environment> block).
//
// PetrarchXmlReader streams a file: it holds one record (plus a read-ahead
// chunk) in memory. A malformed record yields an error naming the file and
// the byte position, and the next call goes on with the following record.
//
// Thread safety: one reader per thread.
#ifndef CURLEW_IO_PETRARCH_XML_H_
#define CURLEW_IO_PETRARCH_XML_H_

#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "curlew/document.h"
#include "curlew/status.h"

namespace curlew {

// One expected event of a validation record.
struct PetrarchCoding {
  std::string source;
  std::string target;
  std::string code;
};

struct PetrarchRecord {
  std::string id;
  std::string date;  // "YYYY-MM-DD" (from "YYYYMMDD"), "" if absent
  std::string category;
  std::string source;       // source="AFP", "" if absent
  bool is_sentence = true;  // sentence="true"
  std::string text;         // <Text>, whitespace runs collapsed to one space
  std::string parse;        // <Parse>, as given
  std::vector<PetrarchCoding> expected;
  bool noevents = false;  // <EventCoding noevents="True">
  std::string error;      // <EventCoding error="...">, "" if none
  // <Config option= value=> inside the record, preceded by those placed
  // between the previous record and this one; they stay in force for the
  // following records.
  std::vector<std::pair<std::string, std::string>> config;  // option, value
  uint64_t offset = 0;  // byte offset of the record in the file
};

// The <Environment> block: dictionary file names (relative to the XML file).
struct PetrarchEnvironment {
  std::string verbfile;
  std::vector<std::string> actorfiles;
  std::string agentfile;
  std::string discardfile;
  std::string issuefile;
  std::string include;  // <Include> categories, space-separated
  std::vector<std::pair<std::string, std::string>> config;
  bool present = false;
};

struct PetrarchXmlOptions {
  // Longest record accepted, in bytes. Default: 4 MiB.
  size_t max_record_bytes = 4u << 20;
};

class PetrarchXmlReader {
 public:
  // Reads `in`; `name` is used in error messages.
  PetrarchXmlReader(std::string name, std::unique_ptr<std::istream> in,
                    PetrarchXmlOptions options = {});
  static Result<std::unique_ptr<PetrarchXmlReader>> Open(
      const std::string& path, PetrarchXmlOptions options = {});

  // Sets *out to the next record or to an error and returns true; returns
  // false at the end of the input.
  bool Next(Result<PetrarchRecord>* out);

  // The <Environment> block, once it has been read (it precedes the
  // records, so it is known after the first Next()).
  const PetrarchEnvironment& environment() const { return env_; }
  uint64_t bytes_read() const { return base_ + pos_; }

 private:
  bool Fill();
  // Finds `what` at or after `from`, reading more input as needed.
  size_t Find(std::string_view what, size_t from);
  void Consume();

  std::string name_;
  std::unique_ptr<std::istream> in_;
  PetrarchXmlOptions options_;
  PetrarchEnvironment env_;
  // <Config> elements seen between records, for the next record.
  std::vector<std::pair<std::string, std::string>> pending_config_;
  std::string buf_;
  size_t pos_ = 0;     // position in buf_
  uint64_t base_ = 0;  // file offset of buf_[0]
  bool eof_ = false;
};

// Parses one record's XML ("<Sentence ...>...</Sentence>"); `offset` is its
// byte offset in the file, for error positions.
Result<PetrarchRecord> ParsePetrarchRecord(std::string_view xml,
                                           uint64_t offset);

// The document of a record: id, date, source, text and ptb_parse.
Document RecordToDocument(const PetrarchRecord& record);

// Decodes the five XML entities.
std::string XmlUnescape(std::string_view s);

}  // namespace curlew

#endif  // CURLEW_IO_PETRARCH_XML_H_
