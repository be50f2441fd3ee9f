// Synthetic coded documents for the store's tests and benchmarks: made-up
// sentences with events spread over actors, CAMEO codes and dates, fully
// determined by the document number (no randomness between runs).
//
// Thread safety: pure functions.
#ifndef CURLEW_STORE_SYNTHETIC_H_
#define CURLEW_STORE_SYNTHETIC_H_

#include <cstdint>
#include <string>

#include "curlew/document.h"
#include "curlew/ledger.h"

namespace curlew::store {

struct SyntheticOptions {
  int sentences = 4;            // sentences per document
  int events_per_sentence = 1;  // events on each sentence
  int days = 1096;              // dates spread over this many days from 2018
  int actors = 24;              // distinct actor codes used
};

// Document number `n`: id "syn-<n>", a date, text, sentences and events.
Document SyntheticDocument(uint64_t n, const SyntheticOptions& options = {});

// The same document as one JSONL input line ({"id","date","text"}),
// without annotations, for feeding `curlew ingest`.
std::string SyntheticJsonl(uint64_t n, const SyntheticOptions& options = {});

// A ledger input for document `doc` (= SyntheticDocument(n, ...)): one
// step of a made-up, titled agreement that documents 4k..4k+3 share
// ("Bexo Accord": negotiated, signed, ratified, entered into force), with
// the document's events and sentence texts. Titles differ between groups
// and name no parties or kind, so each agreement's documents are tied to
// no other's (a small ledger component per document). Event lemmas are
// left empty (no pledges to match).
LedgerInput SyntheticLedgerInput(const Document& doc, uint64_t n);

}  // namespace curlew::store

#endif  // CURLEW_STORE_SYNTHETIC_H_
