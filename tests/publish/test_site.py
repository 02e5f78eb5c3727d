"""`mig-graph publish`: the static linked-data site, checked by independent parsers, a link checker
and headless Chromium."""

from __future__ import annotations

import gzip
import hashlib
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import SKOS, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import Namespace

from mig_graph.namespaces import bind_prefixes
from mig_graph.publish.catalog import dataset_version
from mig_graph.publish.site import publish
from mig_graph.rdf.writers import jsonld_text, sorted_lines
from mig_graph.store import in_memory

ARTIFACTS = Path(__file__).parents[1] / "artifacts"
VERSION = dataset_version().version
DCAT = Namespace("http://www.w3.org/ns/dcat#")
VOID = Namespace("http://rdfs.org/ns/void#")
RAPPER_INPUT = {".ttl": "turtle", ".nt": "ntriples", ".rdf": "rdfxml"}


@pytest.fixture(scope="module")
def site(tmp_path_factory, store) -> Path:
    out = tmp_path_factory.mktemp("site")
    publish(store, out)
    return out


def _rdf_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.suffix in RAPPER_INPUT and p.is_file())


def test_second_run_rewrites_nothing_and_a_change_rewrites_little(site, store, tmp_path):
    assert publish(store, site).written == 0
    changed = Dataset(store="Oxigraph")
    changed.addN((s, p, o, changed.graph(g)) for s, p, o, g in store.quads((None, None, None, None)))
    lima = URIRef("https://w3id.org/mig-graph/id/place/lima")
    note = (lima, SKOS.note, Literal("capital of Peru", lang="en"))
    changed.graph(URIRef("https://w3id.org/mig-graph/id/source/seed-003")).add(note)
    changed.default_graph.add(note)
    copy = tmp_path / "site"
    publish(store, copy)
    written = publish(changed, copy).written
    # Lima's two pages and its 4 RDF files; 4 dumps, their sums and download page; VoID in 3 places; the index
    assert written == 6 + 6 + 3 + 1


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_worker_processes_write_the_bytes_one_process_writes(site, store, dist_dir, tmp_path):
    from mig_graph.store import load_store, open_dataset

    one = _files(site)  # the packaged data has fewer entities than PARALLEL_FROM: one process
    assert len(one) == 2057
    report = publish(store, tmp_path / "two", workers=2)
    assert (report.files, report.written, report.removed) == (2057, 2057, 0)
    assert _files(tmp_path / "two") == one
    # forked from a process that opened an on-disk store, read-only
    load_store(tmp_path / "store", [dist_dir / "mig-graph.nq"])
    report = publish(open_dataset(store_path=tmp_path / "store"), tmp_path / "three", workers=3)
    assert (report.files, report.written) == (2057, 2057)
    assert _files(tmp_path / "three") == one
    # a second run by workers links every unchanged file and counts none written
    assert publish(store, tmp_path / "two", workers=2).written == 0
    assert _files(tmp_path / "two") == one


def test_every_rdf_file_parses_with_rdflib_and_rapper_to_the_same_count(site):
    files = _rdf_files(site)
    assert len(files) > 900
    for path in files:
        expected = len(
            Graph().parse(path, format={".ttl": "turtle", ".nt": "nt", ".rdf": "xml"}[path.suffix])
        )
        result = subprocess.run(
            ["rapper", "--count", "--input", RAPPER_INPUT[path.suffix], str(path)],
            capture_output=True,
            text=True,
            check=True,
        )
        assert f"returned {expected} " in result.stderr, path


def test_jsonld_files_parse(site):
    for path in sorted(site.rglob("*.jsonld")):
        if path.name == "context.jsonld":
            continue
        assert len(Graph().parse(path, format="json-ld")) > 0, path


