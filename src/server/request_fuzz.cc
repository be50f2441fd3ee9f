#include "server/request_fuzz.h"

#include <httplib.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "curlew/store.h"
#include "server/api.h"
#include "store/synthetic.h"

namespace curlew::server {
namespace {

// A store of 50 synthetic documents in a temporary file, removed at exit.
struct Fixture {
  std::string path;
  std::unique_ptr<StorePool> pool;
  std::unique_ptr<Api> api;

  Fixture()
      : path((std::filesystem::temp_directory_path() /
              ("curlew-request-fuzz-" + std::to_string(getpid()) + ".db"))
                 .string()) {
    {
      auto store = Store::Open(path, {});
      if (!store.ok()) std::abort();
      WriteBatch batch;
      for (int i = 0; i < 50; ++i)
        batch.documents.push_back(store::SyntheticDocument(i));
      if (!(*store)->Write(batch).ok()) std::abort();
    }
    auto opened = StorePool::Open(path, {}, 1);
    if (!opened.ok()) std::abort();
    pool = std::move(*opened);
    api = std::make_unique<Api>(pool.get(), ApiOptions{});
  }
  ~Fixture() {
    api.reset();
    pool.reset();
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path + suffix);
  }
};

Fixture& TheFixture() {
  static Fixture f;
  return f;
}

}  // namespace

int CheckApiRequest(const uint8_t* data, size_t size, std::string* problem) {
  if (size > 4096) return 414;  // the HTTP layer refuses longer targets
  std::string target(reinterpret_cast<const char*>(data), size);
  size_t q = target.find('?');
  ApiRequest request;
  request.path = httplib::detail::decode_url(target.substr(0, q), false);
  if (q != std::string::npos) {
    httplib::Params params;
    httplib::detail::parse_query_text(target.substr(q + 1), params);
    request.params.assign(params.begin(), params.end());
  }
  ApiResponse r = TheFixture().api->Handle(request);
  auto j = nlohmann::json::parse(r.body, nullptr, false);
  if (r.status != 200 && r.status != 400 && r.status != 404) {
    *problem = "status " + std::to_string(r.status) + ": " + r.body;
  } else if (j.is_discarded() || !j.is_object()) {
    *problem = "not a JSON object: " + r.body;
  } else if (r.status != 200 &&
             !(j.contains("error") && j["error"].contains("code") &&
               j["error"].contains("message"))) {
    *problem = "error without code and message: " + r.body;
  }
  return r.status;
}

int FuzzApiRequest(const uint8_t* data, size_t size) {
  std::string problem;
  CheckApiRequest(data, size, &problem);
  if (!problem.empty()) std::abort();
  return 0;
}

}  // namespace curlew::server
