"""The curated data compiled: read the files, compile them, and take the union of the source graphs."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rdflib import Dataset, Graph

from mig_graph import paths
from mig_graph.compile.compiler import CompiledData, compile_dataset
from mig_graph.namespaces import bind_prefixes
from mig_graph.records import read_data_files, wikidata_items

__all__ = ["compile_data", "union_graph"]


def compile_data(data_paths: Sequence[Path] | None = None) -> CompiledData:
    """Read and compile the curated data (the packaged ``data/`` by default)."""
    files = read_data_files(list(data_paths) if data_paths else [paths.data_dir()])
    vocabularies = Graph().parse(paths.vocabularies_file(), format="turtle")
    return compile_dataset(
        files,
        vocabularies=vocabularies,
        country_wikidata=wikidata_items(paths.country_wikidata_table()),
    )


def union_graph(dataset: Dataset) -> Graph:
    """All triples of all named graphs in one graph, with the project's prefixes bound."""
    graph = Graph()
    bind_prefixes(graph)
    for context in dataset.graphs():
        for triple in context:
            graph.add(triple)
    return graph
