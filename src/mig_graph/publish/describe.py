"""An entity's description read from the store's quads, and its RDF documents written by pyoxigraph.

The description of an entity is what its page shows and its documents say: the triples of the
entity and of its dependent nodes (whose IRIs extend its own, :func:`mig_graph.rdf.resolution.owner`),
the triples of other resources that point to it or to its nodes (incoming links), and the triples
of the n-ary relations among them (a membership, participation, signature or tenure and its
interval), so that MiDIOCC's document lists its members' memberships. Every triple keeps the
sources that state it (the named graphs it is in).

Documents are serialised by pyoxigraph from the sorted triples, with only the prefixes they use:
Turtle, N-Triples (sorted lines), RDF/XML, and JSON-LD in expanded form (full IRIs, no
``@context``), indented.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from mig_graph.namespaces import MG, PREFIXES
from mig_graph.rdf.resolution import owner

__all__ = ["N_ARY", "Description", "describe", "serialise"]

_ORG = "http://www.w3.org/ns/org#"
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

N_ARY: dict[str, tuple[str, str, str]] = {
    f"{_ORG}Membership": (f"{_ORG}organization", f"{_ORG}member", f"{_ORG}role"),
    str(MG.Participation): (str(MG.inEvent), str(MG.participant), str(MG.participationRole)),
    str(MG.Signature): (str(MG.signedDocument), str(MG.signatory), ""),
    str(MG.Tenure): (str(MG.heldPost), str(MG.holder), ""),
}
"""The n-ary relations folded into the pages of their two ends: class → (the property naming the
organisation, event, document or post; the one naming the member, participant, signatory or
holder; the role's)."""

_ENDS = {predicate for target, agent, _ in N_ARY.values() for predicate in (target, agent)}
_VOCABULARY_GRAPH = "https://w3id.org/mig-graph/vocab"
_IMPLICIT = {  # datatypes the formats write without naming them
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString",
    "http://www.w3.org/2001/XMLSchema#string",
}


@dataclass
class Description:
    """An entity's triples, its nodes', the incoming ones and its relations', with their sources.

    ``subjects`` are the entity and its dependent nodes (the entity first); ``relations`` the
    n-ary relation nodes that point to them.
    """

    iri: str
    subjects: list[str]
    triples: list[ox.Triple] = field(default_factory=list)
    sources: dict[ox.Triple, list[str]] = field(default_factory=dict)
    relations: list[str] = field(default_factory=list)

    def about(self, subject: str) -> list[ox.Triple]:
        """The description's triples whose subject is ``subject``."""
        return [triple for triple in self.triples if triple.subject.value == subject]


def _read(store: ox.Store, description: Description, subject: ox.NamedNode | ox.BlankNode) -> None:
    """Add the triples of ``subject`` (from the union default graph) and their sources."""
    for quad in store.quads_for_pattern(subject, None, None, None):
        triple = ox.Triple(quad.subject, quad.predicate, quad.object)
        if isinstance(quad.graph_name, ox.DefaultGraph):
            description.sources.setdefault(triple, [])
        elif quad.graph_name.value != _VOCABULARY_GRAPH:
            description.sources.setdefault(triple, []).append(quad.graph_name.value)


def describe(store: ox.Store, iri: str, dependents: Iterable[str] = ()) -> Description:
    """The description of the entity ``iri`` whose dependent nodes are ``dependents``.

    Parameters
    ----------
    store : pyoxigraph.Store
        The graph: one named graph per source, their union in the default graph.
    iri : str
        The entity.
    dependents : iterable of str
        Its dependent nodes (subjects whose IRIs extend the entity's).

    Returns
    -------
    Description
        Its triples, sorted (the entity's and its nodes' first, then the others by subject), each
        with the sources that state it.
    """
    description = Description(iri, [iri, *sorted(set(dependents) - {iri})])
    own = set(description.subjects)
    for subject in description.subjects:
        _read(store, description, ox.NamedNode(subject))
    pointing: set[str] = set()
    ends: set[str] = set()  # the nodes that point to the entity as one end of an n-ary relation
    for subject in description.subjects:
        for quad in store.quads_for_pattern(None, None, ox.NamedNode(subject), ox.DefaultGraph()):
            if isinstance(quad.subject, ox.NamedNode) and quad.subject.value not in own:
                pointing.add(quad.subject.value)
                if quad.predicate.value in _ENDS:
                    ends.add(quad.subject.value)
    relations = sorted(
        node
        for node in ends
        if any(
            quad.object.value in N_ARY
            for quad in store.quads_for_pattern(ox.NamedNode(node), _RDF_TYPE, None, ox.DefaultGraph())
        )
    )
    described = set(own)
    for node in relations:
        parts = [
            node,
            *sorted(
                quad.object.value
                for quad in store.quads_for_pattern(ox.NamedNode(node), None, None, ox.DefaultGraph())
                if isinstance(quad.object, ox.NamedNode) and owner(quad.object.value) == node
            ),
        ]
        for part in parts:
            if part not in described:
                described.add(part)
                _read(store, description, ox.NamedNode(part))
    for node in sorted(pointing - set(relations)):
        for subject in description.subjects:
            for quad in store.quads_for_pattern(ox.NamedNode(node), None, ox.NamedNode(subject), None):
                triple = ox.Triple(quad.subject, quad.predicate, quad.object)
                sources = description.sources.setdefault(triple, [])
                graph = quad.graph_name
                if isinstance(graph, ox.NamedNode) and graph.value != _VOCABULARY_GRAPH:
                    sources.append(graph.value)
    description.relations = relations
    rank = {subject: position for position, subject in enumerate(description.subjects)}
    description.triples = sorted(
        description.sources,
        key=lambda t: (
            rank.get(t.subject.value, len(rank)),
            t.subject.value,
            t.predicate.value,
            str(t.object),
        ),
    )
    for sources in description.sources.values():
        sources.sort()
    return description


def _prefixes(triples: Iterable[ox.Triple]) -> dict[str, str]:
    """The project's prefixes that the triples' IRIs use (no others, so documents stay small)."""
    used: dict[str, str] = {}
    for triple in triples:
        for term in (triple.subject, triple.predicate, triple.object):
            iri = term.value if isinstance(term, ox.NamedNode) else ""
            if isinstance(term, ox.Literal):
                iri = "" if term.language or term.datatype.value in _IMPLICIT else term.datatype.value
            prefix = _prefix_of(iri) if iri else None
            if prefix is not None:
                used[prefix] = PREFIXES[prefix]
    return dict(sorted(used.items()))


_NAMESPACES = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))


