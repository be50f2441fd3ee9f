// DocumentMemory: what the sentences before have established in one
// document, for resolving later mentions: the actor the last sentence was
// about (for "He stressed ..."), and the names of people seen beside an
// actor ("Turkish Foreign Minister Mevlut Cavusoglu" makes a later
// "Cavusoglu" TURGOV), the last named holder of each role ("the minister"
// after "Turkish Foreign Minister Mevlut Cavusoglu"), and the actors named
// most recently ("the two leaders").
//
// Owned by the actors stage for the length of one document; one thread.
#ifndef CURLEW_ACTORS_DOCUMENT_MEMORY_H_
#define CURLEW_ACTORS_DOCUMENT_MEMORY_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace curlew {

class DocumentMemory {
 public:
  // The code of the last sentence's main subject, "" if none.
  const std::string& last_subject() const { return last_subject_; }
  // The last main subject that can be "he"/"she" (a code with a role:
  // "TURGOV") and the last that can be "it" (a state or organisation
  // itself: "TUR", "IGOUNO"); "" if none.
  const std::string& last_personal() const { return last_personal_; }
  const std::string& last_neuter() const { return last_neuter_; }
  // "" : the subject was no known actor (an unknown person, who is now
  // "he").
  void set_last_subject(std::string code);

  // Remembers an upper-case name as standing for `code`; a name keeps the
  // first code it was seen with.
  void RememberName(const std::string& name, const std::string& code) {
    names_.emplace(name, code);
  }
  // The code of a remembered name, also spelled slightly differently
  // (transliterations: "Dirichati"/"Dilishati"): same first letter, at most
  // two edits for names of six letters or more. nullptr if none; *close
  // (optional) tells whether it was found by a close spelling.
  const std::string* FindName(const std::string& name,
                              bool* close = nullptr) const;

  // The last named holder of a role (agent code "GOV") was `code`.
  void RememberHolder(const std::string& agent, const std::string& code) {
    holders_[agent] = code;
  }
  // The code of the last named holder of `agent`, nullptr if none.
  const std::string* Holder(const std::string& agent) const {
    auto it = holders_.find(agent);
    return it == holders_.end() ? nullptr : &it->second;
  }

  // An actor named in the text, in reading order.
  void NoteActor(const std::string& code);
  // The latest distinct actors named, the latest last (at most eight).
  const std::vector<std::string>& recent() const { return recent_; }

  static size_t EditDistance(std::string_view a, std::string_view b);

 private:
  std::string last_subject_, last_personal_, last_neuter_;
  std::unordered_map<std::string, std::string> names_;    // NAME -> code
  std::unordered_map<std::string, std::string> holders_;  // GOV -> TURGOV
  std::vector<std::string> recent_;  // distinct, the latest last
};

}  // namespace curlew

#endif  // CURLEW_ACTORS_DOCUMENT_MEMORY_H_
