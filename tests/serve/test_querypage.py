"""The query page: YASGUI offline in headless Chromium, the library's examples against the command line.

The endpoint serves the seed graph on loopback; every library example is run in the page as a
person would (chosen in the list, run with YASQE's button) and its rows compared with those of
``mig-graph query NAME --format csv`` on the same graph.
"""

from __future__ import annotations

import csv
import io
import json
import re
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from rdflib import Dataset

from mig_graph.cli import cli
from mig_graph.query.library import bind_parameters, library, resolve_entity, run_local
from mig_graph.serve.endpoint import create_app
from mig_graph.serve.querypage import CONTENT_SECURITY_POLICY, example_queries, query_page

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
MIDIOCC = "https://w3id.org/mig-graph/id/process/midiocc"
LIST_COLUMNS = {"processes", "source"}  # GROUP_CONCAT lists: their order is undefined
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  (event) => window.__violations.push(event.violatedDirective + " " + event.blockedURI));
"""


@pytest.fixture(scope="module")
def page_endpoint(store: Dataset, serve_app) -> Iterator[str]:
    with serve_app(create_app(store)) as base:
        yield base


@pytest.fixture(scope="module")
def page(browser, page_endpoint):
    """The browser, recording Content-Security-Policy violations on every page it opens."""
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_VIOLATIONS})
    return browser


def _open(browser, url: str) -> None:
    from selenium.webdriver.support.wait import WebDriverWait

    browser.get(url)
    WebDriverWait(browser, 30).until(lambda driver: driver.execute_script("return Boolean(window.yasgui)"))


def _run_example(browser, name: str) -> tuple[list[str], list[dict]]:
    """Choose the example in the list, press YASQE's run button, wait for the answer; its rows."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.select import Select
    from selenium.webdriver.support.wait import WebDriverWait

    browser.execute_script(
        "window.__answered = false;"
        "window.yasgui.once('queryResponse', () => setTimeout(() => { window.__answered = true; }, 0));"
    )
    Select(browser.find_element(By.ID, "example")).select_by_value(name)
    (button,) = [b for b in browser.find_elements(By.CSS_SELECTOR, ".yasqe_queryButton") if b.is_displayed()]
    button.click()
    WebDriverWait(browser, 30).until(lambda driver: driver.execute_script("return window.__answered"))
    return browser.execute_script(
        "const results = window.yasgui.getTab().getYasr().results;"
        "return [results.getVariables(), results.getBindings()];"
    )


def _normalised(header: list[str], rows: list[list[str]]) -> list[list[str]]:
    cells = [
        [
            " ".join(sorted(cell.split())) if name in LIST_COLUMNS else cell
            for name, cell in zip(header, row, strict=True)
        ]
        for row in rows
    ]
    return [header, *sorted(cells)]


def _command_line_rows(name: str, nquads: str) -> list[list[str]]:
    result = CliRunner().invoke(cli, ["query", name, "--format", "csv", nquads])
    assert result.exit_code == 0, result.output
    header, *rows = list(csv.reader(io.StringIO(result.stdout)))
    return _normalised(header, rows)


def _page_rows(variables: list[str], bindings: list[dict]) -> list[list[str]]:
    rows = [[binding[name]["value"] if name in binding else "" for name in variables] for binding in bindings]
    return _normalised(variables, rows)


# -- the page as HTML


def test_examples_are_the_library_bound_as_the_command_line_binds_them(store):
    examples = {example["name"]: example for example in example_queries(store)}
    assert list(examples) == sorted(library())
    for name, query in library().items():
        bound = bind_parameters(query, {}, lambda value: resolve_entity(value, lambda t: run_local(store, t)))
        assert examples[name]["query"] == bound, name
        assert examples[name]["view"] == query.view
    members = examples["process-members"]
    assert f"WHERE {{\n  VALUES ?process {{ <{MIDIOCC}> }}\n" in members["query"]
    assert members["parameters"] == [
        {"name": "process", "value": "midiocc", "description": "the process, by acronym, id or IRI."}
    ]
    assert (members["view"], examples["meetings"]["view"], examples["members-per-mechanism"]["view"]) == (
        "map",
        "timeline",
        "bar",
    )
    assert examples["meetings"]["query"] == library()["meetings"].text  # optional parameters stay free


