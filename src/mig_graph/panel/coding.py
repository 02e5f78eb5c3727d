"""How a state's relation to a mechanism in one year is coded, as the Correlates of War IGO data
codes membership (Pevehouse et al. 2020): 0 none, 1 full member, 2 associate member, 3 observer,
-9 missing (status unknown that year), -1 the mechanism not in existence.

Rules, for a state, a mechanism and a year (a membership that holds at any time during the year
counts, where ``--as-of YYYY`` reads the end of the year; :func:`mig_graph.network.link_status`
with ``within``):

1. ``-1`` when the mechanism's stated start is after the year or its stated end before it;
2. else the best status among the state's memberships current that year: ``1`` for member,
   chair or co-chair, ``2`` for an associate member, ``3`` for an observer (other roles, such as
   secretariat or host, are not membership statuses);
3. else ``-9`` when one of its memberships has an unknown status that year;
4. else ``0`` when a membership's stated dates put the year outside it (before it began, after it
   ended), or when a source that lists all the mechanism's members is dated in that year;
5. else ``-9``: no source says whether the state belonged that year.
"""

from __future__ import annotations

from collections.abc import Iterable

from mig_graph.network import LinkRow, link_status
from mig_graph.records.dates import PartialDate

__all__ = [
    "ASSOCIATE",
    "CODE_LABELS",
    "FULL_MEMBER",
    "MISSING",
    "NONE",
    "NOT_IN_EXISTENCE",
    "OBSERVER",
    "ROLE_CODES",
    "mechanism_exists",
    "status_in_year",
    "year_code",
]

NONE, FULL_MEMBER, ASSOCIATE, OBSERVER, MISSING, NOT_IN_EXISTENCE = 0, 1, 2, 3, -9, -1

CODE_LABELS = {
    NONE: "not a member",
    FULL_MEMBER: "full member",
    ASSOCIATE: "associate member",
    OBSERVER: "observer",
    MISSING: "missing: status unknown that year",
    NOT_IN_EXISTENCE: "mechanism not in existence",
}
"""Each code's meaning, for the codebook and the Table Schemas."""

ROLE_CODES = {"member": FULL_MEMBER, "chair": FULL_MEMBER, "co-chair": FULL_MEMBER, "observer": OBSERVER}
"""The roles that are membership statuses, and their codes (the controlled list has no
associate-member role: code 2 is never given today)."""


def mechanism_exists(start: str, end: str, year: int) -> bool:
    """Whether a mechanism with that interval (``""``: not stated) exists in ``year``.

    >>> mechanism_exists("2020-03", "", 2019), mechanism_exists("2020-03", "", 2020)
    (False, True)
    >>> mechanism_exists("2001", "2011-12-08", 2012), mechanism_exists("", "", 1900)
    (False, True)
    """
    if start and PartialDate(start).earliest.year > year:
        return False
    return not (end and PartialDate(end).latest.year < year)


def year_code(links: Iterable[LinkRow], year: int, *, covered: bool) -> int:
    """The code of one state in one existing mechanism in ``year`` (rules 2-5 of the module).

    Parameters
    ----------
    links
        The state's memberships of that mechanism (any role).
    year
        The year.
    covered
        Whether a source that lists all the mechanism's members is dated in that year.

    Returns
    -------
    int
        ``1``, ``2``, ``3``, ``-9`` or ``0``.

    Examples
    --------
    >>> member = LinkRow("membership", "state/A", "process/p", "member", "2020-03", "", "", "")
    >>> year_code([member], 2020, covered=False), year_code([member], 2019, covered=False)
    (1, 0)
    >>> year_code([member], 2023, covered=False)
    -9
    >>> year_code([], 2023, covered=True), year_code([], 2023, covered=False)
    (0, -9)
    """
    links = [link for link in links if link.role in ROLE_CODES]
    statuses = [(link, status_in_year(link, year)) for link in links]
    current = [ROLE_CODES[link.role] for link, status in statuses if status == "current"]
    if current:
        return min(current)
    if any(status == "unknown" for _, status in statuses):
        return MISSING
    if statuses or covered:
        return NONE
    return MISSING


def status_in_year(link: LinkRow, year: int) -> str:
    """A membership's status at any time during ``year`` (``current``, ``not-current``, ``unknown``)."""
    return link_status(
        link.relation,
        link.start,
        link.end,
        str(year),
        confirmed_from=link.confirmed_from,
        confirmed_until=link.confirmed_until,
        end_kind=link.end_kind or "stated",
        succeeded_at=link.succeeded_at,
        within=True,
    )
