// The fuzz entry functions. Readers are driven through DocumentReader, as
// the CLI drives them; the bytes reach it as an in-memory file (memfd), so
// no fuzz input touches the disk.
#include "fuzz_targets.h"

#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "actors/actor_dictionary.h"
#include "curlew/document.h"
#include "curlew/engine.h"
#include "curlew/event_record.h"
#include "curlew/reader.h"
#include "curlew/text.h"
#include "events/dictionaries.h"
#include "events/phrase_lists.h"
#include "events/verb_dictionary.h"
#include "io/conllu.h"
#include "io/event_sink.h"
#include "io/petrarch_xml.h"
#include "syntax/ptb.h"
#include "testing/memory_env.h"

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
  options.limits.max_document_bytes = kMaxDocumentBytes;
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

// Engines are built once per process (loading a model and a dictionary set
// takes seconds) and shared by every input, as in a real run.
const Engine* MakeEngine(const std::string& dicts) {
  EngineOptions options;
  options.dicts_dir = dicts;
  options.limits.max_document_bytes = kMaxDocumentBytes;
  auto engine = Engine::Create(options);
  return engine.ok() ? std::move(*engine).release() : nullptr;
}

const Engine* BuiltinEngine() {
  static const Engine* engine = MakeEngine("");
  return engine;
}

const Engine* PhoenixEngine() {
#ifdef CURLEW_SHARED_DIR
  static const Engine* engine = [] {
    const std::string dir = std::string(CURLEW_SHARED_DIR) + "/data/petrarch2";
    return std::filesystem::exists(dir + "/PETR_config.ini") ? MakeEngine(dir)
                                                             : nullptr;
  }();
  return engine;
#else
  return nullptr;
#endif
}

// A folder of odd files for the dictionary loader, made once per process
// and removed at exit.
class OddFolder {
 public:
  OddFolder() {
    char tmpl[] = "/tmp/curlew-fuzz-dicts-XXXXXX";
    if (mkdtemp(tmpl) == nullptr) return;
    dir_ = tmpl;
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directory(dir_ + "/dir", ec);
    { std::ofstream huge(dir_ + "/huge"); }
    // 2 GiB that take no disk space: over the dictionary file limit.
    fs::resize_file(dir_ + "/huge", uint64_t{2} << 30, ec);
    mkfifo((dir_ + "/fifo").c_str(), 0600);
    fs::create_symlink("/dev/zero", dir_ + "/zero", ec);
    fs::create_symlink(dir_ + "/loop", dir_ + "/loop", ec);
    std::ofstream(dir_ + "/empty").flush();
  }
  ~OddFolder() {
    std::error_code ec;
    if (!dir_.empty()) std::filesystem::remove_all(dir_, ec);
  }
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
};

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

int FuzzPipeline(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const Engine* engine = data[0] % 2 == 0 ? BuiltinEngine() : PhoenixEngine();
  if (engine == nullptr) return 0;  // no Phoenix set on this machine
  Document doc;
  doc.id = "fuzz";
  if (data[0] & 2) doc.date = "2020-12-31";
  doc.text = Bytes(data + 1, size - 1);
  if (!engine->Process(doc).ok()) return 0;
  (void)engine->LedgerInputOf(doc);
  io::SinkOptions sink_options;
  sink_options.places = engine->places();
  const std::vector<EventRecord> records =
      RecordsOf(doc, 1, "2024-01-01 00:00:00");
  for (const std::string& format : io::EventFormatNames()) {
    testing::StringFile out;
    auto sink = io::MakeEventSink(format, &out, sink_options);
    if (!sink.ok()) continue;
    for (const EventRecord& r : records) (void)(*sink)->Write(r);
    (void)(*sink)->Finish();
  }
  return 0;
}

int FuzzDictionaryFiles(const uint8_t* data, size_t size) {
  static const OddFolder folder;
  if (folder.dir().empty() || size < 6) return 0;
  static const char* const kNames[] = {"dir",  "huge",    "fifo",  "zero",
                                       "loop", "missing", "empty", "data"};
  auto pick = [&](uint8_t b) { return std::string(kNames[b % 8]); };
  const std::string_view rest = Bytes(data + 6, size - 6);
  {
    std::ofstream f(folder.dir() + "/data", std::ios::binary | std::ios::trunc);
    f.write(rest.data(), static_cast<std::streamsize>(rest.size()));
  }
  std::string config = "[Dictionaries]\nverbfile_name = " + pick(data[0]) +
                       "\nactorfile_list = " + pick(data[1]) + ", " +
                       pick(data[2]) + "\nagentfile_name = " + pick(data[3]) +
                       "\ndiscardfile_name = " + pick(data[4]) +
                       "\nissuefile_name = " + pick(data[5]) + "\n";
  {
    std::ofstream f(folder.dir() + "/PETR_config.ini", std::ios::trunc);
    f << config;
  }
  (void)LoadDictionaries(folder.dir());
  return 0;
}

}  // namespace curlew::fuzz
