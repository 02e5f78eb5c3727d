"""`mig-graph push` into real stores, and the whole query library run there.

Each store runs on loopback, started and stopped by a fixture (``tests/store_servers.py``):
Oxigraph server (PyPI) and Virtuoso (Debian's packages, unpacked into a folder). The seed graph is
pushed with the counts read back, then every library query runs through ``query --endpoint`` and
must give the embedded store's result, ``tests/data/queries/NAME.csv`` (rows sorted: SPARQL leaves
the order of equal keys open).
"""

from __future__ import annotations

import json
import re
import threading
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from mig_graph.cli import cli
from mig_graph.namespaces import compact
from mig_graph.publish.push import graph_sizes, stored_sizes
from mig_graph.query.library import library, run_remote
from store_servers import UNION_GRAPH, StoreServer, oxigraph_server, virtuoso_server

EXPECTED = Path(__file__).parents[1] / "data" / "queries"
STORES = ("oxigraph", "virtuoso")
VOCAB = "https://w3id.org/mig-graph/vocab"


def _invoke(*arguments: str):
    return CliRunner(env={"COLUMNS": "200"}).invoke(cli, list(arguments))  # the report's table unfolded


@pytest.fixture(scope="module", params=STORES)
def pushed_store(request, tmp_path_factory, seed_nquads) -> Iterator[StoreServer]:
    """A real store on loopback holding the seed graph, pushed by ``mig-graph push``."""
    start = oxigraph_server if request.param == "oxigraph" else virtuoso_server
    with start(tmp_path_factory.mktemp(request.param)) as server:
        pushed = _invoke("push", *server.push_options(), seed_nquads)
        assert pushed.exit_code == 0, pushed.stderr
        server.push_output = pushed.stderr
        yield server


def test_push_reports_each_graph_sent_and_read_back(pushed_store, store):
    sizes = graph_sizes(store)
    union = sizes.pop("")
    rows = {
        match[1]: (int(match[2]), int(match[3]))
        for match in re.finditer(r"│ (\S+|\(default graph\)) +│ (\d+) +│ (\d+) +│", pushed_store.push_output)
    }
    union_name = pushed_store.union_graph or "(default graph)"
    assert rows == {compact(name): (count, count) for name, count in sizes.items()} | {
        union_name: (union, union)
    }
    assert len(sizes) == 20
    where = "the default graph" if pushed_store.union_graph is None else f"the union graph {UNION_GRAPH}"
    assert f"20 named graphs and {where}, {sum(sizes.values()) + union} triples" in " ".join(
        pushed_store.push_output.split()
    )


def test_store_holds_one_named_graph_per_source_and_the_union(pushed_store, store):
    sizes = graph_sizes(store)
    union = sizes.pop("")
    names = [*sizes, pushed_store.union_graph or ""]
    assert stored_sizes(pushed_store.query, names) == sizes | {pushed_store.union_graph or "": union}
    sources = run_remote(
        pushed_store.query,
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), 'https://w3id.org/')) }",
    )
    assert sorted(str(row[0]) for row in sources.rows) == sorted(sizes)
    assert VOCAB in sizes


WITH_PARAMS = sorted((EXPECTED / "with-params").glob("*.csv"))
CASES = [(name, EXPECTED / f"{name}.csv") for name in sorted(library())] + [
    (path.stem, path) for path in WITH_PARAMS
]


@pytest.mark.parametrize(("case", "expected"), CASES, ids=[case for case, _ in CASES])
def test_library_query_gives_the_embedded_result_on_the_store(pushed_store, case, expected, normalised_csv):
    """Every library query, and each ``with-params/NAME--key=value.csv`` with its parameters."""
    name, *bindings = case.split("--")
    options = [argument for binding in bindings for argument in ("--param", binding)]
    remote = _invoke("query", name, *options, "--format", "csv", *pushed_store.query_options())
    assert remote.exit_code == 0, remote.stderr
    header, *rows = normalised_csv(remote.stdout)
    expected_header, *expected_rows = normalised_csv(expected.read_text(encoding="utf-8"))
    assert (header, sorted(rows)) == (expected_header, sorted(expected_rows))


