// The fuzz entry functions. Readers are driven through DocumentReader, as
// the CLI drives them; the bytes reach it as an in-memory file (memfd), so
// no fuzz input touches the disk.
#include "fuzz_targets.h"

#include <sys/mman.h>
#include <unistd.h>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "actors/actor_dictionary.h"
#include "curlew/document.h"
#include "curlew/reader.h"
#include "curlew/text.h"
#include "events/dictionaries.h"
#include "events/phrase_lists.h"
#include "events/verb_dictionary.h"
#include "io/conllu.h"
#include "io/petrarch_xml.h"
#include "syntax/ptb.h"

namespace curlew::fuzz {

namespace {

std::string_view Bytes(const uint8_t* data, size_t size) {
  return std::string_view(reinterpret_cast<const char*>(data), size);
}

// Small limits keep one input's work bounded (the defaults are for real
// corpora, not for hostile bytes).
constexpr size_t kMaxDocumentBytes = 1 << 16;

// An anonymous in-memory file holding `bytes`, named by /proc/self/fd/N.
class MemoryFile {
 public:
  explicit MemoryFile(std::string_view bytes) {
    fd_ = memfd_create("curlew-fuzz", 0);
    if (fd_ < 0) return;
    size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t n = write(fd_, bytes.data() + done, bytes.size() - done);
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
  }
  ~MemoryFile() {
    if (fd_ >= 0) close(fd_);
  }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;

  bool ok() const { return fd_ >= 0; }
  std::string path() const { return "/proc/self/fd/" + std::to_string(fd_); }

 private:
  int fd_ = -1;
};

// Reads every document of `bytes` in `format` and hands each good one to
// `fn`.
template <typename Fn>
void ReadDocuments(std::string_view bytes, InputFormat format, Fn fn) {
  MemoryFile file(bytes);
  if (!file.ok()) return;
  ReaderOptions options;
  options.format = format;
  options.max_document_bytes = kMaxDocumentBytes;
  DocumentReader reader({file.path()}, options);
  Result<Document> doc = Status();
  while (reader.Next(&doc)) {
    if (doc.ok()) fn(*doc);
  }
}

TextOptions SmallTextOptions() {
  TextOptions options;
  options.max_document_bytes = kMaxDocumentBytes;
  return options;
}

PtbOptions SmallPtbOptions() {
  PtbOptions options;
  options.max_nodes = 4000;
  options.max_depth = 200;
  return options;
}

}  // namespace

int FuzzText(const uint8_t* data, size_t size) {
  Document doc;
  doc.id = "fuzz";
  doc.text = Bytes(data, size);
  (void)Segment(doc, SmallTextOptions());
  return 0;
}

int FuzzJsonl(const uint8_t* data, size_t size) {
  ReadDocuments(Bytes(data, size), InputFormat::kJsonl,
                [](Document& doc) { (void)Segment(doc, SmallTextOptions()); });
  return 0;
}

int FuzzPetrarchXml(const uint8_t* data, size_t size) {
  const std::string_view bytes = Bytes(data, size);
  (void)ParsePetrarchRecord(bytes, 0);
  ReadDocuments(bytes, InputFormat::kPetrarchXml, [](Document& doc) {
    if (Segment(doc, SmallTextOptions()).ok() && !doc.ptb_parse.empty()) {
      (void)BuildFromPtb(doc, SmallPtbOptions());
    }
  });
  return 0;
}

int FuzzConllu(const uint8_t* data, size_t size) {
  ReadDocuments(Bytes(data, size), InputFormat::kConllu, [](Document& doc) {
    if (!Segment(doc, SmallTextOptions()).ok()) return;
    std::ostringstream out;
    for (const Sentence& s : doc.sentences) WriteConllu(doc, s, out);
  });
  return 0;
}

int FuzzPtb(const uint8_t* data, size_t size) {
  const std::string_view bytes = Bytes(data, size);
  auto forest = ParsePtbForest(bytes, SmallPtbOptions());
  if (!forest.ok()) return 0;
  for (const PtbTree& tree : *forest) {
    std::vector<Token> tokens = PtbToTokens(tree);
    (void)AlignTokens(bytes, 0, tokens);
    (void)PtbHeads(tree);
  }
  Document rebuilt;  // text rebuilt from the words
  rebuilt.ptb_parse = bytes;
  (void)BuildFromPtb(rebuilt, SmallPtbOptions());
  return 0;
}

int FuzzDictionary(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view text = Bytes(data + 1, size - 1);
  const std::string name = "fuzz.txt";
  dict::WordTable words;
  switch (data[0] % 6) {
    case 0: {
      VerbDictionary verbs;
      (void)verbs.LoadText(text, name, words);
      break;
    }
    case 1: {
      ActorDictionary actors;
      if (actors.LoadText(text, name, words).ok()) actors.Finish();
      break;
    }
    case 2: {
      AgentDictionary agents;
      if (agents.LoadText(text, name, words).ok()) agents.Finish();
      break;
    }
    case 3: {
      DiscardList discards;
      (void)discards.LoadText(text, name);
      break;
    }
    case 4: {
      IssueList issues;
      if (issues.LoadText(text, name, words).ok()) issues.Finish();
      break;
    }
    default:
      (void)ParsePetrConfig(text, "fuzz");
      break;
  }
  return 0;
}

}  // namespace curlew::fuzz
