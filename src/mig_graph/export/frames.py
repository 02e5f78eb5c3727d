"""Tables for R, Stata and pandas users: DataFrames written as Parquet (pyarrow) or Stata ``.dta``
(pandas' own writer), and CSV tables read back with the types their Table Schema declares.

The tables of a release are written as CSV with a ``datapackage.json`` (Frictionless Data) that
types each column; :func:`read_table` reads such a CSV into a DataFrame of pandas' nullable types,
and :func:`write_frame` writes it again in the other formats, so the three copies hold the same
values.  Partial dates (``2019``, ``2019-08``) stay texts in every format: no day is made up.

Needs the ``pandas`` extra (``pip install 'mig-graph[pandas]'``: pandas and pyarrow).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas

__all__ = ["FRAME_FORMATS", "read_table", "write_frame"]

FRAME_FORMATS = ("parquet", "dta")
"""The formats :func:`write_frame` writes, by their file name ending."""

_DTYPES = {"integer": "Int64", "year": "Int64", "number": "Float64", "boolean": "boolean"}
_TRUE = {"true", "True", "TRUE", "1"}
_FALSE = {"false", "False", "FALSE", "0"}
_STATA_TEXT = 2045
"""The longest text a Stata ``str#`` variable holds; longer columns are written as ``strL``."""
_STATA_LABEL = 80


def _pandas():
    try:
        import pandas
    except ModuleNotFoundError as error:
        raise ModuleNotFoundError(
            "tables as DataFrames need pandas: pip install 'mig-graph[pandas]'", name="pandas"
        ) from error
    return pandas


def read_table(path: Path, schema: Mapping[str, Any]) -> pandas.DataFrame:
    """A CSV table read with the column types of its Table Schema.

    Parameters
    ----------
    path
        A CSV file with a header row.
    schema
        Its Frictionless Table Schema (``{"fields": [{"name", "type"}…], "missingValues": […]}``):
        ``integer`` and ``year`` become ``Int64``, ``number`` ``Float64``, ``boolean`` ``boolean``,
        every other type a ``string`` column; a missing value (``""`` by default) is ``<NA>``.

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    ValueError
        When the header differs from the schema's fields, or a value is not of its column's type.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "t.csv").write_text("iso3,year,since\\nFRA,1996,2019-08\\nMUS,,\\n")
    >>> schema = {"fields": [{"name": "iso3", "type": "string"}, {"name": "year", "type": "integer"},
    ...                      {"name": "since", "type": "string"}]}
    >>> frame = read_table(folder / "t.csv", schema)
    >>> frame
      iso3  year    since
    0  FRA  1996  2019-08
    1  MUS  <NA>     <NA>
    >>> [str(dtype) for dtype in frame.dtypes]
    ['string', 'Int64', 'string']
    """
    pandas = _pandas()
    fields = list(schema["fields"])
    missing = set(schema.get("missingValues", [""]))
    raw = pandas.read_csv(path, dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8")
    names = [field["name"] for field in fields]
    if list(raw.columns) != names:
        raise ValueError(f"{path.name}: columns {list(raw.columns)} are not the schema's {names}")
    columns = {}
    for field in fields:
        name, kind = field["name"], field.get("type", "string")
        values = [None if value in missing else value for value in raw[name]]
        try:
            if kind == "boolean":
                values = [None if v is None else _boolean(v) for v in values]
            elif kind in {"integer", "year"}:
                values = [None if v is None else int(v) for v in values]
            elif kind == "number":
                values = [None if v is None else float(v) for v in values]
        except ValueError as error:
            raise ValueError(f"{path.name}: column {name} ({kind}): {error}") from None
        columns[name] = pandas.Series(values, dtype=_DTYPES.get(kind, "string"), name=name)
    return pandas.DataFrame(columns, index=pandas.RangeIndex(len(raw)))


def _boolean(value: str) -> bool:
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"not a boolean: {value!r}")


def write_frame(
    frame: pandas.DataFrame,
    path: Path,
    *,
    labels: Mapping[str, str] | None = None,
    title: str = "",
) -> Path:
    """Write a DataFrame as Parquet or Stata, by the ending of ``path`` (:data:`FRAME_FORMATS`).

    Parameters
    ----------
    frame
        The table; its index is not written.
    path
        ``….parquet`` (pyarrow; pandas' nullable types kept) or ``….dta`` (Stata 14+ format 118,
        Unicode; an integer or boolean column with missing values becomes a double with Stata's
        missing value ``.``, a missing text the empty text).
    labels
        Column → label, for Stata's variable labels (cut at 80 characters).
    title
        Stata's data label (cut at 80 characters).

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    ValueError
        For another ending.
    """
    suffix = path.suffix.lstrip(".")
    if suffix not in FRAME_FORMATS:
        raise ValueError(f"cannot write {path.name}: give a file ending in {', '.join(FRAME_FORMATS)}")
    if suffix == "parquet":
        frame.to_parquet(path, index=False, engine="pyarrow")
        return path
    text = [name for name in frame.columns if str(frame[name].dtype) in {"string", "str", "object"}]
    long_text = [name for name in text if frame[name].dropna().str.len().max() > _STATA_TEXT]
    stata = frame.copy()
    for name in text:
        stata[name] = stata[name].astype(object).where(stata[name].notna(), "")
    stata.to_stata(
        path,
        write_index=False,
        version=118,
        convert_strl=long_text,
        variable_labels={name: label[:_STATA_LABEL] for name, label in (labels or {}).items()},
        data_label=title[:_STATA_LABEL] or None,
    )
    return path
