"""Numbered content items of a record (objectives, tracks, conclusions, provisions, results) and
concepts of the schemes the data defines (thematic areas)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rdflib import RDF, RDFS, SKOS, Literal, URIRef
from rdflib.term import Node

from mig_graph.compile.emitter import Scope
from mig_graph.compile.references import ref
from mig_graph.compile.values import as_int, check_keys, slug_of, text_literals
from mig_graph.errors import InputError, Location
from mig_graph.namespaces import ID, MG
from mig_graph.records import CONCEPT_KEYS, ITEM_CLASSES, ITEM_KEYS, Field, Record, item_locations

if TYPE_CHECKING:
    from mig_graph.compile.compilation import Compilation

__all__ = ["emit_concept", "emit_items"]


def emit_items(compilation: Compilation, spec: Field, value: Any, scope: Scope) -> list[Node]:
    """Numbered content items (objectives, tracks, results…): one node per list entry.

    An entry is a text (its label) or a mapping with ``label``, ``quantity``, ``refers_to``
    and ``note``.
    """
    add, origin, sources = compilation.emitter.add, scope.origin, scope.sources
    produced: list[Node] = []
    for position, (item, where) in enumerate(item_locations(value, scope.location), start=1):
        iri = URIRef(f"{scope.subject}/{spec.item}/{position}")
        fields: dict[str, Any] = {"label": item}
        if isinstance(item, Record) and "label" in item:
            check_keys(item, ITEM_KEYS, spec.item)
            fields = item
        add(origin, iri, RDF.type, ITEM_CLASSES[spec.item], sources)
        add(origin, iri, MG.position, Literal(position), sources)
        for literal in text_literals(fields["label"], _location(fields, "label", where), single_line=True):
            add(origin, iri, RDFS.label, literal, sources)
        if "quantity" in fields:
            try:
                quantity = as_int(fields["quantity"])
            except ValueError as error:
                raise InputError(f"field 'quantity': {error}", _location(fields, "quantity", where)) from None
            add(origin, iri, MG.resultQuantity, Literal(quantity), sources)
        for reference, reference_where in item_locations(
            fields.get("refers_to"), _location(fields, "refers_to", where)
        ):
            framework = ref(compilation, reference, scope.at(reference_where), ("framework",))
            add(origin, iri, MG.refersTo, framework, sources)
        if "note" in fields:
            for literal in text_literals(fields["note"], _location(fields, "note", where)):
                add(origin, iri, SKOS.note, literal, sources)
        compilation.emitter.add_provenance(origin, iri, sources)
        produced.append(iri)
    return produced


def _location(fields: dict[str, Any], key: str, item_location: Location) -> Location:
    """Where an item's field is written: its own line in a mapping, the item's otherwise."""
    return fields.location_of(key) if isinstance(fields, Record) else item_location


def emit_concept(compilation: Compilation, spec: Field, value: Any, scope: Scope) -> list[Node]:
    """A concept of a data-defined scheme: a reference, or ``{id, label}`` to define it."""
    scheme = ID[f"scheme/{spec.scheme}"]
    concept_prefix = f"concept/{spec.scheme.removesuffix('s')}/"
    if not isinstance(value, Record):
        if not (isinstance(value, str) and value.startswith(concept_prefix)):
            raise ValueError(f"expected a concept {concept_prefix}… or a mapping with id and label")
        return [ID[value]]
    add, origin, sources = compilation.emitter.add, scope.origin, scope.sources
    check_keys(value, CONCEPT_KEYS, "concept")
    iri = ID[concept_prefix + slug_of(value, "id")]
    add(origin, iri, RDF.type, SKOS.Concept, sources)
    add(origin, iri, SKOS.inScheme, scheme, sources)
    if "label" not in value:
        raise InputError("a concept needs a 'label'", value.location())
    for literal in text_literals(value["label"], value.location_of("label"), single_line=True):
        add(origin, iri, SKOS.prefLabel, literal, sources)
    add(origin, scheme, RDF.type, SKOS.ConceptScheme, sources)
    add(origin, scheme, SKOS.hasTopConcept, iri, sources)
    add(origin, scheme, RDFS.label, Literal(spec.scheme.replace("-", " "), lang="en"), sources)
    compilation.emitter.add_provenance(origin, iri, sources)
    return [iri]