def test_a_chunked_push_replaces_each_graph_then_adds_to_it(pushed_store, seed_nquads, store):
    source = "https://w3id.org/mig-graph/id/source/seed-000"
    stray = b"<https://example.org/stray> <https://example.org/p> <https://example.org/o> .\n"
    request = urllib.request.Request(
        f"{pushed_store.graph_store}?graph={urllib.parse.quote(source, safe='')}",
        data=stray,
        method="POST",
        headers={"Content-Type": "application/n-triples"},
    )
    urllib.request.urlopen(request, timeout=30).read()
    sizes = graph_sizes(store)
    assert stored_sizes(pushed_store.query, [source])[source] == sizes[source] + 1
    pushed = _invoke("push", *pushed_store.push_options(), "--chunk-size", "500", seed_nquads)
    assert pushed.exit_code == 0, pushed.stderr
    union = sizes.pop("")
    assert union > 3000  # the union goes in seven requests: one PUT, six POSTs
    names = [*sizes, pushed_store.union_graph or ""]
    assert stored_sizes(pushed_store.query, names) == sizes | {pushed_store.union_graph or "": union}


def test_the_union_graph_is_the_default_graph_only_when_the_query_names_it(pushed_store, store):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    union = graph_sizes(store)[""]
    default_graphs = [pushed_store.union_graph] if pushed_store.union_graph else []
    named = run_remote(pushed_store.query, count, default_graphs=default_graphs)
    assert int(str(named.rows[0][0])) == union
    if pushed_store.union_graph:  # Virtuoso's own default graph: all its graphs, its system's too
        plain = run_remote(pushed_store.query, count)
        assert int(str(plain.rows[0][0])) > 2 * union


def test_a_store_that_refuses_its_default_graph_gets_a_hint(pushed_store, seed_nquads, store):
    pushed = _invoke("push", "--endpoint", pushed_store.graph_store, seed_nquads)
    if pushed_store.union_graph is None:  # Oxigraph server lets its default graph be replaced
        assert pushed.exit_code == 0, pushed.stderr
        sent = sum(graph_sizes(store).values())  # the named graphs' triples and the union's
        message = " ".join(pushed.stderr.split())
        assert f"20 named graphs and the default graph, {sent} triples" in message
        return
    assert pushed.exit_code == 2
    message = " ".join(pushed.stderr.split())
    assert f"PUT {pushed_store.graph_store}?default answered HTTP 500: " in message
    assert "Error 22023" in message and "<" not in message.partition("HTTP 500")[2]
    assert message.endswith(
        "the store does not let its default graph be replaced: give --union-graph IRI to write the union "
        "into a named graph, and query with --default-graph-uri IRI"
    )
    assert "Traceback" not in pushed.stderr


class _ForgetfulStore(BaseHTTPRequestHandler):
    """Accepts every Graph Store request and then holds nothing: every count it answers is 0."""

    requests: ClassVar[list[tuple[str, str, int]]] = []

    def _accept(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        type(self).requests.append((self.command, self.path, body.count(b"\n")))
        self.send_response(204)
        self.end_headers()

    do_PUT = _accept

    def do_POST(self):
        if not self.path.startswith("/sparql"):
            return self._accept()
        body = urllib.parse.parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        grouped = "GROUP BY" in body["query"][0]
        document = {"head": {"vars": ["g", "n"] if grouped else ["n"]}, "results": {"bindings": []}}
        if not grouped:
            document["results"]["bindings"] = [{"n": {"type": "literal", "value": "0"}}]
        payload = json.dumps(document).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


def test_counts_the_store_does_not_hold_are_an_error(seed_nquads, store):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _ForgetfulStore)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        pushed = _invoke(
            "push", "--endpoint", f"{base}/store", "--query-endpoint", f"{base}/sparql", seed_nquads
        )
    finally:
        server.shutdown()
    assert pushed.exit_code == 2
    message = " ".join(pushed.stderr.split())
    assert "error: the store holds other counts than were sent: id:source/" not in message
    assert (
        "error: the store holds other counts than were sent: https://w3id.org/mig-graph/id/source/" in message
    )
    union = graph_sizes(store)[""]
    assert f"default graph: 0 of {union}" in message
    # the default graph emptied first, then the 20 named graphs, then the union: one request each
    assert _ForgetfulStore.requests[0] == ("PUT", "/store?default", 0)
    assert [method for method, _, _ in _ForgetfulStore.requests] == ["PUT"] * 22
    assert _ForgetfulStore.requests[-1][1:] == ("/store?default", union)


def test_push_without_a_query_endpoint_says_the_counts_were_not_read_back(seed_nquads, tmp_path):
    with oxigraph_server(tmp_path) as server:
        pushed = _invoke("push", "--endpoint", server.graph_store, seed_nquads)
    assert pushed.exit_code == 0, pushed.stderr
    assert pushed.stderr.count("not read back") == 21


def test_default_graph_uri_needs_an_endpoint():
    result = _invoke("query", "meetings", "--default-graph-uri", UNION_GRAPH)
    assert result.exit_code == 2
    assert "--default-graph-uri names a graph of a remote store: give --endpoint too" in result.stderr
