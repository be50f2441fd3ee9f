#include "server/http_server.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstdlib>
#include <string_view>

namespace curlew::server {

const char* const kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; font-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

namespace {

// With its charset, a type cpp-httplib does not compress (static_files.cc).
constexpr const char* kJson = "application/json; charset=utf-8";

// Shown at "/" when curlew was built without the dashboard (no npm).
constexpr const char* kNoDashboard =
    "<!doctype html><meta charset=utf-8><title>curlew</title>"
    "<h1>curlew serve</h1><p>The dashboard was not built with this curlew "
    "(npm was missing or offline when it was built: run "
    "<code>bash scripts/build-web.sh</code> or <code>make build</code> "
    "again with npm, or pass <code>--web DIR</code>).</p><p>The API answers "
    "under <a href=\"/api/openapi.json\">/api/</a>.</p>";

void SetSecurityHeaders(httplib::Response& res) {
  const std::pair<const char*, const char*> kHeaders[] = {
      {"Content-Security-Policy", kContentSecurityPolicy},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"X-Frame-Options", "DENY"},
      {"Cross-Origin-Resource-Policy", "same-origin"},
  };
  for (const auto& [name, value] : kHeaders)
    if (!res.has_header(name)) res.set_header(name, value);
}

void SendError(httplib::Response& res, int status, std::string_view code,
               std::string_view message) {
  ApiResponse e = ApiResponse::Error(status, code, message);
  res.status = e.status;
  res.set_content(e.body, kJson);
}

// The JSON error for a status httplib set itself (a request it could not
// read), when no handler wrote a body.
std::pair<const char*, const char*> DescribeStatus(int status) {
  switch (status) {
    case 400:
      return {"bad_request", "the request could not be read"};
    case 404:
      return {"not_found", "no such page or endpoint"};
    case 405:
      return {"method_not_allowed", "only GET and HEAD are served"};
    case 413:
      return {"payload_too_large", "the request body is too large"};
    case 414:
      return {"uri_too_long", "the request target is too long"};
    case 431:
      return {"headers_too_large", "the request headers are too large"};
    default:
      return {status >= 500 ? "internal" : "bad_request", "the request failed"};
  }
}

bool IsLoopback(const std::string& host) {
  if (host == "localhost") return true;
  in_addr v4;
  if (inet_pton(AF_INET, host.c_str(), &v4) == 1)
    return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6;
  return inet_pton(AF_INET6, host.c_str(), &v6) == 1 &&
         IN6_IS_ADDR_LOOPBACK(&v6);
}

// The host part of a Host header ("127.0.0.1:8080", "[::1]:80", "localhost").
std::string_view HostName(std::string_view header) {
  if (header.starts_with("[")) {
    size_t close = header.find(']');
    return close == std::string_view::npos ? header
                                           : header.substr(0, close + 1);
  }
  return header.substr(0, header.find(':'));
}

}  // namespace

HttpServer::HttpServer(const Api* api, StaticFiles dashboard,
                       ServerOptions options)
    : api_(api),
      dashboard_(std::move(dashboard)),
      options_(std::move(options)),
      http_(std::make_unique<httplib::Server>()) {
  SetUp();
}

HttpServer::~HttpServer() = default;

