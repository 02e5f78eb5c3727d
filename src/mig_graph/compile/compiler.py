"""Stage 2a, compile: turn curated records into an RDF dataset with provenance.

Each source document gets a named graph (its own IRI); every triple a record
yields goes into the graph of each source that states it, and every entity,
membership, participation, signature and tenure also carries
``prov:wasDerivedFrom`` links to those sources.  The field table lives in
:mod:`mig_graph.records.spec`; this module reads values, resolves references and
emits triples.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, SDO, TIME
from rdflib.term import Node

from mig_graph.errors import InputError, Location
from mig_graph.namespaces import ID, LANG, MG, VOCAB, WD
from mig_graph.records import countries, dates
from mig_graph.records.reading import DataFile, Record, as_list, item_locations
from mig_graph.records.spec import (
    CLAIM_PREFERENCE_FIELDS,
    COMMON_FIELDS,
    REFERENCE_KINDS,
    SECTIONS,
    SOURCE_FIELDS,
    Field,
    Section,
)

__all__ = ["VOCABULARY_GRAPH", "CompiledData", "compile_dataset"]

VOCABULARY_GRAPH = URIRef("https://w3id.org/mig-graph/vocab")
COUNTRY_WIKIDATA_SOURCE = "country-wikidata"
SOURCE_KEYS = {"id", "seed_file", "title"} | {spec.key for spec in SOURCE_FIELDS}
MEMBERSHIP_KEYS = {
    "organisation",
    "member",
    "members",
    "role",
    "time",
    "terms",
    "in_respect_of",
    "note",
    "sources",
}
CONFLICT_KEYS = {"id", "subject", "property", "label", "claims", "note"}
ITEM_CLASSES = {
    "objective": MG.Objective,
    "track": MG.ActionTrack,
    "conclusion": MG.Conclusion,
    "provision": MG.Provision,
    "result": MG.StatedResult,
}
_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_QID = re.compile(r"Q[1-9][0-9]*")
# Texts written on one line: labels and titles (long texts may hold tabs and line breaks).
SINGLE_LINE_TEXTS = {"label", "acronym", "alt_label", "as_written", "title"}


@dataclass(frozen=True)
class _Context:
    """The record being compiled, the sources that state its facts, and its IRI."""

    location: Location
    sources: tuple[URIRef, ...]
    subject: URIRef
    section: Section | None = None


@dataclass
class _Entry:
    """A registered record id: its section and IRI."""

    section: Section
    iri: URIRef
    location: Location


@dataclass(frozen=True)
class CompiledData:
    """The compiled dataset, and for each node the record (file, line) it first came from."""

    dataset: Dataset
    origins: dict[Node, Location]


def compile_dataset(
    files: list[DataFile],
    *,
    vocabularies: Graph,
    country_wikidata: dict[str, str],
) -> CompiledData:
    """Compile data files into a dataset: one named graph per source, plus the vocabularies."""
    compilation = _Compilation(vocabularies, country_wikidata)
    compilation.register(files)
    for data_file in files:
        compilation.emit_file(data_file)
    compilation.check_labels()
    return CompiledData(compilation.dataset, compilation.origins)


class _Compilation:
    def __init__(self, vocabularies: Graph, country_wikidata: dict[str, str]) -> None:
        self.dataset = Dataset()
        vocabulary_graph = self.dataset.graph(VOCABULARY_GRAPH)
        for triple in vocabularies:
            vocabulary_graph.add(triple)
        self.concepts = set(vocabularies.subjects(RDF.type, SKOS.Concept))
        self.country_wikidata = country_wikidata
        self.entries: dict[str, _Entry] = {}
        self.sources: dict[str, URIRef] = {}
        self.file_sources: dict[Path, URIRef] = {}
        self.defined_concepts: set[URIRef] = set()
        self.emitted_countries: set[tuple[URIRef, URIRef]] = set()
        self.origins: dict[Node, Location] = {}
        self.location: Location | None = None

    # -- registration -------------------------------------------------------------

    def register(self, files: list[DataFile]) -> None:
        for data_file in files:
            content = data_file.content
            source = content.get("source")
            if not isinstance(source, Record):
                raise InputError("a data file needs a 'source' mapping", Location(data_file.path, 1))
            self.file_sources[data_file.path] = self._register_source(source)
            for reference, where in item_locations(
                content.get("references"), content.location_of("references")
            ):
                self._register_source(self._record(reference, where))
            known = set(SECTIONS) | {"source", "references", "memberships", "conflicts"}
            for key in content:
                if key not in known:
                    raise InputError(
                        f"unknown section {key!r}; known sections: {', '.join(sorted(known))}",
                        content.location_of(key),
                    )
            for name, section in SECTIONS.items():
                seen_here: set[str] = set()
                for record, where in item_locations(content.get(name), content.location_of(name)):
                    self._register_record(section, self._record(record, where), seen_here)

    def _register_source(self, record: Record) -> URIRef:
        source_id = self._slug(record, "id")
        if source_id in self.sources:
            raise InputError(f"duplicate source id {source_id!r}", record.location(source_id))
        iri = ID[f"source/{source_id}"]
        self.sources[source_id] = iri
        return iri

    def _register_record(self, section: Section, record: Record, seen_here: set[str]) -> None:
        slug = self._slug(record, "id")
        key = f"{section.prefix}/{slug}"
        if section.prefix in {"state", "territory"}:
            key = self._country_key(section.prefix, slug, record.location(slug))
        if key in seen_here:
            raise InputError(f"duplicate id {key!r} in this file", record.location(key))
        seen_here.add(key)
        existing = self.entries.get(key)
        if existing is not None and existing.section is not section:
            raise InputError(f"id {key!r} is already used by another kind", record.location(key))
        if existing is None:
            self.entries[key] = _Entry(section, ID[key], record.location_of("label", key))

    # -- emission -----------------------------------------------------------------

    def emit_file(self, data_file: DataFile) -> None:
        content = data_file.content
        default = (self.file_sources[data_file.path],)
        self._emit_source(content["source"], seed=True)
        for reference in as_list(content.get("references")):
            self._emit_source(reference, seed=False)
        for name, section in SECTIONS.items():
            for record in as_list(content.get(name)):
                self._emit_record(section, record, default)
        for record, where in item_locations(content.get("memberships"), content.location_of("memberships")):
            self._emit_membership(self._record(record, where), default)
        for record, where in item_locations(content.get("conflicts"), content.location_of("conflicts")):
            self._emit_conflict(self._record(record, where), default)

    def add(self, subject: Node, predicate: URIRef, value: Node, sources: Iterable[URIRef]) -> None:
        if self.location is not None:
            self.origins.setdefault(subject, self.location)
        for source in sources:
            self.dataset.graph(source).add((subject, predicate, value))

    def _emit_source(self, record: Record, *, seed: bool) -> None:
        self._check_keys(record, SOURCE_KEYS, "source")
        source_id = record["id"]
        iri = self.sources[source_id]
        ctx = _Context(record.location(source_id), (iri,), iri)
        self.location = ctx.location
        is_seed = seed and "seed_file" in record
        if seed and "seed_file" not in record and "url" not in record:
            raise InputError("a source needs 'seed_file' or 'url'", ctx.location)
        self.add(iri, RDF.type, MG.SeedDocument if is_seed else MG.ExternalSource, ctx.sources)
        self.add(iri, RDF.type, PROV.Entity, ctx.sources)
        if "title" not in record:
            raise InputError("a source needs a 'title'", ctx.location)
        for literal in self._text(
            record["title"], replace(ctx, location=record.location_of("title")), single_line=True
        ):
            self.add(iri, DCTERMS.title, literal, ctx.sources)
            self.add(iri, RDFS.label, literal, ctx.sources)
        if "seed_file" in record:
            file_name = self._plain_text(record["seed_file"], record.location_of("seed_file"))
            self.add(iri, MG.seedFile, Literal(file_name), ctx.sources)
            self.add(iri, DCTERMS.identifier, Literal(file_name), ctx.sources)
        if record.get("verified") is False and "verification_note" not in record:
            message = "an unverified source ('verified: false') needs a 'verification_note'"
            raise InputError(message, ctx.location)
        for spec in SOURCE_FIELDS:
            key = spec.key
            if key in record:
                self._emit_field(spec, record[key], replace(ctx, location=record.location_of(key, source_id)))

    def _emit_record(
        self,
        section: Section,
        record: Record,
        default: tuple[URIRef, ...],
        *,
        subject: URIRef | None = None,
        record_class: URIRef | None = None,
    ) -> URIRef:
        location = record.location()
        fields = {f.key: f for f in COMMON_FIELDS + section.fields}
        allowed = set(fields) | {"id", "type", "sources", "counts"}
        self._check_keys(record, allowed, section.prefix)
        if subject is None:
            key = self._resolve_key(f"{section.prefix}/{record['id']}", location, (section.prefix,))
            subject = self.entries[key].iri
        sources = self._sources(record, default, location)
        ctx = _Context(location, sources, subject, section)
        self.location = location
        classes = [record_class or section.default_class, *section.extra_classes]
        if "type" in record:
            type_name = record["type"]
            if not isinstance(type_name, str) or type_name not in section.types:
                raise InputError(
                    f"unknown type {type_name!r} for {section.prefix}; known: {', '.join(section.types)}",
                    record.location_of("type"),
                )
            classes.append(section.types[type_name])
        for cls in classes:
            if cls is not None:
                self.add(subject, RDF.type, cls, sources)
        self._add_provenance(subject, sources)
        if section.prefix in {"state", "territory"}:
            self._emit_country(subject, section.prefix, str(record["id"]), ctx)
        for key, value in record.items():
            if key in fields:
                self._emit_field(fields[key], value, replace(ctx, location=record.location_of(key)))
        for count, where in item_locations(record.get("counts"), record.location_of("counts")):
            self._emit_count(self._record(count, where), ctx)
        return subject

    def _add_provenance(self, subject: URIRef, sources: Iterable[URIRef]) -> None:
        for source in sources:
            self.add(subject, PROV.wasDerivedFrom, source, (source,))

    # -- field values -------------------------------------------------------------

    def _emit_field(self, spec: Field, value: Any, ctx: _Context) -> list[Node]:
        """Emit one field's triples; return the objects it produced (for conflict claims)."""
        if spec.kind.split(":", 1)[0] in WHOLE_LIST_KINDS:
            produced = self._objects(spec, value, ctx)
            if spec.predicate is not None:
                for obj in produced:
                    self.add(ctx.subject, spec.predicate, obj, ctx.sources)
            return produced
        produced = []
        for item, where in item_locations(value, ctx.location):
            item, item_ctx, note = self._cited(item, replace(ctx, location=where))
            objects = self._objects(spec, item, item_ctx)
            for obj in objects:
                if spec.predicate is not None:
                    self.add(ctx.subject, spec.predicate, obj, item_ctx.sources)
            if note is not None:
                dated = spec.kind in {"time", "date"}
                target = objects[0] if spec.kind == "time" else ctx.subject
                for literal in self._text(note, item_ctx):
                    self.add(target, MG.dateNote if dated else SKOS.note, literal, item_ctx.sources)
            produced.extend(objects)
        return produced

    def _cited(self, value: Any, ctx: _Context) -> tuple[Any, _Context, Any]:
        """Unwrap ``{value: …, source: …, note: …}``: a value stated by another source."""
        if isinstance(value, Record) and "value" in value:
            self._check_keys(value, {"value", "source", "note"}, "cited value")
            sources = ctx.sources
            if "source" in value:
                sources = tuple(
                    self._source(s, where)
                    for s, where in item_locations(value["source"], value.location_of("source"))
                )
            cited_ctx = replace(ctx, location=value.location_of("value"), sources=sources)
            return value["value"], cited_ctx, value.get("note")
        return value, ctx, None

    def _objects(self, spec: Field, value: Any, ctx: _Context) -> list[Node]:
        kind = spec.kind
        handler = self._handlers().get(kind.split(":", 1)[0])
        if handler is None:
            raise AssertionError(f"no handler for field kind {kind}")
        try:
            return handler(spec, value, ctx)
        except (ValueError, LookupError, TypeError) as error:
            raise InputError(f"field {spec.key!r}: {error}", ctx.location) from None

    def _handlers(self) -> dict[str, Callable[[Field, Any, _Context], list[Node]]]:
        return {
            "text": lambda spec, value, ctx: self._text(
                value, ctx, single_line=spec.key in SINGLE_LINE_TEXTS
            ),
            "ref": lambda spec, value, ctx: [self._ref(value, ctx, spec.targets)],
            "vocab": lambda spec, value, ctx: [self._vocab(spec.kind.split(":", 1)[1], value)],
            "time": self._time,
            "date": lambda spec, value, ctx: [dates.parse_date(value).literal],
            "bool": lambda spec, value, ctx: [Literal(_bool(value))],
            "int": lambda spec, value, ctx: [Literal(_int(value))],
            "str": lambda spec, value, ctx: [Literal(self._plain_text(str(value), ctx.location))],
            "uri": lambda spec, value, ctx: (
                [Literal(_uri(value), datatype=XSD.anyURI)]
                if spec.predicate == MG.sourceUrl
                else [URIRef(_uri(value))]
            ),
            "language": lambda spec, value, ctx: [LANG[_language(value)]],
            "verified": lambda spec, value, ctx: [
                VOCAB["verification/" + ("verified" if _bool(value) else "unverified")]
            ],
            "wikidata": lambda spec, value, ctx: [WD[_qid(value)]],
            "items": self._items,
            "concepts": self._concepts,
            "participants": self._participants,
            "sessions": self._sessions,
            "signatories": self._signatories,
            "phases": self._phases,
            "tenures": self._tenures,
        }

    def _text(self, value: Any, ctx: _Context, *, single_line: bool = False) -> list[Literal]:
        if isinstance(value, str):
            text = _checked_text(value.strip(), single_line, ctx.location)
            return [Literal(text, lang="en"), Literal(text, lang="fr")]
        if not isinstance(value, dict) or not value:
            raise InputError("expected text: a string or a map of language → string", ctx.location)
        literals = []
        for language, text in value.items():
            where = value.location_of(language) if isinstance(value, Record) else ctx.location
            if not (isinstance(language, str) and re.fullmatch(r"[a-z]{2}", language)):
                raise InputError(f"bad language tag {language!r} (use en, fr, es…)", where)
            if not isinstance(text, str) or not text.strip():
                raise InputError(f"empty or non-text value for language {language!r}", where)
            literals.append(Literal(_checked_text(" ".join(text.split()), single_line, where), lang=language))
        return literals

    @staticmethod
    def _plain_text(value: Any, location: Location) -> str:
        """A one-line string (a file name, a code): no control or only-invisible characters."""
        if not isinstance(value, str):
            raise InputError(f"expected a string, got {value!r}", location)
        return _checked_text(value, True, location)

    def _time(self, spec: Field, value: Any, ctx: _Context) -> list[Node]:
        predicate = ORG.memberDuring if spec.key == "membership-time" else TIME.hasTime
        single_is_span = bool(ctx.section and ctx.section.single_date_is_span)
        interval = dates.parse_interval(value, single_is_span=single_is_span)
        iri = URIRef(f"{ctx.subject}/interval/{interval.slug}")
        self.add(ctx.subject, predicate, iri, ctx.sources)
        self.add(iri, RDF.type, TIME.ProperInterval, ctx.sources)
        self._add_provenance(iri, ctx.sources)
        if interval.start:
            self.add(iri, TIME.hasBeginning, self._instant(interval.start, ctx), ctx.sources)
        if interval.end:
            self.add(iri, TIME.hasEnd, self._instant(interval.end, ctx), ctx.sources)
        return [iri]

    def _instant(self, date: dates.PartialDate, ctx: _Context) -> URIRef:
        iri = ID[f"instant/{date.text}"]
        self.add(iri, RDF.type, TIME.Instant, ctx.sources)
        self.add(iri, date.time_property, date.literal, ctx.sources)
        self.add(iri, MG.precision, date.precision, ctx.sources)
        return iri

    def _items(self, spec: Field, value: Any, ctx: _Context) -> list[Node]:
        """Numbered content items (objectives, tracks, results…): one node per list entry."""
        item_kind = spec.kind.split(":", 1)[1]
        produced: list[Node] = []
        for position, (item, where) in enumerate(item_locations(value, ctx.location), start=1):
            iri = URIRef(f"{ctx.subject}/{item_kind}/{position}")
            item_ctx = replace(ctx, location=where)
            fields: dict[str, Any] = {"label": item}
            if isinstance(item, Record) and "label" in item:
                self._check_keys(item, {"label", "quantity", "refers_to", "note"}, item_kind)
                fields = item
            field_ctx = _field_contexts(fields, item_ctx)
            self.add(iri, RDF.type, ITEM_CLASSES[item_kind], ctx.sources)
            self.add(iri, MG.position, Literal(position), ctx.sources)
            for literal in self._text(fields["label"], field_ctx("label"), single_line=True):
                self.add(iri, RDFS.label, literal, ctx.sources)
            if "quantity" in fields:
                try:
                    quantity = _int(fields["quantity"])
                except ValueError as error:
                    raise InputError(f"field 'quantity': {error}", field_ctx("quantity").location) from None
                self.add(iri, MG.resultQuantity, Literal(quantity), ctx.sources)
            for ref, ref_where in item_locations(fields.get("refers_to"), field_ctx("refers_to").location):
                self.add(
                    iri,
                    MG.refersTo,
                    self._ref(ref, replace(ctx, location=ref_where), ("framework",)),
                    ctx.sources,
                )
            if "note" in fields:
                for literal in self._text(fields["note"], field_ctx("note")):
                    self.add(iri, SKOS.note, literal, ctx.sources)
            self._add_provenance(iri, ctx.sources)
            produced.append(iri)
        return produced

    def _concepts(self, spec: Field, value: Any, ctx: _Context) -> list[Node]:
        """A concept of a data-defined scheme: a reference, or ``{id, label}`` to define it."""
        scheme_name = spec.kind.split(":", 1)[1]
        scheme = ID[f"scheme/{scheme_name}"]
        concept_prefix = f"concept/{scheme_name.removesuffix('s')}/"
        if isinstance(value, Record):
            self._check_keys(value, {"id", "label", "note"}, "concept")
            iri = ID[concept_prefix + self._slug(value, "id")]
            self.add(iri, RDF.type, SKOS.Concept, ctx.sources)
            self.add(iri, SKOS.inScheme, scheme, ctx.sources)
            if "label" not in value:
                raise InputError("a concept needs a 'label'", value.location())
            for literal in self._text(
                value["label"], replace(ctx, location=value.location_of("label")), single_line=True
            ):
                self.add(iri, SKOS.prefLabel, literal, ctx.sources)
            self.add(scheme, RDF.type, SKOS.ConceptScheme, ctx.sources)
            self.add(scheme, SKOS.hasTopConcept, iri, ctx.sources)
            self.add(scheme, RDFS.label, Literal(scheme_name.replace("-", " "), lang="en"), ctx.sources)
            self._add_provenance(iri, ctx.sources)
            self.defined_concepts.add(iri)
            return [iri]
        if not (isinstance(value, str) and value.startswith(concept_prefix)):
            raise ValueError(f"expected a concept {concept_prefix}… or a mapping with id and label")
        return [ID[value]]

    def _participants(self, spec: Field, value: Any, ctx: _Context) -> list[Node]:
        entry = self._record(value, ctx.location)
        self._check_keys(entry, {"role", "agent", "agents", "note", "sources"}, "participant")
        role = self._vocab("role", entry.get("role", "participant"), entry.location_of("role"))
        sources = self._sources(entry, ctx.sources, entry.location())
        produced: list[Node] = []
        agents = item_locations(entry.get("agent"), entry.location_of("agent")) + item_locations(
            entry.get("agents"), entry.location_of("agents")
        )
        for agent_ref, where in agents:
            agent = self._ref(agent_ref, replace(ctx, sources=sources, location=where), AGENTS_AND_SERIES)
            event_slug = _path_slug(ctx.subject)
            iri = ID[f"participation/{event_slug}/{role.rsplit('/', 1)[1]}/{_path_slug(agent)}"]
            self.add(iri, RDF.type, MG.Participation, sources)
            self.add(iri, MG.participant, agent, sources)
            self.add(iri, MG.inEvent, ctx.subject, sources)
            self.add(iri, MG.participationRole, role, sources)
            if "note" in entry:
                for literal in self._text(entry["note"], replace(ctx, location=entry.location_of("note"))):
                    self.add(iri, SKOS.note, literal, sources)
            self._add_provenance(iri, sources)
            produced.append(iri)
        if not produced:
            raise InputError("a participant entry needs 'agent' or 'agents'", entry.location())
        return produced

    def _sessions(self, spec: Field, value: Any, ctx: _Context) -> list[Node]:
        sessions = as_list(value)
        produced: list[Node] = []
        for position, (session, where) in enumerate(item_locations(sessions, ctx.location), start=1):
            session = self._record(session, where)
            iri = URIRef(f"{ctx.subject}/session/{position}")
            self._emit_record(
                SECTIONS["meetings"], session, ctx.sources, subject=iri, record_class=MG.Session
            )
            self.add(iri, SDO.superEvent, ctx.subject, ctx.sources)
            self.add(iri, MG.position, Literal(position), ctx.sources)
            produced.append(iri)
        return produced

    def _signatories(self, spec: Field, value: Any, ctx: _Context) -> list[Node]:
        entry = self._record(value, ctx.location)
        self._check_keys(entry, {"date", "states", "note", "sources"}, "signatories")
        sources = self._sources(entry, ctx.sources, entry.location())
        signed_ctx = replace(ctx, sources=sources, location=entry.location())
        date, date_ctx, date_note = (
            self._cited(entry["date"], replace(signed_ctx, location=entry.location_of("date")))
            if "date" in entry
            else (None, None, None)
        )
        produced: list[Node] = []
        for state_ref, where in item_locations(entry.get("states"), entry.location_of("states")):
            state = self._ref(state_ref, replace(signed_ctx, location=where), ("state",))
            iri = ID[f"signature/{_path_slug(ctx.subject)}/{_path_slug(state)}"]
            self.add(iri, RDF.type, MG.Signature, sources)
            self.add(iri, MG.signatory, state, sources)
            self.add(iri, MG.signedDocument, ctx.subject, sources)
            if date is not None and date_ctx is not None:
                try:
                    instant = self._instant(dates.parse_date(date), date_ctx)
                except ValueError as error:
                    raise InputError(f"field 'date': {error}", date_ctx.location) from None
                self.add(iri, MG.signedOn, instant, date_ctx.sources)
                self._add_provenance(iri, date_ctx.sources)
                for literal in self._text(date_note, date_ctx) if date_note is not None else []:
                    self.add(iri, MG.dateNote, literal, date_ctx.sources)
            self._add_provenance(iri, sources)
            produced.append(iri)
        return produced

    def _phases(self, spec: Field, value: Any, ctx: _Context) -> list[Node]:
        phases = as_list(value)
        produced: list[Node] = []
        phase_section = Section("phase", MG.ProgrammePhase, fields=(Field("time", None, "time"),))
        for position, (phase, where) in enumerate(item_locations(phases, ctx.location), start=1):
            phase = self._record(phase, where)
            iri = URIRef(f"{ctx.subject}/phase/{position}")
            self._emit_record(phase_section, phase, ctx.sources, subject=iri)
            self.add(ctx.subject, MG.hasPhase, iri, self._sources(phase, ctx.sources, phase.location()))
            self.add(iri, MG.phaseNumber, Literal(position), ctx.sources)
            self.add(iri, DCTERMS.isPartOf, ctx.subject, ctx.sources)
            produced.append(iri)
        return produced

    def _tenures(self, spec: Field, value: Any, ctx: _Context) -> list[Node]:
        entry = self._record(value, ctx.location)
        self._check_keys(entry, {"post", "attested", "time", "note", "sources"}, "tenure")
        sources = self._sources(entry, ctx.sources, entry.location())
        post = self._ref(
            entry.get("post"), replace(ctx, sources=sources, location=entry.location_of("post")), ("post",)
        )
        iri = ID[f"tenure/{_path_slug(post)}/{_path_slug(ctx.subject)}"]
        tenure_ctx = _Context(entry.location(), sources, iri, SECTIONS["organisations"])
        self.add(iri, RDF.type, MG.Tenure, sources)
        self.add(iri, MG.holder, ctx.subject, sources)
        self.add(iri, MG.heldPost, post, sources)
        self.add(ctx.subject, ORG.holds, post, sources)
        if "attested" in entry:
            attested, attested_ctx, attested_note = self._cited(
                entry["attested"], replace(tenure_ctx, location=entry.location_of("attested"))
            )
            try:
                instant = self._instant(dates.parse_date(attested), attested_ctx)
            except ValueError as error:
                raise InputError(f"field 'attested': {error}", attested_ctx.location) from None
            self.add(iri, MG.attestedOn, instant, attested_ctx.sources)
            for literal in self._text(attested_note, attested_ctx) if attested_note is not None else []:
                self.add(iri, MG.dateNote, literal, attested_ctx.sources)
        if "time" in entry:
            self._emit_field(
                Field("time", None, "time"),
                entry["time"],
                replace(tenure_ctx, location=entry.location_of("time")),
            )
        if "note" in entry:
            for literal in self._text(entry["note"], replace(tenure_ctx, location=entry.location_of("note"))):
                self.add(iri, SKOS.note, literal, sources)
        self._add_provenance(iri, sources)
        return [iri]

    def _emit_count(self, record: Record, ctx: _Context) -> URIRef:
        """A count as a source states it ("175 member states"), kept apart from any list."""
        self._check_keys(record, {"category", "value", "approximate", "note", "source"}, "count")
        sources = ctx.sources
        if "source" in record:
            sources = tuple(
                self._source(s, where)
                for s, where in item_locations(record["source"], record.location_of("source"))
            )
        count_ctx = replace(ctx, location=record.location_of("note"), sources=sources)
        category = self._vocab("count", record.get("category"), record.location_of("category"))
        try:
            number = _int(record.get("value"))
        except ValueError as error:
            raise InputError(f"count: {error}", record.location_of("value")) from None
        try:
            approximate = _bool(record.get("approximate", False))
        except ValueError as error:
            raise InputError(f"count: {error}", record.location_of("approximate")) from None
        iri = URIRef(f"{ctx.subject}/count/{category.rsplit('/', 1)[1]}-{number}")
        self.add(ctx.subject, MG.hasStatedCount, iri, sources)
        self.add(iri, RDF.type, MG.StatedCount, sources)
        self.add(iri, MG.countedCategory, category, sources)
        self.add(iri, MG.countValue, Literal(number), sources)
        self.add(iri, MG.approximate, Literal(approximate), sources)
        if "note" in record:
            for literal in self._text(record["note"], count_ctx):
                self.add(iri, SKOS.note, literal, sources)
        self._add_provenance(iri, sources)
        return iri

    # -- memberships and conflicts ------------------------------------------------

    def _emit_membership(self, record: Record, default: tuple[URIRef, ...]) -> None:
        self._check_keys(record, MEMBERSHIP_KEYS, "membership")
        location = record.location()
        self.location = location
        sources = self._sources(record, default, location)
        ctx = _Context(location, sources, URIRef(""))
        organisation = self._ref(
            record.get("organisation"),
            replace(ctx, location=record.location_of("organisation")),
            ("process", "org", "programme", "series"),
        )
        role = self._vocab("role", record.get("role", "member"), record.location_of("role"))
        members = item_locations(record.get("member"), record.location_of("member")) + item_locations(
            record.get("members"), record.location_of("members")
        )
        if not members:
            raise InputError("a membership needs 'member' or 'members'", location)
        if "time" in record and "terms" in record:
            raise InputError("a membership has either one 'time' or several 'terms', not both", location)
        terms = item_locations(record.get("terms"), record.location_of("terms")) or [
            (record.get("time"), record.location_of("time"))
        ]
        for member_ref, member_where in members:
            member = self._ref(member_ref, replace(ctx, location=member_where), AGENTS_AND_SERIES)
            base = f"membership/{_path_slug(organisation)}/{role.rsplit('/', 1)[1]}/{_path_slug(member)}"
            for term, term_where in terms:
                # several terms (a state that chaired twice) are several memberships, keyed by their start
                suffix = f"/{self._term_slug(term, term_where)}" if "terms" in record else ""
                term_ctx = replace(ctx, location=term_where)
                self._emit_one_membership(
                    ID[base + suffix], record, term_ctx, member, organisation, role, term
                )

    @staticmethod
    def _term_slug(term: Any, location: Location) -> str:
        """``2007/2008`` → ``2007--2008``: the part of the IRI that tells a term from the others."""
        if isinstance(term, Record):
            value, location = term.get("value"), term.location_of("value")
        else:
            value = term
        try:
            return dates.parse_interval(value, single_is_span=False).slug
        except ValueError as error:
            raise InputError(f"field 'terms': {error}", location) from None

    def _emit_one_membership(
        self,
        iri: URIRef,
        record: Record,
        ctx: _Context,
        member: URIRef,
        organisation: URIRef,
        role: URIRef,
        term: Any,
    ) -> None:
        sources = ctx.sources
        member_ctx = replace(ctx, subject=iri)
        self.add(iri, RDF.type, ORG.Membership, sources)
        self.add(iri, ORG.member, member, sources)
        self.add(iri, ORG.organization, organisation, sources)
        self.add(iri, ORG.role, role, sources)
        self._add_provenance(iri, sources)
        if term is not None:
            self._emit_field(Field("membership-time", None, "time"), term, member_ctx)
        if "in_respect_of" in record:
            self._emit_field(
                Field("in_respect_of", MG.inRespectOf, "ref", ("territory",)),
                record["in_respect_of"],
                replace(member_ctx, location=record.location_of("in_respect_of")),
            )
        if "note" in record:
            self._emit_field(
                Field("note", SKOS.note, "text"),
                record["note"],
                replace(member_ctx, location=record.location_of("note")),
            )

    def _emit_conflict(self, record: Record, default: tuple[URIRef, ...]) -> None:
        """A disagreement kept on purpose: every claim's value is asserted, with its passage."""
        self._check_keys(record, CONFLICT_KEYS, "conflict")
        conflict_id = self._slug(record, "id")
        location = record.location(conflict_id)
        self.location = location
        iri = ID[f"conflict/{conflict_id}"]
        subject_key = self._resolve_key(
            str(record.get("subject")), record.location_of("subject", conflict_id), tuple(REFERENCE_KINDS)
        )
        entry = self.entries[subject_key]
        field_key = record.get("property")
        fields = {f.key: f for f in COMMON_FIELDS + entry.section.fields}
        predicate: URIRef
        if field_key == "type":
            predicate = RDF.type
        elif field_key == "counts":
            predicate = MG.hasStatedCount
        elif isinstance(field_key, str) and field_key in fields:
            spec = fields[field_key]
            predicate = spec.predicate or TIME.hasTime
        else:
            raise InputError(
                f"conflict property {field_key!r} is not a field of {subject_key}",
                record.location_of("property", conflict_id),
            )
        ctx = _Context(location, self._sources(record, default, location), iri, entry.section)
        self.add(iri, RDF.type, MG.Conflict, ctx.sources)
        self.add(iri, MG.conflictSubject, entry.iri, ctx.sources)
        self.add(iri, MG.conflictProperty, predicate, ctx.sources)
        for literal in self._text(
            record.get("label"),
            replace(ctx, location=record.location_of("label", conflict_id)),
            single_line=True,
        ):
            self.add(iri, RDFS.label, literal, ctx.sources)
        if "note" in record:
            for literal in self._text(
                record["note"], replace(ctx, location=record.location_of("note", conflict_id))
            ):
                self.add(iri, SKOS.note, literal, ctx.sources)
        self._add_provenance(iri, ctx.sources)
        claims = item_locations(record.get("claims"), record.location_of("claims", conflict_id))
        if len(claims) < 2:
            raise InputError(
                "a conflict needs at least two claims", record.location_of("claims", conflict_id)
            )
        preference = {spec.key: spec for spec in CLAIM_PREFERENCE_FIELDS}
        preferred = 0
        for position, (claim, where) in enumerate(claims, start=1):
            claim = self._record(claim, where)
            self._check_keys(claim, {"value", "source", "passage"} | set(preference), "claim")
            claim_sources = (
                tuple(
                    self._source(s, source_where)
                    for s, source_where in item_locations(claim.get("source"), claim.location_of("source"))
                )
                or ctx.sources
            )
            subject_ctx = _Context(claim.location_of("value"), claim_sources, entry.iri, entry.section)
            if field_key == "type":
                value = claim.get("value")
                if not isinstance(value, str) or value not in entry.section.types:
                    raise InputError(f"unknown type {value!r}", claim.location_of("value"))
                objects: list[Node] = [entry.section.types[value]]
                self.add(entry.iri, RDF.type, objects[0], claim_sources)
            elif field_key == "counts":
                count = self._record(claim.get("value"), claim.location_of("value"))
                objects = [self._emit_count(count, subject_ctx)]
            else:
                objects = self._emit_field(fields[field_key], claim.get("value"), subject_ctx)
            claim_iri = URIRef(f"{iri}/claim/{position}")
            self.add(iri, MG.hasClaim, claim_iri, ctx.sources)
            self.add(claim_iri, RDF.type, MG.Claim, claim_sources)
            for obj in objects:
                self.add(claim_iri, MG.claimedValue, obj, claim_sources)
            self._add_provenance(claim_iri, claim_sources)
            if "passage" in claim:
                for literal in self._text(
                    claim["passage"], replace(subject_ctx, location=claim.location_of("passage"))
                ):
                    self.add(claim_iri, MG.passage, literal, claim_sources)
            if self._preferred(claim, where):
                preferred += 1
                if preferred > 1:
                    raise InputError(
                        "a conflict has at most one preferred claim", claim.location_of("preferred")
                    )
                self.add(iri, MG.preferredClaim, claim_iri, ctx.sources)
                self._emit_field(preference["preference_note"], claim["preference_note"], ctx)

    def _preferred(self, claim: Record, location: Location) -> bool:
        """Whether a claim is marked ``preferred: true``; such a claim needs its ``preference_note``."""
        try:
            preferred = _bool(claim.get("preferred", False))
        except ValueError as error:
            raise InputError(f"field 'preferred': {error}", claim.location()) from None
        if "preference_note" in claim and not preferred:
            raise InputError(
                "only a claim marked 'preferred: true' has a 'preference_note'", claim.location()
            )
        if preferred and "preference_note" not in claim:
            raise InputError("a preferred claim needs a 'preference_note' saying why", claim.location())
        return preferred

    # -- references ---------------------------------------------------------------

    def _ref(self, value: Any, ctx: _Context, targets: tuple[str, ...]) -> URIRef:
        if not isinstance(value, str):
            raise InputError(f"expected a reference like 'process/midiocc', got {value!r}", ctx.location)
        key = self._resolve_key(value, ctx.location, targets)
        prefix = key.split("/", 1)[0]
        if prefix in {"state", "territory"}:
            iri = ID[key]
            self._emit_country(iri, prefix, value.split("/", 1)[1], ctx)
            return iri
        if prefix == "concept":
            return ID[key]
        if prefix == "source":
            return self.sources[key.split("/", 1)[1]]
        return self.entries[key].iri

    def _resolve_key(self, value: str, location: Location, targets: tuple[str, ...]) -> str:
        prefix, _, slug = value.partition("/")
        if not slug or prefix not in REFERENCE_KINDS:
            raise InputError(
                f"bad reference {value!r}: expected kind/id, kind in {', '.join(sorted(REFERENCE_KINDS))}",
                location,
            )
        if targets and prefix not in targets:
            raise InputError(f"reference {value!r} must be one of: {', '.join(targets)}", location)
        if prefix in {"state", "territory"}:
            return self._country_key(prefix, slug, location)
        if prefix == "source":
            if slug not in self.sources:
                raise InputError(f"unknown source id {slug!r}", location)
            return value
        if prefix == "concept":
            return value
        if value not in self.entries:
            raise InputError(f"unknown id {value!r}", location)
        return value

    def _country_key(self, prefix: str, name: str, location: Location) -> str:
        try:
            return f"{prefix}/{countries.country(name).alpha_3}"
        except LookupError as error:
            raise InputError(str(error.args[0]), location) from None

    def _emit_country(self, iri: URIRef, prefix: str, written: str, ctx: _Context) -> None:
        """A state or territory named in a record: its ISO codes, labels and Wikidata item."""
        found = countries.country(written)
        for source in ctx.sources:
            if (iri, source) not in self.emitted_countries:
                self.emitted_countries.add((iri, source))
                self.add(iri, RDF.type, MG.State if prefix == "state" else MG.Territory, (source,))
                self.add(iri, RDFS.label, Literal(found.label_en, lang="en"), (source,))
                self.add(iri, RDFS.label, Literal(found.label_fr, lang="fr"), (source,))
                self.add(iri, MG.iso3166Alpha2, Literal(found.alpha_2), (source,))
                self.add(iri, MG.iso3166Alpha3, Literal(found.alpha_3), (source,))
                self._add_provenance(iri, (source,))
        if written not in {found.label_fr, found.label_en, found.alpha_2, found.alpha_3}:
            self.add(iri, SKOS.hiddenLabel, Literal(written, lang="fr"), ctx.sources)
        table_source = self.sources.get(COUNTRY_WIKIDATA_SOURCE)
        qid = self.country_wikidata.get(found.alpha_3)
        if table_source is not None and qid:
            self.add(iri, MG.wikidata, WD[qid], (table_source,))

    def _vocab(self, scheme: str, value: Any, location: Location | None = None) -> URIRef:
        """A concept of a controlled list, written bare (``co-chair``)."""
        # only a slug can name a concept: anything else is refused before it becomes an IRI
        iri = VOCAB[f"{scheme}/{value}"] if isinstance(value, str) and _SLUG.fullmatch(value) else None
        if iri is None or iri not in self.concepts:
            known = sorted(str(c).rsplit("/", 1)[1] for c in self.concepts if f"/vocab/{scheme}/" in str(c))
            message = f"unknown {scheme} {value!r}; known: {', '.join(known)}"
            if location is None:
                raise ValueError(message)
            raise InputError(message, location)
        return iri

    def _source(self, value: Any, location: Location) -> URIRef:
        if not isinstance(value, str) or value not in self.sources:
            raise InputError(f"unknown source id {value!r}", location)
        return self.sources[value]

    def _sources(self, record: Record, default: tuple[URIRef, ...], location: Location) -> tuple[URIRef, ...]:
        if "sources" not in record:
            return default
        return tuple(
            self._source(s, where)
            for s, where in item_locations(record["sources"], record.location_of("sources"))
        )

    # -- checks -------------------------------------------------------------------

    def check_labels(self) -> None:
        """Every record-defined entity has an English and a French label somewhere."""
        for _, entry in sorted(self.entries.items()):
            languages = {
                label.language
                for _, _, label, _ in self.dataset.quads((entry.iri, RDFS.label, None, None))
                if isinstance(label, Literal)
            }
            missing = {"en", "fr"} - languages
            if missing:
                raise InputError(f"no label in {', '.join(sorted(missing))}", entry.location)

    @staticmethod
    def _record(value: Any, location: Location) -> Record:
        if not isinstance(value, Record):
            raise InputError(f"expected a mapping, got {value!r}", location)
        return value

    @staticmethod
    def _slug(record: Record, key: str) -> str:
        value = record.get(key)
        if not isinstance(value, str) or not _SLUG.fullmatch(value):
            raise InputError(
                f"'{key}' must be a slug of letters, digits, '.', '_' or '-' (got {value!r})",
                record.location_of(key),
            )
        return value

    @staticmethod
    def _check_keys(record: Record, allowed: set[str], what: str) -> None:
        for key in record:
            if key not in allowed:
                raise InputError(
                    f"unknown field {key!r} for {what}; known: {', '.join(sorted(allowed))}",
                    record.location_of(key),
                )


AGENTS_AND_SERIES = ("org", "state", "process", "programme", "person", "series", "territory")
WHOLE_LIST_KINDS = {"items", "sessions", "phases"}


def _path_slug(iri: URIRef) -> str:
    """``…/id/process/midiocc`` → ``process-midiocc`` (for composite IRIs)."""
    return str(iri).removeprefix(str(ID)).replace("/", "-")


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise ValueError(f"expected true or false, got {value!r}")


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected a whole number, got {value!r}")
    return value


def _uri(value: Any) -> str:
    """An http(s) IRI: a host, and none of the characters RFC 3987 leaves out of IRIs."""
    if not isinstance(value, str) or not _HTTP_IRI.fullmatch(value):
        raise ValueError(f"expected an http(s) address, got {value!r}")
    bad = _NOT_IN_IRI.search(value)
    if bad:
        raise ValueError(f"character {_character_name(bad.group())} is not allowed in an IRI: {value!r}")
    return value


def _language(value: Any) -> str:
    if not (isinstance(value, str) and re.fullmatch(r"[a-z]{2}", value)):
        raise ValueError(f"expected an ISO 639-1 language code (en, fr, es…), got {value!r}")
    return value


def _qid(value: Any) -> str:
    if not (isinstance(value, str) and _QID.fullmatch(value)):
        raise ValueError(f"expected a Wikidata id like Q472311, got {value!r}")
    return value


