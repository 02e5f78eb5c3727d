"""mig_graph.export.html_view: the offline view, self-contained, opened in headless Chromium:
every node drawn, filters, labels that never overlap, the zoom to a process, the SVG saved.

Its screenshot is kept in tests/artifacts/.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest

from mig_graph.export import write_html
from mig_graph.network.layout import drawing

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM, CHROMEDRIVER = shutil.which("chromium") or "/usr/bin/chromium", shutil.which("chromedriver")
SVG = "{http://www.w3.org/2000/svg}"


def test_html_view_is_self_contained(graph, tmp_path):
    text = write_html(graph, tmp_path / "view.html").read_text(encoding="utf-8")
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", text)
    assert "@import" not in text and "url(" not in text
    data = json.loads(
        re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', text, re.S)[1]
    )
    assert (len(data["nodes"]), len(data["edges"])) == (graph.number_of_nodes(), graph.number_of_edges())


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
    legend = driver.execute_script(
        "return Array.from(document.querySelectorAll('#legend li')).map(item => item.textContent);"
    )
    assert legend == [  # the colours' order, not the alphabetical order of the data's keys
        "État",
        "programme conjoint",
        "déclaration",
        "réunion",
        "forum interrégional",
        "organisation intergouvernementale",
        "organisation du système des Nations Unies",
        "organisation régionale",
        "système d'organisations",
        "organe gouvernemental",
        "agence gouvernementale",
        "organisation",
    ]
    assert driver.execute_script("return document.documentElement.lang") == "fr"
    driver.save_screenshot(str(ARTIFACTS / "network-view-fr-2012-target-governments.png"))
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors


DRAWN = """
const area = document.getElementById('network').getBoundingClientRect();
const box = element => { const r = element.getBoundingClientRect();
  return {x: r.left, y: r.top, w: r.width, h: r.height}; };
const shown = element => element.getClientRects().length > 0
  && getComputedStyle(element).visibility === 'visible';
return {
  area: box(document.getElementById('network')),
  circles: Array.from(document.querySelectorAll('circle.node')).filter(shown)
    .map(c => ({id: c.dataset.id, ...box(c)})),
  labels: Array.from(document.querySelectorAll('text.label')).filter(shown)
    .map(t => ({id: t.dataset.id, text: t.textContent, ...box(t)})),
};
"""


def overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    """The pairs of boxes that overlap (touching is not overlapping)."""
    return [
        (a["text"], b["text"])
        for index, a in enumerate(boxes)
        for b in boxes[index + 1 :]
        if a["x"] < b["x"] + b["w"]
        and b["x"] < a["x"] + a["w"]
        and a["y"] < b["y"] + b["h"]
        and b["y"] < a["y"] + a["h"]
    ]


def span(boxes: list[dict]) -> tuple[float, float]:
    """The width and height of the smallest rectangle holding every box."""
    return (
        max(b["x"] + b["w"] for b in boxes) - min(b["x"] for b in boxes),
        max(b["y"] + b["h"] for b in boxes) - min(b["y"] for b in boxes),
    )


@pytest.mark.skipif(
    CHROMEDRIVER is None or not Path(CHROMIUM).exists(), reason="needs Chromium and chromedriver"
)
def test_html_view_declutters_zooms_to_a_process_and_saves_svg(graphs, tmp_path, browser):
    from selenium.webdriver.support.ui import WebDriverWait

    driver = browser
    path = write_html(graphs.bipartite, tmp_path / "view.html")
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    driver.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
    )
    driver.get_log("browser")
    driver.get(path.as_uri())
    WebDriverWait(driver, 20).until(lambda d: d.find_element("tag name", "body").get_attribute("data-ready"))
    whole = driver.execute_script(DRAWN)
    assert len(whole["circles"]) == 58
    assert 10 <= len(whole["labels"]) < 58  # some labels fit, not all: the rest show on hover
    assert overlapping(whole["labels"]) == []
    # hovering a node without a label shows its name
    hidden = next(c["id"] for c in whole["circles"] if c["id"] not in {x["id"] for x in whole["labels"]})
    driver.execute_script(
        "document.querySelector(`circle.node[data-id='${arguments[0]}']`)"
        ".dispatchEvent(new MouseEvent('mouseenter'));",
        hidden,
    )
    assert hidden in {label["id"] for label in driver.execute_script(DRAWN)["labels"]}
    driver.execute_script(
        "document.querySelector(`circle.node[data-id='${arguments[0]}']`)"
        ".dispatchEvent(new MouseEvent('mouseleave'));",
        hidden,
    )
    assert driver.execute_script(DRAWN)["labels"] == whole["labels"]

    programme = "programme/mainstreaming-migration"
    members = {v for v in graphs.bipartite[programme]}
    before = span([c for c in whole["circles"] if c["id"] in members | {programme}])

    choose(driver, "process", programme)
    zoomed = driver.execute_script(DRAWN)
    assert {c["id"] for c in zoomed["circles"]} == members | {programme}  # the programme and its 11 members
    area = zoomed["area"]
    for circle in zoomed["circles"]:  # every neighbour inside the viewport
        assert area["x"] <= circle["x"] and circle["x"] + circle["w"] <= area["x"] + area["w"], circle
        assert area["y"] <= circle["y"] and circle["y"] + circle["h"] <= area["y"] + area["h"], circle
    after = span(zoomed["circles"])
    assert after[0] > 2 * before[0] and after[1] > 2 * before[1]  # zoomed in
    assert after[0] > 0.5 * area["w"] or after[1] > 0.5 * area["h"]  # fits the viewport
    assert overlapping(zoomed["labels"]) == []
    assert programme in {label["id"] for label in zoomed["labels"]}
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / "network-view-mainstreaming-migration.png"))

    driver.find_element("id", "export-svg").click()
    saved = downloads / "mig-graph-programme-mainstreaming-migration.svg"
    WebDriverWait(driver, 20).until(lambda _: saved.exists() and saved.stat().st_size > 0)
    root = ElementTree.parse(saved).getroot()
    assert root.tag == f"{SVG}svg" and len(root.get("viewBox").split()) == 4
    assert len(root.findall(f".//{SVG}circle")) == len(zoomed["circles"]) == 12
    assert len(root.findall(f".//{SVG}line")) == 11
    texts = [text.text for text in root.findall(f".//{SVG}text")]
    assert sorted(texts) == sorted(label["text"] for label in zoomed["labels"])
    colours = {node: drawn.colour for node, drawn in drawing(graphs.bipartite).items()}
    assert sorted(circle.get("fill") for circle in root.findall(f".//{SVG}circle")) == sorted(
        colours[node] for node in members | {programme}
    )
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors
