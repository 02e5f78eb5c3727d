"""HTML pages of the published site: one per entity, the index and the downloads; the layout's links.

Pages are templates (``templates/site_*.html.j2``, on the layout ``site_page.html.j2``) rendered by
:mod:`mig_graph.rendering`; they are self-contained (the style sheet and scripts inline, no external
resource) and link to each other with relative addresses, so the site works from any static host
and from the file system.  This module prepares what each page shows; the templates say how.
The pages of the vocabularies and the ontology are in :mod:`mig_graph.publish.termpages`.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from mig_graph.namespaces import BASE, ID, MG, ONTOLOGY_IRI, VOCAB, compact
from mig_graph.rdf.formats import DOCUMENT_FORMATS
from mig_graph.rendering import render, render_pieces

__all__ = [
    "ALTERNATES",
    "EntityView",
    "Labels",
    "ShownValue",
    "layout",
    "page_path",
    "render_downloads",
    "render_entity",
    "render_index",
]

INVERSE = {
    "http://www.w3.org/ns/org#member": "is member in",
    "http://www.w3.org/ns/org#organization": "has membership",
    "https://w3id.org/mig-graph/ontology#participant": "takes part in",
    "https://w3id.org/mig-graph/ontology#inEvent": "has participant",
    "https://w3id.org/mig-graph/ontology#signatory": "signs",
    "https://w3id.org/mig-graph/ontology#signedDocument": "is signed in",
    "https://w3id.org/mig-graph/ontology#holder": "holds",
    "https://w3id.org/mig-graph/ontology#heldPost": "is held in",
    "http://www.w3.org/ns/prov#wasDerivedFrom": "is the source of",
    "https://schema.org/superEvent": "has event",
}
_DATE_KINDS = {"gYear", "gYearMonth", "date"}
_XSD = "http://www.w3.org/2001/XMLSchema#"
ALTERNATES = [(fmt.name, fmt.file_extension) for fmt in DOCUMENT_FORMATS]


def page_path(iri: str) -> str | None:
    """The site path of an IRI's HTML page, or None if not ours.

    >>> page_path("https://w3id.org/mig-graph/id/process/midiocc")
    'id/process/midiocc.html'
    >>> page_path("https://w3id.org/mig-graph/vocab/role/member")
    'vocab/role.html#member'
    """
    for base in (str(ID), str(VOCAB)):
        if iri.startswith(base):
            rest = iri[len(BASE) :]
            if base == str(VOCAB):
                scheme, _, concept = iri[len(base) :].partition("/")
                return f"vocab/{scheme}.html" + (f"#{concept}" if concept else "")
            return f"{rest}.html"
    if iri.startswith(str(MG._NS)):
        return f"ontology/index.html#{iri[len(str(MG._NS)) :]}"
    if iri == str(ONTOLOGY_IRI):
        return "ontology/index.html"
    return None


def _link(from_path: str, to_path: str) -> str:
    """The address of a site path from a page's: ``posixpath.relpath`` of the two, but without its
    look at the working directory (a page has tens of links and a large site many pages).

    >>> _link("id/state/FRA.html", "ontology/index.html#State")
    '../../ontology/index.html#State'
    """
    target, _, anchor = to_path.partition("#")
    start = [part for part in posixpath.dirname(from_path).split("/") if part]
    path = [part for part in target.split("/") if part]
    common = 0
    while common < min(len(start), len(path)) and start[common] == path[common]:
        common += 1
    relative = "/".join([".."] * (len(start) - common) + path[common:]) or "."
    return relative + (f"#{anchor}" if anchor else "")


@dataclass
class Labels:
    """English and French labels of every labelled IRI, and the precision of every instant."""

    english: dict[str, str] = field(default_factory=dict)
    french: dict[str, str] = field(default_factory=dict)
    precision: dict[str, str] = field(default_factory=dict)
    owners: dict[str, str] = field(default_factory=dict)

    def page(self, iri: str) -> str | None:
        """The page that describes an IRI: its own, or its owner's at the node's anchor."""
        owner = self.owners.get(iri, iri)
        path = page_path(owner)
        if path is None or owner == iri:
            return path
        return f"{path}#{iri[len(owner) + 1 :]}"

    def of(self, iri: str) -> str:
        """The IRI's English label, else its French one, else its compact form."""
        return self.english.get(iri) or self.french.get(iri) or compact(iri)


@dataclass
class EntityView:
    """What an entity page shows: its triples (with dependent nodes), sources per triple, incoming links."""

    iri: str
    description: Graph
    sources: Mapping[tuple[Node, Node, Node], list[str]]
    incoming: list[tuple[str, str, str]]
    kinds: list[str]
    version: str


@dataclass(frozen=True)
class ShownValue:
    """A term as a page shows it: a link (``href``), a tagged text (``language``), a date, or a text."""

    text: str
    href: str | None = None
    precision: str = ""
    language: str = ""
    date_kind: str = ""


@dataclass(frozen=True)
class _Statement:
    anchor: str
    node: str
    predicate: ShownValue
    value: ShownValue
    sources: list[ShownValue]


@dataclass(frozen=True)
class _IncomingLink:
    relation: str
    source: ShownValue
    summary: str


