"""The mig-graph ontology terms and the IRI bases of the project.

``MG`` is a closed :class:`rdflib.namespace.DefinedNamespace`: a misspelt term
fails at import or first use instead of silently minting a new IRI.  Every term
listed here is declared in ``ontology/mig-graph.ttl`` (a test checks both ways).
"""

from __future__ import annotations

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = [
    "BASE",
    "ID",
    "LANG",
    "MG",
    "ONTOLOGY_IRI",
    "PREFIXES",
    "VOCAB",
    "WD",
    "bind_prefixes",
    "compact",
]

BASE = "https://w3id.org/mig-graph/"
ONTOLOGY_IRI = URIRef(BASE + "ontology")
ID = Namespace(BASE + "id/")
VOCAB = Namespace(BASE + "vocab/")
WD = Namespace("http://www.wikidata.org/entity/")
LANG = Namespace("http://id.loc.gov/vocabulary/iso639-1/")


class MG(DefinedNamespace):
    """Terms of the mig-graph ontology (``https://w3id.org/mig-graph/ontology#``)."""

    _fail = True
    _NS = Namespace(BASE + "ontology#")

    # -- consultation mechanisms and organisations
    ConsultationMechanism: URIRef
    RegionalConsultativeProcess: URIRef
    InterRegionalForum: URIRef
    GlobalProcess: URIRef
    MeetingSeries: URIRef
    IntergovernmentalOrganisation: URIRef
    RegionalOrganisation: URIRef
    UNSystemOrganisation: URIRef
    OrganisationSystem: URIRef
    GovernmentBody: URIRef
    GovernmentAgency: URIRef
    AcademicInstitution: URIRef
    # -- states, territories and places
    State: URIRef
    Territory: URIRef
    Region: URIRef
    Place: URIRef
    # -- events
    Meeting: URIRef
    Session: URIRef
    Evaluation: URIRef
    # -- documents and frameworks
    Document: URIRef
    Declaration: URIRef
    Decision: URIRef
    PolicyFramework: URIRef
    InternationalConvention: URIRef
    # -- programmes
    JointProgramme: URIRef
    ProgrammePhase: URIRef
    StatedResult: URIRef
    # -- content items
    Objective: URIRef
    ActionTrack: URIRef
    Conclusion: URIRef
    Provision: URIRef
    # -- n-ary relations
    Participation: URIRef
    Signature: URIRef
    Tenure: URIRef
    StatedCount: URIRef
    # -- provenance and conflicts
    SourceDocument: URIRef
    SeedDocument: URIRef
    ExternalSource: URIRef
    Conflict: URIRef
    Claim: URIRef
    DerivedEnd: URIRef

    # -- names and identifiers
    acronym: URIRef
    wikidata: URIRef
    iso3166Alpha2: URIRef
    iso3166Alpha3: URIRef
    unresolved: URIRef
    # -- processes and organisations
    region: URIRef
    formallyAssociatedWith: URIRef
    refersTo: URIRef
    hasObjective: URIRef
    thematicArea: URIRef
    chairAppointed: URIRef
    proposedAt: URIRef
    approvedAt: URIRef
    approvedBy: URIRef
    inRespectOf: URIRef
    partOfState: URIRef
    inCountry: URIRef
    # -- stated counts
    hasStatedCount: URIRef
    countedCategory: URIRef
    countValue: URIRef
    approximate: URIRef
    # -- meetings
    meetingKind: URIRef
    status: URIRef
    preparatory: URIRef
    theme: URIRef
    participantGroup: URIRef
    hasTrack: URIRef
    hasConclusion: URIRef
    feedsInto: URIRef
    position: URIRef
    evaluates: URIRef
    # -- participations, signatures, tenures
    participant: URIRef
    inEvent: URIRef
    participationRole: URIRef
    signatory: URIRef
    signedDocument: URIRef
    signedOn: URIRef
    holder: URIRef
    heldPost: URIRef
    attestedOn: URIRef
    nationality: URIRef
    occupation: URIRef
    # -- documents
    documentKind: URIRef
    presentedAt: URIRef
    presentedBy: URIRef
    adoptedAt: URIRef
    hasProvision: URIRef
    # -- programmes
    hasPhase: URIRef
    phaseNumber: URIRef
    hasResult: URIRef
    resultQuantity: URIRef
    managedBy: URIRef
    # -- time
    precision: URIRef
    dateNote: URIRef
    confirmedUntil: URIRef
    confirmedBy: URIRef
    endDerivation: URIRef
    followedBy: URIRef
    # -- provenance and conflicts
    seedFile: URIRef
    sourceUrl: URIRef
    conflictSubject: URIRef
    conflictProperty: URIRef
    hasClaim: URIRef
    claimedValue: URIRef
    passage: URIRef
    preferredClaim: URIRef
    preferenceNote: URIRef
    verificationStatus: URIRef
    verificationNote: URIRef
    notBefore: URIRef
    notBeforeNote: URIRef
    listsAllMembersOf: URIRef


PREFIXES: dict[str, str] = {
    "mg": str(MG._NS),
    "id": str(ID),
    "vocab": str(VOCAB),
    "org": "http://www.w3.org/ns/org#",
    "time": "http://www.w3.org/2006/time#",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "wd": str(WD),
}


def bind_prefixes(graph: Graph) -> Graph:
    """The graph, with the project's prefixes bound (in place of rdflib's own for the same names)."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def compact(iri: str) -> str:
    """``https://w3id.org/mig-graph/ontology#State`` → ``mg:State`` for the known prefixes."""
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri
