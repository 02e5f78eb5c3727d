"""Dereferencing: every IRI the seed graph mints resolves under a real ``serve`` on loopback with each
media type, as the ``.htaccess`` resolves it; documents rendered from the store are the static site's."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, URIRef

from mig_graph.namespaces import BASE
from mig_graph.publish.catalog import dataset_version
from mig_graph.publish.entities import EntityDocuments, dependents_of, entity_documents
from mig_graph.publish.labels import read_labels
from mig_graph.publish.site import publish
from mig_graph.rdf.negotiation import content_type
from mig_graph.rdf.resolution import OFFERS, resolve
from mig_graph.serve.deref import MEDIA_BY_EXTENSION
from mig_graph.serve.endpoint import create_app
from mig_graph.store import oxigraph_store

RDFLIB_FORMATS = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt", "rdf": "xml"}
ORG = "http://www.w3.org/ns/org#"
FRESH = httpx.Limits(
    max_keepalive_connections=0
)  # a file over a kept-alive connection waits for a delayed ACK


@pytest.fixture(scope="module")
def site(store: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("deref") / "site"
    publish(store, root)
    return root


@pytest.fixture(scope="module")
def server(store: Dataset, site: Path, serve_app) -> Iterator[str]:
    with serve_app(create_app(store, site=site)) as base:
        yield base


def _minted(store: Dataset) -> list[str]:
    """Every subject and object IRI of the graph under the base."""
    iris = set()
    for quad in oxigraph_store(store).quads_for_pattern(None, None, None, None):
        for term in (quad.subject, quad.object):
            if isinstance(term, ox.NamedNode) and term.value.startswith(BASE):
                iris.add(term.value)
    return sorted(iris)


def _varies(answer: httpx.Response) -> bool:
    """Whether the answer says it varies by ``Accept`` (beside ``Origin``, which CORS adds)."""
    return "Accept" in [name.strip() for name in answer.headers.get("vary", "").split(",")]


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.ids.update(value for name, value in attrs if name == "id" and value)


def test_every_minted_iri_resolves_with_every_media_type(store, server):
    iris = _minted(store)
    assert len(iris) == 548
    kinds = {resolve(iri[len(BASE) :].partition("#")[0]).rule.name for iri in iris}
    assert kinds == {"dependent node", "entity", "concept", "controlled list", "ontology"}
    documents: dict[str, set[str] | Graph] = {}  # each document fetched and read once
    unresolved = []
    with httpx.Client(base_url=server, limits=FRESH) as client:
        for iri in iris:
            path, _, fragment = iri[len(BASE) :].partition("#")
            expected = resolve(path)
            for media, extension in OFFERS:
                answer = client.get(f"/{path}", headers={"Accept": media})
                location = f"/{expected.document(extension)}"
                if (answer.status_code, answer.headers.get("location"), _varies(answer)) != (
                    303,
                    location,
                    True,
                ):
                    unresolved.append((iri, media, answer.status_code, answer.headers.get("location")))
                    continue
                document, _, anchor = location.partition("#")
                if document not in documents:
                    fetched = client.get(document)
                    assert fetched.status_code == 200, document
                    assert fetched.headers["content-type"] == content_type(MEDIA_BY_EXTENSION[extension])
                    if extension == "html":
                        ids = _Ids()
                        ids.feed(fetched.text)
                        documents[document] = ids.ids | {""}
                    else:
                        documents[document] = Graph().parse(
                            data=fetched.text, format=RDFLIB_FORMATS[extension]
                        )
                read = documents[document]
                if isinstance(read, Graph):
                    assert (URIRef(iri), None, None) in read, (iri, document)
                else:
                    assert (anchor or fragment) in read, (iri, document)
    assert unresolved == []


def _apache(rules: str, path: str, accept: str) -> str | None:
    """Where Apache's mod_rewrite sends ``path`` by these rules: conditions on ``Accept`` (a chain
    joined by ``[OR]``, chains joined by and), then the first rule whose pattern matches."""
    chains: list[list[str]] = [[]]
    for line in rules.splitlines():
        words = line.split(" ")
        if words[0] == "RewriteCond":
            chains[-1].append(words[2])
            if "[OR]" not in words[3:]:
                chains.append([])
        elif words[0] == "RewriteRule":
            pattern, target = words[1], words[2]
            conditions = [chain for chain in chains if chain]
            chains = [[]]
            match = re.search(pattern, path)
            if match and all(any(re.search(c, accept) for c in chain) for chain in conditions):
                return re.sub(r"\$(\d)", lambda group, found=match: found.group(int(group.group(1))), target)
    return None


def test_the_htaccess_resolves_every_iri_as_serve_does(store, site, server):
    rules = (site / ".htaccess").read_text(encoding="utf-8")
    iris = _minted(store)
    for iri in iris:  # serve redirects each to resolve(path).document(ext): the walk above checks it
        path = iri[len(BASE) :].partition("#")[0]
        for media, extension in OFFERS:
            assert _apache(rules, path, media) == BASE + resolve(path).document(extension), (iri, media)
    with httpx.Client(base_url=server, limits=FRESH) as client:
        for iri in iris[::50]:
            path = iri[len(BASE) :].partition("#")[0]
            for media, _ in OFFERS:
                location = client.get(f"/{path}", headers={"Accept": media}).headers["location"]
                assert _apache(rules, path, media) == BASE + location[1:], (iri, media)
    assert _apache(rules, "id/process/midiocc.ttl", "text/html") == f"{BASE}id/process/midiocc.ttl"


def test_unknown_nodes_and_concepts_are_404(server):
    for path in ("/id/process/midiocc/interval/1999--", "/vocab/role/emperor", "/id/process/atlantis"):
        answer = httpx.get(server + path, headers={"Accept": "text/turtle"})
        assert (answer.status_code, _varies(answer)) == (404, True), path
    refused = httpx.get(f"{server}/vocab/role/member", headers={"Accept": "image/png"})
    assert refused.status_code == 406


def test_midiocc_documents_list_its_members_memberships(server):
    answer = httpx.get(f"{server}/id/process/midiocc", headers={"Accept": "application/json"})
    assert answer.headers["location"] == "/id/process/midiocc.jsonld"
    jsonld = Graph().parse(data=httpx.get(server + answer.headers["location"]).text, format="json-ld")
    turtle = Graph().parse(data=httpx.get(f"{server}/id/process/midiocc.ttl").text, format="turtle")
    midiocc = URIRef(f"{BASE}id/process/midiocc")
    members = sorted(
        str(turtle.value(membership, URIRef(f"{ORG}member")))[len(BASE) :]
        for membership in turtle.subjects(URIRef(f"{ORG}organization"), midiocc)
    )
    assert members == ["id/state/COM", "id/state/FRA", "id/state/MDG", "id/state/MUS", "id/state/SYC"]
    assert set(jsonld) == set(turtle)
    page = httpx.get(f"{server}/id/process/midiocc.html").text
    assert '<link rel="alternate" type="application/ld+json" href="midiocc.jsonld" title="JSON-LD">' in page


def test_documents_rendered_from_the_store_are_the_static_files(store, site, tmp_path, serve_app):
    bare = tmp_path / "bare"
    publish(store, bare, entities="none")
    assert not (bare / "id").exists()
    assert (bare / "index.html").read_bytes() == (site / "index.html").read_bytes()
    graph = oxigraph_store(store)
    labels, version = read_labels(graph), dataset_version().version
    documents = EntityDocuments(graph, labels, version)
    files = {path.relative_to(site).as_posix() for path in (site / "id").rglob("*") if path.is_file()}
    assert len(files) == 334 * 6
    rendered: dict[str, str] = {}
    english = {path for path in files if path.endswith(".html") and not path.endswith(".fr.html")}
    for entity in {BASE + path.removesuffix(".html") for path in english}:
        # the dependent nodes found by following links, as serve finds them, are all the entity's
        rendered.update(entity_documents(graph, labels, entity, dependents_of(graph, entity), version)[0])
    assert rendered.keys() == files
    for path in sorted(files):
        assert rendered[path] == (site / path).read_text(encoding="utf-8"), path
    for path in (
        "id/process/midiocc.fr.html",
        "id/process/midiocc.nt",
        "id/meeting/global-rcp-meeting-2009.ttl",
    ):
        assert documents.document(path) == (site / path).read_text(encoding="utf-8"), path
    assert documents.document("id/process/atlantis.html") is None
    assert documents.document("id/process/midiocc.de.html") is None
    assert documents.document("id/process/midiocc/interval/2020-03--.ttl") is None  # a node's entity has them
    for path in sorted(files):  # each one alone, as serve asks: the only document made
        assert documents.document(path) == rendered[path], path
    with serve_app(create_app(store, site=bare, documents=documents)) as base:
        answer = httpx.get(
            f"{base}/id/process/midiocc", headers={"Accept": "text/html"}, follow_redirects=True
        )
        assert answer.text == (site / "id" / "process" / "midiocc.html").read_text(encoding="utf-8")
        fragment = httpx.get(
            f"{base}/id/process/midiocc/count/member-states-5", headers={"Accept": "text/html"}
        )
        assert fragment.headers["location"] == "/id/process/midiocc.html#count/member-states-5"
        assert httpx.get(f"{base}/id/process/atlantis.ttl").status_code == 404
