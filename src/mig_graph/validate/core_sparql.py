"""SHACL Core constraints compiled to SPARQL queries, each run once over the whole graph on Oxigraph.

pySHACL checks a Core constraint focus node by focus node in Python.  Here each constraint of a
shape becomes one ``SELECT`` over the whole graph: the shape's focus nodes (its targets, or its
parent node shape's) bound to ``?this`` by a subquery, its value nodes to ``?value`` by the
property path, and the constraint's test negated in a ``FILTER``, so the query's rows are the
results.  Shapes used inside a constraint (``sh:node``, ``sh:or``, ``sh:and``, ``sh:xone``,
``sh:not``, ``sh:qualifiedValueShape``) become boolean expressions (``EXISTS`` over their
property paths).  pySHACL's own constraint components build each result, so the report graph is
the one pySHACL gives: same focus node, value, path, source shape and component, severity and
messages, and the ``sh:detail`` results of a failed ``sh:node``.

Only what can be written exactly is compiled: the components below, on paths made of IRIs,
sequences, alternatives and inverses, every parameter with a single value, shapes used inside a
constraint without their own severity.  A named shape with anything else stays with pySHACL
(:func:`plan_core_checks` says which).  Literal well-formedness follows pySHACL's: checked for
``xsd:integer``, ``decimal``, ``float``, ``boolean``, ``date``, ``time`` and ``dateTime`` (by
casting), assumed for the others.
"""

from __future__ import annotations

import itertools
import re
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox
from pyshacl.constraints import CONSTRAINT_PARAMETERS_MAP
from pyshacl.constraints.constraint_component import ConstraintComponent
from pyshacl.errors import ConstraintLoadError, ConstraintLoadWarning
from pyshacl.shape import Shape
from pyshacl.shapes_graph import ShapesGraph
from pyshacl.validator import Validator
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import Node

from mig_graph.rdf.terms import from_oxigraph

__all__ = ["CoreCheck", "CorePlan", "plan_core_checks", "run_core_checks"]


@dataclass(frozen=True)
class Focus:
    """The focus nodes of a shape: ``pattern(variable)`` is a group pattern binding ``variable``
    to each of them once."""

    pattern: Callable[[str], str]
    subjects_of: URIRef | None = None  # set when they are exactly the subjects of this predicate

    def __call__(self, variable: str) -> str:
        return self.pattern(variable)


_IGNORED = {
    RDF.type,
    RDFS.label,
    RDFS.comment,
    *(SH[name] for name in ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf")),
    *(SH[name] for name in ("severity", "message", "name", "description", "order", "group", "path")),
    SH.deactivated,
    SH.flags,
    SH.qualifiedMinCount,
    SH.qualifiedMaxCount,
}
_CHECKED_DATATYPES = {
    XSD[name] for name in ("integer", "decimal", "float", "boolean", "date", "time", "dateTime")
}
_NODE_KINDS = {
    SH.IRI: "isIRI({v})",
    SH.BlankNode: "isBlank({v})",
    SH.Literal: "isLiteral({v})",
    SH.BlankNodeOrIRI: "!isLiteral({v})",
    SH.BlankNodeOrLiteral: "!isIRI({v})",
    SH.IRIOrLiteral: "!isBlank({v})",
}
_RANGES = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">", SH.maxExclusive: "<"}
_CLASS_PATH = f"<{RDF.type}>/<{RDFS.subClassOf}>*"
# where a class's subclasses go: resolved on the data before the queries run (a VALUES block
# of rdf:type is about twice as fast per value node as the path rdf:type/rdfs:subClassOf*)
_SUBCLASSES = re.compile(r"⟪subclasses of <([^<>\s]*)>⟫")
# where a root shape's focus nodes go: computed once per shape into a scratch graph of the store
# (a shape's checks would otherwise each evaluate its targets again)
_FOCUS = re.compile(r"⟪focus (\d+) (\?\w+)⟫")


class _Unsupported(Exception):
    """A shape uses something this compiler does not write as SPARQL."""


