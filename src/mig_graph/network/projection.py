"""The one-mode projections of the bipartite graph, computed with NumPy from its incidence matrix.

Actors are linked by the processes they share and processes by the actors they share, each edge
weighted by the number shared (``weight``), Jaccard's index (``jaccard``) and Newman's
collaboration weight (``newman``: each shared neighbour of degree *k* adds 1/(*k* − 1)).

Cost: the incidence matrices are dense (thousands of processes by hundreds of actors: a few MiB);
the pairwise matrices of a large side are computed by blocks of rows (:func:`shared_blocks`),
so that the size of a projection (:func:`projection_size`) is known without building it: the
process projection of a graph of 9,000 meetings links two pairs of processes in three (30
million edges), more than NetworkX holds in 10 GiB.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx
import numpy as np

from mig_graph.network.bipartite import sides

__all__ = [
    "BLOCK_ELEMENTS",
    "actor_projection",
    "incidence_matrix",
    "process_projection",
    "projection_size",
    "shared_blocks",
    "shares_a_neighbour",
    "side_incidence",
]

BLOCK_ELEMENTS = 1 << 22
"""Elements of the blocks in which pairwise matrices are computed (32 MiB of float64)."""


def incidence_matrix(bipartite: nx.Graph, rows: list[str], columns: list[str]) -> np.ndarray:
    """The 0/1 matrix of which ``rows`` are linked to which ``columns``.

    Parameters
    ----------
    bipartite
        The graph.
    rows, columns
        Nodes; every neighbour of a row must be a column.

    Returns
    -------
    numpy.ndarray
        ``int32``, ``rows`` × ``columns``, 1 where they are linked (dense: thousands of rows by
        hundreds of columns take a few MiB).

    Examples
    --------
    >>> incidence_matrix(nx.Graph([("a", "p"), ("b", "p"), ("b", "q")]), ["a", "b"], ["p", "q"]).tolist()
    [[1, 0], [1, 1]]
    """
    column_index = {node: j for j, node in enumerate(columns)}
    adjacency = bipartite.adj
    neighbours = [adjacency.get(node, {}) for node in rows]
    degrees = [len(linked) for linked in neighbours]
    j = np.fromiter(
        (column_index[other] for linked in neighbours for other in linked), dtype=np.int64, count=sum(degrees)
    )
    matrix = np.zeros((len(rows), len(columns)), dtype=np.int32)
    matrix[np.repeat(np.arange(len(rows)), degrees), j] = 1
    return matrix


def side_incidence(bipartite: nx.Graph, side: int) -> tuple[list[str], list[str], np.ndarray]:
    """The nodes of one side, those of the other and their incidence matrix.

    Parameters
    ----------
    bipartite
        The graph.
    side
        0: the actors are the rows; 1: the processes are.

    Returns
    -------
    tuple
        ``(nodes, others, incidence)``, both lists sorted (:func:`~mig_graph.network.bipartite.sides`).
    """
    actors, processes = sides(bipartite)
    nodes, others = (actors, processes) if side == 0 else (processes, actors)
    return nodes, others, incidence_matrix(bipartite, nodes, others)


def _projection(bipartite: nx.Graph, side: int) -> nx.Graph:
    nodes, others, incidence = side_incidence(bipartite, side)
    shared = incidence @ incidence.T
    degree = incidence.sum(axis=1)
    other_degree = incidence.sum(axis=0)
    inverse = np.divide(1.0, other_degree - 1, out=np.zeros(len(others)), where=other_degree > 1)
    newman = (incidence * inverse) @ incidence.T
    graph = nx.Graph(name=("actors", "processes")[side])
    count = "processes" if side == 0 else "members"
    graph.add_nodes_from(
        (node, {**bipartite.nodes[node], count: int(degree[i])}) for i, node in enumerate(nodes)
    )
    upper_i, upper_j = np.nonzero(np.triu(shared, 1))
    weights = shared[upper_i, upper_j]
    jaccard = weights / (degree[upper_i] + degree[upper_j] - weights)
    graph.add_edges_from(
        (nodes[i], nodes[j], {"weight": w, "jaccard": jac, "newman": new})
        for i, j, w, jac, new in zip(
            upper_i.tolist(),
            upper_j.tolist(),
            weights.tolist(),
            jaccard.tolist(),
            newman[upper_i, upper_j].tolist(),
            strict=True,
        )
    )
    return graph


def actor_projection(bipartite: nx.Graph) -> nx.Graph:
    """Actors linked by the processes they share (every actor, isolated or not).

    Parameters
    ----------
    bipartite
        A graph from :func:`~mig_graph.network.bipartite.bipartite_graph`.

    Returns
    -------
    networkx.Graph
        Edge attributes: ``weight`` (processes shared), ``jaccard`` (shared / processes of
        either), ``newman`` (Newman's collaboration weight).  Node attributes: the bipartite
        graph's and ``processes`` (how many).

    Examples
    --------
    >>> from mig_graph.network.bipartite import bipartite_graph
    >>> from mig_graph.network.read import LinkRow
    >>> rows = [LinkRow("membership", a, p, "member", "", "", "", "")
    ...         for a, p in [("state/A", "process/p"), ("state/B", "process/p"), ("state/B", "process/q")]]
    >>> edge = actor_projection(bipartite_graph(rows)).edges["state/A", "state/B"]
    >>> edge["weight"], edge["jaccard"], edge["newman"]
    (1, 0.5, 1.0)
    """
    return _projection(bipartite, 0)


def process_projection(bipartite: nx.Graph) -> nx.Graph:
    """Processes linked by the actors they share (every process, isolated or not).

    Parameters
    ----------
    bipartite
        A graph from :func:`~mig_graph.network.bipartite.bipartite_graph`.

    Returns
    -------
    networkx.Graph
        Edge attributes as in :func:`actor_projection`; node attribute ``members``.

    Examples
    --------
    >>> from mig_graph.network.bipartite import bipartite_graph
    >>> from mig_graph.network.read import LinkRow
    >>> rows = [LinkRow("membership", a, p, "member", "", "", "", "")
    ...         for a, p in [("state/A", "process/p"), ("state/B", "process/p"), ("state/B", "process/q")]]
    >>> edge = process_projection(bipartite_graph(rows)).edges["process/p", "process/q"]
    >>> edge["weight"], edge["jaccard"]
    (1, 0.5)
    """
    return _projection(bipartite, 1)


def shared_blocks(incidence: np.ndarray) -> Iterator[tuple[int, np.ndarray]]:
    """The neighbours shared by each pair of rows, by blocks of rows.

    Parameters
    ----------
    incidence
        An incidence matrix ``B`` (:func:`incidence_matrix`).

    Yields
    ------
    tuple of (int, numpy.ndarray)
        ``(start, B[start:stop] Bᵀ)``, in float32 (exact: the counts are far below 2²⁴), each
        block of about :data:`BLOCK_ELEMENTS` elements.

    Examples
    --------
    >>> [(start, block.tolist()) for start, block in shared_blocks(np.array([[1, 0], [1, 1]]))]
    [(0, [[1.0, 1.0], [1.0, 2.0]])]
    """
    matrix = incidence.astype(np.float32)
    rows = max(1, BLOCK_ELEMENTS // max(1, len(matrix)))
    for start in range(0, len(matrix), rows):
        yield start, matrix[start : start + rows] @ matrix.T


def shares_a_neighbour(incidence: np.ndarray) -> np.ndarray:
    """The projection's adjacency: which pairs of rows share a column.

    Parameters
    ----------
    incidence
        An incidence matrix (:func:`incidence_matrix`).

    Returns
    -------
    numpy.ndarray
        Boolean, rows × rows, ``False`` on the diagonal.

    Examples
    --------
    >>> shares_a_neighbour(np.array([[1, 0], [1, 1], [0, 0]])).tolist()
    [[False, True, False], [True, False, False], [False, False, False]]
    """
    adjacency = np.zeros((len(incidence), len(incidence)), dtype=bool)
    for start, shared in shared_blocks(incidence):
        adjacency[start : start + len(shared)] = shared > 0
    np.fill_diagonal(adjacency, False)
    return adjacency


def projection_size(bipartite: nx.Graph, side: int) -> tuple[int, int]:
    """Nodes and edges of a projection, counted without building it.

    Parameters
    ----------
    bipartite
        A graph from :func:`~mig_graph.network.bipartite.bipartite_graph`.
    side
        0: the actor projection; 1: the process projection.

    Returns
    -------
    tuple of (int, int)
        The side's nodes, and the pairs of them that share a neighbour.

    Examples
    --------
    >>> from mig_graph.network.bipartite import bipartite_graph
    >>> from mig_graph.network.read import LinkRow
    >>> rows = [LinkRow("membership", a, p, "member", "", "", "", "")
    ...         for a, p in [("state/A", "process/p"), ("state/B", "process/p"), ("state/C", "process/q")]]
    >>> projection_size(bipartite_graph(rows), 0), projection_size(bipartite_graph(rows), 1)
    ((3, 1), (2, 0))
    """
    nodes, _, incidence = side_incidence(bipartite, side)
    if not nodes:
        return 0, 0
    edges = 0
    for start, shared in shared_blocks(incidence):
        edges += int(np.count_nonzero(np.triu(shared, start + 1)))
    return len(nodes), edges
