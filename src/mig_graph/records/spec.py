"""The data format: which sections a data file has, and what each field means in RDF.

The tables below are the whole mapping from the curated YAML records to the
ontology, and the one place that knows every section, field and sub-record key.
Each section holds records of one kind; its ``prefix`` is the first segment of
the record's reference (``process/midiocc``) and of its IRI
(``https://w3id.org/mig-graph/id/process/midiocc``).  Each field names the
predicate it becomes and how its value is read (its :class:`FieldKind`):

``TEXT``      language map ``{fr: …, en: …}`` → language-tagged literals
``REF``       reference ``kind/slug`` to another record (``state/`` takes ISO codes or names)
``VOCAB``     a concept of the controlled list ``scheme`` (``vocab/<scheme>/…``), written bare (``co-chair``)
``TIME``      a date or interval → an OWL-Time interval (``time:hasTime``)
``DATE``      a date → an ``xsd:gYear``/``gYearMonth``/``date`` literal
``BOOL``, ``INT``, ``STR``, ``URI``, ``LANGUAGE`` (ISO 639-1 code), ``WIKIDATA`` (a Q-id)
``VERIFIED``  ``true``/``false`` → a concept of the verification statuses (``vocab/verification/…``)
``ITEMS``     numbered content items (``item``: objective, track…), ``CONCEPTS`` concepts of a
              data-defined ``scheme``; and the sub-records ``PARTICIPANTS``, ``SESSIONS``,
              ``SIGNATORIES``, ``PHASES``, ``TENURES``
``CHANGE``    ``became: {process, time, sources, note}``: the record became another (an
              ``org:ChangeEvent``)
``DERIVED_END`` a membership's ``end_derived: {note, sources, followed_by}``: the end of its
              time (or term) is derived, not stated (an ``mg:DerivedEnd``)

Sources (the ``source`` block and each of ``references``) have the fields of
``SOURCE_FIELDS`` beside ``id``, ``title`` and ``seed_file``; a source whose
cited passages no stored copy holds is written ``verified: false`` with a
``verification_note`` saying why.  An undated source may give ``not_before``, the
latest dated event its own text mentions, with a ``not_before_note`` quoting it;
``complete_list_of`` names the mechanisms whose whole list of member states it
gives.  A conflict's claims may mark one of them
``preferred: true`` with a ``preference_note`` (the better-supported side;
every claim is kept).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from rdflib import OWL, RDFS, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, SDO, SKOS

from mig_graph.namespaces import MG

__all__ = [
    "CHANGE_FIELD",
    "CHANGE_KEYS",
    "CHANGE_SECTION",
    "CHANGE_TARGETS",
    "CITED_VALUE_KEYS",
    "CLAIM_KEYS",
    "CLAIM_PREFERENCE_FIELDS",
    "COMMON_FIELDS",
    "CONCEPT_KEYS",
    "CONFLICT_KEYS",
    "COUNT_KEYS",
    "DERIVED_END_KEYS",
    "FILE_KEYS",
    "ITEM_CLASSES",
    "ITEM_KEYS",
    "MEMBERSHIP_END_DERIVED",
    "MEMBERSHIP_FIELDS",
    "MEMBERSHIP_KEYS",
    "MEMBERSHIP_TIME",
    "PARTICIPANT_KEYS",
    "PHASE_SECTION",
    "RECORD_KEYS",
    "REFERENCE_KINDS",
    "SECTIONS",
    "SIGNATORIES_KEYS",
    "SINGLE_LINE_TEXTS",
    "SOURCE_FIELDS",
    "SOURCE_KEYS",
    "TENURE_KEYS",
    "TENURE_TIME",
    "TERM_KEYS",
    "Field",
    "FieldKind",
    "Section",
    "record_fields",
]


class FieldKind(Enum):
    """How a field's value is read (see the module's docstring)."""

    TEXT = "text"
    REF = "ref"
    VOCAB = "vocab"
    TIME = "time"
    DATE = "date"
    BOOL = "bool"
    INT = "int"
    STR = "str"
    URI = "uri"
    LANGUAGE = "language"
    VERIFIED = "verified"
    WIKIDATA = "wikidata"
    ITEMS = "items"
    CONCEPTS = "concepts"
    PARTICIPANTS = "participants"
    SESSIONS = "sessions"
    SIGNATORIES = "signatories"
    PHASES = "phases"
    TENURES = "tenures"
    CHANGE = "change"
    DERIVED_END = "derived-end"

    @property
    def whole_list(self) -> bool:
        """Whether the value is read whole (a list of numbered nodes, or one mapping), not item by item.

        >>> FieldKind.ITEMS.whole_list, FieldKind.CHANGE.whole_list, FieldKind.REF.whole_list
        (True, True, False)
        """
        return self in _WHOLE_LIST_KINDS


_WHOLE_LIST_KINDS = frozenset(
    {FieldKind.ITEMS, FieldKind.SESSIONS, FieldKind.PHASES, FieldKind.CHANGE, FieldKind.DERIVED_END}
)


@dataclass(frozen=True)
class Field:
    """One field of a record: its key, the predicate it becomes and how to read it.

    ``targets`` are the reference kinds a ``REF`` accepts; ``scheme`` the controlled list of a
    ``VOCAB`` or the data-defined scheme of ``CONCEPTS``; ``item`` the kind of ``ITEMS``.
    A ``TIME`` field links its interval itself, by ``predicate`` or else ``time:hasTime``; a
    ``CHANGE`` or ``DERIVED_END`` field links its node itself, in the graphs of its own sources.
    """

    key: str
    predicate: URIRef | None
    kind: FieldKind
    targets: tuple[str, ...] = ()
    scheme: str = ""
    item: str = ""


@dataclass(frozen=True)
class Section:
    """A kind of record: its reference prefix, default class and the classes its ``type`` selects."""

    prefix: str
    default_class: URIRef | None
    types: dict[str, URIRef] = field(default_factory=dict)
    fields: tuple[Field, ...] = ()
    single_date_is_span: bool = False
    extra_classes: tuple[URIRef, ...] = ()


AGENTS = ("org", "state", "process", "programme", "person", "series")
EVENTS = ("meeting", "series", "process", "programme", "evaluation", "framework")

COMMON_FIELDS: tuple[Field, ...] = (
    Field("label", RDFS.label, FieldKind.TEXT),
    Field("acronym", MG.acronym, FieldKind.TEXT),
    Field("alt_label", SKOS.altLabel, FieldKind.TEXT),
    Field("as_written", SKOS.hiddenLabel, FieldKind.TEXT),
    Field("description", DCTERMS.description, FieldKind.TEXT),
    Field("note", SKOS.note, FieldKind.TEXT),
    Field("wikidata", MG.wikidata, FieldKind.WIKIDATA),
    Field("homepage", FOAF.homepage, FieldKind.URI),
    Field("unresolved", MG.unresolved, FieldKind.BOOL),
    Field("same_as", OWL.sameAs, FieldKind.URI),
)

SOURCE_FIELDS: tuple[Field, ...] = (
    Field("url", MG.sourceUrl, FieldKind.URI),
    Field("language", DCTERMS.language, FieldKind.LANGUAGE),
    Field("publisher", DCTERMS.publisher, FieldKind.REF, ("org",)),
    Field("date", DCTERMS.date, FieldKind.DATE),
    Field("date_note", MG.dateNote, FieldKind.TEXT),
    Field("kind", MG.documentKind, FieldKind.VOCAB, scheme="document-kind"),
    Field("note", SKOS.note, FieldKind.TEXT),
    Field("verified", MG.verificationStatus, FieldKind.VERIFIED),
    Field("verification_note", MG.verificationNote, FieldKind.TEXT),
    Field("not_before", MG.notBefore, FieldKind.DATE),
    Field("not_before_note", MG.notBeforeNote, FieldKind.TEXT),
    Field("complete_list_of", MG.listsAllMembersOf, FieldKind.REF, ("process", "org", "programme")),
)

# What a record may have become (``became: {process: …}``), and the keys of ``became``.
CHANGE_TARGETS = ("process", "org", "programme")
CHANGE_KEYS = frozenset({"process", "time", "sources", "note"})
CHANGE_FIELD = Field("became", None, FieldKind.CHANGE, CHANGE_TARGETS)
# A change event is dated like a meeting: a single date is the day (or month, year) it happened.
CHANGE_SECTION = Section(
    "change", ORG.ChangeEvent, fields=(Field("time", None, FieldKind.TIME),), single_date_is_span=True
)

# A claim's ``preferred: true`` makes it the conflict's mg:preferredClaim; the note goes on the conflict.
CLAIM_PREFERENCE_FIELDS: tuple[Field, ...] = (
    Field("preferred", MG.preferredClaim, FieldKind.BOOL),
    Field("preference_note", MG.preferenceNote, FieldKind.TEXT),
)

SECTIONS: dict[str, Section] = {
    "organisations": Section(
        "org",
        ORG.FormalOrganization,
        types={
            "intergovernmental": MG.IntergovernmentalOrganisation,
            "regional": MG.RegionalOrganisation,
            "un-system": MG.UNSystemOrganisation,
            "system": MG.OrganisationSystem,
            "government-body": MG.GovernmentBody,
            "government-agency": MG.GovernmentAgency,
            "academic": MG.AcademicInstitution,
            "unit": ORG.OrganizationalUnit,
            "organisation": ORG.FormalOrganization,
        },
        fields=(
            Field("time", None, FieldKind.TIME),
            Field("unit_of", ORG.unitOf, FieldKind.REF, ("org",)),
            Field("part_of", ORG.subOrganizationOf, FieldKind.REF, ("org", "state")),
            Field("based_in", ORG.basedAt, FieldKind.REF, ("place", "state")),
            Field("refers_to", MG.refersTo, FieldKind.REF, ("framework",)),
            CHANGE_FIELD,
        ),
    ),
    "states": Section("state", MG.State, fields=(Field("time", None, FieldKind.TIME),)),
    "territories": Section(
        "territory", MG.Territory, fields=(Field("part_of_state", MG.partOfState, FieldKind.REF, ("state",)),)
    ),
    "regions": Section("region", MG.Region),
    "places": Section(
        "place",
        MG.Place,
        fields=(
            Field("country", MG.inCountry, FieldKind.REF, ("state", "territory")),
            Field("part_of", SDO.containedInPlace, FieldKind.REF, ("place",)),
        ),
    ),
    "processes": Section(
        "process",
        MG.ConsultationMechanism,
        types={
            "regional-consultative-process": MG.RegionalConsultativeProcess,
            "inter-regional-forum": MG.InterRegionalForum,
            "global-process": MG.GlobalProcess,
            "mechanism": MG.ConsultationMechanism,
        },
        fields=(
            Field("time", None, FieldKind.TIME),
            Field("region", MG.region, FieldKind.REF, ("region",)),
            Field("associated_with", MG.formallyAssociatedWith, FieldKind.REF, ("org",)),
            Field("refers_to", MG.refersTo, FieldKind.REF, ("framework",)),
            Field("proposed_at", MG.proposedAt, FieldKind.REF, ("meeting",)),
            Field("approved_at", MG.approvedAt, FieldKind.REF, ("meeting",)),
            Field("approved_by", MG.approvedBy, FieldKind.REF, ("document",)),
            Field("chair_appointed", MG.chairAppointed, FieldKind.BOOL),
            Field("thematic_areas", MG.thematicArea, FieldKind.CONCEPTS, scheme="thematic-areas"),
            Field("participant_groups", MG.participantGroup, FieldKind.VOCAB, scheme="stakeholder"),
            Field("objectives", MG.hasObjective, FieldKind.ITEMS, item="objective"),
            Field("part_of", DCTERMS.isPartOf, FieldKind.REF, ("org",)),
            CHANGE_FIELD,
        ),
    ),
    "series": Section(
        "series",
        MG.MeetingSeries,
        fields=(
            Field("time", None, FieldKind.TIME),
            Field("refers_to", MG.refersTo, FieldKind.REF, ("framework",)),
        ),
    ),
    "meetings": Section(
        "meeting",
        MG.Meeting,
        fields=(
            Field("kind", MG.meetingKind, FieldKind.VOCAB, scheme="meeting-kind"),
            Field("time", None, FieldKind.TIME),
            Field("place", SDO.location, FieldKind.REF, ("place", "state", "territory")),
            Field("part_of", SDO.superEvent, FieldKind.REF, ("process", "series", "meeting")),
            Field("status", MG.status, FieldKind.VOCAB, scheme="status"),
            Field("preparatory", MG.preparatory, FieldKind.BOOL),
            Field("theme", MG.theme, FieldKind.TEXT),
            Field("participant_groups", MG.participantGroup, FieldKind.VOCAB, scheme="stakeholder"),
            Field("participants", None, FieldKind.PARTICIPANTS),
            Field("sessions", None, FieldKind.SESSIONS),
            Field("tracks", MG.hasTrack, FieldKind.ITEMS, item="track"),
            Field("conclusions", MG.hasConclusion, FieldKind.ITEMS, item="conclusion"),
            Field("objectives", MG.hasObjective, FieldKind.ITEMS, item="objective"),
            Field("feeds_into", MG.feedsInto, FieldKind.REF, EVENTS),
            Field("refers_to", MG.refersTo, FieldKind.REF, ("framework",)),
        ),
        single_date_is_span=True,
    ),
    "evaluations": Section(
        "evaluation",
        MG.Evaluation,
        fields=(
            Field("evaluates", MG.evaluates, FieldKind.REF, ("process", "programme")),
            Field("associated_with", PROV.wasAssociatedWith, FieldKind.REF, AGENTS),
            Field("presented_at", MG.presentedAt, FieldKind.REF, ("meeting",)),
        ),
    ),
    "documents": Section(
        "document",
        MG.Document,
        types={
            "declaration": MG.Declaration,
            "decision": MG.Decision,
            "document": MG.Document,
        },
        fields=(
            Field("kind", MG.documentKind, FieldKind.VOCAB, scheme="document-kind"),
            Field("date", DCTERMS.date, FieldKind.DATE),
            Field("languages", DCTERMS.language, FieldKind.LANGUAGE),
            Field("author", DCTERMS.creator, FieldKind.REF, AGENTS),
            Field("about", DCTERMS.subject, FieldKind.REF, AGENTS + EVENTS),
            Field("presented_at", MG.presentedAt, FieldKind.REF, ("meeting",)),
            Field("presented_by", MG.presentedBy, FieldKind.REF, AGENTS),
            Field("adopted_at", MG.adoptedAt, FieldKind.REF, ("meeting",)),
            Field("refers_to", MG.refersTo, FieldKind.REF, ("framework",)),
            Field("related_to", DCTERMS.relation, FieldKind.REF, AGENTS + EVENTS),
            Field("provisions", MG.hasProvision, FieldKind.ITEMS, item="provision"),
            Field("signatories", None, FieldKind.SIGNATORIES),
        ),
    ),
    "frameworks": Section(
        "framework",
        MG.PolicyFramework,
        types={"convention": MG.InternationalConvention, "framework": MG.PolicyFramework},
        fields=(
            Field("part_of", DCTERMS.isPartOf, FieldKind.REF, ("framework",)),
            Field("author", DCTERMS.creator, FieldKind.REF, AGENTS),
            Field("time", None, FieldKind.TIME),
        ),
    ),
    "programmes": Section(
        "programme",
        MG.JointProgramme,
        fields=(
            Field("time", None, FieldKind.TIME),
            Field("managed_by", MG.managedBy, FieldKind.REF, ("org",)),
            Field("objectives", MG.hasObjective, FieldKind.ITEMS, item="objective"),
            Field("results", MG.hasResult, FieldKind.ITEMS, item="result"),
            Field("phases", None, FieldKind.PHASES),
            Field("feeds_into", MG.feedsInto, FieldKind.REF, EVENTS),
            Field("refers_to", MG.refersTo, FieldKind.REF, ("framework",)),
            CHANGE_FIELD,
        ),
    ),
    "people": Section(
        "person",
        FOAF.Person,
        fields=(
            Field("nationality", MG.nationality, FieldKind.REF, ("state",)),
            Field("affiliation", SDO.affiliation, FieldKind.REF, ("org",)),
            Field("occupation", MG.occupation, FieldKind.TEXT),
            Field("holds", None, FieldKind.TENURES),
        ),
    ),
    "posts": Section(
        "post",
        ORG.Post,
        fields=(
            Field("post_in", ORG.postIn, FieldKind.REF, ("org", "state")),
            Field("role", ORG.role, FieldKind.VOCAB, scheme="role"),
        ),
    ),
}

# Reference kinds that are not sections of their own.
REFERENCE_KINDS = {section.prefix for section in SECTIONS.values()} | {"concept", "source"}

# The keys every record of a section may have beside its fields.
RECORD_KEYS = frozenset({"id", "type", "sources", "counts"})
# The top-level keys of a data file.
FILE_KEYS = frozenset(SECTIONS) | {"source", "references", "memberships", "conflicts"}
SOURCE_KEYS = frozenset({"id", "seed_file", "title"} | {spec.key for spec in SOURCE_FIELDS})
# Texts written on one line: labels and titles (long texts may hold tabs and line breaks).
SINGLE_LINE_TEXTS = frozenset({"label", "acronym", "alt_label", "as_written", "title"})

# A value stated by another source than its record's: ``{value: …, source: …, note: …}``.
CITED_VALUE_KEYS = frozenset({"value", "source", "note"})
COUNT_KEYS = frozenset({"category", "value", "approximate", "note", "source"})
ITEM_KEYS = frozenset({"label", "quantity", "refers_to", "note"})
CONCEPT_KEYS = frozenset({"id", "label", "note"})
PARTICIPANT_KEYS = frozenset({"role", "agent", "agents", "note", "sources"})
SIGNATORIES_KEYS = frozenset({"date", "states", "note", "sources"})
TENURE_KEYS = frozenset({"post", "attested", "time", "note", "sources"})
MEMBERSHIP_KEYS = frozenset(
    {
        "organisation",
        "member",
        "members",
        "role",
        "time",
        "terms",
        "in_respect_of",
        "note",
        "sources",
        "end_derived",
    }
)
# A term of ``terms`` written as a mapping: a cited value that may carry its own ``end_derived``.
TERM_KEYS = CITED_VALUE_KEYS | {"end_derived"}
# ``end_derived: {note, sources, followed_by}``: how a membership's (or term's) end was derived.
DERIVED_END_KEYS = frozenset({"note", "sources", "followed_by"})
CONFLICT_KEYS = frozenset({"id", "subject", "property", "label", "claims", "note"})
CLAIM_KEYS = frozenset({"value", "source", "passage"} | {spec.key for spec in CLAIM_PREFERENCE_FIELDS})

# The classes of the numbered content items (``ITEMS`` fields), by their ``item``.
ITEM_CLASSES = {
    "objective": MG.Objective,
    "track": MG.ActionTrack,
    "conclusion": MG.Conclusion,
    "provision": MG.Provision,
    "result": MG.StatedResult,
}
# A programme's phases are records of their own, with a time.
PHASE_SECTION = Section("phase", MG.ProgrammePhase, fields=(Field("time", None, FieldKind.TIME),))
TENURE_TIME = Field("time", None, FieldKind.TIME)
MEMBERSHIP_TIME = Field("membership-time", ORG.memberDuring, FieldKind.TIME)
MEMBERSHIP_END_DERIVED = Field("end_derived", None, FieldKind.DERIVED_END)
# The fields of a membership beside its ends, role and time.
MEMBERSHIP_FIELDS: tuple[Field, ...] = (
    Field("in_respect_of", MG.inRespectOf, FieldKind.REF, ("territory",)),
    Field("note", SKOS.note, FieldKind.TEXT),
)


def record_fields(section: Section) -> dict[str, Field]:
    """The fields a record of ``section`` may have, by key: the common ones and the section's.

    >>> record_fields(SECTIONS["posts"])["role"].scheme
    'role'
    """
    return {spec.key: spec for spec in COMMON_FIELDS + section.fields}
