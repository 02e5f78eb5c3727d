"""mig_graph.export.d3: node-link JSON that NetworkX reads back."""

from __future__ import annotations

import json

import networkx as nx

from mig_graph.export import export_graph
from mig_graph.export.d3 import write_d3
from mig_graph.export.sink import json_text


def test_d3_json_has_nodes_and_links(graph, tmp_path):
    (path,) = export_graph(graph, "d3", tmp_path / "graph.json")
    document = json.loads(path.read_text(encoding="utf-8"))
    ids = {node["id"] for node in document["nodes"]}
    assert len(ids) == len(document["nodes"]) == graph.number_of_nodes()
    assert len(document["links"]) == graph.number_of_edges()
    assert all(link["source"] in ids and link["target"] in ids for link in document["links"])
    assert nx.node_link_graph(document, edges="links").number_of_edges() == graph.number_of_edges()


def test_the_streamed_d3_json_has_the_bytes_of_networkx_node_link_data(graph, tmp_path):
    whole = json_text(nx.node_link_data(graph, edges="links"))
    assert write_d3(graph, tmp_path / "g.json").read_text(encoding="utf-8") == whole
