"""Dereferencing: the published site behind the endpoint, with content negotiation for every IRI.

Every IRI the graph mints under the base is resolved by the rule table of
:mod:`mig_graph.rdf.resolution`, which the site's ``.htaccess`` is written from: ``GET
/id/process/midiocc`` answers ``303 See Other`` to the document in the format the ``Accept``
header prefers (``.html``, ``.ttl``, ``.jsonld``, ``.nt``, ``.rdf``; ``application/json`` gets
JSON-LD), with ``Vary: Accept``; a dependent node (``/id/process/midiocc/interval/2020-03--``)
to its entity's documents, the page at the node's anchor; a concept (``/vocab/role/member``) to
its list's; ``/ontology`` to the ontology's. ``406`` when no format is acceptable, ``404`` for
what the graph does not describe. Documents and the rest of the site are served as static files,
or, for ``/id/…``, rendered from the store on request when the site has no entity files
(:class:`mig_graph.publish.entities.EntityDocuments`, passed in by the command line); no request
path ever leaves the site folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from mig_graph.namespaces import BASE
from mig_graph.rdf.negotiation import content_type, negotiate
from mig_graph.rdf.resolution import OFFERS, RULES, is_document, resolve

__all__ = ["DOCUMENT_TYPES", "MEDIA_BY_EXTENSION", "DynamicDocuments", "site_routes"]

DOCUMENT_TYPES: tuple[tuple[str, str], ...] = OFFERS
"""``(media type, extension)`` of a described resource's documents, the page first (the table of
:mod:`mig_graph.rdf.resolution`)."""

MEDIA_BY_EXTENSION = {extension: media for media, extension in reversed(DOCUMENT_TYPES)}
_VARY = {"Vary": "Accept"}


class DynamicDocuments(Protocol):
    """What renders ``/id/…`` documents on request (the store's entities)."""

    def document(self, path: str) -> str | None: ...

    def has_page(self, iri: str) -> bool: ...


def _inside(root: Path, relative: str) -> Path | None:
    """The file ``relative`` names under ``root``, or None if it would leave the folder."""
    candidate = (root / relative).resolve()
    return candidate if candidate.is_relative_to(root) else None


def _media(relative: str) -> str:
    return content_type(MEDIA_BY_EXTENSION[relative.rsplit(".", 1)[-1]])


class _Resolver:
    """Answers requests for the resolved paths of one site (and, maybe, the store's entities)."""

    def __init__(self, root: Path, store: ox.Store | None, dynamic: DynamicDocuments | None) -> None:
        self.root = root
        self.store = store
        self.dynamic = dynamic

    def _file(self, relative: str) -> Path | None:
        path = _inside(self.root, relative)
        return path if path is not None and path.is_file() else None

    def document(self, relative: str) -> Response:
        path = self._file(relative)
        if path is not None:
            return FileResponse(path, media_type=_media(relative))
        if self.dynamic is not None and relative.startswith("id/") and _inside(self.root, relative):
            text = self.dynamic.document(relative)
            if text is not None:
                return Response(text, media_type=_media(relative))
        return PlainTextResponse("Not found\n", status_code=404)

    def described(self, relative: str, page: str) -> bool:
        """Whether the graph describes the resource at ``relative``, whose page is ``page``."""
        if self.store is not None and page.startswith("id/") and relative != page[: -len(".html")]:
            # a dependent node: its entity's page exists, but does the node?
            node = ox.NamedNode(BASE + relative)
            if next(self.store.quads_for_pattern(node, None, None, None), None) is None:
                return False
        if self.store is not None and relative.startswith("vocab/"):
            node = ox.NamedNode(BASE + relative)
            if next(self.store.quads_for_pattern(node, None, None, None), None) is None:
                return False
        if self._file(page) is not None:
            return True
        if self.dynamic is not None and page.startswith("id/"):
            return self.dynamic.has_page(BASE + page[: -len(".html")])
        return False

    async def answer(self, request: Request) -> Response:
        relative = request.url.path.lstrip("/")
        if _inside(self.root, relative) is None:
            return PlainTextResponse("Not found\n", status_code=404)
        if is_document(relative):
            return self.document(relative)
        resolution = resolve(relative)
        if resolution is None or not self.described(relative, resolution.described_by):
            return PlainTextResponse("Not described here\n", status_code=404, headers=_VARY)
        chosen = negotiate(request.headers.get("accept"), DOCUMENT_TYPES)
        if chosen is None:
            offered = ", ".join(media for media, _ in DOCUMENT_TYPES)
            return PlainTextResponse(
                f"Not acceptable: this resource is available as {offered}\n", status_code=406, headers=_VARY
            )
        return RedirectResponse(f"/{resolution.document(chosen[1])}", status_code=303, headers=_VARY)


def site_routes(
    site: Path, *, store: ox.Store | None = None, documents: DynamicDocuments | None = None
) -> list[BaseRoute]:
    """Routes that dereference the IRIs under ``id/``, ``vocab/`` and ``ontology`` and serve the site.

    Parameters
    ----------
    site : Path
        A folder written by ``mig-graph publish``.
    store : pyoxigraph.Store, optional
        The graph, to answer 404 for a dependent node or a concept it does not describe.
    documents : DynamicDocuments, optional
        Renders the ``/id/…`` documents the site has no file for.

    Returns
    -------
    list of routes
        For a Starlette application.
    """
    root = site.resolve()
    resolver = _Resolver(root, store, documents)

    async def void(request: Request) -> Response:
        return FileResponse(root / ".well-known" / "void", media_type="text/turtle; charset=utf-8")

    prefixes = sorted({rule.pattern.split("/")[0].lstrip("^").rstrip("$") for rule in RULES})
    routes: list[BaseRoute] = []
    for prefix in prefixes:
        routes.append(Route(f"/{prefix}", resolver.answer, methods=["GET", "HEAD"]))
        routes.append(Route(f"/{prefix}/{{path:path}}", resolver.answer, methods=["GET", "HEAD"]))
    return [
        *routes,
        Route("/.well-known/void", void, methods=["GET", "HEAD"]),
        Mount("/", app=StaticFiles(directory=root, html=True)),
    ]
