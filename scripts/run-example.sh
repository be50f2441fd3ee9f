#!/usr/bin/env bash
# The main job of `make run`: code the bundled example corpus (data/examples/)
# into the default embedded store (curlew.db, or $CURLEW_STORE) and print a
# short summary and how to query it. Rerunning recodes the same documents
# (--replace), so the store never holds two copies of one.
set -euo pipefail
CURLEW=${1:-build/curlew}
cd "$(dirname "$0")/.."
STORE=${CURLEW_STORE:-curlew.db}

shopt -s nullglob
examples=(data/examples/*)
if ((${#examples[@]} == 0)); then
  echo "run-example: data/examples/ is empty or missing; nothing to ingest yet."
  echo "run-example: code your own reports with:"
  echo "  $CURLEW ingest REPORTS.jsonl --store $STORE && $CURLEW summary --store $STORE"
  exit 0
fi

"$CURLEW" ingest data/examples/ --store "$STORE" --replace
echo
"$CURLEW" summary --store "$STORE"
echo
echo "Events coded from the examples, each with its source sentence:"
"$CURLEW" query --store "$STORE" --limit 200 --format table
cat <<HELP

Query the store ($STORE):
  $CURLEW query --store $STORE --limit 20                      # events, as a table
  $CURLEW query --store $STORE --source TUR --target CHN       # one dyad (codes or prefixes)
  $CURLEW query --store $STORE --root 05 --from 2020-01 --to 2020-12
  $CURLEW query --store $STORE --text treaty --format jsonl    # search the sentences
  $CURLEW query --store $STORE --count-by dyad --per month     # counts and mean Goldstein
  $CURLEW export --store $STORE --format gdelt --out events.csv   # also jsonl, csv, phoenix, petrarch
HELP
