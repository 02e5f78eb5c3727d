"""Stage 3, validate: check a graph against the SHACL shapes in ``shapes/``.

Two engines give the same results.  ``pyshacl`` (the reference) runs pySHACL twice over the same
shapes: the SHACL Core shapes on an in-memory rdflib graph, the SHACL-SPARQL shapes on an
Oxigraph-backed graph, each constraint once per focus node.  ``fast`` (the default) runs every
constraint once over the whole graph on Oxigraph: the Core constraints compiled to SPARQL
(:mod:`mig_graph.validate.core_sparql`), the SPARQL constraints rewritten with ``$this`` bound by
the shape's targets (:mod:`mig_graph.validate.whole_graph`); a shape or constraint it cannot write
exactly stays with pySHACL.  Every pass adds the ontology, so ``sh:class`` and class targets follow
``rdfs:subClassOf``; their standard report graphs are merged.  Each result carries what a curator
needs to fix it: the entity's label, the named shape, the message, the offending value and, for
data compiled from ``data/``, the file and line of its record.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from mig_graph import paths
from mig_graph.compile.dataset import compile_data, union_graph
from mig_graph.errors import Location
from mig_graph.rdf.terms import from_oxigraph
from mig_graph.store import in_memory, open_dataset, oxigraph_store
from mig_graph.validate.core_sparql import CorePlan, plan_core_checks, run_core_checks
from mig_graph.validate.results import (
    SHAPES_IRI,
    ValidationReport,
    ValidationResult,
    merge_reports,
    report_of,
)
from mig_graph.validate.whole_graph import (
    ConstraintPlan,
    oxigraph_copy,
    plan_constraints,
    run_constraints,
)

__all__ = [
    "ENGINES",
    "SHAPES_IRI",
    "ValidationReport",
    "ValidationResult",
    "focus_subgraph",
    "load_shapes",
    "validate_graph",
    "validate_inputs",
]

ENGINES = ("fast", "pyshacl")

# a shape's predicates that check nothing by themselves
_NOT_CONSTRAINTS = {
    RDF.type,
    *(SH[name] for name in ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf")),
    *(SH[name] for name in ("severity", "message", "deactivated", "name", "description", "order", "group")),
    URIRef("http://www.w3.org/2000/01/rdf-schema#label"),
    URIRef("http://www.w3.org/2000/01/rdf-schema#comment"),
}


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


class _ResultSource(Graph):
    """The data graph as pySHACL's result builder reads it: it tests the graph's truth (``datagraph
    or shapes_graph``), which rdflib answers by counting the triples, a scan of an Oxigraph store;
    here it is true without counting."""

    def __bool__(self) -> bool:
        return True


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
    named = _named_shapes(shapes)
    with_sparql = [shape for shape in named if (shape, SH.sparql, None) in shapes]
    return [shape for shape in named if shape not in with_sparql], with_sparql


def _named_shapes(shapes: Graph) -> list[URIRef]:
    return sorted(
        {
            shape
            for kind in (SH.NodeShape, SH.PropertyShape)
            for shape in shapes.subjects(RDF.type, kind)
            if isinstance(shape, URIRef)
        }
    )


@cache
def _fast_plan() -> tuple[ConstraintPlan, CorePlan, Graph, list[URIRef], list[URIRef]]:
    """The ``fast`` engine's division of the shapes: (the rewritten SPARQL constraints, the
    compiled Core constraints, the shapes graph left to pySHACL, its shapes for the in-memory
    pass, its shapes for the Oxigraph pass)."""
    shapes = load_shapes()
    plan = plan_constraints(shapes)
    remaining = Graph()
    remaining.addN((s, p, o, remaining) for s, p, o in shapes if p != SH.sparql or (s, o) not in plan.taken)
    emptied = {shape for shape, _ in plan.taken}
    core, sparql = [], []
    for shape in _named_shapes(remaining):
        if (shape, SH.sparql, None) in remaining:
            sparql.append(shape)
        elif shape not in emptied or set(remaining.predicates(shape)) - _NOT_CONSTRAINTS:
            core.append(shape)
    core_plan = plan_core_checks(remaining, core)
    return plan, core_plan, remaining, list(core_plan.left), sparql


def needs_rdflib_graph(engine: str = "fast") -> bool:
    """Whether ``engine`` runs pySHACL on the data, which then wants an in-memory rdflib copy
    (the ``fast`` engine does only for shapes it cannot compile to SPARQL)."""
    if engine != "fast":
        return True
    _, _, _, core_left, sparql = _fast_plan()
    return bool(core_left or sparql)


def validate_graph(
    data: Graph,
    *,
    origins: Mapping[Node, Location] | None = None,
    focus_nodes: Iterable[URIRef] | None = None,
    engine: str = "fast",
    oxigraph: ox.Store | None = None,
) -> ValidationReport:
    """Validate ``data`` against the shapes.

    Parameters
    ----------
    data
        The graph; not copied: the ontology's triples are added to it for the Core pass and
        removed afterwards, so it must not be read by another thread meanwhile.
    origins
        The record each node was compiled from, for the results' file and line.
    focus_nodes
        Check only these entities (and the nodes under their IRIs).
    engine
        ``fast`` (SPARQL constraints once over the whole graph) or ``pyshacl`` (the reference).
    oxigraph
        A store whose default graph holds ``data`` already, for the ``fast`` engine's queries
        (the ontology is added to it); without it, or with ``focus_nodes``, ``data`` is copied.

    Returns
    -------
    ValidationReport
        The sorted results and the standard SHACL report graph.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown validation engine {engine!r}; use one of {', '.join(ENGINES)}")
    shapes = load_shapes()
    focus = [URIRef(node) for node in focus_nodes] if focus_nodes is not None else None
    if focus is not None:
        data = focus_subgraph(data, focus, store=oxigraph if engine == "fast" else None)
    if engine == "pyshacl":
        core, sparql = _partition(shapes)
        reports = [_core_pass(data, shapes, core)] if core else []
        if sparql:
            reports.append(_pyshacl_sparql_pass(data, shapes, sparql))
    else:
        plan, core_plan, remaining, core_left, sparql = _fast_plan()
        reports = [_core_pass(data, remaining, core_left)] if core_left else []
        if sparql:
            reports.append(_pyshacl_sparql_pass(data, shapes, sparql))
        if oxigraph is None or focus is not None:
            oxigraph = oxigraph_copy(data)
        oxigraph.load(path=str(paths.ontology_file()), format=ox.RdfFormat.TURTLE, to_graph=ox.DefaultGraph())
        source = _ResultSource(store=data.store, identifier=data.identifier)
        reports.append(run_core_checks(core_plan, oxigraph, source))
        reports.append(run_constraints(plan, oxigraph, source))
    roots = tuple(str(node) for node in focus) if focus is not None else None
    return report_of(merge_reports(*reports), data, shapes, origins or {}, roots)


