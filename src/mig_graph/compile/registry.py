"""Every record id and source id of the data files, registered before any triple is emitted, and
references (``process/midiocc``, ``state/France``, a source id) resolved against them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import URIRef

from mig_graph.compile.values import as_record, slug_of
from mig_graph.errors import InputError, Location
from mig_graph.namespaces import ID
from mig_graph.records import FILE_KEYS, REFERENCE_KINDS, SECTIONS, DataFile, Record, Section, country

__all__ = ["COUNTRY_PREFIXES", "Entry", "Registry", "country_key"]

COUNTRY_PREFIXES = frozenset({"state", "territory"})
"""Reference kinds whose slug is a country's name or ISO code."""


@dataclass
class Entry:
    """A registered record id: its section, IRI and where its label is written."""

    section: Section
    iri: URIRef
    location: Location


def country_key(prefix: str, name: str, location: Location) -> str:
    """``state/France`` → ``state/FRA``: a country's reference by its ISO 3166-1 alpha-3 code."""
    try:
        return f"{prefix}/{country(name).alpha_3}"
    except LookupError as error:
        raise InputError(str(error.args[0]), location) from None


class Registry:
    """The ids of the records (``entries``) and of the sources of every data file."""

    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.sources: dict[str, URIRef] = {}
        self.file_sources: dict[Path, URIRef] = {}

    def register(self, files: list[DataFile]) -> None:
        """Register the sources and record ids of ``files``; refuse unknown sections and duplicates."""
        for data_file in files:
            content = data_file.content
            source = content.get("source")
            if not isinstance(source, Record):
                raise InputError("a data file needs a 'source' mapping", Location(data_file.path, 1))
            self.file_sources[data_file.path] = self._register_source(source)
            for reference, where in content.items_of("references"):
                self._register_source(as_record(reference, where))
            for key in content:
                if key not in FILE_KEYS:
                    raise InputError(
                        f"unknown section {key!r}; known sections: {', '.join(sorted(FILE_KEYS))}",
                        content.location_of(key),
                    )
            for name, section in SECTIONS.items():
                seen_here: set[str] = set()
                for record, where in content.items_of(name):
                    self._register_record(section, as_record(record, where), seen_here)

    def _register_source(self, record: Record) -> URIRef:
        source_id = slug_of(record, "id")
        if source_id in self.sources:
            raise InputError(f"duplicate source id {source_id!r}", record.location(source_id))
        iri = ID[f"source/{source_id}"]
        self.sources[source_id] = iri
        return iri

    def _register_record(self, section: Section, record: Record, seen_here: set[str]) -> None:
        slug = slug_of(record, "id")
        key = f"{section.prefix}/{slug}"
        if section.prefix in COUNTRY_PREFIXES:
            key = country_key(section.prefix, slug, record.location(slug))
        if key in seen_here:
            raise InputError(f"duplicate id {key!r} in this file", record.location(key))
        seen_here.add(key)
        existing = self.entries.get(key)
        if existing is not None and existing.section is not section:
            raise InputError(f"id {key!r} is already used by another kind", record.location(key))
        if existing is None:
            self.entries[key] = Entry(section, ID[key], record.location_of("label", key))

    def resolve_key(self, value: str, location: Location, targets: tuple[str, ...]) -> str:
        """The registered key a reference names (a country's by its ISO code).

        Raises
        ------
        InputError
            A malformed reference, one of a kind ``targets`` does not allow, or an unknown id.
        """
        prefix, _, slug = value.partition("/")
        if not slug or prefix not in REFERENCE_KINDS:
            raise InputError(
                f"bad reference {value!r}: expected kind/id, kind in {', '.join(sorted(REFERENCE_KINDS))}",
                location,
            )
        if targets and prefix not in targets:
            raise InputError(f"reference {value!r} must be one of: {', '.join(targets)}", location)
        if prefix in COUNTRY_PREFIXES:
            return country_key(prefix, slug, location)
        if prefix == "source":
            if slug not in self.sources:
                raise InputError(f"unknown source id {slug!r}", location)
            return value
        if prefix == "concept":
            return value
        if value not in self.entries:
            raise InputError(f"unknown id {value!r}", location)
        return value

    def source(self, value: Any, location: Location) -> URIRef:
        """The IRI of the source with id ``value``."""
        if not isinstance(value, str) or value not in self.sources:
            raise InputError(f"unknown source id {value!r}", location)
        return self.sources[value]

    def sources_at(self, record: Record, key: str) -> tuple[URIRef, ...]:
        """The sources listed under ``key`` of ``record`` (``source`` or ``sources``), each at its line."""
        return tuple(self.source(value, where) for value, where in record.items_of(key))

    def sources_of(self, record: Record, default: tuple[URIRef, ...]) -> tuple[URIRef, ...]:
        """The record's ``sources``, or ``default`` (those of the enclosing record or file)."""
        if "sources" not in record:
            return default
        return self.sources_at(record, "sources")
