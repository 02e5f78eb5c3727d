"""The bipartite graph of actors and processes, its two sides and its snapshots as of a date.

*Actors* (``bipartite=0``, ``side="actor"``) are states and organisations; *processes*
(``bipartite=1``, ``side="process"``) are consultation mechanisms, joint programmes,
organisations that have members, declarations and meetings.

- Only nodes with at least one link are in the graph: a process without known members or
  participants does not appear (it still appears in the timeline).
- Two nodes are joined by one edge.  When several links join them (IOM organised, co-chaired and
  closed the 2009 global meeting), multi-valued attributes are space-separated sorted lists:
  ``role``, ``relation``, ``sources`` (the IRIs of the sources that state the links; not named
  ``source``, which Cytoscape.js, D3 and edge lists use for an edge's end), ``in_respect_of``;
  ``start`` is the earliest beginning and ``end`` the latest end, both ISO dates of the
  precision the data gives (``2014-02``); ``end_kind`` says where an end comes from
  (``stated``, ``derived``, ``mechanism-ended``), ``confirmed_from`` and ``confirmed_until``
  what the dated sources support (the earliest and latest dates of several links).  Every
  attribute is a string, an integer, a float or a boolean; an unknown value is ``""``.
- Node identifiers are the IRIs without the ``…/id/`` base (``state/FRA``, ``process/midiocc``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import networkx as nx

from mig_graph.network.labels import NODE_FIELDS, node_iri
from mig_graph.network.periods import earliest_date, latest_date, link_status
from mig_graph.network.read import LinkRow
from mig_graph.records.dates import parse_date

__all__ = ["bipartite_graph", "processes_per_actor", "sides", "snapshot"]


def _grouped(rows: Iterable[LinkRow]) -> dict[tuple[str, str], list[LinkRow]]:
    """The links of each (actor, process) pair."""
    grouped: dict[tuple[str, str], list[LinkRow]] = defaultdict(list)
    for row in rows:
        grouped[row.actor, row.process].append(row)
    return grouped


def _merged_edges(
    grouped: Mapping[tuple[str, str], list[LinkRow]],
) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Each (actor, process) edge with its attributes, the links that join them merged, in the
    pairs' order: one at a time, so that the graph's edges are the only copy held."""
    for (actor, process), links in sorted(grouped.items()):
        if len(links) == 1:
            (link,) = links
            yield (
                actor,
                process,
                {
                    "role": link.role,
                    "relation": link.relation,
                    "start": link.start,
                    "end": link.end,
                    "sources": link.sources,
                    "in_respect_of": link.in_respect_of,
                    "end_kind": link.end_kind,
                    "confirmed_from": link.confirmed_from,
                    "confirmed_until": link.confirmed_until,
                    "succeeded_at": link.succeeded_at,
                },
            )
            continue
        starts = [link.start for link in links]
        ends = [link.end for link in links]
        yield (
            actor,
            process,
            {
                "role": " ".join(sorted({link.role for link in links if link.role})),
                "relation": " ".join(sorted({link.relation for link in links})),
                "start": "" if "" in starts else earliest_date(starts),
                "end": "" if "" in ends else latest_date(ends),
                "sources": " ".join(sorted({iri for link in links for iri in link.sources.split()})),
                "in_respect_of": " ".join(sorted({link.in_respect_of for link in links} - {""})),
                "end_kind": " ".join(sorted({link.end_kind for link in links} - {""})),
                "confirmed_from": earliest_date(link.confirmed_from for link in links),
                "confirmed_until": latest_date(link.confirmed_until for link in links),
                "succeeded_at": ""
                if "" in (ends := [link.succeeded_at for link in links])
                else latest_date(ends),
            },
        )


def bipartite_graph(
    rows: Iterable[LinkRow], attributes: Mapping[str, Mapping[str, Any]] | None = None
) -> nx.Graph:
    """The actor–process graph of some links; nodes get ``attributes`` and their side.

    Parameters
    ----------
    rows
        The links (:func:`~mig_graph.network.read.read_links`).
    attributes
        Node identifier → attributes (:func:`~mig_graph.network.read.read_node_attributes`);
        a node without gets ``""`` for each.

    Returns
    -------
    networkx.Graph
        Actors then processes, each side sorted; one edge per pair (see the module's notes).

    Examples
    --------
    >>> row = LinkRow("membership", "state/A", "process/p", "member", "2011", "", "", "")
    >>> graph = bipartite_graph([row])
    >>> graph.nodes["state/A"]["side"], graph.edges["state/A", "process/p"]["start"]
    ('actor', '2011')
    """
    grouped = _grouped(rows)
    attributes = attributes or {}
    graph = nx.Graph(name="actors and processes")
    actors = sorted({actor for actor, _ in grouped})
    processes = sorted({process for _, process in grouped})
    for side, nodes in ((0, actors), (1, processes)):
        for node in nodes:
            record = {"iri": node_iri(node), "kind": "", "kinds": ""} | {
                field: "" for field in (*NODE_FIELDS, "start", "end")
            }
            record.update(attributes.get(node, {}))
            record.update(side=("actor", "process")[side], bipartite=side)
            graph.add_node(node, **record)
    graph.add_edges_from(_merged_edges(grouped))
    return graph


