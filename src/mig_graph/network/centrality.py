"""Centralities of the nodes of a projection: degree, strength, betweenness, eigenvector.

Computed with NumPy (breadth-first searches from many sources at once, as matrix products); the
values are NetworkX's.  The centralities of a projection that the report shows are computed from
the bipartite graph's incidence matrix, without building the projection
(:func:`projection_centralities`).  Every randomised step uses :data:`~mig_graph.network.seed.SEED`.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import networkx as nx
import numpy as np

from mig_graph.network.projection import BLOCK_ELEMENTS, shares_a_neighbour, side_incidence
from mig_graph.network.seed import SEED

__all__ = ["Centrality", "centralities", "projection_centralities"]

Product = Callable[[np.ndarray], np.ndarray]
"""``x ↦ W x``, W a graph's weighted adjacency matrix."""


@dataclass(frozen=True)
class Centrality:
    """Centralities of one node of a projection."""

    node: str
    degree: int
    strength: float
    degree_centrality: float
    betweenness: float
    eigenvector: float


def _component_labels(parts: Iterable[set[str]], index: dict[str, int]) -> np.ndarray:
    """The number of each node's connected component (``parts``), nodes outside ``index`` left out."""
    labels = np.empty(len(index), dtype=np.int64)
    for label, part in enumerate(parts):
        labels[[index[node] for node in part if node in index]] = label
    return labels


def _adjacency(graph: nx.Graph, index: dict[str, int]) -> tuple[np.ndarray, Product]:
    """The graph's boolean adjacency (no diagonal) and its weighted product (``weight``, 1 when missing)."""
    ends = np.array([(index[u], index[v]) for u, v in graph.edges()], dtype=np.int64).reshape(-1, 2)
    weights = np.array([float(w) for _, _, w in graph.edges(data="weight", default=1)])
    adjacency = np.zeros((len(index), len(index)), dtype=bool)
    adjacency[ends[:, 0], ends[:, 1]] = adjacency[ends[:, 1], ends[:, 0]] = True
    np.fill_diagonal(adjacency, False)
    loops = ends[:, 0] == ends[:, 1]

    def weighted(x: np.ndarray) -> np.ndarray:
        """``W x``, W the weighted adjacency matrix (a loop counts once)."""
        product = np.bincount(ends[:, 0], weights=weights * x[ends[:, 1]], minlength=len(x))
        return product + np.bincount(
            ends[~loops, 1], weights=(weights * x[ends[:, 0]])[~loops], minlength=len(x)
        )

    return adjacency, weighted


def centralities(
    graph: nx.Graph, *, betweenness_sample: int | None = None, seed: int = SEED
) -> list[Centrality]:
    """Degree, strength, betweenness and eigenvector centrality of every node, most central first.

    Betweenness counts hops (unweighted), normalised.  Eigenvector centrality uses ``weight``
    (1 when missing) and is computed in each connected component, scaled so that its most central
    node scores 1 (as igraph does): on a disconnected graph the leading eigenvector is zero
    outside the component with the largest eigenvalue, which would hide every other component.
    Isolated nodes score 0.  Computed with NumPy on a dense adjacency matrix (one byte per pair
    of nodes: fine for the projections, whose nodes number hundreds to a few thousand).

    Parameters
    ----------
    graph
        A projection (or any graph).
    betweenness_sample
        Estimate betweenness from that many source nodes drawn with ``seed`` (the sources and
        the scaling of NetworkX's ``betweenness_centrality``); ``None``: exact.
    seed
        The seed of the sample.

    Returns
    -------
    list of Centrality
        By degree, then eigenvector centrality, then identifier.

    Examples
    --------
    >>> [(row.node, row.degree, row.betweenness) for row in centralities(nx.path_graph(["a", "b", "c"]))]
    [('b', 2, 1.0), ('a', 1, 0.0), ('c', 1, 0.0)]
    """
    if graph.number_of_nodes() == 0:
        return []
    nodes = list(graph)
    index = {node: i for i, node in enumerate(nodes)}
    adjacency, weighted = _adjacency(graph, index)
    labels = _component_labels(nx.connected_components(graph), index)
    degree = np.array([graph.degree(node) for node in nodes])
    strength = np.array([float(graph.degree(node, weight="weight")) for node in nodes])
    return _centrality_table(
        nodes, degree, strength, adjacency, weighted, labels, betweenness_sample=betweenness_sample, seed=seed
    )