@dataclass(frozen=True)
class CoreCheck:
    """One constraint of one shape as a whole-graph query.

    Each row of ``query`` is a result: ``?this`` its focus node and ``?value`` its value (the
    focus node itself when ``value_is_focus``, none when the query has no ``?value``).
    """

    component: ConstraintComponent  # pySHACL's component of the shape: severity, messages, results
    query: str
    value_is_focus: bool = False
    source_component: URIRef | None = None  # sh:qualifiedMin/MaxCount's own component
    details: tuple[CoreCheck, ...] = ()  # sh:node: the checks of the node shape, on the values
    predicate: URIRef | None = None  # the path, when it is one predicate (to find a value's own term)


@dataclass(frozen=True)
class CorePlan:
    """The compiled checks, and the named shapes they cover (the others stay with pySHACL)."""

    shapes_graph: ShapesGraph
    checks: tuple[CoreCheck, ...]
    compiled: frozenset[URIRef]
    left: tuple[URIRef, ...]
    focus_sets: tuple[str, ...] = ()  # each root shape's targets: a pattern binding ?this


def plan_core_checks(shapes: Graph, roots: list[URIRef]) -> CorePlan:
    """Compile the Core constraints of the named shapes ``roots`` of ``shapes``.

    A root shape is compiled whole or not at all: one it cannot write exactly is listed in
    ``left``, for pySHACL.
    """
    shapes_graph = ShapesGraph(shapes)
    shapes_graph.shapes  # noqa: B018 -- builds pySHACL's shape cache for lookup_shape_from_node
    checks: list[CoreCheck] = []
    compiled, left, focus_sets = set(), [], []
    for root in roots:
        shape = shapes_graph.lookup_shape_from_node(root)
        try:
            checks.extend(_root_checks(shape, _Names(), focus_sets))
        except _Unsupported:
            left.append(root)
            continue
        compiled.add(root)
    return CorePlan(shapes_graph, tuple(checks), frozenset(compiled), tuple(left), tuple(focus_sets))


def run_core_checks(plan: CorePlan, store: ox.Store, data: Graph) -> Graph:
    """The standard ``sh:ValidationReport`` of the planned checks, each query run once on ``store``.

    ``data`` holds the same triples as ``store``: blank focus nodes and values are copied from it
    into the report, as pySHACL does.  ``store`` must be writable: each shape's focus nodes are
    written once into a scratch named graph, dropped before this returns.
    """
    scratch = f"urn:uuid:{uuid.uuid4()}"
    markers = {**_subclass_sets(store, plan.checks), **_focus_graphs(store, plan, scratch)}
    try:
        results = [made for check in plan.checks for made in _results(check, store, data, markers)]
    finally:
        for key in range(len(plan.focus_sets)):
            store.update(f"DROP SILENT GRAPH <{scratch}-{key}>")
    conforms = not any(severity == SH.Violation for severity, _ in results)
    report, _ = Validator.create_validation_report(plan.shapes_graph, conforms, [made for _, made in results])
    return report


def _queries(checks: tuple[CoreCheck, ...]) -> list[str]:
    """The query of every check and of every check inside a ``sh:node`` check."""
    return [check.query for check in checks] + [inner.query for check in checks for inner in check.details]


def _subclass_sets(store: ox.Store, checks: tuple[CoreCheck, ...]) -> dict[str, str]:
    """Each class the checks test, and its subclasses in ``store`` (``rdfs:subClassOf*``), as the
    terms of a ``VALUES`` block."""
    classes = {match for query in _queries(checks) for match in _SUBCLASSES.findall(query)}
    sets = {}
    for iri in sorted(classes):
        found = store.query(f"SELECT DISTINCT ?class WHERE {{ ?class <{RDFS.subClassOf}>* <{iri}> }}")
        sets[iri] = " ".join(sorted(str(solution["class"]) for solution in found))
    return sets


