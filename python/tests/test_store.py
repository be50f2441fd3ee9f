"""curlew.Store: ingest exactly once, and read back what the CLI reads."""

from __future__ import annotations

import pandas as pd
import pytest

import curlew
from conftest import EXAMPLES, json_lines, make_corpus, run, write_jsonl


def without_ids(rows):
    return [{k: v for k, v in r.items() if k != "event_id"} for r in rows]


@pytest.fixture(scope="module")
def stores(tmp_path_factory, examples, binary):
    """The examples (twice over, new ids) ingested by the CLI and by Python."""
    tmp = tmp_path_factory.mktemp("stores")
    docs = make_corpus(examples, 48)
    corpus = write_jsonl(tmp / "c.jsonl", docs)
    cli = str(tmp / "cli.db")
    run(binary, "ingest", str(corpus), "--store", cli, "--quiet", "--jobs", "1")
    py = curlew.Store(str(tmp / "py.db"))
    stats = py.ingest(docs, jobs=2)
    return cli, py, stats, docs


def test_ingest_counts(stores):
    _, py, stats, docs = stores
    assert stats["stored"] == len(docs) and stats["rejected"] == 0
    assert py.totals()["documents"] == len(docs)
    assert sorted(py.document_ids()) == sorted(d["id"] for d in docs)


def test_events_are_the_cli_export(stores, binary):
    cli, py, _, _ = stores
    exported = json_lines(run(binary, "export", "--store", cli, "--format", "jsonl").stdout)
    assert len(exported) > 40
    assert without_ids(py.event_dicts()) == without_ids(exported)
    frame = py.events()
    assert len(frame) == len(exported)
    assert list(frame.columns[: len(curlew.event_fields()) + 1]) == (
        curlew.event_fields()[:3] + ["date_precision"] + curlew.event_fields()[3:]
    )
    assert str(frame["doc_date"].dtype) == "datetime64[ns]"
    assert frame["mentions"].dtype == "int64"


def test_filters_are_those_of_query(stores, binary):
    cli, py, _, _ = stores
    for filters, args in [
        ({"source": "KEN"}, ["--source", "KEN"]),
        ({"root": "05", "from_": "2021-01", "to": "2021-12"}, ["--root", "05", "--from", "2021-01", "--to", "2021-12"]),
        ({"text": "treaty", "limit": 3}, ["--text", "treaty", "--limit", "3"]),
        ({"quad": 1, "one_a_day": True}, ["--quad", "1", "--one-a-day"]),
    ]:
        want = json_lines(run(binary, "query", "--store", cli, "--format", "jsonl", *args).stdout)
        got = py.event_dicts(**filters)
        assert [(e["doc_id"], e["cameo"]) for e in got] == [(e["doc_id"], e["cameo"]) for e in want], filters
    with pytest.raises(curlew.InvalidArgumentError):
        py.events(quad=7)
    with pytest.raises(curlew.InvalidArgumentError, match="unknown filter"):
        py.events(colour="red")


def test_counts(stores, binary):
    cli, py, _, _ = stores
    want = json_lines(run(binary, "query", "--store", cli, "--count-by", "root", "--per", "month", "--format", "jsonl").stdout)
    frame = py.counts(by="root", per="month")
    assert frame.to_dict("records") == want
    assert isinstance(frame["root"].dtype, pd.CategoricalDtype)
    assert frame["events"].dtype == "int64" and frame["mean_goldstein"].dtype == "float64"
    assert len(py.counts(source="NOWHERE")) == 0


def test_agreements_and_commitments_are_the_cli_json(stores, binary):
    cli, py, _, _ = stores
    for args, got in [
        (["agreements"], py.agreements()),
        (["agreements", "--as-of", "2021-06-30"], py.agreements(as_of="2021-06-30")),
        (["commitments"], py.commitments()),
    ]:
        want = json_lines(run(binary, *args, "--store", cli, "--format", "json").stdout)
        assert got == want, args
    assert py.agreements(), "the examples mention agreements"


def test_ingest_is_exactly_once(tmp_path, examples):
    store = curlew.Store(str(tmp_path / "s.db"))
    docs = make_corpus(examples, 30)
    first = store.ingest(docs[:20])
    again = store.ingest(iter(docs))  # not a list: every stored id is looked up
    assert (first["stored"], again["stored"], again["skipped"]) == (20, 10, 20)
    assert store.totals()["documents"] == 30
    replaced = store.ingest(docs[:5], replace=True)
    assert replaced["stored"] == 5 and store.totals()["documents"] == 30


def test_rejections_are_recorded_and_the_rest_stored(tmp_path, examples, caplog):
    store = curlew.Store(str(tmp_path / "s.db"))
    docs = [examples[0], {"id": "x", "date": "2021-01-01"}, {"text": "No id here."}, examples[1]]
    stats = store.ingest(docs)
    assert (stats["stored"], stats["rejected"]) == (2, 2)
    rejected = store.rejections()
    assert {type(e) for e in rejected} == {curlew.ParseError, curlew.InvalidArgumentError}
    assert any("x: no \"text\" string" in r.getMessage() for r in caplog.records)


def test_ingest_files_names_documents_as_the_cli(tmp_path, binary):
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "sub" / "a.txt").write_text("Kenya and Ethiopia signed a trade agreement.")
    cli = str(tmp_path / "cli.db")
    run(binary, "ingest", str(tmp_path / "in"), "--store", cli, "--quiet", "--date", "2021-03-01")
    py = curlew.Store(str(tmp_path / "py.db"))
    py.ingest_files([str(tmp_path / "in" / "sub" / "a.txt")], ids=["sub/a.txt"], date="2021-03-01")
    assert py.document_ids() == curlew.Store(cli).document_ids() == ["sub/a.txt"]


def test_store_errors(tmp_path):
    with pytest.raises(curlew.NotFoundError) as e:
        curlew.Store(str(tmp_path / "missing" / "dir" / "s.db"))
    assert e.value.code == 2 and e.value.name == "not-found"
    assert e.value.document.endswith("s.db")
    (tmp_path / "junk.db").write_bytes(b"this is not a database" * 100)
    with pytest.raises(curlew.Error):
        curlew.Store(str(tmp_path / "junk.db")).totals()
    store = curlew.Store(str(tmp_path / "s.db"))
    store.close()
    with pytest.raises(curlew.InvalidArgumentError, match="closed"):
        store.totals()