def test_the_page_embeds_its_data_safely_and_loads_only_its_own_assets():
    examples = [{"name": "a", "title": "A", "description": "x", "parameters": [], "note": "", "view": "table",
                 "query": "SELECT * { ?s ?p '</script>' }"}]  # fmt: skip
    page = query_page(examples)
    (data,) = re.findall(r'<script type="application/json" id="examples">(.*?)</script>', page, flags=re.S)
    assert "</" not in data and json.loads(data) == examples
    assert re.findall(r'<script src="([^"]+)"', page) == [
        "query-page/vendor/yasgui/yasgui.min.js",
        "query-page/vendor/topojson-client/topojson-client.min.js",
        "query-page/query/views.js",
        "query-page/query/page.js",
    ]
    assert re.findall(r"<script>", page) == []  # no inline script: the policy allows none


def test_page_headers_negotiation_and_vary(page_endpoint):
    browser_accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    query = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"
    shown = httpx.get(f"{page_endpoint}/sparql", params={"query": query}, headers={"Accept": browser_accept})
    assert shown.status_code == 200 and shown.headers["content-type"] == "text/html; charset=utf-8"
    assert shown.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "default-src 'self'" in CONTENT_SECURITY_POLICY and "connect-src 'self'" in CONTENT_SECURITY_POLICY
    assert shown.headers["vary"] == "Accept, Origin"
    for accept in ("*/*", None, "application/sparql-results+json"):
        answer = httpx.get(
            f"{page_endpoint}/sparql", params={"query": query}, headers={"Accept": accept or ""}
        )
        assert answer.headers["content-type"] == "application/sparql-results+json", accept
        assert answer.headers["vary"] == "Accept, Origin"
        assert len(answer.json()["results"]["bindings"]) == 1
    described = httpx.get(f"{page_endpoint}/sparql", headers={"Accept": "text/turtle"})
    assert described.headers["vary"] == "Accept, Origin"
    posted = httpx.post(f"{page_endpoint}/sparql", data={"query": query})
    assert "vary" not in posted.headers or "Accept" not in posted.headers["vary"]
    script = httpx.get(f"{page_endpoint}/query-page/vendor/yasgui/yasgui.min.js")
    assert script.status_code == 200 and script.headers["content-type"].startswith("text/javascript")
    boundaries = httpx.get(f"{page_endpoint}/query-page/vendor/world-atlas/countries-110m.json")
    assert boundaries.json()["type"] == "Topology"
    assert httpx.get(f"{page_endpoint}/query-page/../pyproject.toml").status_code == 404


# -- the page in Chromium


def test_the_page_loads_offline_with_local_completion_only(page, page_endpoint):
    _open(page, f"{page_endpoint}/")
    assert page.title == "mig-graph SPARQL endpoint"
    assert page.execute_script("return window.yasgui.getTab().getYasqe().config.autocompleters") == [
        "variables",
        "prefixes",
    ]
    assert page.execute_script(
        "return Object.keys((window.Yasgui.default || window.Yasgui).Yasqe.Autocompleters).sort()"
    ) == [
        "prefixes",
        "variables",
    ]
    assert page.execute_script("return window.yasgui.getTab().getYasqe().config.prefixCcApi") is None
    assert page.execute_script("return window.yasgui.getTab().getEndpoint()") == f"{page_endpoint}/sparql"
    names = page.execute_script("return [...document.querySelectorAll('#example option')].map(o => o.value)")
    assert names == ["", *sorted(library())]
    loaded = page.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert {name.split("?")[0] for name in loaded} >= {
        f"{page_endpoint}/query-page/vendor/yasgui/yasgui.min.js",
        f"{page_endpoint}/query-page/vendor/yasgui/yasgui.min.css",
        f"{page_endpoint}/query-page/query/page.js",
    }
    assert all(name.startswith(page_endpoint + "/") for name in loaded), loaded
    assert page.execute_script("return window.__violations") == []


@pytest.mark.parametrize("name", sorted(library()))
def test_every_example_gives_the_command_lines_rows(page, page_endpoint, seed_nquads, name):
    if not page.current_url.startswith(page_endpoint):
        _open(page, f"{page_endpoint}/")
    variables, bindings = _run_example(page, name)
    assert _page_rows(variables, bindings) == _command_line_rows(name, seed_nquads)
    chosen = page.execute_script("return window.yasgui.getTab().getYasr().getSelectedPluginName()")
    assert chosen == (library()[name].view if bindings else "table")
    loaded = page.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert all(entry.startswith(page_endpoint + "/") for entry in loaded), loaded
    assert page.execute_script("return window.__violations") == []


