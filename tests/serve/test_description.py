"""What the endpoint says of itself: the service description's formats and graphs."""

from __future__ import annotations

import pyoxigraph as ox

from mig_graph.serve.description import service_description

FORMATS = "http://www.w3.org/ns/formats/"


def test_the_description_names_every_format_and_graph():
    graph = ox.NamedNode("https://w3id.org/mig-graph/id/source/seed-000")
    triples = service_description("http://127.0.0.1/sparql", ([(graph, 7)], 5))
    formats = [triple.object.value for triple in triples if triple.predicate.value.endswith("#resultFormat")]
    assert formats == [
        f"{FORMATS}SPARQL_Results_JSON",
        f"{FORMATS}SPARQL_Results_XML",
        f"{FORMATS}SPARQL_Results_CSV",
        f"{FORMATS}SPARQL_Results_TSV",
        f"{FORMATS}Turtle",
        f"{FORMATS}JSON-LD",
        f"{FORMATS}N-Triples",
        f"{FORMATS}RDF_XML",
    ]
    sizes = [t.object.value for t in triples if t.predicate.value == "http://rdfs.org/ns/void#triples"]
    assert sizes == ["5", "7"]
    assert sum(1 for t in triples if t.object == graph) == 1
