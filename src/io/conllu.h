// CoNLL-U reading and writing.
//
// ConlluReader streams a CoNLL-U file one sentence at a time into
// ConlluSentence values that keep everything needed to write the sentence
// back byte for byte: comments (`# text`, `# sent_id`, `# newdoc` and any
// other), multiword-token ranges ("1-2") and empty nodes ("8.1"), and the ten
// columns of every word. AppendToDocument() adds a sentence's words to a
// curlew::Document as Tokens (Document::pretokenized = true), building
// Document::text from the word forms with SpaceAfter=No respected.
//
// Errors are Status values naming the file and the 1-based line.
//
// Thread safety: a ConlluReader is used by one thread; the free functions are
// reentrant.
#ifndef CURLEW_IO_CONLLU_H_
#define CURLEW_IO_CONLLU_H_

#include <cstdint>
#include <fstream>
#include <istream>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "curlew/document.h"
#include "curlew/status.h"

namespace curlew {

// One word line: the ten CoNLL-U columns as written ("_" kept as "_"),
// except `head`, which is parsed (-1 when the column is "_").
struct ConlluWord {
  std::string id;  // "3"
  std::string form, lemma, upos, xpos, feats;
  int head = -1;
  std::string deprel, deps, misc;
  // True unless MISC holds SpaceAfter=No.
  bool SpaceAfter() const;
};

// A multiword-token line ("19-20 don't _ ...") or an empty node ("8.1"),
// kept verbatim and placed before the word with index `before_word`.
struct ConlluExtraLine {
  size_t before_word = 0;  // index into ConlluSentence::words
  std::string line;
  bool multiword = false;   // range line rather than empty node
  int first = 0, last = 0;  // range bounds for a multiword token
};

struct ConlluSentence {
  std::vector<std::string> comments;  // full lines, starting with '#'
  std::vector<ConlluWord> words;
  std::vector<ConlluExtraLine> extras;
  int64_t first_line = 0;  // line number of the first line, for errors
  int64_t first_byte = 0;  // byte offset of the first line, for errors

  // The value of a "# key = value" comment, or "" if absent.
  std::string Comment(std::string_view key) const;
};

struct ConlluOptions {
  // Longest sentence accepted, in words. Default: 10000.
  size_t max_words = 10000;
};

class ConlluReader {
 public:
  // Reads from `in` (not owned; must outlive the reader). `name` is used in
  // error messages.
  ConlluReader(std::istream& in, std::string name, ConlluOptions options = {});
  // Opens a file.
  static Result<std::unique_ptr<ConlluReader>> Open(const std::string& path,
                                                    ConlluOptions options = {});

  // Reads the next sentence into `out`. Returns false at the end of input,
  // or an error naming the file and line; after an error the rest of the
  // bad sentence is skipped, so the next call reads the following one.
  // A sentence whose HEAD column does not make one tree (a head outside
  // the sentence, a word its own head, a cycle, no root or two roots, heads
  // given for some words only) is an error naming the file and the byte
  // offset of the sentence (the message gives its line).
  Result<bool> Next(ConlluSentence& out);

 private:
  // Consumes lines up to the blank line that ends the current sentence and
  // returns `error`.
  Status SkipSentence(Status error);

  std::unique_ptr<std::ifstream> file_;
  std::istream& in_;
  std::string name_;
  ConlluOptions options_;
  int64_t line_no_ = 0;
  int64_t byte_ = 0;  // offset of the next unread line
};

// Ok if the HEAD columns of `sentence` make one rooted tree (or are all
// "_"); otherwise a kParseError saying what is wrong, without a place.
Status CheckTree(const ConlluSentence& sentence);

// Appends the words of `sentence` to `doc` as one Sentence of Tokens, with
// form, tags, lemma, head and deprel copied. Sets doc.pretokenized.
void AppendToDocument(const ConlluSentence& sentence, Document& doc);

// Reads a whole file into one Document (one Sentence per CoNLL-U sentence);
// if `sentences` is non-null the parsed sentences are stored there too.
Result<Document> ReadConlluFile(
    const std::string& path, std::vector<ConlluSentence>* sentences = nullptr,
    ConlluOptions options = {});

// Writes one sentence followed by a blank line.
void WriteConllu(const ConlluSentence& sentence, std::ostream& out);

// Writes a sentence of `doc` from its Tokens (columns curlew does not know
// are "_"), with a "# text" comment.
void WriteConllu(const Document& doc, const Sentence& sentence,
                 std::ostream& out);

}  // namespace curlew

#endif  // CURLEW_IO_CONLLU_H_
