"""The SPARQL 1.1 endpoint: the graph over HTTP, read-only, with a query page for browsers.

``/sparql`` follows the SPARQL 1.1 Protocol (query by GET, form POST or direct
POST; results by content negotiation). Each query's text is checked first
(:mod:`mig_graph.serve.querycheck`: size, nesting, ``SERVICE``, updates), then run in an
isolated worker process with no network (:mod:`mig_graph.serve.queryworkers`) within a
time limit, a memory limit and a result-size limit; a worker past a limit is killed
and replaced, so no query can take the server down or keep its slot.
A plain GET of ``/sparql`` describes the service (SPARQL Service Description);
``/`` and a browser's GET of ``/sparql`` give the HTML query page.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import logging
import re
import tempfile
import time
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote_to_bytes

import pyoxigraph as ox
import uvicorn
from rdflib import Dataset
from starlette.applications import Starlette
from starlette.datastructures import MultiDict
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mig_graph.namespaces import BASE, PREFIXES
from mig_graph.paths import queries_dir, templates_dir
from mig_graph.rdf.negotiation import content_type, negotiate
from mig_graph.serve.deref import site_routes
from mig_graph.serve.querycheck import QueryRefused, check_query
from mig_graph.serve.queryworkers import QueryJob, WorkerPool, timed_out_message
from mig_graph.store import oxigraph_store

__all__ = ["MAX_BODY_BYTES", "create_app", "serve"]

MAX_BODY_BYTES = 1_048_576
"""Largest request body accepted (1 MiB); larger ones get 413."""

MAX_RUNNING_QUERIES = 8
"""Queries evaluated at once, each in its own worker process; a request waits up to a second for a free
worker, then gets 503. A query past its time or memory limit is killed, which frees its worker."""

MAX_WAITING_REQUESTS = 4 * MAX_RUNNING_QUERIES
"""Requests running or waiting for a worker at once; more get 503 at once."""

MAX_WORKER_MEMORY_BYTES = 1024 * 1024 * 1024
"""Resident memory a query worker may use (1 GiB); past it the query is killed and refused with 503."""

MAX_URL_BYTES = 65_536
"""Longest request target accepted (64 KiB; longer gets 414: POST long queries)."""

MAX_HEADER_BYTES = 16_384
"""Largest request header accepted (16 KiB; larger gets 431)."""

_log = logging.getLogger(__name__)

_RESULT_OFFERS = (  # (media type matched in Accept, the format answered)
    ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
    ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
    ("text/csv", ox.QueryResultsFormat.CSV),
    ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
    ("application/json", ox.QueryResultsFormat.JSON),
    ("application/xml", ox.QueryResultsFormat.XML),
    ("text/xml", ox.QueryResultsFormat.XML),
)
_GRAPH_OFFERS = (
    ("text/turtle", ox.RdfFormat.TURTLE),
    ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    ("application/ld+json", ox.RdfFormat.JSON_LD),
    ("application/rdf+xml", ox.RdfFormat.RDF_XML),
)
_PAGE_OFFERS = (*_GRAPH_OFFERS, ("text/html", None))
_QUERY_PREFIXES = {**PREFIXES, "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}
_SD = "http://www.w3.org/ns/sparql-service-description#"
_FORMATS = "http://www.w3.org/ns/formats/"
_FORMAT_NAMES = (
    *("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV"),
    *("Turtle", "N-Triples", "JSON-LD", "RDF_XML"),
)
_VOID = "http://rdfs.org/ns/void#"
_SD_PREFIXES = {"sd": _SD, "formats": _FORMATS, "void": _VOID, "dcterms": PREFIXES["dcterms"]}
_GRAPH_SIZES = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_HEADER_LINE = re.compile(r"#\s*(title|description)\s*:\s*(.*)", re.IGNORECASE)


class _Refusal(Exception):
    """A request answered with an HTTP error status and a plain-text message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


# -- content negotiation


