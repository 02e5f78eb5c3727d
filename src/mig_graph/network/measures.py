"""Measures on the analysis graphs: processes per actor, centralities, brokers, communities,
the process-overlap matrix and the change between two readings.

Every randomised algorithm uses :data:`mig_graph.analysis.SEED`, so results are reproducible.

Cost: centralities are computed with NumPy (breadth-first searches from many sources at once,
as matrix products), and the measures of a projection that the report shows
(:func:`projection_size`, :func:`projection_centralities`, :func:`brokers`) from the bipartite
graph's incidence matrix, without building the projection: the process projection of a graph
of 9,000 meetings links two pairs of processes in three (30 million edges), more than NetworkX
holds in 10 GiB.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import networkx as nx
import numpy as np

from mig_graph.network.graphs import SEED, incidence_matrix, sides

__all__ = [
    "Broker",
    "Centrality",
    "Change",
    "OverlapMatrix",
    "brokers",
    "centralities",
    "change_between",
    "communities",
    "overlap_matrix",
    "processes_per_actor",
    "projection_centralities",
    "projection_size",
]


@dataclass(frozen=True)
class Centrality:
    """Centralities of one node of a projection."""

    node: str
    degree: int
    strength: float
    degree_centrality: float
    betweenness: float
    eigenvector: float


@dataclass(frozen=True)
class Broker:
    """An actor whose removal disconnects processes or removes their only link."""

    actor: str
    cut_vertex: bool
    separated_pairs: int
    sole_links: int


@dataclass(frozen=True)
class OverlapMatrix:
    """Members shared by every pair of processes (diagonal: their number of members)."""

    nodes: tuple[str, ...]
    shared: np.ndarray
    jaccard: np.ndarray


@dataclass(frozen=True)
class Change:
    """What changed in a bipartite graph between two readings."""

    added_edges: frozenset[tuple[str, str]]
    removed_edges: frozenset[tuple[str, str]]
    added_nodes: frozenset[str]
    removed_nodes: frozenset[str]
    processes_per_actor: Mapping[str, tuple[int, int]]


def processes_per_actor(bipartite: nx.Graph) -> list[tuple[str, int]]:
    """``(actor, number of processes)``, most first, then by identifier."""
    actors, _ = sides(bipartite)
    counts = ((actor, bipartite.degree(actor)) for actor in actors)
    return sorted(counts, key=lambda item: (-item[1], item[0]))


def centralities(
    graph: nx.Graph, *, betweenness_sample: int | None = None, seed: int = SEED
) -> list[Centrality]:
    """Degree, strength, betweenness and eigenvector centrality of every node, most central first.

    Betweenness counts hops (unweighted), normalised; with ``betweenness_sample`` it is estimated
    from that many source nodes drawn with ``seed`` (the sources and the scaling of NetworkX's
    ``betweenness_centrality``).  Eigenvector centrality uses ``weight`` (1 when missing) and is
    computed in each connected component, scaled so that its most central node scores 1 (as
    igraph does): on a disconnected graph the leading eigenvector is zero outside the component
    with the largest eigenvalue, which would hide every other component.  Isolated nodes score 0.
    Ordered by degree, then eigenvector centrality, then identifier.

    Computed with NumPy on a dense adjacency matrix (one byte per pair of nodes: fine for the
    projections, whose nodes number hundreds to a few thousand); the values are NetworkX's.
    """
    if graph.number_of_nodes() == 0:
        return []
    nodes = list(graph)
    index = {node: i for i, node in enumerate(nodes)}
    ends = np.array([(index[u], index[v]) for u, v in graph.edges()], dtype=np.int64).reshape(-1, 2)
    weights = np.array([float(w) for _, _, w in graph.edges(data="weight", default=1)])
    adjacency = np.zeros((len(nodes), len(nodes)), dtype=bool)
    adjacency[ends[:, 0], ends[:, 1]] = adjacency[ends[:, 1], ends[:, 0]] = True
    np.fill_diagonal(adjacency, False)
    loops = ends[:, 0] == ends[:, 1]

    def weighted(x: np.ndarray) -> np.ndarray:
        """``W x``, W the weighted adjacency matrix (a loop counts once)."""
        product = np.bincount(ends[:, 0], weights=weights * x[ends[:, 1]], minlength=len(x))
        return product + np.bincount(
            ends[~loops, 1], weights=(weights * x[ends[:, 0]])[~loops], minlength=len(x)
        )

    labels = np.empty(len(nodes), dtype=np.int64)
    for label, part in enumerate(nx.connected_components(graph)):
        labels[[index[node] for node in part]] = label
    degree = np.array([graph.degree(node) for node in nodes])
    strength = np.array([float(graph.degree(node, weight="weight")) for node in nodes])
    return _centrality_table(
        nodes, degree, strength, adjacency, weighted, labels, betweenness_sample=betweenness_sample, seed=seed
    )


def projection_centralities(
    bipartite: nx.Graph, side: int, *, betweenness_sample: int | None = None, seed: int = SEED
) -> list[Centrality]:
    """:func:`centralities` of a projection (``side`` 0: the actors, 1: the processes), computed
    from the bipartite graph without building the projection's edges.

    The same values as ``centralities(actor_projection(bipartite))`` (or
    ``process_projection``), in the same order: the projection's weighted adjacency is
    ``B Bᵀ`` less its diagonal, ``B`` the incidence matrix of the side's nodes and the other
    side's, so that the eigenvector iteration and the strengths cost as many operations as the
    bipartite graph has edges, and only betweenness and degree need the dense matrix of which
    pairs share a neighbour (one byte per pair).  A projection of thousands of processes that
    share states is dense: tens of millions of edges as NetworkX objects, but a few seconds of
    matrix products here.
    """
    actors, processes = sides(bipartite)
    nodes, others = (actors, processes) if side == 0 else (processes, actors)
    if not nodes:
        return []
    incidence = incidence_matrix(bipartite, nodes, others).astype(np.float64)
    own = incidence.sum(axis=1)
    other = incidence.sum(axis=0)
    adjacency = _shares_a_neighbour(incidence)

    def weighted(x: np.ndarray) -> np.ndarray:
        return incidence @ (incidence.T @ x) - own * x

    index = {node: i for i, node in enumerate(nodes)}
    labels = np.empty(len(nodes), dtype=np.int64)
    for label, part in enumerate(nx.connected_components(bipartite)):
        labels[[index[node] for node in part if node in index]] = label
    degree = adjacency.sum(axis=1)
    strength = incidence @ (other - 1)
    return _centrality_table(
        nodes, degree, strength, adjacency, weighted, labels, betweenness_sample=betweenness_sample, seed=seed
    )


def projection_size(bipartite: nx.Graph, side: int) -> tuple[int, int]:
    """Nodes and edges of a projection (``side`` 0: the actors, 1: the processes), counted
    without building it: the pairs of nodes that share a neighbour."""
    actors, processes = sides(bipartite)
    nodes, others = (actors, processes) if side == 0 else (processes, actors)
    if not nodes:
        return 0, 0
    edges = 0
    for start, shared in _shared_blocks(incidence_matrix(bipartite, nodes, others)):
        edges += int(np.count_nonzero(np.triu(shared, start + 1)))
    return len(nodes), edges


_BLOCK = 1 << 22
"""Elements of the blocks in which pairwise matrices are computed (32 MiB of float64)."""


def _shared_blocks(incidence: np.ndarray) -> Iterator[tuple[int, np.ndarray]]:
    """``(start, B[start:stop] Bᵀ)`` by blocks of rows: the neighbours shared by each pair of
    rows, in float32 (exact: the counts are far below 2²⁴)."""
    matrix = incidence.astype(np.float32)
    rows = max(1, _BLOCK // max(1, len(matrix)))
    for start in range(0, len(matrix), rows):
        yield start, matrix[start : start + rows] @ matrix.T


def _shares_a_neighbour(incidence: np.ndarray) -> np.ndarray:
    """The projection's adjacency: which pairs of rows share a column (no diagonal)."""
    adjacency = np.zeros((len(incidence), len(incidence)), dtype=bool)
    for start, shared in _shared_blocks(incidence):
        adjacency[start : start + len(shared)] = shared > 0
    np.fill_diagonal(adjacency, False)
    return adjacency


