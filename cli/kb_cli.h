// Helpers of the subcommands that look things up in the dictionaries
// without coding (curlew actor, curlew codes): loading the set the coder
// would use (built-in knowledge base, --dicts, --add-dicts), splitting a
// name into dictionary words as the coder does, naming actor codes.
//
// Everything here is read-only after loading; single-threaded CLI use.
#ifndef CURLEW_CLI_KB_CLI_H_
#define CURLEW_CLI_KB_CLI_H_

#include <CLI/CLI.hpp>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "curlew/status.h"
#include "events/dictionaries.h"

namespace curlew::cli {

struct KbArgs {
  std::string dicts;                   // --dicts DIR
  std::vector<std::string> add_dicts;  // --add-dicts DIR...
};

// --dicts and --add-dicts, as `curlew code` has them.
void AddKbOptions(CLI::App& sub, KbArgs& args);

// The dictionaries `curlew code` would code with.
Result<std::shared_ptr<const Dictionaries>> LoadKb(const KbArgs& args);

// The words of `text` as the coder sees them: curlew's tokens, upper case,
// diacritics folded.
std::vector<std::string> DictWords(std::string_view text);

// Their ids in `words` (dict::kNoWord for a word no dictionary has).
std::vector<uint32_t> WordIds(const dict::WordTable& words,
                              const std::vector<std::string>& upper);

// A path shown to users: relative to the current folder when inside it.
std::string ShortPath(const std::string& path);

// "2016-05-01" -> 20160501; 0 for "", -1 if malformed.
int32_t ParseCliDate(const std::string& date);

// Names of the parts of actor codes: countries (the gazetteer), roles,
// regions, religions and organisations (data/kb/actor_codes.tsv).
class CodeNames {
 public:
  static Result<CodeNames> Load(const std::string& kb_dir);
  // The meaning of one part ("TUR" -> "Turkey", "GOV" -> "government ...");
  // nullptr if unknown.
  const std::string* Find(std::string_view part) const;
  // `code` cut into known parts, longest first ("TURGOVMIL" -> TUR GOV
  // MIL); empty if some part is unknown.
  std::vector<std::string> Split(std::string_view code) const;

 private:
  std::map<std::string, std::string, std::less<>> names_;
  size_t longest_ = 0;
};

}  // namespace curlew::cli

#endif  // CURLEW_CLI_KB_CLI_H_