void HttpServer::SetUp() {
  httplib::Server& http = *http_;
  size_t threads = static_cast<size_t>(std::max(1, options_.threads));
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_read_timeout(options_.read_timeout_s, 0);
  http.set_write_timeout(options_.write_timeout_s, 0);
  // An idle keep-alive connection holds a worker thread until it times
  // out; browsers keep up to six per server open.
  http.set_keep_alive_timeout(options_.keep_alive_s);
  http.set_keep_alive_max_count(100);
  http.set_payload_max_length(options_.max_body_bytes);
  // Answers go out at once: with Nagle's algorithm a small answer waits for
  // the client's delayed acknowledgement (40 ms on Linux loopback).
  http.set_tcp_nodelay(true);
  // cpp-httplib's default also sets SO_REUSEPORT, with which a second
  // server on the same port starts without error and the kernel splits the
  // requests between the two: only SO_REUSEADDR here, so that it fails.
  http.set_socket_options([](int socket) {
    int yes = 1;
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });

  // Checks every request before it is routed: method, sizes, Host.
  const bool loopback = IsLoopback(options_.host);
  http.set_pre_routing_handler(
      [this, loopback](const httplib::Request& req, httplib::Response& res) {
        using R = httplib::Server::HandlerResponse;
        SetSecurityHeaders(res);
        if (req.method != "GET" && req.method != "HEAD") {
          res.set_header("Allow", "GET, HEAD");
          SendError(res, 405, "method_not_allowed",
                    "only GET and HEAD are served; this API never writes");
          return R::Handled;
        }
        if (req.target.size() > options_.max_target_bytes) {
          SendError(res, 414, "uri_too_long",
                    "the request target is longer than " +
                        std::to_string(options_.max_target_bytes) + " bytes");
          return R::Handled;
        }
        size_t header_bytes = 0;
        for (const auto& [name, value] : req.headers)
          header_bytes += name.size() + value.size() + 4;
        if (header_bytes > options_.max_header_bytes) {
          SendError(res, 431, "headers_too_large",
                    "the request headers are longer than " +
                        std::to_string(options_.max_header_bytes) + " bytes");
          return R::Handled;
        }
        // httplib does not read the body of a GET; refuse one rather than
        // leave it to be read as the next request.
        const std::string length = req.get_header_value("Content-Length");
        if ((!length.empty() && length != "0") ||
            req.has_header("Transfer-Encoding")) {
          bool huge =
              length.size() > 18 ||
              (!length.empty() && std::strtoull(length.c_str(), nullptr, 10) >
                                      options_.max_body_bytes);
          res.set_header("Connection", "close");
          if (huge) {
            SendError(res, 413, "payload_too_large",
                      "the request body is too large");
          } else {
            SendError(res, 400, "bad_request", "a GET request has no body");
          }
          return R::Handled;
        }
        if (req.params.size() > options_.max_params) {
          SendError(res, 400, "too_many_parameters",
                    "more than " + std::to_string(options_.max_params) +
                        " query parameters");
          return R::Handled;
        }
        if (loopback) {
          std::string host(HostName(req.get_header_value("Host")));
          if (host.starts_with("[") && host.ends_with("]"))
            host = host.substr(1, host.size() - 2);
          if (!IsLoopback(host)) {
            SendError(res, 400, "bad_host",
                      "this server answers only to requests for its loopback "
                      "address or localhost");
            return R::Handled;
          }
        }
        return R::Unhandled;
      });

  http.Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
    res.set_header("Cache-Control", "no-cache");
    if (req.path.starts_with("/api/") || req.path == "/api") {
      ApiRequest call{req.path, {req.params.begin(), req.params.end()}};
      ApiResponse answer = api_->Handle(call);
      res.status = answer.status;
      res.set_content(answer.body, kJson);
      return;
    }
    if (const StaticFile* file = dashboard_.Find(req.path)) {
      res.set_content(file->content, std::string(file->mime_type));
      return;
    }
    if (req.path == "/" && dashboard_.size() == 0) {
      res.set_content(kNoDashboard, "text/html; charset=utf-8");
      return;
    }
    SendError(res, 404, "not_found", "no such page");
  });

  http.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request&, httplib::Response& res) {
        SetSecurityHeaders(res);
        if (res.body.empty()) {
          auto [code, message] = DescribeStatus(res.status);
          SendError(res, res.status, code, message);
        }
        return httplib::Server::HandlerResponse::Handled;
      }));
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        SetSecurityHeaders(res);
        SendError(res, 500, "internal", "the request failed inside the server");
      });
  http.set_post_routing_handler(
      [](const httplib::Request&, httplib::Response& res) {
        SetSecurityHeaders(res);
      });
}

Status HttpServer::Bind() {
  if (options_.port < 0 || options_.port > 65535) {
    return Status::Error(ErrorCode::kInvalidArgument,
                         "port must be 0 to 65535");
  }
  bool ok = false;
  if (options_.port == 0) {
    port_ = http_->bind_to_any_port(options_.host);
    ok = port_ > 0;
  } else {
    ok = http_->bind_to_port(options_.host, options_.port);
    port_ = options_.port;
  }
  if (!ok) {
    return Status::Error(ErrorCode::kIoError,
                         "cannot listen on " + options_.host + " port " +
                             std::to_string(options_.port) +
                             " (in use, or not an address of this machine)");
  }
  return Status();
}

std::string HttpServer::url() const {
  bool v6 = options_.host.find(':') != std::string::npos;
  std::string host = v6 ? "[" + options_.host + "]" : options_.host;
  if (options_.host == "0.0.0.0" || options_.host == "::") host = "127.0.0.1";
  return "http://" + host + ":" + std::to_string(port_) + "/";
}

void HttpServer::Run() { http_->listen_after_bind(); }

void HttpServer::Stop() { http_->stop(); }

}  // namespace curlew::server
