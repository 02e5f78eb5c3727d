"""The query text check: exact refusals, and every library query and ordinary mention let through."""

from __future__ import annotations

import pytest

from mig_graph.paths import queries_dir
from mig_graph.serve.querycheck import MAX_NESTING, QueryRefused, check_query

SERVICE_REFUSAL = (400, "SERVICE (federated query) is not allowed: this endpoint never calls out")


def refusal(query: str) -> tuple[int, str]:
    with pytest.raises(QueryRefused) as raised:
        check_query(query)
    return raised.value.status, raised.value.message


@pytest.mark.parametrize("path", sorted(queries_dir().glob("*.rq")), ids=lambda path: path.stem)
def test_every_library_query_passes(path):
    check_query(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?service WHERE { ?service a <http://example.org/Service> }",
        'SELECT * WHERE { BIND("SERVICE <http://x/> {}" AS ?text) }',
        "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://example.org/>",
        "PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:serviceOf ex:SERVICE }",
        "SELECT * WHERE { ?s <http://example.org/SERVICE> ?o }",
        "SELECT * WHERE { ?s ?p '''a long\nSERVICE string''' }",
        'SELECT * WHERE { ?s ?p "\\u0053ERVICE" }',
    ],
)
def test_mentions_of_the_word_pass(query):
    check_query(query)


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1/> { ?s ?p ?o } }",
        "select * where { service silent <http://127.0.0.1/> { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE ?endpoint { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p 1SERVICE <http://127.0.0.1/> { ?x ?y ?z } }",
        "SELECT * WHERE { ?s ?p falseSERVICE <http://127.0.0.1/> { ?x ?y ?z } }",
        "SELECT * WHERE { ?s ?p 2.5e1service <http://127.0.0.1/> { ?x ?y ?z } }",
        "PREFIX service: <http://127.0.0.1/> SELECT * WHERE { ?s ?p trueservice:x { ?x ?y ?z } }",
        'SELECT * WHERE { ?s ?p "\\u0022" . SERVICE <http://127.0.0.1/> { ?a ?b ?c } ?s ?p "\\u0022" }',
    ],
)
def test_service_in_any_form_is_refused(query):
    assert refusal(query) == SERVICE_REFUSAL


def test_escapes_outside_strings_are_refused():
    # Read as written, a backslash outside a string is no SPARQL; read unescaped it would be SERVICE.
    assert refusal("SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1/> { ?s ?p ?o } }") == (
        400,
        "malformed query: unexpected character '\\\\' on line 1",
    )


def test_nesting_limits():
    check_query("SELECT * WHERE " + "{" * MAX_NESTING + " ?s ?p ?o " + "}" * MAX_NESTING)
    deep = "SELECT * WHERE " + "{" * (MAX_NESTING + 1) + " ?s ?p ?o " + "}" * (MAX_NESTING + 1)
    assert refusal(deep) == (400, "the query nests deeper than 64 levels, the limit")
    assert refusal("ASK { FILTER(" + "!" * 17 + "true) }") == (
        400,
        "the query has more than 16 unary operators in a row",
    )
    check_query("ASK { FILTER(" + "!" * 16 + "true) }")
    unions = "SELECT * WHERE { " + " UNION ".join(["{ ?s ?p ?o }"] * 1002) + " }"
    assert refusal(unions) == (400, "the query chains more than 1000 'UNION', the limit")
    assert refusal("ASK { ?s " + "^" * 40 + "<http://example.org/p> ?o }") == (
        400,
        "the query has more than 16 unary operators in a row",
    )


def test_size_limits():
    assert refusal("ASK {}" + "#" * 1_048_576) == (
        413,
        "the query is longer than 1048576 characters, the limit",
    )
    values = "SELECT * WHERE { VALUES ?x { " + " 1" * 40_001 + " } }"
    assert refusal(values) == (413, "the query has more than 40000 tokens, the limit")


@pytest.mark.parametrize(
    "query",
    [
        "INSERT DATA { <http://a> <http://b> <http://c> }",
        "PREFIX ex: <http://example.org/> BASE <http://example.org/> DELETE WHERE { ?s ?p ?o }",
        "LOAD <http://example.org/data.ttl>",
        "CLEAR ALL",
        "DROP GRAPH <http://example.org/g>",
        "WITH <http://example.org/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    ],
)
def test_updates_are_refused(query):
    assert refusal(query) == (403, "this endpoint is read-only: SPARQL updates are refused")


def test_unreadable_text_is_refused():
    assert refusal('SELECT * WHERE { ?s ?p "unterminated }') == (
        400,
        "malformed query: unexpected character '\"' on line 1",
    )
