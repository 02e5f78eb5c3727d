"""Query rows as Python values and as typed DataFrames: every kind of column, unbound values, dates."""

from __future__ import annotations

import pandas
from rdflib import XSD, Literal, URIRef

from mig_graph.api.rows import QueryRows

IRI = URIRef("https://w3id.org/mig-graph/id/state/FRA")


def test_each_kind_of_term_gets_its_column_type():
    rows = QueryRows(
        ("who", "n", "share", "ok", "name", "since"),
        (
            (
                IRI,
                Literal(3),
                Literal("0.5", datatype=XSD.decimal),
                Literal(True),
                Literal("France", lang="en"),
                Literal("2019-08-26", datatype=XSD.date),
            ),
            (None, None, None, None, None, None),
        ),
    )
    assert rows.kinds == ("string", "integer", "float", "boolean", "string", "date")
    assert rows.rows == [(str(IRI), 3, 0.5, True, "France", "2019-08-26"), (None,) * 6]
    frame = rows.to_pandas()
    assert list(frame.columns) == ["who", "n", "share", "ok", "name", "since", "since_precision"]
    assert [str(dtype) for dtype in frame.dtypes] == [
        "string",
        "Int64",
        "Float64",
        "boolean",
        "string",
        "string",
        "string",
    ]
    assert frame.iloc[0].tolist() == [str(IRI), 3, 0.5, True, "France", "2019-08-26", "day"]
    assert frame.iloc[1].isna().all()


def test_dates_keep_their_precision_in_the_next_column():
    dates = [
        Literal("2006", datatype=XSD.gYear),
        Literal("2006-09", datatype=XSD.gYearMonth),
        Literal("2006-05-15", datatype=XSD.date),
        None,
    ]
    frame = QueryRows(("start",), tuple((date,) for date in dates)).to_pandas()
    assert frame["start"].tolist() == ["2006", "2006-09", "2006-05-15", pandas.NA]
    assert frame["start_precision"].tolist() == ["year", "month", "day", pandas.NA]


def test_a_column_mixing_kinds_is_text():
    rows = QueryRows(("value",), ((Literal(3),), (Literal("three"),), (Literal("2006", datatype=XSD.gYear),)))
    assert rows.kinds == ("string",)
    frame = rows.to_pandas()
    assert frame["value"].tolist() == ["3", "three", "2006"]
    assert list(frame.columns) == ["value"]


def test_no_rows_give_an_empty_frame_with_the_columns():
    frame = QueryRows(("a", "b"), ()).to_pandas()
    assert list(frame.columns) == ["a", "b"]
    assert len(frame) == 0