def test_dumps_are_versioned_with_sha256_sums(site, built):
    dumps = site / "dumps"
    names = sorted(p.name for p in dumps.iterdir())
    assert names == [
        "SHA256SUMS",
        "context.jsonld",
        "index.html",
        f"mig-graph-{VERSION}.jsonld",
        f"mig-graph-{VERSION}.nq.gz",
        f"mig-graph-{VERSION}.nt.gz",
        f"mig-graph-{VERSION}.ttl",
    ]
    for line in (dumps / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ")
        assert hashlib.sha256((dumps / name).read_bytes()).hexdigest() == digest, name
    ntriples = Graph().parse(
        data=gzip.decompress((dumps / f"mig-graph-{VERSION}.nt.gz").read_bytes()), format="nt"
    )
    assert isomorphic(ntriples, built.graph)
    quads = Dataset()
    quads.parse(data=gzip.decompress((dumps / f"mig-graph-{VERSION}.nq.gz").read_bytes()), format="nquads")
    assert len(set(quads.quads())) == len(set(built.dataset.quads()))
    jsonld = Graph().parse(dumps / f"mig-graph-{VERSION}.jsonld", format="json-ld")
    assert isomorphic(jsonld, built.graph)


def test_streamed_dumps_are_rdflib_serialisations_of_the_whole_graph(site, store):
    graph = bind_prefixes(in_memory(store.default_graph))
    dumps, name = site / "dumps", f"mig-graph-{VERSION}"
    assert (dumps / f"{name}.ttl").read_text(encoding="utf-8") == graph.serialize(format="turtle")
    assert (dumps / f"{name}.jsonld").read_text(encoding="utf-8") == jsonld_text(graph, "context.jsonld")
    ntriples = gzip.decompress((dumps / f"{name}.nt.gz").read_bytes()).decode("utf-8")
    assert ntriples == sorted_lines(graph.serialize(format="nt"))


def test_void_counts_equal_the_dump(site):
    description = Graph().parse(site / "void.ttl")
    assert (site / ".well-known" / "void").read_bytes() == (site / "void.ttl").read_bytes()
    dump = Graph().parse(site / "dumps" / f"mig-graph-{VERSION}.ttl")
    dataset = URIRef("https://w3id.org/mig-graph/dataset")
    assert int(description.value(dataset, VOID.triples)) == len(dump)
    assert int(description.value(dataset, VOID.distinctSubjects)) == len(set(dump.subjects()))
    for partition in description.objects(dataset, VOID.classPartition):
        cls = description.value(partition, VOID["class"])
        entities = len(set(dump.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), cls)))
        assert int(description.value(partition, VOID.entities)) == entities, cls
    for partition in description.objects(dataset, VOID.propertyPartition):
        prop = description.value(partition, VOID.property)
        assert int(description.value(partition, VOID.triples)) == len(
            list(dump.triples((None, prop, None)))
        ), prop
    assert str(description.value(dataset, URIRef(f"{DCAT}version"))) == VERSION
    sizes = {
        str(description.value(d, DCAT.downloadURL)).rsplit("/", 1)[1]: int(
            description.value(d, DCAT.byteSize)
        )
        for d in description.objects(dataset, DCAT.distribution)
    }
    assert sizes == {name: (site / "dumps" / name).stat().st_size for name in sizes}
    assert str(description.value(dataset, URIRef("http://purl.org/dc/terms/license"))) == (
        "https://creativecommons.org/licenses/by/4.0/"
    )


