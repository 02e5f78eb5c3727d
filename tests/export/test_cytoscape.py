"""mig_graph.export.cytoscape: the elements Cytoscape.js expects."""

from __future__ import annotations

import json

from mig_graph.export import export_graph
from mig_graph.export.cytoscape import write_cytoscape
from mig_graph.export.sink import json_text
from mig_graph.network.layout import drawing


def test_cytoscape_json_has_the_elements_cytoscape_js_expects(graph, tmp_path):
    (path,) = export_graph(graph, "cyjs", tmp_path / "graph.cyjs")
    document = json.loads(path.read_text(encoding="utf-8"))
    nodes, edges = document["elements"]["nodes"], document["elements"]["edges"]
    assert (len(nodes), len(edges)) == (graph.number_of_nodes(), graph.number_of_edges())
    ids = [node["data"]["id"] for node in nodes]
    assert sorted(ids) == sorted(graph)
    edge_ids = [edge["data"]["id"] for edge in edges]
    assert len(set(edge_ids) | set(ids)) == len(edge_ids) + len(ids)  # ids unique across elements
    assert all({edge["data"]["source"], edge["data"]["target"]} <= set(ids) for edge in edges)
    assert all(isinstance(node["data"]["label"], str) and node["classes"] for node in nodes)


def test_cytoscape_nodes_have_the_views_positions_and_colours(graph, tmp_path):
    (path,) = export_graph(graph, "cyjs", tmp_path / "graph.cyjs")
    nodes = json.loads(path.read_text(encoding="utf-8"))["elements"]["nodes"]
    drawn = drawing(graph)
    assert [node["position"] for node in nodes] == [{"x": d.x, "y": d.y} for d in drawn.values()]
    assert [(node["data"]["color"], node["data"]["size"]) for node in nodes] == [
        (d.colour, d.radius) for d in drawn.values()
    ]


def test_cytoscape_positions_of_two_nodes_of_the_bipartite_graph(graphs, tmp_path):
    (path,) = export_graph(graphs.bipartite, "cyjs", tmp_path / "bipartite.cyjs")
    elements = json.loads(path.read_text(encoding="utf-8"))["elements"]
    nodes = {node["data"]["id"]: node for node in elements["nodes"]}
    ecuador, programme = nodes["state/ECU"], nodes["programme/mainstreaming-migration"]
    assert ecuador["position"] == {"x": 417.4, "y": 356.7}  # y down, as in the view
    assert (ecuador["data"]["color"], ecuador["data"]["size"]) == ("#1f77b4", 6.8)
    assert programme["position"] == {"x": 344.5, "y": 463.8}
    assert (programme["data"]["color"], programme["data"]["size"]) == ("#d62728", 9.3)


def test_the_streamed_cytoscape_json_has_the_bytes_of_the_whole_document(graphs, tmp_path):
    written = write_cytoscape(graphs.bipartite, tmp_path / "g.cyjs").read_text(encoding="utf-8")
    document = json.loads(written)
    assert written == json_text(document) and len(document["elements"]["edges"]) == 91
