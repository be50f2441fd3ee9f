#include "ledger/extract.h"

#include <gtest/gtest.h>

#include <string>

#include "testing/simple_doc.h"

namespace curlew {
namespace {

// A given parse whose heads form a cycle (hand-made CoNLL-U) is read as
// flat: the extractor finishes and records no step.
TEST(LedgerExtractTest, CyclicTreeDoesNotHang) {
  Document doc = testing::SimpleDoc("Kestrand ratified the treaty .");
  const int heads[] = {2, 4, 4, 2, 2};
  const char* rels[] = {"nsubj", "root", "det", "obj", "punct"};
  const char* lemmas[] = {"Kestrand", "ratify", "the", "treaty", "."};
  const char* upos[] = {"PROPN", "VERB", "DET", "NOUN", "PUNCT"};
  ASSERT_EQ(doc.tokens.size(), 5u);
  for (size_t i = 0; i < 5; ++i) {
    doc.tokens[i].head = heads[i];
    doc.tokens[i].deprel = rels[i];
    doc.tokens[i].lemma = lemmas[i];
    doc.tokens[i].upos = upos[i];
  }
  LedgerInput in = ExtractLedgerInput(doc, {});
  ASSERT_EQ(in.agreements.size(), 1u);  // the treaty is mentioned
  EXPECT_FALSE(in.agreements[0].has_step);
}

}  // namespace
}  // namespace curlew
