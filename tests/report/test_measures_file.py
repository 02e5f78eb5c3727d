"""``measures.csv``: one row per node with its measures, the same values as the report's tables."""

from __future__ import annotations

import csv

from mig_graph.network import communities, projection_centralities
from mig_graph.report import write_report
from mig_graph.report.measures_file import MEASURE_COLUMNS, measures_rows, write_measures


def test_one_row_per_node_actors_then_processes(graphs):
    rows = measures_rows(graphs)
    assert len(rows) == graphs.bipartite.number_of_nodes()
    sides = [row["side"] for row in rows]
    assert sides == sorted(sides)  # "actor" rows, then "process" rows
    assert [row["id"] for row in rows if row["side"] == "actor"] == sorted(
        node for node, side in graphs.bipartite.nodes(data="bipartite") if side == 0
    )


def test_midiocc_and_its_members(graphs):
    rows = {row["id"]: row for row in measures_rows(graphs)}
    midiocc = rows["process/midiocc"]
    assert (midiocc["side"], midiocc["kind"], midiocc["acronym_en"]) == (
        "process",
        "inter-regional-forum",
        "MiDIOCC",
    )
    assert midiocc["links"] == "5"  # its five member states in the seed graph
    assert rows["state/MUS"]["iso_alpha3"] == "MUS"
    assert rows["state/MUS"]["label_fr"] == "Maurice"


def test_the_values_are_those_of_the_measures(graphs):
    rows = {row["id"]: row for row in measures_rows(graphs)}
    for side, projection in ((0, graphs.actors), (1, graphs.processes)):
        for measure in projection_centralities(graphs.bipartite, side):
            row = rows[measure.node]
            assert row["degree"] == str(measure.degree)
            assert row["strength"] == f"{measure.strength:g}"
            assert row["betweenness"] == f"{measure.betweenness:.6f}"
            assert row["eigenvector"] == f"{measure.eigenvector:.6f}"
        for number, part in enumerate(communities(projection), start=1):
            assert {rows[node]["community"] for node in part} == {str(number)}


def test_written_with_the_report(tmp_path, graphs):
    written = write_report(graphs, tmp_path)
    assert written[2] == tmp_path / "measures.csv"
    with (tmp_path / "measures.csv").open(encoding="utf-8", newline="") as table:
        reader = csv.DictReader(table)
        assert tuple(reader.fieldnames or ()) == MEASURE_COLUMNS
        assert len(list(reader)) == graphs.bipartite.number_of_nodes()
    again = write_measures(graphs, tmp_path / "again.csv")
    assert again.read_bytes() == (tmp_path / "measures.csv").read_bytes()


def test_a_projection_too_large_to_build_leaves_its_communities_empty(graphs, monkeypatch):
    from mig_graph.network import projection_size
    from mig_graph.report import measures_file

    whole = measures_rows(graphs)
    actor_edges = projection_size(graphs.bipartite, 0)[1]
    process_edges = projection_size(graphs.bipartite, 1)[1]
    assert actor_edges != process_edges
    monkeypatch.setattr(measures_file, "COMMUNITY_EDGE_LIMIT", min(actor_edges, process_edges))
    limited = measures_rows(graphs)
    larger = "actor" if actor_edges > process_edges else "process"
    for row, before in zip(limited, whole, strict=True):
        expected = "" if row["side"] == larger else before["community"]
        assert row == {**before, "community": expected}
    assert any(row["community"] for row in whole if row["side"] == larger)
