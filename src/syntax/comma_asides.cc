#include "syntax/comma_asides.h"

#include <cctype>
#include <vector>

namespace curlew {

std::vector<bool> FindCommaAsides(const DependencyTree& tree,
                                  const std::vector<std::string>& upper,
                                  const CommaRules& rules,
                                  bool news_conventions) {
  const size_t n = tree.size();
  std::vector<bool> aside(n, false);
  std::vector<size_t> commas;
  for (size_t i = 0; i < n; ++i)
    if (upper[i] == ",") commas.push_back(i);
  if (commas.empty()) return aside;
  auto words = [&](size_t b, size_t e) {  // word tokens in [b, e)
    int c = 0;
    for (size_t i = b; i < e; ++i)
      if (!std::ispunct(static_cast<unsigned char>(upper[i][0])) ||
          upper[i].size() > 1)
        ++c;
    return c;
  };
  auto mark = [&](size_t b, size_t e) {
    // A list ("X, Y and Z") is not a comma clause.
    for (size_t i = b; i < e; ++i)
      if ((tree.rel(i) == DepRel::kConj || tree.rel(i) == DepRel::kCc) &&
          (tree.head(i) < static_cast<int>(b) ||
           tree.head(i) >= static_cast<int>(e)))
        return;
    for (size_t i = b; i < e; ++i) aside[i] = true;
  };
  // A stretch with its own subject is a main clause, not an aside
  // (initial and internal stretches only: "..., officials said." goes).
  auto has_subject = [&](size_t b, size_t e) {
    for (size_t i = b; i < e; ++i)
      if (tree.rel(i) == DepRel::kNsubj || tree.rel(i) == DepRel::kNsubjPass)
        return true;
    return false;
  };
  if (rules.bmax > 0) {
    int w = words(0, commas.front());
    if (w >= rules.bmin && w <= rules.bmax && !has_subject(0, commas.front()))
      mark(0, commas.front() + 1);
  }
  if (rules.emax > 0) {
    size_t end = n;
    while (end > commas.back() + 1 &&
           std::ispunct(static_cast<unsigned char>(upper[end - 1][0])) &&
           upper[end - 1].size() == 1)
      --end;
    int w = words(commas.back() + 1, end);
    // Not when it ends the main clause whose subject came before
    // ("X, the old foe of Y, criticized Z.").
    bool main_clause = false;
    for (size_t i = commas.back() + 1; i < n; ++i) {
      if (tree.head(i) >= 0) continue;
      for (int c : tree.kids(i))
        if ((tree.rel(c) == DepRel::kNsubj ||
             tree.rel(c) == DepRel::kNsubjPass) &&
            c < static_cast<int>(commas.back()))
          main_clause = true;
    }
    // "Poland, which has built a fence, accused Belarus ...": after an
    // actor and a relative clause, the last stretch is the main clause.
    if (news_conventions && commas.size() >= 2) {
      bool verb_before = false;
      for (size_t i = 0; i < commas.front(); ++i)
        verb_before = verb_before || tree.token(i).xpos.starts_with("VB");
      const std::string& next = upper[commas.front() + 1];
      if (!verb_before && (next == "WHICH" || next == "WHO" ||
                           next == "WHOSE" || next == "WHERE"))
        main_clause = true;
    }
    if (w >= rules.emin && w <= rules.emax && !main_clause)
      mark(commas.back(), n);
  }
  if (rules.max > 0) {
    for (size_t k = 0; k + 1 < commas.size(); ++k) {
      int w = words(commas[k] + 1, commas[k + 1]);
      if (w >= rules.min && w <= rules.max &&
          !has_subject(commas[k] + 1, commas[k + 1]))
        mark(commas[k], commas[k + 1]);
    }
  }
  return aside;
}

}  // namespace curlew
