// The coder's per-sentence state (Coder::Run) and the helpers its parts
// share. Internal to src/events: each part of the coder is one .cc file
// (noun phrases, roles, pattern matching, comma rules, transformations,
// the sentence pass, the word-order fallback), all members of Coder::Run.
//
// A Run lives for one sentence of one Code() call, on one thread.
#ifndef CURLEW_EVENTS_CODER_RUN_H_
#define CURLEW_EVENTS_CODER_RUN_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actors/dict_util.h"
#include "events/coder.h"
#include "syntax/tree.h"

namespace curlew {

inline bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

struct ActorRef {
  ActorRef() = default;
  ActorRef(std::string c, uint32_t b, uint32_t e)
      : code(std::move(c)), begin(b), end(e) {}
  std::string code;
  uint32_t begin = 0, end = 0;  // sentence-relative token range
  std::string stem;             // the code without its last agent
  bool agent_only = false;      // "---GOV": an agent without an actor
  std::string agent;            // that agent's code
};

// Splits "ELR/GAL" into its codes.
std::vector<std::string> SplitSlash(const std::string& code);

// The first of "ELR/GAL"'s codes; "" for an empty code (an actor entry with
// only dated codes, read without a date).
std::string FirstCode(const std::string& code);

// What the sentences before have established in a document: the actor
// the last sentence was about (for "He stressed ..."), and the names of
// people seen with an actor ("Turkish Foreign Minister Mevlut Cavusoglu"
// makes a later "Cavusoglu" TURGOV).
struct DocMemory {
  std::string last_subject;  // code of the last sentence's main subject
  std::unordered_map<std::string, std::string> names;  // NAME -> code

  // The code of a remembered name, also spelled slightly differently
  // (transliterations: "Dirichati"/"Dilishati"): same first letter, at most
  // two edits for names of six letters or more. nullptr if none.
  const std::string* Find(const std::string& name) const {
    auto it = names.find(name);
    if (it != names.end()) return &it->second;
    if (name.size() < 6) return nullptr;
    for (const auto& [known, code] : names)
      if (known.size() >= 6 && known[0] == name[0] &&
          EditDistance(known, name) <= 2)
        return &code;
    return nullptr;
  }
  static size_t EditDistance(std::string_view a, std::string_view b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
      size_t diag = row[0];
      row[0] = i;
      for (size_t j = 1; j <= b.size(); ++j) {
        size_t up = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                           diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
        diag = up;
      }
    }
    return row[b.size()];
  }
};

// Per-sentence scratch state and the coding rules.
class Coder::Run {
 public:
  Run(const Coder& coder, const Document& doc, uint32_t sentence, int32_t date,
      DocMemory* memory = nullptr);

