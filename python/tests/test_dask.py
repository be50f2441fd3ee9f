"""curlew.dask on a LocalCluster of two worker processes, into the
throwaway PostgreSQL server: the same events as a one-process CLI ingest,
document by document, and every document exactly once even when a worker is
killed mid-run."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import defaultdict

import pytest

import curlew
from conftest import json_lines, make_corpus, run, write_jsonl

distributed = pytest.importorskip("distributed")
dask_bag = pytest.importorskip("dask.bag")
import curlew.dask  # noqa: E402

N_DOCS = 2016  # the 24 example reports 84 times over, with new ids


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
        silence_logs=40,
    ) as c, distributed.Client(c) as client:
        yield client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, examples, binary):
    """The corpus as two JSONL files and the CLI's events by document."""
    tmp = tmp_path_factory.mktemp("dask")
    docs = make_corpus(examples, N_DOCS)
    half = N_DOCS // 2
    paths = [write_jsonl(tmp / "a.jsonl", docs[:half]), write_jsonl(tmp / "b.jsonl", docs[half:])]
    db = str(tmp / "cli.db")
    run(binary, "ingest", *map(str, paths), "--store", db, "--quiet")
    exported = json_lines(run(binary, "export", "--store", db, "--format", "jsonl").stdout)
    return [str(p) for p in paths], by_document(exported), docs


def by_document(rows):
    """Events of each document, in document order, without the store-wide
    event ids (which depend on the order documents were written)."""
    docs = defaultdict(list)
    for r in rows:
        docs[r["doc_id"]].append({k: v for k, v in r.items() if k != "event_id"})
    return {d: sorted(evs, key=lambda e: e["event"]) for d, evs in docs.items()}


def check_store(url, corpus):
    _, want, docs = corpus
    store = curlew.Store(url)
    ids = store.document_ids()
    assert len(ids) == len(docs) == len(set(ids))
    assert set(ids) == {d["id"] for d in docs}
    assert store.totals()["events"] == sum(len(v) for v in want.values())
    assert by_document(store.event_dicts()) == want


def test_dask_ingest_equals_the_cli(cluster, corpus, pg_url):
    paths, _, _ = corpus
    stats = curlew.dask.ingest(paths, pg_url, client=cluster, partition_size=150)
    assert stats["stored"] == N_DOCS and stats["rejected"] == 0
    assert stats["partitions"] == 14
    check_store(pg_url, corpus)
    # A rerun finds everything stored.
    again = curlew.dask.ingest(paths, pg_url, client=cluster, partition_size=500)
    assert (again["stored"], again["skipped"]) == (0, N_DOCS)
    assert curlew.Store(pg_url).agreements(), "the ledger was rebuilt"


def test_a_killed_worker_leaves_every_document_once(cluster, corpus, pg_url):
    paths, _, _ = corpus
    result = {}

    def ingest():
        try:
            result["stats"] = curlew.dask.ingest(paths, pg_url, client=cluster, partition_size=60)
        except BaseException as e:  # reported by the assertion below
            result["error"] = e

    runner = threading.Thread(target=ingest)
    runner.start()
    store = curlew.Store(pg_url)
    deadline = time.monotonic() + 300
    while store.totals()["documents"] < 300 and runner.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    stored_at_kill = store.totals()["documents"]
    pids = cluster.run(os.getpid)
    victim = sorted(pids.values())[0]
    os.kill(victim, signal.SIGKILL)
    runner.join(timeout=600)
    assert not runner.is_alive()
    assert "error" not in result, result.get("error")
    assert 0 < stored_at_kill < N_DOCS, "the worker was killed mid-run"
    assert victim not in cluster.run(os.getpid).values(), "the worker was replaced"
    check_store(pg_url, corpus)


def without_ids(events):
    return [{k: v for k, v in e.items() if k != "event_id"} for e in events]


def test_dask_code_and_frames(cluster, engine, examples):
    bag = dask_bag.from_sequence(examples, npartitions=3)
    events = curlew.dask.code(bag)
    got = events.compute()
    # event_id runs within each partition's output; (doc_id, event) is the
    # key that does not depend on how the bag is cut.
    assert without_ids(got) == without_ids(engine.code_many(examples, jobs=1))
    frame = curlew.dask.events_frame(events).compute()
    local = curlew.events_frame(got)
    assert list(frame.columns) == list(local.columns)
    assert len(frame) == len(local)
    assert str(frame["date"].dtype) == "datetime64[ns]"
    assert list(frame["cameo"].astype(str)) == list(local["cameo"].astype(str))
