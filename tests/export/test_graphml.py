"""mig_graph.export.graphml: read back by NetworkX and igraph, attributes typed."""

from __future__ import annotations

import igraph
import networkx as nx

from mig_graph.export import write_graphml


def test_graphml_is_read_back_by_networkx_and_igraph_with_typed_attributes(graph, tmp_path):
    path = write_graphml(graph, tmp_path / "graph.graphml")
    read = nx.read_graphml(path)
    assert (read.number_of_nodes(), read.number_of_edges()) == (
        graph.number_of_nodes(),
        graph.number_of_edges(),
    )
    node = next(iter(graph))
    assert read.nodes[node] == graph.nodes[node]
    assert isinstance(read.nodes[node]["bipartite"], int)
    u, v, data = next(iter(graph.edges(data=True)))
    assert read.edges[u, v] == data
    loaded = igraph.Graph.Read_GraphML(str(path))
    assert (loaded.vcount(), loaded.ecount()) == (graph.number_of_nodes(), graph.number_of_edges())
    assert sorted(loaded.vs["id"]) == sorted(graph)
    assert set(loaded.vs["label_fr"]) == {data["label_fr"] for _, data in graph.nodes(data=True)}
    if "weight" in data:
        assert isinstance(loaded.es["weight"][0], float) and isinstance(read.edges[u, v]["weight"], int)
        assert sum(loaded.es["weight"]) == graph.size(weight="weight")
