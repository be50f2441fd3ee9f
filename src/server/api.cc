#include "server/api.h"

#include <nlohmann/json.hpp>

namespace curlew::server {
namespace {

constexpr std::string_view kIdSuffix = "{id}";
constexpr size_t kMaxIdBytes = 512;

// The endpoint serving `path` and the {id} part of the path, if any.
const Endpoint* Route(const std::vector<Endpoint>& endpoints,
                      std::string_view path, std::string_view* tail) {
  for (const Endpoint& e : endpoints) {
    std::string_view p = e.path;
    if (!p.ends_with(kIdSuffix)) {
      if (path == p) return &e;
      continue;
    }
    p.remove_suffix(kIdSuffix.size());
    if (path.size() > p.size() && path.starts_with(p)) {
      *tail = path.substr(p.size());
      return &e;
    }
  }
  return nullptr;
}

ApiResponse OpenApi(const ApiCall&) { return {}; }  // answered by Api itself

}  // namespace

ApiResponse ApiResponse::Error(int status, std::string_view code,
                               std::string_view message) {
  nlohmann::json j = {
      {"error",
       {{"code", std::string(code)}, {"message", std::string(message)}}}};
  return {status,
          j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

ApiResponse ApiResponse::FromStatus(const Status& s) {
  std::string message = s.message();
  switch (s.code()) {
    case ErrorCode::kInvalidArgument:
      return Error(400, "invalid_parameter", message);
    case ErrorCode::kNotFound:
      return Error(404, "not_found", message);
    case ErrorCode::kLimitExceeded:
      return Error(504, "timeout", message);
    default:
      return Error(500, "store_error", s.ToString());
  }
}

Api::Api(StorePool* stores, ApiOptions options)
    : stores_(stores), options_(options) {
  endpoints_.push_back({"/api/openapi.json",
                        "this description of the API (OpenAPI 3.0)",
                        {},
                        R"json({"type": "object"})json",
                        &OpenApi});
  for (Endpoint& e : EventEndpoints(options_))
    endpoints_.push_back(std::move(e));
  for (Endpoint& e : LedgerEndpoints()) endpoints_.push_back(std::move(e));
  openapi_ = OpenApiJson(endpoints_);
}

ApiResponse Api::Handle(const ApiRequest& request) const {
  std::string_view tail;
  const Endpoint* endpoint = Route(endpoints_, request.path, &tail);
  if (endpoint == nullptr) {
    return ApiResponse::Error(404, "not_found",
                              "no such endpoint; see /api/openapi.json");
  }
  if (tail.size() > kMaxIdBytes || !IsCleanUtf8(tail)) {
    return ApiResponse::Error(400, "invalid_parameter",
                              "the id in the path must be UTF-8 text of at "
                              "most 512 bytes");
  }
  Result<ParamValues> params = CheckParams(endpoint->params, request.params);
  if (!params.ok()) return ApiResponse::FromStatus(params.status());
  if (endpoint->handler == &OpenApi) return {200, openapi_};
  Result<StorePool::Lease> lease = stores_->Acquire(options_.store_wait);
  if (!lease.ok()) {
    return ApiResponse::Error(503, "unavailable", lease.status().message());
  }
  ApiResponse response =
      endpoint->handler(ApiCall{**lease, *params, tail, options_});
  // A store failure may have left the connection unusable (a PostgreSQL
  // server restart): open a fresh one next time.
  if (response.status == 500) lease->Discard();
  return response;
}

}  // namespace curlew::server
