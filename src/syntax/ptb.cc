#include "syntax/ptb.h"
#include "text/chars.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>

namespace curlew {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

std::string Unescape(std::string_view w) {
  if (w == "-LRB-") return "(";
  if (w == "-RRB-") return ")";
  if (w == "-LCB-") return "{";
  if (w == "-RCB-") return "}";
  if (w == "-LSB-") return "[";
  if (w == "-RSB-") return "]";
  if (w == "``" || w == "''") return "\"";
  return std::string(w);
}

// "NP-SBJ-1" -> "NP", "-LRB-" and "-NONE-" kept.
std::string StripFunctionTags(std::string_view label) {
  if (label.empty() || label[0] == '-') return std::string(label);
  size_t cut = label.find_first_of("-=");
  return std::string(label.substr(0, cut));
}

bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

bool IsPunctTag(std::string_view t) {
  return t == "," || t == "." || t == ":" || t == "``" || t == "''" ||
         t == "-LRB-" || t == "-RRB-" || t == "HYPH" || t == "NFP";
}
bool IsNounTag(std::string_view t) {
  return t == "NN" || t == "NNS" || t == "NNP" || t == "NNPS" || t == "NX" ||
         t == "PRP" || t == "NML" || t == "FW" || t == "WP";
}
bool IsVerbTag(std::string_view t) {
  return StartsWith(t, "VB") || t == "MD" || t == "TO";
}

bool IsBe(std::string_view w) {
  static const char* kBe[] = {"be",   "am",    "is", "are", "was", "were",
                              "been", "being", "'s", "'re", "'m",  "s"};
  std::string l = text::AsciiLower(w);
  for (const char* b : kBe)
    if (l == b) return true;
  return false;
}
bool IsAuxWord(std::string_view w) {
  static const char* kAux[] = {
      "have",  "has", "had",   "having",  "'ve",    "'d",     "do",
      "does",  "did", "will",  "would",   "shall",  "should", "can",
      "could", "may", "might", "must",    "wo",     "ca",     "'ll",
      "get",   "got", "gets",  "getting", "gotten", "to",     "ought"};
  if (IsBe(w)) return true;
  std::string l = text::AsciiLower(w);
  for (const char* a : kAux)
    if (l == a) return true;
  return false;
}
bool IsGet(std::string_view w) {
  std::string l = text::AsciiLower(w);
  return l == "get" || l == "got" || l == "gets" || l == "getting" ||
         l == "gotten";
}

// The converter: head child choice and relation labels.
class Converter {
 public:
  explicit Converter(const PtbTree& t)
      : t_(t), head_(t.nodes.size(), -1), head_child_(t.nodes.size(), -1) {}

  std::vector<int> Heads() {
    if (!t_.nodes.empty()) Head(0);
    return head_;
  }

  std::vector<Token> Convert() {
    size_t n = t_.words.size();
    tokens_.assign(n, Token());
    for (size_t i = 0; i < n; ++i) {
      Token& tok = tokens_[i];
      tok.norm = t_.words[i];
      tok.xpos = t_.nodes[t_.preterminal[i]].label;
      tok.lemma = text::AsciiLower(t_.words[i]);
      tok.head = 0;
      tok.deprel = "root";
    }
    if (t_.nodes.empty() || n == 0) return tokens_;
    int root = Head(0);
    Attach(0);
    tokens_[root].head = 0;
    tokens_[root].deprel = "root";
    PostPass();
    for (size_t i = 0; i < n; ++i) {
      Token& tok = tokens_[i];
      tok.upos = std::string(PennToUpos(tok.xpos));
      if (tok.upos == "VERB" &&
          (tok.deprel == "aux" || tok.deprel == "aux:pass" ||
           tok.deprel == "cop"))
        tok.upos = "AUX";
      if (tok.xpos == "IN" && tok.deprel == "mark") tok.upos = "SCONJ";
    }
    return tokens_;
  }

 private:
  std::string_view Label(int node) const { return t_.nodes[node].label; }
  const std::vector<int>& Kids(int node) const {
    return t_.nodes[node].children;
  }
  bool IsPre(int node) const { return t_.nodes[node].word >= 0; }
  bool IsPunct(int node) const {
    return IsPre(node) && IsPunctTag(Label(node));
  }
  std::string_view Word(int node) const {
    return t_.words[t_.nodes[node].word];
  }

