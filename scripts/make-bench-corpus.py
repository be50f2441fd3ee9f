#!/usr/bin/env python3
"""Writes a bench corpus of N JSONL documents: the bundled example reports
(data/examples/reports.jsonl) over and over, each copy with new ids, for
timing `curlew code`/`ingest --jobs N`, Engine.code_many and curlew.dask.

Usage: scripts/make-bench-corpus.py N > corpus.jsonl
"""
import itertools
import json
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples" / "reports.jsonl"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    docs = [json.loads(line) for line in EXAMPLES.read_text().splitlines() if line.strip()]
    for k, doc in zip(range(n), itertools.cycle(docs)):
        doc = dict(doc, id=f"b{k // len(docs)}-{doc['id']}")
        sys.stdout.write(json.dumps(doc) + "\n")


if __name__ == "__main__":
    main()
