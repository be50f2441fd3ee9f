// curlew serve: the read-only HTTP API and the dashboard over a store.
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

#include "command.h"
#include "server/api.h"
#include "server/http_server.h"
#include "server/store_pool.h"
#include "store_cli.h"

namespace curlew::cli::serve_command {
namespace {

struct ServeArgs {
  std::string store;
  server::ServerOptions http;
  std::string web;  // "" = the web/ folder beside the binary
  int connections = 4;
  int query_timeout_ms = 5000;
};

// The dashboard the build installs beside build/curlew (build/web).
std::string DefaultWebDir() {
  std::error_code ec;
  std::filesystem::path exe =
      std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  return (exe.parent_path() / "web").string();
}

int RunServe(ServeArgs a) {
  StoreOptions options;
  options.query_timeout_ms = a.query_timeout_ms;
  auto pool = server::StorePool::Open(a.store, options, a.connections);
  if (!pool.ok()) {
    PrintError("serve", pool.status().WithWhere(a.store));
    return kExitFailure;
  }
  std::string web = a.web.empty() ? DefaultWebDir() : a.web;
  auto files = server::StaticFiles::Load(web);
  if (!files.ok()) {
    if (!a.web.empty()) {
      PrintError("serve", files.status());
      return kExitFailure;
    }
    std::cerr << "curlew serve: no dashboard at " << web
              << " (built without npm?); serving the API only\n";
    files = server::StaticFiles();
  }
  server::Api api(pool->get(), {});
  server::HttpServer http(&api, std::move(*files), a.http);
  Status bound = http.Bind();
  if (!bound.ok()) {
    PrintError("serve", bound);
    return kExitFailure;
  }
  // Ctrl-C and SIGTERM stop the server cleanly: the signals are blocked in
  // every thread and one thread waits for them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  std::atomic<bool> stopping = false;
  std::thread waiter([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    stopping = true;
    http.Stop();
  });
  std::cout << "curlew serve: " << http.url() << "  (store "
            << (*pool)->location() << ", read-only; Ctrl-C stops)" << std::endl;
  http.Run();
  // Run returns without a signal only when listening failed: wake the
  // waiter so that it can be joined.
  bool failed = !stopping;
  if (failed) pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  if (failed) {
    PrintError("serve", Status::Error(ErrorCode::kIoError,
                                      "the server stopped listening"));
    return kExitFailure;
  }
  return kExitOk;
}

Runner SetUp(CLI::App& sub) {
  auto a = std::make_shared<ServeArgs>();
  AddStoreOption(sub, &a->store);
  sub.add_option("--host", a->http.host,
                 "address to listen on (127.0.0.1: this machine only)")
      ->capture_default_str();
  sub.add_option("--port", a->http.port, "port (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  sub.add_option("--web", a->web,
                 "the dashboard's folder (default: web/ beside the binary)");
  sub.add_option("--threads", a->http.threads, "worker threads")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  sub.add_option("--connections", a->connections, "store connections")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  sub.add_option("--query-timeout-ms", a->query_timeout_ms,
                 "longest a store query may run")
      ->check(CLI::Range(1, 600000))
      ->capture_default_str();
  return [a] { return RunServe(*a); };
}

const Command kServe("serve", "read-only HTTP API and dashboard over a store",
                     &SetUp);

}  // namespace
}  // namespace curlew::cli::serve_command
