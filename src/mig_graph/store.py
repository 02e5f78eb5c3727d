"""The embedded store: the graph in Oxigraph, used through rdflib (oxrdflib).

Every command that reads the graph calls :func:`open_dataset`: with no input it compiles the
packaged data (no prior ``build`` needed); with RDF files it bulk-loads them with Oxigraph's own
parsers; with ``store_path`` it opens an on-disk Oxigraph store loaded earlier by
:func:`load_store` (``mig-graph load``), so nothing is parsed again.  SPARQL runs in Oxigraph.
The per-source named graphs are kept for provenance (``GRAPH ?source { … }``) and the default
graph holds their union, each triple once, so plain queries see no duplicates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import XSD, Dataset, Graph

from mig_graph.compile.dataset import compile_data
from mig_graph.errors import InputError, Location
from mig_graph.folderswap import readable, replaced_folder
from mig_graph.rdf.formats import RDF_FORMATS
from mig_graph.rdf.terms import simple_literal
from mig_graph.testpause import pause_for_tests

__all__ = [
    "in_memory",
    "load_dataset",
    "load_store",
    "open_dataset",
    "oxigraph_of",
    "oxigraph_store",
]

_QUAD_FORMATS = {ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG}
_FILL_DEFAULT_GRAPH = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
_MARKER = "mig-graph-store"
_XSD_STRING = ox.NamedNode(str(XSD.string))


def _dataset(store: ox.Store) -> Dataset:
    return Dataset(store=OxigraphStore(store=store))


def load_dataset(dataset: Dataset, store: ox.Store | None = None) -> Dataset:
    """Copy an in-memory dataset (named graphs) into an Oxigraph store and fill its default graph."""
    stored = _dataset(store if store is not None else ox.Store())
    stored.addN(
        (s, p, o, stored.graph(context.identifier))
        for context in dataset.graphs()
        if context.identifier != stored.default_graph.identifier
        for s, p, o in context
    )
    stored.update(_FILL_DEFAULT_GRAPH)
    return stored


def _bulk_load(store: ox.Store, rdf_files: Sequence[Path]) -> None:
    """Parse files with Oxigraph's loaders: quads into their graphs, triples into the default graph."""
    has_quads = False
    for path in rdf_files:
        rdf_format = RDF_FORMATS.get(path.suffix.lower())
        if rdf_format is None:
            raise InputError(
                f"unknown RDF file type {path.suffix!r}; use one of {', '.join(RDF_FORMATS)}",
                Location(path, 0),
            )
        if not path.is_file():
            raise InputError("no such RDF file", Location(path, 0))
        target = None if rdf_format in _QUAD_FORMATS else ox.DefaultGraph()
        has_quads |= target is None
        try:
            store.bulk_load(path=str(path), format=rdf_format, to_graph=target)
        except (SyntaxError, ValueError, OSError) as error:
            line = re.search(r"line (\d+)", str(error))
            raise InputError(
                f"cannot parse RDF: {error}", Location(path, int(line.group(1)) if line else 0)
            ) from None
    if has_quads:
        store.update(_FILL_DEFAULT_GRAPH)


def open_dataset(rdf_files: Sequence[Path] = (), *, store_path: Path | None = None) -> Dataset:
    """The graph on Oxigraph: a loaded on-disk store, the given RDF files, or the packaged data."""
    if store_path is not None:
        if rdf_files:
            raise InputError("give either RDF files or --store, not both", Location(store_path, 0))
        complete = readable(store_path)
        if not (complete / _MARKER).is_file():
            raise InputError("not a store made by `mig-graph load`", Location(store_path, 0))
        return _dataset(ox.Store.read_only(str(complete)))
    if not rdf_files:
        return load_dataset(compile_data().dataset)
    store = ox.Store()
    _bulk_load(store, rdf_files)
    return _dataset(store)


def load_store(store_path: Path, rdf_files: Sequence[Path] = ()) -> int:
    """Create an on-disk store holding the RDF files (or the packaged data compiled); return its size.

    The store is loaded beside ``store_path`` and swapped in only when complete
    (:func:`mig_graph.folderswap.replaced_folder`): until then the previous store stays readable,
    and bad input leaves it untouched.
    """
    if store_path.is_dir() and any(store_path.iterdir()) and not (store_path / _MARKER).is_file():
        raise InputError(
            "folder exists and is not a mig-graph store; refusing to overwrite", Location(store_path, 0)
        )
    with replaced_folder(store_path, "load") as staging:
        size = _fill_store(staging, rdf_files)
    return size


def _fill_store(folder: Path, rdf_files: Sequence[Path]) -> int:
    store = ox.Store(str(folder))
    if rdf_files:
        _bulk_load(store, rdf_files)
    else:
        load_dataset(compile_data().dataset, store)
    pause_for_tests("load:writing")
    store.flush()
    store.optimize()
    size = len(store)
    del store
    (folder / _MARKER).write_text("An Oxigraph store written by `mig-graph load`.\n", encoding="utf-8")
    return size


def in_memory(graph: Graph) -> Graph:
    """An in-memory copy of a stored graph, its ``xsd:string`` literals made simple again."""
    copy = Graph()
    copy.addN((s, p, simple_literal(o), copy) for s, p, o in graph)
    return copy


def oxigraph_of(dataset: Dataset) -> ox.Store | None:
    """The Oxigraph store behind ``dataset``, or None when it uses one of rdflib's own stores."""
    store = dataset.store
    return store._inner if isinstance(store, OxigraphStore) else None


def oxigraph_store(dataset: Dataset) -> ox.Store:
    """The Oxigraph store behind a dataset (as :func:`open_dataset` gives), for index lookups and
    streaming without rdflib copies."""
    store = oxigraph_of(dataset)
    if store is None:
        raise TypeError("the dataset is not held in Oxigraph; open it with open_dataset or load_dataset")
    return store
