"""A reference in a field (``org/iom``, ``state/France``, ``source/…``) turned into its node; a
state or territory named for the first time in a source gets its codes, labels and Wikidata item."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rdflib import RDF, RDFS, SKOS, Literal, URIRef

from mig_graph.compile.emitter import Scope
from mig_graph.compile.registry import COUNTRY_PREFIXES
from mig_graph.errors import InputError
from mig_graph.namespaces import ID, MG, WD
from mig_graph.records import country

if TYPE_CHECKING:
    from mig_graph.compile.compilation import Compilation

__all__ = ["COUNTRY_WIKIDATA_SOURCE", "emit_country", "path_slug", "ref"]

COUNTRY_WIKIDATA_SOURCE = "country-wikidata"
"""The source id of the table of countries' Wikidata items."""


def ref(compilation: Compilation, value: Any, scope: Scope, targets: tuple[str, ...]) -> URIRef:
    """The node a reference names; ``targets`` are the kinds allowed (all when empty)."""
    if not isinstance(value, str):
        raise InputError(f"expected a reference like 'process/midiocc', got {value!r}", scope.location)
    registry = compilation.registry
    key = registry.resolve_key(value, scope.location, targets)
    prefix = key.split("/", 1)[0]
    if prefix in COUNTRY_PREFIXES:
        iri = ID[key]
        emit_country(compilation, iri, prefix, value.split("/", 1)[1], scope)
        return iri
    if prefix == "concept":
        return ID[key]
    if prefix == "source":
        return registry.sources[key.split("/", 1)[1]]
    return registry.entries[key].iri


def emit_country(compilation: Compilation, iri: URIRef, prefix: str, written: str, scope: Scope) -> None:
    """A state or territory named in a record: its ISO codes, labels and Wikidata item."""
    add, origin = compilation.emitter.add, scope.origin
    found = country(written)
    for source in scope.sources:
        if (iri, source) not in compilation.emitted_countries:
            compilation.emitted_countries.add((iri, source))
            add(origin, iri, RDF.type, MG.State if prefix == "state" else MG.Territory, (source,))
            add(origin, iri, RDFS.label, Literal(found.label_en, lang="en"), (source,))
            add(origin, iri, RDFS.label, Literal(found.label_fr, lang="fr"), (source,))
            add(origin, iri, MG.iso3166Alpha2, Literal(found.alpha_2), (source,))
            add(origin, iri, MG.iso3166Alpha3, Literal(found.alpha_3), (source,))
            compilation.emitter.add_provenance(origin, iri, (source,))
    if written not in {found.label_fr, found.label_en, found.alpha_2, found.alpha_3}:
        add(origin, iri, SKOS.hiddenLabel, Literal(written, lang="fr"), scope.sources)
    table_source = compilation.registry.sources.get(COUNTRY_WIKIDATA_SOURCE)
    qid = compilation.country_wikidata.get(found.alpha_3)
    if table_source is not None and qid:
        add(origin, iri, MG.wikidata, WD[qid], (table_source,))


def path_slug(iri: URIRef) -> str:
    """``…/id/process/midiocc`` → ``process-midiocc`` (for composite IRIs).

    >>> path_slug(ID["process/midiocc"])
    'process-midiocc'
    """
    return str(iri).removeprefix(str(ID)).replace("/", "-")
