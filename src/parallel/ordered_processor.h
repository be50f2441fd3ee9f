// OrderedProcessor<T>: runs one function over a stream of items on N
// threads and hands the results back in input order.
//
//   reader thread  -- source(&item) -->  bounded queue
//   N workers      -- work(item)    -->  reorder slots
//   caller         <-- Next(&item)  --   items in the order source gave them
//
// It is the machinery behind `curlew code --jobs N`, `curlew ingest --jobs
// N` and the Python module's Engine.code_many: one Engine shared read-only
// by the workers, each worker holding only the item it works on (its own
// scratch), the output identical to a run on one thread.
//
// Memory stays flat: at most `max_in_flight` items exist between source
// and caller (queued, being worked on, or done and waiting for an earlier
// one); the reader waits when the limit is reached.
//
// With jobs == 1 no thread is started: Next() calls source and work
// itself, so a one-job run is exactly the plain loop.
//
// Ownership: the processor owns its threads and the items in flight. The
// destructor stops reading, lets the workers finish the item each holds and
// joins every thread; items not yet handed out are dropped.
//
// Thread safety: `source` is only ever called from one thread at a time
// (the reader thread, or the caller when jobs == 1); `work` is called from
// all workers at once, on distinct items, and must be safe for that. Next()
// and Cancel() are for the one owning thread. An exception thrown by source
// or work ends the stream and is rethrown by Next() in the caller's thread
// (after the items that came before it).
#ifndef CURLEW_PARALLEL_ORDERED_PROCESSOR_H_
#define CURLEW_PARALLEL_ORDERED_PROCESSOR_H_

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace curlew::parallel {

struct ProcessorOptions {
  // Worker threads; 0 = the number of cores (DefaultJobs()). Default: 0.
  int jobs = 0;
  // Most items between source and caller; 0 = 16 per worker (enough to
  // keep every worker busy while one slow item holds up the order).
  // Default: 0.
  size_t max_in_flight = 0;
};

// The number of cores (at least 1).
inline int DefaultJobs() {
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

template <typename T>
class OrderedProcessor {
 public:
  // Sets *item to the next input and returns true, or returns false at the
  // end of the input.
  using Source = std::function<bool(T*)>;
  // Works on one item in place.
  using Work = std::function<void(T&)>;

  OrderedProcessor(Source source, Work work, ProcessorOptions options = {})
      : source_(std::move(source)), work_(std::move(work)) {
    jobs_ = options.jobs > 0 ? options.jobs : DefaultJobs();
    if (jobs_ == 1) return;
    capacity_ = options.max_in_flight > 0 ? options.max_in_flight
                                          : 16 * static_cast<size_t>(jobs_);
    if (capacity_ < static_cast<size_t>(jobs_)) {
      capacity_ = static_cast<size_t>(jobs_);
    }
    slots_.resize(capacity_);
    reader_ = std::thread([this] { ReadLoop(); });
    workers_.reserve(static_cast<size_t>(jobs_));
    for (int i = 0; i < jobs_; ++i) {
      workers_.emplace_back([this] { WorkLoop(); });
    }
  }

  ~OrderedProcessor() {
    Cancel();
    if (reader_.joinable()) reader_.join();
    for (std::thread& t : workers_) t.join();
  }

  OrderedProcessor(const OrderedProcessor&) = delete;
  OrderedProcessor& operator=(const OrderedProcessor&) = delete;

  int jobs() const { return jobs_; }

  // Waits for the next item in input order; false at the end (or after
  // Cancel()). Rethrows an exception from source or work.
  bool Next(T* out) {
    if (jobs_ == 1) return NextInline(out);
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      if (cancelled_) return false;
      std::optional<T>& slot = slots_[consumed_ % capacity_];
      if (slot.has_value()) {
        *out = std::move(*slot);
        slot.reset();
        ++consumed_;
        // The reader is woken once half the window is free, not for each
        // slot: it then reads on until the window is full, so it sleeps and
        // wakes once per capacity/2 items instead of once per item (on the
        // 2-core machine the wake-ups were most of `code --jobs 2`'s
        // system time).
        if (read_ - consumed_ <= capacity_ / 2) space_.notify_one();
        return true;
      }
      if (error_ && (error_at_ == consumed_ || work_failed_)) {
        std::exception_ptr e = error_;
        error_ = nullptr;
        cancelled_ = true;
        Wake();
        std::rethrow_exception(e);
      }
      if (reading_done_ && consumed_ == read_) return false;
      done_.wait(lock);
    }
  }

  // Stops reading and drops whatever has not been handed out. Safe to call
  // more than once.
  void Cancel() {
    if (jobs_ == 1) {
      ended_ = true;
      return;
    }
    std::lock_guard<std::mutex> lock(mu_);
    cancelled_ = true;
    Wake();
  }

 private:
  bool NextInline(T* out) {
    if (ended_) return false;
    T item{};
    if (!source_(&item)) {
      ended_ = true;
      return false;
    }
    work_(item);
    *out = std::move(item);
    return true;
  }

  void Wake() {
    space_.notify_all();
    work_ready_.notify_all();
    done_.notify_all();
  }

  void ReadLoop() {
    for (;;) {
      {
        std::unique_lock<std::mutex> lock(mu_);
        space_.wait(
            lock, [&] { return cancelled_ || read_ - consumed_ < capacity_; });
        if (cancelled_) break;
      }
      // The source runs without the lock: it may block on input (or, in
      // the Python module, on the interpreter lock).
      T item{};
      bool more = false;
      std::exception_ptr error;
      try {
        more = source_(&item);
      } catch (...) {
        error = std::current_exception();
      }
      std::lock_guard<std::mutex> lock(mu_);
      if (error) {
        error_ = error;
        error_at_ = read_;
        Wake();
        break;
      }
      if (!more || cancelled_) break;
      queue_.emplace_back(read_++, std::move(item));
      work_ready_.notify_one();
    }
    std::lock_guard<std::mutex> lock(mu_);
    reading_done_ = true;
    Wake();
  }

  void WorkLoop() {
    for (;;) {
      std::pair<uint64_t, T> job;
      {
        std::unique_lock<std::mutex> lock(mu_);
        work_ready_.wait(lock, [&] {
          return cancelled_ || !queue_.empty() || reading_done_;
        });
        if (cancelled_ || queue_.empty()) return;
        job = std::move(queue_.front());
        queue_.pop_front();
      }
      std::exception_ptr error;
      try {
        work_(job.second);
      } catch (...) {
        error = std::current_exception();
      }
      std::lock_guard<std::mutex> lock(mu_);
      if (error) {
        if (!error_) {
          error_ = error;
          work_failed_ = true;
        }
        Wake();
        return;
      }
      slots_[job.first % capacity_].emplace(std::move(job.second));
      if (job.first == consumed_) done_.notify_one();
    }
  }

  Source source_;
  Work work_;
  int jobs_ = 1;
  bool ended_ = false;  // jobs == 1 only

  std::mutex mu_;
  std::condition_variable space_;       // reader: room for another item
  std::condition_variable work_ready_;  // workers: an item to work on
  std::condition_variable done_;        // caller: the next item is done
  size_t capacity_ = 0;
  std::deque<std::pair<uint64_t, T>> queue_;  // read, not yet worked on
  std::vector<std::optional<T>> slots_;       // done, by sequence % capacity
  uint64_t read_ = 0;                         // items taken from the source
  uint64_t consumed_ = 0;                     // items handed out by Next()
  bool reading_done_ = false;
  bool cancelled_ = false;
  std::exception_ptr error_;
  uint64_t error_at_ = 0;     // source error: after this many items
  bool work_failed_ = false;  // the error came from work: report at once
  std::thread reader_;
  std::vector<std::thread> workers_;
};

}  // namespace curlew::parallel

#endif  // CURLEW_PARALLEL_ORDERED_PROCESSOR_H_
