"""The SPARQL endpoint over real HTTP: uvicorn on loopback, SPARQLWrapper, httpx and headless Chromium."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import signal
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyoxigraph
import pytest
from rdflib import RDF, Dataset, Graph, Literal, Namespace, URIRef
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, POSTDIRECTLY, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

from mig_graph.namespaces import ID, MG
from mig_graph.publish.catalog import dataset_version
from mig_graph.serve.endpoint import MAX_BODY_BYTES, create_app

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")

MIDIOCC_CODES = ["COM", "FRA", "MDG", "MUS", "SYC"]
MIDIOCC_MEMBERS = (
    "SELECT ?iso3 WHERE { ?m <http://www.w3.org/ns/org#organization>"
    " <https://w3id.org/mig-graph/id/process/midiocc> ;"
    " <http://www.w3.org/ns/org#member>/<https://w3id.org/mig-graph/ontology#iso3166Alpha3> ?iso3 }"
    " ORDER BY ?iso3"
)
MIDIOCC_CODES_GRAPH = """
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX mg: <https://w3id.org/mig-graph/ontology#>
CONSTRUCT { ?state mg:iso3166Alpha3 ?iso3 }
WHERE { [] org:organization <https://w3id.org/mig-graph/id/process/midiocc> ; org:member ?state .
        ?state mg:iso3166Alpha3 ?iso3 }
"""
EXPECTED_TRIPLES = {(ID[f"state/{code}"], MG.iso3166Alpha3, Literal(code)) for code in MIDIOCC_CODES}
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f FILTER(?c != ?f) }"  # ~10^7 pairs, seconds
METHODS = ["GET", "POST form", "POST direct"]
DIRECT = {"Content-Type": "application/sparql-query"}
EXTERNAL_RESOURCE = re.compile(r"""(?:src|href|action)\s*=\s*["']?\s*(?:[a-z]+:)?//|\burl\(|@import""", re.I)


@pytest.fixture(scope="session")
def graph_dataset(store: Dataset) -> Dataset:
    """The seed graph in the embedded store."""
    return store


@pytest.fixture(scope="module")
def endpoint(graph_dataset: Dataset, serve_app) -> Iterator[str]:
    """The endpoint with its default limits."""
    with serve_app(create_app(graph_dataset)) as base:
        yield base


