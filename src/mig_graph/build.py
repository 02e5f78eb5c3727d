"""Stage 2, build: read the curated data, compile it and write the graph files.

Outputs, all byte-identical for identical input:

``mig-graph.ttl``     every triple (the union of the source graphs), Turtle
``mig-graph.nt``      the same, N-Triples, sorted
``mig-graph.jsonld``  the same, JSON-LD, using ``context.jsonld`` as its ``@context``
``context.jsonld``    the small standalone JSON-LD context (prefixes)
``mig-graph.nq``      the dataset with one named graph per source, N-Quads, sorted
``mig-graph.trig``    the same dataset, TriG

The graph is validated against the SHACL shapes first: a graph with violations
is not written unless the caller allows it.  Files are written to temporary
names and renamed into place only once every output is ready, so a failed,
refused or interrupted build leaves the old outputs (see :func:`write_outputs`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.term import Node

from mig_graph.compile.dataset import compile_data, union_graph
from mig_graph.errors import Location
from mig_graph.rdf.writers import jsonld_context, jsonld_text, sorted_lines, trig_text
from mig_graph.testpause import pause_for_tests
from mig_graph.validate.shacl import ValidationReport, validate_graph

__all__ = [
    "OUTPUT_NAMES",
    "BuildResult",
    "build",
    "finish_interrupted",
    "write_outputs",
]

TURTLE = "mig-graph.ttl"
NTRIPLES = "mig-graph.nt"
JSONLD = "mig-graph.jsonld"
CONTEXT = "context.jsonld"
NQUADS = "mig-graph.nq"
TRIG = "mig-graph.trig"
OUTPUT_NAMES = (TURTLE, NTRIPLES, JSONLD, CONTEXT, NQUADS, TRIG)
READY_MARKER = ".mig-graph.build-ready"


@dataclass(frozen=True)
class BuildResult:
    """What a build produced: the dataset, its union graph, its validation, the files written.

    ``outputs`` is empty when the build was refused because the graph has violations.
    """

    dataset: Dataset
    graph: Graph
    report: ValidationReport
    outputs: tuple[Path, ...]
    origins: dict[Node, Location]


def build(
    data_paths: Sequence[Path] | None = None,
    out_dir: Path = Path("dist"),
    *,
    allow_invalid: bool = False,
) -> BuildResult:
    """Compile and validate the data; write every output into ``out_dir`` unless it has violations.

    An earlier build's interrupted write is finished first (:func:`finish_interrupted`), even when
    this build then fails or is refused.
    """
    if out_dir.is_dir():
        finish_interrupted(out_dir)
    compiled = compile_data(data_paths)
    graph = union_graph(compiled.dataset)
    report = validate_graph(graph, origins=compiled.origins)
    outputs: tuple[Path, ...] = ()
    if report.conforms or allow_invalid:
        outputs = write_outputs(compiled.dataset, graph, out_dir)
    return BuildResult(compiled.dataset, graph, report, outputs, compiled.origins)


def write_outputs(dataset: Dataset, graph: Graph, out_dir: Path) -> tuple[Path, ...]:
    """Serialise the graph and the dataset; rename into ``out_dir`` only when all are ready.

    Every output is first written under a temporary name (``.NAME.tmp``); then a marker
    (``.mig-graph.build-ready``) records that all of them are complete, the renames follow, and the
    marker goes.  Whatever stops the build, :func:`finish_interrupted` (run again on the way out and
    at the start of the next build) removes the temporary files, or, past the marker, completes the
    renames, so ``out_dir`` holds the old outputs or the new ones.
    """
    contents = {
        TURTLE: graph.serialize(format="turtle"),
        NTRIPLES: sorted_lines(graph.serialize(format="nt")),
        JSONLD: jsonld_text(graph, CONTEXT),
        CONTEXT: jsonld_context(),
        NQUADS: sorted_lines(dataset.serialize(format="nquads")),
        TRIG: trig_text(dataset),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    finish_interrupted(out_dir)
    try:
        for number, (name, text) in enumerate(contents.items()):
            if number == len(contents) // 2:
                pause_for_tests("build:writing")
            _temporary(out_dir, name).write_text(text, encoding="utf-8")
        (out_dir / READY_MARKER).touch()
        for number, name in enumerate(contents):
            if number == len(contents) // 2:
                pause_for_tests("build:renaming")
            os.replace(_temporary(out_dir, name), out_dir / name)
        (out_dir / READY_MARKER).unlink()
    finally:
        finish_interrupted(out_dir)
    return tuple(out_dir / name for name in contents)


def finish_interrupted(out_dir: Path) -> None:
    """Bring ``out_dir`` back to one build's outputs after an interrupted write: without the
    marker, remove the temporary files; with it, rename the remaining ones into place."""
    ready = out_dir / READY_MARKER
    committed = ready.is_file()
    for name in OUTPUT_NAMES:
        temporary = _temporary(out_dir, name)
        if committed and temporary.is_file():
            os.replace(temporary, out_dir / name)
        else:
            temporary.unlink(missing_ok=True)
    ready.unlink(missing_ok=True)


def _temporary(out_dir: Path, name: str) -> Path:
    return out_dir / f".{name}.tmp"
