"""RDF terms between rdflib and Oxigraph, and rdflib's simple literals for Oxigraph's ``xsd:string``."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import XSD, BNode, Literal, URIRef
from rdflib.term import Node

__all__ = ["from_oxigraph", "simple_literal", "to_oxigraph"]

_XSD_STRING = ox.NamedNode(str(XSD.string))


def simple_literal(term: Node) -> Node:
    """Oxigraph returns every simple literal typed ``xsd:string`` (the same thing in RDF 1.1);
    give it back as rdflib's simple literal, as the build wrote it."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def from_oxigraph(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    """An Oxigraph term as an rdflib term, an ``xsd:string`` literal made simple (as :func:`in_memory`)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype == _XSD_STRING:
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as an Oxigraph term (the inverse of :func:`from_oxigraph`)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    return ox.BlankNode(str(term))
