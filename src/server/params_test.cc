#include "server/params.h"

#include <gtest/gtest.h>

namespace curlew::server {
namespace {

const std::vector<ParamSpec> kSpecs = {
    {"from", ParamType::kDate, ""},
    {"who", ParamType::kActorCode, ""},
    {"n", ParamType::kInteger, "", 1, 10},
    {"by", ParamType::kChoice, "", 0, 0, {"dyad", "root"}},
    {"q", ParamType::kText, "", 0, 8},
    {"flag", ParamType::kBoolean, ""},
    {"cursor", ParamType::kCursor, ""},
};

Status Check(RawParams raw) { return CheckParams(kSpecs, raw).status(); }

TEST(ParamsTest, AcceptsGoodValues) {
  auto v = CheckParams(kSpecs, {{"from", "2020-02-29"},
                                {"who", "---GOV"},
                                {"n", "10"},
                                {"by", "root"},
                                {"q", "Erdoğan"},
                                {"flag", "true"}});
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(v->Get("who"), "---GOV");
  EXPECT_EQ(v->GetInt("n", 0), 10);
  EXPECT_EQ(v->GetInt("absent", 7), 7);
  EXPECT_FALSE(v->Has("cursor"));
}

TEST(ParamsTest, RefusesUnknownRepeatedAndBadValues) {
  for (const RawParams& raw : std::vector<RawParams>{
           {{"other", "1"}},
           {{"n", "1"}, {"n", "2"}},
           {{"from", "2021-02-29"}},
           {{"from", "20200"}},
           {{"from", ""}},
           {{"who", "TUR GOV"}},
           {{"who", "TUR;DROP"}},
           {{"who", std::string(33, 'A')}},
           {{"n", "0"}},
           {{"n", "11"}},
           {{"n", "+1"}},
           {{"n", "1e3"}},
           {{"n", "99999999999999999999"}},
           {{"by", "Dyad"}},
           {{"q", "123456789"}},
           {{"q", "a\nb"}},
           {{"q", "\xc0\xaf"}},      // overlong '/'
           {{"q", "\xed\xa0\x80"}},  // surrogate
           {{"q", "\xe2\x82"}},      // truncated
           {{"flag", "1"}},
           {{"cursor", "!!"}},
       }) {
    Status s = Check(raw);
    EXPECT_FALSE(s.ok()) << raw[0].first << "=" << raw[0].second;
    EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
  }
}

TEST(ParamsTest, CursorsRoundTripAndRejectForgeries) {
  EventFilter::Position p{"2020-06", "reports.jsonl:3 (b)", 12};
  auto back = DecodeCursor(EncodeCursor(p));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->date, p.date);
  EXPECT_EQ(back->doc_id, p.doc_id);
  EXPECT_EQ(back->index, 12);
  EXPECT_TRUE(DecodeCursor(EncodeCursor({"", "d", 0})).ok());  // undated
  EXPECT_FALSE(DecodeCursor("").ok());
  EXPECT_FALSE(DecodeCursor(EncodeCursor({"2020-13", "d", 1})).ok());
  EXPECT_FALSE(DecodeCursor(EncodeCursor({"2020", "", 1})).ok());
  EXPECT_FALSE(DecodeCursor(std::string(2000, 'A')).ok());
}

TEST(ParamsTest, FilterParametersFillTheFilter) {
  auto v = CheckParams(FilterParamSpecs(), {{"from", "2020"},
                                            {"source", "TUR"},
                                            {"quad", "3"},
                                            {"match", "exact"},
                                            {"one_a_day", "true"},
                                            {"text", "treaty"},
                                            {"actor", "CHN"}});
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EventFilter f;
  ApplyFilterParams(*v, &f);
  EXPECT_EQ(f.from, "2020");
  EXPECT_EQ(f.source, "TUR");
  EXPECT_EQ(f.actor, "CHN");
  EXPECT_EQ(f.quad, 3);
  EXPECT_TRUE(f.exact_actors);
  EXPECT_TRUE(f.one_a_day);
  EXPECT_EQ(f.text, "treaty");
  EXPECT_TRUE(ValidateFilter(f).ok());
}

}  // namespace
}  // namespace curlew::server
