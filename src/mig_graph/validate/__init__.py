"""Stage 3, validate: the SHACL shapes over the compiled graph or over any RDF."""

from mig_graph.validate.shacl import (
    ENGINES,
    ValidationReport,
    ValidationResult,
    focus_subgraph,
    load_shapes,
    validate_graph,
    validate_inputs,
)

__all__ = [
    "ENGINES",
    "ValidationReport",
    "ValidationResult",
    "focus_subgraph",
    "load_shapes",
    "validate_graph",
    "validate_inputs",
]
