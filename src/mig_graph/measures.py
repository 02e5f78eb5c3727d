"""Measures on the analysis graphs: processes per actor, centralities, brokers, communities,
the process-overlap matrix and the change between two readings.

Every randomised algorithm uses :data:`mig_graph.analysis.SEED`, so results are reproducible.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import networkx as nx
import numpy as np

from mig_graph.analysis import SEED, incidence_matrix, process_projection, sides

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
    from that many source nodes drawn with ``seed``.  Eigenvector centrality uses ``weight`` and is
    computed in each connected component, scaled so that its most central node scores 1 (as
    igraph does): on a disconnected graph the leading eigenvector is zero outside the component
    with the largest eigenvalue, which would hide every other component.  Isolated nodes score 0.
    Ordered by degree, then eigenvector centrality, then identifier.
    """
    if graph.number_of_nodes() == 0:
        return []
    sample = betweenness_sample if betweenness_sample and betweenness_sample < len(graph) else None
    betweenness = nx.betweenness_centrality(graph, k=sample, seed=seed if sample else None)
    eigenvector = _eigenvector_by_component(graph)
    degree = nx.degree_centrality(graph) if len(graph) > 1 else dict.fromkeys(graph, 0.0)
    table = [
        Centrality(
            node=node,
            degree=graph.degree(node),
            strength=float(graph.degree(node, weight="weight")),
            degree_centrality=degree[node],
            betweenness=betweenness[node],
            eigenvector=eigenvector[node],
        )
        for node in graph
    ]
    return sorted(table, key=lambda row: (-row.degree, -round(row.eigenvector, 12), row.node))


def _eigenvector_by_component(graph: nx.Graph) -> dict[str, float]:
    scores = dict.fromkeys(graph, 0.0)
    for part in nx.connected_components(graph):
        if len(part) < 2:
            continue
        component = graph if len(part) == len(graph) else graph.subgraph(part)  # views are slow
        found = nx.eigenvector_centrality(component, weight="weight", max_iter=1000)
        top = max(found.values())
        scores.update({node: value / top for node, value in found.items()})
    return scores


def _process_pairs(bipartite: nx.Graph, nodes: Iterable[str]) -> int:
    count = sum(1 for node in nodes if bipartite.nodes[node]["bipartite"] == 1)
    return count * (count - 1) // 2


def brokers(bipartite: nx.Graph, processes: nx.Graph | None = None) -> list[Broker]:
    """Actors that hold processes together, strongest first.

    ``separated_pairs``: pairs of processes connected through the network that its removal
    disconnects (non-zero only for a cut vertex); ``sole_links``: pairs of processes whose only
    shared member it is (edges of the process projection that its removal deletes).
    ``processes`` is the process projection (computed when not given).
    """
    processes = process_projection(bipartite) if processes is None else processes
    sole: dict[str, int] = defaultdict(int)
    for p, q, weight in processes.edges(data="weight"):
        if weight == 1:
            (actor,) = set(bipartite[p]) & set(bipartite[q])
            sole[actor] += 1
    separated: dict[str, int] = {}
    cut_vertices = {
        node for node in nx.articulation_points(bipartite) if bipartite.nodes[node]["bipartite"] == 0
    }
    for actor in cut_vertices:
        component = nx.node_connected_component(bipartite, actor)
        rest = bipartite.subgraph(component - {actor})
        after = sum(_process_pairs(bipartite, part) for part in nx.connected_components(rest))
        separated[actor] = _process_pairs(bipartite, component) - after
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

    >>> from mig_graph.analysis import LinkRow, bipartite_graph
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
