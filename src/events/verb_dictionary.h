// PETRARCH/TABARI verb dictionary: synsets (&NAME with +members), verb
// blocks ("--- NAME [code] ---") of synonymous verbs with regular or
// irregular forms ({...}) and multi-word verbs ("+CORDON_OFF",
// "WIRE_+TAP"), patterns ("- $ NOT * ^ TO_ + [124]") with paired codes
// ("[032:033]"), and transformations ("~ a (a b ATTACK) SAY = a b 015").
//
// Filled once by Load(); immutable afterwards, so lookups are safe from
// many threads. Words are interned in the caller's WordTable.
#ifndef CURLEW_EVENTS_VERB_DICTIONARY_H_
#define CURLEW_EVENTS_VERB_DICTIONARY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "actors/dict_util.h"
#include "curlew/status.h"

namespace curlew {

// One element of a pattern.
struct PatternElem {
  enum Kind : uint8_t { kWord, kSynset, kSource, kTarget, kCompound, kSkip };
  Kind kind = kWord;
  uint32_t id = 0;      // word id or synset index
  bool linked = false;  // '_': must be adjacent to the next element (or
                        // the verb, for the last pre-verb element)
};

struct VerbPattern {
  std::vector<PatternElem> pre;   // before '*', in sentence order
  std::vector<PatternElem> post;  // after '*'
  bool verb_linked_post = false;  // "*_OUT": first post element adjacent
  std::string code;               // "064"; "---" null
  std::string code2;              // paired code ("033" of [032:033]), or ""
  int64_t line = 0;
  int literal_count = 0;           // words and synsets: the specificity
  std::vector<uint32_t> required;  // word ids that must occur in the sentence
};

struct VerbBlock {
  std::string name;
  std::string code;  // primary code of the block, "---" if none
  std::string code2;
  std::vector<VerbPattern> patterns;
};

// One surface form of a verb: the verb word plus fixed words around it.
struct VerbForm {
  std::vector<uint32_t> before;  // words directly before the verb word
  std::vector<uint32_t> after;   // words directly after it
  uint32_t block = 0;
  std::string code;  // the verb's own code, or "" (use the block's)
  std::string code2;
  bool explicit_form = false;  // written in the file, not generated
};

// "~ a (a b ATTACK) SAY = a b 015": an upper verb (code) with an embedded
// event; variables a, b, '.', '_' and 'Q' (any verb).
struct VerbTransform {
  std::string upper_source, lower_source, lower_target;
  std::string lower_verb;  // "ATTACK", or "Q" (any verb)
  std::string upper_verb;  // "SAY"
  std::string out_source, out_target, out_code;
  // The verbs' codes (their forms' own or block codes), resolved after
  // loading: synonyms of the verbs match too. "" if the verb is unknown.
  std::string lower_code, upper_code;
};

class VerbDictionary {
 public:
  Status Load(const std::string& path, dict::WordTable& words);
  Status LoadText(std::string_view text, const std::string& name,
                  dict::WordTable& words);

  // Forms whose verb word is `word` (nullptr if none).
  const std::vector<VerbForm>* Forms(uint32_t word) const {
    auto it = forms_.find(word);
    return it == forms_.end() ? nullptr : &it->second;
  }
  const VerbBlock& block(uint32_t i) const { return blocks_[i]; }
  size_t block_count() const { return blocks_.size(); }
  // Member phrases of a synset (plurals included).
  const std::vector<std::vector<uint32_t>>& synset(uint32_t i) const {
    return synsets_[i];
  }
  // True if some member phrase of the synset starts with `word`.
  bool SynsetStartsWith(uint32_t synset, uint32_t word) const {
    return synset_first_[synset].count(word) > 0;
  }
  const std::vector<VerbTransform>& transforms() const { return transforms_; }
  size_t pattern_count() const { return pattern_count_; }

 private:
  Status ParsePattern(std::string_view body, int64_t line,
                      const std::string& name, dict::WordTable& words,
                      VerbPattern* out, bool* skip);
  void AddVerb(std::string_view spec, uint32_t block, const std::string& code,
               const std::string& code2, dict::WordTable& words);
  void AddForm(std::string_view form, uint32_t block, const std::string& code,
               const std::string& code2, bool explicit_form,
               dict::WordTable& words);

  std::vector<VerbBlock> blocks_;
  std::unordered_map<uint32_t, std::vector<VerbForm>> forms_;
  std::vector<std::vector<std::vector<uint32_t>>> synsets_;
  std::unordered_map<std::string, uint32_t> synset_ids_;
  std::vector<uint32_t> no_plural_synsets_;
  std::vector<std::unordered_set<uint32_t>> synset_first_;
  std::vector<VerbTransform> transforms_;
  size_t pattern_count_ = 0;
};

// Regular forms of an upper-case verb: base, -S, -ED, -ING.
std::vector<std::string> RegularVerbForms(std::string_view verb);

// Splits "[032:033]" contents into code and paired code.
void SplitCode(std::string_view spec, std::string* code, std::string* code2);

}  // namespace curlew

#endif  // CURLEW_EVENTS_VERB_DICTIONARY_H_
