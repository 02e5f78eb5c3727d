"""mig_graph.export.gexf: read back by NetworkX; the bipartite graph dynamic."""

from __future__ import annotations

import networkx as nx

from mig_graph.export import write_gexf


def test_gexf_is_read_back_by_networkx(graph, tmp_path):
    path = write_gexf(graph, tmp_path / "graph.gexf")
    text = path.read_text(encoding="utf-8")
    assert 'xmlns="http://www.gexf.net/1.2draft"' in text and 'version="1.2"' in text
    read = nx.read_gexf(path)
    assert (read.number_of_nodes(), read.number_of_edges()) == (
        graph.number_of_nodes(),
        graph.number_of_edges(),
    )
    node, data = next(iter(graph.nodes(data=True)))
    assert read.nodes[node]["label"] == data["label_en"]


def test_gexf_of_the_bipartite_graph_has_the_time_intervals(graphs, tmp_path):
    path = write_gexf(graphs.bipartite, tmp_path / "bipartite.gexf")
    assert 'mode="dynamic"' in path.read_text(encoding="utf-8")
    assert 'timeformat="date"' in path.read_text(encoding="utf-8")
    read = nx.read_gexf(path)
    ecuador = read.edges["state/ECU", "programme/mainstreaming-migration"]
    assert ecuador["start"] == "2014-02-01" and "end" not in ecuador  # a membership from Feb. 2014
    assert ecuador["date_start"] == "2014-02"
    lima = read.edges["state/ECU", "meeting/lima-ministerial-2006"]
    assert lima["start"] == "2006-05-15" and "end" not in lima  # counted from the meeting on
    assert (lima["date_start"], lima["date_end"]) == ("2006-05-15", "2006-05-16")
    assert "start" not in read.edges["state/FRA", "org/coi"]  # undated: always
    assert read.nodes["state/KGZ"]["start"] == "2014-02-01"  # from its first (only) link
    assert "start" not in read.nodes["state/FRA"]
    dated = sum("start" in data for _, _, data in read.edges(data=True))
    assert dated == sum(bool(data["start"]) for _, _, data in graphs.bipartite.edges(data=True))
