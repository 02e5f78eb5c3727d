"""What changed between two readings of the bipartite graph (two snapshots, two builds)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import networkx as nx

from mig_graph.network.bipartite import processes_per_actor

__all__ = ["Change", "change_between"]


@dataclass(frozen=True)
class Change:
    """What changed in a bipartite graph between two readings."""

    added_edges: frozenset[tuple[str, str]]
    removed_edges: frozenset[tuple[str, str]]
    added_nodes: frozenset[str]
    removed_nodes: frozenset[str]
    processes_per_actor: Mapping[str, tuple[int, int]]


def _actor_process_edges(graph: nx.Graph) -> set[tuple[str, str]]:
    """The edges as (actor, process) pairs."""
    return {(u, v) if graph.nodes[u]["bipartite"] == 0 else (v, u) for u, v in graph.edges()}


def change_between(before: nx.Graph, after: nx.Graph) -> Change:
    """Edges and nodes gained and lost between two bipartite graphs.

    Parameters
    ----------
    before, after
        Graphs from :func:`~mig_graph.network.bipartite.bipartite_graph` or
        :func:`~mig_graph.network.bipartite.snapshot`.

    Returns
    -------
    Change
        Edges as (actor, process) pairs; ``processes_per_actor``: ``(before, after)`` for every
        actor whose number of processes changed.

    Examples
    --------
    >>> from mig_graph.network.bipartite import bipartite_graph, snapshot
    >>> from mig_graph.network.read import LinkRow
    >>> rows = [LinkRow("membership", "state/A", "process/p", "member", "2011", "", "", "",
    ...                 confirmed_until="2015"),
    ...         LinkRow("membership", "state/B", "process/p", "member", "2014", "", "", "",
    ...                 confirmed_until="2015")]
    >>> change = change_between(snapshot(bipartite_graph(rows), "2012"), bipartite_graph(rows))
    >>> sorted(change.added_edges), sorted(change.removed_nodes), dict(change.processes_per_actor)
    ([('state/B', 'process/p')], [], {'state/B': (0, 1)})
    """
    counts_before = dict(processes_per_actor(before))
    counts_after = dict(processes_per_actor(after))
    changed = {
        actor: (counts_before.get(actor, 0), counts_after.get(actor, 0))
        for actor in sorted(set(counts_before) | set(counts_after))
        if counts_before.get(actor, 0) != counts_after.get(actor, 0)
    }
    return Change(
        added_edges=frozenset(_actor_process_edges(after) - _actor_process_edges(before)),
        removed_edges=frozenset(_actor_process_edges(before) - _actor_process_edges(after)),
        added_nodes=frozenset(set(after) - set(before)),
        removed_nodes=frozenset(set(before) - set(after)),
        processes_per_actor=changed,
    )
