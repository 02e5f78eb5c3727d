"""GraphML (yEd, Gephi, igraph, NetworkX), attributes typed string/int/double/boolean.

Every node carries the view's picture twice, for the two families of readers:

- data keys ``x``, ``y`` (the seeded layout, y pointing up as Gephi reads it), ``size`` (the
  radius) and ``color`` (``#rrggbb``, its kind's colour), the names Gephi's GraphML importer
  maps to a node's position, size and colour;
- a yFiles ``nodegraphics`` key (``y:ShapeNode``: geometry on the canvas, y down, fill colour,
  an ellipse and the view's short label), which yEd draws.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element, SubElement

import networkx as nx
from networkx.readwrite.graphml import GraphMLWriter

from mig_graph.export.sink import Sink, check_attributes
from mig_graph.network import distinct_names
from mig_graph.network.layout import NodeDrawing, drawing

__all__ = ["SINK", "YFILES_NAMESPACE", "write_graphml"]

YFILES_NAMESPACE = "http://www.yworks.com/xml/graphml"
"""The namespace of yEd's graphics (``y:ShapeNode``)."""

_GRAPHICS_KEY = "yfiles_nodegraphics"


def _shape_node(drawn: NodeDrawing, label: str) -> Element:
    """A node's yFiles graphics: a filled ellipse at its place on the canvas, with its label."""
    data = Element("data", key=_GRAPHICS_KEY)
    shape = SubElement(data, "y:ShapeNode")
    side = f"{2 * drawn.radius:.1f}"
    SubElement(
        shape,
        "y:Geometry",
        x=f"{drawn.x - drawn.radius:.1f}",
        y=f"{drawn.y - drawn.radius:.1f}",
        width=side,
        height=side,
    )
    SubElement(shape, "y:Fill", color=drawn.colour.upper(), transparent="false")
    SubElement(shape, "y:BorderStyle", color="#FFFFFF", type="line", width="1.0")
    SubElement(shape, "y:NodeLabel", modelName="sides", modelPosition="e").text = label
    SubElement(shape, "y:Shape", type="ellipse")
    return data


def write_graphml(graph: nx.Graph, path: Path) -> Path:
    """GraphML with typed attribute keys (``attr.type`` string, int, double or boolean), each
    node with its place, size and colour for Gephi and its yFiles graphics for yEd.

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
    written = graph.copy()
    for node, picture in drawn.items():
        written.nodes[node].update(x=picture.x, y=picture.y_up, size=picture.radius, color=picture.colour)
    names = distinct_names([data for _, data in graph.nodes(data=True)], limit=32)
    labels = dict(zip(graph, names, strict=True))
    writer = GraphMLWriter(encoding="utf-8", prettyprint=True, named_key_ids=True)
    writer.add_graph_element(written)
    writer.xml.set("xmlns:y", YFILES_NAMESPACE)
    writer.xml.insert(0, Element("key", {"for": "node", "id": _GRAPHICS_KEY, "yfiles.type": "nodegraphics"}))
    for element in writer.xml.iter("node"):
        node = element.get("id")
        element.insert(0, _shape_node(drawn[node], labels[node]))  # first: its x and y are corners
    with path.open("wb") as stream:
        writer.dump(stream)
    return path


SINK = Sink("graphml", ".graphml", write_graphml)
