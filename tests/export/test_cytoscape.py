"""mig_graph.export.cytoscape: the elements Cytoscape.js expects."""

from __future__ import annotations

import json

from mig_graph.export import export_graph


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
