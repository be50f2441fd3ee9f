#!/usr/bin/env bash
# The main job of `make run`: code the bundled example corpus.
set -euo pipefail
CURLEW=${1:-build/curlew}
cd "$(dirname "$0")/.."
"$CURLEW" code data/examples/ --format table
