"""Summarise a graph: how many entities of each class, with SPARQL on whatever store holds it."""

from __future__ import annotations

from rdflib import Graph

from mig_graph.namespaces import compact

__all__ = ["class_counts"]

_CLASS_COUNTS = """
SELECT ?class (COUNT(DISTINCT ?entity) AS ?n)
WHERE { ?entity a ?class . FILTER(isIRI(?class)) }
GROUP BY ?class
ORDER BY DESC(?n) ?class
"""


def class_counts(graph: Graph) -> list[tuple[str, int]]:
    """``(class, number of distinct instances)``, most frequent first."""
    return [(compact(str(row[0])), int(row[1])) for row in graph.query(_CLASS_COUNTS)]
