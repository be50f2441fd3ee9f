// Api: the read-only JSON API of `curlew serve`, apart from HTTP. It maps a
// GET request (path and decoded query parameters) to a JSON answer, reading
// through a StorePool; the HTTP layer (http_server.h) adds routing of
// static files, limits and headers around it. Keeping the handlers free of
// sockets lets tests and the fuzz target call them directly.
//
// Endpoints (each described by GET /api/openapi.json):
//   /api/health, /api/events, /api/counts, /api/actors,
//   /api/documents/{id}, /api/agreements, /api/agreements/{id},
//   /api/commitments, /api/openapi.json
// Errors are {"error": {"code": "...", "message": "..."}} with the HTTP
// status that fits (400 bad parameter, 404 unknown path or record, 503
// store busy, 504 query too slow, 500 store failure).
//
// Thread safety: Handle() may be called from many threads at once; each
// call borrows its own store connection.
#ifndef CURLEW_SERVER_API_H_
#define CURLEW_SERVER_API_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "curlew/status.h"
#include "server/params.h"
#include "server/store_pool.h"

namespace curlew::server {

struct ApiRequest {
  std::string path;  // decoded, starting with "/api/"
  RawParams params;  // decoded query parameters, in order
};

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON

  static ApiResponse Error(int status, std::string_view code,
                           std::string_view message);
  // The response for a failed Status (its code picks the HTTP status).
  static ApiResponse FromStatus(const Status& status);
};

struct ApiOptions {
  // Most events one /api/events page returns (the `limit` parameter's
  // maximum). Default: 1000.
  int64_t max_events_page = 1000;
  // Most rows an aggregate may group into before the request is refused
  // as too broad. Default: 100000.
  int64_t max_groups = 100000;
  // How long a request waits for a free store connection. Default: 2 s.
  std::chrono::milliseconds store_wait{2000};
};

// What an endpoint handler gets.
struct ApiCall {
  Store& store;
  const ParamValues& params;
  std::string_view tail;  // the path after the endpoint's prefix ({id})
  const ApiOptions& options;
};
using ApiHandler = ApiResponse (*)(const ApiCall& call);

// One endpoint: its path, its parameters (validated before the handler
// runs) and a description for the OpenAPI document.
struct Endpoint {
  std::string_view path;  // "/api/events"; "/api/documents/{id}" ends in {id}
  std::string_view summary;
  std::vector<ParamSpec> params;
  std::string_view response;  // JSON Schema of the 200 answer
  ApiHandler handler;
};

// The endpoints of each file: event_handlers.cc, ledger_handlers.cc.
std::vector<Endpoint> EventEndpoints(const ApiOptions& options);
std::vector<Endpoint> LedgerEndpoints();

// The OpenAPI 3.0 document describing `endpoints` (openapi.cc).
std::string OpenApiJson(const std::vector<Endpoint>& endpoints);

class Api {
 public:
  Api(StorePool* stores, ApiOptions options);
  ApiResponse Handle(const ApiRequest& request) const;
  const std::vector<Endpoint>& endpoints() const { return endpoints_; }

 private:
  StorePool* stores_;
  ApiOptions options_;
  std::vector<Endpoint> endpoints_;
  std::string openapi_;
};

}  // namespace curlew::server

#endif  // CURLEW_SERVER_API_H_
