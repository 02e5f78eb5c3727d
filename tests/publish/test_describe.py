"""mig_graph.publish.describe: an entity's description from the store's quads, written by pyoxigraph.

The documents say what the rdflib serialisations of the same entity said before (isomorphic graphs:
the entity's and its nodes' triples), plus the incoming links and the relations that point to it;
they differ in bytes only by the writer (prefixes: only those used; Turtle layout; JSON-LD expanded).
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from mig_graph.namespaces import BASE
from mig_graph.publish.describe import describe, serialise
from mig_graph.publish.site import entities_of
from mig_graph.rdf.formats import DOCUMENT_FORMATS
from mig_graph.rdf.terms import from_oxigraph, simple_literal
from mig_graph.store import oxigraph_store

RDFLIB = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt", "rdf": "xml"}
ORG = "http://www.w3.org/ns/org#"


@pytest.fixture(scope="module")
def graph(store) -> ox.Store:
    return oxigraph_store(store)


def test_every_document_is_the_old_description_plus_the_incoming_links(store, graph):
    union = store.default_graph
    entities = entities_of(quad.subject for quad in graph.quads_for_pattern(None, None, None, None))
    assert len(entities) == 334
    for iri, dependents in entities.items():
        description = describe(graph, iri, dependents)
        own = {URIRef(iri), *map(URIRef, dependents)}
        before = Graph()  # what the description was: the triples of the entity and of its nodes
        for subject in own:
            for s, p, o in union.triples((subject, None, None)):
                before.add((s, p, simple_literal(o)))  # xsd:string and a simple literal are one in RDF 1.1
        after = Graph()
        for triple in description.triples:
            after.add(
                (from_oxigraph(triple.subject), from_oxigraph(triple.predicate), from_oxigraph(triple.object))
            )
        for fmt in DOCUMENT_FORMATS:
            parsed = Graph().parse(
                data=serialise(description.triples, fmt), format=RDFLIB[fmt.file_extension]
            )
            assert isomorphic(parsed, after), (iri, fmt)
        kept = Graph()
        for triple in after:
            if triple[0] in own:
                kept.add(triple)
        assert isomorphic(kept, before), iri
        for s, p, o in after:
            # the others point to the entity or a node, or belong to a relation that does
            assert (
                s in own
                or o in own
                or str(s) in description.relations
                or any(str(s).startswith(relation + "/") for relation in description.relations)
            ), (iri, s, p, o)


def test_midiocc_lists_its_members_memberships_with_their_sources(graph):
    midiocc = f"{BASE}id/process/midiocc"
    description = describe(graph, midiocc, [f"{midiocc}/interval/2020-03--"])
    assert [relation[len(BASE) :] for relation in description.relations] == [
        f"id/membership/process-midiocc/member/state-{code}" for code in ("COM", "FRA", "MDG", "MUS", "SYC")
    ]
    member = ox.Triple(
        ox.NamedNode(f"{BASE}id/membership/process-midiocc/member/state-COM"),
        ox.NamedNode(f"{ORG}member"),
        ox.NamedNode(f"{BASE}id/state/COM"),
    )
    assert description.sources[member] == [f"{BASE}id/source/seed-000"]


def test_documents_declare_only_the_prefixes_they_use(graph):
    description = describe(graph, f"{BASE}id/state/COM")
    turtle = serialise(description.triples, ox.RdfFormat.TURTLE)
    declared = [line for line in turtle.splitlines() if line.startswith("@prefix")]
    assert sorted(declared) == [
        "@prefix mg: <https://w3id.org/mig-graph/ontology#> .",
        "@prefix org: <http://www.w3.org/ns/org#> .",
        "@prefix prov: <http://www.w3.org/ns/prov#> .",
        "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .",
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "@prefix time: <http://www.w3.org/2006/time#> .",
        "@prefix wd: <http://www.wikidata.org/entity/> .",
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
    ]
    ntriples = serialise(description.triples, ox.RdfFormat.N_TRIPLES)
    assert ntriples.splitlines() == sorted(ntriples.splitlines())
    assert serialise(description.triples, ox.RdfFormat.JSON_LD).startswith(
        '[\n {\n  "@id": "https://w3id.org/'
    )