def projection_centralities(
    bipartite: nx.Graph, side: int, *, betweenness_sample: int | None = None, seed: int = SEED
) -> list[Centrality]:
    """:func:`centralities` of a projection, computed from the bipartite graph without building
    the projection's edges.

    The same values as ``centralities(actor_projection(bipartite))`` (or
    ``process_projection``), in the same order: the projection's weighted adjacency is
    ``B Bᵀ`` less its diagonal, ``B`` the incidence matrix of the side's nodes and the other
    side's, so that the eigenvector iteration and the strengths cost as many operations as the
    bipartite graph has edges, and only betweenness and degree need the dense matrix of which
    pairs share a neighbour (one byte per pair).  A projection of thousands of processes that
    share states is dense: tens of millions of edges as NetworkX objects, but a few seconds of
    matrix products here.

    Parameters
    ----------
    bipartite
        A graph from :func:`~mig_graph.network.bipartite.bipartite_graph`.
    side
        0: the actor projection; 1: the process projection.
    betweenness_sample, seed
        As in :func:`centralities`.

    Returns
    -------
    list of Centrality
        As :func:`centralities` of the projection.
    """
    nodes, _, incidence_counts = side_incidence(bipartite, side)
    if not nodes:
        return []
    incidence = incidence_counts.astype(np.float64)
    own = incidence.sum(axis=1)
    other = incidence.sum(axis=0)
    adjacency = shares_a_neighbour(incidence)

    def weighted(x: np.ndarray) -> np.ndarray:
        return incidence @ (incidence.T @ x) - own * x

    index = {node: i for i, node in enumerate(nodes)}
    labels = _component_labels(nx.connected_components(bipartite), index)
    degree = adjacency.sum(axis=1)
    strength = incidence @ (other - 1)
    return _centrality_table(
        nodes, degree, strength, adjacency, weighted, labels, betweenness_sample=betweenness_sample, seed=seed
    )