def test_the_map_colours_the_members_and_links_them(page, page_endpoint):
    from selenium.webdriver.common.by import By

    _open(page, f"{page_endpoint}/")
    _run_example(page, "process-members")
    assert page.execute_script("return window.yasgui.getTab().getYasr().getSelectedPluginName()") == "map"
    drawn = page.execute_script(
        "return [...document.querySelectorAll('.world-map path.state')].map(p => [p.dataset.iso3,"
        " p.dataset.numeric, p.getAttribute('fill'), p.parentNode.getAttribute('href')])"
    )
    assert drawn == [
        ["FRA", "250", "#08519c", "https://w3id.org/mig-graph/id/state/FRA"],
        ["MDG", "450", "#08519c", "https://w3id.org/mig-graph/id/state/MDG"],
    ]
    caption = page.find_element(By.CSS_SELECTOR, ".result-map figcaption").text
    assert caption == "5 states; too small for the 1:110m boundaries: COM, MUS, SYC"
    assert page.execute_script("return document.querySelectorAll('.world-map path.country').length") > 170
    ARTIFACTS.mkdir(exist_ok=True)
    page.save_screenshot(str(ARTIFACTS / "query-page-map.png"))


def test_the_timeline_and_the_bar_chart(page, page_endpoint):
    _open(page, f"{page_endpoint}/")
    _, bindings = _run_example(page, "meetings")
    dated = [row for row in bindings if "start" in row]
    assert (
        page.execute_script("return window.yasgui.getTab().getYasr().getSelectedPluginName()") == "timeline"
    )
    spans = page.execute_script("return document.querySelectorAll('.timeline rect.span').length")
    assert spans == len(dated) > 0
    _run_example(page, "members-per-mechanism")
    assert page.execute_script("return window.yasgui.getTab().getYasr().getSelectedPluginName()") == "bar"
    bars = page.execute_script(
        "return [...document.querySelectorAll('.bar-chart rect.bar')].map(b => b.dataset.value)"
    )
    assert bars == ["5"]


def test_a_view_comment_chooses_the_view_and_the_address_is_shareable(page, page_endpoint):
    query = (
        "#view: bar\nPREFIX mg: <https://w3id.org/mig-graph/ontology#>\n"
        "SELECT ?kind (COUNT(?s) AS ?n) WHERE { ?s a ?kind FILTER(?kind IN (mg:State, mg:Meeting)) }"
        " GROUP BY ?kind ORDER BY ?kind"
    )
    url = f"{page_endpoint}/sparql?" + urllib.parse.urlencode({"query": query})
    page.execute_script("window.__answered = false;")
    _open(page, url)  # a browser opening /sparql?query=… gets the page, which runs the query
    from selenium.webdriver.support.wait import WebDriverWait

    WebDriverWait(page, 30).until(
        lambda driver: driver.execute_script("return document.querySelectorAll('.bar-chart rect.bar').length")
    )
    assert page.execute_script("return window.yasgui.getTab().getQuery()") == query
    values = page.execute_script(
        "return [...document.querySelectorAll('.bar-chart rect.bar')].map(b => b.dataset.value)"
    )
    assert values == ["10", "37"]  # meetings, states of the seeds
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(page.current_url).query) == {"query": [query]}


@pytest.fixture(scope="module")
def site_page_endpoint(store: Dataset, serve_app, tmp_path_factory) -> Iterator[str]:
    from mig_graph.publish.site import publish

    site = tmp_path_factory.mktemp("query-page-site") / "site"
    publish(store, site)
    with serve_app(create_app(store, site=site)) as base:
        yield base


def test_result_iris_link_to_the_entity_pages(page, site_page_endpoint):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.wait import WebDriverWait

    _open(page, f"{site_page_endpoint}/sparql")
    _run_example(page, "members-per-mechanism")
    page.execute_script("window.yasgui.getTab().getYasr().selectPlugin('table')")
    links = page.execute_script(
        "return [...document.querySelectorAll('.yasr a.iri[data-iri]')]"
        ".map(a => [a.getAttribute('href'), a.dataset.iri])"
    )
    assert links == [[f"{site_page_endpoint}/id/process/midiocc", MIDIOCC]]
    page.execute_script("document.querySelector('.yasr a.iri[data-iri]').removeAttribute('target')")
    page.find_element(By.CSS_SELECTOR, ".yasr a.iri[data-iri]").click()
    WebDriverWait(page, 20).until(lambda driver: driver.current_url.endswith("/id/process/midiocc.html"))
    assert "Migration Dialogue for Indian Ocean Commission Countries" in page.title
