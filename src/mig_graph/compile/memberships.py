"""The ``memberships`` section: who is a member of a process or organisation, in which role, for
which terms; one ``org:Membership`` per member and term, its end stated or derived
(``end_derived``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rdflib import RDF, URIRef
from rdflib.namespace import ORG

from mig_graph.compile.emitter import Scope
from mig_graph.compile.references import path_slug, ref
from mig_graph.compile.relations import AGENTS_AND_SERIES
from mig_graph.compile.timeline import MembershipTime
from mig_graph.compile.values import check_keys
from mig_graph.errors import InputError, Location
from mig_graph.namespaces import ID
from mig_graph.records import (
    MEMBERSHIP_END_DERIVED,
    MEMBERSHIP_FIELDS,
    MEMBERSHIP_KEYS,
    MEMBERSHIP_TIME,
    TERM_KEYS,
    Interval,
    Record,
    parse_interval,
)

if TYPE_CHECKING:
    from mig_graph.compile.compilation import Compilation

__all__ = ["ORGANISATION_KINDS", "emit_membership"]

ORGANISATION_KINDS = ("process", "org", "programme", "series")
"""What a membership may be of."""

_DERIVED = MEMBERSHIP_END_DERIVED.key


def emit_membership(compilation: Compilation, record: Record, default: tuple[URIRef, ...]) -> None:
    """A membership record: each member in each term (several terms, several memberships).

    ``end_derived`` belongs to the record's ``time``, or, with ``terms``, to the term it follows
    (a term written ``{value: START/END, end_derived: {…}}``).
    """
    check_keys(record, MEMBERSHIP_KEYS, "membership")
    location = record.location()
    sources = compilation.registry.sources_of(record, default)
    scope = Scope(location, sources, URIRef(""), location)
    organisation = ref(
        compilation,
        record.get("organisation"),
        scope.at(record.location_of("organisation")),
        ORGANISATION_KINDS,
    )
    role = compilation.lists.concept("role", record.get("role", "member"), record.location_of("role"))
    members = record.items_of("member") + record.items_of("members")
    if not members:
        raise InputError("a membership needs 'member' or 'members'", location)
    if "time" in record and "terms" in record:
        raise InputError("a membership has either one 'time' or several 'terms', not both", location)
    if "terms" in record and _DERIVED in record:
        raise InputError(
            f"with 'terms', write {_DERIVED!r} on the term whose end it derives: {{value: …, {_DERIVED}: …}}",
            record.location_of(_DERIVED),
        )
    terms = record.items_of("terms") or [(record.get("time"), record.location_of("time"))]
    for member_ref, member_where in members:
        member = ref(compilation, member_ref, scope.at(member_where), AGENTS_AND_SERIES)
        base = f"membership/{path_slug(organisation)}/{role.rsplit('/', 1)[1]}/{path_slug(member)}"
        for term, term_where in terms:
            # several terms (a state that chaired twice) are several memberships, keyed by their start
            suffix = f"/{_term_slug(term, term_where)}" if "terms" in record else ""
            iri = ID[base + suffix]
            term_scope = Scope(term_where, sources, iri, location)
            facts = MembershipTime(organisation, role, member, location)
            compilation.memberships.setdefault(iri, facts).sources.update(sources)
            _emit_one_membership(compilation, record, term_scope, member, organisation, role, term)


def _term_slug(term: Any, location: Location) -> str:
    """``2007/2008`` → ``2007--2008``: the part of the IRI that tells a term from the others."""
    if isinstance(term, Record):
        value, location = term.get("value"), term.location_of("value")
    else:
        value = term
    try:
        return parse_interval(value, single_is_span=False).slug
    except ValueError as error:
        raise InputError(f"field 'terms': {error}", location) from None


def _term_parts(record: Record, term: Any) -> tuple[Any, Any, Location]:
    """A term (or the record's ``time``) as its time value and its ``end_derived``, with its line."""
    if isinstance(term, Record) and _DERIVED in term:
        check_keys(term, TERM_KEYS, "term")
        if _DERIVED in record:
            message = f"{_DERIVED!r} is written twice, for the record and in its time"
            raise InputError(message, term.location_of(_DERIVED))
        return term.without(_DERIVED), term[_DERIVED], term.location_of(_DERIVED)
    return term, record.get(_DERIVED), record.location_of(_DERIVED)


def _interval(value: Any) -> Interval | None:
    """The interval a time value (plain or cited) gives, once it has been emitted (so valid)."""
    if isinstance(value, Record):
        value = value.get("value")
    return None if value is None else parse_interval(value, single_is_span=False)


def _emit_one_membership(
    compilation: Compilation,
    record: Record,
    scope: Scope,
    member: URIRef,
    organisation: URIRef,
    role: URIRef,
    term: Any,
) -> None:
    """The membership ``scope.subject`` of ``member`` in ``organisation`` for one ``term``."""
    add, origin, sources, iri = compilation.emitter.add, scope.origin, scope.sources, scope.subject
    add(origin, iri, RDF.type, ORG.Membership, sources)
    add(origin, iri, ORG.member, member, sources)
    add(origin, iri, ORG.organization, organisation, sources)
    add(origin, iri, ORG.role, role, sources)
    compilation.emitter.add_provenance(origin, iri, sources)
    value, derived, derived_where = _term_parts(record, term)
    interval = None
    if value is not None:
        compilation.emit_field(MEMBERSHIP_TIME, value, scope)
        interval = _interval(value)
    facts = compilation.memberships[iri]
    if interval is not None:
        if interval.start is not None:
            facts.starts.add(interval.start)
        facts.ended = facts.ended or interval.end is not None
    if derived is not None:
        if interval is None or interval.end is None:
            message = f"{_DERIVED!r} explains the end of a time that has none: write the end (START/END)"
            raise InputError(message, derived_where)
        compilation.emit_field(MEMBERSHIP_END_DERIVED, derived, scope.at(derived_where))
    for spec in MEMBERSHIP_FIELDS:
        if spec.key in record:
            compilation.emit_field(spec, record[spec.key], scope.at(record.location_of(spec.key)))
