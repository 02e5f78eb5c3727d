"""The controlled lists (roles, meeting kinds, counts…): a concept written bare (``co-chair``)
checked against the vocabularies."""

from __future__ import annotations

from typing import Any

from rdflib import RDF, SKOS, Graph, URIRef

from mig_graph.compile.values import SLUG
from mig_graph.errors import InputError, Location
from mig_graph.namespaces import VOCAB

__all__ = ["ControlledLists"]


class ControlledLists:
    """The concepts of the vocabularies, by which a bare concept name is checked."""

    def __init__(self, vocabularies: Graph) -> None:
        self.concepts = set(vocabularies.subjects(RDF.type, SKOS.Concept))

    def names(self, scheme: str) -> list[str]:
        """The bare names of the list ``scheme``'s concepts, sorted (``["chair", "co-chair", …]``)."""
        prefix = f"{VOCAB}{scheme}/"
        return sorted(str(c).removeprefix(prefix) for c in self.concepts if str(c).startswith(prefix))

    def concept(self, scheme: str, value: Any, location: Location | None = None) -> URIRef:
        """The concept ``value`` of the list ``scheme``.

        Raises
        ------
        InputError
            At ``location`` when the list has no such concept, naming the known ones.
        ValueError
            The same, when no ``location`` is given (the field's location is added by the caller).
        """
        # only a slug can name a concept: anything else is refused before it becomes an IRI
        iri = VOCAB[f"{scheme}/{value}"] if isinstance(value, str) and SLUG.fullmatch(value) else None
        if iri is None or iri not in self.concepts:
            message = f"unknown {scheme} {value!r}; known: {', '.join(self.names(scheme))}"
            if location is None:
                raise ValueError(message)
            raise InputError(message, location)
        return iri
