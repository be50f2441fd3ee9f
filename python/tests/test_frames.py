"""curlew.events_frame: typed columns named as the event fields."""

from __future__ import annotations

import pandas as pd
import pytest

import curlew


def test_events_frame_types(engine, examples):
    events = list(engine.code_many(examples))
    frame = curlew.events_frame(events)
    assert len(frame) == len(events)
    for name in curlew.event_fields():
        assert name in frame.columns
    assert str(frame["date"].dtype) == "datetime64[ns]"
    assert frame["goldstein"].dtype == "float64"
    assert frame["quad"].dtype == "int8"
    assert frame["sentence"].dtype == "int32"
    assert frame["negated"].dtype == bool
    for name in ("source", "target", "cameo", "root", "plover"):
        assert isinstance(frame[name].dtype, pd.CategoricalDtype), name
    # The codes stay the strings of the JSON ("057", not 57).
    assert set(frame["cameo"].astype(str)) == {e["cameo"] for e in events}
    assert list(frame["goldstein"]) == [e["goldstein"] for e in events]


def test_dates_of_every_precision():
    rows = [dict(zip(curlew.event_fields(), [None] * 99)) for _ in range(4)]
    for row, date in zip(rows, ["2020-05-17", "2020-05", "2020", ""]):
        row.update(date=date, goldstein=1.0, quad=1, sentence=0, negated=False, event_id=1, event=0, mentions=1)
    frame = curlew.events_frame(rows)
    assert list(frame["date"].dt.strftime("%Y-%m-%d").fillna("")) == ["2020-05-17", "2020-05-01", "2020-01-01", ""]
    assert list(frame["date_precision"].astype(str)) == ["day", "month", "year", "nan"]


def test_empty_frame_has_the_columns():
    frame = curlew.events_frame([])
    assert len(frame) == 0
    assert [c for c in frame.columns if c != "date_precision"] == curlew.event_fields()
    assert str(frame["date"].dtype) == "datetime64[ns]"
    assert frame["goldstein"].dtype == "float64"
