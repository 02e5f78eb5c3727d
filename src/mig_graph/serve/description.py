"""What the endpoint says of itself: the SPARQL Service Description.

The service description (``GET /sparql`` without a query) names the endpoint, its language, its
result formats (the table of :mod:`mig_graph.rdf.formats`) and its dataset: the default graph
(the union of the sources) and each source's named graph, with their sizes. The HTML query page
is :mod:`mig_graph.serve.querypage`'s.
"""

from __future__ import annotations

import pyoxigraph as ox

from mig_graph.namespaces import PREFIXES
from mig_graph.rdf.formats import DOCUMENT_FORMATS, RESULTS_FORMATS, format_iri

__all__ = [
    "SERVICE_PREFIXES",
    "GraphSizes",
    "graph_sizes",
    "service_description",
]

_SD = "http://www.w3.org/ns/sparql-service-description#"
_VOID = "http://rdfs.org/ns/void#"
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_INTEGER = ox.NamedNode(PREFIXES["xsd"] + "integer")

SERVICE_PREFIXES = {
    "sd": _SD,
    "formats": "http://www.w3.org/ns/formats/",
    "void": _VOID,
    "dcterms": PREFIXES["dcterms"],
}
"""The prefixes a service description is written with."""

_GRAPH_SIZES = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
_DEFAULT_SIZE = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"

GraphSizes = tuple[list[tuple[ox.NamedNode, int]], int]
"""The triples of each named graph, in the order of their names, and of the default graph."""


def graph_sizes(store: ox.Store) -> GraphSizes:
    """The sizes a service description gives: each named graph's, and the default graph's."""
    named = [(row["g"], int(row["n"].value)) for row in store.query(_GRAPH_SIZES)]
    default = int(next(iter(store.query(_DEFAULT_SIZE)))[0].value)
    return named, default


def service_description(endpoint: str, sizes: GraphSizes) -> list[ox.Triple]:
    """The SPARQL Service Description of the endpoint at ``endpoint``, as pyoxigraph triples.

    >>> triples = service_description("http://localhost/sparql", ([], 0))
    >>> str(triples[0])
    '<http://localhost/sparql> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/sparql-service-description#Service>'
    """
    named_sizes, default_size = sizes
    sd = lambda term: ox.NamedNode(_SD + term)  # noqa: E731
    service, dataset, default = ox.NamedNode(endpoint), ox.BlankNode("dataset"), ox.BlankNode("default-graph")
    formats = (*RESULTS_FORMATS, *DOCUMENT_FORMATS)
    triples = [
        (service, _RDF_TYPE, sd("Service")),
        (service, sd("endpoint"), service),
        (service, sd("supportedLanguage"), sd("SPARQL11Query")),
        (service, sd("feature"), sd("UnionDefaultGraph")),
        *((service, sd("resultFormat"), ox.NamedNode(format_iri(fmt))) for fmt in formats),
        (service, ox.NamedNode(PREFIXES["dcterms"] + "title"), ox.Literal("mig-graph SPARQL endpoint")),
        (service, sd("defaultDataset"), dataset),
        (dataset, _RDF_TYPE, sd("Dataset")),
        (dataset, sd("defaultGraph"), default),
        (default, _RDF_TYPE, sd("Graph")),
        (default, ox.NamedNode(_VOID + "triples"), ox.Literal(str(default_size), datatype=_INTEGER)),
    ]
    for number, (name, size) in enumerate(named_sizes, start=1):
        named, graph = ox.BlankNode(f"named-graph-{number}"), ox.BlankNode(f"graph-{number}")
        triples += [
            (dataset, sd("namedGraph"), named),
            (named, _RDF_TYPE, sd("NamedGraph")),
            (named, sd("name"), name),
            (named, sd("graph"), graph),
            (graph, _RDF_TYPE, sd("Graph")),
            (graph, ox.NamedNode(_VOID + "triples"), ox.Literal(str(size), datatype=_INTEGER)),
        ]
    return [ox.Triple(*triple) for triple in triples]
