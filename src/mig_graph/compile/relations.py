"""Relations written inside a record, each a node of its own with composite IRI: a meeting's
participations, a document's signatures, a person's tenures of posts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rdflib import RDF, SKOS, URIRef
from rdflib.namespace import ORG
from rdflib.term import Node

from mig_graph.compile.citations import cited
from mig_graph.compile.emitter import Scope
from mig_graph.compile.intervals import emit_instant
from mig_graph.compile.references import path_slug, ref
from mig_graph.compile.values import as_record, check_keys, text_literals
from mig_graph.errors import InputError
from mig_graph.namespaces import ID, MG
from mig_graph.records import (
    PARTICIPANT_KEYS,
    SECTIONS,
    SIGNATORIES_KEYS,
    TENURE_KEYS,
    TENURE_TIME,
    Field,
    parse_date,
)

if TYPE_CHECKING:
    from mig_graph.compile.compilation import Compilation

__all__ = ["AGENTS_AND_SERIES", "emit_participants", "emit_signatories", "emit_tenure"]

AGENTS_AND_SERIES = ("org", "state", "process", "programme", "person", "series", "territory")
"""What may take part in an event or be a member."""


def emit_participants(compilation: Compilation, spec: Field, value: Any, scope: Scope) -> list[Node]:
    """A meeting's ``participants`` entry: one ``mg:Participation`` per agent, in its role."""
    add, origin = compilation.emitter.add, scope.origin
    entry = as_record(value, scope.location)
    check_keys(entry, PARTICIPANT_KEYS, "participant")
    role = compilation.lists.concept("role", entry.get("role", "participant"), entry.location_of("role"))
    sources = compilation.registry.sources_of(entry, scope.sources)
    agent_scope = Scope(scope.location, sources, scope.subject, origin, scope.section)
    produced: list[Node] = []
    for agent_ref, where in entry.items_of("agent") + entry.items_of("agents"):
        agent = ref(compilation, agent_ref, agent_scope.at(where), AGENTS_AND_SERIES)
        iri = ID[f"participation/{path_slug(scope.subject)}/{role.rsplit('/', 1)[1]}/{path_slug(agent)}"]
        add(origin, iri, RDF.type, MG.Participation, sources)
        add(origin, iri, MG.participant, agent, sources)
        add(origin, iri, MG.inEvent, scope.subject, sources)
        add(origin, iri, MG.participationRole, role, sources)
        if "note" in entry:
            for literal in text_literals(entry["note"], entry.location_of("note")):
                add(origin, iri, SKOS.note, literal, sources)
        compilation.emitter.add_provenance(origin, iri, sources)
        produced.append(iri)
    if not produced:
        raise InputError("a participant entry needs 'agent' or 'agents'", entry.location())
    return produced


def emit_signatories(compilation: Compilation, spec: Field, value: Any, scope: Scope) -> list[Node]:
    """A document's ``signatories`` entry: one ``mg:Signature`` per state, on its date if given."""
    add, origin = compilation.emitter.add, scope.origin
    entry = as_record(value, scope.location)
    check_keys(entry, SIGNATORIES_KEYS, "signatories")
    sources = compilation.registry.sources_of(entry, scope.sources)
    signed_scope = Scope(entry.location(), sources, scope.subject, origin, scope.section)
    date, date_scope, date_note = (
        cited(compilation.registry, entry["date"], signed_scope.at(entry.location_of("date")))
        if "date" in entry
        else (None, None, None)
    )
    produced: list[Node] = []
    for state_ref, where in entry.items_of("states"):
        state = ref(compilation, state_ref, signed_scope.at(where), ("state",))
        iri = ID[f"signature/{path_slug(scope.subject)}/{path_slug(state)}"]
        add(origin, iri, RDF.type, MG.Signature, sources)
        add(origin, iri, MG.signatory, state, sources)
        add(origin, iri, MG.signedDocument, scope.subject, sources)
        if date is not None and date_scope is not None:
            _emit_dated(compilation, iri, MG.signedOn, "date", date, date_scope, date_note)
            compilation.emitter.add_provenance(origin, iri, date_scope.sources)
        compilation.emitter.add_provenance(origin, iri, sources)
        produced.append(iri)
    return produced


def emit_tenure(compilation: Compilation, spec: Field, value: Any, scope: Scope) -> list[Node]:
    """A person's ``holds`` entry: the ``mg:Tenure`` of a post, attested on a date or for a time."""
    add, origin = compilation.emitter.add, scope.origin
    entry = as_record(value, scope.location)
    check_keys(entry, TENURE_KEYS, "tenure")
    sources = compilation.registry.sources_of(entry, scope.sources)
    post_scope = Scope(entry.location_of("post"), sources, scope.subject, origin, scope.section)
    post = ref(compilation, entry.get("post"), post_scope, ("post",))
    iri = ID[f"tenure/{path_slug(post)}/{path_slug(scope.subject)}"]
    tenure_scope = Scope(entry.location(), sources, iri, origin, SECTIONS["organisations"])
    add(origin, iri, RDF.type, MG.Tenure, sources)
    add(origin, iri, MG.holder, scope.subject, sources)
    add(origin, iri, MG.heldPost, post, sources)
    add(origin, scope.subject, ORG.holds, post, sources)
    if "attested" in entry:
        attested, attested_scope, attested_note = cited(
            compilation.registry, entry["attested"], tenure_scope.at(entry.location_of("attested"))
        )
        _emit_dated(compilation, iri, MG.attestedOn, "attested", attested, attested_scope, attested_note)
    if "time" in entry:
        compilation.emit_field(TENURE_TIME, entry["time"], tenure_scope.at(entry.location_of("time")))
    if "note" in entry:
        for literal in text_literals(entry["note"], entry.location_of("note")):
            add(origin, iri, SKOS.note, literal, sources)
    compilation.emitter.add_provenance(origin, iri, sources)
    return [iri]


def _emit_dated(
    compilation: Compilation,
    iri: URIRef,
    predicate: URIRef,
    key: str,
    date: Any,
    scope: Scope,
    note: Any,
) -> None:
    """``iri predicate instant``: the instant of a (cited) date, with its note as ``mg:dateNote``."""
    try:
        instant = emit_instant(compilation.emitter, parse_date(date), scope)
    except ValueError as error:
        raise InputError(f"field {key!r}: {error}", scope.location) from None
    compilation.emitter.add(scope.origin, iri, predicate, instant, scope.sources)
    for literal in text_literals(note, scope.location) if note is not None else []:
        compilation.emitter.add(scope.origin, iri, MG.dateNote, literal, scope.sources)
