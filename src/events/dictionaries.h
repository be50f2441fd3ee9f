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

// Reads `dir`/PETR_config.ini and loads the set it names (paths relative to
// `dir`).
Result<std::shared_ptr<const Dictionaries>> LoadDictionaries(
    const std::string& dir);

// Parses the [Dictionaries] keys of a PETR_config.ini text.
Result<DictionaryFiles> ParsePetrConfig(std::string_view text,
                                        const std::string& name);

}  // namespace curlew

#endif  // CURLEW_EVENTS_DICTIONARIES_H_
