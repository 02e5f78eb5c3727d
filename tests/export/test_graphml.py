"""mig_graph.export.graphml: read back by NetworkX and igraph, attributes typed; the view's
picture for Gephi (``x``, ``y``, ``size``, ``color``) and for yEd (yFiles graphics)."""

from __future__ import annotations

from xml.etree import ElementTree

import igraph
import networkx as nx

from mig_graph.export import write_graphml
from mig_graph.export.graphml import YFILES_NAMESPACE
from mig_graph.network.layout import drawing

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
Y = f"{{{YFILES_NAMESPACE}}}"


def test_graphml_is_read_back_by_networkx_and_igraph_with_typed_attributes(graph, tmp_path):
    path = write_graphml(graph, tmp_path / "graph.graphml")
    read = nx.read_graphml(path)
    assert (read.number_of_nodes(), read.number_of_edges()) == (
        graph.number_of_nodes(),
        graph.number_of_edges(),
    )
    node = next(iter(graph))
    drawn = drawing(graph)[node]
    assert read.nodes[node] == {
        **graph.nodes[node],
        "x": drawn.x,
        "y": drawn.y_up,
        "size": drawn.radius,
        "color": drawn.colour,
        "label": read.nodes[node]["label"],  # yEd's label (the view's short name), read by NetworkX
        "shape_type": "ellipse",
    }
    assert isinstance(read.nodes[node]["bipartite"], int)
    u, v, data = next(iter(graph.edges(data=True)))
    assert read.edges[u, v] == data
    loaded = igraph.Graph.Read_GraphML(str(path))
    assert (loaded.vcount(), loaded.ecount()) == (graph.number_of_nodes(), graph.number_of_edges())
    assert sorted(loaded.vs["id"]) == sorted(graph)
    assert set(loaded.vs["label_fr"]) == {data["label_fr"] for _, data in graph.nodes(data=True)}
    assert loaded.vs["color"] == [drawn.colour for drawn in drawing(graph).values()]
    if "weight" in data:
        assert isinstance(loaded.es["weight"][0], float) and isinstance(read.edges[u, v]["weight"], int)
        assert sum(loaded.es["weight"]) == graph.size(weight="weight")


def test_graphml_of_the_bipartite_graph_has_positions_and_colours(graphs, tmp_path):
    path = write_graphml(graphs.bipartite, tmp_path / "bipartite.graphml")
    read = nx.read_graphml(path)
    ecuador, programme = read.nodes["state/ECU"], read.nodes["programme/mainstreaming-migration"]
    assert (ecuador["x"], ecuador["y"], ecuador["size"], ecuador["color"]) == (417.4, 643.3, 6.8, "#1f77b4")
    assert (programme["x"], programme["y"], programme["size"], programme["color"]) == (
        344.5,
        536.2,
        9.3,
        "#d62728",
    )
    assert ecuador["label"] == "ECU"
    # yEd's graphics: the same place, on a canvas whose y points down (the corner of the ellipse)
    nodes = {node.get("id"): node for node in ElementTree.parse(path).getroot().iter(f"{GRAPHML}node")}
    shape = nodes["state/ECU"].find(f"{GRAPHML}data/{Y}ShapeNode")
    geometry = {"x": "410.6", "y": "349.9", "width": "13.6", "height": "13.6"}
    assert shape.find(f"{Y}Geometry").attrib == geometry
    assert shape.find(f"{Y}Fill").attrib == {"color": "#1F77B4", "transparent": "false"}
    assert shape.find(f"{Y}Shape").get("type") == "ellipse"
    keys = ElementTree.parse(path).getroot().findall(f"{GRAPHML}key")
    assert {"for": "node", "id": "yfiles_nodegraphics", "yfiles.type": "nodegraphics"} in [
        key.attrib for key in keys
    ]
