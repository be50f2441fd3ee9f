#!/usr/bin/env bash
# Runs every test (ctest) and, where the store tests need it, a throwaway
# PostgreSQL cluster on a loopback port that is stopped afterwards.
set -euo pipefail
BUILD=${1:-build}
cd "$(dirname "$0")/.."
if [[ -x scripts/pg-test-server.sh ]]; then
  # shellcheck disable=SC1091
  source scripts/pg-test-server.sh
  trap pg_test_stop EXIT
  pg_test_start || echo "run-tests: PostgreSQL test server not started; PostgreSQL tests will skip" >&2
fi
ctest --test-dir "$BUILD" --output-on-failure -j "$(nproc)"