def _focus_graphs(store: ox.Store, plan: CorePlan, scratch: str) -> dict[str, str]:
    """Each root shape's focus nodes written into the graph ``<scratch-N>``; the marker of each
    focus set and variable, and the pattern that reads it."""
    used = {match for query in _queries(plan.checks) for match in _FOCUS.findall(query)}
    patterns = {}
    for key in sorted({int(key) for key, _ in used}):
        mark, graph = f"<{scratch}>", f"<{scratch}-{key}>"
        targets = plan.focus_sets[key]
        store.update(f"INSERT {{ GRAPH {graph} {{ ?this {mark} {mark} }} }} WHERE {{ {targets} }}")
    for key, variable in used:
        patterns[f"focus {key} {variable}"] = (
            f"GRAPH <{scratch}-{key}> {{ {variable} <{scratch}> <{scratch}> }}"
        )
    return patterns


def _resolved(query: str, markers: dict[str, str]) -> str:
    """``query`` with its markers replaced: classes by their subclasses, focus sets by their graphs."""
    query = _SUBCLASSES.sub(lambda match: markers[match.group(1)], query)
    return _FOCUS.sub(lambda match: markers[f"focus {match.group(1)} {match.group(2)}"], query)


def _results(
    check: CoreCheck, store: ox.Store, data: Graph, subclasses: dict[str, str]
) -> Iterator[tuple[URIRef, tuple]]:
    details = _detail_rows(check, store, subclasses)
    for focus, value in _rows(store, _resolved(check.query, subclasses), check.value_is_focus):
        value = _as_written(data, focus, check.predicate, value)
        made = check.component.make_v_result(
            data, focus, value_node=value, constraint_component=check.source_component
        )
        for _, (_, node, triples) in _detailed(details.get(value, ()), data):
            made[2].append((made[1], SH.detail, node))
            made[2].extend(triples)
        yield check.component.shape.severity, made


def _as_written(data: Graph, focus: Node, predicate: URIRef | None, value: Node | None) -> Node | None:
    """The data's own term for a literal value: Oxigraph gives numbers and dates in canonical form
    (``60.0`` as ``60``), pySHACL the lexical form the data has."""
    if not isinstance(value, Literal) or predicate is None or (focus, predicate, value) in data:
        return value
    written = [o for o in data.objects(focus, predicate) if isinstance(o, Literal) and o.eq(value)]
    return written[0] if len(written) == 1 else value


def _detail_rows(check: CoreCheck, store: ox.Store, subclasses: dict[str, str]) -> dict[Node, list]:
    """The rows of a ``sh:node`` check's inner checks, by their focus node (the outer value)."""
    rows: dict[Node, list[tuple[CoreCheck, Node, Node]]] = defaultdict(list)
    for inner in check.details:
        for focus, value in _rows(store, _resolved(inner.query, subclasses), inner.value_is_focus):
            rows[focus].append((inner, focus, value))
    return rows


def _detailed(rows: list[tuple[CoreCheck, Node, Node]], data: Graph) -> Iterator[tuple[URIRef, tuple]]:
    """Fresh results for each inner row (pySHACL makes new ones for every outer result)."""
    for inner, focus, value in rows:
        made = inner.component.make_v_result(
            data, focus, value_node=value, constraint_component=inner.source_component
        )
        yield inner.component.shape.severity, made


def _rows(store: ox.Store, query: str, value_is_focus: bool) -> Iterator[tuple[Node, Node | None]]:
    seen = set()
    solutions = store.query(query)
    with_value = any(variable.value == "value" for variable in solutions.variables)
    for solution in solutions:
        focus = from_oxigraph(solution["this"])
        value = from_oxigraph(solution["value"]) if with_value else None
        row = (focus, focus if value_is_focus else value)
        if row not in seen:
            seen.add(row)
            yield row


# --- compiling -----------------------------------------------------------------------------------


@dataclass
class _Names:
    """Fresh variable names for the patterns nested in one query."""

    counter: itertools.count = field(default_factory=itertools.count)

    def fresh(self) -> str:
        return f"?v{next(self.counter)}"


def _root_checks(shape: Shape, names: _Names, focus_sets: list[str]) -> list[CoreCheck]:
    if shape.deactivated:
        return []
    focus = _root_focus(shape, focus_sets)
    if focus is None:
        return []  # no targets: pySHACL evaluates it on no focus node
    if shape.is_property_shape:
        return _property_checks(shape, focus, names)
    return _node_checks(shape, focus, names)


