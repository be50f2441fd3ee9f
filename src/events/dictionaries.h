// Dictionaries: one PETRARCH-format dictionary set (verbs, actors, agents,
// discards, issues) sharing one WordTable. Loaded once, immutable and shared
// (std::shared_ptr<const Dictionaries>) by every thread that codes.
//
// LoadDictionaries(dir) reads dir/PETR_config.ini for the file names
// (verbfile_name, actorfile_list, agentfile_name, discardfile_name,
// issuefile_name); the same loader reads curlew's built-in knowledge base
// (data/kb, a PETRARCH-format set with such a config file).
#ifndef CURLEW_EVENTS_DICTIONARIES_H_
#define CURLEW_EVENTS_DICTIONARIES_H_

#include <memory>
#include <string>
#include <vector>

#include "actors/actor_dictionary.h"
#include "actors/dict_util.h"
#include "curlew/status.h"
#include "events/phrase_lists.h"
#include "events/verb_dictionary.h"

namespace curlew {

// File names of a set; empty names are skipped.
struct DictionaryFiles {
  std::string verbs;
  std::vector<std::string> actors;
  std::string agents;
  std::string discards;
  std::string issues;
};

struct Dictionaries {
  dict::WordTable words;
  VerbDictionary verbs;
  ActorDictionary actors;
  AgentDictionary agents;
  DiscardList discards;
  IssueList issues;
};

// Loads the files (paths as given).
Result<std::shared_ptr<const Dictionaries>> LoadDictionaryFiles(
    const DictionaryFiles& files);
// Loads several sets into one, the first on top: its actor and agent
// phrases win over the same phrases of later sets, its verbs' patterns are
// tried with the others and win ties.
Result<std::shared_ptr<const Dictionaries>> LoadDictionaryFiles(
    const std::vector<DictionaryFiles>& sets);

// Reads `dir`/PETR_config.ini and loads the set it names (paths relative to
// `dir`). `add_dirs` (curlew --add-dicts) are users' folders stacked on top
// of it, see DictionaryFilesIn.
Result<std::shared_ptr<const Dictionaries>> LoadDictionaries(
    const std::string& dir, const std::vector<std::string>& add_dirs = {});

// The dictionary files of a user's folder: those its PETR_config.ini names
// (a verb file is then optional), or, without one, its *.txt files by name:
// "*actors*" actors, "*agents*" agents, "*verbs*" or "CAMEO*" verbs,
// "*discards*" discards, "*issue*" issues. An error if it has none.
Result<DictionaryFiles> DictionaryFilesIn(const std::string& dir);

// Parses the [Dictionaries] keys of a PETR_config.ini text (an error
// without verbfile_name unless `verbs_optional`).
Result<DictionaryFiles> ParsePetrConfig(std::string_view text,
                                        const std::string& name,
                                        bool verbs_optional = false);

}  // namespace curlew

#endif  // CURLEW_EVENTS_DICTIONARIES_H_
