"""mig_graph.export.csv_tables: a row per node and per edge."""

from __future__ import annotations

import csv

from mig_graph.export import export_graph


def test_csv_has_a_row_per_node_and_edge(graph, tmp_path):
    nodes_path, edges_path, graph_path = export_graph(graph, "csv", tmp_path / "csv")
    with nodes_path.open(encoding="utf-8", newline="") as stream:
        nodes = list(csv.DictReader(stream))
    with edges_path.open(encoding="utf-8", newline="") as stream:
        edges = list(csv.DictReader(stream))
    assert (len(nodes), len(edges)) == (graph.number_of_nodes(), graph.number_of_edges())
    ids = {row["id"] for row in nodes}
    assert all(row["source"] in ids and row["target"] in ids for row in edges)
    assert {"iri", "kind", "label_en", "label_fr", "iso_alpha3", "wikidata"} <= set(nodes[0])
    with graph_path.open(encoding="utf-8", newline="") as stream:
        described = {row["attribute"]: row["value"] for row in csv.DictReader(stream)}
    assert described == {key: str(value) for key, value in graph.graph.items()}