  // Index of the coordination split of `node`'s children, or empty if the
  // node is not a coordination: groups of children separated by CC/CONJP
  // (and commas between them).
  bool Coordination(int node, std::vector<std::vector<int>>* groups,
                    std::vector<int>* seps) const {
    const auto& kids = Kids(node);
    bool has_cc = false;
    for (size_t i = 1; i < kids.size(); ++i) {
      std::string_view l = Label(kids[i]);
      if ((l == "CC" || l == "CONJP") && i + 1 < kids.size()) has_cc = true;
    }
    if (!has_cc) return false;
    groups->clear();
    seps->clear();
    std::vector<int> cur;
    for (size_t i = 0; i < kids.size(); ++i) {
      int k = kids[i];
      std::string_view l = Label(k);
      bool sep = l == "CC" || l == "CONJP" || l == "," || l == ":";
      if (i == 0 && (l == "CC" || l == "CONJP")) sep = false;  // "both"
      if (sep) {
        if (!cur.empty()) groups->push_back(cur);
        cur.clear();
        seps->push_back(k);
      } else {
        cur.push_back(k);
      }
    }
    if (!cur.empty()) groups->push_back(cur);
    if (groups->size() < 2) return false;
    // Trailing punctuation alone is not a conjunct.
    return true;
  }

  int HeadChildOf(int node, const std::vector<int>& kids) const {
    std::string_view lab = Label(node);
    auto first_of = [&](auto pred) -> int {
      for (int k : kids)
        if (pred(k)) return k;
      return -1;
    };
    auto last_of = [&](auto pred) -> int {
      for (auto it = kids.rbegin(); it != kids.rend(); ++it)
        if (pred(*it)) return *it;
      return -1;
    };
    auto non_punct = [&](int k) { return !IsPunct(k); };
    int h = -1;
    if (lab == "S" || lab == "SINV" || lab == "SQ" || lab == "ROOT" ||
        lab == "" || lab == "TOP" || lab == "SBARQ" || lab == "RRC") {
      h = first_of([&](int k) { return Label(k) == "VP"; });
      if (h < 0)
        h = first_of([&](int k) {
          return Label(k) == "S" || Label(k) == "SQ" || Label(k) == "SINV" ||
                 Label(k) == "SBARQ";
        });
      if (h < 0)
        h = first_of([&](int k) { return IsPre(k) && IsVerbTag(Label(k)); });
      if (h < 0)
        h = first_of([&](int k) {
          return Label(k) == "FRAG" || Label(k) == "NP" || Label(k) == "ADJP" ||
                 Label(k) == "SBAR";
        });
    } else if (lab == "VP") {
      int first_vp = first_of([&](int k) { return Label(k) == "VP"; });
      int first_verb =
          first_of([&](int k) { return IsPre(k) && IsVerbTag(Label(k)); });
      if (first_vp >= 0) {
        bool all_aux = true;
        for (int k : kids) {
          if (k == first_vp) break;
          if (IsPre(k) && IsVerbTag(Label(k)) && !IsAuxWord(Word(k)))
            all_aux = false;
        }
        if (all_aux) h = first_vp;
      }
      if (h < 0 && first_verb >= 0) {
        h = first_verb;
        // Copula: a form of "be" with a nominal or adjectival predicate.
        if (IsBe(Word(first_verb))) {
          bool seen = false;
          int pred = -1;
          for (int k : kids) {
            if (k == first_verb) {
              seen = true;
              continue;
            }
            if (!seen) continue;
            std::string_view l = Label(k);
            if (IsPre(k) && IsVerbTag(l)) {
              pred = -1;
              break;
            }
            if (pred < 0 &&
                (l == "ADJP" || l == "NP" || l == "JJ" || l == "PP"))
              pred = k;
          }
          if (pred >= 0) h = pred;
        }
      }
      if (h < 0)
        h = first_of([&](int k) {
          return Label(k) == "S" || Label(k) == "SBAR" || Label(k) == "VP";
        });
    } else if (lab == "NP" || lab == "NX" || lab == "NML" || lab == "WHNP" ||
               lab == "NAC") {
      // Candidates: the children before the first post-modifier.
      std::vector<int> cand;
      for (size_t i = 0; i < kids.size(); ++i) {
        std::string_view l = Label(kids[i]);
        if (i > 0 &&
            (l == "PP" || l == "SBAR" || l == "VP" || l == "S" || l == "RRC" ||
             l == "," || l == ":" || l == "PRN" || l == "-LRB-"))
          break;
        cand.push_back(kids[i]);
      }
      for (auto it = cand.rbegin(); it != cand.rend() && h < 0; ++it)
        if (IsPre(*it) && (IsNounTag(Label(*it)) || Label(*it) == "CD"))
          h = *it;
      for (auto it = cand.begin(); it != cand.end() && h < 0; ++it)
        if (Label(*it) == "NP" || Label(*it) == "NML" || Label(*it) == "NX")
          h = *it;
      for (auto it = cand.rbegin(); it != cand.rend() && h < 0; ++it)
        if (!IsPunct(*it) && Label(*it) != "POS" && Label(*it) != "DT") h = *it;
    } else if (lab == "PP" || lab == "WHPP") {
      bool seen_prep = false;
      for (int k : kids) {
        std::string_view l = Label(k);
        if (IsPre(k) && (l == "IN" || l == "TO" || l == "RP" || l == "VBG" ||
                         l == "VBN" || l == "RB")) {
          seen_prep = true;
          continue;
        }
        if (seen_prep && !IsPunct(k)) {
          h = k;
          break;
        }
        if (!IsPre(k) && (l == "NP" || l == "S" || l == "SBAR")) {
          h = k;
          break;
        }
      }
    } else if (lab == "SBAR") {
      h = first_of([&](int k) {
        std::string_view l = Label(k);
        return l == "S" || l == "SQ" || l == "SINV" || l == "SBAR" ||
               l == "FRAG" || l == "VP";
      });
    } else if (lab == "ADJP" || lab == "WHADJP") {
      h = last_of(
          [&](int k) { return IsPre(k) && StartsWith(Label(k), "JJ"); });
      if (h < 0) h = first_of([&](int k) { return Label(k) == "ADJP"; });
    } else if (lab == "ADVP" || lab == "WHADVP") {
      h = last_of(
          [&](int k) { return IsPre(k) && StartsWith(Label(k), "RB"); });
    } else if (lab == "QP") {
      h = last_of([&](int k) { return Label(k) == "CD"; });
    } else if (lab == "PRT") {
      h = last_of([&](int k) { return Label(k) == "RP"; });
    }
    if (h < 0) h = first_of(non_punct);
    if (h < 0 && !kids.empty()) h = kids[0];
    return h;
  }

  // Lexical head word of `node` (memoised).
  int Head(int node) {
    if (head_[node] >= 0) return head_[node];
    const PtbNode& n = t_.nodes[node];
    if (n.word >= 0) return head_[node] = n.word;
    if (n.children.empty()) return head_[node] = 0;
    std::vector<std::vector<int>> groups;
    std::vector<int> seps;
    int hc;
    if (Coordination(node, &groups, &seps)) {
      hc = HeadChildOf(node, groups[0]);
    } else {
      hc = HeadChildOf(node, n.children);
      head_child_[node] = hc;
    }
    for (int k : n.children) Head(k);
    return head_[node] = Head(hc);
  }

  void Set(int dep_word, int head_word, std::string rel) {
    if (dep_word == head_word) return;
    tokens_[dep_word].head = head_word + 1;
    tokens_[dep_word].deprel = std::move(rel);
  }

  // Attaches the non-head children of `node` (and recursively below).
  void Attach(int node) {
    const PtbNode& n = t_.nodes[node];
    // A word, or an empty constituent ("(NP (NNP\"Korrin))": a label with
    // neither word nor children), has nothing to attach.
    if (n.word >= 0 || n.children.empty()) return;
    for (int k : n.children) Attach(k);
    std::vector<std::vector<int>> groups;
    std::vector<int> seps;
    if (Coordination(node, &groups, &seps)) {
      // Each group is a conjunct; its own head child takes the others.
      std::vector<int> conj_heads;
      for (const auto& g : groups) {
        int hc = HeadChildOf(node, g);
        int hw = Head(hc);
        conj_heads.push_back(hw);
        AttachGroup(node, g, hc);
      }
      for (size_t i = 1; i < conj_heads.size(); ++i)
        Set(conj_heads[i], conj_heads[0], "conj");
      // A separator attaches to the next conjunct.
      for (int s : seps) {
        int w = Head(s);
        int next = conj_heads.back();
        for (int ch : conj_heads)
          if (ch > w) {
            next = ch;
            break;
          }
        std::string_view l = Label(s);
        Set(w, next, (l == "CC" || l == "CONJP") ? "cc" : "punct");
      }
      return;
    }
    int hc = head_child_[node];
    AttachGroup(node, n.children, hc >= 0 ? hc : HeadChildOf(node, n.children));
  }

  void AttachGroup(int node, const std::vector<int>& kids, int hc) {
    int hw = Head(hc);
    int np_after = 0;
    for (size_t i = 0; i < kids.size(); ++i) {
      int k = kids[i];
      if (k == hc) continue;
      bool before = Head(k) < hw;
      int remaining_np = 0;
      if (Label(k) == "NP" && !before) {
        for (size_t j = i + 1; j < kids.size(); ++j)
          if (Label(kids[j]) == "NP") ++remaining_np;
        ++np_after;
      }
      std::string rel =
          Relation(node, hc, k, before, i > 0 ? kids[i - 1] : -1, remaining_np);
      Set(Head(k), hw, rel);
    }
  }

  // "hopes (WHNP that) (S X could be drawn)": a parser's relative "that"
  // before a clause with its own subject is a complementizer.
  bool ThatComplementizer(int sbar, int whnp) const {
    if (Label(sbar) != "SBAR" || Label(whnp) != "WHNP") return false;
    const auto& wk = Kids(whnp);
    if (wk.size() != 1 || !IsPre(wk[0]) ||
        text::AsciiLower(Word(wk[0])) != "that")
      return false;
    for (int c : Kids(sbar))
      if (Label(c) == "S") return ClauseHasSubject(c);
    return false;
  }

  bool ClauseHasSubject(int s) const {
    for (int k : Kids(s))
      if (Label(k) == "NP") return true;
    return false;
  }

  std::string Relation(int node, int hc, int k, bool before, int prev,
                       int remaining_np) {
    std::string_view P = Label(node);
    std::string_view D = Label(k);
    bool in_np = P == "NP" || P == "NX" || P == "NML" || P == "WHNP";
    bool in_clause = P == "S" || P == "SINV" || P == "SQ" || P == "SBARQ";
    bool verbal_head = IsPre(hc) ? IsVerbTag(Label(hc)) : (Label(hc) == "VP");
    if (IsPre(k)) {
      if (IsPunctTag(D)) return "punct";
      if (D == "DT" || D == "PDT" || D == "WDT")
        return in_np || !verbal_head ? "det" : "advmod";
      if (D == "PRP$" || D == "WP$") return "nmod:poss";
      if (D == "POS") return "case";
      if (D == "CC") return "cc";
      if (D == "RP") return "compound:prt";
      if (D == "EX") return "expl";
      if (D == "UH") return "discourse";
      if (D == "CD") return in_np ? "nummod" : "obl:npmod";
      if (D == "MD") return "aux";
      if (D == "TO") return P == "PP" ? "case" : "mark";
      if (D == "IN") return P == "PP" ? "case" : "mark";
      if (StartsWith(D, "RB") || D == "WRB") return "advmod";
      if (StartsWith(D, "JJ")) return in_np ? "amod" : "xcomp";
      if (StartsWith(D, "VB")) {
        if (in_np) return "amod";
        if (!IsAuxWord(Word(k))) return verbal_head ? "dep" : "cop";
        int hw = Head(hc);
        std::string_view ht = t_.nodes[t_.preterminal[hw]].label;
        if (ht == "VBN" && (IsBe(Word(k)) || IsGet(Word(k)))) return "aux:pass";
        if (!verbal_head && IsBe(Word(k))) return "cop";
        return "aux";
      }
      if (IsNounTag(D)) {
        if (in_np) return before ? "compound" : "dep";
        if (P == "PP") return before ? "case" : "obj";
        return before ? "nsubj" : "obj";
      }
      return "dep";
    }
    if (D == "WHNP" && ThatComplementizer(node, k)) return "mark";
    if (D == "NP" || D == "NML" || D == "NX" || D == "WHNP") {
      if (in_clause) return before ? "nsubj" : "obj";
      if (P == "VP") {
        if (!verbal_head) return before ? "nsubj" : "obl";
        return remaining_np > 0 ? "iobj" : "obj";
      }
      if (in_np) {
        // "Arnor 's" possessive.
        const auto& dk = Kids(k);
        if (!dk.empty() && Label(dk.back()) == "POS") return "nmod:poss";
        if (prev >= 0 && (Label(prev) == "," || Label(prev) == "-LRB-" ||
                          Label(prev) == ":"))
          return "appos";
        return before ? "compound" : "nmod";
      }
      if (P == "PP") return "obj";
      if (P == "SBAR") return "nsubj";
      return "obl:npmod";
    }
    if (D == "PP" || D == "WHPP") return in_np ? "nmod" : "obl";
    if (D == "SBAR") {
      if (in_np) return "acl:relcl";
      const auto& dk = Kids(k);
      bool that = true;
      for (int c : dk) {
        std::string_view l = Label(c);
        if (l == "IN" || l == "WHADVP" || l == "WHNP" || l == "WHPP") {
          std::string w = IsPre(c) ? text::AsciiLower(Word(c)) : "";
          if (ThatComplementizer(k, c)) w = "that";
          if (!(w == "that" || w == "whether" || w == "if")) that = false;
          break;
        }
        if (l == "S" || l == "SQ" || l == "SINV") break;
      }
      if (P == "VP" && that) return "ccomp";
      if (P == "ADJP" && that) return "ccomp";
      return "advcl";
    }
    if (D == "S" || D == "SQ" || D == "SINV" || D == "SBARQ") {
      if (in_np) return "acl";
      if (P == "VP") return ClauseHasSubject(k) ? "ccomp" : "xcomp";
      if (in_clause) return ClauseHasSubject(k) ? "ccomp" : "advcl";
      return "dep";
    }
    if (D == "VP") {
      if (in_np) return "acl";
      if (in_clause) return "advcl";
      return "xcomp";
    }
    if (D == "ADJP" || D == "WHADJP") return in_np ? "amod" : "xcomp";
    if (D == "ADVP" || D == "WHADVP") return "advmod";
    if (D == "PRT") return "compound:prt";
    if (D == "QP") return "nummod";
    if (D == "PRN") return "parataxis";
    if (D == "INTJ") return "discourse";
    if (D == "CONJP") return "cc";
    return "dep";
  }

