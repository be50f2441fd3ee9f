#!/usr/bin/env python3
"""Times curlew.dask.ingest on a LocalCluster of N worker processes (one
thread each) into a fresh PostgreSQL database, and prints documents per
second. The workers load their engine before the clock starts, so the
figure is the ingest's throughput, not the cluster's start-up.

  scripts/make-bench-corpus.py 4000 > /tmp/corpus.jsonl
  PYTHONPATH=build/python python3 bench/dask_ingest.py /tmp/corpus.jsonl \\
      --server postgresql://curlew@127.0.0.1:54329/postgres --workers 2
"""
import argparse
import os
import subprocess
import time

import distributed

import curlew
import curlew.dask


def load_engine() -> bool:
    curlew.default_engine()
    return True


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("corpus")
    p.add_argument("--server", required=True, help="a PostgreSQL server URL (its database is not touched)")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--partition-size", type=int, default=200)
    a = p.parse_args()
    name = f"curlew_bench_{os.getpid()}"
    psql = ["psql", "-q", "-v", "ON_ERROR_STOP=1", a.server, "-c"]
    subprocess.run(psql + [f"CREATE DATABASE {name}"], check=True)
    url = a.server.rpartition("/")[0] + "/" + name
    try:
        with distributed.LocalCluster(
            n_workers=a.workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster, distributed.Client(cluster) as client:
            client.run(load_engine)
            start = time.monotonic()
            stats = curlew.dask.ingest([a.corpus], url, client=client, partition_size=a.partition_size)
            seconds = time.monotonic() - start
        print(
            f"workers {a.workers}: {stats['stored']} documents, {stats['events']} events "
            f"in {seconds:.2f} s = {stats['stored'] / seconds:.1f} documents/s"
        )
    finally:
        subprocess.run(psql + [f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], check=True)


if __name__ == "__main__":
    main()
