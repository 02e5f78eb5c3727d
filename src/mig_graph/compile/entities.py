"""A record of a section emitted as an entity: its classes, provenance and fields, its stated
counts, and the records written inside it (a meeting's sessions, a programme's phases)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rdflib import RDF, SKOS, Literal, URIRef
from rdflib.namespace import DCTERMS, SDO
from rdflib.term import Node

from mig_graph.compile.emitter import Scope
from mig_graph.compile.references import emit_country
from mig_graph.compile.registry import COUNTRY_PREFIXES
from mig_graph.compile.values import as_bool, as_int, as_record, check_keys, text_literals
from mig_graph.errors import InputError
from mig_graph.namespaces import MG
from mig_graph.records import (
    COUNT_KEYS,
    PHASE_SECTION,
    RECORD_KEYS,
    SECTIONS,
    Field,
    Record,
    Section,
    item_locations,
    record_fields,
)

if TYPE_CHECKING:
    from mig_graph.compile.compilation import Compilation

__all__ = ["emit_count", "emit_phases", "emit_record", "emit_sessions"]


def emit_record(
    compilation: Compilation,
    section: Section,
    record: Record,
    default: tuple[URIRef, ...],
    *,
    subject: URIRef | None = None,
    record_class: URIRef | None = None,
) -> URIRef:
    """Emit a record of ``section`` and return its node.

    Parameters
    ----------
    compilation
        The compilation under way.
    section
        The record's section (its fields, classes and reference prefix).
    record
        The record; every node it makes has its location as origin.
    default
        The sources of its facts if it lists no ``sources`` of its own.
    subject
        Its node, for a record written inside another (a session); else the node of its id.
    record_class
        Its class instead of the section's default class.
    """
    location = record.location()
    fields = record_fields(section)
    check_keys(record, set(fields) | RECORD_KEYS, section.prefix)
    if subject is None:
        key = compilation.registry.resolve_key(
            f"{section.prefix}/{record['id']}", location, (section.prefix,)
        )
        subject = compilation.registry.entries[key].iri
    sources = compilation.registry.sources_of(record, default)
    scope = Scope(location, sources, subject, location, section)
    classes = [record_class or section.default_class, *section.extra_classes]
    if "type" in record:
        type_name = record["type"]
        if not isinstance(type_name, str) or type_name not in section.types:
            raise InputError(
                f"unknown type {type_name!r} for {section.prefix}; known: {', '.join(section.types)}",
                record.location_of("type"),
            )
        classes.append(section.types[type_name])
    for cls in classes:
        if cls is not None:
            compilation.emitter.add(location, subject, RDF.type, cls, sources)
    compilation.emitter.add_provenance(location, subject, sources)
    if section.prefix in COUNTRY_PREFIXES:
        emit_country(compilation, subject, section.prefix, str(record["id"]), scope)
    for key, value in record.items():
        if key in fields:
            compilation.emit_field(fields[key], value, scope.at(record.location_of(key)))
    for count, where in record.items_of("counts"):
        emit_count(compilation, as_record(count, where), scope)
    return subject


def emit_count(compilation: Compilation, record: Record, scope: Scope) -> URIRef:
    """A count as a source states it ("175 member states"), kept apart from any list."""
    check_keys(record, COUNT_KEYS, "count")
    sources = scope.sources
    if "source" in record:
        sources = compilation.registry.sources_at(record, "source")
    category = compilation.lists.concept("count", record.get("category"), record.location_of("category"))
    try:
        number = as_int(record.get("value"))
    except ValueError as error:
        raise InputError(f"count: {error}", record.location_of("value")) from None
    try:
        approximate = as_bool(record.get("approximate", False))
    except ValueError as error:
        raise InputError(f"count: {error}", record.location_of("approximate")) from None
    add, origin = compilation.emitter.add, scope.origin
    iri = URIRef(f"{scope.subject}/count/{category.rsplit('/', 1)[1]}-{number}")
    add(origin, scope.subject, MG.hasStatedCount, iri, sources)
    add(origin, iri, RDF.type, MG.StatedCount, sources)
    add(origin, iri, MG.countedCategory, category, sources)
    add(origin, iri, MG.countValue, Literal(number), sources)
    add(origin, iri, MG.approximate, Literal(approximate), sources)
    if "note" in record:
        for literal in text_literals(record["note"], record.location_of("note")):
            add(origin, iri, SKOS.note, literal, sources)
    compilation.emitter.add_provenance(origin, iri, sources)
    return iri


def emit_sessions(compilation: Compilation, spec: Field, value: Any, scope: Scope) -> list[Node]:
    """A meeting's ``sessions``: each a meeting record of its own, ``…/session/<n>``."""
    add, origin, sources = compilation.emitter.add, scope.origin, scope.sources
    produced: list[Node] = []
    for position, (session, where) in enumerate(item_locations(value, scope.location), start=1):
        session = as_record(session, where)
        iri = URIRef(f"{scope.subject}/session/{position}")
        compilation.emit_record(SECTIONS["meetings"], session, sources, subject=iri, record_class=MG.Session)
        add(origin, iri, SDO.superEvent, scope.subject, sources)
        add(origin, iri, MG.position, Literal(position), sources)
        produced.append(iri)
    return produced


def emit_phases(compilation: Compilation, spec: Field, value: Any, scope: Scope) -> list[Node]:
    """A programme's ``phases``: each a record of its own, ``…/phase/<n>``, with a time."""
    add, origin, sources = compilation.emitter.add, scope.origin, scope.sources
    produced: list[Node] = []
    for position, (phase, where) in enumerate(item_locations(value, scope.location), start=1):
        phase = as_record(phase, where)
        iri = URIRef(f"{scope.subject}/phase/{position}")
        compilation.emit_record(PHASE_SECTION, phase, sources, subject=iri)
        add(origin, scope.subject, MG.hasPhase, iri, compilation.registry.sources_of(phase, sources))
        add(origin, iri, MG.phaseNumber, Literal(position), sources)
        add(origin, iri, DCTERMS.isPartOf, scope.subject, sources)
        produced.append(iri)
    return produced
