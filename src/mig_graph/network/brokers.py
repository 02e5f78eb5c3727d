"""Brokers: the actors that hold processes together, as cut vertices and as sole shared members.

Counted on the bipartite graph (one depth-first search, and blocks of the matrix of members
shared by pairs of processes), without building the process projection.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import networkx as nx
import numpy as np

from mig_graph.network.bipartite import sides
from mig_graph.network.projection import incidence_matrix, shared_blocks

__all__ = ["Broker", "brokers"]


@dataclass(frozen=True)
class Broker:
    """An actor whose removal disconnects processes or removes their only link."""

    actor: str
    cut_vertex: bool
    separated_pairs: int
    sole_links: int


def _pairs(count: int) -> int:
    return count * (count - 1) // 2


def _separated_pairs(bipartite: nx.Graph) -> dict[str, int]:
    """Pairs of processes that the removal of each cut-vertex actor disconnects, from one
    depth-first search of the graph (Hopcroft and Tarjan's low points).

    A child ``u`` of ``v`` in the search tree whose subtree has no edge to an ancestor of ``v``
    (``low[u] >= discovered[v]``) is cut off from the rest of the component with the processes
    of its subtree; the root is a cut vertex when it has two children or more.  The pairs
    separated are then the component's pairs of processes less those within each part.
    """
    discovered: dict[str, int] = {}
    low: dict[str, int] = {}
    below: dict[str, int] = {}  # processes in the node's subtree, itself included
    separated: dict[str, int] = {}
    for root in bipartite:
        if root in discovered:
            continue
        parts: dict[str, list[int]] = {}  # node → processes of each child subtree it cuts off
        discovered[root] = low[root] = len(discovered)
        below[root] = int(bipartite.nodes[root]["bipartite"] == 1)
        stack: list[tuple[str, str | None, Iterator[str]]] = [(root, None, iter(bipartite[root]))]
        while stack:
            node, parent, neighbours = stack[-1]
            for other in neighbours:
                if other in discovered:
                    if other != parent:
                        low[node] = min(low[node], discovered[other])
                    continue
                discovered[other] = low[other] = len(discovered)
                below[other] = int(bipartite.nodes[other]["bipartite"] == 1)
                stack.append((other, node, iter(bipartite[other])))
                break
            else:
                stack.pop()
                if stack:
                    low[parent] = min(low[parent], low[node])
                    below[parent] += below[node]
                    if low[node] >= discovered[parent]:
                        parts.setdefault(parent, []).append(below[node])
        total = below[root]
        for node, sizes in parts.items():
            if (node == root and len(sizes) < 2) or bipartite.nodes[node]["bipartite"] != 0:
                continue
            rest = total - sum(sizes)  # the part that holds the node's parent (an actor is no process)
            separated[node] = _pairs(total) - sum(_pairs(size) for size in sizes) - _pairs(rest)
    return separated


def _sole_links(bipartite: nx.Graph) -> dict[str, int]:
    """Pairs of processes whose only shared member each actor is (only actors with some)."""
    actors, processes = sides(bipartite)
    if not processes:
        return {}
    incidence = incidence_matrix(bipartite, processes, actors).astype(np.float32)
    counts = np.zeros(len(actors))
    for start, shared in shared_blocks(incidence):
        # pairs (p, q), q after p, with one member in common: Σ over p of B[p] ∘ (M B)[p]
        single = np.triu(shared == 1, start + 1).astype(np.float32)
        block = incidence[start : start + len(shared)]
        counts += (block * (single @ incidence)).sum(axis=0, dtype=np.float64)
    return {actor: int(count) for actor, count in zip(actors, counts.round(), strict=True) if count}


def brokers(bipartite: nx.Graph) -> list[Broker]:
    """Actors that hold processes together, strongest first.

    Parameters
    ----------
    bipartite
        A graph from :func:`~mig_graph.network.bipartite.bipartite_graph`.

    Returns
    -------
    list of Broker
        Every actor that is a cut vertex or the sole shared member of some pair of processes:
        ``separated_pairs``, the pairs of processes connected through the network that its
        removal disconnects (non-zero only for a cut vertex); ``sole_links``, the pairs of
        processes whose only shared member it is (edges of the process projection that its
        removal deletes).  By separated pairs, then sole links (most first), then identifier.

    Examples
    --------
    >>> from mig_graph.network.bipartite import bipartite_graph
    >>> from mig_graph.network.read import LinkRow
    >>> rows = [LinkRow("membership", a, p, "member", "", "", "", "")
    ...         for a, p in [("state/A", "process/p"), ("state/B", "process/p"), ("state/B", "process/q")]]
    >>> brokers(bipartite_graph(rows))
    [Broker(actor='state/B', cut_vertex=True, separated_pairs=1, sole_links=1)]
    """
    sole = _sole_links(bipartite)
    separated = _separated_pairs(bipartite)
    cut_vertices = set(separated)
    table = [
        Broker(actor, actor in cut_vertices, separated.get(actor, 0), sole.get(actor, 0))
        for actor in set(sole) | cut_vertices
    ]
    return sorted(table, key=lambda row: (-row.separated_pairs, -row.sole_links, row.actor))