def _product(adjacency: np.ndarray, x: np.ndarray) -> np.ndarray:
    """``A x`` for a symmetric boolean matrix ``A`` and a matrix ``x`` whose rows are mostly zero
    (a level of the searches): ``A[:, used] x[used]`` over the rows ``used`` that are not, by
    blocks of ``A`` converted to float64."""
    used = np.flatnonzero(x.any(axis=1))
    out = np.zeros((len(adjacency), x.shape[1]))
    if not len(used):
        return out
    rows = max(1, BLOCK_ELEMENTS // len(used))
    for start in range(0, len(used), rows):
        chosen = used[start : start + rows]
        out += adjacency[chosen].T.astype(np.float64) @ x[chosen]
    return out


def _betweenness(adjacency: np.ndarray, sources: Sequence[int]) -> np.ndarray:
    """Brandes' accumulation of pair dependencies from ``sources``, unnormalised.

    Breadth-first search from a batch of sources at once, one matrix product per level: the
    shortest paths reaching each node (``sigma``), then, from the farthest level back, each
    node's dependency ``delta(v) = Σ sigma(v) / sigma(w) (1 + delta(w))`` over its neighbours
    ``w`` one level further.
    """
    n = len(adjacency)
    total = np.zeros(n)
    batch = max(1, BLOCK_ELEMENTS // (8 * n))
    for first in range(0, len(sources), batch):
        chosen = np.asarray(sources[first : first + batch], dtype=np.int64)
        columns = np.arange(len(chosen))
        sigma = np.zeros((n, len(chosen)))
        sigma[chosen, columns] = 1.0
        level = np.full((n, len(chosen)), -1, dtype=np.int32)
        level[chosen, columns] = 0
        frontier, depth = sigma.copy(), 0
        while frontier.any():
            reached = _product(adjacency, frontier)
            new = (reached > 0) & (level < 0)
            depth += 1
            level[new] = depth
            sigma[new] = reached[new]
            frontier = np.where(new, sigma, 0.0)
        delta = np.zeros_like(sigma)
        for current in range(depth - 1, 0, -1):
            after = level == current + 1
            coefficient = np.divide(1.0 + delta, sigma, out=np.zeros_like(sigma), where=after)
            delta += np.where(level == current, sigma * _product(adjacency, coefficient), 0.0)
        total += delta.sum(axis=1)
    return total


def _eigenvector(weighted: Product, labels: np.ndarray) -> np.ndarray:
    """Power iteration of NetworkX's ``eigenvector_centrality`` (``x ← x + W x``, normalised,
    until the L1 change is below 10⁻⁶ per node) in every component at once, each component
    normalised and tested on its own; scaled to 1 at each component's maximum, 0 when alone."""
    counts = np.bincount(labels)
    size = counts[labels]
    x = np.where(size > 1, 1.0 / size, 0.0)
    running = counts > 1
    for _ in range(1000):
        if not running.any():
            break
        following = x + weighted(x)
        norms = np.sqrt(np.bincount(labels, weights=following * following, minlength=len(counts)))
        following /= np.where(norms > 0, norms, 1.0)[labels]
        change = np.bincount(labels, weights=np.abs(following - x), minlength=len(counts))
        moving = running[labels]
        x = np.where(moving, following, x)
        running &= ~(change < counts * 1.0e-6)
    else:
        if running.any():
            raise nx.PowerIterationFailedConvergence(1000)
    top = np.zeros(len(counts))
    np.maximum.at(top, labels, x)
    return np.divide(x, top[labels], out=np.zeros_like(x), where=size > 1)


def _normalised_betweenness(adjacency: np.ndarray, betweenness_sample: int | None, seed: int) -> np.ndarray:
    """Betweenness from all sources or a seeded sample, scaled as NetworkX scales it."""
    n = len(adjacency)
    sample = betweenness_sample if betweenness_sample and betweenness_sample < n else None
    sources = random.Random(seed).sample(range(n), sample) if sample else list(range(n))
    betweenness = _betweenness(adjacency, sources)
    if n > 2:  # NetworkX's normalisation: by the pairs (s, t) that could pass through the node
        pairs = np.full(n, float(sample * (n - 2) if sample else (n - 1) * (n - 2)))
        if sample:  # a sampled source is never its own target
            pairs[sources] = (sample - 1) * (n - 2) if sample > 1 else math.nan
        betweenness = betweenness / pairs
    return betweenness


def _centrality_table(
    nodes: list[str],
    degree: np.ndarray,
    strength: np.ndarray,
    adjacency: np.ndarray,
    weighted: Product,
    labels: np.ndarray,
    *,
    betweenness_sample: int | None,
    seed: int,
) -> list[Centrality]:
    n = len(nodes)
    betweenness = _normalised_betweenness(adjacency, betweenness_sample, seed)
    eigenvector = _eigenvector(weighted, labels)
    degree_centrality = degree / (n - 1) if n > 1 else np.zeros(n)
    table = [
        Centrality(
            node=node,
            degree=int(degree[i]),
            strength=float(strength[i]),
            degree_centrality=float(degree_centrality[i]),
            betweenness=float(betweenness[i]),
            eigenvector=float(eigenvector[i]),
        )
        for i, node in enumerate(nodes)
    ]
    return sorted(table, key=lambda row: (-row.degree, -round(row.eigenvector, 12), row.node))