def _product(adjacency: np.ndarray, x: np.ndarray) -> np.ndarray:
    """``A x`` for a symmetric boolean matrix ``A`` and a matrix ``x`` whose rows are mostly zero
    (a level of the searches): ``A[:, used] x[used]`` over the rows ``used`` that are not, by
    blocks of ``A`` converted to float64."""
    used = np.flatnonzero(x.any(axis=1))
    out = np.zeros((len(adjacency), x.shape[1]))
    if not len(used):
        return out
    rows = max(1, _BLOCK // len(used))
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
    batch = max(1, _BLOCK // (8 * n))
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


def _eigenvector(weighted: Callable[[np.ndarray], np.ndarray], labels: np.ndarray) -> np.ndarray:
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


def _centrality_table(
    nodes: list[str],
    degree: np.ndarray,
    strength: np.ndarray,
    adjacency: np.ndarray,
    weighted: Callable[[np.ndarray], np.ndarray],
    labels: np.ndarray,
    *,
    betweenness_sample: int | None,
    seed: int,
) -> list[Centrality]:
    n = len(nodes)
    sample = betweenness_sample if betweenness_sample and betweenness_sample < n else None
    sources = random.Random(seed).sample(range(n), sample) if sample else list(range(n))
    betweenness = _betweenness(adjacency, sources)
    if n > 2:  # NetworkX's normalisation: by the pairs (s, t) that could pass through the node
        pairs = np.full(n, float(sample * (n - 2) if sample else (n - 1) * (n - 2)))
        if sample:  # a sampled source is never its own target
            pairs[sources] = (sample - 1) * (n - 2) if sample > 1 else math.nan
        betweenness = betweenness / pairs
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


def brokers(bipartite: nx.Graph) -> list[Broker]:
    """Actors that hold processes together, strongest first.

    ``separated_pairs``: pairs of processes connected through the network that its removal
    disconnects (non-zero only for a cut vertex); ``sole_links``: pairs of processes whose only
    shared member it is (edges of the process projection that its removal deletes), counted by
    blocks of the matrix of members shared by pairs of processes, without the projection.
    """
    actors, processes = sides(bipartite)
    sole: dict[str, int] = {}
    if processes:
        incidence = incidence_matrix(bipartite, processes, actors).astype(np.float32)
        counts = np.zeros(len(actors))
        for start, shared in _shared_blocks(incidence):
            # pairs (p, q), q after p, with one member in common: Σ over p of B[p] ∘ (M B)[p]
            single = np.triu(shared == 1, start + 1).astype(np.float32)
            block = incidence[start : start + len(shared)]
            counts += (block * (single @ incidence)).sum(axis=0, dtype=np.float64)
        sole = {actor: int(count) for actor, count in zip(actors, counts.round(), strict=True) if count}
    separated = _separated_pairs(bipartite)
    cut_vertices = set(separated)
    table = [
        Broker(actor, actor in cut_vertices, separated.get(actor, 0), sole.get(actor, 0))
        for actor in set(sole) | cut_vertices
    ]
    return sorted(table, key=lambda row: (-row.separated_pairs, -row.sole_links, row.actor))


def communities(graph: nx.Graph, *, weight: str = "weight", seed: int = SEED) -> list[frozenset[str]]:
    """Louvain communities (modularity, ``seed`` fixed so results repeat), largest first.

    Isolated nodes are communities of one.  Ties in size are ordered by their first identifier.
    """
    if graph.number_of_nodes() == 0:
        return []
    found = nx.community.louvain_communities(graph, weight=weight, seed=seed)
    return sorted((frozenset(part) for part in found), key=lambda part: (-len(part), min(part)))


def overlap_matrix(bipartite: nx.Graph, nodes: Iterable[str] | None = None) -> OverlapMatrix:
    """Members shared by each pair of ``nodes`` (default: every process) and Jaccard's index.

    >>> from mig_graph.network.graphs import LinkRow, bipartite_graph
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


def change_between(before: nx.Graph, after: nx.Graph) -> Change:
    """Edges and nodes gained and lost between two bipartite graphs (e.g. two snapshots),
    and ``(before, after)`` processes of every actor whose number changed."""

    def edge_set(graph: nx.Graph) -> set[tuple[str, str]]:
        return {(u, v) if graph.nodes[u]["bipartite"] == 0 else (v, u) for u, v in graph.edges()}

    counts_before = dict(processes_per_actor(before))
    counts_after = dict(processes_per_actor(after))
    changed = {
        actor: (counts_before.get(actor, 0), counts_after.get(actor, 0))
        for actor in sorted(set(counts_before) | set(counts_after))
        if counts_before.get(actor, 0) != counts_after.get(actor, 0)
    }
    return Change(
        added_edges=frozenset(edge_set(after) - edge_set(before)),
        removed_edges=frozenset(edge_set(before) - edge_set(after)),
        added_nodes=frozenset(set(after) - set(before)),
        removed_nodes=frozenset(set(before) - set(after)),
        processes_per_actor=changed,
    )
