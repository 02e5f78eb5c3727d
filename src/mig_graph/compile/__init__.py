"""Stage 2, compile: records into RDF quads, one named graph per source, and their union."""

from mig_graph.compile.compiler import VOCABULARY_GRAPH, CompiledData, compile_dataset
from mig_graph.compile.dataset import compile_data, union_graph
from mig_graph.compile.vocabulary import ControlledLists

__all__ = [
    "VOCABULARY_GRAPH",
    "CompiledData",
    "ControlledLists",
    "compile_data",
    "compile_dataset",
    "union_graph",
]