class _Page(HTMLParser):
    """Collects links, ids and the embedded JSON-LD of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.jsonld = ""
        self._in_jsonld = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag in {"a", "link"} and attributes.get("href"):
            self.links.append(attributes["href"])
        self._in_jsonld = tag == "script" and attributes.get("type") == "application/ld+json"

    def handle_endtag(self, tag):
        self._in_jsonld = False

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld += data


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_no_broken_internal_link(site):
    pages = {path: _parse(path) for path in site.rglob("*.html")}
    broken = []
    for path, page in pages.items():
        for link in page.links:
            if re.match(r"^[a-z]+:", link):
                continue
            target, _, anchor = link.partition("#")
            resolved = (path.parent / target).resolve() if target else path
            if not resolved.is_file() or (
                anchor and resolved.suffix == ".html" and anchor not in pages[resolved].ids
            ):
                broken.append((str(path.relative_to(site)), link))
    assert broken == []


def test_each_entity_page_embeds_exactly_its_triples(site):
    pages = sorted((site / "id").rglob("*.html"))
    assert len(pages) > 600
    for path in pages:
        embedded = Graph().parse(data=_parse(path).jsonld.replace("<\\/", "</"), format="json-ld")
        turtle = path.parent / (path.name.removesuffix(".html").removesuffix(".fr") + ".ttl")
        assert isomorphic(embedded, Graph().parse(turtle)), path


def test_midiocc_page_folds_in_its_members_by_name_role_and_dates(site):
    midiocc = (site / "id" / "process" / "midiocc.html").read_text(encoding="utf-8")
    ref = '<sup class="refs"><a href="#ref-1">[1]</a></sup>'
    members = [
        f'<div class="value"><a href="../state/{code}.html">{name}</a> <span class="note">(<a href='
        f'"../membership/process-midiocc/member/state-{code}.html">member, from March 2020, end not stated'
        f"</a>)</span>{ref}"
        for code, name in (("COM", "Comoros"), ("FRA", "France"), ("MDG", "Madagascar"), ("MUS", "Mauritius"))
    ]
    assert (
        '<div class="group"><div class="property">Members</div><div class="values">\n' + members[0] in midiocc
    )
    for member in members:
        assert member in midiocc
    assert (
        '<span class="details"><span class="detail"><span class="qualifier"><a'
        ' href="../../ontology/index.html#confirmedBy">confirmed by</a></span> <span class="qualified"><a'
        ' href="../source/seed-000.html">IOM: Migration Dialogue for Indian Ocean Commission Countries'
        " (MiDIOCC)"
        f'</a>{ref}</span></span><span class="detail"><span class="qualifier"><a'
        ' href="../../ontology/index.html#confirmedUntil">confirmed until</a></span> <span class="qualified">'
        f'<time datetime="2020-03-06">6 March 2020</time>{ref}</span></span><span class="detail"><span'
        ' class="qualifier"><a href="../../ontology/index.html#inRespectOf">in respect of</a></span> <span'
        f' class="qualified"><a href="../territory/REU.html">Réunion</a>{ref}</span></span></span>'
    ) in midiocc
    assert (
        f'<div class="value"><span id="interval/2020-03--">from March 2020, end not stated{ref}</span></div>'
    ) in midiocc
    assert (
        '<ol class="references">\n<li id="ref-1"><a href="../source/seed-000.html">IOM:'
        " Migration Dialogue for "
        "Indian Ocean Commission Countries (MiDIOCC)</a></li>\n</ol>"
    ) in midiocc
    assert '<p class="fr" lang="fr">Dialogue sur les migrations pour les pays de la Commission' in midiocc
    assert f"dataset version {VERSION}" in midiocc
    french = (site / "id" / "process" / "midiocc.fr.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in french
    assert '<div class="group"><div class="property">Membres</div>' in french
    assert (
        '<a href="../state/COM.fr.html">Comores</a> <span class="note">(<a'
        ' href="../membership/process-midiocc/'
        'member/state-COM.fr.html">membre, à partir de mars 2020, fin non indiquée</a>)</span>'
    ) in french
    assert f'<span id="interval/2020-03--">à partir de mars 2020, fin non indiquée{ref}</span>' in french
    assert '<a href="midiocc.html" hreflang="en" lang="en">English version</a>' in french
    assert '<link rel="alternate" type="text/turtle" href="midiocc.ttl" title="Turtle">' in french


def test_incoming_relations_conflicts_and_dates(site):
    france = (site / "id" / "state" / "FRA.html").read_text(encoding="utf-8")
    assert "<h1>France</h1>" in france
    assert (
        '<div class="group"><div class="property">Member of</div><div class="values">\n<div class="value">'
        '<a href="../org/coi.html">Indian Ocean Commission</a> <span class="note">(<a href="../membership/'
        'org-coi/member/state-FRA.html">member, dates not stated</a>)</span>'
    ) in france
    assert '<div class="group"><div class="property">Took part in</div>' in france
    council = (site / "id" / "meeting" / "coi-council-34.html").read_text(encoding="utf-8")
    assert '<span id="interval/2020-03-05--2020-03-06">5 March 2020 – 6 March 2020' in council
    assert (
        '<div class="value conflict"><a href="../conflict/coi-council-34-date.html">The'
        " approval of MiDIOCC is "
        "dated 6 March 2020 in the text, the council session 5-6 March 2020 in the list</a>"
        ' <span class="details"><span class="detail"><span class="qualifier">Sources'
        " disagree on “time”</span>"
    ) in council
    instant = (site / "id" / "instant" / "2020-03.fr.html").read_text(encoding="utf-8")
    assert "<h1>mars 2020</h1>" in instant


def test_ontology_documentation_is_bilingual_with_domains_and_ranges(site):
    doc = (site / "ontology" / "index.html").read_text(encoding="utf-8")
    assert '<section id="Membership"' not in doc  # only mg: terms are documented
    assert '<section id="ConsultationMechanism"><h3>mg:ConsultationMechanism</h3>' in doc
    assert "mécanisme de consultation inter-États sur la migration" in doc
    assert "<tr><th>domain</th><td>mg:Claim</td></tr>" in doc
    assert '<section id="confirmedUntil"><h3>mg:confirmedUntil</h3>' in doc
    assert '<td lang="fr">confirmée jusqu&#x27;à</td>' in doc
    for extension, fmt in (("ttl", "turtle"), ("rdf", "xml"), ("jsonld", "json-ld"), ("nt", "nt")):
        assert len(Graph().parse(site / "ontology" / f"mig-graph.{extension}", format=fmt)) == 1085, extension


def test_htaccess_negotiates_with_303(site):
    rules = (site / ".htaccess").read_text()
    turtle = "RewriteRule ^id/(.+)$ https://w3id.org/mig-graph/id/$1.ttl [R=303,L,NE]"
    assert f"RewriteCond %{{HTTP_ACCEPT}} text/turtle\n{turtle}" in rules
    assert "RewriteRule ^id/(.+)$ https://w3id.org/mig-graph/id/$1.html [R=303,L,NE]" in rules
    assert (
        "RewriteCond %{HTTP_ACCEPT} application/ld\\+json [OR]\nRewriteCond %{HTTP_ACCEPT} application/json\n"
        "RewriteRule ^id/(.+)$ https://w3id.org/mig-graph/id/$1.jsonld [R=303,L,NE]"
    ) in rules
    assert (
        "RewriteRule ^vocab/([^/]+)/([^/]+)$ https://w3id.org/mig-graph/vocab/$1.html#$2 [R=303,L,NE]"
        in rules
    )


@pytest.mark.parametrize(
    ("page", "heading", "french"),
    [
        ("index.html", "mig-graph: a knowledge graph of global migration governance", None),
        (
            "id/process/midiocc.html",
            "Migration Dialogue for Indian Ocean Commission Countries",
            "Dialogue sur les migrations pour les pays de la Commission de l'Océan Indien",
        ),
        (
            "id/meeting/lima-ministerial-2006.html",
            "Ministerial meeting of countries with high emigration (Lima)",
            "Réunion ministérielle des pays à fort taux d'émigration (Lima)",
        ),
        ("id/state/MAR.html", "Morocco", "Maroc"),
    ],
)
def test_pages_in_headless_chromium(browser, site, page, heading, french):
    from selenium.webdriver.common.by import By

    browser.get((site / page).as_uri())
    assert browser.find_element(By.TAG_NAME, "h1").text == heading
    if french:
        assert browser.find_element(By.CSS_SELECTOR, "p.fr").text == french
    ARTIFACTS.mkdir(exist_ok=True)
    assert browser.save_screenshot(str(ARTIFACTS / f"publish-{page.replace('/', '-')}.png"))


def test_index_search_finds_by_french_name(browser, site):
    from selenium.webdriver.common.by import By

    browser.get((site / "index.html").as_uri())
    browser.find_element(By.ID, "search").send_keys("Maroc")
    hits = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#hits a")]
    assert hits == [
        "Next ministerial meeting of countries with high emigration (Morocco) (mg:Meeting)",
        "Morocco (mg:State)",
    ]


@pytest.mark.parametrize(
    ("page", "heading", "members"),
    [
        ("midiocc.html", "Members", ["Comoros", "France", "Madagascar", "Mauritius", "Seychelles"]),
        ("midiocc.fr.html", "Membres", ["Comores", "France", "Madagascar", "Maurice", "Seychelles"]),
    ],
)
def test_midiocc_shows_its_five_members_by_name_within_the_first_screen(
    browser, site, page, heading, members
):
    from selenium.webdriver.common.by import By

    screen = {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False}
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", screen)
    try:
        browser.get((site / "id" / "process" / page).as_uri())
        assert browser.execute_script("return [window.innerWidth, window.innerHeight]") == [1280, 800]
        group = browser.find_element(By.CSS_SELECTOR, ".relations .group")
        assert group.find_element(By.CSS_SELECTOR, ".property").text == heading
        links = group.find_elements(By.CSS_SELECTOR, ".value > a")
        assert [link.text for link in links] == members
        bottoms = [
            browser.execute_script("return arguments[0].getBoundingClientRect().bottom", a) for a in links
        ]
        assert max(bottoms) <= 800, bottoms
        ARTIFACTS.mkdir(exist_ok=True)
        assert browser.save_screenshot(
            str(ARTIFACTS / f"midiocc-{'fr' if '.fr.' in page else 'en'}-1280x800.png")
        )
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
