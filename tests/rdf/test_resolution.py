"""mig_graph.rdf.resolution: the rule table that dereferencing and the .htaccess read."""

from __future__ import annotations

import pytest

from mig_graph.rdf.resolution import OFFERS, is_document, owner, resolve

BASE = "https://w3id.org/mig-graph/"


@pytest.mark.parametrize(
    ("path", "rule", "page", "turtle"),
    [
        ("id/process/midiocc", "entity", "id/process/midiocc.html", "id/process/midiocc.ttl"),
        (
            "id/meeting/m/session/2/interval/2009",
            "dependent node",
            "id/meeting/m.html#session/2/interval/2009",
            "id/meeting/m.ttl",
        ),
        (
            "id/membership/o/chair/state-LKA/end-derivation",
            "dependent node",
            "id/membership/o/chair/state-LKA.html#end-derivation",
            "id/membership/o/chair/state-LKA.ttl",
        ),
        ("id/org/u.n", "entity", "id/org/u.n.html", "id/org/u.n.ttl"),
        ("vocab/role/member", "concept", "vocab/role.html#member", "vocab/role.ttl"),
        ("vocab/role", "controlled list", "vocab/role.html", "vocab/role.ttl"),
        ("ontology", "ontology", "ontology/index.html", "ontology/mig-graph.ttl"),
    ],
)
def test_each_kind_of_iri_resolves_to_its_page_and_documents(path, rule, page, turtle):
    resolution = resolve(path)
    assert (resolution.rule.name, resolution.page, resolution.document("ttl")) == (rule, page, turtle)


def test_documents_and_strangers_do_not_resolve():
    assert [resolve(path) for path in ("id/process/midiocc.fr.html", "dumps/x", "sparql")] == [None] * 3
    assert is_document("vocab/role.jsonld") and not is_document("id/org/u.n")
    assert owner(f"{BASE}id/process/midiocc/count/member-states-5") == f"{BASE}id/process/midiocc"
    assert owner("http://example.org/x/interval/1") == "http://example.org/x/interval/1"


def test_plain_json_is_answered_with_json_ld():
    assert OFFERS[0] == ("text/html", "html")
    assert OFFERS[-1] == ("application/json", "jsonld")
