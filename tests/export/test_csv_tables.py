"""mig_graph.export.csv_tables: a row per node and per edge."""

from __future__ import annotations

import csv
import io

from mig_graph.export import export_graph
from mig_graph.export.csv_tables import write_table


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


def test_the_streamed_tables_are_the_tables_written_from_lists(graph, tmp_path):
    nodes_path, edges_path, graph_path = export_graph(graph, "csv", tmp_path / "csv")
    for path, records, first in (
        (nodes_path, [{"id": node, **data} for node, data in graph.nodes(data=True)], ["id"]),
        (
            edges_path,
            [{"source": u, "target": v, **data} for u, v, data in graph.edges(data=True)],
            ["source", "target"],
        ),
        (
            graph_path,
            [{"attribute": key, "value": value} for key, value in graph.graph.items()],
            ["attribute", "value"],
        ),
    ):
        columns = list(dict.fromkeys(first + [key for record in records for key in record]))
        expected = io.StringIO()
        writer = csv.DictWriter(expected, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
        assert path.read_text(encoding="utf-8") == expected.getvalue()
    assert sorted(item.name for item in (tmp_path / "csv").iterdir()) == [
        "edges.csv",
        "graph.csv",
        "nodes.csv",
    ]


def test_write_table_writes_from_an_iterator():
    rows = ({"id": f"n{number}", "rank": number} for number in range(3))
    out = io.StringIO()
    write_table(out, ["id", "rank", "kind"], rows)
    assert out.getvalue() == "id,rank,kind\nn0,0,\nn1,1,\nn2,2,\n"
    assert next(rows, None) is None  # read once, to the end
