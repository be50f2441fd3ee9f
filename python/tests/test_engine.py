"""curlew.Engine: the event dicts are `curlew code`'s JSON, code_many keeps
input order on any number of threads, errors carry code, document and
position."""

from __future__ import annotations

import threading

import pytest

import curlew
from conftest import EXAMPLES, json_lines, make_corpus, run, write_jsonl


def test_code_many_gives_the_cli_events(engine, examples, binary):
    cli = json_lines(run(binary, "code", str(EXAMPLES), "--jobs", "1").stdout)
    assert len(cli) > 20
    for jobs in (1, 2, 4):
        assert list(engine.code_many(examples, jobs=jobs)) == cli


def test_code_gives_the_cli_events_of_one_document(engine, examples, binary):
    cli = json_lines(run(binary, "code", str(EXAMPLES)).stdout)
    doc = examples[0]
    events = engine.code(doc["text"], date=doc["date"], doc_id=doc["id"])
    assert events == [e for e in cli if e["doc_id"] == doc["id"]]
    assert events, "the first example report has events"
    # Exactly the CLI's fields, in its order.
    assert list(events[0]) == curlew.event_fields()
    assert list(events[0])[:13] == [
        "doc_id", "sentence", "date", "source", "target", "source_text", "target_text",
        "cameo", "root", "quad", "goldstein", "plover", "text",
    ]


def test_code_many_keeps_order_on_a_larger_set(engine, examples, tmp_path, binary):
    docs = make_corpus(examples, 240)
    cli = json_lines(run(binary, "code", str(write_jsonl(tmp_path / "c.jsonl", docs)), "--jobs", "1").stdout)
    # A generator, pulled lazily on the reader thread.
    events = list(engine.code_many((d for d in docs), jobs=3))
    assert events == cli
    assert [e["doc_id"] for e in events] == sorted(
        [e["doc_id"] for e in events], key=[d["id"] for d in docs].index
    )


def test_code_many_accepts_texts_and_stops_early(engine, examples):
    it = engine.code_many([d["text"] for d in examples] * 20, jobs=2)
    first = next(it)
    assert first["doc_id"] == ""
    del it  # unfinished: the threads stop without deadlock


def test_code_many_errors_raise_in_order_and_go_on(engine, examples):
    docs = [examples[0], {"id": "no-text", "date": "2021-01-01"}, {"id": "blank", "text": "  "}, examples[1]]
    it = engine.code_many(docs, jobs=2)
    got = []
    errors = []
    while True:
        try:
            got.append(next(it))
        except StopIteration:
            break
        except curlew.Error as e:
            errors.append(e)
    assert [type(e) for e in errors] == [curlew.ParseError, curlew.EmptyInputError]
    assert errors[0].code == 7 and errors[0].name == "parse-error"
    assert errors[0].document == "no-text"
    assert errors[1].code == 9 and errors[1].document == "blank"
    assert "[E9 empty-input]" in str(errors[1])
    assert {e["doc_id"] for e in got} == {examples[0]["id"], examples[1]["id"]}

    it = engine.code_many(docs, errors="skip")
    assert [e["doc_id"] for e in it] == [e["doc_id"] for e in got]
    assert [e.code for e in it.rejected] == [7, 9]


def test_input_iterator_errors_reach_the_caller(engine, examples):
    def docs():
        yield examples[0]
        raise KeyError("broken feed")

    with pytest.raises(KeyError, match="broken feed"):
        list(engine.code_many(docs(), jobs=2))


def test_errors_carry_code_document_and_position(engine):
    with pytest.raises(curlew.EmptyInputError) as e:
        engine.code("   ", doc_id="d1")
    assert e.value.document == "d1" and e.value.code == 9
    with pytest.raises(curlew.InvalidUtf8Error) as e:
        engine.code(b"Turkey \xff and China", doc_id="d2")
    assert e.value.code == 4
    assert e.value.document == "d2"
    assert "at byte 7" in e.value.message
    assert isinstance(e.value, ValueError)
    with pytest.raises(curlew.InvalidArgumentError):
        engine.code_many([], errors="ignore")
    with pytest.raises(curlew.Error) as e:
        curlew.Engine(dicts="/nonexistent/petrarch")
    assert e.value.code in (2, 3) and e.value.document


def test_add_dicts_is_wired_or_says_it_is_not_available():
    # Before the engine has --add-dicts: NotImplementedError; after, a
    # folder that does not exist is the engine's own error.
    with pytest.raises((NotImplementedError, curlew.Error)) as e:
        curlew.Engine(add_dicts="/nonexistent/petrarch")
    if isinstance(e.value, NotImplementedError):
        assert "add-dicts" in str(e.value)
    else:
        assert e.value.document


def test_engine_is_shared_by_threads(engine, examples):
    expected = list(engine.code_many(examples, jobs=1))
    results = [None] * 4

    def work(i):
        results[i] = [ev for d in examples for ev in engine.code(d["text"], date=d["date"], doc_id=d["id"])]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # Each code() call numbers its events from 1; the rest is the same.
    def without_ids(events):
        return [{k: v for k, v in e.items() if k != "event_id"} for e in events]

    assert all(without_ids(r) == without_ids(expected) for r in results)