def _root_focus(shape: Shape, focus_sets: list[str]) -> Focus | None:
    """The shape's targets, added to ``focus_sets``; its focus is the marker of that set."""
    nodes, classes, implicit, objects_of, subjects_of = (list(targets) for targets in shape.target())
    if any(isinstance(node, BNode) for node in nodes) or shape.sg.graph.value(shape.node, SH.target):
        raise _Unsupported("blank target nodes or SPARQL targets")
    if not any((nodes, classes, implicit, objects_of, subjects_of)):
        return None

    alternatives = [f"{{ ?this {_CLASS_PATH} {c.n3()} }}" for c in [*classes, *implicit]]
    alternatives += [f"{{ ?this {p.n3()} [] }}" for p in subjects_of]
    alternatives += [f"{{ [] {p.n3()} ?this }}" for p in objects_of]
    if nodes:
        alternatives.append(f"{{ VALUES ?this {{ {' '.join(n.n3() for n in nodes)} }} }}")
    key = len(focus_sets)
    focus_sets.append(" UNION ".join(alternatives))

    def focus(variable: str) -> str:
        return f"⟪focus {key} {variable}⟫"

    others = nodes or classes or implicit or objects_of
    return Focus(focus, subjects_of[0] if len(subjects_of) == 1 and not others else None)


def _parameters(shape: Shape) -> list[tuple[URIRef, Node]]:
    """The shape's constraint parameters and their values, one value each (sh:property apart)."""
    graph = shape.sg.graph
    pairs = []
    for predicate in sorted(set(graph.predicates(shape.node)), key=str):
        if predicate in _IGNORED:
            continue
        values = list(graph.objects(shape.node, predicate))
        if predicate != SH.property and len(values) > 1:
            raise _Unsupported(f"several values of {predicate}")
        if predicate != SH.property and predicate not in CONSTRAINT_PARAMETERS_MAP:
            raise _Unsupported(f"parameter {predicate}")
        pairs.extend((predicate, value) for value in values)
    return pairs


def _component(shape: Shape, predicate: URIRef) -> ConstraintComponent:
    try:
        return CONSTRAINT_PARAMETERS_MAP[predicate](shape)
    except (ConstraintLoadError, ConstraintLoadWarning) as error:
        raise _Unsupported(str(error)) from None


def _node_checks(shape: Shape, focus: Focus, names: _Names) -> list[CoreCheck]:
    checks: list[CoreCheck] = []
    for predicate, value in _parameters(shape):
        if predicate == SH.property:
            checks.extend(_property_checks(_shape(shape, value), focus, names))
            continue
        component = _component(shape, predicate)
        if predicate == SH.hasValue:
            test = f"sameTerm(?this, {value.n3()})"
        else:
            test = _value_test(shape, predicate, value, "?this", names)
        query = f"SELECT DISTINCT ?this WHERE {{ {focus('?this')} FILTER(!({test})) }}"
        details = _node_details(shape, predicate, value, focus, names)
        checks.append(CoreCheck(component, query, value_is_focus=predicate != SH.hasValue, details=details))
    return checks


def _property_checks(shape: Shape, focus: Focus, names: _Names) -> list[CoreCheck]:
    if shape.deactivated:
        return []
    path = _path(shape.sg.graph, shape.path())
    # the focus pattern is left out when the path's subjects are the focus nodes
    bound = "" if focus.subjects_of is not None and shape.path() == focus.subjects_of else focus("?this")
    head = f"SELECT DISTINCT ?this ?value WHERE {{ {bound} ?this {path} ?value ."
    checks: list[CoreCheck] = []
    done: set[type] = set()
    for predicate, value in _parameters(shape):
        if predicate == SH.property:
            raise _Unsupported("a property shape with property shapes")
        component = _component(shape, predicate)
        if type(component) in done:
            continue
        done.add(type(component))
        if predicate in (SH.minCount, SH.maxCount):
            query = _count_query(focus, path, predicate, int(value))
            if query is not None:
                checks.append(CoreCheck(component, query))
        elif predicate == SH.qualifiedValueShape:
            checks.extend(_qualified_checks(shape, component, focus, path, value, names))
        elif predicate == SH.uniqueLang:
            checks.extend(_unique_lang_checks(component, focus, path, value))
        elif predicate == SH.hasValue:
            missing = f"FILTER NOT EXISTS {{ ?this {path} {value.n3()} }}"
            query = f"SELECT DISTINCT ?this WHERE {{ {focus('?this')} {missing} }}"
            checks.append(CoreCheck(component, query))
        else:
            test = _value_test(shape, predicate, value, "?value", names)
            details = _node_details(shape, predicate, value, _values_focus(focus, path), names)
            predicate_path = shape.path() if isinstance(shape.path(), URIRef) else None
            query = f"{head} FILTER(!({test})) }}"
            checks.append(CoreCheck(component, query, details=details, predicate=predicate_path))
    return checks


