// PETRARCH discard list and issue dictionary.
//
// DiscardList: phrases that stop coding of a sentence, or with a leading
// '+' of the whole story; matched case-insensitively on words; a phrase
// ending in '_' must end at a word boundary, otherwise its last word is a
// stem ("BASEBALL" also stops "baseballs").
// IssueList: "<string> [CODE]" lines with the n: (noun, singular and
// plural), v: (verb forms) and '+' (joined by blank or '-') expansions, and
// "~" phrases that cancel issue coding of the sentence.
//
// Both are immutable after Load(); matching is const and thread-safe.
#ifndef CURLEW_EVENTS_PHRASE_LISTS_H_
#define CURLEW_EVENTS_PHRASE_LISTS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actors/actor_dictionary.h"
#include "actors/dict_util.h"
#include "curlew/status.h"

namespace curlew {

enum class DiscardKind { kNone, kSentence, kStory };

class DiscardList {
 public:
  Status Load(const std::string& path);
  Status LoadText(std::string_view text, const std::string& name);
  // `upper_words`: the sentence's words, upper-cased.
  DiscardKind Match(const std::vector<std::string>& upper_words) const;
  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::vector<std::string> words;
    bool story = false;
    bool stem = true;  // last word may be a prefix
  };
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>()(s);
    }
  };
  std::vector<Entry> entries_;
  std::unordered_map<std::string, std::vector<uint32_t>, Hash, std::equal_to<>>
      by_first_;
  size_t min_first_ = 1;  // length of the shortest first word
};

class IssueList {
 public:
  Status Load(const std::string& path, dict::WordTable& words);
  Status LoadText(std::string_view text, const std::string& name,
                  dict::WordTable& words);
  void Finish() {
    index_.Finish();
    ignore_.Finish();
  }
  // "CODE N, CODE M" for the sentence's word ids; "" if none or if an
  // ignore phrase occurs.
  std::string Match(const std::vector<uint32_t>& words) const;
  size_t size() const { return index_.size(); }

 private:
  std::vector<std::string> codes_;
  PhraseIndex index_;
  PhraseIndex ignore_;
};

}  // namespace curlew

#endif  // CURLEW_EVENTS_PHRASE_LISTS_H_
