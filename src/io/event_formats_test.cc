#include "io/event_formats.h"

#include <gtest/gtest.h>

namespace curlew {
namespace {

int Fields(const std::string& line) {
  int n = 1;
  for (char c : line) n += c == '\t';
  return n;
}

TEST(EventFormatsTest, PetrarchLine) {
  Document doc;
  doc.id = "wire-7";
  doc.date = "2021-03-14";
  Event e;
  e.sentence = 2;
  e.source = "VLMGOV";
  e.target = "KST";
  e.cameo = "042";
  e.issues = "FOOD 1";
  e.source_text = "Vellish\tenvoys";
  EXPECT_EQ(FormatPetrarchEvent(doc, e),
            "20210314\tVLMGOV\tKST\t042\tFOOD 1\twire-7-2\tVellish envoys\t\t");
}

TEST(EventFormatsTest, PhoenixLineHasHeaderColumns) {
  Document doc;
  doc.id = "d";
  doc.date = "2021-03-14";
  Event e;
  e.source = "VLMGOVMIL";
  e.target = "---GOV";
  e.cameo = "190";
  e.root = "19";
  e.quad = 4;
  e.goldstein = -10;
  std::string line = FormatPhoenixEvent(doc, e, 0);
  EXPECT_EQ(Fields(line), Fields(PhoenixHeader()));
  EXPECT_NE(line.find("\tVLMGOVMIL\tVLM\tGOV\tMIL\t"), std::string::npos);
  EXPECT_NE(line.find("\t---GOV\t---\tGOV\t\t"), std::string::npos);
  EXPECT_NE(line.find("\t190\t19\t4\t-10.0\t"), std::string::npos);
}

}  // namespace
}  // namespace curlew
