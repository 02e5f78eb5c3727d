"""The SPARQL 1.1 endpoint: the graph over HTTP, read-only, with a query page for browsers.

``/sparql`` follows the SPARQL 1.1 Protocol (query by GET, form POST or direct
POST, :mod:`mig_graph.serve.protocol`; results by content negotiation). Each query's text is
checked first (:mod:`mig_graph.serve.querycheck`: size, nesting, ``SERVICE``, updates), then run in an
isolated worker process with no network (:mod:`mig_graph.serve.queryworkers`) within a
time limit, a memory limit and a result-size limit; a worker past a limit is killed
and replaced, so no query can take the server down or keep its slot.
A plain GET of ``/sparql`` describes the service (SPARQL Service Description,
:mod:`mig_graph.serve.description`); ``/`` and a browser's GET of ``/sparql`` give the HTML query page
(:mod:`mig_graph.serve.querypage`), and so does a browser's GET of ``/sparql?query=…`` (its
``Accept`` prefers HTML to every results format), where the page runs the query: such addresses are
shareable. A client gets the protocol's answer; every ``GET /sparql`` sends ``Vary: Accept``.
Requests pass the limits and CORS of :mod:`mig_graph.serve.middleware` first.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import tempfile
import time
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import uvicorn
from rdflib import Dataset
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Route

from mig_graph.namespaces import BASE, PREFIXES
from mig_graph.rdf.formats import HTML_MEDIA_TYPE, document_offers, results_offers
from mig_graph.rdf.negotiation import content_type, negotiate
from mig_graph.serve.deref import DynamicDocuments, site_routes
from mig_graph.serve.description import SERVICE_PREFIXES, graph_sizes, service_description
from mig_graph.serve.middleware import MAX_HEADER_BYTES, MAX_URL_BYTES, endpoint_middleware
from mig_graph.serve.protocol import MAX_BODY_BYTES, Refusal, graph_iris, plain, protocol_parameters
from mig_graph.serve.querycheck import QueryRefused, check_query
from mig_graph.serve.querypage import CONTENT_SECURITY_POLICY, asset_routes, example_queries, query_page
from mig_graph.serve.queryworkers import QueryJob, WorkerPool, timed_out_message
from mig_graph.store import oxigraph_store

__all__ = [
    "MAX_BODY_BYTES",
    "MAX_HEADER_BYTES",
    "MAX_RUNNING_QUERIES",
    "MAX_URL_BYTES",
    "MAX_WAITING_REQUESTS",
    "MAX_WORKER_MEMORY_BYTES",
    "SERVER_OPTIONS",
    "create_app",
    "serve",
]

MAX_RUNNING_QUERIES = 8
"""Queries evaluated at once, each in its own worker process; a request waits up to a second for a free
worker, then gets 503. A query past its time or memory limit is killed, which frees its worker."""

MAX_WAITING_REQUESTS = 4 * MAX_RUNNING_QUERIES
"""Requests running or waiting for a worker at once; more get 503 at once."""

MAX_WORKER_MEMORY_BYTES = 1024 * 1024 * 1024
"""Resident memory a query worker may use (1 GiB); past it the query is killed and refused with 503."""

_log = logging.getLogger(__name__)

_RESULT_OFFERS = results_offers()  # (media type matched in Accept, the format answered)
_GRAPH_OFFERS = document_offers()
_PAGE_OFFERS = (*_GRAPH_OFFERS, (HTML_MEDIA_TYPE, None))  # a description first, the page for browsers
_QUERY_OFFERS = (*_RESULT_OFFERS, *_GRAPH_OFFERS, (HTML_MEDIA_TYPE, None))  # the page if HTML is preferred
_ACCEPTED = ", ".join(media for media, _ in (*results_offers()[:4], *_GRAPH_OFFERS))
_QUERY_PREFIXES = {**PREFIXES, "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}


class _Endpoint:
    """The state behind the routes: the query workers, the limits, the page, the named graphs."""

    def __init__(
        self,
        dataset: Dataset,
        query_timeout: float,
        max_results: int,
        base_url: str,
        max_memory_bytes: int,
        entity_pages: bool,
    ) -> None:
        self.source: ox.Store = oxigraph_store(dataset)
        self.query_timeout = query_timeout
        self.max_results = max_results
        self.base_url = base_url
        self.max_memory_bytes = max_memory_bytes
        self.page = query_page(example_queries(dataset), entity_pages=entity_pages)
        self.graph_sizes = graph_sizes(self.source)
        self.pool: WorkerPool | None = None
        self.waiting = 0  # requests running or waiting for a worker (counted in the event loop's thread)
        self.waiters = ThreadPoolExecutor(MAX_WAITING_REQUESTS, thread_name_prefix="mig-graph waiter")

    @contextlib.asynccontextmanager
    async def lifespan(self, app: Starlette) -> AsyncIterator[None]:
        """Snapshot the graph into a folder the workers open read-only; start them; stop them at the end."""
        with tempfile.TemporaryDirectory(prefix="mig-graph-endpoint-") as folder:
            snapshot = Path(folder) / "store"
            await asyncio.to_thread(_snapshot, self.source, snapshot)
            self.pool = await asyncio.to_thread(
                WorkerPool, snapshot, MAX_RUNNING_QUERIES, self.max_memory_bytes
            )
            try:
                yield
            finally:
                self.pool.close()
                self.waiters.shutdown(wait=False, cancel_futures=True)

    async def home(self, request: Request) -> Response:
        return self._page()

    def _page(self) -> Response:
        """The query page, under a policy that lets it reach nothing but this endpoint."""
        return HTMLResponse(self.page, headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY})

    async def sparql(self, request: Request) -> Response:
        try:
            response = await self._answer(request)
        except Refusal as refusal:
            response = plain(refusal.status, refusal.message)
        except QueryRefused as refusal:
            response = plain(refusal.status, refusal.message)
        except Exception:
            _log.exception("SPARQL request failed")
            response = plain(500, "internal error while answering the query")
        if request.method == "GET":  # the answer depends on Accept (CORS adds Origin)
            response.headers["Vary"] = "Accept"
        return response

    async def _answer(self, request: Request) -> Response:
        started = time.time()
        params = await protocol_parameters(request)
        if "update" in params:
            raise Refusal(403, "this endpoint is read-only: SPARQL updates are refused")
        queries = params.getlist("query")
        accept = request.headers.get("accept")
        if not queries:
            return self._describe(request, accept)
        if len(queries) > 1:
            raise Refusal(400, "give exactly one query parameter")
        if not queries[0].strip():
            raise Refusal(400, "the query is empty")
        if request.method == "GET" and negotiate(accept, _QUERY_OFFERS) == (HTML_MEDIA_TYPE, None):
            return self._page()  # a browser: the page, which runs the query of its address
        check_query(queries[0])
        results, graph = negotiate(accept, _RESULT_OFFERS), negotiate(accept, _GRAPH_OFFERS)
        if results is None and graph is None:
            raise Refusal(406, f"cannot answer in {accept!r}; accepted: {_ACCEPTED}")
        job = QueryJob(
            query=queries[0],
            base_iri=self.base_url,
            prefixes=_QUERY_PREFIXES,
            default_graph=graph_iris(params.getlist("default-graph-uri")),
            named_graphs=graph_iris(params.getlist("named-graph-uri")),
            results_media=None if results is None else results[0],
            graph_media=None if graph is None else graph[0],
            result_prefixes=PREFIXES,
            max_results=self.max_results,
            deadline=started + self.query_timeout,
        )
        return await self._run(job)

    async def _run(self, job: QueryJob) -> Response:
        """The job's answer from a free worker, or 503 when none is free or the query is past a limit."""
        if self.pool is None:
            raise Refusal(503, "the endpoint is starting; try again in a moment")
        if self.waiting >= MAX_WAITING_REQUESTS:
            raise Refusal(503, "too many queries are waiting; try again in a moment")
        self.waiting += 1
        try:
            loop = asyncio.get_running_loop()
            run = functools.partial(self.pool.run, job, timed_out_message(self.query_timeout))
            outcome = await loop.run_in_executor(self.waiters, run)
        finally:
            self.waiting -= 1
        if outcome.status != 200:
            message = outcome.body.decode("utf-8", "replace").rstrip("\n")
            if outcome.status == 503 and "time limit" in message:
                message = timed_out_message(self.query_timeout)
            headers = {"Retry-After": "1"} if outcome.status == 503 else None
            return plain(outcome.status, message, headers)
        return Response(outcome.body, media_type=content_type(outcome.media))

    def _describe(self, request: Request, accept: str | None) -> Response:
        chosen = negotiate(accept, _PAGE_OFFERS)
        if chosen is None:
            raise Refusal(406, f"cannot describe the service in {accept!r}; give a query to run")
        media, rdf_format = chosen
        if rdf_format is None:
            return self._page()
        endpoint = str(request.url.replace(query="", fragment=""))
        triples = service_description(endpoint, self.graph_sizes)
        body = ox.serialize(triples, format=rdf_format, prefixes=SERVICE_PREFIXES)
        return Response(body, media_type=content_type(media))


