"""Communities of a projection: seeded Louvain, so that the partition repeats."""

from __future__ import annotations

import networkx as nx

from mig_graph.network.seed import SEED

__all__ = ["communities"]


def communities(graph: nx.Graph, *, weight: str = "weight", seed: int = SEED) -> list[frozenset[str]]:
    """Louvain communities (modularity, ``seed`` fixed so results repeat), largest first.

    Parameters
    ----------
    graph
        A projection (or any graph).
    weight
        The edge attribute that weighs modularity.
    seed
        The seed of Louvain's random order.

    Returns
    -------
    list of frozenset
        Isolated nodes are communities of one; by size (largest first), then first identifier.

    Examples
    --------
    >>> [sorted(part) for part in communities(nx.Graph([("a", "b"), ("c", "d"), ("e", "e")]))]
    [['a', 'b'], ['c', 'd'], ['e']]
    """
    if graph.number_of_nodes() == 0:
        return []
    found = nx.community.louvain_communities(graph, weight=weight, seed=seed)
    return sorted((frozenset(part) for part in found), key=lambda part: (-len(part), min(part)))