@pytest.fixture(scope="module")
def strict_endpoint(graph_dataset: Dataset, serve_app) -> Iterator[str]:
    """An endpoint with tight limits: half a second, ten results."""
    with serve_app(create_app(graph_dataset, query_timeout=0.5, max_results=10)) as base:
        yield base


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A loopback socket that listens and records nothing unless something connects to it."""
    with socket.create_server(("127.0.0.1", 0)) as sock:
        sock.setblocking(False)
        yield sock


def client(base: str, method: str, query: str, return_format: str) -> SPARQLWrapper:
    wrapper = SPARQLWrapper(f"{base}/sparql")
    wrapper.setQuery(query)
    wrapper.setReturnFormat(return_format)
    if method != "GET":
        wrapper.setMethod(POST)
    if method == "POST direct":
        wrapper.setRequestMethod(POSTDIRECTLY)
    return wrapper


def sparql(base: str, query: str, accept: str = "application/sparql-results+json") -> httpx.Response:
    return httpx.post(f"{base}/sparql", data={"query": query}, headers={"Accept": accept}, timeout=30)


def assert_still_answers(base: str) -> None:
    response = sparql(base, MIDIOCC_MEMBERS + " LIMIT 5")
    assert response.status_code == 200, response.text
    assert [row["iso3"]["value"] for row in response.json()["results"]["bindings"]] == MIDIOCC_CODES


# -- queries and results


def _json_codes(body: dict) -> list[str]:
    return [binding["iso3"]["value"] for binding in body["results"]["bindings"]]


def _xml_codes(document) -> list[str]:
    return [node.firstChild.data for node in document.getElementsByTagName("literal")]


def _csv_codes(body: bytes) -> list[str]:
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    assert rows[0] == ["iso3"]
    return [row[0] for row in rows[1:]]


def _tsv_codes(body: bytes) -> list[str]:
    lines = body.decode("utf-8").splitlines()
    assert lines[0] == "?iso3"
    return [json.loads(line) for line in lines[1:]]  # simple literals: "COM"


SELECT_FORMATS = {
    JSON: ("application/sparql-results+json", _json_codes),
    XML: ("application/sparql-results+xml", _xml_codes),
    CSV: ("text/csv; charset=utf-8", _csv_codes),
    TSV: ("text/tab-separated-values; charset=utf-8", _tsv_codes),
}


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("return_format", list(SELECT_FORMATS))
def test_select_in_every_results_format(endpoint, method, return_format):
    content_type, codes = SELECT_FORMATS[return_format]
    result = client(endpoint, method, MIDIOCC_MEMBERS, return_format).query()
    assert result.info()["content-type"] == content_type
    assert codes(result.convert()) == MIDIOCC_CODES


GRAPH_FORMATS = {  # SPARQLWrapper format, Accept override, content type, rdflib parser
    "turtle": (TURTLE, None, "text/turtle; charset=utf-8", "turtle"),
    "n-triples": (N3, "application/n-triples", "application/n-triples", "nt"),
    "json-ld": (JSONLD, None, "application/ld+json", "json-ld"),
    "rdf/xml": (RDFXML, None, "application/rdf+xml", "xml"),
}


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("name", list(GRAPH_FORMATS))
def test_construct_in_every_graph_format(endpoint, method, name):
    return_format, accept, content_type, parser = GRAPH_FORMATS[name]
    wrapper = client(endpoint, method, MIDIOCC_CODES_GRAPH, return_format)
    if accept:
        wrapper.addCustomHttpHeader("Accept", accept)
    result = wrapper.query()
    assert result.info()["content-type"] == content_type
    body = result.response.read()
    assert set(Graph().parse(data=body, format=parser)) == EXPECTED_TRIPLES
    if name == "turtle":
        assert b"@prefix mg: <https://w3id.org/mig-graph/ontology#> ." in body


@pytest.mark.parametrize("method", METHODS)
def test_ask(endpoint, method):
    yes = "ASK { <https://w3id.org/mig-graph/id/state/MUS> ?p ?o }"
    no = "ASK { <https://w3id.org/mig-graph/id/state/ATL> ?p ?o }"
    assert client(endpoint, method, yes, JSON).query().convert() == {"head": {}, "boolean": True}
    assert client(endpoint, method, no, JSON).query().convert() == {"head": {}, "boolean": False}
    assert client(endpoint, method, yes, XML).query().convert().getElementsByTagName("boolean")[
        0
    ].firstChild.data == ("true")


def test_json_is_the_default_and_unknown_parameters_are_ignored(endpoint):
    response = httpx.get(
        f"{endpoint}/sparql",
        params={"query": MIDIOCC_MEMBERS, "format": "xml", "output": "csv", "foo": "bar"},
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/sparql-results+json"
    assert _json_codes(response.json()) == MIDIOCC_CODES


def test_project_prefixes_and_base_are_predeclared(endpoint):
    query = (
        "SELECT ?iso3 WHERE { ?m org:organization <id/process/midiocc> ; org:member/mg:iso3166Alpha3 ?iso3 } "
    )
    assert _json_codes(sparql(endpoint, query + "ORDER BY ?iso3").json()) == MIDIOCC_CODES


def test_named_graphs_and_default_graph_uri(endpoint, graph_dataset):
    source = str(ID["source/seed-000"])
    in_graph = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{source}> {{ ?s ?p ?o }} }}"
    everything = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    expected = int(sparql(endpoint, in_graph).json()["results"]["bindings"][0]["n"]["value"])
    assert expected > 0
    union = int(sparql(endpoint, everything).json()["results"]["bindings"][0]["n"]["value"])
    assert union == len(graph_dataset.default_graph) > expected
    response = httpx.get(f"{endpoint}/sparql", params={"query": everything, "default-graph-uri": source})
    assert int(response.json()["results"]["bindings"][0]["n"]["value"]) == expected


def test_unacceptable_media_types_get_406(endpoint):
    response = httpx.get(
        f"{endpoint}/sparql", params={"query": MIDIOCC_MEMBERS}, headers={"Accept": "image/png"}
    )
    assert response.status_code == 406
    assert "application/sparql-results+json" in response.text
    response = sparql(endpoint, MIDIOCC_CODES_GRAPH, accept="text/csv")
    assert response.status_code == 406
    assert "text/turtle" in response.text
    assert sparql(endpoint, MIDIOCC_MEMBERS, accept="text/turtle").status_code == 406


def test_unsupported_post_body_gets_415(endpoint):
    response = httpx.post(
        f"{endpoint}/sparql", content=MIDIOCC_MEMBERS, headers={"Content-Type": "text/plain"}
    )
    assert response.status_code == 415


# -- service description, page, CORS


def test_service_description(endpoint):
    for accept, content_type, parser in [
        (None, "text/turtle; charset=utf-8", "turtle"),
        ("text/turtle", "text/turtle; charset=utf-8", "turtle"),
        ("application/ld+json", "application/ld+json", "json-ld"),
    ]:
        response = httpx.get(f"{endpoint}/sparql", headers={"Accept": accept} if accept else {})
        assert response.status_code == 200
        assert response.headers["content-type"] == content_type
        description = Graph().parse(data=response.content, format=parser)
        service = URIRef(f"{endpoint}/sparql")
        assert (service, RDF.type, SD.Service) in description
        assert (service, SD.endpoint, service) in description
        assert (service, SD.supportedLanguage, SD.SPARQL11Query) in description
        assert {FORMATS.SPARQL_Results_JSON, FORMATS.Turtle} <= set(
            description.objects(service, SD.resultFormat)
        )
        dataset = description.value(service, SD.defaultDataset)
        names = {description.value(graph, SD.name) for graph in description.objects(dataset, SD.namedGraph)}
        assert ID["source/seed-000"] in names


def test_browsers_get_the_page(endpoint):
    browser_accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    for response in [
        httpx.get(f"{endpoint}/sparql", headers={"Accept": browser_accept}),
        httpx.get(endpoint),
    ]:
        assert response.status_code == 200
        assert response.headers["content-type"] == "text/html; charset=utf-8"
        assert '<html lang="en">' in response.text
        page = re.sub(
            r'<script type="application/json" id="examples">.*?</script>', "", response.text, flags=re.S
        )
        assert not EXTERNAL_RESOURCE.search(page)  # the example queries aside


def test_cors(endpoint):
    plain = httpx.get(f"{endpoint}/sparql", params={"query": "ASK {}"})
    assert plain.headers["access-control-allow-origin"] == "*"
    cross = httpx.get(
        f"{endpoint}/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://example.org"}
    )
    assert cross.headers["access-control-allow-origin"] == "*"
    refused = httpx.get(
        f"{endpoint}/sparql", params={"query": "ASK {"}, headers={"Origin": "https://example.org"}
    )
    assert refused.status_code == 400
    assert refused.headers["access-control-allow-origin"] == "*"
    preflight = httpx.options(
        f"{endpoint}/sparql",
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert "POST" in preflight.headers["access-control-allow-methods"]
    assert "content-type" in preflight.headers["access-control-allow-headers"].lower()


# -- refusals


def test_updates_are_refused(endpoint, listener):
    port = listener.getsockname()[1]
    update = "INSERT DATA { <https://example.org/a> <https://example.org/b> <https://example.org/c> }"
    responses = [
        httpx.post(f"{endpoint}/sparql", data={"update": update}),
        httpx.post(
            f"{endpoint}/sparql", content=update, headers={"Content-Type": "application/sparql-update"}
        ),
        httpx.get(f"{endpoint}/sparql", params={"update": update}),
        sparql(endpoint, update),
        sparql(endpoint, f"LOAD <http://127.0.0.1:{port}/data.ttl>"),
        sparql(endpoint, "PREFIX ex: <https://example.org/> DELETE WHERE { ?s ?p ?o }"),
        sparql(endpoint, "DROP ALL"),
    ]
    for response in responses:
        assert response.status_code == 403, response.text
        assert "read-only" in response.text
    ask = "ASK { <https://example.org/a> ?p ?o }"
    assert sparql(endpoint, ask).json()["boolean"] is False
    time.sleep(0.2)
    with pytest.raises(BlockingIOError):
        listener.accept()
    assert_still_answers(endpoint)


def test_service_is_refused_before_anything_reaches_the_network(endpoint, listener):
    remote = f"<http://127.0.0.1:{listener.getsockname()[1]}/sparql>"
    queries = [
        f"SELECT * WHERE {{ SERVICE {remote} {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent {remote} {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s a ?c OPTIONAL {{ SELECT ?s WHERE {{ SERVICE {remote} {{ ?s ?p ?o }} }} }} }}",
        f"ASK {{ FILTER EXISTS {{ SERVICE {remote} {{ ?s ?p ?o }} }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE {remote} {{ ?s ?p ?o }} }}",
    ]
    for query in queries:
        for response in [
            sparql(endpoint, query),
            httpx.get(f"{endpoint}/sparql", params={"query": query}),
            httpx.post(f"{endpoint}/sparql", content=query, headers=DIRECT),
        ]:
            assert response.status_code == 400, query
            assert "SERVICE" in response.text
    time.sleep(0.2)
    with pytest.raises(BlockingIOError):
        listener.accept()
    # the probe works: a real connection is seen
    with socket.create_connection(listener.getsockname(), timeout=2):
        time.sleep(0.1)
        connection, _ = listener.accept()
        connection.close()
    # the word alone is no SERVICE call
    mention = 'SELECT ?word WHERE { BIND("SERVICE" AS ?word) } # SERVICE <http://example.org/>'
    assert sparql(endpoint, mention).json()["results"]["bindings"] == [
        {"word": {"type": "literal", "value": "SERVICE"}}
    ]
    assert_still_answers(endpoint)


def test_malformed_query_gets_the_parser_message(endpoint):
    malformed = "SELECT ?s WHERE { ?s ?p }"
    with pytest.raises(SyntaxError) as error:
        pyoxigraph.Store().query(malformed)
    for response in [
        sparql(endpoint, malformed),
        httpx.get(f"{endpoint}/sparql", params={"query": malformed}),
        httpx.post(f"{endpoint}/sparql", content=malformed, headers=DIRECT),
    ]:
        assert response.status_code == 400
        assert response.headers["content-type"] == "text/plain; charset=utf-8"
        assert str(error.value) in response.text
        assert "Traceback" not in response.text
    url = f"{endpoint}/sparql"
    assert httpx.get(url, params=[("query", "ASK {}"), ("query", "ASK {}")]).status_code == 400
    assert httpx.get(url, params={"query": " "}).text == "the query is empty\n"
    assert httpx.post(url, content=b"\xff\xfe", headers=DIRECT).text == "the request body is not UTF-8\n"
    assert_still_answers(endpoint)


def query_workers() -> set[int]:
    """The process ids of the endpoint's query workers (children of this process: the tests serve in a
    thread)."""
    workers = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError):
                stat = (entry / "stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
                command = (entry / "cmdline").read_bytes()
                if int(stat[1]) == os.getpid() and b"mig_graph.serve.queryworkers" in command:
                    workers.add(int(entry.name))
    return workers


def test_time_limit(strict_endpoint):
    before = query_workers()
    started = time.monotonic()
    response = sparql(strict_endpoint, HEAVY)
    elapsed = time.monotonic() - started
    assert response.status_code == 503
    assert "time limit" in response.text
    assert response.headers["retry-after"] == "1"
    assert elapsed < 1.5  # the limit and the kill, not the seconds the query needs
    started = time.monotonic()
    assert_still_answers(strict_endpoint)
    assert time.monotonic() - started < 2.0
    # the worker that ran past the deadline was killed: nothing of it keeps running or holds memory
    deadline = time.monotonic() + 10
    while len(before - query_workers()) != 1 or len(query_workers()) != len(before):
        assert time.monotonic() < deadline, "the runaway worker was not replaced"
        time.sleep(0.05)
    assert_still_answers(strict_endpoint)


def test_result_limit(strict_endpoint):
    states = "SELECT ?state WHERE { ?state a mg:State }"
    response = sparql(strict_endpoint, states)
    assert response.status_code == 413
    assert "more than 10 rows" in response.text
    response = sparql(strict_endpoint, "CONSTRUCT WHERE { ?state a mg:State }", accept="text/turtle")
    assert response.status_code == 413
    assert "more than 10 triples" in response.text
    assert len(sparql(strict_endpoint, states + " LIMIT 10").json()["results"]["bindings"]) == 10
    assert_still_answers(strict_endpoint)


def test_oversized_bodies_are_refused(endpoint):
    padding = "#" * MAX_BODY_BYTES + "\n"
    assert httpx.post(f"{endpoint}/sparql", content="ASK {}" + padding, headers=DIRECT).status_code == 413
    assert httpx.post(f"{endpoint}/sparql", data={"query": "ASK {}" + padding}).status_code == 413

    def chunked() -> Iterator[bytes]:  # no Content-Length: counted while read
        for _ in range(MAX_BODY_BYTES // 65_536 + 2):
            yield b"#" * 65_536

    assert httpx.post(f"{endpoint}/sparql", content=chunked(), headers=DIRECT).status_code == 413
    just_fits = "#" * (MAX_BODY_BYTES - 100) + "\nASK {}"
    assert httpx.post(f"{endpoint}/sparql", content=just_fits, headers=DIRECT).json()["boolean"] is True
    assert_still_answers(endpoint)


# -- dereferencing entity IRIs over the published site


@pytest.fixture(scope="module")
def site_endpoint(
    graph_dataset: Dataset, tmp_path_factory: pytest.TempPathFactory, serve_app
) -> Iterator[str]:
    """The server with a published site: a secret file sits beside the site, never to be served."""
    from mig_graph.publish.site import publish

    root = tmp_path_factory.mktemp("served")
    (root / "secret.txt").write_text("do not serve me")
    publish(graph_dataset, root / "site")
    with serve_app(create_app(graph_dataset, site=root / "site")) as base:
        yield base


@pytest.mark.parametrize(
    ("accept", "extension", "content_type"),
    [
        ("text/html", "html", "text/html; charset=utf-8"),
        ("text/turtle", "ttl", "text/turtle; charset=utf-8"),
        ("application/ld+json", "jsonld", "application/ld+json"),
        ("application/n-triples", "nt", "application/n-triples"),
        ("application/rdf+xml", "rdf", "application/rdf+xml"),
        ("text/turtle;q=0.5, application/rdf+xml", "rdf", "application/rdf+xml"),
        ("*/*", "html", "text/html; charset=utf-8"),
    ],
)
def test_entity_iri_negotiates_with_303(site_endpoint, accept, extension, content_type):
    answer = httpx.get(f"{site_endpoint}/id/process/midiocc", headers={"Accept": accept})
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/id/process/midiocc.{extension}"
    document = httpx.get(site_endpoint + answer.headers["location"])
    assert (document.status_code, document.headers["content-type"]) == (200, content_type)
    if extension != "html":
        fmt = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt", "rdf": "xml"}[extension]
        graph = Graph().parse(data=document.text, format=fmt)
        assert (ID["process/midiocc"], MG.acronym, Literal("MiDIOCC", lang="en")) in graph


def test_unacceptable_type_is_406_and_unknown_entity_404(site_endpoint):
    refused = httpx.get(f"{site_endpoint}/id/process/midiocc", headers={"Accept": "image/png"})
    assert refused.status_code == 406
    assert "text/turtle" in refused.text
    assert (
        httpx.get(f"{site_endpoint}/id/process/atlantis", headers={"Accept": "text/turtle"}).status_code
        == 404
    )
    assert httpx.get(f"{site_endpoint}/id/process/atlantis.ttl").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/id/../../secret.txt",
        "/id/%2e%2e/%2e%2e/secret.txt",
        "/id/..%2f..%2fsecret.txt",
        "/id/process/..%2f..%2f..%2fsecret",
        "/..%2fsecret.txt",
        "/dumps/%2e%2e/%2e%2e/secret.txt",
        "/id/%2e%2e%2f%2e%2e%2fsecret.txt",
    ],
)
def test_no_path_escapes_the_site(site_endpoint, path):
    with httpx.Client() as client:
        request = client.build_request("GET", site_endpoint)
        request.url = httpx.URL(site_endpoint + path)  # sent as written, not normalised by the client
        answer = client.send(request)
    assert answer.status_code in {400, 404}
    assert "do not serve me" not in answer.text


def test_site_files_ontology_and_void(site_endpoint):
    home = httpx.get(f"{site_endpoint}/")
    assert home.status_code == 200
    assert "<h1>mig-graph: a knowledge graph of global migration governance</h1>" in home.text
    ontology = httpx.get(f"{site_endpoint}/ontology", headers={"Accept": "text/turtle"})
    assert (ontology.status_code, ontology.headers["location"]) == (303, "/ontology/mig-graph.ttl")
    void = httpx.get(f"{site_endpoint}/.well-known/void")
    assert void.headers["content-type"] == "text/turtle; charset=utf-8"
    assert len(Graph().parse(data=void.text, format="turtle")) > 100
    dump = httpx.get(f"{site_endpoint}/dumps/SHA256SUMS")
    assert dump.status_code == 200 and f"mig-graph-{dataset_version().version}.ttl" in dump.text
    page = httpx.get(f"{site_endpoint}/sparql", headers={"Accept": "text/html"})
    assert page.status_code == 200 and '<div id="yasgui"></div>' in page.text


# -- hostile requests: each refused in time, and the server answers everyone else afterwards

HOSTILE_NESTING = {
    "5,000 nested groups": "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000,
    "5,000 nested parentheses": "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 5000 + "?o" + ")" * 5000 + ") }",
    "10,000 negations": "SELECT * WHERE { ?s ?p ?o FILTER(" + "!" * 10000 + "?o) }",
    "10,000 UNION branches": "SELECT * WHERE { " + " UNION ".join(["{ ?s ?p ?o }"] * 10000) + " }",
    "5,000 nested subqueries": "SELECT * WHERE " + "{ SELECT * WHERE " * 5000 + "{ ?s ?p ?o }" + "}" * 5000,
    "5,000 inverse paths": "SELECT * WHERE { ?s " + "^" * 5000 + "<http://example.org/p> ?o }",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_NESTING))
def test_deep_nesting_is_refused_before_parsing(endpoint, name):
    started = time.monotonic()
    response = httpx.post(f"{endpoint}/sparql", content=HOSTILE_NESTING[name], headers=DIRECT, timeout=30)
    assert response.status_code == 400
    assert "limit" in response.text or "in a row" in response.text
    assert time.monotonic() - started < 2.0
    assert_still_answers(endpoint)


def test_nesting_within_the_limits_runs(endpoint):
    nested = "SELECT ?iso3 WHERE " + "{" * 60 + MIDIOCC_MEMBERS.split("WHERE ", 1)[1].split(" ORDER BY")[0]
    nested += "}" * 60 + " ORDER BY ?iso3"
    assert _json_codes(sparql(endpoint, nested).json()) == MIDIOCC_CODES


SERVICE_DISGUISES = [
    "SELECT * WHERE {{ ?s ?p 1SERVICE {remote} {{ ?x ?y ?z }} }}",
    "SELECT * WHERE {{ ?s ?p falseSERVICE {remote} {{ ?x ?y ?z }} }}",
    "SELECT * WHERE {{ ?s ?p 1.5e3SeRvIcE {remote} {{ ?x ?y ?z }} }}",
    "SELECT * WHERE {{ SERVICE ?endpoint {{ ?x ?y ?z }} }}",
    "SELECT * WHERE {{ \\u0053ERVICE {remote} {{ ?x ?y ?z }} }}",
    'SELECT * WHERE {{ ?s ?p <http://x/\\u0022> . SERVICE {remote} {{ ?a ?b ?c }} ?s ?p "\\u0022" }}',
    "PREFIX service: <http://127.0.0.1/> SELECT * WHERE {{ ?s ?p truesErvice:x {{ ?x ?y ?z }} }}",
]


@pytest.mark.parametrize("template", SERVICE_DISGUISES)
def test_disguised_service_is_refused_and_nothing_reaches_the_network(endpoint, listener, template):
    remote = f"<http://127.0.0.1:{listener.getsockname()[1]}/sparql>"
    response = httpx.post(f"{endpoint}/sparql", content=template.format(remote=remote), headers=DIRECT)
    assert response.status_code == 400
    time.sleep(0.1)
    with pytest.raises(BlockingIOError):
        listener.accept()
    assert_still_answers(endpoint)


def test_runaway_queries_free_their_slots(strict_endpoint):
    answers: list[tuple[int, float]] = []
    clients = [httpx.Client(timeout=30) for _ in range(8)]
    start = threading.Barrier(8)

    def runaway(client: httpx.Client) -> None:
        start.wait()
        started = time.monotonic()
        response = client.post(f"{strict_endpoint}/sparql", data={"query": HEAVY})
        answers.append((response.status_code, time.monotonic() - started))

    threads = [threading.Thread(target=runaway, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    for client in clients:
        client.close()
    assert [status for status, _ in answers] == [503] * 8, answers
    assert max(seconds for _, seconds in answers) < 0.5 + 1.0, answers  # the deadline and the kill
    started = time.monotonic()
    assert_still_answers(strict_endpoint)  # the slots are free again at once, not when the queries end
    assert time.monotonic() - started < 3.0


@pytest.fixture(scope="module")
def lean_endpoint(graph_dataset: Dataset, serve_app) -> Iterator[str]:
    """An endpoint whose query workers may use 300 MiB each."""
    with serve_app(create_app(graph_dataset, max_memory_bytes=300 * 1024 * 1024)) as base:
        yield base


def _resident_bytes(pid: int) -> int:
    with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def test_memory_is_bounded(lean_endpoint):
    hog = "SELECT * WHERE { ?s0 ?p0 ?o0 . ?s1 ?p1 ?o1 } ORDER BY ?o0 ?o1 LIMIT 1"
    server_before = _resident_bytes(os.getpid())
    started = time.monotonic()
    response = sparql(lean_endpoint, hog)
    assert response.status_code == 503
    assert "more than 300 MiB of memory" in response.text
    assert time.monotonic() - started < 10.0 + 1.0
    assert _resident_bytes(os.getpid()) - server_before < 100 * 1024 * 1024  # the server did not grow
    assert_still_answers(lean_endpoint)


@pytest.fixture(scope="module")
def patient_endpoint(graph_dataset: Dataset, serve_app) -> Iterator[str]:
    """An endpoint whose queries may run a minute: the heavy query is still running when it is killed."""
    with serve_app(create_app(graph_dataset, query_timeout=60.0)) as base:
        yield base


def test_a_crashed_worker_is_replaced(patient_endpoint):
    endpoint = patient_endpoint
    answers: list[httpx.Response] = []
    thread = threading.Thread(target=lambda: answers.append(sparql(endpoint, HEAVY)))
    before = {pid: _cpu_ticks(pid) for pid in query_workers()}
    thread.start()
    time.sleep(0.5)
    busy = max(before, key=lambda pid: _cpu_ticks(pid) - before[pid])  # the worker running the query
    os.kill(busy, signal.SIGSEGV)  # as a stack overflow in the query engine would end it
    thread.join(60)
    assert answers[0].status_code == 500
    assert "crashed" in answers[0].text
    assert_still_answers(endpoint)
    deadline = time.monotonic() + 10
    while busy in query_workers():  # reaped, not left a zombie
        assert time.monotonic() < deadline, "the crashed worker was not reaped"
        time.sleep(0.05)


def _cpu_ticks(pid: int) -> int:
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def raw_status(base: str, target: bytes, headers: bytes = b"") -> int:
    """The status of ``GET target`` sent as raw bytes (clients refuse to send such requests)."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as connection:
        connection.sendall(b"GET " + target + b" HTTP/1.1\r\nHost: localhost\r\n" + headers + b"\r\n")
        reply = b""
        while b"\r\n" not in reply:
            chunk = connection.recv(4096)
            if not chunk:
                break
            reply += chunk
    return int(reply.split(b" ", 2)[1])


def test_malformed_requests_get_a_status(site_endpoint):
    assert raw_status(site_endpoint, b"/id/%00") == 400
    assert raw_status(site_endpoint, b"/id/process/midiocc%00.ttl") == 400
    assert raw_status(site_endpoint, b"/id/" + b"x" * 100_000) == 414
    bad_utf8 = httpx.get(f"{site_endpoint}/sparql?query=ASK%20%7B%7D%ff%fe")
    assert bad_utf8.status_code == 400
    assert "not UTF-8" in bad_utf8.text
    assert raw_status(site_endpoint, b"/sparql?query=" + b"%20" * 700_000 + b"ASK%7B%7D") == 414
    assert (
        raw_status(site_endpoint, b"/sparql?query=ASK%7B%7D", b"Accept: " + b"a" * 100_000 + b"\r\n") == 431
    )
    assert_still_answers(site_endpoint)
