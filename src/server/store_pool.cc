#include "server/store_pool.h"

#include <algorithm>

namespace curlew::server {

StorePool::Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_),
      store_(std::move(other.store_)),
      discard_(other.discard_) {
  other.pool_ = nullptr;
}

StorePool::Lease::~Lease() {
  if (pool_ != nullptr && store_ != nullptr)
    pool_->Release(std::move(store_), discard_);
}

Result<std::unique_ptr<StorePool>> StorePool::Open(const std::string& location,
                                                   StoreOptions options,
                                                   int size) {
  options.read_only = true;
  options.create = false;
  auto first = Store::Open(location, options);
  if (!first.ok()) return first.status();
  std::unique_ptr<StorePool> pool(
      new StorePool(location, options, std::max(1, size)));
  pool->idle_.push_back(std::move(*first));
  pool->open_ = 1;
  return pool;
}

Result<StorePool::Lease> StorePool::Acquire(std::chrono::milliseconds wait) {
  std::unique_lock lock(mu_);
  bool ready = freed_.wait_for(lock, wait,
                               [&] { return !idle_.empty() || open_ < size_; });
  if (!ready) {
    return Status::Error(ErrorCode::kLimitExceeded,
                         "every store connection is busy; try again");
  }
  if (!idle_.empty()) {
    std::unique_ptr<Store> store = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(store));
  }
  ++open_;
  lock.unlock();
  // Opening may take a while (a PostgreSQL round trip): outside the lock.
  auto store = Store::Open(location_, options_);
  if (!store.ok()) {
    std::lock_guard relock(mu_);
    --open_;
    freed_.notify_one();
    return store.status();
  }
  return Lease(this, std::move(*store));
}

void StorePool::Release(std::unique_ptr<Store> store, bool discard) {
  {
    std::lock_guard lock(mu_);
    if (discard) {
      --open_;
    } else {
      idle_.push_back(std::move(store));
    }
  }
  freed_.notify_one();
  // A discarded connection closes here, outside the lock.
}

}  // namespace curlew::server