_HTTP_IRI = re.compile(r"https?://[^/?#\s]+(?:[/?#].*)?", re.DOTALL)
# RFC 3987: space, the delimiters <>"{}|\^` and controls are not IRI characters (nor surrogates,
# nor the non-characters U+FFFE, U+FFFF).
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f-\x9f\ud800-\udfff\ufffe\uffff]')
# Characters that show nothing: format characters (zero-width space U+200B, joiners, BOM U+FEFF,
# word joiner U+2060, direction marks), separators, controls, and the Hangul and Braille fillers.
_INVISIBLE_CATEGORIES = {"Cc", "Cf", "Zs", "Zl", "Zp", "Cn", "Co", "Cs"}
_FILLERS = {"\u115f", "\u1160", "\u3164", "\uffa0", "\u2800"}


def _character_name(character: str) -> str:
    name = unicodedata.name(character, "")
    return f"U+{ord(character):04X}" + (f" ({name})" if name else "")


def _checked_text(text: str, single_line: bool, location: Location) -> str:
    """Refuse controls (tab and line feed allowed in long texts), surrogates, non-characters
    and text that shows nothing; return ``text`` unchanged."""
    allowed = "" if single_line else "\t\n"
    for character in text:
        category = unicodedata.category(character)
        if (category in {"Cc", "Cs"} and character not in allowed) or character in "\ufffe\uffff":
            where = "a label or title" if single_line else "a text"
            raise InputError(f"control character {_character_name(character)} in {where}: {text!r}", location)
    if all(unicodedata.category(c) in _INVISIBLE_CATEGORIES or c in _FILLERS for c in text):
        raise InputError(f"text {text!r} is empty or only invisible characters", location)
    return text


def _field_contexts(fields: dict[str, Any], ctx: _Context) -> Callable[[str], _Context]:
    """The context of each field of ``fields`` (at its own line when it is a record)."""
    if isinstance(fields, Record):
        return lambda key: replace(ctx, location=fields.location_of(key))
    return lambda key: ctx