def _core_pass(data: Graph, shapes: Graph, use_shapes: list[URIRef]) -> Graph:
    """pySHACL's report of ``use_shapes`` on the in-memory ``data``, the ontology added in place."""
    from pyshacl import validate

    # the ontology joins the data for the Core pass and leaves after it: pySHACL would otherwise
    # copy the whole data graph to add it (one more in-memory copy, ~1.2 KB per triple)
    added = [triple for triple in _ontology() if triple not in data]
    data.addN((s, p, o, data) for s, p, o in added)
    try:
        _, report, _ = validate(
            data, shacl_graph=shapes, allow_warnings=True, use_shapes=use_shapes, inplace=True
        )
    finally:
        for triple in added:
            data.remove(triple)
    return report


def _pyshacl_sparql_pass(data: Graph, shapes: Graph, use_shapes: list[URIRef]) -> Graph:
    """pySHACL's report of ``use_shapes`` on an Oxigraph copy of ``data`` and the ontology."""
    from pyshacl import validate

    in_oxigraph = _OxigraphDataGraph(store="Oxigraph")
    in_oxigraph.addN((s, p, o, in_oxigraph) for s, p, o in data)
    in_oxigraph.addN((s, p, o, in_oxigraph) for s, p, o in _ontology())
    in_oxigraph.freeze_size()
    _, report, _ = validate(
        in_oxigraph, shacl_graph=shapes, allow_warnings=True, use_shapes=use_shapes, inplace=True
    )
    return report


def focus_subgraph(data: Graph, focus: Iterable[URIRef], store: ox.Store | None = None) -> Graph:
    """What the shapes need to check ``focus`` alone: each entity with the nodes under its IRI,
    what links to it (memberships, conflicts) and one hop of what they all point to.

    With ``store`` (whose default graph holds ``data``) the neighbourhood is read from Oxigraph,
    without walking every subject through rdflib.
    """
    focus = list(focus)
    if store is not None:
        return _focus_subgraph_in_store(store, focus)
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


def _focus_subgraph_in_store(store: ox.Store, focus: list[URIRef]) -> Graph:
    default = ox.DefaultGraph()
    linked = {
        quad.subject.value
        for node in focus
        for quad in store.quads_for_pattern(None, None, ox.NamedNode(str(node)), default)
        if isinstance(quad.subject, ox.NamedNode)
    }
    roots = tuple({*(str(node) for node in focus), *linked})
    subjects = store.query("SELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER(isIRI(?s)) }")
    core = {row["s"] for row in subjects if row["s"].value.startswith(roots)}
    subgraph = Graph()
    frontier: set[ox.NamedNode | ox.BlankNode] = set()
    for subject in core:
        for quad in store.quads_for_pattern(subject, None, None, default):
            subgraph.add(
                (from_oxigraph(quad.subject), from_oxigraph(quad.predicate), from_oxigraph(quad.object))
            )
            if not isinstance(quad.object, ox.Literal):
                frontier.add(quad.object)
    for node in frontier - core:
        for quad in store.quads_for_pattern(node, None, None, default):
            subgraph.add(
                (from_oxigraph(quad.subject), from_oxigraph(quad.predicate), from_oxigraph(quad.object))
            )
    return subgraph


def validate_inputs(
    rdf_files: Sequence[Path] = (),
    data_paths: Sequence[Path] | None = None,
    focus_nodes: Iterable[URIRef] | None = None,
    engine: str = "fast",
) -> ValidationReport:
    """Validate RDF files, or the graph compiled from curated data (packaged by default).

    ``focus_nodes`` and ``engine`` are those of :func:`validate_graph`.
    """
    if rdf_files:
        dataset = open_dataset(rdf_files)
        store = oxigraph_store(dataset)
        # the fast engine queries the store itself; the rdflib view of it serves labels and the
        # report's blank nodes, and an in-memory copy only what is left to pySHACL
        data = in_memory(dataset.default_graph) if needs_rdflib_graph(engine) else dataset.default_graph
        return validate_graph(data, focus_nodes=focus_nodes, engine=engine, oxigraph=store)
    compiled = compile_data(data_paths)
    dataset = union_graph(compiled.dataset)
    return validate_graph(dataset, origins=compiled.origins, focus_nodes=focus_nodes, engine=engine)
