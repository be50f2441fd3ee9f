#include "actors/shared_names.h"

#include <gtest/gtest.h>

#include <string>

#include "actors/mention_test_util.h"
#include "testing/simple_doc.h"

namespace curlew {
namespace {

using testing::CodeAt;
using testing::Mention;

TEST(SharedNamesTest, TakesTheOtherStateTheDocumentNames) {
  Document doc =
      testing::SimpleDoc("Gunmen shelled Tripoli , the Lebanese army said .");
  Mention(doc, "Tripoli", "LBY");
  Mention(doc, "Lebanese", "LBNMIL");
  ResolveSharedPlaceNames(doc);
  EXPECT_EQ(CodeAt(doc, "Tripoli"), "LBN");
  EXPECT_EQ(doc.actor_matches[0].code, "LBN");
}

TEST(SharedNamesTest, KeepsTheFirstStateWhenTheDocumentNamesIt) {
  Document doc = testing::SimpleDoc(
      "Libyan rebels entered Tripoli as Lebanese envoys left .");
  Mention(doc, "Libyan", "LBYREB");
  Mention(doc, "Tripoli", "LBY");
  Mention(doc, "Lebanese", "LBN");
  ResolveSharedPlaceNames(doc);
  EXPECT_EQ(CodeAt(doc, "Tripoli"), "LBY");

  Document alone = testing::SimpleDoc("Gunmen shelled Tripoli .");
  Mention(alone, "Tripoli", "LBY");
  ResolveSharedPlaceNames(alone);
  EXPECT_EQ(CodeAt(alone, "Tripoli"), "LBY");
}

}  // namespace
}  // namespace curlew
