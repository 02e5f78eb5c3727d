"""GraphML (yEd, Gephi, igraph, NetworkX), attributes typed string/long/double/boolean.

Every node carries the view's picture twice, for the two families of readers:

- data keys ``x``, ``y`` (the seeded layout, y pointing up as Gephi reads it), ``size`` (the
  radius) and ``color`` (``#rrggbb``, its kind's colour), the names Gephi's GraphML importer
  maps to a node's position, size and colour;
- a yFiles ``nodegraphics`` key (``y:ShapeNode``: geometry on the canvas, y down, fill colour,
  an ellipse and the view's short label), which yEd draws.

The file is streamed (:func:`graphml_lines`): each node and edge is written as it is read, and
nothing but the keys, the layout and the short labels is held besides the graph.  The keys (one
per attribute name, type and scope, as NetworkX's ``GraphMLWriter`` with ``named_key_ids``
declares them) come before the graph, so a first pass over the attributes finds them; the bytes
are those NetworkX's writer gives for the same graph.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from mig_graph.export.sink import Sink, check_attributes, staged_files
from mig_graph.export.xmltext import empty, escape_attribute, escape_text, leaf, opening, peek
from mig_graph.network import distinct_names
from mig_graph.network.layout import NodeDrawing, drawing

__all__ = ["SINK", "YFILES_NAMESPACE", "GraphmlKey", "graphml_keys", "graphml_lines", "write_graphml"]

YFILES_NAMESPACE = "http://www.yworks.com/xml/graphml"
"""The namespace of yEd's graphics (``y:ShapeNode``)."""

_GRAPHML_NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
_XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance"
_SCHEMA_LOCATION = f"{_GRAPHML_NAMESPACE} {_GRAPHML_NAMESPACE}/1.0/graphml.xsd"
_GRAPHICS_KEY = "yfiles_nodegraphics"
_TYPES = {str: "string", int: "long", float: "double", bool: "boolean"}
_UNWRITTEN_GRAPH_KEYS = ("node_default", "edge_default", "id")

GraphmlKey = tuple[str, str, str]
"""A key: its scope (``graph``, ``node``, ``edge``), attribute name and GraphML type."""


def _type(value: object) -> str:
    try:
        return _TYPES[type(value)]
    except KeyError:
        raise TypeError(f"GraphML cannot write a {type(value).__name__} value") from None


def graphml_keys(
    graph_attributes: Mapping[str, Any],
    nodes: Iterable[Mapping[str, Any]],
    edges: Iterable[Mapping[str, Any]],
) -> list[GraphmlKey]:
    """The keys of a document, in the order first met (graph, then nodes, then edges).

    Parameters
    ----------
    graph_attributes
        The graph's attributes.
    nodes, edges
        Each node's and each edge's attributes as written (any iterables, read once).

    Returns
    -------
    list of GraphmlKey
        ``(scope, name, type)``, each once.

    Examples
    --------
    >>> graphml_keys({"name": "g"}, [{"bipartite": 0}], [{"weight": 1.5}, {"weight": 2.0}])
    [('graph', 'name', 'string'), ('node', 'bipartite', 'long'), ('edge', 'weight', 'double')]
    """
    keys: dict[GraphmlKey, None] = {}
    for scope, records in (("graph", [_graph_data(graph_attributes)]), ("node", nodes), ("edge", edges)):
        for record in records:
            for name, value in record.items():
                keys[scope, str(name), _type(value)] = None
    return list(keys)


def _graph_data(graph_attributes: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in graph_attributes.items() if key not in _UNWRITTEN_GRAPH_KEYS}


def _shape_node(drawn: NodeDrawing, label: str) -> str:
    """A node's yFiles graphics: a filled ellipse at its place on the canvas, with its label."""
    side = f"{2 * drawn.radius:.1f}"
    geometry = {"x": f"{drawn.x - drawn.radius:.1f}", "y": f"{drawn.y - drawn.radius:.1f}"}
    return "".join(
        (
            opening(3, "data", {"key": _GRAPHICS_KEY}),
            opening(4, "y:ShapeNode"),
            empty(5, "y:Geometry", {**geometry, "width": side, "height": side}),
            empty(5, "y:Fill", {"color": drawn.colour.upper(), "transparent": "false"}),
            empty(5, "y:BorderStyle", {"color": "#FFFFFF", "type": "line", "width": "1.0"}),
            leaf(5, "y:NodeLabel", {"modelName": "sides", "modelPosition": "e"}, label),
            empty(5, "y:Shape", {"type": "ellipse"}),
            "        </y:ShapeNode>\n",
            "      </data>\n",
        )
    )


