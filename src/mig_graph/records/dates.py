"""Dates that keep their precision, and intervals between them.

A date is written ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` and becomes an
``xsd:gYear``, ``xsd:gYearMonth`` or ``xsd:date`` literal: the precision the
source gives, never more.  An interval is ``START/END``; either side may be
left open (``2011/``, ``/2018-01-31``).

>>> parse_date("2020-03").datatype.endswith("gYearMonth")
True
>>> parse_interval("2019-08-26/2019-08-28", single_is_span=True).end.text
'2019-08-28'
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from rdflib import XSD, Literal, URIRef
from rdflib.namespace import TIME

__all__ = ["Interval", "PartialDate", "parse_date", "parse_interval"]

# ASCII digits only: ``\d`` would take fullwidth and other decimal digits ("１９５１").
_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    text: str

    @property
    def precision(self) -> URIRef:
        return (TIME.unitYear, TIME.unitMonth, TIME.unitDay)[self.text.count("-")]

    @property
    def datatype(self) -> URIRef:
        return (XSD.gYear, XSD.gYearMonth, XSD.date)[self.text.count("-")]

    @property
    def time_property(self) -> URIRef:
        """The OWL-Time property that carries a date of this precision."""
        return (TIME.inXSDgYear, TIME.inXSDgYearMonth, TIME.inXSDDate)[self.text.count("-")]

    @property
    def literal(self) -> Literal:
        return Literal(self.text, datatype=self.datatype)

    @property
    def earliest(self) -> dt.date:
        """First day the date can denote (for ordering checks)."""
        year, month, day = _DATE.fullmatch(self.text).groups()  # type: ignore[union-attr]
        return dt.date(int(year), int(month or 1), int(day or 1))

    @property
    def latest(self) -> dt.date:
        """Last day the date can denote."""
        year, month, day = _DATE.fullmatch(self.text).groups()  # type: ignore[union-attr]
        if day:
            return dt.date(int(year), int(month), int(day))
        if month:
            following = dt.date(int(year) + int(month) // 12, int(month) % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date(int(year), 12, 31)


@dataclass(frozen=True)
class Interval:
    """An interval with an optional beginning and end."""

    start: PartialDate | None
    end: PartialDate | None

    @property
    def slug(self) -> str:
        return f"{self.start.text if self.start else ''}--{self.end.text if self.end else ''}"


def parse_date(value: object) -> PartialDate:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise ``ValueError`` otherwise."""
    text = str(value).strip()
    match = _DATE.fullmatch(text)
    if not match:
        raise ValueError(f"date {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as error:
        raise ValueError(f"date {text!r} does not exist ({error})") from None
    return PartialDate(text)


def parse_interval(value: object, *, single_is_span: bool) -> Interval:
    """Parse ``START/END``, ``START/``, ``/END`` or a single date.

    A single date is the whole span of an event (``single_is_span``) or the
    beginning of something that lasts (an organisation, a membership).
    """
    text = str(value).strip()
    try:
        return _parse_interval(text, single_is_span)
    except ValueError as error:
        raise ValueError(f"{error} (in {text!r}: expected DATE, START/END, START/ or /END)") from None


def _parse_interval(text: str, single_is_span: bool) -> Interval:
    if "/" not in text:
        date = parse_date(text)
        return Interval(date, date if single_is_span else None)
    start_text, end_text = (part.strip() for part in text.split("/", 1))
    if not start_text and not end_text:
        raise ValueError("an interval needs a start or an end")
    start = parse_date(start_text) if start_text else None
    end = parse_date(end_text) if end_text else None
    if start and end and end.latest < start.earliest:
        raise ValueError(f"interval {text!r} ends before it begins")
    return Interval(start, end)
