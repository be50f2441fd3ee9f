#!/usr/bin/env bash
# Installs the Debian 12 packages curlew needs to build, test and run.
# Idempotent: packages already present are not touched; apt is only called
# when something is missing. With --fuzz, also clang and its libFuzzer and
# sanitizer runtimes (for `make fuzz` only; `make test` does not need them).
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config
  libicu-dev libsqlite3-dev libpq-dev
  nlohmann-json3-dev libcli11-dev libcpp-httplib-dev libfmt-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  wordnet-base iso-codes
  postgresql
  pybind11-dev python3-dev python3-pandas python3-pytest
  python3-dask python3-distributed
)
if [[ "${1:-}" == "--fuzz" ]]; then
  PACKAGES+=(clang libclang-rt-14-dev)
fi

# The dashboard of `curlew serve` is bundled with npm at build time and
# tested in Chromium: Debian's nodejs and npm when no npm is on the PATH
# (a newer Node.js installed otherwise is kept), and Debian's chromium.
if ! command -v npm >/dev/null 2>&1; then
  PACKAGES+=(nodejs npm)
fi
PACKAGES+=(chromium)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
