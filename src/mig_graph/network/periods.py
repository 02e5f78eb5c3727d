"""Dates of links as periods: the earliest and latest of several, and what a link's status is as of a date.

**As of** a date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), a link is ``current``, ``not-current``
or of ``unknown`` status (:func:`link_status`), as things stood at the end of the period the date
denotes (``--as-of 2018``: at the end of 2018, so that a chair who handed over in May 2018 is no
longer chair), or, for a panel's year (``within``), at any time during it:

- a membership is not current before its stated start, after its end (stated, derived from
  a succession, or its mechanism's end), or once the next term of a one-holder role (the next
  chair of the same mechanism) has begun; it is current where the date (or, ``within``, the
  period) meets what the sources support: from its start (or, when no start is stated, the
  earliest dated source that states it) to its end (or, when no end is stated,
  ``mg:confirmedUntil``: the latest dated source that states it; with neither, only its
  start).  Elsewhere its status is unknown: never counted as current;
- a participation or a signature is current once it has happened (the network accumulates
  meetings and signatures); an undated one is current at every date.

Without a date every link counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from mig_graph.records.dates import PartialDate, parse_date

__all__ = ["LINK_STATUSES", "earliest_date", "is_active", "latest_date", "link_status", "membership_status"]

LINK_STATUSES = ("current", "not-current", "unknown")
"""A link's status as of a date."""


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


def _window(as_of: str, within: bool) -> tuple[dt.date, dt.date]:
    """The days an as-of date stands for: its last day (a snapshot), or all of it (``within``)."""
    period = parse_date(as_of)
    return (period.earliest if within else period.latest), period.latest


def membership_status(
    start: str,
    end: str,
    confirmed_from: str,
    confirmed_until: str,
    as_of: str | None,
    *,
    end_kind: str = "stated",
    succeeded_at: str = "",
    within: bool = False,
) -> str:
    """A membership's status as of a date (see the module's notes).

    Parameters
    ----------
    start, end
        The membership's interval (``end``: stated, derived, or its mechanism's end); ``""``
        when not stated.
    confirmed_from, confirmed_until
        The earliest and latest dates of the dated sources that state it (``""``: none dated).
    as_of
        ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ``None``: ``current``.
    end_kind
        Where ``end`` comes from: ``stated`` or ``derived`` (a succession) support the
        membership up to it; ``mechanism-ended`` (the mechanism's own end) only bounds it.
    succeeded_at
        The start of the next term of a one-holder role (the next chair): the term has ended
        once it has begun.
    within
        ``False``: as things stood at the end of the period ``as_of`` denotes (a snapshot, one
        chair at a time); ``True``: at any time during it (a panel's year).

    Returns
    -------
    str
        ``current``, ``not-current`` or ``unknown``.

    Examples
    --------
    >>> membership_status("2003", "", "2003", "2024", "2010")
    'current'
    >>> membership_status("2003", "", "2003", "2024", "2025")
    'unknown'
    >>> membership_status("", "", "2024", "2024", "2010")
    'unknown'
    >>> membership_status("2009", "2010-12", "", "", "2012")
    'not-current'
    >>> membership_status("2020-03", "", "", "", "2019")
    'not-current'
    >>> membership_status("2020-03", "", "", "", "2020-03"), membership_status("2020-03", "", "", "", "2021")
    ('current', 'unknown')
    >>> at_end, during = ("2020-03", "", "", "", "2020"), ("2020-03", "", "", "", "2020")
    >>> membership_status(*at_end), membership_status(*during, within=True)
    ('unknown', 'current')
    >>> membership_status("2001", "2011-12-08", "", "", "2005", end_kind="mechanism-ended")
    'unknown'

    A chair handing over in December 2010 is no longer chair at the end of 2010, though it was
    during that year:

    >>> membership_status("2009", "2010-12", "", "", "2010", succeeded_at="2010-12")
    'not-current'
    >>> membership_status("2009", "2010-12", "", "", "2010", succeeded_at="2010-12", within=True)
    'current'
    """
    if as_of is None:
        return "current"
    first_day, last_day = _window(as_of, within)
    if start and PartialDate(start).earliest > last_day:
        return "not-current"
    if end and PartialDate(end).latest < first_day:
        return "not-current"
    if succeeded_at and PartialDate(succeeded_at).earliest <= first_day:
        return "not-current"
    # a membership held at its stated start and at its stated end, whatever the sources' dates
    own_end = end if end_kind in ("stated", "derived") else ""
    known_from = start or confirmed_from or own_end
    known_until = own_end or confirmed_until or start
    if not known_from or not known_until:
        return "unknown"
    supported = PartialDate(known_from).earliest <= last_day and PartialDate(known_until).latest >= first_day
    return "current" if supported else "unknown"


def link_status(
    relation: str,
    start: str,
    end: str,
    as_of: str | None,
    *,
    confirmed_from: str = "",
    confirmed_until: str = "",
    end_kind: str = "stated",
    succeeded_at: str = "",
    within: bool = False,
) -> str:
    """A link's status as of a date: :func:`membership_status` for a membership, else
    whether it has happened (:func:`is_active`).

    Examples
    --------
    >>> link_status("participation", "2006-05-15", "2006-05-16", "2012")
    'current'
    >>> link_status("membership", "2011", "", "2013", confirmed_until="2012")
    'unknown'
    """
    if relation == "membership":
        return membership_status(
            start,
            end,
            confirmed_from,
            confirmed_until,
            as_of,
            end_kind=end_kind,
            succeeded_at=succeeded_at,
            within=within,
        )
    return "current" if is_active(relation, start, end, as_of) else "not-current"
