"""mig_graph.export.html_view: the offline view, self-contained, opened in headless Chromium.

Its screenshot is kept in tests/artifacts/.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from mig_graph.export import write_html

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM, CHROMEDRIVER = shutil.which("chromium") or "/usr/bin/chromium", shutil.which("chromedriver")


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
