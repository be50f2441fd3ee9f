#include "syntax/repairs.h"

#include <array>
#include <string_view>

namespace curlew::syntax {
namespace {

bool IsReportingLemma(std::string_view lemma) {
  static constexpr std::array<std::string_view, 9> kLemmas = {
      "say",      "report", "tell",    "add",  "state",
      "announce", "claim",  "confirm", "write"};
  for (std::string_view l : kLemmas) {
    if (lemma == l) return true;
  }
  return false;
}

// Verbs whose "to" infinitive is their complement (subject or object
// control): what is vowed, tried, decided, asked or urged.
bool IsControlVerb(std::string_view lemma) {
  static constexpr std::array<std::string_view, 43> kLemmas = {
      "vow",      "promise",   "pledge",    "agree",   "threaten", "decide",
      "try",      "attempt",   "plan",      "want",    "refuse",   "seek",
      "offer",    "hope",      "intend",    "expect",  "aim",      "fail",
      "vote",     "resolve",   "undertake", "prepare", "begin",    "start",
      "continue", "need",      "wish",      "choose",  "demand",   "ask",
      "urge",     "call",      "order",     "force",   "allow",    "permit",
      "persuade", "encourage", "invite",    "help",    "commit",   "swear",
      "move"};
  for (std::string_view l : kLemmas) {
    if (lemma == l) return true;
  }
  return false;
}

// Whether token `a` (1-based) is `b` or lies under it.
bool Under(const Token* t, size_t n, size_t a, size_t b) {
  for (size_t steps = 0; a != 0 && steps <= n; ++steps) {
    if (a == b) return true;
    const int h = t[a - 1].head;
    if (h < 0 || static_cast<size_t>(h) > n) return false;
    a = static_cast<size_t>(h);
  }
  return false;
}

bool IsName(const Token& t) { return t.upos == "PROPN"; }

}  // namespace

void RepairClosingAttribution(Token* t, size_t n) {
  size_t root = 0;
  for (size_t i = 1; i <= n; ++i) {
    if (t[i - 1].head == 0) root = i;
  }
  if (root == 0) return;
  for (size_t v = 1; v <= n; ++v) {
    Token& verb = t[v - 1];
    if (verb.deprel != "acl:relcl" || !IsReportingLemma(verb.lemma) ||
        (verb.xpos != "VBD" && verb.xpos != "VBZ" && verb.xpos != "VBP")) {
      continue;
    }
    size_t subject = 0;
    bool own_content = false;
    for (size_t c = 1; c <= n; ++c) {
      const Token& child = t[c - 1];
      if (child.head != static_cast<int>(v)) continue;
      if (child.xpos == "WDT" || child.xpos == "WP" || child.xpos == "WP$" ||
          child.deprel == "obj" || child.deprel == "ccomp" ||
          child.deprel == "xcomp") {
        own_content = true;
      }
      if (child.deprel == "nsubj" && c < v) subject = c;
    }
    const size_t noun = static_cast<size_t>(verb.head);
    if (own_content || subject == 0 || noun == 0 || noun >= subject ||
        (t[noun - 1].upos != "NOUN" && t[noun - 1].upos != "PROPN") ||
        Under(t, n, root, v)) {
      continue;
    }
    // The words after the verb are its own (and the final punctuation).
    bool ends_sentence = true;
    for (size_t k = v + 1; k <= n && ends_sentence; ++k) {
      ends_sentence = Under(t, n, k, v) || t[k - 1].upos == "PUNCT";
    }
    // The noun's phrase starts right after a comma.
    size_t left = noun;
    while (left > 1 && t[left - 2].xpos != "," && Under(t, n, left - 1, noun) &&
           !Under(t, n, left - 1, v)) {
      --left;
    }
    if (!ends_sentence || left < 2 || t[left - 2].xpos != ",") continue;
    verb.head = static_cast<int>(root);
    verb.deprel = "parataxis";
    t[noun - 1].head = static_cast<int>(v);
    t[noun - 1].deprel = "nsubj";
    t[subject - 1].head = static_cast<int>(noun);
    t[subject - 1].deprel = "appos";
    t[left - 2].head = static_cast<int>(v);
    t[left - 2].deprel = "punct";
  }
}

void RepairNameListApposition(Token* t, size_t n) {
  for (size_t a = 1; a <= n; ++a) {
    Token& appos = t[a - 1];
    if (appos.deprel != "appos" || !IsName(appos) || appos.head <= 0) continue;
    const size_t first = static_cast<size_t>(appos.head);
    if (first >= a || !IsName(t[first - 1])) continue;
    size_t conj = 0;
    for (size_t c = a + 1; c <= n && conj == 0; ++c) {
      if (t[c - 1].head == static_cast<int>(a) && t[c - 1].deprel == "conj" &&
          IsName(t[c - 1])) {
        for (size_t k = a + 1; k < c; ++k) {
          if (t[k - 1].head == static_cast<int>(c) && t[k - 1].deprel == "cc")
            conj = c;
        }
      }
    }
    if (conj == 0) continue;
    appos.deprel = "conj";
    t[conj - 1].head = static_cast<int>(first);
  }
}

void RepairDoubleSubject(Token* t, size_t n) {
  for (size_t s = 2; s <= n; ++s) {
    Token& second = t[s - 1];
    Token& first = t[s - 2];
    if (second.deprel != "nsubj" || first.deprel != "nsubj" ||
        first.head != second.head) {
      continue;
    }
    first.head = static_cast<int>(s);
    first.deprel = first.upos == "ADJ" ? "amod" : "compound";
  }
}

void RepairControlComplement(Token* t, size_t n) {
  for (size_t d = 2; d <= n; ++d) {
    Token& inf = t[d - 1];
    if (inf.deprel != "advcl" || inf.xpos != "VB" || inf.head <= 0 ||
        static_cast<size_t>(inf.head) >= d) {
      continue;
    }
    const Token& verb = t[inf.head - 1];
    if (verb.upos != "VERB" || !IsControlVerb(verb.lemma)) continue;
    bool to = false, subject = false;
    for (size_t c = 1; c < d; ++c) {
      if (t[c - 1].head != static_cast<int>(d)) continue;
      if (t[c - 1].xpos == "TO" && t[c - 1].deprel == "mark") to = true;
      if (t[c - 1].deprel.starts_with("nsubj")) subject = true;
    }
    if (to && !subject) inf.deprel = "xcomp";
  }
}

void RepairParse(Token* t, size_t n) {
  RepairClosingAttribution(t, n);
  RepairNameListApposition(t, n);
  RepairDoubleSubject(t, n);
  RepairControlComplement(t, n);
}

}  // namespace curlew::syntax
