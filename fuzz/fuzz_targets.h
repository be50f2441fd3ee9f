// Fuzz entry functions, one per reader: each takes arbitrary bytes, runs
// them through a reader (and the stage that consumes its output) and
// returns 0. A crash, a sanitizer report or a hang is the failure; a
// rejection (an error Status) is the expected outcome for most inputs.
//
// They are ordinary functions so that two things can call them: the
// libFuzzer binaries built with -DCURLEW_FUZZ=ON (fuzz/fuzzer_main.cc, one
// binary per entry), and tests/fuzz_smoke_test.cc, which runs each over a
// few thousand mutated inputs with a fixed seed in every ordinary build.
//
// Thread safety: each call is independent; nothing is shared between calls.
#ifndef CURLEW_FUZZ_FUZZ_TARGETS_H_
#define CURLEW_FUZZ_FUZZ_TARGETS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace curlew::fuzz {

// Plain text: Segment() (UTF-8 check, tokens, sentences).
int FuzzText(const uint8_t* data, size_t size);
// JSONL documents through DocumentReader, then Segment().
int FuzzJsonl(const uint8_t* data, size_t size);
// PETRARCH XML through DocumentReader (and the record parser on its own),
// then the given parse converted with BuildFromPtb().
int FuzzPetrarchXml(const uint8_t* data, size_t size);
// CoNLL-U through DocumentReader, then Segment() and WriteConllu().
int FuzzConllu(const uint8_t* data, size_t size);
// A Penn Treebank bracketed parse: ParsePtbForest(), PtbToTokens(),
// BuildFromPtb() against the same bytes as text and with no text.
int FuzzPtb(const uint8_t* data, size_t size);
// PETRARCH dictionary files: the first byte picks the kind (verbs, actors,
// agents, discards, issues, PETR_config.ini), the rest is the file.
int FuzzDictionary(const uint8_t* data, size_t size);
// The whole pipeline, document in, events out in every output format: the
// first byte picks the engine (curlew's built-in knowledge base, or the
// Phoenix dictionaries of ../shared/data/petrarch2 when present) and
// whether the document has a date; the rest is the document's text.
int FuzzPipeline(const uint8_t* data, size_t size);
// The PETRARCH dictionary loader on a folder: the first bytes pick, for
// each file the PETR_config.ini names, one of a directory, a 2 GiB sparse
// file, a FIFO, /dev/zero, a symlink loop, a missing file, an empty file or
// the input's own bytes (as a dictionary of that kind).
int FuzzDictionaryFiles(const uint8_t* data, size_t size);

using FuzzFunction = int (*)(const uint8_t*, size_t);

struct FuzzTarget {
  std::string_view name;
  FuzzFunction function;
  // Inputs tests/fuzz_smoke_test.cc runs in every build (the pipeline and
  // the file loader cost far more per input than a reader).
  int smoke_inputs = 5000;
};

// Every target above, by name ("text", "jsonl", "xml", "conllu", "ptb",
// "dictionary", "pipeline", "dictfiles").
inline constexpr FuzzTarget kFuzzTargets[] = {
    {"text", &FuzzText},
    {"jsonl", &FuzzJsonl},
    {"xml", &FuzzPetrarchXml},
    {"conllu", &FuzzConllu},
    {"ptb", &FuzzPtb},
    {"dictionary", &FuzzDictionary},
    {"pipeline", &FuzzPipeline, 300},
    {"dictfiles", &FuzzDictionaryFiles, 400},
};

}  // namespace curlew::fuzz

#endif  // CURLEW_FUZZ_FUZZ_TARGETS_H_
