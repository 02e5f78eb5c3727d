"""Sources: the document a data file transcribes (``source``) and the public sources it cites
(``references``), each the named graph of the facts it states."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import RDF, RDFS, Literal
from rdflib.namespace import DCTERMS, PROV

from mig_graph.compile.emitter import Scope
from mig_graph.compile.values import check_keys, plain_text, text_literals
from mig_graph.errors import InputError
from mig_graph.namespaces import MG
from mig_graph.records import SOURCE_FIELDS, SOURCE_KEYS, Record

if TYPE_CHECKING:
    from mig_graph.compile.compilation import Compilation

__all__ = ["emit_source"]


def emit_source(compilation: Compilation, record: Record, *, seed: bool) -> None:
    """A source: a seed document (its ``seed_file``) or an external one (its ``url``).

    ``seed`` is true for a file's own ``source``, which needs one or the other; a source written
    ``verified: false`` needs its ``verification_note``, one with ``not_before`` (an undated copy's
    latest dated event) its ``not_before_note``, and a ``not_before_note`` its ``not_before``.
    """
    check_keys(record, SOURCE_KEYS, "source")
    source_id = record["id"]
    iri = compilation.registry.sources[source_id]
    location = record.location(source_id)
    scope = Scope(location, (iri,), iri, location)
    add, sources = compilation.emitter.add, scope.sources
    is_seed = seed and "seed_file" in record
    if seed and "seed_file" not in record and "url" not in record:
        raise InputError("a source needs 'seed_file' or 'url'", location)
    add(location, iri, RDF.type, MG.SeedDocument if is_seed else MG.ExternalSource, sources)
    add(location, iri, RDF.type, PROV.Entity, sources)
    if "title" not in record:
        raise InputError("a source needs a 'title'", location)
    for literal in text_literals(record["title"], record.location_of("title"), single_line=True):
        add(location, iri, DCTERMS.title, literal, sources)
        add(location, iri, RDFS.label, literal, sources)
    if "seed_file" in record:
        file_name = plain_text(record["seed_file"], record.location_of("seed_file"))
        add(location, iri, MG.seedFile, Literal(file_name), sources)
        add(location, iri, DCTERMS.identifier, Literal(file_name), sources)
    if record.get("verified") is False and "verification_note" not in record:
        message = "an unverified source ('verified: false') needs a 'verification_note'"
        raise InputError(message, location)
    for key, other in (("not_before", "not_before_note"), ("not_before_note", "not_before")):
        if key in record and other not in record:
            raise InputError(f"a source with {key!r} needs {other!r}", record.location_of(key, source_id))
    for spec in SOURCE_FIELDS:
        if spec.key in record:
            compilation.emit_field(spec, record[spec.key], scope.at(record.location_of(spec.key, source_id)))
