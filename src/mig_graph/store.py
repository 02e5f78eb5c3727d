"""The embedded store: the graph loaded into Oxigraph through rdflib.

Every command that reads the graph calls :func:`open_dataset`: with no files
it compiles the packaged data (no prior ``build`` needed); with RDF files it
loads them instead.  SPARQL then runs in Oxigraph.  The per-source named graphs
are kept for provenance (``GRAPH ?source { … }``) and the default graph holds
their union, each triple once, so plain queries see no duplicates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from rdflib import XSD, Dataset, Graph, Literal
from rdflib.term import Node

from mig_graph.errors import InputError, Location

__all__ = ["RDF_FORMATS", "in_memory", "load_dataset", "open_dataset", "simple_literal"]

RDF_FORMATS = {
    ".ttl": "ox-turtle",
    ".nt": "ox-ntriples",
    ".nq": "ox-nquads",
    ".trig": "ox-trig",
    ".rdf": "ox-xml",
    ".owl": "ox-xml",
    ".xml": "ox-xml",
    ".jsonld": "json-ld",
}


_FILL_DEFAULT_GRAPH = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def _empty_dataset() -> Dataset:
    return Dataset(store="Oxigraph")


def load_dataset(dataset: Dataset) -> Dataset:
    """Copy an in-memory dataset (named graphs) into the embedded store and fill its default graph."""
    stored = _empty_dataset()
    stored.addN(
        (s, p, o, stored.graph(context.identifier))
        for context in dataset.graphs()
        if context.identifier != stored.default_graph.identifier
        for s, p, o in context
    )
    stored.update(_FILL_DEFAULT_GRAPH)
    return stored


def open_dataset(rdf_files: Sequence[Path] = ()) -> Dataset:
    """The graph on the embedded store: ``rdf_files`` if given, else the packaged data compiled."""
    if not rdf_files:
        from mig_graph.build import compile_data

        return load_dataset(compile_data().dataset)
    dataset = _empty_dataset()
    for path in rdf_files:
        rdf_format = RDF_FORMATS.get(path.suffix.lower())
        if rdf_format is None:
            raise InputError(
                f"unknown RDF file type {path.suffix!r}; use one of {', '.join(RDF_FORMATS)}",
                Location(path, 0),
            )
        if not path.is_file():
            raise InputError("no such RDF file", Location(path, 0))
        target: Graph = dataset if rdf_format in {"ox-nquads", "ox-trig"} else dataset.default_graph
        try:
            target.parse(path, format=rdf_format)
        except Exception as error:  # parsers raise many types; all mean unusable input
            line = re.search(r"line (\d+)", str(error))
            raise InputError(
                f"cannot parse RDF: {error}", Location(path, int(line.group(1)) if line else 0)
            ) from None
    dataset.update(_FILL_DEFAULT_GRAPH)
    return dataset


def simple_literal(term: Node) -> Node:
    """Oxigraph returns every simple literal typed ``xsd:string`` (the same thing in RDF 1.1);
    give it back as rdflib's simple literal, as the build wrote it."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def in_memory(graph: Graph) -> Graph:
    """An in-memory copy of a stored graph, its ``xsd:string`` literals made simple again."""
    copy = Graph()
    copy.addN((s, p, simple_literal(o), copy) for s, p, o in graph)
    return copy