@functools.lru_cache(maxsize=1 << 16)  # predicates, classes and datatypes come back in every document
def _prefix_of(iri: str) -> str | None:
    """The prefix of the longest project namespace holding ``iri``, ``id`` and ``vocab`` aside."""
    for prefix, namespace in _NAMESPACES:
        if iri.startswith(namespace) and prefix not in ("id", "vocab"):
            return prefix
    return None


def serialise(triples: list[ox.Triple], fmt: ox.RdfFormat) -> str:
    """The text of a description in ``fmt``, deterministic for the same triples.

    >>> t = ox.Triple(ox.NamedNode("https://w3id.org/mig-graph/id/state/FRA"),
    ...     ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal("France", language="en"))
    >>> print(serialise([t], ox.RdfFormat.TURTLE), end="")
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    <https://w3id.org/mig-graph/id/state/FRA> rdfs:label "France"@en .
    """
    if fmt == ox.RdfFormat.N_TRIPLES:
        text = ox.serialize(triples, format=fmt).decode("utf-8")
        return "".join(sorted(set(text.splitlines(keepends=True))))
    if fmt == ox.RdfFormat.JSON_LD:
        text = ox.serialize(triples, format=fmt).decode("utf-8")
        return json.dumps(json.loads(text), indent=1, ensure_ascii=False) + "\n"
    return ox.serialize(triples, format=fmt, prefixes=_prefixes(triples)).decode("utf-8")
