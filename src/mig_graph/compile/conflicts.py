"""The ``conflicts`` section: a disagreement between sources kept on purpose; every claim's value
is asserted, with its passage, and one claim may be marked preferred."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rdflib import RDF, RDFS, SKOS, URIRef
from rdflib.namespace import TIME
from rdflib.term import Node

from mig_graph.compile.emitter import Scope
from mig_graph.compile.entities import emit_count
from mig_graph.compile.registry import Entry
from mig_graph.compile.values import as_bool, as_record, check_keys, slug_of, text_literals
from mig_graph.errors import InputError
from mig_graph.namespaces import ID, MG
from mig_graph.records import (
    CLAIM_KEYS,
    CLAIM_PREFERENCE_FIELDS,
    CONFLICT_KEYS,
    REFERENCE_KINDS,
    Field,
    Record,
    record_fields,
)

if TYPE_CHECKING:
    from mig_graph.compile.compilation import Compilation

__all__ = ["emit_conflict"]

_PREFERENCE_NOTE = next(spec for spec in CLAIM_PREFERENCE_FIELDS if spec.key == "preference_note")


def emit_conflict(compilation: Compilation, record: Record, default: tuple[URIRef, ...]) -> None:
    """A conflict over one property of a record, and its claims (at least two)."""
    check_keys(record, CONFLICT_KEYS, "conflict")
    conflict_id = slug_of(record, "id")
    location = record.location(conflict_id)
    iri = ID[f"conflict/{conflict_id}"]
    subject_key = compilation.registry.resolve_key(
        str(record.get("subject")), record.location_of("subject", conflict_id), tuple(REFERENCE_KINDS)
    )
    entry = compilation.registry.entries.get(subject_key)
    if entry is None:  # a country, source or concept named but not a record of the data
        message = f"conflict subject {subject_key!r} is not a record of the data files"
        raise InputError(message, record.location_of("subject", conflict_id))
    fields = record_fields(entry.section)
    predicate = _conflict_predicate(record.get("property"), fields, subject_key, record, conflict_id)
    scope = Scope(location, compilation.registry.sources_of(record, default), iri, location, entry.section)
    add, sources = compilation.emitter.add, scope.sources
    add(location, iri, RDF.type, MG.Conflict, sources)
    add(location, iri, MG.conflictSubject, entry.iri, sources)
    add(location, iri, MG.conflictProperty, predicate, sources)
    label_location = record.location_of("label", conflict_id)
    for literal in text_literals(record.get("label"), label_location, single_line=True):
        add(location, iri, RDFS.label, literal, sources)
    if "note" in record:
        for literal in text_literals(record["note"], record.location_of("note", conflict_id)):
            add(location, iri, SKOS.note, literal, sources)
    compilation.emitter.add_provenance(location, iri, sources)
    claims = record.items_of("claims", conflict_id)
    if len(claims) < 2:
        raise InputError("a conflict needs at least two claims", record.location_of("claims", conflict_id))
    preferred = 0
    for position, (claim, where) in enumerate(claims, start=1):
        claim = as_record(claim, where)
        claim_iri = _emit_claim(compilation, claim, position, entry, fields, record.get("property"), scope)
        if _preferred(claim):
            preferred += 1
            if preferred > 1:
                raise InputError("a conflict has at most one preferred claim", claim.location_of("preferred"))
            add(location, iri, MG.preferredClaim, claim_iri, sources)
            compilation.emit_field(_PREFERENCE_NOTE, claim["preference_note"], scope)


def _conflict_predicate(
    field_key: Any, fields: dict[str, Field], subject_key: str, record: Record, conflict_id: str
) -> URIRef:
    """The predicate a conflict is about: ``rdf:type``, a stated count, or a field's."""
    if field_key == "type":
        return RDF.type
    if field_key == "counts":
        return MG.hasStatedCount
    if isinstance(field_key, str) and field_key in fields:
        return fields[field_key].predicate or TIME.hasTime
    raise InputError(
        f"conflict property {field_key!r} is not a field of {subject_key}",
        record.location_of("property", conflict_id),
    )


def _emit_claim(
    compilation: Compilation,
    claim: Record,
    position: int,
    entry: Entry,
    fields: dict[str, Field],
    field_key: str,
    scope: Scope,
) -> URIRef:
    """One claim ``…/claim/<n>``: its value asserted of the subject by the claim's sources."""
    add, origin = compilation.emitter.add, scope.origin
    check_keys(claim, CLAIM_KEYS, "claim")
    claim_sources = compilation.registry.sources_at(claim, "source") or scope.sources
    subject_scope = Scope(claim.location_of("value"), claim_sources, entry.iri, origin, entry.section)
    objects = _claimed_objects(compilation, claim, entry, fields, field_key, subject_scope)
    claim_iri = URIRef(f"{scope.subject}/claim/{position}")
    add(origin, scope.subject, MG.hasClaim, claim_iri, scope.sources)
    add(origin, claim_iri, RDF.type, MG.Claim, claim_sources)
    for obj in objects:
        add(origin, claim_iri, MG.claimedValue, obj, claim_sources)
    compilation.emitter.add_provenance(origin, claim_iri, claim_sources)
    if "passage" in claim:
        for literal in text_literals(claim["passage"], claim.location_of("passage")):
            add(origin, claim_iri, MG.passage, literal, claim_sources)
    return claim_iri


def _claimed_objects(
    compilation: Compilation,
    claim: Record,
    entry: Entry,
    fields: dict[str, Field],
    field_key: str,
    scope: Scope,
) -> list[Node]:
    """The claim's value emitted as the subject's type, stated count or field value."""
    if field_key == "type":
        value = claim.get("value")
        if not isinstance(value, str) or value not in entry.section.types:
            raise InputError(f"unknown type {value!r}", claim.location_of("value"))
        compilation.emitter.add(scope.origin, entry.iri, RDF.type, entry.section.types[value], scope.sources)
        return [entry.section.types[value]]
    if field_key == "counts":
        count = as_record(claim.get("value"), claim.location_of("value"))
        return [emit_count(compilation, count, scope)]
    return compilation.emit_field(fields[field_key], claim.get("value"), scope)


def _preferred(claim: Record) -> bool:
    """Whether a claim is marked ``preferred: true``; such a claim needs its ``preference_note``."""
    try:
        preferred = as_bool(claim.get("preferred", False))
    except ValueError as error:
        raise InputError(f"field 'preferred': {error}", claim.location()) from None
    if "preference_note" in claim and not preferred:
        raise InputError("only a claim marked 'preferred: true' has a 'preference_note'", claim.location())
    if preferred and "preference_note" not in claim:
        raise InputError("a preferred claim needs a 'preference_note' saying why", claim.location())
    return preferred
