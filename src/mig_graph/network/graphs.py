"""The graphs of one reading: the bipartite graph read as of a date and with some roles, its
projections built on first use, and the timeline of dated events."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property

import networkx as nx
from rdflib import Dataset, Graph

from mig_graph import paths
from mig_graph.compile import ControlledLists
from mig_graph.network.bipartite import bipartite_graph
from mig_graph.network.periods import link_status
from mig_graph.network.projection import actor_projection, process_projection
from mig_graph.network.read import LinkRow, TimelineEvent, read_links, read_node_attributes, read_timeline
from mig_graph.network.scope import Scope, unknown_name_message
from mig_graph.records.dates import PartialDate, parse_date

__all__ = ["AnalysisGraphs", "known_roles", "read_graphs"]


@dataclass(frozen=True)
class AnalysisGraphs:
    """The graphs of one reading (and the dated events, for the timeline).

    The projections :attr:`actors` and :attr:`processes` are computed when first used: the
    process projection of thousands of meetings that share states is dense (tens of millions
    of edges), and the report's measures are computed from :attr:`bipartite` without it.
    """

    bipartite: nx.Graph
    timeline: tuple[TimelineEvent, ...]
    as_of: str | None = None
    roles: frozenset[str] | None = None
    scope: Scope = field(default_factory=Scope)
    unknown: tuple[LinkRow, ...] = ()
    """The links in scope whose status is unknown as of the date (see
    :func:`~mig_graph.network.periods.link_status`): not in the graphs, listed apart."""

    @cached_property
    def actors(self) -> nx.Graph:
        """The actor projection (:func:`~mig_graph.network.projection.actor_projection`)."""
        return actor_projection(self.bipartite)

    @cached_property
    def processes(self) -> nx.Graph:
        """The process projection (:func:`~mig_graph.network.projection.process_projection`)."""
        return process_projection(self.bipartite)


@cache
def known_roles() -> frozenset[str]:
    """The roles a link can have: the role list of ``ontology/vocabularies.ttl``, and ``signatory``.

    >>> {"member", "observer", "chair", "signatory"} <= known_roles()
    True
    """
    lists = ControlledLists(Graph().parse(paths.vocabularies_file(), format="turtle"))
    return frozenset({*lists.names("role"), "signatory"})


def read_graphs(
    dataset: Dataset,
    *,
    as_of: str | None = None,
    roles: Iterable[str] | None = None,
    scope: Scope | None = None,
) -> AnalysisGraphs:
    """Read the graph: the bipartite graph of the links in ``scope`` active ``as_of`` with one
    of ``roles``, its two projections and the timeline up to ``as_of``.

    Parameters
    ----------
    dataset
        The graph, in Oxigraph or in memory.
    as_of
        ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (see :func:`~mig_graph.network.periods.link_status`);
        ``None``: every link and every event.
    roles
        Keep the links with one of these roles (``signatory`` for signatures); ``None``: all.
    scope
        What the network includes (:class:`~mig_graph.network.scope.Scope`); ``None``: states
        and consultation mechanisms, through memberships.

    Returns
    -------
    AnalysisGraphs
        The bipartite graph has graph attributes ``as_of``, ``roles`` (sorted, space-separated;
        ``""`` when not given), ``includes`` (the wider readings included, ``""`` for none),
        ``scope`` (what it links, in words) and ``unknown_status_links`` (how many links in scope
        have an unknown status as of the date: not in the graph, listed in ``unknown``).

    Raises
    ------
    ValueError
        When ``as_of`` is not ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or a role is not one of the
        controlled list's (a misspelt role would silently give an empty graph).
    """
    if as_of is not None:
        parse_date(as_of)
    role_set = frozenset(roles) if roles is not None else None
    for role in sorted((role_set or frozenset()) - known_roles()):
        raise ValueError(unknown_name_message("--role", role, sorted(known_roles())))
    scope = scope or Scope()
    statuses = {
        row: _status(row, as_of) for row in read_links(dataset) if role_set is None or row.role in role_set
    }
    candidates = [row for row, status in statuses.items() if status != "not-current"]
    attributes = read_node_attributes(
        dataset, {row.actor for row in candidates} | {row.process for row in candidates}
    )
    in_scope = [
        row
        for row in candidates
        if scope.keeps_actor(attributes.get(row.actor, {}))
        and scope.keeps_process(row.relation, attributes.get(row.process, {}))
    ]
    unknown = tuple(row for row in in_scope if statuses[row] == "unknown")
    rows = [row for row in in_scope if statuses[row] == "current"]
    bipartite = bipartite_graph(rows, attributes)
    bipartite.graph.update(
        as_of=as_of or "",
        roles=" ".join(sorted(role_set or ())),
        unknown_status_links=len(unknown),
        includes=scope.names,
        scope=scope.description,
    )
    timeline = read_timeline(dataset)
    if as_of is not None:
        limit = parse_date(as_of).latest
        timeline = tuple(event for event in timeline if PartialDate(event.date).earliest <= limit)
    return AnalysisGraphs(
        bipartite=bipartite,
        timeline=timeline,
        as_of=as_of,
        roles=role_set,
        scope=scope,
        unknown=unknown,
    )


def _status(row: LinkRow, as_of: str | None) -> str:
    return link_status(
        row.relation,
        row.start,
        row.end,
        as_of,
        confirmed_from=row.confirmed_from,
        confirmed_until=row.confirmed_until,
        end_kind=row.end_kind or "stated",
        succeeded_at=row.succeeded_at,
    )
