// The request-abuse test: oversized requests, bad parameters, path
// traversal, other methods and garbage each get a clean 4xx answer (JSON,
// with the security headers), and the server keeps serving.
#include "server/http_server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "server/test_stores.h"

namespace curlew::server {
namespace {

struct Reply {
  int status = 0;  // 0: no answer
  std::string head, body;
  bool Has(const std::string& header) const {
    return head.find("\r\n" + header + ":") != std::string::npos;
  }
};

// Sends `bytes` as they are and reads until the server closes.
Reply Raw(int port, const std::string& bytes) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  timeval tv{10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  Reply r;
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return r;
  }
  size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n =
        send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may close early on a bad request
    sent += static_cast<size_t>(n);
  }
  std::string all;
  char buf[8192];
  for (ssize_t n; (n = recv(fd, buf, sizeof buf, 0)) > 0;)
    all.append(buf, static_cast<size_t>(n));
  close(fd);
  size_t end = all.find("\r\n\r\n");
  if (all.rfind("HTTP/1.1 ", 0) != 0 || end == std::string::npos) return r;
  r.status = std::stoi(all.substr(9, 3));
  r.head = all.substr(0, end + 2);
  r.body = all.substr(end + 4);
  return r;
}

std::string Get(const std::string& target, const std::string& extra = "") {
  return "GET " + target +
         " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + extra +
         "\r\n";
}

class HttpServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    namespace fs = std::filesystem;
    std::string path = testing::SyntheticStore(200);
    ASSERT_FALSE(path.empty());
    // A dashboard folder, a secret beside it and a link out of it.
    fs::path root = testing::Folder().path();
    fs::create_directories(root / "web" / "assets");
    std::ofstream(root / "web" / "index.html") << "<!doctype html>dashboard";
    std::ofstream(root / "web" / "assets" / "app.js") << "let app = 1;";
    std::ofstream(root / "web" / ".hidden") << "hidden";
    std::ofstream(root / "secret.txt") << "SECRET-CONTENT";
    fs::create_symlink(root / "secret.txt", root / "web" / "link.txt");
    auto files = StaticFiles::Load((root / "web").string());
    ASSERT_TRUE(files.ok()) << files.status().ToString();
    auto pool = StorePool::Open(path, {}, 2);
    ASSERT_TRUE(pool.ok());
    pool_ = std::move(*pool).release();
    api_ = new Api(pool_, {});
    ServerOptions options;
    options.port = 0;
    options.threads = 8;
    options.read_timeout_s = 2;
    server_ = new HttpServer(api_, std::move(*files), options);
    ASSERT_TRUE(server_->Bind().ok());
    thread_ = new std::thread([] { server_->Run(); });
  }
  static void TearDownTestSuite() {
    server_->Stop();
    thread_->join();
    delete thread_;
    delete server_;
    delete api_;
    delete pool_;
  }

  // Still serving: the health endpoint answers.
  static void ExpectServing() {
    Reply r = Raw(server_->port(), Get("/api/health"));
    ASSERT_EQ(r.status, 200) << r.head;
    EXPECT_NE(r.body.find("\"status\":\"ok\""), std::string::npos);
  }

  // A clean refusal: 4xx, JSON error body, the security headers.
  static void ExpectRefused(const Reply& r, int status,
                            const std::string& what) {
    EXPECT_EQ(r.status, status) << what << "\n" << r.head;
    EXPECT_TRUE(r.Has("Content-Security-Policy")) << what;
    EXPECT_TRUE(r.Has("X-Content-Type-Options")) << what;
    auto j = nlohmann::json::parse(r.body, nullptr, false);
    EXPECT_TRUE(!j.is_discarded() && j.contains("error") &&
                j["error"].contains("code") && j["error"].contains("message"))
        << what << ": " << r.body;
    ExpectServing();
  }

  static StorePool* pool_;
  static Api* api_;
  static HttpServer* server_;
  static std::thread* thread_;
};
StorePool* HttpServerTest::pool_ = nullptr;
Api* HttpServerTest::api_ = nullptr;
HttpServer* HttpServerTest::server_ = nullptr;
std::thread* HttpServerTest::thread_ = nullptr;

TEST_F(HttpServerTest, ServesTheApiAndTheDashboardWithSecurityHeaders) {
  int port = server_->port();
  Reply events = Raw(port, Get("/api/events?limit=2&source=TUR"));
  ASSERT_EQ(events.status, 200);
  EXPECT_NE(events.head.find("application/json"), std::string::npos);
  EXPECT_NE(events.head.find(kContentSecurityPolicy), std::string::npos);
  Reply page = Raw(port, Get("/"));
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.body, "<!doctype html>dashboard");
  EXPECT_NE(page.head.find("text/html"), std::string::npos);
  EXPECT_TRUE(page.Has("Content-Security-Policy"));
  Reply js = Raw(port, Get("/assets/app.js"));
  ASSERT_EQ(js.status, 200);
  EXPECT_NE(js.head.find("application/javascript"), std::string::npos);
  Reply head = Raw(port,
                   "HEAD /api/health HTTP/1.1\r\nHost: "
                   "localhost\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
}

