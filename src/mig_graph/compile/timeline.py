"""What the compiler keeps of each membership's time while the files are emitted, for what is
decided once every file is: the terms that follow derived ends, and the dates sources confirm."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef

from mig_graph.errors import Location
from mig_graph.records import PartialDate

__all__ = ["MembershipTime", "Succession"]


@dataclass
class MembershipTime:
    """One ``org:Membership`` as its records state it (a membership stated twice is one).

    ``starts`` are the starts its records give; ``ended`` tells whether any gives an end, stated
    or derived; ``sources`` are the sources it is derived from.
    """

    organisation: URIRef
    role: URIRef
    member: URIRef
    location: Location
    starts: set[PartialDate] = field(default_factory=set)
    ended: bool = False
    sources: set[URIRef] = field(default_factory=set)

    @property
    def start(self) -> PartialDate | None:
        """The earliest start stated, or ``None``."""
        return min(self.starts, key=lambda date: (date.earliest, date.latest), default=None)


@dataclass(frozen=True)
class Succession:
    """A derived end that names the member whose term follows (``followed_by``), to be resolved to
    that member's following membership once every membership is known."""

    membership: URIRef
    derivation: URIRef
    follower: URIRef
    sources: tuple[URIRef, ...]
    location: Location
