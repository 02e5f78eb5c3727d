"""How nodes are identified and named: identifiers from IRIs, kinds from classes, display names."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from rdflib import RDFS, SKOS, Graph, URIRef

from mig_graph import paths
from mig_graph.namespaces import ID, MG

__all__ = ["KINDS", "KIND_LABELS", "NODE_FIELDS", "display_name", "distinct_names", "node_id", "node_iri"]

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


def _clip(text: str, limit: int | None) -> str:
    return text if limit is None or len(text) <= limit else text[: limit - 1].rstrip() + "…"


def distinct_names(
    nodes: Sequence[Mapping[str, Any]], lang: str = "en", *, limit: int | None = None
) -> list[str]:
    """Short names for ``nodes`` (their attributes), never two the same, each at most ``limit`` long.

    A short name (:func:`display_name`) that two nodes share, such as ``CAN`` for Canada and the
    Andean Community, gets the node's kind: ``CAN (state)``, ``CAN (regional organisation)``. A
    name that only clipping makes shared keeps its beginning and its end. Whatever still collides
    gets its identifier's last part.

    Parameters
    ----------
    nodes
        The nodes' attributes, in the order wanted.
    lang
        ``"en"`` or ``"fr"``.
    limit
        The longest name, or ``None``.

    Returns
    -------
    list of str
        One name per node, in order, all different (for different nodes).

    Examples
    --------
    >>> canada = {"iso_alpha3": "CAN", "kind": "state", "iri": "https://w3id.org/mig-graph/id/state/CAN"}
    >>> andean = {"acronym_en": "CAN", "kind": "regional-organisation",
    ...           "iri": "https://w3id.org/mig-graph/id/org/andean-community"}
    >>> distinct_names([canada, andean])
    ['CAN (state)', 'CAN (regional organisation)']
    >>> long = "Regional Consultative Process on Overseas Employment"
    >>> distinct_names([{"label_en": long + " A"}, {"label_en": long + " B"}], limit=20)
    ['Regional C…loyment A', 'Regional C…loyment B']
    """
    names = [_clip(display_name(attributes, lang), limit) for attributes in nodes]
    for attempt in (_with_kind, _head_and_tail, _with_identifier):
        counts = Counter(names)
        if all(count == 1 for count in counts.values()):
            break
        names = [
            attempt(attributes, name, lang, limit) if counts[name] > 1 else name
            for attributes, name in zip(nodes, names, strict=True)
        ]
    return names


def _with_kind(attributes: Mapping[str, Any], name: str, lang: str, limit: int | None) -> str:
    kind = KIND_LABELS.get(str(attributes.get("kind", "")), {}).get(lang, "")
    short = display_name(attributes, lang)
    return f"{short} ({kind})" if kind and (limit is None or len(short) + len(kind) + 3 <= limit) else name


def _head_and_tail(attributes: Mapping[str, Any], name: str, lang: str, limit: int | None) -> str:
    full = display_name(attributes, lang, short=False)
    if limit is None or len(full) <= limit:
        return full
    head = (limit - 1) // 2 + (limit - 1) % 2
    return full[:head].rstrip() + "…" + full[len(full) - (limit - 1 - head) :].lstrip()


def _with_identifier(attributes: Mapping[str, Any], name: str, lang: str, limit: int | None) -> str:
    tail = str(attributes.get("iri", "")).rsplit("/", 1)[-1]
    room = None if limit is None else max(1, limit - len(tail) - 3)
    return f"{_clip(name, room)} [{tail}]"