def _example_queries() -> list[dict[str, str]]:
    """The library's queries (``queries/*.rq``) with the title and description of their header."""
    folder = queries_dir()
    examples = []
    for path in sorted(folder.glob("*.rq")) if folder.is_dir() else []:
        text = path.read_text(encoding="utf-8")
        header = {"title": path.stem, "description": ""}
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            if match := _HEADER_LINE.match(line):
                header[match.group(1).lower()] = match.group(2).strip()
        examples.append({"name": path.name, **header, "query": text})
    return examples


def _page(examples: list[dict[str, str]]) -> str:
    template = (templates_dir() / "endpoint_page.html").read_text(encoding="utf-8")
    data = json.dumps(examples, ensure_ascii=False).replace("<", "\\u003c")
    return template.replace("__EXAMPLES_JSON__", data)


def _service_description(endpoint: str, sizes: list[tuple[ox.NamedNode, int]], default_size: int) -> list:
    """The SPARQL Service Description of the endpoint, as pyoxigraph triples."""
    sd, rdf = (lambda term: ox.NamedNode(_SD + term)), ox.NamedNode(_QUERY_PREFIXES["rdf"] + "type")
    void_triples, integer = ox.NamedNode(_VOID + "triples"), ox.NamedNode(PREFIXES["xsd"] + "integer")
    service, dataset, default = ox.NamedNode(endpoint), ox.BlankNode("dataset"), ox.BlankNode("default-graph")
    triples = [
        (service, rdf, sd("Service")),
        (service, sd("endpoint"), service),
        (service, sd("supportedLanguage"), sd("SPARQL11Query")),
        (service, sd("feature"), sd("UnionDefaultGraph")),
        *((service, sd("resultFormat"), ox.NamedNode(_FORMATS + name)) for name in _FORMAT_NAMES),
        (service, ox.NamedNode(PREFIXES["dcterms"] + "title"), ox.Literal("mig-graph SPARQL endpoint")),
        (service, sd("defaultDataset"), dataset),
        (dataset, rdf, sd("Dataset")),
        (dataset, sd("defaultGraph"), default),
        (default, rdf, sd("Graph")),
        (default, void_triples, ox.Literal(str(default_size), datatype=integer)),
    ]
    for number, (name, size) in enumerate(sizes, start=1):
        named, graph = ox.BlankNode(f"named-graph-{number}"), ox.BlankNode(f"graph-{number}")
        triples += [
            (dataset, sd("namedGraph"), named),
            (named, rdf, sd("NamedGraph")),
            (named, sd("name"), name),
            (named, sd("graph"), graph),
            (graph, rdf, sd("Graph")),
            (graph, void_triples, ox.Literal(str(size), datatype=integer)),
        ]
    return [ox.Triple(*triple) for triple in triples]


# -- the endpoint


