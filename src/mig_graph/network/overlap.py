"""The overlap of processes: the members shared by every pair, and Jaccard's index."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx
import numpy as np

from mig_graph.network.bipartite import sides
from mig_graph.network.projection import incidence_matrix

__all__ = ["OverlapMatrix", "overlap_matrix"]


@dataclass(frozen=True)
class OverlapMatrix:
    """Members shared by every pair of processes (diagonal: their number of members)."""

    nodes: tuple[str, ...]
    shared: np.ndarray
    jaccard: np.ndarray


def overlap_matrix(bipartite: nx.Graph, nodes: Iterable[str] | None = None) -> OverlapMatrix:
    """Members shared by each pair of ``nodes`` (default: every process) and Jaccard's index.

    Parameters
    ----------
    bipartite
        A graph from :func:`~mig_graph.network.bipartite.bipartite_graph`.
    nodes
        The processes, in the order of the matrix's rows; ``None``: every process, sorted.

    Returns
    -------
    OverlapMatrix
        ``shared`` (integers, members on the diagonal) and ``jaccard`` (0 for two processes
        without members).

    Examples
    --------
    >>> from mig_graph.network.bipartite import bipartite_graph
    >>> from mig_graph.network.read import LinkRow
    >>> rows = [LinkRow("membership", a, p, "member", "", "", "", "")
    ...         for a, p in [("state/A", "process/p"), ("state/B", "process/p"), ("state/B", "process/q")]]
    >>> matrix = overlap_matrix(bipartite_graph(rows))
    >>> matrix.nodes, matrix.shared.tolist(), matrix.jaccard.tolist()
    (('process/p', 'process/q'), [[2, 1], [1, 1]], [[1.0, 0.5], [0.5, 1.0]])
    """
    actors, processes = sides(bipartite)
    chosen = processes if nodes is None else list(nodes)
    incidence = incidence_matrix(bipartite.subgraph(actors + chosen), chosen, actors)
    shared = incidence @ incidence.T
    size = np.diag(shared)
    union = size[:, None] + size[None, :] - shared
    jaccard = np.divide(shared, union, out=np.zeros(shared.shape), where=union > 0)
    return OverlapMatrix(tuple(chosen), shared, jaccard)
