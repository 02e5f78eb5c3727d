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


def _networkx_gexf(graph: nx.Graph) -> str:
    """The document as the writer made it before it streamed: a dynamic (or static) copy of the
    graph, written whole by NetworkX's ``generate_gexf``."""
    import re

    from mig_graph.network import display_name
    from mig_graph.records.dates import PartialDate

    def spell(start, end):
        found = {"start": PartialDate(start).earliest.isoformat()} if start else {}
        return found | ({"end": PartialDate(end).latest.isoformat()} if end else {})

    dated = graph.number_of_edges() > 0 and all(
        "start" in data and "relation" in data for _, _, data in graph.edges(data=True)
    )
    if dated:
        written = nx.Graph()
        written.graph.update(graph.graph, mode="dynamic")
        for node, data in graph.nodes(data=True):
            record = {key: value for key, value in data.items() if key not in ("start", "end")}
            written.add_node(
                node,
                **record,
                date_start=data["start"],
                date_end=data["end"],
                label=display_name(data, short=False),
            )
        for u, v, data in graph.edges(data=True):
            end = data["end"] if "membership" in data["relation"].split() else ""
            record = {key: value for key, value in data.items() if key not in ("start", "end")}
            written.add_edge(
                u, v, **record, date_start=data["start"], date_end=data["end"], **spell(data["start"], end)
            )
        for node, data in written.nodes(data=True):
            spells = [written.edges[node, other] for other in written[node]]
            starts, ends = [s.get("start", "") for s in spells], [s.get("end", "") for s in spells]
            if starts and "" not in starts:
                data["start"] = min(starts)
            if ends and "" not in ends:
                data["end"] = max(ends)
    else:
        written = graph.copy()
        for _, data in written.nodes(data=True):
            data["label"] = display_name(data, short=False)
            for key in ("start", "end"):
                if key in data:
                    data[f"date_{key}"] = data.pop(key)
    for node, drawn in drawing(graph).items():
        red, green, blue = drawn.rgb
        written.nodes[node]["viz"] = {
            "position": {"x": drawn.x, "y": drawn.y_up, "z": 0.0},
            "color": {"r": red, "g": green, "b": blue, "a": 1.0},
            "size": drawn.radius,
        }
    text = "\n".join(nx.generate_gexf(written, encoding="utf-8", version="1.2draft"))
    return re.sub(r' lastmodifieddate="[^"]*"', "", text, count=1) + "\n"


def test_the_streamed_gexf_is_networkx_whole_document_but_for_the_creator(graph, tmp_path):
    from xml.etree.ElementTree import canonicalize

    path = write_gexf(graph, tmp_path / "streamed.gexf")
    previous = _networkx_gexf(graph).replace(
        f"<creator>NetworkX {nx.__version__}</creator>", "<creator>mig-graph</creator>"
    )
    # NetworkX escapes every character beyond ASCII (&#233;); the streamed file writes them in UTF-8
    assert canonicalize(path.read_text(encoding="utf-8")) == canonicalize(previous)
    if graph.graph["name"] == "actors and processes":
        assert 'value="Communauté andine"' in path.read_text(encoding="utf-8")


def test_gexf_lines_write_from_iterators_read_once(tmp_path):
    from mig_graph.export.gexf import GexfEdge, GexfNode, gexf_declarations, gexf_lines
    from mig_graph.network.layout import NodeDrawing

    def nodes():
        for number in range(3):
            drawn = NodeDrawing(10.0 * number, 20.0, 4.0, "#1f77b4")
            yield GexfNode(f"n{number}", f"Node {number}", {"start": "2014-02-01"}, drawn, {"rank": number})

    def edges():
        yield GexfEdge("n0", "n1", {"weight": 2}, {"role": "member"})
        yield GexfEdge("n1", "n2", {}, {})

    declarations = gexf_declarations(nodes(), edges())
    assert declarations == ({"rank": ("0", "long")}, {"role": ("1", "string")}, "date")
    path = tmp_path / "lines.gexf"
    path.write_text(
        "".join(gexf_lines({"name": "g", "mode": "static"}, declarations, nodes(), edges())), encoding="utf-8"
    )
    read = nx.read_gexf(path)
    assert list(read.nodes(data="rank")) == [("n0", 0), ("n1", 1), ("n2", 2)]
    assert read.nodes["n2"]["start"] == "2014-02-01" and read.nodes["n2"]["viz"]["position"]["x"] == 20.0
    assert read.edges["n0", "n1"] == {"weight": 2.0, "role": "member", "id": "0"}
    assert read.edges["n1", "n2"] == {"id": "1"}
