#!/usr/bin/env bash
# The sanitizer job: builds curlew and every test with AddressSanitizer and
# UndefinedBehaviorSanitizer (gcc, -Og -g1, in build-asan/, apart from the
# Release build; no benchmarks; no Python module: an instrumented extension
# cannot load into the uninstrumented python3, whose tests run on the
# Release build) and runs the whole test suite on it with
# scripts/run-tests.sh. Any sanitizer report fails the test that met it.
#
#   bash scripts/run-sanitized-tests.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build-asan}
JOBS=${JOBS:-$(nproc)}
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-Og -g1" -DCURLEW_SANITIZE=ON \
  -DCURLEW_BENCHMARKS=OFF -DCURLEW_PYTHON=OFF -DCURLEW_UNITY="${UNITY:-ON}" >/dev/null
cmake --build "$BUILD" -j "$JOBS"
# halt_on_error: the first report ends the test binary with an error.
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
bash scripts/run-tests.sh "$BUILD"
