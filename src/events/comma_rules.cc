#include "events/coder_run.h"

#include <cctype>
#include <vector>

namespace curlew {

void Coder::Run::MaskCommaStretches() {
  masked_.assign(n_, false);
  std::vector<size_t> commas;
  for (size_t i = 0; i < n_; ++i)
    if (upper_[i] == ",") commas.push_back(i);
  if (commas.empty()) return;
  auto words = [&](size_t b, size_t e) {  // word tokens in [b, e)
    int c = 0;
    for (size_t i = b; i < e; ++i)
      if (!std::ispunct(static_cast<unsigned char>(upper_[i][0])) ||
          upper_[i].size() > 1)
        ++c;
    return c;
  };
  auto mask = [&](size_t b, size_t e) {
    // A list ("X, Y and Z") is not a comma clause.
    for (size_t i = b; i < e; ++i)
      if ((Rel(i) == DepRel::kConj || Rel(i) == DepRel::kCc) &&
          (tree_.head(i) < static_cast<int>(b) ||
           tree_.head(i) >= static_cast<int>(e)))
        return;
    for (size_t i = b; i < e; ++i) masked_[i] = true;
  };
  // A stretch with its own subject is a main clause, not an aside
  // (initial and internal stretches only: "..., officials said." goes).
  auto has_subject = [&](size_t b, size_t e) {
    for (size_t i = b; i < e; ++i)
      if (Rel(i) == DepRel::kNsubj || Rel(i) == DepRel::kNsubjPass) return true;
    return false;
  };
  if (opt_.comma_bmax > 0) {
    int w = words(0, commas.front());
    if (w >= opt_.comma_bmin && w <= opt_.comma_bmax &&
        !has_subject(0, commas.front()))
      mask(0, commas.front() + 1);
  }
  if (opt_.comma_emax > 0) {
    size_t end = n_;
    while (end > commas.back() + 1 &&
           std::ispunct(static_cast<unsigned char>(upper_[end - 1][0])) &&
           upper_[end - 1].size() == 1)
      --end;
    int w = words(commas.back() + 1, end);
    // Not when it ends the main clause whose subject came before
    // ("X, the old foe of Y, criticized Z.").
    bool main_clause = false;
    for (size_t i = commas.back() + 1; i < n_; ++i) {
      if (tree_.head(i) >= 0) continue;
      for (int c : tree_.kids(i))
        if ((Rel(c) == DepRel::kNsubj || Rel(c) == DepRel::kNsubjPass) &&
            c < static_cast<int>(commas.back()))
          main_clause = true;
    }
    // "Poland, which has built a fence, accused Belarus ...": after an
    // actor and a relative clause, the last stretch is the main clause.
    if (opt_.news_conventions && commas.size() >= 2) {
      bool verb_before = false;
      for (size_t i = 0; i < commas.front(); ++i)
        verb_before = verb_before || verb_tag_[i];
      const std::string& next = upper_[commas.front() + 1];
      if (!verb_before && (next == "WHICH" || next == "WHO" ||
                           next == "WHOSE" || next == "WHERE"))
        main_clause = true;
    }
    if (w >= opt_.comma_emin && w <= opt_.comma_emax && !main_clause)
      mask(commas.back(), n_);
  }
  if (opt_.comma_max > 0) {
    for (size_t k = 0; k + 1 < commas.size(); ++k) {
      int w = words(commas[k] + 1, commas[k + 1]);
      if (w >= opt_.comma_min && w <= opt_.comma_max &&
          !has_subject(commas[k] + 1, commas[k + 1]))
        mask(commas[k], commas[k + 1]);
    }
  }
}

}  // namespace curlew
