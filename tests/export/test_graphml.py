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


def _networkx_graphml(graph: nx.Graph, path) -> bytes:
    """The document as the writer made it before it streamed: NetworkX's ``GraphMLWriter`` building
    the whole tree, the yFiles key and graphics inserted into it."""
    from xml.etree.ElementTree import Element, SubElement

    from networkx.readwrite.graphml import GraphMLWriter

    from mig_graph.network import distinct_names

    drawn = drawing(graph)
    written = graph.copy()
    for node, picture in drawn.items():
        written.nodes[node].update(x=picture.x, y=picture.y_up, size=picture.radius, color=picture.colour)
    names = distinct_names([data for _, data in graph.nodes(data=True)], limit=32)
    labels = dict(zip(graph, names, strict=True))
    writer = GraphMLWriter(encoding="utf-8", prettyprint=True, named_key_ids=True)
    writer.add_graph_element(written)
    writer.xml.set("xmlns:y", YFILES_NAMESPACE)
    writer.xml.insert(
        0, Element("key", {"for": "node", "id": "yfiles_nodegraphics", "yfiles.type": "nodegraphics"})
    )
    for element in writer.xml.iter("node"):
        picture, data = drawn[element.get("id")], Element("data", key="yfiles_nodegraphics")
        shape = SubElement(data, "y:ShapeNode")
        side = f"{2 * picture.radius:.1f}"
        corner = {"x": f"{picture.x - picture.radius:.1f}", "y": f"{picture.y - picture.radius:.1f}"}
        SubElement(shape, "y:Geometry", **corner, width=side, height=side)
        SubElement(shape, "y:Fill", color=picture.colour.upper(), transparent="false")
        SubElement(shape, "y:BorderStyle", color="#FFFFFF", type="line", width="1.0")
        SubElement(shape, "y:NodeLabel", modelName="sides", modelPosition="e").text = labels[
            element.get("id")
        ]
        SubElement(shape, "y:Shape", type="ellipse")
        element.insert(0, data)
    with path.open("wb") as stream:
        writer.dump(stream)
    return path.read_bytes()


def test_the_streamed_graphml_has_the_bytes_of_networkx_whole_tree(graph, tmp_path):
    streamed = write_graphml(graph, tmp_path / "streamed.graphml").read_bytes()
    assert streamed == _networkx_graphml(graph, tmp_path / "tree.graphml")
    assert [path.name for path in tmp_path.iterdir()] != [] and not list(tmp_path.glob(".*"))


def test_graphml_lines_write_from_iterators_read_once(graphs, tmp_path):
    from mig_graph.export.graphml import graphml_keys, graphml_lines

    graph = graphs.bipartite
    drawn = drawing(graph)
    records = {node: {**data, "x": 1.5, "y": 2.5} for node, data in graph.nodes(data=True)}
    keys = graphml_keys(graph.graph, iter(records.values()), (data for _, _, data in graph.edges(data=True)))
    nodes = ((node, record, drawn[node], node.upper()) for node, record in records.items())
    lines = graphml_lines(graph.graph, iter(keys), nodes, iter(list(graph.edges(data=True))))
    path = tmp_path / "lines.graphml"
    path.write_text("".join(lines), encoding="utf-8")
    read = nx.read_graphml(path)
    assert list(read) == list(graph) and read.number_of_edges() == graph.number_of_edges()
    assert read.nodes["state/ECU"] == {
        **graph.nodes["state/ECU"],
        "x": 1.5,
        "y": 2.5,
        "label": "STATE/ECU",
        "shape_type": "ellipse",
    }
    assert read.graph == {**graph.graph, "node_default": {}, "edge_default": {}}


def test_a_graphml_write_that_fails_midway_leaves_the_old_file(graphs, tmp_path, monkeypatch):
    from mig_graph.export import graphml

    path = tmp_path / "bipartite.graphml"
    path.write_text("old", encoding="utf-8")

    def failing(*arguments):
        yield "<?xml version='1.0' encoding='utf-8'?>\n"
        raise OSError("disk full")

    monkeypatch.setattr(graphml, "graphml_lines", failing)
    try:
        write_graphml(graphs.bipartite, path)
    except OSError as error:
        assert str(error) == "disk full"
    else:
        raise AssertionError("no error")
    assert path.read_text(encoding="utf-8") == "old"
    assert sorted(item.name for item in tmp_path.iterdir()) == ["bipartite.graphml"]
