// An allocator for the large, randomly read arrays of a model (weight
// tables): blocks of 2 MiB or more are aligned to 2 MiB and, on Linux,
// marked for transparent huge pages, so that a lookup costs one TLB entry
// per 2 MiB instead of a page walk per 4 KiB. Measured on EWT test
// (bench/syntax_bench): see data/models/README.md.
#ifndef CURLEW_SYNTAX_HUGE_PAGES_H_
#define CURLEW_SYNTAX_HUGE_PAGES_H_

#include <cstddef>
#include <cstdlib>
#include <new>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace curlew::syntax {

template <typename T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr size_t kHuge = size_t{2} << 20;

  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}

  T* allocate(size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kHuge) {
      return static_cast<T*>(::operator new(bytes));
    }
    const size_t rounded = (bytes + kHuge - 1) / kHuge * kHuge;
    void* p = std::aligned_alloc(kHuge, rounded);
    if (!p) throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    madvise(p, rounded, MADV_HUGEPAGE);  // a hint; failure is harmless
#endif
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t n) {
    if (n * sizeof(T) < kHuge) {
      ::operator delete(p);
    } else {
      std::free(p);
    }
  }
  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const {
    return true;
  }
};

template <typename T>
using HugeVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace curlew::syntax

#endif  // CURLEW_SYNTAX_HUGE_PAGES_H_
