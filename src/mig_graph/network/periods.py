"""Dates of links as periods: the earliest and latest of several, and whether a link counts as of a date.

**As of** a date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, taken as the whole period it denotes):
a membership counts when its interval overlaps that period; a participation or a signature
counts once it has happened (the network accumulates meetings and signatures); undated links
count at every date.
"""

from __future__ import annotations

from collections.abc import Iterable

from mig_graph.records.dates import PartialDate, parse_date

__all__ = ["earliest_date", "is_active", "latest_date"]


def earliest_date(dates: Iterable[str]) -> str:
    """The date that begins first, ignoring unknown (empty) dates.

    Parameters
    ----------
    dates
        ISO dates of any precision (``2014``, ``2014-02``, ``2014-02-03``) or ``""``.

    Returns
    -------
    str
        The one whose period begins first (ties: the smaller text), ``""`` when none is known.

    Examples
    --------
    >>> earliest_date(["2014-02", "", "2014"])
    '2014'
    >>> earliest_date(["", ""])
    ''
    """
    known = [date for date in dates if date]
    return min(known, key=lambda date: (PartialDate(date).earliest, date)) if known else ""


def latest_date(dates: Iterable[str]) -> str:
    """The date that ends last, ignoring unknown (empty) dates.

    Parameters
    ----------
    dates
        ISO dates of any precision or ``""``.

    Returns
    -------
    str
        The one whose period ends last (ties: the larger text), ``""`` when none is known.

    Examples
    --------
    >>> latest_date(["2014-12-31", "2014", "2013-06"])
    '2014-12-31'
    """
    known = [date for date in dates if date]
    return max(known, key=lambda date: (PartialDate(date).latest, date)) if known else ""


def is_active(relation: str, start: str, end: str, as_of: str | None) -> bool:
    """Whether a link counts as of a date (see the module's notes).

    Parameters
    ----------
    relation
        ``membership``, ``participation``, ``signature``, or several, space-separated.
    start, end
        The link's ISO dates, ``""`` when unknown.
    as_of
        ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ``None``: every link counts.

    Returns
    -------
    bool
        ``True`` when the link counts as of that date.

    Examples
    --------
    >>> is_active("membership", "2014-02", "", "2012")
    False
    >>> is_active("membership", "2011", "2013", "2013-06")
    True
    >>> is_active("participation", "2006-05-15", "2006-05-16", "2012")
    True
    """
    if as_of is None:
        return True
    period = parse_date(as_of)
    if start and PartialDate(start).earliest > period.latest:
        return False
    memberships = "membership" in relation.split()
    return not (memberships and end and PartialDate(end).latest < period.earliest)
