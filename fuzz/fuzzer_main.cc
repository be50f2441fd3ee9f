// The libFuzzer entry point of one fuzz binary; fuzz/CMakeLists.txt builds
// this file once per target with CURLEW_FUZZ_ENTRY set to the entry
// function (FuzzText, FuzzJsonl, ...).
#include <cstddef>
#include <cstdint>

#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return curlew::fuzz::CURLEW_FUZZ_ENTRY(data, size);
}