  // Relations that need the whole tree: passive subjects and agents.
  void PostPass() {
    size_t n = tokens_.size();
    std::vector<bool> passive(n, false);
    for (size_t i = 0; i < n; ++i)
      if (tokens_[i].deprel == "aux:pass" && tokens_[i].head > 0)
        passive[tokens_[i].head - 1] = true;
    for (size_t i = 0; i < n; ++i) {
      Token& t = tokens_[i];
      if (t.head <= 0 || !passive[t.head - 1]) continue;
      if (t.deprel == "nsubj") t.deprel = "nsubj:pass";
      if (t.deprel == "obl") {
        for (size_t j = 0; j < n; ++j)
          if (tokens_[j].head == static_cast<int>(i) + 1 &&
              tokens_[j].deprel == "case" &&
              text::AsciiLower(t_.words[j]) == "by")
            t.deprel = "obl:agent";
      }
    }
  }

  const PtbTree& t_;
  std::vector<int> head_;
  std::vector<int> head_child_;  // of non-coordinated nodes, from Head()
  std::vector<Token> tokens_;
};

}  // namespace

Result<PtbTree> ParsePtb(std::string_view text, size_t* pos,
                         const PtbOptions& options) {
  PtbTree tree;
  size_t i = *pos;
  auto skip = [&] {
    while (i < text.size() && IsSpace(text[i])) ++i;
  };
  skip();
  if (i >= text.size() || text[i] != '(')
    return Status::Error(ErrorCode::kParseError,
                         "Penn Treebank parse: expected '('", "", i);
  std::vector<int> stack;
  while (true) {
    skip();
    if (i >= text.size())
      return Status::Error(ErrorCode::kParseError,
                           "Penn Treebank parse: unbalanced brackets", "", i);
    char c = text[i];
    if (c == '(') {
      ++i;
      skip();
      size_t b = i;
      while (i < text.size() && !IsSpace(text[i]) && text[i] != '(' &&
             text[i] != ')')
        ++i;
      if (tree.nodes.size() >= options.max_nodes)
        return Status::Error(ErrorCode::kLimitExceeded,
                             "Penn Treebank parse: more than " +
                                 std::to_string(options.max_nodes) + " nodes",
                             "", b);
      if (stack.size() >= options.max_depth)
        return Status::Error(ErrorCode::kLimitExceeded,
                             "Penn Treebank parse: nested deeper than " +
                                 std::to_string(options.max_depth),
                             "", b);
      PtbNode node;
      node.label = StripFunctionTags(text.substr(b, i - b));
      node.parent = stack.empty() ? -1 : stack.back();
      int id = static_cast<int>(tree.nodes.size());
      if (!stack.empty()) tree.nodes[stack.back()].children.push_back(id);
      tree.nodes.push_back(std::move(node));
      stack.push_back(id);
      skip();
      // A leaf: "(TAG word)".
      if (i < text.size() && text[i] != '(' && text[i] != ')') {
        size_t wb = i;
        while (i < text.size() && !IsSpace(text[i]) && text[i] != ')' &&
               text[i] != '(')
          ++i;
        std::string_view word = text.substr(wb, i - wb);
        if (tree.nodes[id].label.empty())
          return Status::Error(ErrorCode::kParseError,
                               "Penn Treebank parse: word without a tag", "",
                               wb);
        tree.nodes[id].word = static_cast<int>(tree.words.size());
        tree.words.push_back(Unescape(word));
        tree.preterminal.push_back(id);
        skip();
        if (i >= text.size() || text[i] != ')')
          return Status::Error(ErrorCode::kParseError,
                               "Penn Treebank parse: expected ')' after word",
                               "", i);
      }
    } else if (c == ')') {
      ++i;
      if (stack.empty())
        return Status::Error(ErrorCode::kParseError,
                             "Penn Treebank parse: unbalanced ')'", "", i - 1);
      stack.pop_back();
      if (stack.empty()) break;
    } else {
      return Status::Error(ErrorCode::kParseError,
                           "Penn Treebank parse: word outside a bracket", "",
                           i);
    }
  }
  // Drop empty elements (-NONE-) by turning them into childless nodes that
  // the converter ignores: rebuild without them.
  bool has_none = false;
  for (const auto& n : tree.nodes)
    if (n.label == "-NONE-") has_none = true;
  if (has_none) {
    PtbTree clean;
    std::vector<int> map(tree.nodes.size(), -1);
    auto keep = [&](auto&& self, int id) -> bool {
      const PtbNode& n = tree.nodes[id];
      if (n.label == "-NONE-") return false;
      if (n.word >= 0) return true;
      bool any = false;
      for (int k : n.children) any = self(self, k) || any;
      return any;
    };
    auto copy = [&](auto&& self, int id, int parent) -> void {
      const PtbNode& n = tree.nodes[id];
      int nid = static_cast<int>(clean.nodes.size());
      PtbNode c;
      c.label = n.label;
      c.parent = parent;
      if (parent >= 0) clean.nodes[parent].children.push_back(nid);
      clean.nodes.push_back(c);
      if (n.word >= 0) {
        clean.nodes[nid].word = static_cast<int>(clean.words.size());
        clean.words.push_back(tree.words[n.word]);
        clean.preterminal.push_back(nid);
        return;
      }
      for (int k : n.children)
        if (keep(keep, k)) self(self, k, nid);
    };
    copy(copy, 0, -1);
    tree = std::move(clean);
  }
  *pos = i;
  return tree;
}

