"""One field of a record emitted: its value read by its kind (the dispatch table, built once),
cited values (``{value, source, note}``) unwrapped, the subject linked to what it yields."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rdflib import SKOS, XSD, Literal, URIRef
from rdflib.term import Node

from mig_graph.compile import entities, items, relations
from mig_graph.compile.changes import emit_change
from mig_graph.compile.citations import cited
from mig_graph.compile.emitter import Scope
from mig_graph.compile.intervals import emit_interval
from mig_graph.compile.references import ref
from mig_graph.compile.successions import emit_derived_end
from mig_graph.compile.values import (
    as_bool,
    as_int,
    as_language,
    as_qid,
    as_uri,
    plain_text,
    text_literals,
)
from mig_graph.errors import InputError
from mig_graph.namespaces import LANG, MG, VOCAB, WD
from mig_graph.records import SINGLE_LINE_TEXTS, Field, FieldKind, item_locations, parse_date

if TYPE_CHECKING:
    from mig_graph.compile.compilation import Compilation

__all__ = ["HANDLERS", "Handler", "emit_field", "objects"]

Handler = Callable[["Compilation", Field, Any, Scope], list[Node]]
"""Reads one value of a field (emitting the nodes it makes) and returns the objects it yields."""


def emit_field(compilation: Compilation, spec: Field, value: Any, scope: Scope) -> list[Node]:
    """Emit one field's triples; return the objects it produced (for conflict claims).

    A whole-list kind reads the list at once; any other reads each item, which may be a cited
    value stated by other sources, with a note (a date's note is an ``mg:dateNote``). A ``TIME``
    field links its subject to its interval itself.
    """
    add = compilation.emitter.add
    if spec.kind.whole_list:
        produced = objects(compilation, spec, value, scope)
        if spec.predicate is not None:
            for obj in produced:
                add(scope.origin, scope.subject, spec.predicate, obj, scope.sources)
        return produced
    produced = []
    links = spec.predicate is not None and spec.kind is not FieldKind.TIME
    for item, where in item_locations(value, scope.location):
        item, item_scope, note = cited(compilation.registry, item, scope.at(where))
        item_objects = objects(compilation, spec, item, item_scope)
        if links:
            for obj in item_objects:
                add(scope.origin, scope.subject, spec.predicate, obj, item_scope.sources)
        if note is not None:
            dated = spec.kind in {FieldKind.TIME, FieldKind.DATE}
            target = item_objects[0] if spec.kind is FieldKind.TIME else scope.subject
            for literal in text_literals(note, item_scope.location):
                add(scope.origin, target, MG.dateNote if dated else SKOS.note, literal, item_scope.sources)
        produced.extend(item_objects)
    return produced


def objects(compilation: Compilation, spec: Field, value: Any, scope: Scope) -> list[Node]:
    """The objects one value of a field yields, read by the handler of its kind."""
    try:
        return HANDLERS[spec.kind](compilation, spec, value, scope)
    except (ValueError, LookupError, TypeError) as error:
        raise InputError(f"field {spec.key!r}: {error}", scope.location) from None


def _text(compilation: Compilation, spec: Field, value: Any, scope: Scope) -> list[Node]:
    return list(text_literals(value, scope.location, single_line=spec.key in SINGLE_LINE_TEXTS))


def _uri(compilation: Compilation, spec: Field, value: Any, scope: Scope) -> list[Node]:
    # a source's URL (mg:sourceUrl) is an xsd:anyURI literal; every other address is a node
    if spec.predicate == MG.sourceUrl:
        return [Literal(as_uri(value), datatype=XSD.anyURI)]
    return [URIRef(as_uri(value))]


def _verified(compilation: Compilation, spec: Field, value: Any, scope: Scope) -> list[Node]:
    return [VOCAB["verification/" + ("verified" if as_bool(value) else "unverified")]]


HANDLERS: dict[FieldKind, Handler] = {
    FieldKind.TEXT: _text,
    FieldKind.REF: lambda compilation, spec, value, scope: [ref(compilation, value, scope, spec.targets)],
    FieldKind.VOCAB: lambda compilation, spec, value, scope: [compilation.lists.concept(spec.scheme, value)],
    FieldKind.TIME: emit_interval,
    FieldKind.DATE: lambda compilation, spec, value, scope: [parse_date(value).literal],
    FieldKind.BOOL: lambda compilation, spec, value, scope: [Literal(as_bool(value))],
    FieldKind.INT: lambda compilation, spec, value, scope: [Literal(as_int(value))],
    FieldKind.STR: lambda compilation, spec, value, scope: [Literal(plain_text(str(value), scope.location))],
    FieldKind.URI: _uri,
    FieldKind.LANGUAGE: lambda compilation, spec, value, scope: [LANG[as_language(value)]],
    FieldKind.VERIFIED: _verified,
    FieldKind.WIKIDATA: lambda compilation, spec, value, scope: [WD[as_qid(value)]],
    FieldKind.ITEMS: items.emit_items,
    FieldKind.CONCEPTS: items.emit_concept,
    FieldKind.PARTICIPANTS: relations.emit_participants,
    FieldKind.SESSIONS: entities.emit_sessions,
    FieldKind.SIGNATORIES: relations.emit_signatories,
    FieldKind.PHASES: entities.emit_phases,
    FieldKind.TENURES: relations.emit_tenure,
    FieldKind.CHANGE: emit_change,
    FieldKind.DERIVED_END: emit_derived_end,
}
"""The handler of each field kind."""
