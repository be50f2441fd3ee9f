#!/usr/bin/env bash
# Measures `curlew serve` on a store of 100,000 events (25,000 synthetic
# documents plus the example corpus, built once into
# $TMPDIR/curlew-bench-serve.db by build/bench/serve_bench):
#   1. every API call the dashboard's pages make, over HTTP and in-process
#      (Google Benchmark; target < 200 ms each);
#   2. each page's time to interactive in headless Chromium
#      (web/tests/perf.mjs; target < 1 s);
#   3. with --screenshots DIR, the four pages as PNG files in DIR.
# Usage: bash scripts/perf-serve.sh [BUILD] [--screenshots DIR]
set -euo pipefail
BUILD=${1:-build}
cd "$(dirname "$0")/.."
SHOTS=""
if [[ "${2:-}" == "--screenshots" ]]; then SHOTS=${3:?directory}; fi
STORE="${TMPDIR:-/tmp}/curlew-bench-serve.db"

echo "== API calls (ms; Time = wall clock, CPU = the serving thread for BM_Handle)"
"$BUILD/bench/serve_bench" --benchmark_min_time=0.5 --benchmark_repetitions=3 \
  --benchmark_report_aggregates_only=true 2>&1 | grep -E "median|^Run|Load"

echo "== Pages in headless Chromium"
"$BUILD/curlew" serve --store "$STORE" --port 0 --web "$BUILD/web" >"$BUILD/perf-serve.out" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null' EXIT
URL=""
for _ in $(seq 1 100); do
  URL=$(grep -o 'http://[^ ]*' "$BUILD/perf-serve.out" | head -1 || true)
  [[ -n "$URL" ]] && break
  sleep 0.1
done
[[ -n "$URL" ]] || { cat "$BUILD/perf-serve.out"; exit 1; }
node web/tests/perf.mjs "$URL" 7 || echo "perf-serve: a page's median time to interactive is 1 s or more"
if [[ -n "$SHOTS" ]]; then
  mkdir -p "$SHOTS"
  node web/tests/screenshots.mjs "$URL" "$SHOTS"
  echo "screenshots in $SHOTS"
fi
