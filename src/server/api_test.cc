#include "server/api.h"

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "server/test_stores.h"

namespace curlew::server {
namespace {

using nlohmann::json;

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    std::string path = testing::ExampleStore(&error);
    ASSERT_FALSE(path.empty()) << error;
    auto pool = StorePool::Open(path, {}, 2);
    ASSERT_TRUE(pool.ok()) << pool.status().ToString();
    pool_ = std::move(*pool).release();
    api_ = new Api(pool_, {});
    auto store = Store::Open(path, {});
    ASSERT_TRUE(store.ok());
    store_ = std::move(*store).release();
  }
  static void TearDownTestSuite() {
    delete api_;
    delete pool_;
    delete store_;
  }

  // GET path?query; the status must be `status`; the body is JSON.
  static json Get(const std::string& path, RawParams params = {},
                  int status = 200) {
    ApiResponse r = api_->Handle({path, std::move(params)});
    EXPECT_EQ(r.status, status) << path << ": " << r.body;
    json j = json::parse(r.body, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << r.body;
    return j;
  }

  static std::vector<EventRecord> StoreEvents(const EventFilter& f) {
    std::vector<EventRecord> out;
    EXPECT_TRUE(store_
                    ->QueryEvents(f,
                                  [&](const EventRecord& r) {
                                    out.push_back(r);
                                    return true;
                                  })
                    .ok());
    return out;
  }

  static StorePool* pool_;
  static Api* api_;
  static Store* store_;
};
StorePool* ApiTest::pool_ = nullptr;
Api* ApiTest::api_ = nullptr;
Store* ApiTest::store_ = nullptr;

TEST_F(ApiTest, HealthCountsTheStore) {
  json h = Get("/api/health");
  auto counts = store_->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(h["status"], "ok");
  EXPECT_EQ(h["backend"], "sqlite");
  EXPECT_EQ(h["events"], counts->events);
  EXPECT_EQ(h["documents"], counts->documents);
  EXPECT_GT(counts->events, 20);
}

TEST_F(ApiTest, EventPagesCoverEveryEventOnceInOrder) {
  std::vector<EventRecord> all = StoreEvents({});
  std::vector<std::pair<std::string, int64_t>> seen;
  std::string cursor;
  int pages = 0;
  do {
    RawParams p = {{"limit", "7"}};
    if (!cursor.empty()) p.push_back({"cursor", cursor});
    json page = Get("/api/events", p);
    ASSERT_LE(page["events"].size(), 7u);
    for (const json& e : page["events"])
      seen.emplace_back(e["doc_id"], e["event"].get<int64_t>());
    cursor = page["next_cursor"].is_null()
                 ? ""
                 : page["next_cursor"].get<std::string>();
    ASSERT_LT(++pages, 100);
  } while (!cursor.empty());
  ASSERT_EQ(seen.size(), all.size());
  for (size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(seen[i].first, all[i].doc_id);
    EXPECT_EQ(seen[i].second, all[i].index);
  }
}

TEST_F(ApiTest, EventsCarryTheirSentenceAndMarks) {
  json page = Get("/api/events", {{"limit", "1000"}});
  int triggers = 0;
  for (const json& e : page["events"]) {
    std::string text = e["text"];
    for (const json& m : e["marks"]) {
      size_t b = m["begin"], en = m["end"];
      ASSERT_LE(en, text.size());
      std::string words = text.substr(b, en - b);
      std::string field = m["kind"] == "trigger"  ? "verb_text"
                          : m["kind"] == "source" ? "source_text"
                                                  : "target_text";
      std::string expected = e[field];
      // The marked words are the field's text (case aside), or for a
      // trigger split by other words, its first word.
      auto lower = [](std::string s) {
        for (char& c : s)
          c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
      };
      EXPECT_TRUE(lower(words) == lower(expected) ||
                  lower(expected).starts_with(lower(words) + " "))
          << words << " vs " << expected;
      triggers += m["kind"] == "trigger";
    }
  }
  EXPECT_GT(triggers, static_cast<int>(page["events"].size()) / 2);
}

TEST_F(ApiTest, FiltersSelectWhatTheStoreSelects) {
  std::vector<EventRecord> all = StoreEvents({});
  ASSERT_FALSE(all.empty());
  const EventRecord& probe = all[all.size() / 2];
  struct Case {
    RawParams params;
    EventFilter filter;
  };
  std::vector<Case> cases;
  EventFilter f;
  f.source = probe.event.source.substr(0, 3);
  cases.push_back({{{"source", f.source}}, f});
  f = {};
  f.actor = probe.event.target.substr(0, 3);
  cases.push_back({{{"actor", f.actor}}, f});
  f = {};
  f.quad = probe.event.quad;
  cases.push_back({{{"quad", std::to_string(f.quad)}}, f});
  f = {};
  f.root = probe.event.root;
  f.from = probe.date.substr(0, 4);
  cases.push_back({{{"root", f.root}, {"from", f.from}}, f});
  f = {};
  f.text = "the";
  cases.push_back({{{"text", "the"}}, f});
  f = {};
  f.source = probe.event.source;
  f.target = probe.event.target;
  f.exact_actors = true;
  cases.push_back(
      {{{"source", f.source}, {"target", f.target}, {"match", "exact"}}, f});
  for (Case& c : cases) {
    c.params.push_back({"limit", "1000"});
    json page = Get("/api/events", c.params);
    std::vector<EventRecord> want = StoreEvents(c.filter);
    ASSERT_EQ(page["events"].size(), want.size()) << c.params[0].first;
    for (size_t i = 0; i < want.size(); ++i)
      EXPECT_EQ(page["events"][i]["event_id"], want[i].event_id);
  }
  // Exact match excludes the longer codes a prefix would take.
  json exact = Get(
      "/api/events",
      {{"source", probe.event.source}, {"match", "exact"}, {"limit", "1000"}});
  for (const json& e : exact["events"])
    EXPECT_EQ(e["source"], probe.event.source);
}

TEST_F(ApiTest, CountsAddUpToTheEvents) {
  int64_t events = (*store_->Counts()).events;
  for (std::string by : {"dyad", "root", "quad"}) {
    for (std::string per : {"all", "week", "month"}) {
      json c = Get("/api/counts", {{"by", by}, {"per", per}});
      int64_t total = 0;
      for (const json& r : c["rows"]) total += r["events"].get<int64_t>();
      EXPECT_EQ(total, events) << by << " per " << per;
      EXPECT_FALSE(c["truncated"]);
    }
  }
  json top =
      Get("/api/counts", {{"by", "dyad"}, {"sort", "events"}, {"limit", "3"}});
  ASSERT_EQ(top["rows"].size(), 3u);
  EXPECT_TRUE(top["truncated"]);
  EXPECT_GE(top["rows"][0]["events"], top["rows"][1]["events"]);
  json quads = Get("/api/counts", {{"by", "quad"}});
  for (const json& r : quads["rows"]) {
    EXPECT_GE(r["quad"].get<int>(), 1);
    EXPECT_LE(r["quad"].get<int>(), 4);
  }
}

TEST_F(ApiTest, ActorsCountEventsAsSourceOrTarget) {
  json a = Get("/api/actors", {{"limit", "1000"}});
  ASSERT_FALSE(a["actors"].empty());
  std::map<std::string, int64_t> want;
  for (const EventRecord& r : StoreEvents({})) {
    if (!r.event.source.empty()) ++want[r.event.source];
    if (!r.event.target.empty() && r.event.target != r.event.source)
      ++want[r.event.target];
  }
  EXPECT_EQ(a["actors"].size(), want.size());
  int64_t previous = INT64_MAX;
  for (const json& x : a["actors"]) {
    EXPECT_EQ(x["events"], want[x["code"]]) << x["code"];
    EXPECT_LE(x["events"].get<int64_t>(), previous);
    previous = x["events"];
  }
}

TEST_F(ApiTest, DocumentMarksAreByteSpansOfItsText) {
  std::vector<EventRecord> all = StoreEvents({});
  ASSERT_FALSE(all.empty());
  json d = Get("/api/documents/" + all[0].doc_id);
  std::string text = d["document"]["text"];
  EXPECT_FALSE(d["sentences"].empty());
  ASSERT_FALSE(d["events"].empty());
  for (const json& e : d["events"]) {
    for (const json& m : e["marks"]) {
      size_t b = m["begin"], en = m["end"];
      ASSERT_LE(en, text.size());
      if (m["kind"] == "source") {
        EXPECT_EQ(text.substr(b, en - b), e["source_text"]);
      }
    }
  }
  json missing = Get("/api/documents/no-such-document", {}, 404);
  EXPECT_EQ(missing["error"]["code"], "not_found");
}

TEST_F(ApiTest, AgreementsAndTheirStatusOnADate) {
  json all = Get("/api/agreements");
  ASSERT_FALSE(all["agreements"].empty());
  auto stored = store_->ReadAgreements();
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(all["agreements"].size(), stored->size());
  const json& first = all["agreements"][0];
  json one =
      Get("/api/agreements/" + std::to_string(first["id"].get<int64_t>()));
  EXPECT_EQ(one["name"], first["name"]);
  EXPECT_EQ(one["steps"].size(), first["steps"].size());
  for (const json& s : one["steps"])
    EXPECT_FALSE(s["source"]["text"].get<std::string>().empty());
  // Before its first step, no step counts: a different status.
  json early =
      Get("/api/agreements/" + std::to_string(first["id"].get<int64_t>()),
          {{"as_of", "1900"}});
  EXPECT_EQ(early["status"], "status unknown");
  EXPECT_TRUE(early["ratified_by"].empty());
  // Before any step an agreement is in no status group (as in `curlew
  // agreements --status`).
  json pending =
      Get("/api/agreements", {{"status", "pending"}, {"as_of", "1900"}});
  EXPECT_TRUE(pending["agreements"].empty());
  json in_force =
      Get("/api/agreements", {{"status", "in-force"}, {"as_of", "1900"}});
  EXPECT_TRUE(in_force["agreements"].empty());
  std::string party = first["parties"][0];
  json by_party = Get("/api/agreements", {{"party", party}});
  for (const json& a : by_party["agreements"]) {
    bool has = false;
    for (const json& p : a["parties"])
      has |= p.get<std::string>().starts_with(party);
    EXPECT_TRUE(has);
  }
  Get("/api/agreements/999999", {}, 404);
  Get("/api/agreements/abc", {}, 400);
}

TEST_F(ApiTest, CommitmentsWithTheirSource) {
  json c = Get("/api/commitments");
  auto stored = store_->ReadCommitments();
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(c["commitments"].size(), stored->size());
  ASSERT_FALSE(c["commitments"].empty());
  const json& first = c["commitments"][0];
  EXPECT_FALSE(first["source"]["text"].get<std::string>().empty());
  json none = Get("/api/commitments", {{"actor", "ZZZ"}});
  EXPECT_TRUE(none["commitments"].empty());
}

TEST_F(ApiTest, OpenApiDescribesEveryEndpointAndParameter) {
  json doc = Get("/api/openapi.json");
  EXPECT_EQ(doc["openapi"], "3.0.3");
  for (const Endpoint& e : api_->endpoints()) {
    ASSERT_TRUE(doc["paths"].contains(std::string(e.path))) << e.path;
    const json& params = doc["paths"][std::string(e.path)]["get"]["parameters"];
    std::set<std::string> names;
    for (const json& p : params) names.insert(p["name"]);
    for (const ParamSpec& p : e.params)
      EXPECT_TRUE(names.count(std::string(p.name))) << p.name;
  }
  for (const char* path :
       {"/api/health", "/api/events", "/api/counts", "/api/actors",
        "/api/documents/{id}", "/api/agreements", "/api/agreements/{id}",
        "/api/commitments", "/api/openapi.json"})
    EXPECT_TRUE(doc["paths"].contains(path)) << path;
}

TEST_F(ApiTest, BadRequestsGetJsonErrors) {
  struct Case {
    std::string path;
    RawParams params;
    int status;
    std::string code;
  };
  const Case cases[] = {
      {"/api/nothing", {}, 404, "not_found"},
      {"/api/events", {{"limit", "1001"}}, 400, "invalid_parameter"},
      {"/api/events", {{"limit", "0"}}, 400, "invalid_parameter"},
      {"/api/events", {{"limit", "-1"}}, 400, "invalid_parameter"},
      {"/api/events",
       {{"limit", "99999999999999999999999"}},
       400,
       "invalid_parameter"},
      {"/api/events", {{"from", "2020-13-01"}}, 400, "invalid_parameter"},
      {"/api/events", {{"from", "yesterday"}}, 400, "invalid_parameter"},
      {"/api/events", {{"source", "TUR' OR 1=1 --"}}, 400, "invalid_parameter"},
      {"/api/events", {{"quad", "5"}}, 400, "invalid_parameter"},
      {"/api/events", {{"code", "05a"}}, 400, "invalid_parameter"},
      {"/api/events",
       {{"text", std::string(201, 'a')}},
       400,
       "invalid_parameter"},
      {"/api/events", {{"text", "bad\xff"}}, 400, "invalid_parameter"},
      {"/api/events", {{"text", "tab\there"}}, 400, "invalid_parameter"},
      {"/api/events", {{"cursor", "not a cursor"}}, 400, "invalid_parameter"},
      {"/api/events", {{"cursor", "AAAA"}}, 400, "invalid_parameter"},
      {"/api/events", {{"unknown", "1"}}, 400, "invalid_parameter"},
      {"/api/events", {{"quad", "1"}, {"quad", "2"}}, 400, "invalid_parameter"},
      {"/api/counts", {{"by", "country"}}, 400, "invalid_parameter"},
      {"/api/counts", {{"per", "decade"}}, 400, "invalid_parameter"},
      {"/api/health", {{"x", ""}}, 400, "invalid_parameter"},
      {"/api/agreements", {{"status", "maybe"}}, 400, "invalid_parameter"},
      {"/api/documents/bad\x01id", {}, 400, "invalid_parameter"},
  };
  for (const Case& c : cases) {
    json e = Get(c.path, c.params, c.status);
    EXPECT_EQ(e["error"]["code"], c.code) << c.path;
    EXPECT_FALSE(e["error"]["message"].get<std::string>().empty());
  }
}

TEST(StorePoolTest, LendsEachConnectionToOneCallerAtATime) {
  std::string path = testing::SyntheticStore(10);
  ASSERT_FALSE(path.empty());
  auto pool = StorePool::Open(path, {}, 2);
  ASSERT_TRUE(pool.ok());
  auto a = (*pool)->Acquire(std::chrono::milliseconds(10));
  auto b = (*pool)->Acquire(std::chrono::milliseconds(10));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(&**a, &**b);
  auto c = (*pool)->Acquire(std::chrono::milliseconds(10));
  EXPECT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), ErrorCode::kLimitExceeded);
  { StorePool::Lease gone = std::move(*a); }
  auto d = (*pool)->Acquire(std::chrono::milliseconds(10));
  EXPECT_TRUE(d.ok());
  // Read-only: the pool's connections cannot write.
  WriteBatch batch;
  batch.documents.push_back(store::SyntheticDocument(99));
  EXPECT_FALSE((**d).Write(batch).ok());
}

TEST(StorePoolTest, RefusesAStoreThatIsNotThere) {
  auto pool = StorePool::Open(testing::Folder().File("absent.db"), {}, 2);
  EXPECT_FALSE(pool.ok());
  EXPECT_FALSE(std::filesystem::exists(testing::Folder().File("absent.db")));
}

}  // namespace
}  // namespace curlew::server
