"""The date up to which sources confirm a membership with no end: ``mg:confirmedUntil``, the
latest date (``dcterms:date`` or ``mg:notBefore``) among the sources it is derived from, and
``mg:confirmedBy``, the source or sources of that date, each in the graph of its source."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import URIRef
from rdflib.namespace import DCTERMS

from mig_graph.namespaces import MG
from mig_graph.records import PartialDate, parse_date

if TYPE_CHECKING:
    from mig_graph.compile.compilation import Compilation

__all__ = ["emit_confirmations", "latest_date", "source_dates"]


def latest_date(dates: list[PartialDate]) -> PartialDate:
    """The latest of ``dates``: the one whose first day is latest, then whose last day is.

    A day in June 2019 is later than the year 2019; the year 2019 later than its first month
    and its first day (all begin on 1 January 2019), so two dates tie only when they are equal.

    >>> latest_date([PartialDate("2019"), PartialDate("2019-06-15"), PartialDate("2018-12")]).text
    '2019-06-15'
    >>> latest_date([PartialDate("2019-01-01"), PartialDate("2019"), PartialDate("2019-01")]).text
    '2019'
    """
    return max(dates, key=lambda date: (date.earliest, date.latest))


def source_dates(compilation: Compilation) -> dict[URIRef, PartialDate]:
    """Each dated source's latest date: its ``date`` or its ``not_before``, whichever is later."""
    dataset = compilation.emitter.dataset
    found: dict[URIRef, PartialDate] = {}
    for source in compilation.registry.sources.values():
        dates = [
            parse_date(str(value))
            for predicate in (DCTERMS.date, MG.notBefore)
            for _, _, value, _ in dataset.quads((source, predicate, None, None))
        ]
        if dates:
            found[source] = latest_date(dates)
    return found


def emit_confirmations(compilation: Compilation) -> None:
    """``mg:confirmedUntil`` and ``mg:confirmedBy`` of every membership whose time has no end.

    A membership none of whose sources is dated gets neither; a tie gives every source of that
    date as ``mg:confirmedBy``.
    """
    dates = source_dates(compilation)
    add = compilation.emitter.add
    for iri, facts in compilation.memberships.items():
        if facts.ended:
            continue
        dated = [(dates[source], source) for source in sorted(facts.sources) if source in dates]
        if not dated:
            continue
        latest = latest_date([date for date, _ in dated])
        for date, source in dated:
            if date == latest:
                add(facts.location, iri, MG.confirmedUntil, latest.literal, (source,))
                add(facts.location, iri, MG.confirmedBy, source, (source,))
