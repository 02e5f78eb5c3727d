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
from collections.abc import Iterable, Iterator

from mig_graph.namespaces import ONTOLOGY_IRI
from mig_graph.publish.sitepaths import page_of, relative_link
from mig_graph.publish.statements import EntityPage
from mig_graph.rdf.formats import DOCUMENT_FORMATS, media_type
from mig_graph.rdf.resolution import LANGUAGES
from mig_graph.rendering import render, render_pieces

__all__ = [
    "ALTERNATES",
    "alternates",
    "layout",
    "page_path",
    "render_downloads",
    "render_entity",
    "render_index",
]

ALTERNATES = [(fmt.name, fmt.file_extension) for fmt in DOCUMENT_FORMATS]
"""The RDF documents beside a page: (format name, extension)."""


def page_path(iri: str) -> str | None:
    """The site path of an IRI's (English) page, or None if not ours.

    >>> page_path("https://w3id.org/mig-graph/id/process/midiocc")
    'id/process/midiocc.html'
    >>> page_path("https://w3id.org/mig-graph/vocab/role/member")
    'vocab/role.html#member'
    """
    if iri == str(ONTOLOGY_IRI):
        return "ontology/index.html"
    return page_of(iri)


def layout(path: str, title: str, version: str, lang: str = "en") -> dict[str, object]:
    """What the layout of the page at ``path`` needs: its title, language, version and links."""
    return {"title": title, "lang": lang, "version": version, "link": functools.partial(relative_link, path)}


def alternates(stem: str) -> list[tuple[str, str, str]]:
    """``(format name, media type, address)`` of the RDF documents named ``stem.EXT``.

    >>> alternates("midiocc")[0]
    ('Turtle', 'text/turtle', 'midiocc.ttl')
    """
    return [(fmt.name, media_type(fmt), f"{stem}.{fmt.file_extension}") for fmt in DOCUMENT_FORMATS]


def render_entity(page: EntityPage, jsonld: str, version: str) -> str:
    """The HTML page of one entity in one language, with its description as embedded JSON-LD.

    Parameters
    ----------
    page : EntityPage
        What the page shows (:func:`mig_graph.publish.statements.build_page`).
    jsonld : str
        The entity's description as JSON-LD, embedded in the page.
    version : str
        The dataset's version.

    Returns
    -------
    str
        The page.
    """
    stem = posixpath.basename(page_of(page.iri) or "")[: -len(".html")]  # a slug may hold dots
    others = [language for language in LANGUAGES if language != page.language]
    return render(
        "site_entity.html.j2",
        **layout(page.path, page.title, version, page.language),
        entity=page,
        text=page.text,
        other_language=others[0],
        alternates=alternates(stem),
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
