// The words that name an agreement and the kind each gives.

#include "ledger/agreement_words.h"

#include <cctype>
#include <string>
#include <string_view>
#include <utility>

namespace curlew::ledger_extract {

namespace {

// Nouns that name an agreement only as the last word of a capitalised
// title ("the Windsor Framework", "the Black Sea Grain Initiative"); in
// lower case they are common words ("a framework for talks").
bool IsTitleOnlyAgreementWord(std::string_view lemma) {
  return In(lemma, {"framework", "initiative"});
}

}  // namespace

const char* KindOf(std::string_view lemma) {
  static const std::pair<std::string_view, const char*> kKinds[] = {
      {"extradition", "extradition"},
      {"trade", "trade"},
      {"free-trade", "trade"},
      {"commerce", "trade"},
      {"security", "security"},
      {"defence", "security"},
      {"defense", "security"},
      {"military", "security"},
      {"peace", "peace"},
      {"nuclear", "nuclear"},
      {"arms", "arms control"},
      {"border", "border"},
      {"gas", "energy"},
      {"energy", "energy"},
      {"oil", "energy"},
      {"climate", "climate"},
      {"investment", "investment"},
      {"migration", "migration"},
      {"migrant", "migration"},
      {"refugee", "migration"},
      {"grain", "grain"},
      {"fishing", "fisheries"},
      {"fishery", "fisheries"},
      {"water", "water"},
      {"waters", "water"},
      {"ceasefire", "ceasefire"},
      {"cease-fire", "ceasefire"},
      {"truce", "ceasefire"},
      {"armistice", "ceasefire"},
      {"tax", "tax"},
      {"visa", "visa"},
      {"readmission", "migration"},
      {"aviation", "aviation"},
      {"accession", "accession"},
      {"withdrawal", "withdrawal"},
      {"brexit", "withdrawal"},
      {"normalisation", "normalisation"},
      {"normalization", "normalisation"},
      // Political texts that need no ratification, by their form.
      {"memorandum", "memorandum"},
      {"declaration", "declaration"},
      {"statement", "declaration"},
  };
  for (const auto& [l, k] : kKinds)
    if (lemma == l) return k;
  return nullptr;
}

bool IsAgreementWord(std::string_view lemma) {
  return In(lemma,
            {"treaty", "accord", "agreement", "deal", "pact", "convention",
             "memorandum", "ceasefire", "cease-fire", "truce", "armistice",
             "protocol", "partnership", "declaration"});
}

bool IsAgreementNoun(const Tree& t, uint32_t i) {
  const std::string& l = t.lemma(i);
  // "signed a joint statement": a declaration in all but name.
  if (l == "statement")
    return t.HasChildLemma(i, {"amod"}, {"joint"}) &&
           (t.tok(i).upos == "NOUN" || t.tok(i).upos == "PROPN");
  if (IsTitleOnlyAgreementWord(l)) {
    std::string_view w = t.text(i);
    return i > 0 && !w.empty() &&
           std::isupper(static_cast<unsigned char>(w[0])) &&
           t.tok(i - 1).upos == "PROPN";
  }
  // ("the Abraham Accords": a name's plural keeps its form as its lemma)
  const bool plural_name =
      t.tok(i).upos == "PROPN" && l.size() > 3 && l.back() == 's' &&
      IsAgreementWord(std::string_view(l).substr(0, l.size() - 1));
  if (!IsAgreementWord(l) && !plural_name) return false;
  const std::string& upos = t.tok(i).upos;
  if (!upos.empty() && upos != "NOUN" && upos != "PROPN") return false;
  if (l == "deal" && t.HasChildLemma(i, {"amod"}, {"great", "good"}))
    return false;
  // "in agreement with", "reach agreement on" are not named agreements
  // unless determined; keep "an agreement", "the agreement".
  if (l == "agreement" && t.HasChildLemma(i, {"case"}, {"in"})) return false;
  return true;
}

}  // namespace curlew::ledger_extract
