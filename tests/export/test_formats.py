"""mig_graph.export.formats: every format read back by an independent reader, with the graph's counts.

The interactive view is opened in headless Chromium; its screenshot is kept in tests/artifacts/.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import igraph
import networkx as nx
import pytest

from mig_graph.export.formats import FORMATS, SUFFIXES, export_graph, write_gexf, write_graphml, write_html

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
GRAPHS = ("bipartite", "actors", "processes")
CHROMIUM, CHROMEDRIVER = shutil.which("chromium") or "/usr/bin/chromium", shutil.which("chromedriver")


@pytest.fixture(scope="module", params=GRAPHS)
def graph(request, graphs) -> nx.Graph:
    return getattr(graphs, request.param)


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


def test_d3_json_has_nodes_and_links(graph, tmp_path):
    (path,) = export_graph(graph, "d3", tmp_path / "graph.json")
    document = json.loads(path.read_text(encoding="utf-8"))
    ids = {node["id"] for node in document["nodes"]}
    assert len(ids) == len(document["nodes"]) == graph.number_of_nodes()
    assert len(document["links"]) == graph.number_of_edges()
    assert all(link["source"] in ids and link["target"] in ids for link in document["links"])
    assert nx.node_link_graph(document, edges="links").number_of_edges() == graph.number_of_edges()


def test_csv_has_a_row_per_node_and_edge(graph, tmp_path):
    nodes_path, edges_path = export_graph(graph, "csv", tmp_path / "csv")
    with nodes_path.open(encoding="utf-8", newline="") as stream:
        nodes = list(csv.DictReader(stream))
    with edges_path.open(encoding="utf-8", newline="") as stream:
        edges = list(csv.DictReader(stream))
    assert (len(nodes), len(edges)) == (graph.number_of_nodes(), graph.number_of_edges())
    ids = {row["id"] for row in nodes}
    assert all(row["source"] in ids and row["target"] in ids for row in edges)
    assert {"iri", "kind", "label_en", "label_fr", "iso_alpha3", "wikidata"} <= set(nodes[0])


def test_html_view_is_self_contained(graph, tmp_path):
    text = write_html(graph, tmp_path / "view.html").read_text(encoding="utf-8")
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", text)
    assert "@import" not in text and "url(" not in text
    data = json.loads(
        re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', text, re.S)[1]
    )
    assert (len(data["nodes"]), len(data["edges"])) == (graph.number_of_nodes(), graph.number_of_edges())


def test_exports_are_deterministic(graphs, tmp_path):
    assert set(SUFFIXES) == set(FORMATS)
    for fmt in FORMATS:
        first = export_graph(graphs.bipartite, fmt, tmp_path / "a" / f"graph{SUFFIXES[fmt]}")
        second = export_graph(graphs.bipartite, fmt, tmp_path / "b" / f"graph{SUFFIXES[fmt]}")
        assert [path.read_bytes() for path in first] == [path.read_bytes() for path in second], fmt


def test_unknown_format_and_unwritable_attributes_are_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown export format"):
        export_graph(nx.Graph(), "pajek", tmp_path / "graph.net")
    graph = nx.Graph()
    graph.add_node("a", tags=["x", "y"])
    with pytest.raises(TypeError, match="tags"):
        export_graph(graph, "graphml", tmp_path / "graph.graphml")
    graph.nodes["a"]["tags"] = None
    with pytest.raises(TypeError, match="tags"):
        export_graph(graph, "gexf", tmp_path / "graph.gexf")


def choose(driver, element: str, value: str, event: str = "change") -> None:
    """Set a control of the view and fire the event a user's action would."""
    driver.execute_script(
        "const e = document.getElementById(arguments[0]); e.value = arguments[1];"
        "e.dispatchEvent(new Event(arguments[2]));",
        element,
        value,
        event,
    )


@pytest.mark.skipif(
    CHROMEDRIVER is None or not Path(CHROMIUM).exists(), reason="needs Chromium and chromedriver"
)
def test_html_view_draws_every_node_in_headless_chromium(graphs, tmp_path, browser):
    from selenium.webdriver.support.ui import WebDriverWait

    driver = browser
    path = write_html(graphs.bipartite, tmp_path / "view.html")
    driver.get_log("browser")  # forget messages of pages opened before
    driver.get(path.as_uri())
    WebDriverWait(driver, 20).until(lambda d: d.find_element("tag name", "body").get_attribute("data-ready"))
    svg = driver.find_element("id", "network")
    assert len(driver.find_elements("css selector", "svg#network circle.node")) == 58
    assert svg.get_attribute("data-drawn-nodes") == "58"
    assert svg.get_attribute("data-drawn-edges") == "91"
    assert svg.get_attribute("data-visible-nodes") == "58"
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / "network-view.png"))

    def shown() -> tuple[str | None, str | None]:
        return svg.get_attribute("data-visible-nodes"), svg.get_attribute("data-visible-edges")

    # filter by process: the joint programme and its 11 members
    choose(driver, "process", "programme/mainstreaming-migration")
    assert shown() == ("12", "11")
    # the year slider keeps what the 2012 snapshot keeps
    choose(driver, "process", "")
    choose(driver, "year", "2012", event="input")
    assert shown() == ("52", "75")
    choose(driver, "role", "target-government")
    assert shown() == ("5", "4")
    choose(driver, "language", "fr")
    labels = driver.execute_script(
        "return Array.from(document.querySelectorAll('text.label')).map(t => t.textContent);"
    )
    assert "Déclaration de Lima" in labels
    assert driver.execute_script("return document.documentElement.lang") == "fr"
    driver.save_screenshot(str(ARTIFACTS / "network-view-fr-2012-target-governments.png"))
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors
