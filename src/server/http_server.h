// HttpServer: `curlew serve`'s HTTP front: cpp-httplib listening on one
// address, answering GET (and HEAD) only — /api/... through Api, anything
// else from the dashboard's StaticFiles — with limits on what a request
// may be and the same security headers on every response:
//
//   - request target (path and query) at most max_target_bytes (414),
//     header lines at most max_header_bytes together (431), a body at most
//     max_body_bytes (413), at most max_params parameters (400);
//   - methods other than GET and HEAD: 405 with Allow: GET, HEAD;
//   - bound to a loopback address, only Host headers naming that address
//     or localhost are served (400 otherwise), so a web page elsewhere
//     cannot read the API through DNS rebinding;
//   - Content-Security-Policy (scripts, styles and data from this origin
//     only), X-Content-Type-Options, Referrer-Policy and X-Frame-Options on
//     every response, errors included;
//   - errors as JSON {"error": {"code", "message"}}.
//
// Thread safety: Stop() may be called from any thread; the rest from the
// thread that created the server.
#ifndef CURLEW_SERVER_HTTP_SERVER_H_
#define CURLEW_SERVER_HTTP_SERVER_H_

#include <cstddef>
#include <memory>
#include <string>

#include "curlew/status.h"
#include "server/api.h"
#include "server/static_files.h"

namespace httplib {
class Server;
}

namespace curlew::server {

struct ServerOptions {
  // Address to listen on. Default: 127.0.0.1 (this machine only).
  std::string host = "127.0.0.1";
  // Port; 0 picks a free one (port() tells which). Default: 8080.
  int port = 8080;
  // Worker threads answering requests (each idle keep-alive connection
  // holds one). Default: 16.
  int threads = 16;
  // Limits of one request. Defaults: 4096, 16384, 1024, 32.
  size_t max_target_bytes = 4096;
  size_t max_header_bytes = 16384;
  size_t max_body_bytes = 1024;
  size_t max_params = 32;
  // Seconds a connection may take to send a request or read an answer,
  // and may stay idle between requests. Defaults: 5, 10, 2.
  int read_timeout_s = 5;
  int write_timeout_s = 10;
  int keep_alive_s = 2;
};

// The Content-Security-Policy every response carries.
extern const char* const kContentSecurityPolicy;

class HttpServer {
 public:
  // `api` must outlive the server; `dashboard` may be empty (then "/"
  // answers with a page saying how to build it).
  HttpServer(const Api* api, StaticFiles dashboard, ServerOptions options);
  ~HttpServer();

  // Binds the address. Errors: a host that is not an address of this
  // machine, a port in use.
  Status Bind();
  // The bound port (after Bind) and "http://host:port/".
  int port() const { return port_; }
  std::string url() const;
  // Serves until Stop(). Bind first.
  void Run();
  void Stop();

 private:
  void SetUp();

  const Api* api_;
  StaticFiles dashboard_;
  ServerOptions options_;
  std::unique_ptr<httplib::Server> http_;
  int port_ = 0;
};

}  // namespace curlew::server

#endif  // CURLEW_SERVER_HTTP_SERVER_H_
