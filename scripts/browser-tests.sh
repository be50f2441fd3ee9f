#!/usr/bin/env bash
# The dashboard's browser tests (web/tests/, node's test runner with
# playwright-core driving Debian's chromium; no browser is downloaded):
# codes the example corpus into a temporary store, starts `curlew serve` on
# a free loopback port and runs the tests against it. Screenshots of a
# failing page go to BUILD/test-screenshots/.
#
# Exits 77 (ctest: skipped) with a message when node, chromium, the npm
# packages or the built dashboard are missing.
set -uo pipefail
BUILD=${1:-build}
cd "$(dirname "$0")/.."
case "$BUILD" in /*) ;; *) BUILD="$PWD/$BUILD" ;; esac
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

skip() {
  echo "browser-tests: SKIPPED: $*" >&2
  exit 77
}
command -v node >/dev/null 2>&1 || skip "node is not installed (scripts/install-deps.sh installs it)"
[[ -x "$CHROMIUM" ]] || skip "$CHROMIUM is not installed (Debian package chromium; scripts/install-deps.sh installs it)"
[[ -d web/node_modules/playwright-core ]] || skip "web/node_modules has no playwright-core (npm was unreachable when the dashboard was built)"
[[ -f "$BUILD/web/index.html" ]] || skip "the dashboard is not built ($BUILD/web; see scripts/build-web.sh)"
[[ -x "$BUILD/curlew" ]] || { echo "browser-tests: $BUILD/curlew is missing" >&2; exit 1; }

WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

"$BUILD/curlew" ingest data/examples/reports.jsonl --store "$WORK/test.db" --quiet ||
  { echo "browser-tests: ingesting the example corpus failed" >&2; exit 1; }
"$BUILD/curlew" serve --store "$WORK/test.db" --port 0 --web "$BUILD/web" >"$WORK/serve.out" 2>"$WORK/serve.err" &
SERVER_PID=$!
URL=""
for _ in $(seq 1 100); do
  URL=$(grep -o 'http://[^ ]*' "$WORK/serve.out" | head -1)
  [[ -n "$URL" ]] && break
  kill -0 "$SERVER_PID" 2>/dev/null || break
  sleep 0.1
done
if [[ -z "$URL" ]]; then
  echo "browser-tests: curlew serve did not start:" >&2
  cat "$WORK/serve.err" >&2
  exit 1
fi
mkdir -p "$BUILD/test-screenshots"
CURLEW_URL="$URL" CHROMIUM="$CHROMIUM" SCREENSHOT_DIR="$BUILD/test-screenshots" \
  node --test --test-concurrency=1 web/tests/dashboard.test.mjs
