"""curlew: political event data (CAMEO/PLOVER) from news text.

Code a text::

    import curlew
    engine = curlew.Engine()
    events = engine.code("Turkey and China signed an extradition treaty.", date="2017-05-13")

Read a store as a pandas DataFrame::

    store = curlew.Store("curlew.db")
    frame = store.events(source="TUR", from_="2020-01")

The event dicts have exactly the fields of ``curlew code``'s JSON lines;
errors raise subclasses of :class:`curlew.Error` carrying the error code,
document and byte position of docs/errors.md. ``curlew.dask`` runs the
same engine on a dask.distributed cluster.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Optional, Sequence

from . import _curlew
from ._curlew import (
    BinaryInputError,
    CodeManyIterator,
    CorruptModelError,
    EmptyInputError,
    Engine,
    Error,
    InternalError,
    InvalidArgumentError,
    InvalidUtf8Error,
    IoError,
    LimitExceededError,
    NotFoundError,
    ParseError,
    StoreError,
    UnsupportedError,
    default_engine,
    event_fields,
)

if TYPE_CHECKING:
    import pandas

__all__ = [
    "BinaryInputError",
    "CodeManyIterator",
    "CorruptModelError",
    "EmptyInputError",
    "Engine",
    "Error",
    "InternalError",
    "InvalidArgumentError",
    "InvalidUtf8Error",
    "IoError",
    "LimitExceededError",
    "NotFoundError",
    "ParseError",
    "Store",
    "StoreError",
    "UnsupportedError",
    "default_engine",
    "event_fields",
    "events_frame",
]

# An installed package carries curlew's data beside it (make install); a
# build tree's module reads the source tree's data/. $CURLEW_DATA wins.
_DATA = Path(__file__).with_name("data")
if _DATA.is_dir() and not os.environ.get("CURLEW_DATA"):
    _curlew.set_default_data_dir(str(_DATA))

# Column types of the event frames, by field name. Fields not named here
# (new ones the CLI's writer adds) keep the type pandas infers.
_CATEGORICAL = frozenset(
    {"source", "target", "cameo", "root", "plover", "plover_mode", "modality", "speaker"}
)
_INTEGER = {"sentence": "int32", "quad": "int8", "event": "int32", "event_id": "int64", "mentions": "int64", "events": "int64"}
_FLOAT = frozenset({"goldstein", "mean_goldstein"})
_BOOL = frozenset({"negated"})
_DATES = frozenset({"date", "doc_date"})

_PRECISION = {4: "year", 7: "month", 10: "day"}


def _dates(values: "pandas.Series") -> "tuple[pandas.Series, pandas.Series]":
    """'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' strings as datetime64 (the first
    day of a month or year) and the precision of each ('year', 'month',
    'day'; missing where the string is empty or not a date)."""
    import pandas as pd

    text = values.fillna("").astype(str)
    lengths = text.str.len()
    padded = text.where(lengths != 4, text + "-01-01").where(lengths != 7, text + "-01")
    parsed = pd.to_datetime(padded, format="%Y-%m-%d", errors="coerce")
    precision = lengths.map(_PRECISION).where(parsed.notna())
    return parsed, precision.astype(pd.CategoricalDtype(["year", "month", "day"], ordered=True))


def _typed(frame: "pandas.DataFrame") -> "pandas.DataFrame":
    for name in list(frame.columns):
        if name in _CATEGORICAL:
            frame[name] = frame[name].fillna("").astype(str).astype("category")
        elif name in _INTEGER:
            frame[name] = frame[name].astype(_INTEGER[name])
        elif name in _FLOAT:
            frame[name] = frame[name].astype("float64")
        elif name in _BOOL:
            frame[name] = frame[name].astype(bool)
        elif name in _DATES:
            parsed, precision = _dates(frame[name])
            frame[name] = parsed
            if name == "date":
                frame.insert(frame.columns.get_loc(name) + 1, "date_precision", precision)
    return frame


def _frame(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> "pandas.DataFrame":
    import pandas as pd

    if rows:
        frame = pd.DataFrame.from_records(rows)
    else:
        frame = pd.DataFrame({name: pd.Series([], dtype=object) for name in columns})
    return _typed(frame)


def events_frame(events: Iterable[Mapping[str, Any]]) -> "pandas.DataFrame":
    """Event dicts (from Engine.code, Engine.code_many or Store) as a
    DataFrame with one column per field, typed: ``date`` as datetime64 (the
    first day of a month or year for less precise dates, with a
    ``date_precision`` column beside it), ``goldstein`` as float, ``quad``
    and ``sentence`` as integers, actor and event codes (``source``,
    ``target``, ``cameo``, ``root``, ``plover``, ...) as categoricals."""
    rows = events if isinstance(events, list) else list(events)
    return _frame(rows, event_fields())


class Store(_curlew.Store):
    """A curlew store: an SQLite file (created if absent) or a
    ``postgresql://`` URL, as ``curlew ingest --store`` takes it.

    ``ingest(docs)`` codes and stores documents exactly once; ``events``,
    ``counts``, ``agreements`` and ``commitments`` read what
    ``curlew query``, ``agreements`` and ``commitments`` print.
    """

    def events(self, **filters: Any) -> "pandas.DataFrame":
        """Stored events as a typed DataFrame (see events_frame), with the
        filters of ``curlew query``: ``from_`` (or ``start``), ``to``,
        ``source``, ``target`` (codes or prefixes), ``cameo``, ``root``,
        ``quad``, ``plover``, ``modality`` (a name, "a,b" or a list),
        ``text``, ``doc``, ``one_a_day``, ``limit``.
        Besides the event fields, each row has the store's ``event_id``,
        ``event`` (index in its document), ``mentions``, ``doc_date`` and
        ``url``."""
        return _frame(self.event_dicts(**filters), _curlew.store_event_fields())

    def counts(self, by: str = "dyad", per: str = "all", **filters: Any) -> "pandas.DataFrame":
        """Event counts and mean Goldstein by ``by`` ('dyad' or 'root') and
        ``per`` ('all', 'day', 'week', 'month', 'year'), with the filters of
        events(); the rows of ``curlew query --count-by BY --per PER``."""
        return _frame(self.count_dicts(by, per, **filters), _curlew.count_fields(by))
