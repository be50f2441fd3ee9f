// StorePool: the server's read-only connections to one store, shared by its
// worker threads. A Store is one connection used by one thread at a time
// (curlew/store.h), so each request borrows one for its duration and gives
// it back. Connections are opened when first needed, up to `size`.
//
// Thread safety: Acquire and the leases' release are thread-safe; a lease
// belongs to the thread that acquired it.
#ifndef CURLEW_SERVER_STORE_POOL_H_
#define CURLEW_SERVER_STORE_POOL_H_

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "curlew/status.h"
#include "curlew/store.h"

namespace curlew::server {

class StorePool {
 public:
  // Opens the first connection now (so a wrong location fails at start),
  // read-only; the options' read_only and create are forced to true/false.
  static Result<std::unique_ptr<StorePool>> Open(const std::string& location,
                                                 StoreOptions options,
                                                 int size);

  // A borrowed connection; returns it to the pool when destroyed.
  class Lease {
   public:
    Lease() = default;
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    explicit operator bool() const { return store_ != nullptr; }
    Store* operator->() const { return store_.get(); }
    Store& operator*() const { return *store_; }
    // Drops the connection instead of returning it (after a store error
    // that may have broken it); the pool opens a new one when needed.
    void Discard() { discard_ = true; }

   private:
    friend class StorePool;
    Lease(StorePool* pool, std::unique_ptr<Store> store)
        : pool_(pool), store_(std::move(store)) {}
    StorePool* pool_ = nullptr;
    std::unique_ptr<Store> store_;
    bool discard_ = false;
  };

  // A connection, waiting at most `wait` for one to come free. An error
  // when none did (kLimitExceeded) or a new one could not be opened.
  Result<Lease> Acquire(std::chrono::milliseconds wait);

  const std::string& location() const { return location_; }

 private:
  StorePool(std::string location, StoreOptions options, int size)
      : location_(std::move(location)), options_(options), size_(size) {}
  void Release(std::unique_ptr<Store> store, bool discard);

  std::string location_;
  StoreOptions options_;
  int size_;
  std::mutex mu_;
  std::condition_variable freed_;
  std::vector<std::unique_ptr<Store>> idle_;  // guarded by mu_
  int open_ = 0;                              // guarded by mu_
};

}  // namespace curlew::server

#endif  // CURLEW_SERVER_STORE_POOL_H_
