"""Stage 2a, compile: turn curated records into an RDF dataset with provenance.

Each source document gets a named graph (its own IRI); every triple a record
yields goes into the graph of each source that states it, and every entity,
membership, participation, signature and tenure also carries
``prov:wasDerivedFrom`` links to those sources.  The field table lives in
:mod:`mig_graph.records.spec`; the modules of this package read values
(:mod:`~mig_graph.compile.fields`), resolve references
(:mod:`~mig_graph.compile.registry`) and emit triples, each node with the record
it came from (:mod:`~mig_graph.compile.emitter`).
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import RDFS, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from mig_graph.compile.compilation import Compilation
from mig_graph.compile.confirmations import emit_confirmations
from mig_graph.compile.conflicts import emit_conflict
from mig_graph.compile.emitter import Emitter
from mig_graph.compile.memberships import emit_membership
from mig_graph.compile.registry import Registry
from mig_graph.compile.sources import emit_source
from mig_graph.compile.successions import resolve_successions
from mig_graph.compile.values import as_record
from mig_graph.compile.vocabulary import ControlledLists
from mig_graph.errors import InputError, Location
from mig_graph.records import SECTIONS, DataFile, as_list

__all__ = ["VOCABULARY_GRAPH", "CompiledData", "compile_dataset"]

VOCABULARY_GRAPH = URIRef("https://w3id.org/mig-graph/vocab")
"""The named graph of the controlled lists."""


@dataclass(frozen=True)
class CompiledData:
    """The compiled dataset, and for each node the record (file, line) it first came from."""

    dataset: Dataset
    origins: dict[Node, Location]


def compile_dataset(
    files: list[DataFile],
    *,
    vocabularies: Graph,
    country_wikidata: dict[str, str],
) -> CompiledData:
    """Compile data files into a dataset: one named graph per source, plus the vocabularies.

    Parameters
    ----------
    files
        The data files, read; every id of every file is registered before any is compiled.
    vocabularies
        The controlled lists (SKOS concepts), copied into ``VOCABULARY_GRAPH``.
    country_wikidata
        The Wikidata item of each country, by ISO 3166-1 alpha-3 code.

    Returns
    -------
    CompiledData

    Raises
    ------
    InputError
        At the first unusable value, naming its file, line and record.
    """
    dataset = Dataset()
    vocabulary_graph = dataset.graph(VOCABULARY_GRAPH)
    for triple in vocabularies:
        vocabulary_graph.add(triple)
    compilation = Compilation(Emitter(dataset), Registry(), ControlledLists(vocabularies), country_wikidata)
    compilation.registry.register(files)
    for data_file in files:
        _emit_file(compilation, data_file)
    # what needs every membership: the terms that follow derived ends, the dates sources confirm
    resolve_successions(compilation)
    emit_confirmations(compilation)
    _check_labels(compilation)
    return CompiledData(dataset, compilation.emitter.origins)


def _emit_file(compilation: Compilation, data_file: DataFile) -> None:
    content = data_file.content
    default = (compilation.registry.file_sources[data_file.path],)
    emit_source(compilation, content["source"], seed=True)
    for reference in as_list(content.get("references")):
        emit_source(compilation, reference, seed=False)
    for name, section in SECTIONS.items():
        for record in as_list(content.get(name)):
            compilation.emit_record(section, record, default)
    for record, where in content.items_of("memberships"):
        emit_membership(compilation, as_record(record, where), default)
    for record, where in content.items_of("conflicts"):
        emit_conflict(compilation, as_record(record, where), default)


def _check_labels(compilation: Compilation) -> None:
    """Every record-defined entity has an English and a French label somewhere."""
    dataset = compilation.emitter.dataset
    for _, entry in sorted(compilation.registry.entries.items()):
        languages = {
            label.language
            for _, _, label, _ in dataset.quads((entry.iri, RDFS.label, None, None))
            if isinstance(label, Literal)
        }
        missing = {"en", "fr"} - languages
        if missing:
            raise InputError(f"no label in {', '.join(sorted(missing))}", entry.location)
