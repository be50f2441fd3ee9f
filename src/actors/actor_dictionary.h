// PETRARCH/TABARI actor and agent dictionaries.
//
// ActorDictionary: phrases ("ARNOR_", "+MINAS_TIRITH") mapped to codes, with
// date restrictions ("[HOB < 950601]", "[HOBGOV 19950601-19990815]")
// resolved against a sentence date. AgentDictionary: role nouns
// ("AMBASSADOR [~GOV]", "MSF {} [NGO~]") with plurals, irregular plurals in
// {...} and substitution sets (!PERSON! = MAN, MEN, ...).
//
// Both are filled once by Load() and immutable afterwards; Match() is const
// and safe from many threads. Words are interned in a WordTable that the
// caller owns and that outlives the dictionary.
#ifndef CURLEW_ACTORS_ACTOR_DICTIONARY_H_
#define CURLEW_ACTORS_ACTOR_DICTIONARY_H_

#include <climits>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actors/dict_util.h"
#include "curlew/status.h"

namespace curlew {

// A phrase index shared by actors, agents and issues: word-id sequences,
// looked up by their first word, longest first.
class PhraseIndex {
 public:
  void Add(std::vector<uint32_t> words, uint32_t value);
  // Longest phrase starting at words[pos]; returns its length (0 if none)
  // and sets *value.
  size_t Longest(const std::vector<uint32_t>& words, size_t pos,
                 uint32_t* value) const;
  // A phrase whose words were separated by blanks: other words may come
  // between them ("ITHILEN TELEVISION" matches "Ithilen state-run
  // television"), at most kMaxGap per blank.
  void AddGapped(std::vector<uint32_t> words, uint32_t value);
  static constexpr size_t kMaxGap = 2;
  void Finish();  // sorts each bucket longest first
  size_t size() const { return count_; }

 private:
  struct Entry {
    std::vector<uint32_t> words;
    uint32_t value;
  };
  static uint64_t Key(uint32_t a, uint32_t b) {
    return (static_cast<uint64_t>(a) << 32) | b;
  }
  // Phrases of two or more words by their first two words (longest first),
  // one-word phrases by their word: buckets stay short even for "THE".
  std::unordered_map<uint64_t, std::vector<Entry>> by_pair_;
  std::unordered_map<uint32_t, uint32_t> singles_;
  std::vector<uint8_t> starts_;  // by word id: 1 if some phrase starts with it
  std::unordered_map<uint32_t, std::vector<Entry>> gapped_;
  size_t count_ = 0;
};

class ActorDictionary {
 public:
  // Reads one actor file; later files add to earlier ones.
  Status Load(const std::string& path, dict::WordTable& words);
  // Reads actor entries from text (name used in errors).
  Status LoadText(std::string_view text, const std::string& name,
                  dict::WordTable& words);
  void Finish() { index_.Finish(); }

  // Longest actor phrase at words[pos]: its length (0 if none); *code is
  // the code valid on `date` (YYYYMMDD, 0 = unknown: the default code).
  size_t Match(const std::vector<uint32_t>& words, size_t pos, int32_t date,
               std::string* code) const;
  size_t size() const { return index_.size(); }

 private:
  struct Dated {
    std::string code;
    int32_t from = INT_MIN;
    int32_t to = INT_MAX;
  };
  struct Record {
    std::string default_code;
    std::vector<Dated> dated;
  };
  std::vector<Record> records_;
  PhraseIndex index_;
};

struct Agent {
  std::string code;     // "GOV"
  bool prefix = false;  // "NGO~": goes before the actor code
};

class AgentDictionary {
 public:
  Status Load(const std::string& path, dict::WordTable& words);
  Status LoadText(std::string_view text, const std::string& name,
                  dict::WordTable& words);
  void Finish() { index_.Finish(); }
  // Longest agent phrase at words[pos]; length or 0.
  size_t Match(const std::vector<uint32_t>& words, size_t pos,
               const Agent** agent) const;
  size_t size() const { return index_.size(); }

 private:
  std::vector<Agent> agents_;
  PhraseIndex index_;
};

// An entry's codes: "ELR/GAL" -> ELR, GAL.
std::vector<std::string> SplitActorCodes(const std::string& code);
// The first of them; "" for an empty code (an actor entry with only dated
// codes, read without a date).
std::string FirstActorCode(const std::string& code);

// Interns the words of a phrase ("MINAS_TIRITH", "HAMAS WING").
std::vector<uint32_t> InternPhrase(std::string_view phrase,
                                   dict::WordTable& words);
// True if the phrase has a blank between two of its words.
bool HasBlankBetweenWords(std::string_view phrase);

}  // namespace curlew

#endif  // CURLEW_ACTORS_ACTOR_DICTIONARY_H_
