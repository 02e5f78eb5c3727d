"""The query library and `mig-graph query`: expected results, parameters, formats, remote endpoints.

The whole library on real stores (Oxigraph server, Virtuoso), after `push`, is tested in
``tests/publish/test_push.py``; here, a misbehaving endpoint on loopback tests the retries and errors.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner
from rdflib import Graph

from mig_graph.cli import cli
from mig_graph.query.library import RemoteError, library, run_remote

EXPECTED = Path(__file__).parents[1] / "data" / "queries"
REQUIRED = {
    "process-members": ["member", "label", "iso3", "role", "start", "end", "source"],
    "state-processes": ["process", "label", "kind", "role", "start", "end"],
    "cross-process-members": ["actor", "label", "iso3", "n_processes", "processes"],
    "process-overlap": ["process_a", "process_b", "shared", "jaccard"],
    "meetings": ["meeting", "label", "start", "end", "place", "process"],
    "declaration-signatories": ["declaration", "state", "iso3", "date"],
    "programme-targets": ["programme", "state", "iso3", "funder", "start"],
    "conflicts": ["subject", "property", "value", "source", "passage", "preferred"],
    "fact-sources": ["property", "value", "source"],
    "curation-gaps": ["entity", "label", "gap"],
}


MIDIOCC = "https://w3id.org/mig-graph/id/process/midiocc"
LABELS = {MIDIOCC: "Migration Dialogue for Indian Ocean Commission Countries"}


def _invoke(*arguments: str):
    return CliRunner().invoke(cli, list(arguments))


def test_library_has_every_required_query_with_its_columns():
    queries = library()
    for name, columns in REQUIRED.items():
        header = (EXPECTED / f"{name}.csv").read_text(encoding="utf-8").splitlines()[0]
        assert header.split(",") == columns, name
        assert queries[name].title and queries[name].description, name
    assert len(queries) >= 14


@pytest.mark.parametrize("name", sorted(library()))
def test_library_query_gives_its_expected_result(name, seed_nquads, normalised_csv):
    result = _invoke("query", name, "--format", "csv", seed_nquads)
    assert result.exit_code == 0, result.stderr
    assert normalised_csv(result.stdout) == normalised_csv(
        (EXPECTED / f"{name}.csv").read_text(encoding="utf-8")
    )


WITH_PARAMS = sorted((EXPECTED / "with-params").glob("*.csv"))


@pytest.mark.parametrize("expected", WITH_PARAMS, ids=[path.stem for path in WITH_PARAMS])
def test_library_query_with_parameters_gives_its_expected_result(expected, seed_nquads, normalised_csv):
    """``NAME--key=value[--key=value].csv``: the query run with those parameters."""
    name, *bindings = expected.stem.split("--")
    options = [argument for binding in bindings for argument in ("--param", binding)]
    result = _invoke("query", name, *options, "--format", "csv", seed_nquads)
    assert result.exit_code == 0, result.stderr
    assert normalised_csv(result.stdout) == normalised_csv(expected.read_text(encoding="utf-8"))


def test_cross_process_queries_count_only_mechanisms_by_default(seed_nquads):
    """On the seed graph no state belongs to two mechanisms: the Lima Declaration, its meeting
    series and the joint programme count only in the wider reading."""
    for name in ("cross-process-members", "process-overlap"):
        default = _invoke("query", name, "--format", "csv", seed_nquads)
        wider = _invoke("query", name, "--param", "reading=all", "--format", "csv", seed_nquads)
        assert len(default.stdout.splitlines()) == 1, name
        assert "lima-declaration-2006" in wider.stdout, name


def test_every_library_query_has_an_expected_result():
    assert sorted(p.stem for p in EXPECTED.glob("*.csv")) == sorted(library())


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("MiDIOCC", "https://w3id.org/mig-graph/id/process/midiocc"),
        ("midiocc", "https://w3id.org/mig-graph/id/process/midiocc"),
        ("process/midiocc", "https://w3id.org/mig-graph/id/process/midiocc"),
        ("https://w3id.org/mig-graph/id/process/midiocc", "https://w3id.org/mig-graph/id/process/midiocc"),
    ],
)
def test_process_parameter_accepts_acronym_id_and_iri(value, expected, seed_nquads):
    members = _invoke(
        "query", "process-members", "--param", f"process={value}", "--format", "csv", seed_nquads
    )
    assert members.exit_code == 0, members.stderr
    assert [row.split(",")[0] for row in members.stdout.splitlines()[1:]] == [
        f"https://w3id.org/mig-graph/id/state/{code}" for code in ("COM", "FRA", "MDG", "MUS", "SYC")
    ]
    facts = _invoke("query", "fact-sources", "--param", f"entity={value}", "--format", "csv", seed_nquads)
    assert f"http://www.w3.org/2000/01/rdf-schema#label,{LABELS[expected]}," in facts.stdout


def test_state_parameter_accepts_iso_code_and_french_name(seed_nquads):
    by_code = _invoke("query", "state-processes", "--param", "state=FRA", "--format", "csv", seed_nquads)
    by_name = _invoke("query", "state-processes", "--param", "state=France", "--format", "csv", seed_nquads)
    assert by_code.stdout == by_name.stdout
    assert by_code.stdout.splitlines()[1:] == [
        "https://w3id.org/mig-graph/id/org/coi,Indian Ocean Commission,RegionalOrganisation,member,,",
        "https://w3id.org/mig-graph/id/process/midiocc,"
        "Migration Dialogue for Indian Ocean Commission Countries,"
        "InterRegionalForum RegionalConsultativeProcess,member,2020-03,",
    ]


def test_optional_parameters_filter_meetings(seed_nquads):
    in_2009 = _invoke("query", "meetings", "--param", "year=2009", "--format", "csv", seed_nquads)
    in_2009 = in_2009.stdout.splitlines()
    assert [row.split(",")[0] for row in in_2009[1:]] == [
        "https://w3id.org/mig-graph/id/meeting/global-rcp-meeting-2009"
    ]
    of_idm = _invoke("query", "meetings", "--param", "process=IDM", "--format", "csv", seed_nquads)
    of_idm = of_idm.stdout.splitlines()
    assert [row.split(",")[0] for row in of_idm[1:]] == [
        "https://w3id.org/mig-graph/id/meeting/idm-2024-new-york",
        "https://w3id.org/mig-graph/id/meeting/idm-2024-geneva",
    ]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["state-processes", "--param", "state=XYZ"], "no entity matches 'XYZ'"),
        (["state-processes", "--param", "country=FRA"], "unknown parameter country for state-processes"),
        (["meetings", "--param", "year=09"], "parameter year expects a year (YYYY), got '09'"),
        (["no-such-query"], "unknown query 'no-such-query'"),
        (["meetings", "--format", "turtle"], "SELECT and ASK results are tables"),
    ],
)
def test_bad_query_arguments_exit_2_with_a_message(arguments, message):
    result = _invoke("query", *arguments)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_formats_tsv_json_and_turtle(tmp_path, seed_nquads):
    tsv = _invoke("query", "declaration-signatories", "--format", "tsv", seed_nquads).stdout.splitlines()
    assert tsv[0] == "?declaration\t?state\t?iso3\t?date"
    assert tsv[1] == (
        "<https://w3id.org/mig-graph/id/document/lima-declaration-2006>\t<https://w3id.org/mig-graph/id/state/BOL>"
        '\t"BOL"\t"2006-05"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>'
    )
    document = json.loads(_invoke("query", "declaration-signatories", "--format", "json", seed_nquads).stdout)
    assert document["head"]["vars"] == ["declaration", "state", "iso3", "date"]
    assert len(document["results"]["bindings"]) == 24
    assert document["results"]["bindings"][0]["date"] == {
        "type": "literal",
        "value": "2006-05",
        "datatype": "http://www.w3.org/2001/XMLSchema#gYearMonth",
    }
    construct = tmp_path / "members.rq"
    construct.write_text(
        "PREFIX org: <http://www.w3.org/ns/org#>\n"
        "CONSTRUCT { ?state org:memberOf ?process } WHERE {\n"
        "  ?m org:member ?state ; org:organization ?process .\n"
        "  VALUES ?process { <https://w3id.org/mig-graph/id/process/midiocc> } }\n",
        encoding="utf-8",
    )
    turtle = _invoke("query", str(construct), "--format", "turtle", seed_nquads)
    assert turtle.exit_code == 0, turtle.stderr
    assert len(Graph().parse(data=turtle.stdout, format="turtle")) == 5


def test_query_runs_on_given_rdf_files(dist_dir, normalised_csv):
    result = _invoke("query", "process-members", "--format", "csv", str(dist_dir / "mig-graph.ttl"))
    assert result.exit_code == 0, result.stderr
    assert normalised_csv(result.stdout) == normalised_csv(
        (EXPECTED / "process-members.csv").read_text(encoding="utf-8")
    )


# -- remote endpoints (the real stores are in tests/publish/test_push.py) --------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# -- a misbehaving endpoint: retries, user agent, errors ------------------------------------------


class _FlakyEndpoint(BaseHTTPRequestHandler):
    """Answers 429 then 503 (with Retry-After) before a valid SPARQL JSON result; records requests."""

    script: ClassVar[list[tuple[int, dict[str, str], bytes]]] = []
    seen: ClassVar[list[dict[str, str]]] = []

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        type(self).seen.append(dict(self.headers))
        status, headers, body = type(self).script.pop(0)
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def flaky_endpoint() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FlakyEndpoint)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _FlakyEndpoint.seen = []
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()


OK_JSON = json.dumps(
    {"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "literal", "value": "1"}}]}}
)


def test_remote_retries_429_and_503_honouring_retry_after(flaky_endpoint):
    _FlakyEndpoint.script = [
        (429, {"Retry-After": "1"}, b"slow down"),
        (503, {"Retry-After": "0"}, b"busy"),
        (200, {"Content-Type": "application/sparql-results+json"}, OK_JSON.encode()),
    ]
    started = time.monotonic()
    result = run_remote(flaky_endpoint, "SELECT ?x WHERE {}")
    assert time.monotonic() - started >= 1.0
    assert [str(row[0]) for row in result.rows] == ["1"]
    assert len(_FlakyEndpoint.seen) == 3
    assert _FlakyEndpoint.seen[0]["User-Agent"].startswith("mig-graph/")


def test_remote_failure_is_a_clear_error(flaky_endpoint):
    _FlakyEndpoint.script = [(500, {}, b"the store is on fire")]
    with pytest.raises(RemoteError) as caught:
        run_remote(flaky_endpoint, "SELECT ?x WHERE {}")
    assert str(caught.value).startswith(f"{flaky_endpoint} refused the query: EndPointInternalError")
    assert "the store is on fire" in str(caught.value)


def test_unreachable_endpoint_exits_2():
    port = _free_port()
    result = _invoke("query", "meetings", "--endpoint", f"http://127.0.0.1:{port}/sparql")
    assert result.exit_code == 2
    assert f"cannot reach http://127.0.0.1:{port}/sparql" in result.stderr


@pytest.fixture(scope="module")
def rdflib_dataset(seed_nquads):
    """The seed graph in rdflib's own in-memory store, its default graph filled with the union."""
    from rdflib import Dataset

    dataset = Dataset()
    dataset.parse(seed_nquads, format="nquads")
    union = {(s, p, o) for s, p, o, _ in dataset.quads((None, None, None, None))}
    dataset.default_graph.addN((s, p, o, dataset.default_graph) for s, p, o in union)
    return dataset


