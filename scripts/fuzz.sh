#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer targets of fuzz/ with clang under
# AddressSanitizer and UndefinedBehaviorSanitizer (in build-fuzz/, apart
# from the Release build) and runs each one for FUZZ_SECONDS seconds
# (default 60) on a copy of its seed corpus fuzz/corpus/<name>/.
#
#   FUZZ_SECONDS=600 FUZZ_TARGETS="pipeline dictfiles" bash scripts/fuzz.sh
#
# New inputs libFuzzer finds stay in build-fuzz/corpus/<name>/ (the seeds in
# the repository are not touched); a crash leaves its input in
# build-fuzz/findings/<name>/ and fails the run. Prints, per target, the
# runs and the coverage (libFuzzer's "cov" edges and "ft" features) of its
# last status line.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${FUZZ_BUILD:-build-fuzz}
SECONDS_EACH=${FUZZ_SECONDS:-60}
JOBS=${JOBS:-$(nproc)}
TARGETS=${FUZZ_TARGETS:-"text jsonl xml conllu ptb dictionary pipeline dictfiles"}

bash scripts/install-deps.sh --fuzz
CC=clang CXX=clang++ cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCURLEW_FUZZ=ON -DCURLEW_UNITY="${UNITY:-ON}" >/dev/null
cmake --build "$BUILD" -j "$JOBS" --target fuzzers

failed=0
summary=()
for t in $TARGETS; do
  corpus="$BUILD/corpus/$t"
  findings="$BUILD/findings/$t"
  mkdir -p "$corpus" "$findings"
  log="$BUILD/fuzz-$t.log"
  echo "fuzz: $t for ${SECONDS_EACH}s" >&2
  # -rss_limit_mb: the Phoenix dictionaries and the syntax model are loaded
  # once per process; ASan's shadow memory comes on top.
  if ! "$BUILD/fuzz/${t}_fuzzer" -max_total_time="$SECONDS_EACH" \
      -rss_limit_mb=4096 -timeout=30 -max_len=8192 -print_final_stats=1 \
      -artifact_prefix="$findings/" "$corpus" "fuzz/corpus/$t" \
      >"$log" 2>&1; then
    echo "fuzz: $t FAILED, see $log and $findings" >&2
    failed=1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  cov=$(echo "$last" | grep -o 'cov: [0-9]*' || true)
  ft=$(echo "$last" | grep -o 'ft: [0-9]*' || true)
  summary+=("$t: ${runs:-?} runs, ${cov:-cov: ?}, ${ft:-ft: ?}")
done
printf 'fuzz: %s\n' "${summary[@]}"
exit $failed
