"""The state of one compilation, passed explicitly to every emitting function: the dataset being
built, the registered ids, the controlled lists and the countries already described."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rdflib import URIRef
from rdflib.term import Node

from mig_graph.compile import entities, fields
from mig_graph.compile.emitter import Emitter, Scope
from mig_graph.compile.registry import Registry
from mig_graph.compile.timeline import MembershipTime, Succession
from mig_graph.compile.vocabulary import ControlledLists
from mig_graph.records import Field, Record, Section

__all__ = ["Compilation"]


@dataclass
class Compilation:
    """What every emitting function reads or extends; ``emitted_countries`` holds (country, source),
    ``memberships`` the time of each membership, ``successions`` the derived ends that name a follower."""

    emitter: Emitter
    registry: Registry
    lists: ControlledLists
    country_wikidata: dict[str, str]
    emitted_countries: set[tuple[URIRef, URIRef]] = field(default_factory=set)
    memberships: dict[URIRef, MembershipTime] = field(default_factory=dict)
    successions: list[Succession] = field(default_factory=list)

    def emit_field(self, spec: Field, value: Any, scope: Scope) -> list[Node]:
        """Emit one field's triples (:func:`mig_graph.compile.fields.emit_field`)."""
        return fields.emit_field(self, spec, value, scope)

    def emit_record(
        self,
        section: Section,
        record: Record,
        default: tuple[URIRef, ...],
        *,
        subject: URIRef | None = None,
        record_class: URIRef | None = None,
    ) -> URIRef:
        """Emit a record and its fields (:func:`mig_graph.compile.entities.emit_record`)."""
        return entities.emit_record(
            self, section, record, default, subject=subject, record_class=record_class
        )
