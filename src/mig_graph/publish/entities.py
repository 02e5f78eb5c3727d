"""An entity's documents: its page in each language and its RDF in each format, from the store.

The static site writes them for every entity (:mod:`mig_graph.publish.site`); ``serve --store``
renders them on request with the same function, so both give the same bytes.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

import pyoxigraph as ox

from mig_graph.namespaces import BASE
from mig_graph.publish.describe import Description, describe, serialise
from mig_graph.publish.labels import Labels
from mig_graph.publish.pages import render_entity
from mig_graph.publish.sitepaths import page_of
from mig_graph.publish.statements import build_page
from mig_graph.rdf.formats import DOCUMENT_FORMATS
from mig_graph.rdf.resolution import LANGUAGES, owner

__all__ = ["EntityDocuments", "dependents_of", "entity_document", "entity_documents"]


def dependents_of(store: ox.Store, iri: str) -> list[str]:
    """The dependent nodes of ``iri`` found by following links from it and to it (a session names
    its meeting, a meeting its interval), through nodes of the same entity.

    Parameters
    ----------
    store : pyoxigraph.Store
        The graph.
    iri : str
        An entity.

    Returns
    -------
    list of str
        The subjects whose page is the entity's, sorted.
    """
    found: set[str] = set()
    frontier = [iri]
    while frontier:
        node = ox.NamedNode(frontier.pop())
        neighbours = [quad.object for quad in store.quads_for_pattern(node, None, None, ox.DefaultGraph())]
        neighbours += [quad.subject for quad in store.quads_for_pattern(None, None, node, ox.DefaultGraph())]
        for term in neighbours:
            value = term.value if isinstance(term, ox.NamedNode) else ""
            if (
                value.startswith(iri + "/")
                and value not in found
                and owner(value) == iri
                and next(store.quads_for_pattern(term, None, None, ox.DefaultGraph()), None) is not None
            ):
                found.add(value)
                frontier.append(value)
    return sorted(found)


def entity_documents(
    store: ox.Store, labels: Labels, iri: str, dependents: Iterable[str], version: str
) -> tuple[dict[str, str], Description]:
    """The site paths and texts of an entity's pages (one per language) and RDF documents.

    Parameters
    ----------
    store : pyoxigraph.Store
        The graph.
    labels : Labels
        The labels of every IRI (:func:`mig_graph.publish.labels.read_labels`).
    iri : str
        The entity.
    dependents : iterable of str
        Its dependent nodes.
    version : str
        The dataset's version, shown on the pages.

    Returns
    -------
    (dict of str to str, Description)
        Each document's site path and text, and the description they were written from.
    """
    description = describe(store, iri, dependents)
    jsonld = serialise(description.triples, ox.RdfFormat.JSON_LD)
    documents: dict[str, str] = {}
    for language in LANGUAGES:
        page = build_page(store, description, labels, language)
        documents[page.path] = render_entity(page, jsonld, version)
    stem = _stem(iri)
    for fmt in DOCUMENT_FORMATS:
        documents[f"{stem}.{fmt.file_extension}"] = (
            jsonld if fmt == ox.RdfFormat.JSON_LD else serialise(description.triples, fmt)
        )
    return documents, description


def entity_document(
    store: ox.Store, labels: Labels, iri: str, dependents: Iterable[str], version: str, extension: str
) -> str | None:
    """One of :func:`entity_documents`' texts, the only one made: the page or RDF document of the
    entity ``iri`` named by ``extension`` (``html``, ``fr.html``, ``ttl``…), or None for another.

    Parameters
    ----------
    store, labels, iri, dependents, version
        As for :func:`entity_documents`.
    extension : str
        What follows the entity's name in the document's (``midiocc.fr.html`` → ``fr.html``).

    Returns
    -------
    str or None
        The document's text, the same as the static site's file.
    """
    languages = {"html": LANGUAGES[0], **{f"{language}.html": language for language in LANGUAGES[1:]}}
    formats = {fmt.file_extension: fmt for fmt in DOCUMENT_FORMATS}
    if extension not in languages and extension not in formats:
        return None
    description = describe(store, iri, dependents)
    if extension in formats:
        return serialise(description.triples, formats[extension])
    jsonld = serialise(description.triples, ox.RdfFormat.JSON_LD)
    return render_entity(build_page(store, description, labels, languages[extension]), jsonld, version)


def _stem(iri: str) -> str:
    """The site path of the entity's documents without their extension (``id/process/midiocc``)."""
    return (page_of(iri) or "")[: -len(".html")]


class EntityDocuments:
    """The documents of ``/id/…`` rendered from the store on request (``serve --store``).

    Parameters
    ----------
    store : pyoxigraph.Store
        The graph.
    labels : Labels
        Its labels, read once.
    version : str
        The dataset's version.
    """

    def __init__(self, store: ox.Store, labels: Labels, version: str) -> None:
        self.store = store
        self.labels = labels
        self.version = version

    def exists(self, iri: str) -> bool:
        """Whether the graph says anything about ``iri`` (as a subject)."""
        node = ox.NamedNode(iri)
        return next(self.store.quads_for_pattern(node, None, None, ox.DefaultGraph()), None) is not None

    def document(self, path: str) -> str | None:
        """The text of the site document at ``path`` (``id/process/midiocc.fr.html``), or None."""
        directory, name = posixpath.split(path)
        # a slug may hold dots: try each split point, the longest stem first
        pieces = name.split(".")
        for cut in range(len(pieces) - 1, 0, -1):
            stem, extension = ".".join(pieces[:cut]), ".".join(pieces[cut:])
            iri = f"{BASE}{directory}/{stem}"
            if extension in _EXTENSIONS and owner(iri) == iri and _stem(iri) == path[: -len(extension) - 1]:
                dependents = dependents_of(self.store, iri)
                if dependents or self.exists(iri):
                    return entity_document(self.store, self.labels, iri, dependents, self.version, extension)
        return None

    def has_page(self, iri: str) -> bool:
        """Whether ``iri`` is an entity with a page: a subject, or the entity of one."""
        return self.exists(iri) or bool(dependents_of(self.store, iri))


_EXTENSIONS = {
    "html",
    *(f"{language}.html" for language in LANGUAGES[1:]),
    *(fmt.file_extension for fmt in DOCUMENT_FORMATS),
}
