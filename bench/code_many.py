#!/usr/bin/env python3
"""Times Engine.code_many against `curlew code` on the same documents: codes
a JSONL file with the Python module and writes the events as JSON lines, as
the CLI does (pass --count to only count them).

  scripts/make-bench-corpus.py 5000 > /tmp/corpus.jsonl
  PYTHONPATH=build/python python3 bench/code_many.py /tmp/corpus.jsonl --jobs 2 > /dev/null
  build/curlew code /tmp/corpus.jsonl --jobs 2 > /dev/null
"""
import argparse
import json
import sys
import time

import curlew


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("corpus")
    p.add_argument("--jobs", type=int, default=None)
    p.add_argument("--count", action="store_true", help="count the events instead of writing them")
    a = p.parse_args()
    start = time.monotonic()
    engine = curlew.Engine()

    def docs():
        with open(a.corpus, "rb") as f:
            for line in f:
                if line.strip():
                    yield json.loads(line)

    n = 0
    events = engine.code_many(docs(), jobs=a.jobs)
    if a.count:
        for _ in events:
            n += 1
    else:
        # One encoder for the run (json.dumps with options makes one per
        # call) and one write per batch of lines; every event is still
        # written as its own JSON line, as the CLI does.
        encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
        out = sys.stdout
        lines = []
        for event in events:
            n += 1
            lines.append(encode(event))
            if len(lines) == 256:
                lines.append("")
                out.write("\n".join(lines))
                lines = []
        if lines:
            lines.append("")
            out.write("\n".join(lines))
    print(f"{n} events in {time.monotonic() - start:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
