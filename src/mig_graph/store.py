"""The embedded store: the graph loaded into Oxigraph through rdflib.

Every command that reads the graph calls :func:`open_dataset`: with no files
it compiles the packaged data (no prior ``build`` needed); with RDF files it
loads them instead.  SPARQL then runs in Oxigraph, and the default graph is the
union of the per-source named graphs.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rdflib import Dataset, Graph

from mig_graph.errors import InputError, Location

__all__ = ["open_dataset", "load_dataset", "RDF_FORMATS"]

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


def _empty_dataset() -> Dataset:
    dataset = Dataset(store="Oxigraph")
    dataset.default_union = True
    return dataset


def load_dataset(dataset: Dataset) -> Dataset:
    """Copy an in-memory dataset (quads and all) into the embedded store."""
    stored = _empty_dataset()
    stored.addN(
        (s, p, o, stored.graph(context.identifier))
        for context in dataset.graphs()
        for s, p, o in context
    )
    return stored


def open_dataset(rdf_files: Sequence[Path] = ()) -> Dataset:
    """The graph on the embedded store: ``rdf_files`` if given, else the packaged data compiled."""
    if not rdf_files:
        from mig_graph.build import compile_data

        return load_dataset(compile_data())
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
        target: Graph = dataset if rdf_format in {"ox-nquads", "ox-trig"} else dataset.graph(path.resolve().as_uri())
        try:
            target.parse(path, format=rdf_format)
        except Exception as error:  # parsers raise many types; all mean unusable input
            raise InputError(f"cannot parse RDF: {error}", Location(path, 0)) from None
    return dataset
