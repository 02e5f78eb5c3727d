"""How nodes are identified and named: identifiers from IRIs, kinds from classes, display names."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rdflib import RDFS, SKOS, Graph, URIRef

from mig_graph import paths
from mig_graph.namespaces import ID, MG

__all__ = ["KINDS", "KIND_LABELS", "NODE_FIELDS", "display_name", "node_id", "node_iri"]

_ORG = "http://www.w3.org/ns/org#"

KINDS: tuple[tuple[str, str], ...] = (
    (str(MG.State), "state"),
    (str(MG.JointProgramme), "joint-programme"),
    (str(MG.Declaration), "declaration"),
    (str(MG.Meeting), "meeting"),
    (str(MG.MeetingSeries), "meeting-series"),
    (str(MG.GlobalProcess), "global-process"),
    (str(MG.InterRegionalForum), "inter-regional-forum"),
    (str(MG.RegionalConsultativeProcess), "regional-consultative-process"),
    (str(MG.ConsultationMechanism), "consultation-mechanism"),
    (str(MG.IntergovernmentalOrganisation), "intergovernmental-organisation"),
    (str(MG.UNSystemOrganisation), "un-system-organisation"),
    (str(MG.RegionalOrganisation), "regional-organisation"),
    (str(MG.OrganisationSystem), "organisation-system"),
    (str(MG.GovernmentBody), "government-body"),
    (str(MG.GovernmentAgency), "government-agency"),
    (str(MG.AcademicInstitution), "academic-institution"),
    (_ORG + "FormalOrganization", "organisation"),
    (str(MG.Document), "document"),
)
"""(class IRI, kind) in order of precedence: a node's ``kind`` is the first that applies.

MiDIOCC, typed both inter-regional forum and regional consultative process (a recorded
conflict), is an ``inter-regional-forum`` with ``kinds`` listing both.
"""


def _kind_labels() -> dict[str, dict[str, str]]:
    """Each kind's English and French name, read from the ontology: the class's ``skos:altLabel``
    in that language (the short name, for legends), else its ``rdfs:label``, else the kind itself
    (``org:FormalOrganization`` has no label in the ontology)."""
    ontology = Graph().parse(paths.ontology_file(), format="turtle")
    names: dict[str, dict[str, str]] = {}
    for class_iri, kind in KINDS:
        names[kind] = {}
        for language in ("en", "fr"):
            found = [
                str(label)
                for predicate in (SKOS.altLabel, RDFS.label)
                for label in ontology.objects(URIRef(class_iri), predicate)
                if getattr(label, "language", None) == language
            ]
            names[kind][language] = found[0] if found else kind.replace("-", " ")
    return names


KIND_LABELS: dict[str, dict[str, str]] = _kind_labels()
"""English and French names of the kinds, for legends and tables, from the ontology's labels.

>>> KIND_LABELS["regional-consultative-process"]
{'en': 'regional consultative process', 'fr': 'processus consultatif régional'}
>>> KIND_LABELS["state"]
{'en': 'state', 'fr': 'État'}
"""

NODE_FIELDS = (
    "label_en",
    "label_fr",
    "acronym_en",
    "acronym_fr",
    "iso_alpha2",
    "iso_alpha3",
    "wikidata",
    "part_of",
)
"""The node attributes read as they are stated (besides ``iri``, ``kind(s)``, ``start``, ``end``)."""


def node_id(iri: str) -> str:
    """The node identifier of an IRI: the path under the project's ``id/`` base.

    Parameters
    ----------
    iri
        An IRI, of the project or not.

    Returns
    -------
    str
        The IRI without the ``…/id/`` base; any other IRI unchanged.

    Examples
    --------
    >>> node_id("https://w3id.org/mig-graph/id/state/FRA")
    'state/FRA'
    >>> node_id("http://example.org/x")
    'http://example.org/x'
    """
    base = str(ID)
    return iri[len(base) :] if iri.startswith(base) else iri


def node_iri(node: str) -> str:
    """The IRI of a node identifier (the inverse of :func:`node_id`).

    Parameters
    ----------
    node
        A node identifier (``state/FRA``) or a full IRI.

    Returns
    -------
    str
        The IRI under the project's ``id/`` base; a full IRI unchanged.

    Examples
    --------
    >>> node_iri("state/FRA")
    'https://w3id.org/mig-graph/id/state/FRA'
    >>> node_iri("http://example.org/x")
    'http://example.org/x'
    """
    return node if "://" in node else str(ID) + node


def display_name(attributes: Mapping[str, Any], lang: str = "en", *, short: bool = True) -> str:
    """A node's name for tables and plots.

    Parameters
    ----------
    attributes
        The node's attributes (``acronym_en``, ``label_fr``, ``iso_alpha3``, ``iri``…).
    lang
        ``"en"`` or ``"fr"``; the other language is the fallback.
    short
        Prefer the acronym or ISO alpha-3 code to the label.

    Returns
    -------
    str
        The acronym or ISO alpha-3 code (``short``), else the label, else the IRI.

    Examples
    --------
    >>> display_name({"label_en": "France", "label_fr": "France", "iso_alpha3": "FRA"})
    'FRA'
    >>> display_name({"label_en": "Lima Declaration", "label_fr": "Déclaration de Lima"}, "fr")
    'Déclaration de Lima'
    """
    other = "fr" if lang == "en" else "en"
    if short:
        for key in (f"acronym_{lang}", f"acronym_{other}", "iso_alpha3"):
            if attributes.get(key):
                return str(attributes[key])
    label = attributes.get(f"label_{lang}") or attributes.get(f"label_{other}") or attributes.get("iri", "")
    return str(label)