def _values_focus(focus: Focus, path: str) -> Focus:
    """The value nodes of ``path`` from the focus nodes of ``focus``, as focus nodes."""

    def values(variable: str) -> str:
        return f"{{ SELECT DISTINCT {variable} WHERE {{ {focus('?outer')} ?outer {path} {variable} }} }}"

    return Focus(values)


def _node_details(shape, predicate, value, focus: Focus, names: _Names) -> tuple[CoreCheck, ...]:
    """A ``sh:node``'s node shape checked on the value nodes: its results become ``sh:detail``."""
    if predicate != SH.node:
        return ()
    inner = _shape(shape, value)
    if inner.is_property_shape:
        raise _Unsupported("sh:node pointing to a property shape")
    checks = tuple(_node_checks(inner, focus, names))
    if any(check.details for check in checks):
        raise _Unsupported("sh:node inside sh:node")
    return checks


def _count_query(focus: Focus, path: str, predicate: URIRef, bound: int) -> str | None:
    """The focus nodes with fewer (``sh:minCount``) or more (``sh:maxCount``) values than ``bound``:
    an anti-join for at least one, a join for at most one, else a count."""
    if predicate == SH.minCount and bound == 0:
        return None
    if predicate == SH.minCount and bound == 1:
        none = f"FILTER NOT EXISTS {{ ?this {path} ?value }}"
        return f"SELECT DISTINCT ?this WHERE {{ {focus('?this')} {none} }}"
    if predicate == SH.maxCount and bound == 0:
        some = f"FILTER EXISTS {{ ?this {path} ?value }}"
        return f"SELECT DISTINCT ?this WHERE {{ {focus('?this')} {some} }}"
    if predicate == SH.maxCount and bound == 1:
        two = f"?this {path} ?value . ?this {path} ?other . FILTER(!sameTerm(?value, ?other))"
        return f"SELECT DISTINCT ?this WHERE {{ {focus('?this')} {two} }}"
    comparison = "<" if predicate == SH.minCount else ">"
    return (
        "SELECT ?this WHERE { { SELECT ?this (COUNT(DISTINCT ?value) AS ?count) WHERE { "
        f"{focus('?this')} OPTIONAL {{ ?this {path} ?value }} }} GROUP BY ?this }} "
        f"FILTER(?count {comparison} {bound}) }}"
    )


def _qualified_checks(shape, component, focus: Focus, path: str, value: Node, names: _Names):
    graph = shape.sg.graph
    if graph.value(shape.node, SH.qualifiedValueShapesDisjoint) not in (None, Literal(False)):
        raise _Unsupported("sh:qualifiedValueShapesDisjoint")
    test = _conforms(_shape(shape, value), "?value", names)
    counting = (
        "SELECT ?this WHERE { { SELECT ?this (COUNT(DISTINCT ?value) AS ?count) WHERE { "
        f"{focus('?this')} OPTIONAL {{ ?this {path} ?value FILTER({test}) }} }} GROUP BY ?this }} "
    )
    bounds = (
        (SH.qualifiedMaxCount, ">", SH.QualifiedMaxCountConstraintComponent),
        (SH.qualifiedMinCount, "<", SH.QualifiedMinCountConstraintComponent),
    )
    for parameter, comparison, source in bounds:
        bound = graph.value(shape.node, parameter)
        if bound is not None:
            query = f"{counting} FILTER(?count {comparison} {int(bound)}) }}"
            yield CoreCheck(component, query, source_component=source)


def _unique_lang_checks(component, focus: Focus, path: str, value: Node):
    if not (isinstance(value, Literal) and value.value is True):
        return
    query = (
        f"SELECT DISTINCT ?this (LCASE(LANG(?value)) AS ?language) WHERE {{ {focus('?this')} "
        f"?this {path} ?value . ?this {path} ?other . "
        'FILTER(isLiteral(?value) && LANG(?value) != "" && !sameTerm(?value, ?other) '
        "&& isLiteral(?other) && LCASE(LANG(?value)) = LCASE(LANG(?other))) }"
    )
    yield CoreCheck(component, query)


def _shape(shape: Shape, node: Node) -> Shape:
    other = shape.get_other_shape(node)
    if other is None:
        raise _Unsupported(f"no shape {node}")
    return other


def _path(graph: Graph, path: Node) -> str:
    """A SHACL property path as a SPARQL property path."""
    if isinstance(path, URIRef):
        return path.n3()
    if graph.value(path, RDF.first) is not None:
        return "(" + "/".join(_path(graph, step) for step in Collection(graph, path)) + ")"
    inverse = graph.value(path, SH.inversePath)
    if inverse is not None:
        return f"^({_path(graph, inverse)})"
    alternatives = graph.value(path, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(_path(graph, step) for step in Collection(graph, alternatives)) + ")"
    for predicate, suffix in ((SH.zeroOrMorePath, "*"), (SH.oneOrMorePath, "+"), (SH.zeroOrOnePath, "?")):
        step = graph.value(path, predicate)
        if step is not None:
            return f"({_path(graph, step)}){suffix}"
    raise _Unsupported(f"path {path}")


# --- the tests of one value node -------------------------------------------------------------------


def _value_test(shape: Shape, predicate: URIRef, value: Node, v: str, names: _Names) -> str:
    """A SPARQL expression true when the value node ``v`` satisfies ``predicate`` = ``value``."""
    graph = shape.sg.graph
    if predicate == SH["class"]:
        if not isinstance(value, URIRef):
            raise _Unsupported("sh:class with a blank node")
        kind = names.fresh()
        return f"EXISTS {{ {v} <{RDF.type}> {kind} VALUES {kind} {{ ⟪subclasses of {value.n3()}⟫ }} }}"
    if predicate == SH.datatype:
        return _datatype_test(value, v)
    if predicate == SH.nodeKind:
        if value not in _NODE_KINDS:
            raise _Unsupported(f"node kind {value}")
        return _NODE_KINDS[value].format(v=v)
    if predicate == SH.pattern:
        flags = graph.value(shape.node, SH.flags)
        arguments = f"STR({v}), {_string(str(value))}" + (f", {_string(str(flags))}" if flags else "")
        return f"(!isBlank({v}) && REGEX({arguments}))"
    if predicate == SH["in"]:
        members = list(Collection(graph, value))
        if not members:
            return "false"
        if all(isinstance(member, URIRef) for member in members):
            return f"{v} IN ({', '.join(member.n3() for member in members)})"
        return "(" + " || ".join(f"sameTerm({v}, {_term(member)})" for member in members) + ")"
    if predicate == SH.languageIn:
        return _language_test(list(Collection(graph, value)), v)
    if predicate in _RANGES:
        if not isinstance(value, Literal):
            raise _Unsupported("a range bound that is not a literal")
        return f"COALESCE({v} {_RANGES[predicate]} {_term(value)}, false)"
    if predicate == SH.node:
        return _conforms(_shape(shape, value), v, names)
    if predicate == SH["not"]:
        return f"!({_conforms(_shape(shape, value), v, names)})"
    if predicate in (SH["or"], SH["and"], SH.xone):
        members = [_conforms(_shape(shape, node), v, names) for node in Collection(graph, value)]
        if not members:
            return "false" if predicate != SH["and"] else "true"
        if predicate == SH.xone:
            return "(" + " + ".join(f"IF({member}, 1, 0)" for member in members) + ") = 1"
        return "(" + (" || " if predicate == SH["or"] else " && ").join(members) + ")"
    raise _Unsupported(f"parameter {predicate}")


def _datatype_test(datatype: Node, v: str) -> str:
    if datatype == RDF.langString:
        return f'(isLiteral({v}) && LANG({v}) != "")'
    if datatype == RDFS.Literal:
        return f"isLiteral({v})"
    test = f"isLiteral({v}) && sameTerm(DATATYPE({v}), {datatype.n3()})"
    if datatype in _CHECKED_DATATYPES:
        test += f" && COALESCE(isLiteral({datatype.n3()}(STR({v}))), false)"
    return f"({test})"


def _language_test(languages: list[Node], v: str) -> str:
    wanted = [str(language).lower() for language in languages]
    if "*" in wanted:
        return f'(isLiteral({v}) && LANG({v}) != "")'
    if not wanted:
        return "false"
    tag = f"LCASE(LANG({v}))"
    first = f'LCASE(STRBEFORE(CONCAT(LANG({v}), "-"), "-"))'
    options = " || ".join(f"{tag} = {_string(w)} || {first} = {_string(w)}" for w in wanted)
    return f'(isLiteral({v}) && LANG({v}) != "" && ({options}))'


def _conforms(shape: Shape, v: str, names: _Names) -> str:
    """A SPARQL expression true when the node ``v`` conforms to ``shape`` (used inside a constraint)."""
    if shape.deactivated:
        return "true"
    if shape.sg.graph.value(shape.node, SH.severity) not in (None, SH.Violation):
        raise _Unsupported("a shape used inside a constraint with its own severity")
    if shape.is_property_shape:
        return _property_conforms(shape, v, names)
    parts = []
    for predicate, value in _parameters(shape):
        if predicate == SH.property:
            parts.append(_property_conforms(_shape(shape, value), v, names))
        elif predicate == SH.hasValue:
            parts.append(f"sameTerm({v}, {_term(value)})")
        else:
            parts.append(_value_test(shape, predicate, value, v, names))
    return "(" + " && ".join(parts) + ")" if parts else "true"


def _property_conforms(shape: Shape, v: str, names: _Names) -> str:
    if shape.deactivated:
        return "true"
    path = _path(shape.sg.graph, shape.path())
    parts, tests = [], []
    value = names.fresh()
    for predicate, bound in _parameters(shape):
        if predicate == SH.minCount and int(bound) <= 1:
            parts.append(f"EXISTS {{ {v} {path} {names.fresh()} }}" if int(bound) == 1 else "true")
        elif predicate == SH.maxCount and int(bound) <= 1:
            one, other = names.fresh(), names.fresh()
            if int(bound) == 0:
                parts.append(f"NOT EXISTS {{ {v} {path} {one} }}")
            else:
                two = f"{v} {path} {one} . {v} {path} {other} FILTER(!sameTerm({one}, {other}))"
                parts.append(f"NOT EXISTS {{ {two} }}")
        elif predicate == SH.hasValue:
            parts.append(f"EXISTS {{ {v} {path} {_term(bound)} }}")
        elif predicate in (SH.minCount, SH.maxCount, SH.qualifiedValueShape, SH.uniqueLang, SH.property):
            raise _Unsupported(f"{predicate} inside a constraint")
        else:
            tests.append(_value_test(shape, predicate, bound, value, names))
    if tests:
        parts.append(f"NOT EXISTS {{ {v} {path} {value} FILTER(!({' && '.join(tests)})) }}")
    return "(" + " && ".join(parts) + ")" if parts else "true"


def _term(term: Node) -> str:
    if isinstance(term, Literal) and term.datatype is None and not term.language:
        return _string(str(term))
    if isinstance(term, BNode):
        raise _Unsupported("a blank node as a constant")
    return term.n3()


def _string(text: str) -> str:
    """A SPARQL string literal.

    >>> print(_string('a "b" \\\\d'))
    "a \\"b\\" \\\\d"
    """
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'
