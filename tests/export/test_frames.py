"""DataFrames as Parquet and Stata, and CSV tables read with their Table Schema's types."""

from __future__ import annotations

import pandas
import pytest

from mig_graph.export.frames import read_table, write_frame

SCHEMA = {
    "fields": [
        {"name": "iso3", "type": "string"},
        {"name": "year", "type": "year"},
        {"name": "share", "type": "number"},
        {"name": "member", "type": "boolean"},
        {"name": "since", "type": "string"},
    ],
    "missingValues": ["", "NA"],
}


@pytest.fixture
def table(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(
        "iso3,year,share,member,since\nFRA,1996,0.5,true,2019-08\nNA,,,FALSE,\n", encoding="utf-8"
    )
    return path


def test_a_table_is_read_with_its_schemas_types_and_missing_values(table):
    frame = read_table(table, SCHEMA)
    assert [str(dtype) for dtype in frame.dtypes] == ["string", "Int64", "Float64", "boolean", "string"]
    assert frame.iloc[0].tolist() == ["FRA", 1996, 0.5, True, "2019-08"]
    assert frame.loc[1, "member"] is not pandas.NA and not frame.loc[1, "member"]
    assert frame.iloc[1].isna().tolist() == [True, True, True, False, True]


def test_a_header_or_a_value_not_of_the_schema_is_refused(table, tmp_path):
    with pytest.raises(ValueError, match=r"t.csv: columns \['iso3', 'year'"):
        read_table(table, {"fields": SCHEMA["fields"][:2]})
    bad = tmp_path / "bad.csv"
    bad.write_text("iso3,year,share,member,since\nFRA,199x,0.5,yes,\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.csv: column year \(year\): invalid literal"):
        read_table(bad, SCHEMA)


def test_parquet_keeps_the_nullable_types_and_stata_the_values_and_labels(table, tmp_path):
    frame = read_table(table, SCHEMA)
    parquet = write_frame(frame, tmp_path / "t.parquet")
    assert pandas.read_parquet(parquet).equals(frame)
    stata = write_frame(frame, tmp_path / "t.dta", labels={"iso3": "ISO code"}, title="A table")
    back = pandas.read_stata(stata)
    assert back["iso3"].tolist() == ["FRA", ""]
    assert back["since"].tolist() == ["2019-08", ""]
    assert back["year"].tolist()[0] == 1996 and pandas.isna(back["year"].tolist()[1])
    with pandas.io.stata.StataReader(stata) as reader:
        assert reader.variable_labels()["iso3"] == "ISO code"
        assert reader.data_label == "A table"


def test_long_texts_go_to_stata_as_strl(tmp_path):
    frame = pandas.DataFrame({"note": pandas.Series(["x" * 3000, None], dtype="string")})
    back = pandas.read_stata(write_frame(frame, tmp_path / "long.dta"))
    assert back["note"].tolist() == ["x" * 3000, ""]


def test_another_ending_is_refused(tmp_path):
    with pytest.raises(ValueError, match=r"cannot write t\.xlsx: give a file ending in parquet, dta"):
        write_frame(pandas.DataFrame(), tmp_path / "t.xlsx")
