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

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.term import Node

from mig_graph import paths
from mig_graph.compiler import CompiledData, compile_dataset
from mig_graph.countries import wikidata_items
from mig_graph.errors import Location
from mig_graph.namespaces import PREFIXES, bind_prefixes
from mig_graph.sources import read_data_files
from mig_graph.testpause import pause_for_tests
from mig_graph.validate import ValidationReport, validate_graph

__all__ = [
    "OUTPUT_NAMES",
    "BuildResult",
    "build",
    "compile_data",
    "finish_interrupted",
    "jsonld_context",
    "jsonld_nodes",
    "jsonld_text",
    "sorted_lines",
    "union_graph",
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
        TRIG: _trig(dataset),
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


def sorted_lines(text: str) -> str:
    """Line-based RDF (N-Triples, N-Quads) in a stable order, each line once."""
    lines = sorted({line for line in text.splitlines() if line.strip()})
    return "\n".join(lines) + "\n"


def _trig(dataset: Dataset) -> str:
    """TriG with graphs and triples in a stable order."""
    prefixes: set[str] = set()
    blocks: list[str] = []
    for context in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        if len(context) == 0 or str(context.identifier).startswith("urn:x-rdflib:"):
            continue
        body = Graph()
        bind_prefixes(body)
        for triple in context:
            body.add(triple)
        lines = body.serialize(format="turtle").splitlines()
        prefixes.update(line for line in lines if line.startswith("@prefix"))
        statements = [f"    {line}" if line else "" for line in lines if not line.startswith("@prefix")]
        blocks.append(f"<{context.identifier}> {{\n" + "\n".join(statements).strip("\n") + "\n}\n")
    return "\n".join(sorted(prefixes)) + "\n\n" + "\n".join(blocks)


def jsonld_context() -> str:
    """The standalone JSON-LD context file: the project's prefixes."""
    return json.dumps({"@context": PREFIXES}, indent=2, sort_keys=True) + "\n"


def jsonld_text(graph: Graph, context: str | dict) -> str:
    """JSON-LD compacted with the project's prefixes, nodes and values in a stable order.

    ``context`` is what the document's ``@context`` says: the address of a context file, or the
    context itself (a standalone document).
    """
    compact = {"@context": context, "@graph": jsonld_nodes(graph)}
    return json.dumps(compact, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def jsonld_nodes(graph: Graph) -> list[dict]:
    """The JSON-LD nodes of a graph, compacted with the project's prefixes, in a stable order."""
    document = json.loads(graph.serialize(format="json-ld", context=PREFIXES, auto_compact=True))
    nodes = document.get("@graph", [document])
    for node in nodes:
        for key, value in node.items():
            if isinstance(value, list):
                node[key] = sorted(value, key=lambda v: json.dumps(v, sort_keys=True))
    return sorted(nodes, key=lambda node: node.get("@id", ""))