def _snapshot(source: ox.Store, folder: Path) -> None:
    """Copy ``source`` into an on-disk store at ``folder`` and close it, for read-only openings."""
    target = ox.Store(str(folder))
    target.bulk_extend(source.quads_for_pattern(None, None, None, None))
    target.flush()
    del target


def create_app(
    dataset: Dataset,
    *,
    query_timeout: float = 10.0,
    max_results: int = 10_000,
    base_url: str = BASE,
    site: Path | None = None,
    max_memory_bytes: int = MAX_WORKER_MEMORY_BYTES,
    documents: DynamicDocuments | None = None,
) -> Starlette:
    """The endpoint as an ASGI application over ``dataset``, an Oxigraph-backed one from ``open_dataset``.

    With ``site`` (a folder written by ``mig-graph publish``) it also dereferences entity IRIs and
    serves the site, whose index replaces the query page at ``/`` (the page stays at ``/sparql``);
    ``documents`` renders the ``/id/…`` documents the site has no file for (:mod:`mig_graph.serve.deref`).
    The query workers start with the application's lifespan and stop with it: serve the
    application with a server that runs the ASGI lifespan protocol (uvicorn does).
    """
    endpoint = _Endpoint(dataset, query_timeout, max_results, base_url, max_memory_bytes, site is not None)
    routes: list[BaseRoute] = [Route("/sparql", endpoint.sparql, methods=["GET", "POST"]), *asset_routes()]
    if site is None:
        routes.insert(0, Route("/", endpoint.home, methods=["GET"]))
    else:
        routes.extend(site_routes(site, store=endpoint.source, documents=documents))
    return Starlette(
        routes=routes,
        lifespan=endpoint.lifespan,
        middleware=endpoint_middleware(),
    )


def serve(dataset: Dataset, host: str = "127.0.0.1", port: int = 8000, **limits: Any) -> None:
    """Serve the endpoint with uvicorn until interrupted; ``limits`` go to :func:`create_app`."""
    uvicorn.run(create_app(dataset, **limits), host=host, port=port, log_level="info", **SERVER_OPTIONS)


SERVER_OPTIONS: dict[str, Any] = {
    "access_log": True,
    "limit_concurrency": 256,  # connections beyond this get 503 from uvicorn itself
    "timeout_keep_alive": 5,
    # h11 buffers a request's head up to this size before giving up on the connection; above the
    # limits of RequestLimits, so an oversized URL or header gets its 414 or 431, not a reset.
    "h11_max_incomplete_event_size": 4 * 1024 * 1024,
}
"""The uvicorn settings of :func:`serve` (the tests start uvicorn with the same)."""
