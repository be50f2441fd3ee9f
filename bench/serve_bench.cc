// `curlew serve` benchmarks: every API call the dashboard's pages make,
// timed end to end over HTTP on loopback (request, query, JSON, answer)
// against a store of 100,000 synthetic events plus the example corpus
// coded by the engine (for the ledger). Target: each call under 200 ms.
//
// The store is built once into $TMPDIR/curlew-bench-serve.db and reused
// (scripts/perf-serve.sh also serves it to time the pages in Chromium).
#include <benchmark/benchmark.h>
#include <httplib.h>

#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <thread>

#include "curlew/engine.h"
#include "curlew/reader.h"
#include "curlew/store.h"
#include "server/api.h"
#include "server/http_server.h"
#include "server/store_pool.h"
#include "store/ingest.h"
#include "store/synthetic.h"

namespace {

using curlew::Store;

constexpr int kDocuments = 25000;  // 4 events each: 100,000 events

std::string StorePath() {
  return (std::filesystem::temp_directory_path() / "curlew-bench-serve.db")
      .string();
}

// Builds the store unless it is there with the expected number of events.
bool BuildStore(const std::string& path) {
  {
    curlew::StoreOptions ro;
    ro.read_only = true;
    auto s = Store::Open(path, ro);
    if (s.ok()) {
      auto c = (*s)->Counts();
      if (c.ok() && c->events >= 4 * kDocuments) return true;
    }
  }
  for (const char* suffix : {"", "-wal", "-shm"})
    std::filesystem::remove(path + suffix);
  auto store = Store::Open(path, {});
  if (!store.ok()) return false;
  for (int first = 0; first < kDocuments; first += 1000) {
    curlew::WriteBatch b;
    for (int i = first; i < first + 1000; ++i)
      b.documents.push_back(curlew::store::SyntheticDocument(i));
    if (!(*store)->Write(b).ok()) return false;
  }
  auto engine = curlew::Engine::Create({});
  if (!engine.ok()) return false;
  const curlew::Engine& coder = **engine;
  curlew::DocumentReader source(
      {std::string(CURLEW_SOURCE_DIR) + "/data/examples/reports.jsonl"}, {});
  curlew::store::IngestOptions options;
  options.ledger = [&](const curlew::Document& d) {
    return coder.LedgerInputOf(d);
  };
  std::ostringstream log;
  auto stats = curlew::store::Ingest(
      source, [&](curlew::Document& d) { return coder.Process(d); }, **store,
      options, log);
  return stats.ok();
}

// One server for every benchmark, as `curlew serve` runs it.
struct Server {
  std::unique_ptr<curlew::server::StorePool> pool;
  std::unique_ptr<curlew::server::Api> api;
  std::unique_ptr<curlew::server::HttpServer> http;
  std::thread thread;
  int port = 0;
  ~Server() {
    if (http) {
      http->Stop();
      thread.join();
    }
  }
};

Server* TheServer() {
  static std::unique_ptr<Server> server = [] {
    auto s = std::make_unique<Server>();
    if (!BuildStore(StorePath())) return std::unique_ptr<Server>();
    curlew::StoreOptions options;
    options.query_timeout_ms = 5000;
    auto pool = curlew::server::StorePool::Open(StorePath(), options, 4);
    if (!pool.ok()) return std::unique_ptr<Server>();
    s->pool = std::move(*pool);
    s->api = std::make_unique<curlew::server::Api>(
        s->pool.get(), curlew::server::ApiOptions{});
    curlew::server::ServerOptions http;
    http.port = 0;
    s->http = std::make_unique<curlew::server::HttpServer>(
        s->api.get(), curlew::server::StaticFiles(), http);
    if (!s->http->Bind().ok()) return std::unique_ptr<Server>();
    s->port = s->http->port();
    s->thread = std::thread([p = s.get()] { p->http->Run(); });
    return s;
  }();
  return server.get();
}

void BM_Api(benchmark::State& state, const std::string& target) {
  Server* server = TheServer();
  if (!server) {
    state.SkipWithError("cannot build or serve the benchmark store");
    return;
  }
  httplib::Client client("127.0.0.1", server->port);
  client.set_keep_alive(true);
  client.set_tcp_nodelay(true);
  size_t bytes = 0;
  for (auto _ : state) {
    auto res = client.Get(target);
    if (!res || res->status != 200) {
      state.SkipWithError(
          (target + ": " + (res ? res->body : "no answer")).c_str());
      return;
    }
    bytes = res->body.size();
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}

// The same call answered in-process by Api::Handle on the benchmark's own
// thread, so that the CPU time column is the work one request costs (the
// HTTP variant's CPU column is only the client's). On a machine shared with
// other work, the CPU time is what the call takes on an idle core.
void BM_Handle(benchmark::State& state, const std::string& target) {
  Server* server = TheServer();
  if (!server) {
    state.SkipWithError("cannot build or serve the benchmark store");
    return;
  }
  size_t q = target.find('?');
  curlew::server::ApiRequest request{target.substr(0, q), {}};
  if (q != std::string::npos) {
    httplib::Params params;
    httplib::detail::parse_query_text(target.substr(q + 1), params);
    request.params.assign(params.begin(), params.end());
  }
  for (auto _ : state) {
    curlew::server::ApiResponse r = server->api->Handle(request);
    if (r.status != 200) {
      state.SkipWithError((target + ": " + r.body).c_str());
      return;
    }
    benchmark::DoNotOptimize(r.body.data());
  }
}

// The calls each page makes (main.js, filters.js, pages/*.js) with their
// default parameters, and the calls a click makes.
const std::pair<const char*, const char*> kCalls[] = {
    // every page
    {"health", "/api/health"},
    {"actor_codes", "/api/actors?limit=500"},
    // overview
    {"overview_weekly", "/api/counts?by=quad&per=week"},
    {"overview_dyads", "/api/counts?by=dyad&per=all&sort=events&limit=12"},
    {"overview_actors", "/api/actors?limit=12"},
    {"overview_weekly_actor", "/api/counts?actor=TUR&by=quad&per=week"},
    {"overview_dyads_actor",
     "/api/counts?actor=TUR&by=dyad&per=all&sort=events&limit=12"},
    {"overview_actors_actor", "/api/actors?actor=TUR&limit=12"},
    {"overview_weekly_year",
     "/api/counts?from=2019-01-01&to=2019-12-31&by=quad&per=week"},
    {"click_week_quad",
     "/api/events?from=2019-03-04&to=2019-03-10&quad=4&limit=50"},
    {"click_dyad_bar",
     "/api/events?source=TUR&target=IND&match=exact&limit=50"},
    // dyad
    {"dyad_top", "/api/counts?by=dyad&per=all&sort=events&limit=1"},
    {"dyad_counts",
     "/api/counts?source=TUR&target=IND&match=exact&by=dyad&per=month"},
    {"dyad_events", "/api/events?source=TUR&target=IND&match=exact&limit=100"},
    {"click_dyad_month",
     "/api/"
     "events?source=TUR&target=IND&match=exact&from=2019-03&to=2019-03&limit="
     "50"},
    // agreements
    {"agreements", "/api/agreements"},
    {"agreement", "/api/agreements/1"},
    {"agreement_as_of", "/api/agreements/1?as_of=2020-06-30"},
    // commitments
    {"commitments", "/api/commitments"},
    // the sentence panel
    {"document", "/api/documents/syn-12345"},
    {"events_first_page", "/api/events?limit=50"},
    {"events_text", "/api/events?text=embargo&limit=50"},
};

int Register() {
  for (const auto& [name, target] : kCalls) {
    benchmark::RegisterBenchmark(
        ("BM_Api/" + std::string(name)).c_str(),
        [t = std::string(target)](benchmark::State& s) { BM_Api(s, t); })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->MinTime(0.5);
    benchmark::RegisterBenchmark(
        ("BM_Handle/" + std::string(name)).c_str(),
        [t = std::string(target)](benchmark::State& s) { BM_Handle(s, t); })
        ->Unit(benchmark::kMillisecond)
        ->MinTime(0.5);
  }
  return 0;
}
const int kRegistered = Register();

}  // namespace

BENCHMARK_MAIN();