class _Endpoint:
    """The state behind the routes: the query workers, the limits, the page, the named graphs."""

    def __init__(
        self, dataset: Dataset, query_timeout: float, max_results: int, base_url: str, max_memory_bytes: int
    ) -> None:
        self.source: ox.Store = oxigraph_store(dataset)
        self.query_timeout = query_timeout
        self.max_results = max_results
        self.base_url = base_url
        self.max_memory_bytes = max_memory_bytes
        self.page = _page(_example_queries())
        self.graph_sizes = [(row["g"], int(row["n"].value)) for row in self.source.query(_GRAPH_SIZES)]
        self.default_size = int(
            next(iter(self.source.query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")))[0].value
        )
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
        return HTMLResponse(self.page)

    async def sparql(self, request: Request) -> Response:
        try:
            return await self._answer(request)
        except _Refusal as refusal:
            return _plain(refusal.status, refusal.message)
        except QueryRefused as refusal:
            return _plain(refusal.status, refusal.message)
        except Exception:
            _log.exception("SPARQL request failed")
            return _plain(500, "internal error while answering the query")

    async def _answer(self, request: Request) -> Response:
        started = time.time()
        params = await _protocol_parameters(request)
        if "update" in params:
            raise _Refusal(403, "this endpoint is read-only: SPARQL updates are refused")
        queries = params.getlist("query")
        accept = request.headers.get("accept")
        if not queries:
            return self._describe(request, accept)
        if len(queries) > 1:
            raise _Refusal(400, "give exactly one query parameter")
        if not queries[0].strip():
            raise _Refusal(400, "the query is empty")
        check_query(queries[0])
        results, graph = negotiate(accept, _RESULT_OFFERS), negotiate(accept, _GRAPH_OFFERS)
        if results is None and graph is None:
            offered = ", ".join(media for media, _ in (*_RESULT_OFFERS[:4], *_GRAPH_OFFERS))
            raise _Refusal(406, f"cannot answer in {accept!r}; accepted: {offered}")
        job = QueryJob(
            query=queries[0],
            base_iri=self.base_url,
            prefixes=_QUERY_PREFIXES,
            default_graph=_iris(params.getlist("default-graph-uri")),
            named_graphs=_iris(params.getlist("named-graph-uri")),
            results_media=None if results is None else results[0],
            graph_media=None if graph is None else graph[0],
            result_prefixes=PREFIXES,
            max_results=self.max_results,
            deadline=started + self.query_timeout,
        )
        if self.pool is None:
            raise _Refusal(503, "the endpoint is starting; try again in a moment")
        if self.waiting >= MAX_WAITING_REQUESTS:
            raise _Refusal(503, "too many queries are waiting; try again in a moment")
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
            return _plain(outcome.status, message, headers)
        return Response(outcome.body, media_type=content_type(outcome.media))

    def _describe(self, request: Request, accept: str | None) -> Response:
        chosen = negotiate(accept, _PAGE_OFFERS)
        if chosen is None:
            raise _Refusal(406, f"cannot describe the service in {accept!r}; give a query to run")
        media, rdf_format = chosen
        if rdf_format is None:
            return HTMLResponse(self.page)
        endpoint = str(request.url.replace(query="", fragment=""))
        triples = _service_description(endpoint, self.graph_sizes, self.default_size)
        body = ox.serialize(triples, format=rdf_format, prefixes=_SD_PREFIXES)
        return Response(body, media_type=content_type(media))


def _snapshot(source: ox.Store, folder: Path) -> None:
    """Copy ``source`` into an on-disk store at ``folder`` and close it, for read-only openings."""
    target = ox.Store(str(folder))
    target.bulk_extend(source.quads_for_pattern(None, None, None, None))
    target.flush()
    del target


def _plain(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return PlainTextResponse(message + "\n", status_code=status, headers=headers)


def _iris(values: list[str]) -> tuple[str, ...] | None:
    return tuple(_iri(value).value for value in values) or None


async def _protocol_parameters(request: Request) -> MultiDict:
    """The protocol's parameters: the URL's, plus a form body's, or a direct POST's query."""
    params = MultiDict(_form_items(request.scope.get("query_string", b"").decode("latin-1"), "URL"))
    if request.method != "POST":
        return params
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == "application/sparql-update":
        raise _Refusal(403, "this endpoint is read-only: SPARQL updates are refused")
    if media not in ("application/x-www-form-urlencoded", "application/sparql-query"):
        raise _Refusal(
            415, "POST a query as application/x-www-form-urlencoded (query=…) or application/sparql-query"
        )
    try:
        text = (await _body(request)).decode("utf-8")
    except UnicodeDecodeError:
        raise _Refusal(400, "the request body is not UTF-8") from None
    if media == "application/sparql-query":
        if "query" in params:
            raise _Refusal(400, "a direct POST carries its query in the body, not in the URL")
        return MultiDict([*params.multi_items(), ("query", text)])
    return MultiDict([*params.multi_items(), *_form_items(text, "request body")])


def _form_items(text: str, where: str) -> list[tuple[str, str]]:
    """The ``name=value`` pairs of a URL query or form body, percent-decoded as strict UTF-8."""
    try:
        return parse_qsl(text, keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        raise _Refusal(400, f"the {where} holds percent-encoded bytes that are not UTF-8") from None


async def _body(request: Request) -> bytes:
    """The request body, refused with 413 as soon as it is known to exceed ``MAX_BODY_BYTES``."""
    too_large = _Refusal(413, f"the request body is larger than {MAX_BODY_BYTES} bytes, the limit")
    declared = request.headers.get("content-length", "0")
    if not declared.isdigit():
        raise _Refusal(400, "invalid Content-Length")
    if int(declared) > MAX_BODY_BYTES:
        raise too_large
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


def _iri(value: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(value)
    except ValueError as error:
        raise _Refusal(400, f"invalid graph IRI {value!r}: {error}") from None


class _RequestLimits:
    """Refuses, before any route runs, request targets too long (414), headers too large (431) and
    paths holding control characters such as NUL (400)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            refusal = _request_refusal(scope)
            if refusal is not None:
                await _plain(*refusal)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _request_refusal(scope: Scope) -> tuple[int, str] | None:
    target = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
    if target > MAX_URL_BYTES:
        return 414, f"the request target is longer than {MAX_URL_BYTES} bytes, the limit: POST long queries"
    if any(len(name) + len(value) > MAX_HEADER_BYTES for name, value in scope.get("headers", [])):
        return 431, f"a request header is larger than {MAX_HEADER_BYTES} bytes, the limit"
    if _CONTROL.search(scope.get("path", "")):
        return 400, "the request path holds a control character"
    try:
        unquote_to_bytes(scope.get("raw_path") or b"").decode("utf-8")
    except UnicodeDecodeError:
        return 400, "the request path is not UTF-8"
    return None


class _AllowAnyOrigin:
    """Adds ``Access-Control-Allow-Origin: *`` to every response, CORS request or not."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_header(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if not any(name.lower() == b"access-control-allow-origin" for name, _ in headers):
                    headers.append((b"access-control-allow-origin", b"*"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_header if scope["type"] == "http" else send)


def create_app(
    dataset: Dataset,
    *,
    query_timeout: float = 10.0,
    max_results: int = 10_000,
    base_url: str = BASE,
    site: Path | None = None,
    max_memory_bytes: int = MAX_WORKER_MEMORY_BYTES,
) -> Starlette:
    """The endpoint as an ASGI application over ``dataset``, an Oxigraph-backed one from ``open_dataset``.

    With ``site`` (a folder written by ``mig-graph publish``) it also dereferences entity IRIs and
    serves the site, whose index replaces the query page at ``/`` (the page stays at ``/sparql``).
    The query workers start with the application's lifespan and stop with it: serve the
    application with a server that runs the ASGI lifespan protocol (uvicorn does).
    """
    endpoint = _Endpoint(dataset, query_timeout, max_results, base_url, max_memory_bytes)
    routes = [Route("/sparql", endpoint.sparql, methods=["GET", "POST"])]
    if site is None:
        routes.insert(0, Route("/", endpoint.home, methods=["GET"]))
    else:
        routes.extend(site_routes(site))
    return Starlette(
        routes=routes,
        lifespan=endpoint.lifespan,
        middleware=[
            Middleware(_RequestLimits),
            Middleware(
                CORSMiddleware,
                allow_origins=["*"],
                allow_methods=["GET", "POST", "OPTIONS"],
                allow_headers=["*"],
                max_age=86_400,
            ),
            Middleware(_AllowAnyOrigin),
        ],
    )


def serve(dataset: Dataset, host: str = "127.0.0.1", port: int = 8000, **limits: Any) -> None:
    """Serve the endpoint with uvicorn until interrupted; ``limits`` go to :func:`create_app`."""
    uvicorn.run(create_app(dataset, **limits), host=host, port=port, log_level="info", **SERVER_OPTIONS)


SERVER_OPTIONS: dict[str, Any] = {
    "access_log": True,
    "limit_concurrency": 256,  # connections beyond this get 503 from uvicorn itself
    "timeout_keep_alive": 5,
    # h11 buffers a request's head up to this size before giving up on the connection; above the
    # limits of _RequestLimits, so an oversized URL or header gets its 414 or 431, not a reset.
    "h11_max_incomplete_event_size": 4 * 1024 * 1024,
}
"""The uvicorn settings of :func:`serve` (the tests start uvicorn with the same)."""