def _shown(term: Node, from_path: str, labels: Labels) -> ShownValue:
    """How the page at ``from_path`` shows ``term``."""
    if isinstance(term, Literal):
        text = str(term)
        if term.language:
            return ShownValue(text, language=term.language)
        if term.datatype is not None and str(term.datatype).startswith(_XSD):
            kind = str(term.datatype).rsplit("#", 1)[1]
            if kind in _DATE_KINDS:
                return ShownValue(text, date_kind=kind)
        return ShownValue(text)
    iri = str(term)
    target = labels.page(iri)
    href = iri if target is None else _link(from_path, target)
    return ShownValue(labels.of(iri), href=href, precision=labels.precision.get(iri, ""))


def layout(path: str, title: str, version: str) -> dict[str, object]:
    """What the layout of the page at ``path`` needs: its title, version and links."""
    return {"title": title, "lang": "en", "version": version, "link": functools.partial(_link, path)}


def _statements(view: EntityView, path: str, labels: Labels) -> Iterator[_Statement]:
    """The rows of an entity's statements: its own first, then its nodes', each node anchored once."""
    anchored: set[str] = set()
    ordered = sorted(view.description, key=lambda t: (str(t[0]) != view.iri, str(t[0]), str(t[1]), t[2].n3()))
    for s, p, o in ordered:
        node = str(s)[len(view.iri) + 1 :]
        anchor = node if node and node not in anchored else ""
        anchored.add(node)
        sources = [_shown(URIRef(source), path, labels) for source in sorted(view.sources.get((s, p, o), []))]
        yield _Statement(anchor, node, _shown(p, path, labels), _shown(o, path, labels), sources)


def render_entity(view: EntityView, labels: Labels, jsonld: str) -> str:
    """The HTML page of one entity, with its triples as embedded JSON-LD.

    Parameters
    ----------
    view : EntityView
        The entity's statements, their sources and the links to it.
    labels : Labels
        The labels and pages of every IRI the page names.
    jsonld : str
        The entity's description as JSON-LD, embedded in the page.

    Returns
    -------
    str
        The page.
    """
    path = page_path(view.iri) or "index.html"
    english, french = labels.english.get(view.iri), labels.french.get(view.iri)
    links = [
        _IncomingLink(
            INVERSE.get(predicate, f"is {compact(predicate)} of"),
            _shown(URIRef(subject), path, labels),
            summary,
        )
        for predicate, subject, summary in view.incoming
    ]
    return render(
        "site_entity.html.j2",
        **layout(path, english or french or compact(view.iri), view.version),
        french=french if french and french != english else "",
        iri=view.iri,
        kinds=view.kinds,
        stem=posixpath.basename(path)[: -len(".html")],
        formats=ALTERNATES,
        statements=_statements(view, path, labels),
        links=links,
        jsonld=jsonld,
    )


def render_index(
    counts: list[tuple[str, int]],
    entities: list[tuple[str, str, str, str]],
    triples: int,
    version: str,
    dataset_jsonld: dict[str, object] | None = None,
) -> Iterator[str]:
    """The home page, in pieces to write one after another: what the dataset is, counts, a search by
    name and a browse by kind.

    Parameters
    ----------
    counts : list of (str, int)
        Entities per kind.
    entities : list of (str, str, str, str)
        ``(iri, kind, English label, French label)`` of every listed entity.
    triples : int
        The number of triples of the graph.
    version : str
        The dataset's version.
    dataset_jsonld : dict, optional
        The schema.org ``Dataset`` (:func:`~mig_graph.publish.schema_org.schema_org_dataset`),
        embedded in the page's head for harvesters.

    Returns
    -------
    Iterator[str]
        The page, in pieces.
    """
    by_kind: dict[str, list[tuple[str, str]]] = {}
    for iri, kind, english, _ in entities:
        by_kind.setdefault(kind, []).append((page_path(iri) or "", english))
    kinds = [
        (kind, kind.replace(":", "-"), sorted(by_kind[kind], key=lambda item: item[1].casefold()))
        for kind in sorted(by_kind)
    ]
    search_entries = (
        {"label": english, "fr": french, "kind": kind, "href": page_path(iri)}
        for iri, kind, english, french in entities
    )
    return render_pieces(
        "site_index.html.j2",
        **layout("index.html", "mig-graph", version),
        triples=triples,
        entity_count=len(entities),
        counts=counts,
        kinds=kinds,
        search_entries=search_entries,
        dataset_jsonld=dataset_jsonld,
    )


def render_downloads(files: Iterable[tuple[str, str, int, str]], version: str, released: str) -> str:
    """The downloads page: each dump's file name, media type, size in bytes and SHA-256 sum.

    Parameters
    ----------
    files : iterable of (str, str, int, str)
        ``(file name, media type, bytes, SHA-256 in hexadecimal)`` of each dump.
    version : str
        The dataset's version.
    released : str
        The release date.

    Returns
    -------
    str
        The page.
    """
    return render(
        "site_downloads.html.j2",
        **layout("dumps/index.html", "Downloads", version),
        files=list(files),
        released=released,
    )
