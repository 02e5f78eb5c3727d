"""How graphs are drawn: node positions, sizes and colours, shared by the interactive view, the
plots and the exports that carry positions (GEXF, GraphML, Cytoscape.js).

>>> import networkx as nx
>>> positions = layout(nx.path_graph(3))
>>> sorted(positions) == [0, 1, 2] and all(40 <= x <= 960 and 40 <= y <= 960 for x, y in positions.values())
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx

from mig_graph.network.labels import KINDS
from mig_graph.network.seed import SEED

__all__ = [
    "CANVAS",
    "FALLBACK_COLOUR",
    "KIND_COLOURS",
    "NodeDrawing",
    "drawing",
    "layout",
    "most_linked",
    "node_radius",
]

_PALETTE = (
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
    "#bcbd22", "#7f7f7f", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd",
    "#525252", "#31a354",
)  # fmt: skip
KIND_COLOURS: dict[str, str] = {kind: _PALETTE[i % len(_PALETTE)] for i, (_, kind) in enumerate(KINDS)}
"""A fixed colour per node kind (the same in the HTML view and the report's plots)."""


def _ordered_subgraph(graph: nx.Graph, nodes: set[str]) -> nx.Graph:
    """The induced subgraph with the graph's node order (``graph.subgraph`` follows the order of
    a set, which changes from run to run with string hashing, and so would the layout)."""
    subgraph = nx.Graph()
    subgraph.add_nodes_from((node, graph.nodes[node]) for node in graph if node in nodes)
    subgraph.add_edges_from((u, v) for u, v in graph.edges(subgraph) if v in nodes)
    return subgraph


def most_linked(graph: nx.Graph, count: int) -> nx.Graph:
    """The subgraph induced by the ``count`` nodes with most links: what a drawing of a large
    graph shows.

    Parameters
    ----------
    graph
        Any graph.
    count
        How many nodes to keep.

    Returns
    -------
    networkx.Graph
        The nodes with most links (ties by identifier), in the graph's node order, and the
        edges between them (without their attributes).

    Examples
    --------
    >>> sorted(most_linked(nx.star_graph(4), 2).edges())
    [(0, 1)]
    """
    chosen = set(sorted(graph, key=lambda node: (-graph.degree(node), str(node)))[:count])
    return _ordered_subgraph(graph, chosen)


def _component_layout(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Positions of one connected component in [0, 1]²: seeded spring layout, or a circle
    beyond 500 nodes (the spring layout of larger graphs needs SciPy)."""
    if len(graph) == 1:
        return {node: (0.5, 0.5) for node in graph}
    if len(graph) < 500:
        spread = 2 / math.sqrt(len(graph))  # twice networkx's default distance: fewer overlaps
        positions = nx.spring_layout(graph, k=spread, iterations=200, seed=SEED, weight=None, method="force")
    else:
        positions = nx.circular_layout(
            sorted(graph, key=lambda node: (graph.nodes[node].get("kind", ""), node))
        )
    xs = [float(x) for x, _ in positions.values()]
    ys = [float(y) for _, y in positions.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    return {
        node: ((float(x) - min(xs)) / span, (float(y) - min(ys)) / span) for node, (x, y) in positions.items()
    }


def layout(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Positions of every node, the same on every run.

    Each connected component is laid out on its own (a seeded spring layout, or a circle beyond
    500 nodes), in a square whose side grows with the square root of its size; the squares are
    packed in rows, largest first.

    Parameters
    ----------
    graph
        Any graph (a projection, the bipartite graph or a part of it).

    Returns
    -------
    dict
        Node → ``(x, y)`` in [40, 960]², rounded to 0.1.

    Examples
    --------
    Two isolated nodes: two squares, the second below the first (a row is 1.3 times as wide
    as the squares' total area allows).

    >>> layout(nx.empty_graph(["a", "b"]))
    {'a': (224.0, 224.0), 'b': (224.0, 776.0)}
    """
    components = sorted(nx.connected_components(graph), key=lambda part: (-len(part), min(part)))
    sizes = [math.sqrt(len(part)) for part in components]
    width = max([1.3 * math.sqrt(sum(size * size for size in sizes)), *sizes]) if sizes else 1.0
    placed: dict[str, tuple[float, float]] = {}
    x = y = row = 0.0
    for part, size in zip(components, sizes, strict=True):
        if x > 0 and x + size > width:
            x, y, row = 0.0, y + row + 0.5, 0.0
        for node, (u, v) in _component_layout(_ordered_subgraph(graph, part)).items():
            placed[node] = (x + 0.1 * size + 0.8 * size * u, y + 0.1 * size + 0.8 * size * v)
        x, row = x + size + 0.5, max(row, size)
    span = max([width, y + row]) or 1.0
    return {
        node: (round(40 + 920 * u / span, 1), round(40 + 920 * v / span, 1))
        for node, (u, v) in placed.items()
    }


FALLBACK_COLOUR = "#444444"
"""The colour of a node whose kind has none in :data:`KIND_COLOURS`."""

CANVAS = 1000.0
"""The side of the square the layout's positions are in (x right, y down, as on a screen)."""


def node_radius(degree: int) -> float:
    """A node's radius on the canvas: grows with the square root of its number of links.

    >>> node_radius(0), node_radius(4), node_radius(25)
    (4.0, 7.2, 12.0)
    """
    return round(4 + 1.6 * math.sqrt(degree), 1)


@dataclass(frozen=True)
class NodeDrawing:
    """How a node is drawn: its centre on the canvas (y down), radius and colour (``#rrggbb``)."""

    x: float
    y: float
    radius: float
    colour: str

    @property
    def rgb(self) -> tuple[int, int, int]:
        """The colour as red, green and blue, 0–255.

        >>> NodeDrawing(0, 0, 1, "#1f77b4").rgb
        (31, 119, 180)
        """
        return int(self.colour[1:3], 16), int(self.colour[3:5], 16), int(self.colour[5:7], 16)

    @property
    def y_up(self) -> float:
        """The height above the canvas' bottom edge, for tools whose y axis points up (Gephi).

        >>> NodeDrawing(10, 40, 1, "#000000").y_up
        960.0
        """
        return round(CANVAS - self.y, 1)


def drawing(graph: nx.Graph) -> dict[str, NodeDrawing]:
    """How every node is drawn: the positions of :func:`layout`, a radius by number of links
    (:func:`node_radius`) and the colour of its kind; what the view and every export with
    positions share.

    Parameters
    ----------
    graph
        Any graph; a node's ``kind`` attribute picks its colour.

    Returns
    -------
    dict
        Node → :class:`NodeDrawing`, in the graph's node order.

    Examples
    --------
    >>> graph = nx.Graph([("a", "b")])
    >>> graph.nodes["a"]["kind"] = "state"
    >>> drawing(graph)["a"].colour == KIND_COLOURS["state"], drawing(graph)["b"].colour
    (True, '#444444')
    """
    positions = layout(graph)
    return {
        node: NodeDrawing(
            positions[node][0],
            positions[node][1],
            node_radius(graph.degree(node)),
            KIND_COLOURS.get(data.get("kind", ""), FALLBACK_COLOUR),
        )
        for node, data in graph.nodes(data=True)
    }
