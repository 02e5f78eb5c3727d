"""Where compiled triples go: the named graph of each source that states them, and for each node
the record it was first stated in (its origin); the scope a value is compiled in."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from rdflib import Dataset, URIRef
from rdflib.namespace import PROV
from rdflib.term import Node

from mig_graph.errors import Location
from mig_graph.records import Section

__all__ = ["Emitter", "Scope"]


@dataclass(frozen=True)
class Scope:
    """A value being compiled: where it is written, the sources that state it, the node it
    describes, the record it is stated in (the origin of the nodes it makes) and its section."""

    location: Location
    sources: tuple[URIRef, ...]
    subject: URIRef
    origin: Location
    section: Section | None = None

    def at(self, location: Location) -> Scope:
        """The same scope, for a value written at ``location``."""
        return replace(self, location=location)


class Emitter:
    """The dataset being built and the origin of each of its nodes."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.origins: dict[Node, Location] = {}

    def add(
        self, origin: Location, subject: Node, predicate: URIRef, value: Node, sources: Iterable[URIRef]
    ) -> None:
        """Add a triple to the graph of each of ``sources``; a new subject gets ``origin``."""
        self.origins.setdefault(subject, origin)
        for source in sources:
            self.dataset.graph(source).add((subject, predicate, value))

    def add_provenance(self, origin: Location, subject: URIRef, sources: Iterable[URIRef]) -> None:
        """``subject prov:wasDerivedFrom source``, in each source's own graph."""
        for source in sources:
            self.add(origin, subject, PROV.wasDerivedFrom, source, (source,))