def _supported_end_kind(kinds: str) -> str:
    """The end kind of a merged edge: ``stated`` when one of its links states (or derives) its
    end, ``mechanism-ended`` when the mechanism's end is all there is."""
    return "mechanism-ended" if kinds.split() == ["mechanism-ended"] else "stated"


def sides(bipartite: nx.Graph) -> tuple[list[str], list[str]]:
    """The actors and the processes of a bipartite graph.

    Parameters
    ----------
    bipartite
        A graph whose nodes have ``bipartite`` 0 (actors) or 1 (processes).

    Returns
    -------
    tuple of two lists
        The actors, sorted, and the processes, sorted.

    Examples
    --------
    >>> row = LinkRow("membership", "state/A", "process/p", "member", "", "", "", "")
    >>> sides(bipartite_graph([row]))
    (['state/A'], ['process/p'])
    """
    actors = sorted(node for node, side in bipartite.nodes(data="bipartite") if side == 0)
    processes = sorted(node for node, side in bipartite.nodes(data="bipartite") if side == 1)
    return actors, processes


def snapshot(bipartite: nx.Graph, as_of: str) -> nx.Graph:
    """The bipartite graph as of a date: its active edges and the nodes they join.

    Parameters
    ----------
    bipartite
        A graph from :func:`bipartite_graph`.
    as_of
        ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (see :func:`~mig_graph.network.periods.link_status`).

    Returns
    -------
    networkx.Graph
        The edges current as of the date (a membership of unknown status is left out), the
        nodes they join; graph attribute ``as_of``.

    Raises
    ------
    ValueError
        When ``as_of`` is not a date of one of those forms.

    Examples
    --------
    >>> rows = [LinkRow("membership", "state/A", "process/p", "member", "2011", "", "", "",
    ...                 confirmed_until="2015"),
    ...         LinkRow("membership", "state/B", "process/p", "member", "2014", "", "", "",
    ...                 confirmed_until="2015")]
    >>> sorted(snapshot(bipartite_graph(rows), "2012"))
    ['process/p', 'state/A']
    """
    parse_date(as_of)
    kept = [
        (u, v)
        for u, v, data in bipartite.edges(data=True)
        if link_status(
            data["relation"],
            data["start"],
            data["end"],
            as_of,
            confirmed_from=data.get("confirmed_from", ""),
            confirmed_until=data.get("confirmed_until", ""),
            end_kind=_supported_end_kind(data.get("end_kind", "")),
            succeeded_at=data.get("succeeded_at", ""),
        )
        == "current"
    ]
    ends = {node for edge in kept for node in edge}
    graph = nx.Graph()
    graph.graph.update(bipartite.graph, as_of=as_of)
    graph.add_nodes_from((node, data) for node, data in bipartite.nodes(data=True) if node in ends)
    graph.add_edges_from((u, v, bipartite.edges[u, v]) for u, v in kept)
    return graph


def processes_per_actor(bipartite: nx.Graph) -> list[tuple[str, int]]:
    """How many processes each actor takes part in.

    Parameters
    ----------
    bipartite
        A graph from :func:`bipartite_graph`.

    Returns
    -------
    list of (str, int)
        ``(actor, number of processes)``, most first, then by identifier.

    Examples
    --------
    >>> rows = [LinkRow("membership", a, p, "member", "", "", "", "")
    ...         for a, p in [("state/A", "process/p"), ("state/B", "process/p"), ("state/B", "process/q")]]
    >>> processes_per_actor(bipartite_graph(rows))
    [('state/B', 2), ('state/A', 1)]
    """
    actors, _ = sides(bipartite)
    counts = ((actor, bipartite.degree(actor)) for actor in actors)
    return sorted(counts, key=lambda item: (-item[1], item[0]))
