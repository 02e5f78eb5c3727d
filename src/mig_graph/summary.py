"""Summarise a graph: how many entities of each class, with SPARQL on whatever store holds it."""

from __future__ import annotations

from rdflib import Graph

from mig_graph.namespaces import PREFIXES

__all__ = ["class_counts", "compact"]

_CLASS_COUNTS = """
SELECT ?class (COUNT(DISTINCT ?entity) AS ?n)
WHERE { ?entity a ?class . FILTER(isIRI(?class)) }
GROUP BY ?class
ORDER BY DESC(?n) ?class
"""


def compact(iri: str) -> str:
    """``https://w3id.org/mig-graph/ontology#State`` → ``mg:State`` for the known prefixes."""
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def class_counts(graph: Graph) -> list[tuple[str, int]]:
    """``(class, number of distinct instances)``, most frequent first."""
    return [(compact(str(row[0])), int(row[1])) for row in graph.query(_CLASS_COUNTS)]