TEST_F(HttpServerTest, OversizedRequestsAreRefused) {
  int port = server_->port();
  ExpectRefused(Raw(port, Get("/api/events?text=" + std::string(5000, 'a'))),
                414, "long target");
  Reply huge = Raw(port, Get("/api/events?text=" + std::string(20000, 'a')));
  EXPECT_TRUE(huge.status == 414 || huge.status == 400) << huge.head;
  ExpectServing();
  std::string headers;
  for (int i = 0; i < 100; ++i)
    headers +=
        "X-Pad-" + std::to_string(i) + ": " + std::string(200, 'x') + "\r\n";
  ExpectRefused(Raw(port, Get("/api/health", headers)), 431, "many headers");
  Reply line = Raw(
      port, Get("/api/health", "X-Long: " + std::string(9000, 'x') + "\r\n"));
  EXPECT_GE(line.status, 400);
  EXPECT_LT(line.status, 500);
  ExpectServing();
  ExpectRefused(Raw(port, Get("/api/health", "Content-Length: 100000\r\n")),
                413, "big body");
  ExpectRefused(
      Raw(port, Get("/api/health", "Content-Length: 5\r\n") + "hello"), 400,
      "body on GET");
  std::string params;
  for (int i = 0; i < 40; ++i) params += "&p" + std::to_string(i) + "=1";
  ExpectRefused(Raw(port, Get("/api/events?limit=1" + params)), 400,
                "many parameters");
}

TEST_F(HttpServerTest, BadParametersAreRefused) {
  int port = server_->port();
  for (const char* target :
       {"/api/events?limit=abc", "/api/events?limit=100000",
        "/api/events?from=2020-02-30", "/api/events?source=%27%20OR%201%3D1",
        "/api/events?text=%00", "/api/events?text=%ff%fe",
        "/api/events?cursor=%2e%2e", "/api/counts?by=x", "/api/events?nope=1",
        "/api/events?quad=1&quad=2", "/api/agreements/1?as_of=tomorrow"}) {
    ExpectRefused(Raw(port, Get(target)), 400, target);
  }
  ExpectRefused(Raw(port, Get("/api/no/such/endpoint")), 404,
                "unknown endpoint");
}

TEST_F(HttpServerTest, StaticFilesCannotEscapeTheirFolder) {
  int port = server_->port();
  for (const char* target :
       {"/../secret.txt", "/../../etc/passwd", "/%2e%2e/secret.txt",
        "/%2e%2e%2fsecret.txt", "/assets/../../secret.txt",
        "/assets/%2e%2e/%2e%2e/secret.txt", "//secret.txt", "/link.txt",
        "/.hidden", "/index.html%00.js", "/..%5csecret.txt", "/assets/",
        "/etc/passwd", "/%2fetc%2fpasswd", "/web/index.html"}) {
    Reply r = Raw(port, Get(target));
    EXPECT_TRUE(r.status == 404 || r.status == 400) << target << " " << r.head;
    EXPECT_EQ(r.body.find("SECRET-CONTENT"), std::string::npos) << target;
    EXPECT_EQ(r.body.find("hidden"), std::string::npos) << target;
    EXPECT_EQ(r.body.find("root:"), std::string::npos) << target;
    EXPECT_TRUE(r.Has("Content-Security-Policy")) << target;
  }
  ExpectServing();
}

TEST_F(HttpServerTest, OnlyGetAndHeadAreServed) {
  int port = server_->port();
  for (const char* method : {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"}) {
    std::string req =
        std::string(method) +
        " /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        "Content-Length: 2\r\n\r\n{}";
    Reply r = Raw(port, req);
    ExpectRefused(r, 405, method);
    EXPECT_NE(r.head.find("Allow: GET, HEAD"), std::string::npos) << method;
  }
  for (const std::string& bad :
       {std::string("FOO / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
        std::string("GET\r\n\r\n"),
        std::string("\x00\x01\x02garbage\r\n\r\n", 15),
        std::string("GET / HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n"),
        std::string("GET /api/health HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n")}) {
    Reply r = Raw(port, bad);
    EXPECT_TRUE(r.status == 0 || (r.status >= 400 && r.status < 500)) << r.head;
    ExpectServing();
  }
}

TEST_F(HttpServerTest, OtherHostsAreRefused) {
  // A page elsewhere reaching this loopback server through DNS rebinding
  // sends its own host name.
  Reply r = Raw(server_->port(),
                "GET /api/health HTTP/1.1\r\nHost: "
                "evil.example:80\r\nConnection: close\r\n\r\n");
  ExpectRefused(r, 400, "foreign Host");
  Reply local =
      Raw(server_->port(), "GET /api/health HTTP/1.1\r\nHost: localhost:" +
                               std::to_string(server_->port()) +
                               "\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(local.status, 200);
}

TEST_F(HttpServerTest, ASecondServerCannotTakeTheSamePort) {
  ServerOptions options;
  options.port = server_->port();
  HttpServer second(api_, StaticFiles(), options);
  Status s = second.Bind();
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), ErrorCode::kIoError);
  ExpectServing();
}

TEST_F(HttpServerTest, SlowClientsDoNotStopTheServer) {
  int port = server_->port();
  std::vector<int> slow;
  for (int i = 0; i < 4; ++i) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    const char partial[] = "GET /api/health HTTP/1.1\r\nHost: 127";
    send(fd, partial, sizeof partial - 1, MSG_NOSIGNAL);
    slow.push_back(fd);
  }
  ExpectServing();
  for (int fd : slow) close(fd);
  ExpectServing();
}

}  // namespace
}  // namespace curlew::server