Result<std::vector<PtbTree>> ParsePtbForest(std::string_view text,
                                            const PtbOptions& options) {
  std::vector<PtbTree> trees;
  size_t pos = 0;
  while (true) {
    while (pos < text.size() && IsSpace(text[pos])) ++pos;
    if (pos >= text.size()) break;
    Result<PtbTree> t = ParsePtb(text, &pos, options);
    if (!t.ok()) return t.status();
    trees.push_back(std::move(t).value());
  }
  return trees;
}

std::vector<Token> PtbToTokens(const PtbTree& tree) {
  return Converter(tree).Convert();
}

std::vector<int> PtbHeads(const PtbTree& tree) {
  return Converter(tree).Heads();
}

std::string_view PennToUpos(std::string_view t) {
  if (t == "NN" || t == "NNS") return "NOUN";
  if (t == "NNP" || t == "NNPS") return "PROPN";
  if (StartsWith(t, "VB")) return "VERB";
  if (t == "MD") return "AUX";
  if (StartsWith(t, "JJ")) return "ADJ";
  if (StartsWith(t, "RB") || t == "WRB") return "ADV";
  if (t == "IN" || t == "RP") return "ADP";
  if (t == "DT" || t == "PDT" || t == "WDT") return "DET";
  if (t == "PRP" || t == "WP" || t == "PRP$" || t == "WP$" || t == "EX")
    return "PRON";
  if (t == "CD") return "NUM";
  if (t == "CC") return "CCONJ";
  if (t == "TO" || t == "POS") return "PART";
  if (t == "UH") return "INTJ";
  if (t == "SYM" || t == "$" || t == "#") return "SYM";
  if (IsPunctTag(t)) return "PUNCT";
  return "X";
}

