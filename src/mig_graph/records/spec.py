"""The data format: which sections a data file has, and what each field means in RDF.

The table below is the whole mapping from the curated YAML records to the
ontology.  Each section holds records of one kind; its ``prefix`` is the first
segment of the record's reference (``process/midiocc``) and of its IRI
(``https://w3id.org/mig-graph/id/process/midiocc``).  Each field names the
predicate it becomes and how its value is read:

``text``      language map ``{fr: …, en: …}`` → language-tagged literals
``ref``       reference ``kind/slug`` to another record (``state/`` takes ISO codes or names)
``vocab:X``   a concept of the controlled list X (``vocab/X/…``), written bare (``co-chair``)
``time``      a date or interval → an OWL-Time interval (``time:hasTime``)
``date``      a date → an ``xsd:gYear``/``gYearMonth``/``date`` literal
``bool``, ``int``, ``str``, ``uri``, ``language`` (ISO 639-1 code)
``verified``  ``true``/``false`` → a concept of the verification statuses (``vocab/verification/…``)

Sources (the ``source`` block and each of ``references``) have the fields of
``SOURCE_FIELDS`` beside ``id``, ``title`` and ``seed_file``; a source whose
cited passages no stored copy holds is written ``verified: false`` with a
``verification_note`` saying why.  A conflict's claims may mark one of them
``preferred: true`` with a ``preference_note`` (the better-supported side;
every claim is kept).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import OWL, RDFS, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, SDO, SKOS

from mig_graph.namespaces import MG

__all__ = [
    "CLAIM_PREFERENCE_FIELDS",
    "COMMON_FIELDS",
    "REFERENCE_KINDS",
    "SECTIONS",
    "SOURCE_FIELDS",
    "Field",
    "Section",
]


@dataclass(frozen=True)
class Field:
    """One field of a record: its key, the predicate it becomes and how to read it."""

    key: str
    predicate: URIRef | None
    kind: str
    targets: tuple[str, ...] = ()


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
    Field("label", RDFS.label, "text"),
    Field("acronym", MG.acronym, "text"),
    Field("alt_label", SKOS.altLabel, "text"),
    Field("as_written", SKOS.hiddenLabel, "text"),
    Field("description", DCTERMS.description, "text"),
    Field("note", SKOS.note, "text"),
    Field("wikidata", MG.wikidata, "wikidata"),
    Field("homepage", FOAF.homepage, "uri"),
    Field("unresolved", MG.unresolved, "bool"),
    Field("same_as", OWL.sameAs, "uri"),
)

SOURCE_FIELDS: tuple[Field, ...] = (
    Field("url", MG.sourceUrl, "uri"),
    Field("language", DCTERMS.language, "language"),
    Field("publisher", DCTERMS.publisher, "ref", ("org",)),
    Field("date", DCTERMS.date, "date"),
    Field("date_note", MG.dateNote, "text"),
    Field("kind", MG.documentKind, "vocab:document-kind"),
    Field("note", SKOS.note, "text"),
    Field("verified", MG.verificationStatus, "verified"),
    Field("verification_note", MG.verificationNote, "text"),
)

# A claim's ``preferred: true`` makes it the conflict's mg:preferredClaim; the note goes on the conflict.
CLAIM_PREFERENCE_FIELDS: tuple[Field, ...] = (
    Field("preferred", MG.preferredClaim, "bool"),
    Field("preference_note", MG.preferenceNote, "text"),
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
            Field("time", None, "time"),
            Field("unit_of", ORG.unitOf, "ref", ("org",)),
            Field("part_of", ORG.subOrganizationOf, "ref", ("org", "state")),
            Field("based_in", ORG.basedAt, "ref", ("place", "state")),
            Field("refers_to", MG.refersTo, "ref", ("framework",)),
        ),
    ),
    "states": Section("state", MG.State, fields=(Field("time", None, "time"),)),
    "territories": Section(
        "territory", MG.Territory, fields=(Field("part_of_state", MG.partOfState, "ref", ("state",)),)
    ),
    "regions": Section("region", MG.Region),
    "places": Section(
        "place",
        MG.Place,
        fields=(
            Field("country", MG.inCountry, "ref", ("state", "territory")),
            Field("part_of", SDO.containedInPlace, "ref", ("place",)),
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
            Field("time", None, "time"),
            Field("region", MG.region, "ref", ("region",)),
            Field("associated_with", MG.formallyAssociatedWith, "ref", ("org",)),
            Field("refers_to", MG.refersTo, "ref", ("framework",)),
            Field("proposed_at", MG.proposedAt, "ref", ("meeting",)),
            Field("approved_at", MG.approvedAt, "ref", ("meeting",)),
            Field("approved_by", MG.approvedBy, "ref", ("document",)),
            Field("chair_appointed", MG.chairAppointed, "bool"),
            Field("thematic_areas", MG.thematicArea, "concepts:thematic-areas"),
            Field("participant_groups", MG.participantGroup, "vocab:stakeholder"),
            Field("objectives", MG.hasObjective, "items:objective"),
            Field("part_of", DCTERMS.isPartOf, "ref", ("org",)),
        ),
    ),
    "series": Section(
        "series",
        MG.MeetingSeries,
        fields=(
            Field("time", None, "time"),
            Field("refers_to", MG.refersTo, "ref", ("framework",)),
        ),
    ),
    "meetings": Section(
        "meeting",
        MG.Meeting,
        fields=(
            Field("kind", MG.meetingKind, "vocab:meeting-kind"),
            Field("time", None, "time"),
            Field("place", SDO.location, "ref", ("place", "state", "territory")),
            Field("part_of", SDO.superEvent, "ref", ("process", "series", "meeting")),
            Field("status", MG.status, "vocab:status"),
            Field("preparatory", MG.preparatory, "bool"),
            Field("theme", MG.theme, "text"),
            Field("participant_groups", MG.participantGroup, "vocab:stakeholder"),
            Field("participants", None, "participants"),
            Field("sessions", None, "sessions"),
            Field("tracks", MG.hasTrack, "items:track"),
            Field("conclusions", MG.hasConclusion, "items:conclusion"),
            Field("objectives", MG.hasObjective, "items:objective"),
            Field("feeds_into", MG.feedsInto, "ref", EVENTS),
            Field("refers_to", MG.refersTo, "ref", ("framework",)),
        ),
        single_date_is_span=True,
    ),
    "evaluations": Section(
        "evaluation",
        MG.Evaluation,
        fields=(
            Field("evaluates", MG.evaluates, "ref", ("process", "programme")),
            Field("associated_with", PROV.wasAssociatedWith, "ref", AGENTS),
            Field("presented_at", MG.presentedAt, "ref", ("meeting",)),
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
            Field("kind", MG.documentKind, "vocab:document-kind"),
            Field("date", DCTERMS.date, "date"),
            Field("languages", DCTERMS.language, "language"),
            Field("author", DCTERMS.creator, "ref", AGENTS),
            Field("about", DCTERMS.subject, "ref", AGENTS + EVENTS),
            Field("presented_at", MG.presentedAt, "ref", ("meeting",)),
            Field("presented_by", MG.presentedBy, "ref", AGENTS),
            Field("adopted_at", MG.adoptedAt, "ref", ("meeting",)),
            Field("refers_to", MG.refersTo, "ref", ("framework",)),
            Field("related_to", DCTERMS.relation, "ref", AGENTS + EVENTS),
            Field("provisions", MG.hasProvision, "items:provision"),
            Field("signatories", None, "signatories"),
        ),
    ),
    "frameworks": Section(
        "framework",
        MG.PolicyFramework,
        types={"convention": MG.InternationalConvention, "framework": MG.PolicyFramework},
        fields=(
            Field("part_of", DCTERMS.isPartOf, "ref", ("framework",)),
            Field("author", DCTERMS.creator, "ref", AGENTS),
            Field("time", None, "time"),
        ),
    ),
    "programmes": Section(
        "programme",
        MG.JointProgramme,
        fields=(
            Field("time", None, "time"),
            Field("managed_by", MG.managedBy, "ref", ("org",)),
            Field("objectives", MG.hasObjective, "items:objective"),
            Field("results", MG.hasResult, "items:result"),
            Field("phases", None, "phases"),
            Field("feeds_into", MG.feedsInto, "ref", EVENTS),
            Field("refers_to", MG.refersTo, "ref", ("framework",)),
        ),
    ),
    "people": Section(
        "person",
        FOAF.Person,
        fields=(
            Field("nationality", MG.nationality, "ref", ("state",)),
            Field("affiliation", SDO.affiliation, "ref", ("org",)),
            Field("occupation", MG.occupation, "text"),
            Field("holds", None, "tenures"),
        ),
    ),
    "posts": Section(
        "post",
        ORG.Post,
        fields=(
            Field("post_in", ORG.postIn, "ref", ("org", "state")),
            Field("role", ORG.role, "vocab:role"),
        ),
    ),
}

# Reference kinds that are not sections of their own.
REFERENCE_KINDS = {section.prefix for section in SECTIONS.values()} | {"concept", "source"}