# count-vs-list takes minutes with rdflib's own SPARQL engine, even on the seed graph
@pytest.mark.parametrize("name", sorted(set(library()) - {"count-vs-list"}))
def test_library_query_gives_the_same_result_on_rdflib_own_store(rdflib_dataset, store, name, normalised_csv):
    from mig_graph.query.library import bind_parameters, resolve_entity, run_local
    from mig_graph.query.results import render

    def rows(dataset):
        run = lambda text: run_local(dataset, text)  # noqa: E731
        text = bind_parameters(library()[name], {}, lambda value: resolve_entity(value, run))
        header, *body = normalised_csv(render(run(text), "csv"))
        # sorted: engines may order mixed gYear/gYearMonth/date values differently (SPARQL leaves it open)
        return header, sorted(body)

    assert rows(rdflib_dataset) == rows(store)


def test_a_view_line_names_the_result_view(tmp_path):
    from mig_graph.errors import InputError
    from mig_graph.query.library import VIEWS, parse_query_file

    assert {name: query.view for name, query in library().items() if query.view != "table"} == {
        "declaration-signatories": "map",
        "mechanisms-per-state": "map",
        "meetings": "timeline",
        "members-per-mechanism": "bar",
        "process-members": "map",
    }
    assert VIEWS == ("table", "map", "timeline", "bar")
    odd = tmp_path / "odd.rq"
    odd.write_text("# title: Odd\n# view: pie\nSELECT * WHERE { ?s ?p ?o }\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown view 'pie'; the views are: table, map, timeline, bar"):
        parse_query_file(odd)
