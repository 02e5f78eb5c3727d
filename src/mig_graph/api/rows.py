"""The rows of a SELECT query as Python values, and as a pandas DataFrame with typed columns.

A column's type follows the RDF terms it holds: IRIs and texts are strings, ``xsd:integer`` (and
the other integer types) nullable integers, ``xsd:decimal``/``double``/``float`` nullable floats,
``xsd:boolean`` nullable booleans.  A date column (``xsd:gYear``, ``xsd:gYearMonth``, ``xsd:date``)
keeps each date as written, of the precision the source gives (``2019``, ``2019-08``,
``2019-08-26``), and is followed by a ``<column>_precision`` column (``year``, ``month``, ``day``):
no day or month is ever made up.  A column mixing kinds of values is a string column.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rdflib import XSD, Literal
from rdflib.term import Node

if TYPE_CHECKING:
    import pandas

__all__ = ["QueryRows"]

_INTEGERS = frozenset(
    str(XSD[name])
    for name in (
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "negativeInteger",
        "nonPositiveInteger",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    )
)
_FLOATS = frozenset(str(XSD[name]) for name in ("decimal", "double", "float"))
_PRECISIONS = {str(XSD.gYear): "year", str(XSD.gYearMonth): "month", str(XSD.date): "day"}
_DTYPES = {"integer": "Int64", "float": "Float64", "boolean": "boolean", "string": "string", "date": "string"}


def _kind(term: Node) -> str:
    """What a term is, for its column: ``integer``, ``float``, ``boolean``, ``date`` or ``string``."""
    if isinstance(term, Literal) and term.datatype is not None:
        datatype = str(term.datatype)
        if datatype in _INTEGERS:
            return "integer"
        if datatype in _FLOATS:
            return "float"
        if datatype == str(XSD.boolean):
            return "boolean"
        if datatype in _PRECISIONS:
            return "date"
    return "string"


def _value(term: Node | None, kind: str) -> Any:
    """A term as the Python value of its column's kind (``None`` for an unbound variable)."""
    if term is None:
        return None
    if kind == "integer":
        return int(str(term))
    if kind == "float":
        return float(str(term))
    if kind == "boolean":
        return str(term) in {"true", "1"}
    return str(term)


def _precision(term: Node | None) -> str | None:
    return None if term is None else _PRECISIONS[str(term.datatype)]  # type: ignore[union-attr]


@dataclass(frozen=True)
class QueryRows:
    """The answer to a SELECT query: its columns and its rows of Python values.

    IRIs and texts are ``str``, numbers ``int`` or ``float``, booleans ``bool``, dates the ISO
    text of their precision; an unbound variable is ``None``.

    Attributes
    ----------
    columns : tuple of str
        The query's variables, in order.
    terms : tuple of tuples
        The RDF terms (rdflib) of each row, for those who need datatypes and languages.

    Examples
    --------
    >>> from rdflib import Literal, URIRef
    >>> since = Literal("2019", datatype=XSD.gYear)
    >>> rows = QueryRows(("who", "since"), ((URIRef("https://example.org/a"), since),))
    >>> rows.rows
    [('https://example.org/a', '2019')]
    >>> len(rows), rows.kinds
    (1, ('string', 'date'))
    """

    columns: tuple[str, ...]
    terms: tuple[tuple[Node | None, ...], ...]

    @property
    def kinds(self) -> tuple[str, ...]:
        """Each column's kind: ``integer``, ``float``, ``boolean``, ``date`` or ``string``."""
        kinds = []
        for index in range(len(self.columns)):
            found = {_kind(row[index]) for row in self.terms if row[index] is not None}
            kinds.append(found.pop() if len(found) == 1 else "string")
        return tuple(kinds)

    @property
    def rows(self) -> list[tuple[Any, ...]]:
        """The rows, each a tuple of Python values in the order of :attr:`columns`."""
        kinds = self.kinds
        return [tuple(map(_value, row, kinds)) for row in self.terms]

    def __len__(self) -> int:
        return len(self.terms)

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return iter(self.rows)

    def to_pandas(self) -> pandas.DataFrame:
        """The rows as a DataFrame with typed columns (needs the ``pandas`` extra).

        Returns
        -------
        pandas.DataFrame
            One column per variable, of pandas' nullable types (``string``, ``Int64``,
            ``Float64``, ``boolean``); after each date column, ``<column>_precision``
            (``year``, ``month`` or ``day``; missing where the date is).

        Raises
        ------
        ModuleNotFoundError
            When pandas is not installed: ``pip install 'mig-graph[pandas]'``.

        Examples
        --------
        >>> from rdflib import Literal
        >>> rows = QueryRows(("n", "start"), ((Literal(3), Literal("2019-08", datatype=XSD.gYearMonth)),
        ...                                  (Literal(5), None)))
        >>> frame = rows.to_pandas()
        >>> frame
           n    start start_precision
        0  3  2019-08           month
        1  5     <NA>            <NA>
        >>> [str(dtype) for dtype in frame.dtypes]
        ['Int64', 'string', 'string']
        """
        try:
            import pandas
        except ModuleNotFoundError as error:
            raise ModuleNotFoundError(
                "to_pandas needs pandas: pip install 'mig-graph[pandas]'", name="pandas"
            ) from error
        kinds = self.kinds
        columns: dict[str, pandas.Series] = {}
        for index, (name, kind) in enumerate(zip(self.columns, kinds, strict=True)):
            terms: Sequence[Node | None] = [row[index] for row in self.terms]
            values = [_value(term, kind) for term in terms]
            columns[name] = pandas.Series(values, dtype=_DTYPES[kind], name=name)
            if kind == "date":
                precision = f"{name}_precision"
                columns[precision] = pandas.Series(
                    [_precision(term) for term in terms], dtype="string", name=precision
                )
        return pandas.DataFrame(columns, index=pandas.RangeIndex(len(self.terms)))
