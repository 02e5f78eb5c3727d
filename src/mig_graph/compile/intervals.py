"""Dates as OWL-Time: an interval per stated date or span, instants shared by every node that
names the same day, month or year."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rdflib import RDF, URIRef
from rdflib.namespace import TIME
from rdflib.term import Node

from mig_graph.compile.emitter import Emitter, Scope
from mig_graph.namespaces import ID, MG
from mig_graph.records import Field, PartialDate, parse_interval

if TYPE_CHECKING:
    from mig_graph.compile.compilation import Compilation

__all__ = ["emit_instant", "emit_interval"]


def emit_interval(compilation: Compilation, spec: Field, value: Any, scope: Scope) -> list[Node]:
    """A ``TIME`` field: the interval ``…/interval/<start>--<end>`` of the scope's subject.

    The subject is linked to it by the field's predicate (``time:hasTime`` when it has none); a
    single date is a span in sections that say so (a meeting's day), else the start of one.
    """
    add, origin, sources = compilation.emitter.add, scope.origin, scope.sources
    predicate = spec.predicate or TIME.hasTime
    single_is_span = bool(scope.section and scope.section.single_date_is_span)
    interval = parse_interval(value, single_is_span=single_is_span)
    iri = URIRef(f"{scope.subject}/interval/{interval.slug}")
    add(origin, scope.subject, predicate, iri, sources)
    add(origin, iri, RDF.type, TIME.ProperInterval, sources)
    compilation.emitter.add_provenance(origin, iri, sources)
    if interval.start:
        add(origin, iri, TIME.hasBeginning, emit_instant(compilation.emitter, interval.start, scope), sources)
    if interval.end:
        add(origin, iri, TIME.hasEnd, emit_instant(compilation.emitter, interval.end, scope), sources)
    return [iri]


def emit_instant(emitter: Emitter, date: PartialDate, scope: Scope) -> URIRef:
    """The shared instant ``…/id/instant/<date>`` with its date and precision."""
    iri = ID[f"instant/{date.text}"]
    emitter.add(scope.origin, iri, RDF.type, TIME.Instant, scope.sources)
    emitter.add(scope.origin, iri, date.time_property, date.literal, scope.sources)
    emitter.add(scope.origin, iri, MG.precision, date.precision, scope.sources)
    return iri
