"""Stage 3, validate: check a graph against the SHACL shapes in ``shapes/`` with pySHACL.

pySHACL runs twice over the same shapes: the SHACL Core shapes on an in-memory
rdflib graph (fast triple lookups), the SHACL-SPARQL shapes on an Oxigraph-backed
graph (fast SPARQL, 5-30x faster than rdflib's engine here).  Both passes add
the ontology, so ``sh:class`` and class targets follow ``rdfs:subClassOf``.
The two standard report graphs are merged.  Each result carries what a curator
needs to fix it: the entity's label, the named shape, the message, the offending
value and, for data compiled from ``data/``, the file and line of its record.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import Node

from mig_graph import paths
from mig_graph.compile.dataset import compile_data, union_graph
from mig_graph.errors import Location
from mig_graph.namespaces import compact
from mig_graph.store import in_memory, open_dataset

__all__ = [
    "ValidationReport",
    "ValidationResult",
    "focus_subgraph",
    "load_shapes",
    "validate_graph",
    "validate_inputs",
]

SHAPES_IRI = "https://w3id.org/mig-graph/shapes#"

_RESULTS = """
PREFIX sh: <http://www.w3.org/ns/shacl#>
SELECT ?result ?focus ?shape ?severity ?message ?value ?path WHERE {
  ?result a sh:ValidationResult ;
          sh:focusNode ?focus ;
          sh:sourceShape ?shape ;
          sh:resultSeverity ?severity .
  OPTIONAL { ?result sh:resultMessage ?message }
  OPTIONAL { ?result sh:value ?value }
  OPTIONAL { ?result sh:resultPath ?path . FILTER(isIRI(?path)) }
}
"""


@dataclass(frozen=True, order=True)
class ValidationResult:
    """One SHACL result, ready to show to a curator."""

    focus: str
    severity: str
    shape: str
    message: str
    label: str | None = None
    value: str | None = None
    path: str | None = None
    file: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class ValidationReport:
    """All results, the standard SHACL report graph, and whether the graph conforms."""

    results: tuple[ValidationResult, ...]
    graph: Graph

    @property
    def violations(self) -> tuple[ValidationResult, ...]:
        return tuple(r for r in self.results if r.severity == "Violation")

    @property
    def warnings(self) -> tuple[ValidationResult, ...]:
        return tuple(r for r in self.results if r.severity != "Violation")

    @property
    def conforms(self) -> bool:
        """True when there is no violation (warnings are allowed)."""
        return not self.violations

    def to_json(self) -> str:
        document = {
            "conforms": self.conforms,
            "violations": len(self.violations),
            "warnings": len(self.warnings),
            "results": [asdict(result) for result in self.results],
        }
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"

    def to_turtle(self) -> str:
        return self.graph.serialize(format="turtle")

    def to_text(self) -> str:
        """Results grouped by focus node, each node with its label and the record it came from."""
        lines: list[str] = []
        for focus in sorted({r.focus for r in self.results}):
            group = [r for r in self.results if r.focus == focus]
            first = group[0]
            where = f"  ({first.file}:{first.line})" if first.file else ""
            label = f" {first.label}" if first.label else ""
            lines.append(f"{compact(focus)}{label}{where}")
            for result in group:
                value = f" [value: {result.value}]" if result.value is not None else ""
                lines.append(f"  {result.severity.upper()} {result.shape}: {result.message}{value}")
        verdict = "the graph conforms" if self.conforms else "the graph does not conform"
        lines.append(f"{len(self.violations)} violations, {len(self.warnings)} warnings: {verdict}.")
        return "\n".join(lines) + "\n"


@cache
def load_shapes(shapes_dir: Path | None = None) -> Graph:
    """Every ``*.ttl`` file of the shapes folder in one graph."""
    shapes = Graph()
    for path in sorted((shapes_dir or paths.shapes_dir()).glob("*.ttl")):
        shapes.parse(path, format="turtle")
    return shapes


@cache
def _ontology() -> Graph:
    return Graph().parse(paths.ontology_file(), format="turtle")


class _OxigraphDataGraph(Graph):
    """The data graph of the SPARQL pass: an Oxigraph-backed graph tuned for pySHACL's calls.

    - ``len()`` of an Oxigraph store scans it, and pySHACL asks for the size several times per
      result: on a graph that no longer changes the count is kept (``freeze_size``).
    - pySHACL runs each SPARQL constraint once per focus node with ``$this`` pre-bound.  Passed as
      Oxigraph substitutions, the binding is joined late and parts of the query are evaluated for
      the whole graph (481 ms per focus node at 10^6 quads); written as a ``VALUES`` block at the
      head of the ``WHERE`` clause it is bound first (0.8 ms).  Both mean the same pre-binding.
    """

    _size: int | None = None

    def freeze_size(self) -> None:
        self._size = super().__len__()

    def __len__(self) -> int:
        return self._size if self._size is not None else super().__len__()

    def query(  # rdflib's signature, camelCase included
        self,
        query_object: Any,
        processor: Any = "sparql",
        result: Any = "sparql",
        initNs: Mapping[str, Any] | None = None,
        initBindings: Mapping[str, Node] | None = None,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        if initBindings and isinstance(query_object, str):
            query_object = _bind_first(query_object, initBindings)
            initBindings = None
        return super().query(query_object, processor, result, initNs, initBindings, *args, **kwargs)


def _bind_first(query: str, bindings: Mapping[str, Node]) -> str:
    """``query`` with ``bindings`` as a ``VALUES`` block opening its (first) ``WHERE`` group.

    >>> _bind_first("SELECT $this WHERE { $this a ?k }", {"this": URIRef("urn:x")})
    'SELECT $this WHERE { VALUES (?this) { (<urn:x>) } $this a ?k }'
    """
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(term.n3() for term in bindings.values())
    opening = query.index("{") + 1
    return f"{query[:opening]} VALUES ({names}) {{ ({values}) }}{query[opening:]}"


def _partition(shapes: Graph) -> tuple[list[URIRef], list[URIRef]]:
    """Named shapes split into (SHACL Core shapes, shapes with SPARQL constraints)."""
    named = {
        shape
        for kind in (SH.NodeShape, SH.PropertyShape)
        for shape in shapes.subjects(RDF.type, kind)
        if isinstance(shape, URIRef)
    }
    with_sparql = {shape for shape in named if (shape, SH.sparql, None) in shapes}
    return sorted(named - with_sparql), sorted(with_sparql)


def validate_graph(
    data: Graph,
    *,
    origins: Mapping[Node, Location] | None = None,
    focus_nodes: Iterable[URIRef] | None = None,
) -> ValidationReport:
    """Validate ``data`` against the shapes: Core shapes in memory, SPARQL shapes in Oxigraph.

    ``data`` is not copied: the ontology's triples are added to it for the Core pass and removed
    afterwards, so it must not be read by another thread meanwhile.
    """
    from pyshacl import validate

    shapes = load_shapes()
    ontology = _ontology()
    core, sparql = _partition(shapes)
    focus = [URIRef(node) for node in focus_nodes] if focus_nodes is not None else None
    if focus is not None:
        data = focus_subgraph(data, focus)
    # the ontology joins the data for the Core pass and leaves after it: pySHACL would otherwise
    # copy the whole data graph to add it (one more in-memory copy, ~1.2 KB per triple)
    added = [triple for triple in ontology if triple not in data]
    data.addN((s, p, o, data) for s, p, o in added)
    try:
        _, core_report, _ = validate(
            data, shacl_graph=shapes, allow_warnings=True, use_shapes=core, inplace=True
        )
    finally:
        for triple in added:
            data.remove(triple)
    in_oxigraph = _OxigraphDataGraph(store="Oxigraph")
    in_oxigraph.addN((s, p, o, in_oxigraph) for s, p, o in data)
    in_oxigraph.addN((s, p, o, in_oxigraph) for s, p, o in ontology)
    in_oxigraph.freeze_size()
    _, sparql_report, _ = validate(
        in_oxigraph, shacl_graph=shapes, allow_warnings=True, use_shapes=sparql, inplace=True
    )
    report_graph = _merge_reports(core_report, sparql_report)
    results = sorted(
        (_result(row, data, shapes, origins or {}) for row in report_graph.query(_RESULTS)),
        key=lambda r: (r.focus, r.severity, r.shape, r.message, r.value or "", r.path or ""),
    )
    if focus is not None:
        roots = tuple(str(node) for node in focus)
        results = [
            r for r in results if r.focus in roots or r.focus.startswith(tuple(f"{n}/" for n in roots))
        ]
    return ValidationReport(tuple(results), report_graph)


def focus_subgraph(data: Graph, focus: Iterable[URIRef]) -> Graph:
    """What the shapes need to check ``focus`` alone: each entity with the nodes under its IRI,
    what links to it (memberships, conflicts) and one hop of what they all point to."""
    linked = {s for node in focus for s in data.subjects(None, node) if isinstance(s, URIRef)}
    roots = tuple(str(node) for node in {*focus, *linked})
    core = {s for s in set(data.subjects()) if isinstance(s, URIRef) and str(s).startswith(roots)}
    subgraph = Graph()
    frontier: set[Node] = set()
    for subject in core:
        for p, o in data.predicate_objects(subject):
            subgraph.add((subject, p, o))
            frontier.add(o)
    for node in frontier - core:
        for p, o in data.predicate_objects(node):
            subgraph.add((node, p, o))
    return subgraph


def validate_inputs(
    rdf_files: Sequence[Path] = (),
    data_paths: Sequence[Path] | None = None,
    focus_nodes: Iterable[URIRef] | None = None,
) -> ValidationReport:
    """Validate RDF files, or the graph compiled from curated data (packaged by default)."""
    if rdf_files:
        data = in_memory(open_dataset(rdf_files).default_graph)
        return validate_graph(data, focus_nodes=focus_nodes)
    compiled = compile_data(data_paths)
    return validate_graph(union_graph(compiled.dataset), origins=compiled.origins, focus_nodes=focus_nodes)


def _merge_reports(first: Graph, second: Graph) -> Graph:
    """One sh:ValidationReport holding the results of both passes."""
    merged = Graph()
    merged.bind("sh", str(SH))
    merged.bind("mgsh", SHAPES_IRI)
    reports = [
        next(first.subjects(RDF.type, SH.ValidationReport)),
        next(second.subjects(RDF.type, SH.ValidationReport)),
    ]
    report = reports[0]
    for graph, old_report in ((first, reports[0]), (second, reports[1])):
        for s, p, o in graph:
            if s == old_report:
                continue
            merged.add((s, p, o))
        for result in graph.objects(old_report, SH.result):
            merged.add((report, SH.result, result))
    has_violation = any(
        merged.value(result, SH.resultSeverity) == SH.Violation
        for result in merged.objects(report, SH.result)
    )
    merged.add((report, RDF.type, SH.ValidationReport))
    merged.add((report, SH.conforms, Literal(not has_violation)))
    return merged


def _result(row, data: Graph, shapes: Graph, origins: Mapping[Node, Location]) -> ValidationResult:
    _, focus, shape, severity, message, value, path = row
    origin = origins.get(focus)
    return ValidationResult(
        focus=str(focus),
        severity=str(severity).rsplit("#", 1)[1],
        shape=_shape_name(shape, shapes),
        message=str(message) if message is not None else "",
        label=_label(focus, data),
        value=_show(value),
        path=compact(str(path)) if path is not None else None,
        file=str(origin.path) if origin else None,
        line=origin.line if origin else None,
    )


def _shape_name(shape: Node, shapes: Graph) -> str:
    """The named shape that holds a (possibly anonymous) property shape."""
    if isinstance(shape, URIRef):
        return _short(shape)
    for parent in shapes.subjects(SH.property, shape):
        if isinstance(parent, URIRef):
            path = shapes.value(shape, SH.path)
            if isinstance(path, URIRef):
                return f"{_short(parent)} ({compact(str(path))})"
            if path is not None and shapes.value(path, RDF.first) is not None:
                steps = "/".join(compact(str(step)) for step in Collection(shapes, path))
                return f"{_short(parent)} ({steps})"
            return _short(parent)
    for parent in shapes.subjects(SH.sparql, shape):
        if isinstance(parent, URIRef):
            return _short(parent)
    return "(anonymous shape)"


def _short(iri: URIRef) -> str:
    text = str(iri)
    return "mgsh:" + text[len(SHAPES_IRI) :] if text.startswith(SHAPES_IRI) else compact(text)


def _label(node: Node, data: Graph) -> str | None:
    labels = {
        label.language: str(label) for label in data.objects(node, RDFS.label) if isinstance(label, Literal)
    }
    return labels.get("en") or labels.get("fr") or next(iter(labels.values()), None)


def _show(value: Node | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, Literal):
        return str(value)
    return compact(str(value))
