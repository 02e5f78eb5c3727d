"""mig_graph.export.gexf: read back by NetworkX; the bipartite graph dynamic."""

from __future__ import annotations

import networkx as nx

from mig_graph.export import write_gexf
from mig_graph.network.layout import drawing


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


def test_gexf_carries_the_views_picture_in_the_viz_namespace(graph, tmp_path):
    path = write_gexf(graph, tmp_path / "graph.gexf")
    assert 'xmlns:viz="http://www.gexf.net/1.2draft/viz"' in path.read_text(encoding="utf-8")
    read = nx.read_gexf(path)
    for node, drawn in drawing(graph).items():  # the layout the view and the report draw
        red, green, blue = drawn.rgb
        assert read.nodes[node]["viz"] == {
            "position": {"x": drawn.x, "y": drawn.y_up, "z": 0.0},  # y up: 1000 - y
            "color": {"r": red, "g": green, "b": blue, "a": 1.0},
            "size": drawn.radius,
        }


def test_gexf_viz_of_two_nodes_of_the_bipartite_graph(graphs, tmp_path):
    read = nx.read_gexf(write_gexf(graphs.bipartite, tmp_path / "bipartite.gexf"))
    assert read.nodes["state/ECU"]["viz"] == {  # a state (blue), three links
        "position": {"x": 417.4, "y": 643.3, "z": 0.0},  # y up: the view's 356.7 from the top
        "color": {"r": 31, "g": 119, "b": 180, "a": 1.0},
        "size": 6.8,
    }
    assert read.nodes["programme/mainstreaming-migration"]["viz"] == {  # a joint programme (red), 11 links
        "position": {"x": 344.5, "y": 536.2, "z": 0.0},
        "color": {"r": 214, "g": 39, "b": 40, "a": 1.0},
        "size": 9.3,
    }
