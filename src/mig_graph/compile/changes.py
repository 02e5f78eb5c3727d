"""A process (or organisation, programme) that became another: ``became`` as W3C ORG's
``org:ChangeEvent``, ``…/id/change/FROM--TO``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rdflib import RDF, SKOS
from rdflib.namespace import ORG
from rdflib.term import Node

from mig_graph.compile.emitter import Scope
from mig_graph.compile.references import path_slug, ref
from mig_graph.compile.values import as_record, check_keys, text_literals
from mig_graph.errors import InputError
from mig_graph.namespaces import ID
from mig_graph.records import CHANGE_KEYS, CHANGE_SECTION, Field

if TYPE_CHECKING:
    from mig_graph.compile.compilation import Compilation

__all__ = ["emit_change"]


def emit_change(compilation: Compilation, spec: Field, value: Any, scope: Scope) -> list[Node]:
    """``became: {process, time, sources, note}`` of the record ``scope.subject``.

    The change event links the original (``org:changedBy``) and the resulting record
    (``org:resultedFrom``), has the change's time and note, and is written in the graphs of
    ``sources`` (the record's own when it lists none).
    """
    record = as_record(value, scope.location)
    check_keys(record, CHANGE_KEYS, spec.key)
    for key, what in (("process", "the record it became"), ("time", "the date of the change")):
        if key not in record:
            raise InputError(f"{spec.key!r} needs {key!r}: {what}", scope.location)
    sources = compilation.registry.sources_of(record, scope.sources)
    if not sources:
        message = f"{spec.key!r} needs the 'sources' it rests on (at least one source id)"
        raise InputError(message, scope.location)
    where = record.location_of("process")
    original = scope.subject
    result = ref(compilation, record["process"], Scope(where, sources, original, scope.origin), spec.targets)
    if result == original:
        raise InputError(f"{spec.key!r}: a record cannot become itself", where)
    iri = ID[f"change/{path_slug(original)}--{path_slug(result)}"]
    add, origin = compilation.emitter.add, scope.origin
    add(origin, iri, RDF.type, ORG.ChangeEvent, sources)
    add(origin, iri, ORG.originalOrganization, original, sources)
    add(origin, iri, ORG.resultingOrganization, result, sources)
    add(origin, original, ORG.changedBy, iri, sources)
    add(origin, result, ORG.resultedFrom, iri, sources)
    compilation.emitter.add_provenance(origin, iri, sources)
    change_scope = Scope(record.location_of("time"), sources, iri, origin, CHANGE_SECTION)
    compilation.emit_field(CHANGE_SECTION.fields[0], record["time"], change_scope)
    if "note" in record:
        for literal in text_literals(record["note"], record.location_of("note")):
            add(origin, iri, SKOS.note, literal, sources)
    return [iri]