uint32_t AlignTokens(std::string_view text, uint32_t from,
                     std::vector<Token>& tokens) {
  size_t p = from;
  constexpr size_t kWindow = 64;
  for (Token& tok : tokens) {
    while (p < text.size() && IsSpace(text[p])) ++p;
    std::string_view w = tok.norm;
    size_t found = std::string_view::npos;
    size_t len = w.size();
    if (text.substr(p, w.size()) == w) {
      found = p;
    } else if (w == "\"") {
      // Quotes are written many ways.
      static const char* kQuotes[] = {
          "\"", "``", "''", "\xE2\x80\x9C", "\xE2\x80\x9D", "'", "`"};
      for (const char* q : kQuotes) {
        size_t ql = std::strlen(q);
        if (text.substr(p, ql) == q) {
          found = p;
          len = ql;
          break;
        }
      }
    }
    if (found == std::string_view::npos && !w.empty()) {
      size_t f = text.substr(0, std::min(text.size(), p + kWindow)).find(w, p);
      if (f != std::string_view::npos) found = f;
    }
    if (found == std::string_view::npos) {
      tok.span = {static_cast<uint32_t>(p), static_cast<uint32_t>(p)};
      continue;
    }
    tok.span = {static_cast<uint32_t>(found),
                static_cast<uint32_t>(found + len)};
    p = found + len;
    tok.space_after = p < text.size() && IsSpace(text[p]);
  }
  return static_cast<uint32_t>(p);
}

Status BuildFromPtb(Document& doc, const PtbOptions& options) {
  auto forest = ParsePtbForest(doc.ptb_parse, options);
  if (!forest.ok()) return forest.status().WithWhere(doc.id);
  doc.sentences.clear();
  doc.tokens.clear();
  bool rebuild = doc.text.empty();
  uint32_t pos = 0;
  for (const PtbTree& tree : *forest) {
    std::vector<Token> toks = PtbToTokens(tree);
    if (rebuild) {
      for (Token& t : toks) {
        if (!doc.text.empty()) doc.text += ' ';
        t.span.begin = static_cast<uint32_t>(doc.text.size());
        doc.text += t.norm;
        t.span.end = static_cast<uint32_t>(doc.text.size());
      }
    } else {
      pos = AlignTokens(doc.text, pos, toks);
    }
    Sentence s;
    s.token_begin = static_cast<uint32_t>(doc.tokens.size());
    s.token_end = s.token_begin + static_cast<uint32_t>(toks.size());
    if (!toks.empty()) {
      s.span.begin = toks.front().span.begin;
      s.span.end = std::max(toks.back().span.end, s.span.begin);
    }
    for (Token& t : toks) doc.tokens.push_back(std::move(t));
    doc.sentences.push_back(s);
  }
  return Status();
}

namespace {
class GivenParseComponent : public Component {
 public:
  explicit GivenParseComponent(PtbOptions o) : options_(o) {}
  std::string_view name() const override { return "given-parse"; }
  uint32_t requires_annotations() const override { return kText; }
  uint32_t assigns_annotations() const override {
    return kSentences | kTokens | kTags | kLemmas | kTree;
  }
  Status Process(Document& doc) const override {
    if (doc.ptb_parse.empty()) return Status();
    return BuildFromPtb(doc, options_);
  }

 private:
  PtbOptions options_;
};
}  // namespace

std::unique_ptr<Component> MakeGivenParseComponent(const PtbOptions& options) {
  return std::make_unique<GivenParseComponent>(options);
}

}  // namespace curlew
