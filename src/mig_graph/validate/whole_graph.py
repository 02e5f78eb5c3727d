"""SHACL-SPARQL constraints run once over the whole graph on Oxigraph, not once per focus node.

pySHACL runs a SPARQL constraint once per focus node, ``$this`` pre-bound.  Here each
constraint's ``SELECT`` runs once: ``$this`` is a variable bound by a subquery that selects the
shape's targets (``sh:targetClass`` with ``rdfs:subClassOf*``, ``sh:targetNode``,
``sh:targetSubjectsOf``, ``sh:targetObjectsOf``, implicit class targets; a property shape's are
its parent node shape's), joined at the head of the ``WHERE`` group where the pre-binding would
be.  pySHACL's own classes read the shapes (prefixes, ``sh:declare``, ``$PATH``, deactivation,
severity, messages) and build each result, so the report is the one pySHACL would give.

A constraint is rewritten only when that is provably the same as pre-binding: ``$this``
projected, no subquery, no ``LIMIT``/``OFFSET``, aggregates grouped by ``$this``, no
``$currentShape``/``$shapesGraph``, no custom targets, its shape not used by another shape
(``sh:node``, ``sh:or`` …).  Any other constraint stays with pySHACL (:func:`plan_constraints`
says which).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pyoxigraph as ox
from pyshacl.constraints.sparql.sparql_based_constraints import SPARQLBasedConstraint
from pyshacl.errors import ConstraintLoadError, ValidationFailure
from pyshacl.shape import Shape
from pyshacl.shapes_graph import ShapesGraph
from pyshacl.validator import Validator
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from mig_graph.rdf.terms import from_oxigraph, to_oxigraph

__all__ = [
    "ConstraintPlan",
    "WholeGraphConstraint",
    "add_to_default_graph",
    "oxigraph_copy",
    "plan_constraints",
    "run_constraints",
]

# parameters whose value is a shape checked on other focus nodes than the shape's own targets
_SHAPE_USES = (SH.node, SH["not"], SH.qualifiedValueShape)
_SHAPE_LIST_USES = (SH["and"], SH["or"], SH.xone)
_CLASS_PATH = f"<{RDF.type}>/<{RDFS.subClassOf}>*"
_IRI = re.compile(r"<[^<>\"{}|^`\\\s]*>")


@dataclass(frozen=True)
class WholeGraphConstraint:
    """One ``sh:sparql`` constraint rewritten to run once over the whole graph."""

    component: SPARQLBasedConstraint  # pySHACL's constraint of the shape: severity, messages, results
    constraint: Node  # the sh:SPARQLConstraint node (the results' sh:sourceConstraint)
    messages: frozenset[Literal]  # the constraint's sh:message values
    query: str  # the rewritten query, prefixes included


@dataclass(frozen=True)
class ConstraintPlan:
    """The rewritten constraints, and the ``sh:sparql`` triples they take over from pySHACL."""

    shapes_graph: ShapesGraph
    constraints: tuple[WholeGraphConstraint, ...]
    taken: frozenset[tuple[Node, Node]]  # (shape, constraint) pairs pySHACL must no longer run


def plan_constraints(shapes: Graph) -> ConstraintPlan:
    """Rewrite every ``sh:sparql`` constraint of ``shapes`` that can run once over the whole graph.

    A constraint that is deactivated, or whose shape pySHACL would never evaluate (no targets),
    is taken with no query.  The others, those not in ``taken``, are left to pySHACL.
    """
    shapes_graph = ShapesGraph(shapes)
    shapes_graph.shapes  # noqa: B018 -- builds pySHACL's shape cache for lookup_shape_from_node
    used = _shapes_used_by_other_shapes(shapes)
    constraints: list[WholeGraphConstraint] = []
    taken: set[tuple[Node, Node]] = set()
    for node in sorted(set(shapes.subjects(SH.sparql, None)), key=str):
        scope = _focus_scope(shapes_graph, shapes, node, used)
        if scope is False:
            continue
        shape = shapes_graph.lookup_shape_from_node(node)
        try:
            component = SPARQLBasedConstraint(shape)
        except ConstraintLoadError:
            continue  # pySHACL reports the malformed constraint itself
        for helper in component.sparql_constraints:
            if scope is None or shape.deactivated or helper.deactivated:
                taken.add((node, helper.node))
                continue
            query = _whole_graph_query(helper, shape, scope)
            if query is not None:
                messages = frozenset(helper.messages)
                constraints.append(WholeGraphConstraint(component, helper.node, messages, query))
                taken.add((node, helper.node))
    return ConstraintPlan(shapes_graph, tuple(constraints), frozenset(taken))


def oxigraph_copy(*graphs: Graph) -> ox.Store:
    """An in-memory Oxigraph store holding the triples of ``graphs`` in its default graph."""
    store = ox.Store()
    for graph in graphs:
        add_to_default_graph(store, graph)
    return store


def add_to_default_graph(store: ox.Store, graph: Graph) -> None:
    """Add the triples of ``graph`` to the default graph of ``store``."""
    default = ox.DefaultGraph()
    store.bulk_extend(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), default) for s, p, o in graph)


def run_constraints(plan: ConstraintPlan, store: ox.Store, data: Graph) -> Graph:
    """The standard ``sh:ValidationReport`` of the planned constraints, each run once on ``store``.

    ``data`` holds the same triples as ``store``: blank focus nodes and values are copied from it
    into the report, as pySHACL does.
    """
    results = []
    for planned in plan.constraints:
        for focus, row in _violations(store, planned.query):
            results.append(_result(planned, data, focus, row))
    conforms = all(planned.component.shape.severity != SH.Violation for planned, _ in results)
    report, _ = Validator.create_validation_report(plan.shapes_graph, conforms, [r for _, r in results])
    return report


def _result(planned: WholeGraphConstraint, data: Graph, focus: Node, row: dict[str, Node]):
    """pySHACL's result for one row of a constraint's query (``_evaluate_sparql_constraint``)."""
    component = planned.component
    kwargs = {"source_constraint": planned.constraint, "extra_messages": planned.messages or None}
    default_value = None if component.shape.is_property_shape else focus
    if "failure" in row:
        variables = {k: v for k, v in row.items() if k != "failure"}
        made = component.make_v_result(data, focus, value_node=default_value, bound_vars=variables, **kwargs)
        return planned, made
    variables = {k: v for k, v in row.items() if k not in ("path", "value", "this")}
    this, path, value = row.get("this"), row.get("path"), row.get("value")
    value = default_value if value is None else value
    bound = (this, path, value, variables)
    made = component.make_v_result(
        data, this or focus, value_node=value, result_path=path, bound_vars=bound, **kwargs
    )
    return planned, made


def _violations(store: ox.Store, query: str) -> Iterator[tuple[Node, dict[str, Node]]]:
    """(focus node, the row's bound variables) of each distinct violating row, as pySHACL dedups
    them; a focus node's ``?failure`` rows count once."""
    seen: set[tuple] = set()
    solutions = store.query(query)
    names = [variable.value for variable in solutions.variables]
    for solution in solutions:
        row = {name: _as_oxrdflib_gives(solution[name]) for name in names if solution[name] is not None}
        focus = row["this"]
        key = (focus, True) if "failure" in row else tuple(sorted(row.items()))
        if key in seen:
            continue
        seen.add(key)
        yield focus, row


def _as_oxrdflib_gives(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    """The rdflib term oxrdflib gives pySHACL for an Oxigraph term (simple literals as
    ``xsd:string``), so that both engines write the same report graph."""
    if isinstance(term, ox.Literal) and not term.language and term.datatype.value == str(XSD.string):
        return Literal(term.value, datatype=XSD.string)
    return from_oxigraph(term)


def _shapes_used_by_other_shapes(shapes: Graph) -> set[Node]:
    used = {o for p in _SHAPE_USES for o in shapes.objects(None, p)}
    for p in _SHAPE_LIST_USES:
        for head in shapes.objects(None, p):
            used.update(shapes.items(head))
    return used


def _focus_scope(shapes_graph: ShapesGraph, shapes: Graph, node: Node, used: set[Node]):
    """The shape whose targets are the constraint's focus nodes; None when pySHACL evaluates it on
    no focus node; False when that is not simply a shape's targets (left to pySHACL)."""
    if node in used or (node, SH.target, None) in shapes:
        return False
    shape = shapes_graph.lookup_shape_from_node(node)
    if not shape.is_property_shape:
        return shape if _is_evaluated_root(shapes, node) else None
    if _has_targets(shape):
        return False
    parents = list(shapes.subjects(SH.property, node))
    if not parents:
        return None
    if len(parents) > 1 or parents[0] in used or (parents[0], SH.target, None) in shapes:
        return False
    parent = shapes_graph.lookup_shape_from_node(parents[0])
    if parent.is_property_shape:
        return False
    if parent.deactivated or not _is_evaluated_root(shapes, parents[0]):
        return None
    return parent


def _is_evaluated_root(shapes: Graph, node: Node) -> bool:
    """Whether the pySHACL engine validates ``node`` on its own targets: the named shapes it lists."""
    return isinstance(node, URIRef) and any(
        (node, RDF.type, kind) in shapes for kind in (SH.NodeShape, SH.PropertyShape)
    )


def _has_targets(shape: Shape) -> bool:
    return any(any(True for _ in targets) for targets in shape.target())


def _whole_graph_query(helper, shape: Shape, scope: Shape) -> str | None:
    """The constraint's query with ``$this`` bound by ``scope``'s targets, or None if unsafe."""
    try:
        bindings, text = helper.pre_bind_variables(BNode())
    except (ValidationFailure, NotImplementedError, RuntimeError):
        return None  # pySHACL refuses it: leave the refusal to pySHACL
    targets = _targets_pattern(scope)
    opening = _join_point(text)
    if set(bindings) != {"this"} or targets is None or opening is None:
        return None
    head, rest = text[: opening + 1], text[opening + 1 :]
    return helper.apply_prefixes(f"{head} {{ SELECT DISTINCT ?this WHERE {{ {targets} }} }} {rest}")


def _targets_pattern(shape: Shape) -> str | None:
    """A group pattern binding ``?this`` to each focus node of ``shape`` (pySHACL's targets)."""
    nodes, classes, implicit, objects_of, subjects_of = (list(targets) for targets in shape.target())
    if any(isinstance(node, BNode) for node in nodes):
        return None  # a blank node cannot be written in VALUES
    alternatives = [f"{{ ?this {_CLASS_PATH} {c.n3()} }}" for c in [*classes, *implicit]]
    alternatives += [f"{{ ?this {p.n3()} [] }}" for p in subjects_of]
    alternatives += [f"{{ [] {p.n3()} ?this }}" for p in objects_of]
    if nodes:
        alternatives.append(f"{{ VALUES ?this {{ {' '.join(node.n3() for node in nodes)} }} }}")
    return " UNION ".join(alternatives) if alternatives else "FILTER(false)"


def _masked(query: str) -> str:
    """``query`` with its strings, IRIs and comments blanked out (the same length).

    >>> _masked('SELECT ("{#" AS ?x) <urn:a#b> # {')
    'SELECT (     AS ?x)              '
    """
    masked = []
    index = 0
    while index < len(query):
        char = query[index]
        if char in "\"'":
            token = re.compile(rf"{char}{{3}}.*?{char}{{3}}|{char}(?:[^{char}\\\n]|\\.)*{char}", re.S)
            match = token.match(query, index)
        elif char == "<":
            match = _IRI.match(query, index)
        elif char == "#":
            match = re.compile(r"#[^\n]*").match(query, index)
        else:
            match = None
        end = match.end() if match else index + 1
        masked.append(" " * (end - index) if match else char)
        index = end
    return "".join(masked)


def _join_point(query: str) -> int | None:
    """Where the targets join: the ``{`` opening the ``WHERE`` group of a query for which joining
    them gives what pre-binding ``$this`` gives one focus node at a time; else None.

    That is: ``$this`` projected (or ``*``), no subquery, no ``LIMIT`` or ``OFFSET``, and
    aggregates only grouped by ``$this``.

    >>> _join_point('SELECT $this ?v WHERE { $this ?p ?v }')
    22
    >>> [_join_point(q) for q in ('SELECT ?v { $this ?p ?v }', 'SELECT (COUNT(*) AS ?n) { $this ?p ?v }')]
    [None, None]
    """
    code = _masked(query)
    selects = [match.end() for match in re.finditer(r"\bSELECT\b", code, re.I)]
    opening = code.find("{", selects[0]) if len(selects) == 1 else -1
    if opening < 0 or re.search(r"\b(LIMIT|OFFSET)\b", code, re.I):
        return None
    projection = re.sub(r"\b(DISTINCT|REDUCED)\b", " ", code[selects[0] : opening], flags=re.I)
    if projection.strip() != "*" and "this" not in _top_level_variables(projection):
        return None
    modifiers = code[code.rfind("}") :]
    if re.search(r"\b(COUNT|SUM|MIN|MAX|AVG|SAMPLE|GROUP_CONCAT)\s*\(|\bGROUP\s+BY\b", code, re.I):
        grouping = re.search(r"\bGROUP\s+BY\b(.*?)(\bHAVING\b|\bORDER\s+BY\b|$)", modifiers, re.I | re.S)
        if grouping is None or "this" not in _top_level_variables(grouping.group(1)):
            return None
    return opening


def _top_level_variables(text: str) -> set[str]:
    """The variables of ``text`` outside parentheses (a projection, a ``GROUP BY`` list)."""
    depth, names = 0, set()
    for token in re.finditer(r"[()]|[?$](\w+)", text):
        if token.group() == "(":
            depth += 1
        elif token.group() == ")":
            depth -= 1
        elif depth == 0:
            names.add(token.group(1))
    return names
