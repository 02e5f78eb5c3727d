"""The endpoint's query page: YASGUI, offline, with the library's queries as named examples.

The page (``templates/endpoint_page.html.j2``) loads YASGUI (``@zazuko/yasgui``) and the page's own
scripts (``static/query/``) from the endpoint itself, under :data:`ASSETS_PATH`; the vendored files,
their licences and versions are in ``static/vendor/`` (``scripts/vendor_web_assets.py`` refreshes
them). Its :data:`CONTENT_SECURITY_POLICY` lets it reach nothing but the endpoint: remote prefix and
vocabulary completion are off, and the map draws Natural Earth's boundaries shipped in the package.

Each library query is an example with its parameters bound by their defaults exactly as
``mig-graph query NAME`` binds them (:func:`mig_graph.query.library.bind_parameters`, entities
resolved on the same graph), and opens in its header's view (``# view: map``).
"""

from __future__ import annotations

from typing import Any

from rdflib import Dataset
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from mig_graph.errors import InputError
from mig_graph.namespaces import BASE
from mig_graph.paths import static_dir
from mig_graph.query.library import VIEWS, LibraryQuery, bind_parameters, library, resolve_entity, run_local
from mig_graph.records.countries import numeric_codes
from mig_graph.rendering import render

__all__ = ["ASSETS_PATH", "CONTENT_SECURITY_POLICY", "asset_routes", "example_queries", "query_page"]

ASSETS_PATH = "/query-page"
"""Where the page's scripts, style sheets, boundaries and licences are served (``static/``)."""

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",  # CodeMirror and DataTables set style attributes
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)
"""The page's policy: scripts, styles, requests and images from the endpoint itself only."""


def _example(query: LibraryQuery, dataset: Dataset) -> dict[str, Any]:
    """One example: the query bound by its defaults, and what each parameter was bound to."""

    def resolve(value: str) -> Any:
        return resolve_entity(value, lambda text: run_local(dataset, text))

    parameters = [
        {"name": p.name, "value": p.default or "", "description": p.description} for p in query.parameters
    ]
    try:
        text, note = bind_parameters(query, {}, resolve), ""
    except InputError as error:  # a default this graph does not hold: the parameter stays free
        text, note = query.text, str(error)
    return {
        "name": query.name,
        "title": query.title,
        "description": query.description,
        "parameters": parameters,
        "note": note,
        "view": query.view,
        "query": text,
    }


def example_queries(dataset: Dataset) -> list[dict[str, Any]]:
    """The library's queries as the page offers them, in the order of their names, bound on ``dataset``."""
    return [_example(query, dataset) for query in library().values()]


def query_page(examples: list[dict[str, Any]], *, entity_pages: bool = False) -> str:
    """The HTML query page offering ``examples`` (as :func:`example_queries` gives them).

    With ``entity_pages`` (the endpoint serves the published site) result IRIs under the graph's
    base link to the entity pages of this server; otherwise they keep their own address.
    """
    settings = {
        "base": BASE,
        "entityPages": entity_pages,
        "views": list(VIEWS),
        "boundaries": f"{ASSETS_PATH.lstrip('/')}/vendor/world-atlas/countries-110m.json",
    }
    return render(
        "endpoint_page.html.j2",
        title="mig-graph SPARQL endpoint",
        lang="en",
        examples=examples,
        settings=settings,
        numeric_codes=numeric_codes(),
        assets=ASSETS_PATH.lstrip("/"),
    )


def asset_routes() -> list[Mount]:
    """The route serving ``static/`` (YASGUI, the page's scripts, the boundaries, the licences)."""
    return [Mount(ASSETS_PATH, app=StaticFiles(directory=static_dir()), name="query-page")]
