#!/usr/bin/env bash
# Installs the Debian 12 packages curlew needs to build, test and run.
# Idempotent: packages already present are not touched; apt is only called
# when something is missing.
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
