#!/usr/bin/env bash
# Builds the dashboard of `curlew serve` (web/) into OUT_DIR (default
# build/web, beside build/curlew): installs the npm packages pinned in
# web/package-lock.json (npm ci, only when the lock changed) and bundles
# them with the dashboard's own code. Nothing is fetched at run time.
#
# Where node or npm is missing, or the npm registry cannot be reached, the
# dashboard is skipped with a message and the script succeeds: curlew and
# its API build and work without it. STAMP, when given, is touched after a
# successful build (the build system's record that it is up to date).
set -uo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-build/web}
STAMP=${2:-}
case "$OUT" in /*) ;; *) OUT="$PWD/$OUT" ;; esac

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "build-web: node or npm not found; the dashboard is not built (curlew serve will answer the API only). scripts/install-deps.sh installs them." >&2
  exit 0
fi
cd web
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "build-web: npm ci (web/package-lock.json)" >&2
  if ! timeout 900 npm ci --no-audit --no-fund --loglevel=error >&2; then
    echo "build-web: npm ci failed (is the npm registry reachable?); the dashboard is not built" >&2
    exit 0
  fi
fi
node build.mjs "$OUT" || {
  echo "build-web: bundling the dashboard failed" >&2
  exit 1
}
if [[ -n "$STAMP" ]]; then touch "$STAMP"; fi
