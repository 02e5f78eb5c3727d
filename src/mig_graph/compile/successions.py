"""Derived ends: a membership's (or term's) end that no source states but that follows from a
stated succession or the end of the process (``end_derived``), and the term that follows it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rdflib import RDF, SKOS, URIRef
from rdflib.term import Node

from mig_graph.compile.emitter import Scope
from mig_graph.compile.references import ref
from mig_graph.compile.relations import AGENTS_AND_SERIES
from mig_graph.compile.timeline import MembershipTime, Succession
from mig_graph.compile.values import as_record, check_keys, text_literals
from mig_graph.errors import InputError, Location
from mig_graph.namespaces import ID, MG
from mig_graph.records import DERIVED_END_KEYS, Field, Record

if TYPE_CHECKING:
    from mig_graph.compile.compilation import Compilation

__all__ = ["cited_sources", "emit_derived_end", "resolve_successions"]


def cited_sources(
    compilation: Compilation, record: Record, what: str, location: Location
) -> tuple[URIRef, ...]:
    """The ``sources`` a sub-record must list (at least one), each at its line; ``what`` names it."""
    sources = compilation.registry.sources_at(record, "sources") if "sources" in record else ()
    if not sources:
        raise InputError(f"{what!r} needs the 'sources' it rests on (at least one source id)", location)
    return sources


def emit_derived_end(compilation: Compilation, spec: Field, value: Any, scope: Scope) -> list[Node]:
    """``end_derived: {note, sources, followed_by}`` of the membership ``scope.subject``.

    The node ``<membership>/end-derivation``, an ``mg:DerivedEnd`` with its note and sources, is
    written in the graphs of those sources, as is the membership's ``mg:endDerivation`` link; the
    member named by ``followed_by`` is resolved to its following membership once every file is
    compiled (:func:`resolve_successions`).
    """
    record = as_record(value, scope.location)
    check_keys(record, DERIVED_END_KEYS, spec.key)
    sources = cited_sources(compilation, record, spec.key, scope.location)
    if "note" not in record:
        raise InputError(f"{spec.key!r} needs a 'note' saying how the end is derived", scope.location)
    add, origin = compilation.emitter.add, scope.origin
    iri = URIRef(f"{scope.subject}/end-derivation")
    add(origin, scope.subject, MG.endDerivation, iri, sources)
    add(origin, iri, RDF.type, MG.DerivedEnd, sources)
    for literal in text_literals(record["note"], record.location_of("note")):
        add(origin, iri, SKOS.note, literal, sources)
    compilation.emitter.add_provenance(origin, iri, sources)
    if "followed_by" in record:
        where = record.location_of("followed_by")
        follower_scope = Scope(where, sources, iri, origin)
        follower = ref(compilation, record["followed_by"], follower_scope, AGENTS_AND_SERIES)
        compilation.successions.append(Succession(scope.subject, iri, follower, sources, where))
    return [iri]


def resolve_successions(compilation: Compilation) -> None:
    """Link each derived end that names a follower to the follower's following membership.

    The following membership is the follower's membership of the same organisation in the same
    role that starts earliest among those that can start on or after this one's start; a
    follower with no dated start there may follow only if it has a single membership there.

    Raises
    ------
    InputError
        At ``followed_by``, when the follower has no such membership.
    """
    memberships = compilation.memberships
    for succession in compilation.successions:
        this = memberships[succession.membership]
        candidates = [
            (iri, facts)
            for iri, facts in memberships.items()
            if iri != succession.membership
            and facts.member == succession.follower
            and facts.organisation == this.organisation
            and facts.role == this.role
        ]
        following = _following(this, candidates)
        if following is None:
            raise InputError(
                f"'followed_by': {_key(succession.follower)} has no term of {_key(this.organisation)} "
                f"as {_key(this.role).rsplit('/', 1)[1]} that follows this one",
                succession.location,
            )
        compilation.emitter.add(
            succession.location, succession.derivation, MG.followedBy, following, succession.sources
        )


def _following(this: MembershipTime, candidates: list[tuple[URIRef, MembershipTime]]) -> URIRef | None:
    start = this.start
    dated = [
        (facts.start.earliest, facts.start.latest, str(iri), iri)
        for iri, facts in candidates
        if facts.start is not None and (start is None or facts.start.latest >= start.earliest)
    ]
    if dated:
        return min(dated)[3]
    undated = [iri for iri, facts in candidates if facts.start is None]
    return undated[0] if len(undated) == 1 and len(candidates) == 1 else None


def _key(iri: URIRef) -> str:
    """``…/id/state/PHL`` → ``state/PHL``; a role concept → ``vocab/role/chair``."""
    return str(iri).removeprefix(str(ID)).removeprefix("https://w3id.org/mig-graph/")
