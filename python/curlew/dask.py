"""curlew on a dask.distributed cluster: corpora past one machine.

``ingest(paths, store)`` codes files on the workers of a cluster and writes
every document exactly once into one shared store (PostgreSQL; SQLite only
with a single writer), even when a worker dies and its tasks are run again:
each partition is ingested as ``curlew ingest`` ingests a file (batches of
one transaction each, ids already stored skipped, a stored id replaced
whole, never doubled), and the store serialises writers of one document.

``code(bag)`` turns a ``dask.bag`` of documents into a bag of event dicts;
``events_frame(bag)`` turns a bag of events into a ``dask.dataframe``.

Each worker process loads the engine once (``curlew.default_engine()``)
and shares it between its threads. The workers must be able to import
curlew and to read the paths (a shared file system) and reach the store.
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

import curlew
from . import _curlew

__all__ = ["code", "events_frame", "ingest"]

# Bytes a JSONL line may have (the CLI's --max-document-bytes default).
_MAX_LINE_BYTES = 16 << 20

# A partition: ("jsonl", path, first byte, end byte, lines before it) or
# ("files", [paths], [ids]).
Partition = Tuple[Any, ...]


def _is_jsonl(path: str, format: str) -> bool:
    """Whether `curlew ingest` would read `path` as JSONL: by the format
    asked for, else by extension, else by a first '{'."""
    if format != "auto":
        return format == "jsonl"
    if path.endswith((".jsonl", ".ndjson")):
        return True
    if path.endswith((".xml", ".conllu")):
        return False
    with open(path, "rb") as f:
        head = f.read(64)
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    return head.lstrip(b" \n\r\t").startswith(b"{")


def _expand(paths: Sequence[str]) -> List[Tuple[str, str]]:
    """(file, id of a whole-file document) in the order `curlew ingest`
    reads them: folders recursively in sorted order, hidden entries left
    out, a file found in a folder named by its path relative to the
    folder."""
    files: List[Tuple[str, str]] = []
    for p in paths:
        p = os.fspath(p)
        if not os.path.exists(p):
            raise _curlew.make_error(2, "no such file", p)
        if not os.path.isdir(p):
            files.append((p, os.path.basename(p)))
            continue
        found = []
        for root, dirs, names in os.walk(p):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for n in names:
                full = os.path.join(root, n)
                if not n.startswith(".") and os.path.isfile(full):
                    found.append(full)
        for full in sorted(found):
            files.append((full, os.path.relpath(full, p)))
    return files


def _split_jsonl(path: str, partition_size: int) -> List[Partition]:
    """Byte ranges of `partition_size` lines each (runs on a worker)."""
    parts: List[Partition] = []
    begin = offset = lines = first = 0
    with open(path, "rb") as f:
        for raw in f:
            offset += len(raw)
            lines += 1
            if lines - first == partition_size:
                parts.append(("jsonl", path, begin, offset, first))
                begin, first = offset, lines
    if offset > begin:
        parts.append(("jsonl", path, begin, offset, first))
    return parts


def _jsonl_document(body: bytes, path: str, start: int, line: int, date: str) -> Any:
    """One JSONL line as `curlew ingest` reads it: a document dict, or the
    curlew.Error of the line (recorded as a rejection)."""
    where = f"line {line}: "
    try:
        obj = json.loads(body)
    except UnicodeDecodeError as e:
        return _curlew.make_error(4, where + "malformed JSON: invalid UTF-8", path, start + e.start)
    except json.JSONDecodeError as e:
        return _curlew.make_error(7, where + "malformed JSON: " + e.msg, path, start + e.pos)
    if not isinstance(obj, dict):
        return _curlew.make_error(7, where + "not a JSON object", path, start)
    if not isinstance(obj.get("text"), str):
        return _curlew.make_error(7, where + 'no "text" string', path, start)
    if obj.get("id") in (None, ""):
        obj["id"] = f"{path}:{line}"
    if obj.get("date") in (None, "") and date:
        obj["date"] = date
    return obj


def _read_jsonl(path: str, begin: int, end: int, first_line: int, date: str) -> List[Any]:
    docs: List[Any] = []
    line = first_line
    with open(path, "rb") as f:
        f.seek(begin)
        offset = begin
        while offset < end:
            raw = f.readline(_MAX_LINE_BYTES + 2)
            if not raw:
                break
            start = offset
            offset += len(raw)
            line += 1
            if not raw.endswith(b"\n") and len(raw) > _MAX_LINE_BYTES:
                # Skip the rest of the line without holding it.
                while raw and not raw.endswith(b"\n"):
                    raw = f.readline(1 << 20)
                    offset += len(raw)
                docs.append(
                    _curlew.make_error(
                        6,
                        f"line {line}: longer than {_MAX_LINE_BYTES} bytes (max_document_bytes); skipped",
                        path,
                        start,
                    )
                )
                continue
            body = raw.rstrip(b"\n")
            if body.endswith(b"\r"):
                body = body[:-1]
            if not body.strip(b" \t\r\n\f\v"):
                continue
            docs.append(_jsonl_document(body, path, start, line, date))
    return docs


def _ingest_partition(
    part: Partition, store: str, replace: bool, jobs: int, format: str, date: Optional[str]
) -> Dict[str, Any]:
    """Ingests one partition on a worker, without rebuilding the ledger."""
    engine = curlew.default_engine()
    with curlew.Store(store) as s:
        if part[0] == "jsonl":
            docs = _read_jsonl(part[1], part[2], part[3], part[4], date or "")
            return s.ingest(docs, engine=engine, replace=replace, jobs=jobs, rebuild_ledger=False)
        return s.ingest_files(
            list(part[1]),
            ids=list(part[2]),
            engine=engine,
            format=format,
            date=date,
            replace=replace,
            jobs=jobs,
            rebuild_ledger=False,
        )


def _rebuild_ledger(store: str) -> None:
    with curlew.Store(store) as s:
        s.rebuild_ledger()


def _compute(tasks: List[Any], client: Any) -> List[Any]:
    import dask

    if not tasks:
        return []
    if client is not None:
        return list(client.gather(client.compute(tasks)))
    return list(dask.compute(*tasks))


def ingest(
    paths: Union[str, os.PathLike, Iterable[Union[str, os.PathLike]]],
    store: str,
    client: Any = None,
    partition_size: int = 1000,
    *,
    replace: bool = False,
    jobs: int = 1,
    format: str = "auto",
    date: Optional[str] = None,
) -> Dict[str, Any]:
    """Codes files (JSONL, plain text, PETRARCH XML, CoNLL-U; folders read
    recursively) on a dask.distributed cluster into ``store`` (a
    ``postgresql://`` URL every worker can reach; an SQLite path only with
    one worker), exactly once per document, then rebuilds the store's
    agreement and commitment tables once.

    client: the distributed Client (default: the current one, else dask's
    default scheduler). partition_size: documents (JSONL lines; whole files
    otherwise) per task. jobs: coding threads per task (the cluster's
    worker threads are the main parallelism). replace: recode documents
    already stored. Returns the summed counts of every partition (read,
    stored, skipped, rejected, sentences, events) and ``partitions``.
    """
    import dask

    if partition_size < 1:
        raise _curlew.make_error(1, "partition_size must be at least 1")
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files = _expand([os.fspath(p) for p in paths])

    # Split the JSONL files on the workers (they read the files anyway), in
    # input order; group the other files, partition_size to a task.
    jsonl = [(p, i) for p, i in files if _is_jsonl(p, format)]
    splits = _compute([dask.delayed(_split_jsonl, pure=False)(p, partition_size) for p, _ in jsonl], client)
    parts: List[Partition] = []
    split_of = {p: s for (p, _), s in zip(jsonl, splits)}
    pending: List[Tuple[str, str]] = []
    for path, ident in files:
        if path in split_of:
            if pending:
                parts.append(("files", [p for p, _ in pending], [i for _, i in pending]))
                pending = []
            parts.extend(split_of[path])
        else:
            pending.append((path, ident))
            if len(pending) == partition_size:
                parts.append(("files", [p for p, _ in pending], [i for _, i in pending]))
                pending = []
    if pending:
        parts.append(("files", [p for p, _ in pending], [i for _, i in pending]))

    task = dask.delayed(_ingest_partition, pure=False)
    results = _compute([task(p, store, replace, jobs, format, date) for p in parts], client)
    _compute([dask.delayed(_rebuild_ledger, pure=False)(store)], client)

    total: Dict[str, Any] = {"read": 0, "stored": 0, "skipped": 0, "rejected": 0, "sentences": 0, "events": 0}
    for r in results:
        for k in total:
            total[k] += r[k]
    total["partitions"] = len(parts)
    return total


def _code_partition(docs: Iterable[Any], jobs: int) -> List[Dict[str, Any]]:
    engine = curlew.default_engine()
    it = engine.code_many(list(docs), jobs=jobs, errors="skip")
    events = list(it)
    if it.rejected:
        import logging

        log = logging.getLogger("curlew")
        for e in it.rejected:
            log.warning("%s", e)
    return events


def code(bag: Any, jobs: int = 1) -> Any:
    """A ``dask.bag`` of documents ({'id', 'date', 'text', ...} dicts or
    texts) as a bag of event dicts (the fields of ``curlew code``), one
    partition of events per partition of documents. Documents that cannot
    be coded are left out and logged on the 'curlew' logger of the
    worker."""
    return bag.map_partitions(_code_partition, jobs)


def events_frame(events: Any) -> Any:
    """A ``dask.bag`` of event dicts (from code()) as a ``dask.dataframe``
    typed as curlew.events_frame types a pandas one."""
    import dask
    import dask.dataframe as dd

    meta = curlew.events_frame([])
    # The categories of each partition are its own: leave them unknown.
    meta = dd.utils.clear_known_categories(meta)
    parts = [dask.delayed(curlew.events_frame)(p) for p in events.to_delayed()]
    return dd.from_delayed(parts, meta=meta, verify_meta=False)