def _data(depth: int, record: Mapping[str, Any]) -> str:
    """The ``data`` lines of a record (as :func:`~mig_graph.export.xmltext.leaf` writes them)."""
    pad = "  " * depth
    lines = []
    for name, value in record.items():
        key = escape_attribute(str(name))
        text = str(value)
        lines.append(
            f'{pad}<data key="{key}">{escape_text(text)}</data>\n' if text else f'{pad}<data key="{key}" />\n'
        )
    return "".join(lines)


def graphml_lines(
    graph_attributes: Mapping[str, Any],
    keys: Iterable[GraphmlKey],
    nodes: Iterable[tuple[str, Mapping[str, Any], NodeDrawing, str]],
    edges: Iterable[tuple[str, str, Mapping[str, Any]]],
) -> Iterator[str]:
    """The document's text, a node or an edge at a time (nothing is held but the current one).

    Parameters
    ----------
    graph_attributes
        The graph's attributes (``id``, if any, is the graph element's).
    keys
        The keys (:func:`graphml_keys`).
    nodes
        ``(node, attributes, drawing, label)``: each node's identifier, its attributes as
        written, its picture and the short label yEd shows (any iterable, read once).
    edges
        ``(source, target, attributes)`` (any iterable, read once).

    Yields
    ------
    str
        The declaration and the keys, then each node's and each edge's lines, then the graph's
        attributes and the end.
    """
    yield "<?xml version='1.0' encoding='utf-8'?>\n"
    yield opening(
        0,
        "graphml",
        {
            "xmlns": _GRAPHML_NAMESPACE,
            "xmlns:xsi": _XSI_NAMESPACE,
            "xsi:schemaLocation": _SCHEMA_LOCATION,
            "xmlns:y": YFILES_NAMESPACE,
        },
    )
    yield empty(1, "key", {"for": "node", "id": _GRAPHICS_KEY, "yfiles.type": "nodegraphics"})
    for scope, name, kind in reversed(list(keys)):  # NetworkX inserts each new key first
        yield empty(1, "key", {"id": name, "for": scope, "attr.name": name, "attr.type": kind})
    element = {"edgedefault": "undirected"}
    if "id" in graph_attributes:
        element["id"] = str(graph_attributes["id"])
    data = _graph_data(graph_attributes)
    has_nodes, nodes = peek(nodes)
    has_edges, edges = peek(edges)
    if not (data or has_nodes or has_edges):
        yield empty(1, "graph", element)
        yield "</graphml>\n"
        return
    yield opening(1, "graph", element)
    for node, record, drawn, label in nodes:
        yield (
            opening(2, "node", {"id": str(node)})
            + _shape_node(drawn, label)
            + _data(3, record)
            + "    </node>\n"
        )
    for u, v, record in edges:
        ends = {"source": str(u), "target": str(v)}
        if record:
            yield opening(2, "edge", ends) + _data(3, record) + "    </edge>\n"
        else:
            yield empty(2, "edge", ends)
    yield _data(2, data)  # after the nodes and edges, where NetworkX's writer puts them
    yield "  </graph>\n</graphml>\n"


def _with_picture(data: Mapping[str, Any], drawn: NodeDrawing) -> dict[str, Any]:
    """A node's attributes as written: its own, then (or replacing) Gephi's ``x``, ``y``, ``size``
    and ``color``."""
    return {**data, "x": drawn.x, "y": drawn.y_up, "size": drawn.radius, "color": drawn.colour}


def write_graphml(graph: nx.Graph, path: Path) -> Path:
    """GraphML with typed attribute keys (``attr.type`` string, long, double or boolean), each
    node with its place, size and colour for Gephi and its yFiles graphics for yEd, streamed to
    a temporary file renamed to ``path`` when complete.

    Parameters
    ----------
    graph : networkx.Graph
        An analysis graph.
    path : pathlib.Path
        The file written.

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    check_attributes(graph)
    drawn = drawing(graph)
    names = distinct_names([data for _, data in graph.nodes(data=True)], limit=32)
    labels = dict(zip(graph, names, strict=True))
    keys = graphml_keys(
        graph.graph,
        (_with_picture(data, drawn[node]) for node, data in graph.nodes(data=True)),
        (data for _, _, data in graph.edges(data=True)),
    )
    nodes = (
        (node, _with_picture(data, drawn[node]), drawn[node], labels[node])
        for node, data in graph.nodes(data=True)
    )
    with staged_files([path]) as (staged,), staged.open("w", encoding="utf-8", newline="\n") as stream:
        stream.writelines(graphml_lines(graph.graph, keys, nodes, graph.edges(data=True)))
    return path


SINK = Sink("graphml", ".graphml", write_graphml)