  struct Mention {
    uint32_t b, e;
    std::string code;
    const Agent* agent = nullptr;
  };
  struct Markers {
    int source_pos = -1, target_pos = -1;  // token positions in the post part
    int source_skip = 0, target_skip = 0;  // '^': noun phrases skipped first
    bool pre_source = false, pre_target = false, compound = false;
    // For a pre-verb marker: the start of what was matched after it (the
    // actor is the nearest one before), -1 if nothing followed.
    int pre_source_end = -1, pre_target_end = -1;
  };
  struct VerbInfo {
    int v;
    size_t vb, ve;
    PatternMatch pm;
    Markers mk;
  };
  // Actor groups: coordinated runs ("X, Y and Z") of composed mentions.
  struct FlatGroup {
    uint32_t b = 0, e = 0;
    std::vector<ActorRef> actors;
  };
  const Token& Tok(size_t i) const { return doc_.tokens[s_.token_begin + i]; }
  // "Dirichati, the head of X, told ..." parsed with the name as the root,
  // the verb hanging on it and the apposition as the verb's subject: the
  // name becomes the verb's subject and the apposition the name's.
  void RepairAppositiveSubject();
  void MaskCommaStretches();
  DepRel Rel(size_t i) const { return tree_.rel(i); }
  std::string_view Xpos(size_t i) const { return Tok(i).xpos; }
  bool IsVerb(size_t i) const {
    return !masked_[i] && verb_tag_[i] && Rel(i) != DepRel::kAux &&
           Rel(i) != DepRel::kAuxPass && Rel(i) != DepRel::kCop;
  }
  const std::vector<std::string>& upper() const { return upper_; }
  void FindMentions();
  bool InMention(int i) const;
  void CoreTokens(int h, int* lo, int* hi) const;
  bool IsPronoun(int i) const;
  // Actors of the noun phrase headed by h, coordinations distributed.
  // `pronouns`: whether a possessive pronoun inside may stand for its
  // antecedent ("their meeting").
  std::vector<ActorRef> CodeNP(int h, int depth = 0, bool pronouns = true,
                               bool new_actors = true) const;
  // An actor mention (not an agent) that ends right at token `lo` and is
  // no argument of its own ("Turkish" parsed as a modifier of the verb).
  const Mention* StrayActorBefore(int lo) const;
  std::vector<ActorRef> Antecedent(int p, int depth) const;
  // Targets of an active verb: objects, then prepositional phrases, then
  // subject-less complement clauses; possessive pronouns only last.
  std::vector<ActorRef> Targets(int v, int depth = 0) const;
  // "held talks in Kinshasa": with an object, an in/at phrase is where it
  // happened, not whom it was done to (news conventions only).
  bool Locative(int v, int c) const;
  // Sources and targets of v before patterns.
  void Roles(int v, std::vector<ActorRef>* src,
             std::vector<ActorRef>* tgt) const;
  // The verb forms at token i with the most words (a verb in two blocks
  // gives two); empty if none. Sets the token range.
  std::vector<const VerbForm*> VerbAt(size_t i, size_t* b, size_t* e) const;
  // The best pattern over all candidate forms: the most specific match;
  // without any match, the last form's own or block code.
  PatternMatch Choose(int v, const std::vector<const VerbForm*>& forms,
                      size_t vb, size_t ve, bool fast, Markers* mk) const;
  // Tokens a post-verb pattern may look at: v's subtree after the verb,
  // without conjoined clauses.
  void PostRegion(int v, std::vector<bool>* allowed) const;
  // Length of the element's match at q (0: none).
  size_t ElemAt(const PatternElem& el, size_t q) const;
  bool Match(const VerbPattern& p, size_t vb, size_t ve,
             const std::vector<bool>& allowed, Markers* mk) const;
  bool MayMatch(const VerbPattern& p) const;
  PatternMatch ChoosePattern(int v, const VerbForm& f, size_t vb, size_t ve,
                             bool fast, Markers* best_mk) const;
  std::vector<ActorRef> ActorsFrom(int pos, int skip,
                                   const std::vector<bool>& allowed) const;
  // The nearest coded noun phrase ending before `end`.
  std::vector<ActorRef> ActorsBefore(int end) const;
  std::string TextOf(uint32_t b, uint32_t e) const;
  // Sets the event's verb_text (the verb form's words [vb, ve)) and its
  // trigger (word v, the verb itself).
  void SetTrigger(Event& e, size_t vb, size_t ve, int v) const;
  // The event's modality: from its CAMEO category (appeals, intents,
  // demands, accusations, denials), else "hypothetical" under a modal verb.
  std::string Modality(int v, const std::string& code) const;
  bool ApplyTransforms(const VerbInfo& vi, const std::string& code,
                       const std::vector<ActorRef>& src, size_t first_event,
                       const std::vector<int>& event_verb,
                       std::vector<Event>* events) const;
  void CodeSentence(uint32_t sentence_index, std::vector<Event>* events);
  // Words that may join the mentions of one actor ("Ghana's president",
  // "police in Myanmar", "Turkish Foreign Minister Ali Demirtas").
  bool FlatGlue(size_t i) const;
  std::vector<FlatGroup> FlatGroups() const;
  void FlatCode(uint32_t sentence_index, std::vector<Event>* events) const;
  // Remembers the actor this sentence is about (the main verb's subject).
  void RememberSubject() const;
  // Actor codes of the noun phrase headed by sentence token h (agents
  // composed, coordinations distributed; agent-only phrases left out).
  std::vector<std::string> CodesOfPhrase(int h) const;
  PatternMatch MatchVerbAt(size_t i, bool fast) const;

 private:
  const Dictionaries& d_;
  const CoderOptions& opt_;
  const Document& doc_;
  const Sentence& s_;
  int32_t date_;
  DependencyTree tree_;  // repaired under news conventions
  size_t n_ = 0;
  std::vector<std::string> upper_;
  std::vector<uint32_t> ids_;
  std::vector<uint32_t> present_;
  std::vector<Mention> mentions_;
  std::vector<bool> masked_;
  mutable bool fast_ = true;  // use the indexes (false: reference matcher)
  std::vector<bool> verb_tag_;
  DocMemory* memory_ = nullptr;  // may be null (no document context)
};

}  // namespace curlew

#endif  // CURLEW_EVENTS_CODER_RUN_H_
