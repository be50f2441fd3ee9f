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
#include <span>
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
  void Add(std::span<const uint32_t> words, uint32_t value);
  // Room for about `n` more phrases.
  void Reserve(size_t n) {
    by_pair_.Reserve(by_pair_.size() + n);
    singles_.Reserve(singles_.size() + n);
    entries_.reserve(entries_.size() + n);
  }
  // Longest phrase starting at words[pos]; returns its length (0 if none)
  // and sets *value.
  size_t Longest(const std::vector<uint32_t>& words, size_t pos,
                 uint32_t* value) const;
  // A phrase whose words were separated by blanks: other words may come
  // between them ("ITHILEN TELEVISION" matches "Ithilen state-run
  // television"), at most kMaxGap per blank.
  void AddGapped(std::span<const uint32_t> words, uint32_t value);
  static constexpr size_t kMaxGap = 2;
  void Finish();  // sorts each bucket longest first
  size_t size() const { return count_; }

 private:
  // Phrases live end to end in words_; a bucket is a list of entries
  // linked through `next` (no allocation per phrase or per bucket).
  struct Entry {
    uint32_t begin = 0;  // into words_
    uint32_t size = 0;
    uint32_t value = 0;
    uint32_t next = kEnd;
  };
  struct Bucket {
    uint32_t head = kEnd;
    uint32_t tail = kEnd;
  };
  static constexpr uint32_t kEnd = 0xFFFFFFFFu;
  static uint64_t Key(uint32_t a, uint32_t b) {
    return (static_cast<uint64_t>(a) << 32) | b;
  }
  std::span<const uint32_t> WordsOf(const Entry& e) const {
    return std::span<const uint32_t>(words_).subspan(e.begin, e.size);
  }
  void Append(dict::IntMap<Bucket>& buckets, uint64_t key,
              std::span<const uint32_t> words, uint32_t value);
  void MarkStart(uint32_t word);
  // Phrases of two or more words by their first two words (longest first),
  // one-word phrases by their word: buckets stay short even for "THE".
  dict::IntMap<Bucket> by_pair_;
  dict::IntMap<uint32_t> singles_;
  std::vector<uint8_t> starts_;  // by word id: 1 if some phrase starts with it
  dict::IntMap<Bucket> gapped_;  // by first word
  std::vector<Entry> entries_;
  std::vector<uint32_t> words_;
  size_t count_ = 0;
};

// One actor record as loaded, for tools that explain a match ("curlew
// actor"): its codes and where they were written.
struct ActorEntry {
  struct Dated {
    std::string code;
    int32_t from = INT_MIN;  // YYYYMMDD, inclusive
    int32_t to = INT_MAX;    // YYYYMMDD, inclusive
    int64_t line = 0;        // the line of this restriction
  };
  std::string phrase;        // its first phrase as written ("PUTIN_")
  std::string default_code;  // "" if the record has only dated codes
  int64_t default_line = 0;  // where the default code was written
  std::vector<Dated> dated;  // in file order: the first that fits wins
  uint32_t file = 0;         // index into ActorDictionary::files()
  int64_t line = 0;          // line of the record's first phrase
};

class ActorDictionary {
 public:
  // Reads one actor file; later files add to earlier ones (an earlier
  // file's phrase wins over a later one's: a user's files are read first).
  Status Load(const std::string& path, dict::WordTable& words);
  // Reads actor entries from text (name used in errors).
  Status LoadText(std::string_view text, const std::string& name,
                  dict::WordTable& words);
  void Finish() { index_.Finish(); }

  // Longest actor phrase at words[pos]: its length (0 if none); *code is
  // the code valid on `date` (YYYYMMDD, 0 = unknown: the default code; a
  // record with only dated codes then gives the latest one). *entry (if
  // given) is the index of the record matched.
  size_t Match(const std::vector<uint32_t>& words, size_t pos, int32_t date,
               std::string* code, uint32_t* entry = nullptr) const;
  size_t size() const { return index_.size(); }

  const ActorEntry& entry(uint32_t i) const { return records_[i]; }
  size_t entry_count() const { return records_.size(); }
  // Names of the files read, as given to Load().
  const std::vector<std::string>& files() const { return files_; }
  // The code of `e` on `date` (0 = unknown), and the line it came from.
  static const std::string& CodeOn(const ActorEntry& e, int32_t date,
                                   int64_t* line = nullptr);

 private:
  std::vector<ActorEntry> records_;
  std::vector<std::string> files_;
  PhraseIndex index_;
};

struct Agent {
  std::string code;     // "GOV"
  bool prefix = false;  // "NGO~": goes before the actor code
  uint32_t file = 0;    // index into AgentDictionary::files()
  int64_t line = 0;     // where the entry was written
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
  const std::vector<std::string>& files() const { return files_; }

 private:
  std::vector<Agent> agents_;
  std::vector<std::string> files_;
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
// The same into *ids (replacing its contents, reusing its buffer).
void InternPhraseInto(std::string_view phrase, dict::WordTable& words,
                      std::vector<uint32_t>* ids);
// True if the phrase has a blank between two of its words.
bool HasBlankBetweenWords(std::string_view phrase);

}  // namespace curlew

#endif  // CURLEW_ACTORS_ACTOR_DICTIONARY_H_
