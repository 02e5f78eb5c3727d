"""The validation report: each result ready for a curator, and the standard SHACL report graph."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import Node

from mig_graph.errors import Location
from mig_graph.namespaces import compact

__all__ = ["SHAPES_IRI", "ValidationReport", "ValidationResult", "merge_reports", "report_of"]

SHAPES_IRI = "https://w3id.org/mig-graph/shapes#"


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


def merge_reports(*reports: Graph) -> Graph:
    """One ``sh:ValidationReport`` holding the results of every pass, ``sh:conforms`` recomputed."""
    merged = Graph()
    merged.bind("sh", str(SH))
    merged.bind("mgsh", SHAPES_IRI)
    old_reports = [next(graph.subjects(RDF.type, SH.ValidationReport)) for graph in reports]
    report = old_reports[0] if old_reports else BNode()
    for graph, old_report in zip(reports, old_reports, strict=True):
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


def report_of(
    report_graph: Graph,
    data: Graph,
    shapes: Graph,
    origins: Mapping[Node, Location],
    focus_roots: tuple[str, ...] | None = None,
) -> ValidationReport:
    """The curator's view of a standard report graph: sorted results with labels and records.

    With ``focus_roots``, only results about those entities or the nodes under their IRIs.
    """
    results = sorted(
        (_result(row, data, shapes, origins) for row in _result_rows(report_graph)),
        key=lambda r: (r.focus, r.severity, r.shape, r.message, r.value or "", r.path or ""),
    )
    if focus_roots is not None:
        under = tuple(f"{root}/" for root in focus_roots)
        results = [r for r in results if r.focus in focus_roots or r.focus.startswith(under)]
    return ValidationReport(tuple(results), report_graph)


def _result_rows(report: Graph):
    """(result, focus, shape, severity, message, value, path) of every result of ``report``
    (the nested ``sh:detail`` results too), a row for each message."""
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        shape = report.value(result, SH.sourceShape)
        severity = report.value(result, SH.resultSeverity)
        if focus is None or shape is None or severity is None:
            continue
        value = report.value(result, SH.value)
        path = report.value(result, SH.resultPath)
        path = path if isinstance(path, URIRef) else None
        for message in list(report.objects(result, SH.resultMessage)) or [None]:
            yield result, focus, shape, severity, message, value, path


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
