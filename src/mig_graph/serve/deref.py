"""Dereferencing: the published site behind the endpoint, with content negotiation for identifiers.

``GET /id/process/midiocc`` answers ``303 See Other`` to the document in the format the
``Accept`` header prefers (``.html``, ``.ttl``, ``.jsonld``, ``.nt``, ``.rdf``), ``406`` when
none is acceptable and ``404`` for an unknown entity; ``/ontology`` likewise.  Documents and
the rest of the site are served as static files; no request path ever leaves the site folder.
"""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from mig_graph.rdf.formats import document_offers
from mig_graph.rdf.negotiation import content_type, negotiate

__all__ = ["DOCUMENT_TYPES", "MEDIA_BY_EXTENSION", "site_routes"]

DOCUMENT_TYPES: tuple[tuple[str, str], ...] = tuple(
    (media, "html" if fmt is None else fmt.file_extension) for media, fmt in document_offers(html=True)
)
"""``(media type, extension)`` of a described resource's documents, the page first (the table of
:mod:`mig_graph.rdf.formats`)."""

MEDIA_BY_EXTENSION = {extension: media for media, extension in DOCUMENT_TYPES}


def _inside(root: Path, relative: str) -> Path | None:
    """The file ``relative`` names under ``root``, or None if it would leave the folder."""
    candidate = (root / relative).resolve()
    return candidate if candidate.is_relative_to(root) else None


def _document(root: Path, relative: str) -> Response:
    extension = relative.rsplit(".", 1)[-1]
    path = _inside(root, relative)
    if path is None or not path.is_file():
        return PlainTextResponse("Not found\n", status_code=404)
    return FileResponse(path, media_type=content_type(MEDIA_BY_EXTENSION[extension]))


def _see_other(root: Path, stem: str, accept: str | None) -> Response:
    path = _inside(root, f"{stem}.html")
    if path is None or not path.is_file():
        return PlainTextResponse("Unknown entity\n", status_code=404)
    chosen = negotiate(accept, DOCUMENT_TYPES)
    if chosen is None:
        offered = ", ".join(media for media, _ in DOCUMENT_TYPES)
        return PlainTextResponse(f"Not acceptable: this entity is available as {offered}\n", status_code=406)
    return RedirectResponse(f"/{stem}.{chosen[1]}", status_code=303, headers={"Vary": "Accept"})


def site_routes(site: Path) -> list[BaseRoute]:
    """Routes that dereference ``/id/…`` and ``/ontology`` and serve the site's files."""
    root = site.resolve()

    async def entity(request: Request) -> Response:
        path = request.path_params["path"]
        if path.rsplit(".", 1)[-1] in MEDIA_BY_EXTENSION and "." in path.rsplit("/", 1)[-1]:
            return _document(root, f"id/{path}")
        return _see_other(root, f"id/{path}", request.headers.get("accept"))

    async def ontology(request: Request) -> Response:
        chosen = negotiate(request.headers.get("accept"), DOCUMENT_TYPES)
        if chosen is None:
            return PlainTextResponse("Not acceptable\n", status_code=406)
        target = "/ontology/index.html" if chosen[1] == "html" else f"/ontology/mig-graph.{chosen[1]}"
        return RedirectResponse(target, status_code=303, headers={"Vary": "Accept"})

    async def void(request: Request) -> Response:
        return FileResponse(root / ".well-known" / "void", media_type="text/turtle; charset=utf-8")

    return [
        Route("/id/{path:path}", entity, methods=["GET", "HEAD"]),
        Route("/ontology", ontology, methods=["GET", "HEAD"]),
        Route("/.well-known/void", void, methods=["GET", "HEAD"]),
        Mount("/", app=StaticFiles(directory=root, html=True)),
    ]
