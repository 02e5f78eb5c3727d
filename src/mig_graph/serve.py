"""The SPARQL 1.1 endpoint: the graph over HTTP, read-only, with a query page for browsers.

``/sparql`` follows the SPARQL 1.1 Protocol (query by GET, form POST or direct
POST; results by content negotiation) and runs every query on the embedded
Oxigraph store, in a worker thread, within a time limit and a result-size limit.
Updates are refused, and so is ``SERVICE``, so a query never reaches the network.
A plain GET of ``/sparql`` describes the service (SPARQL Service Description);
``/`` and a browser's GET of ``/sparql`` give the HTML query page.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qs

import pyoxigraph as ox
import uvicorn
from pyparsing import ParseResults
from rdflib import Dataset
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from starlette.applications import Starlette
from starlette.datastructures import MultiDict
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mig_graph.namespaces import BASE, PREFIXES
from mig_graph.paths import queries_dir
from mig_graph.store import oxigraph_store

__all__ = ["MAX_BODY_BYTES", "create_app", "serve"]

MAX_BODY_BYTES = 1_048_576
"""Largest request body accepted (1 MiB); larger ones get 413."""

MAX_RUNNING_QUERIES = 8
"""Queries evaluated at once (more get 503); a query past its time limit keeps its slot until it ends."""

_log = logging.getLogger(__name__)
_T = TypeVar("_T")

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
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_SERVICE_WORD = re.compile(r"\bSERVICE\b", re.IGNORECASE)
_HEADER_LINE = re.compile(r"#\s*(title|description)\s*:\s*(.*)", re.IGNORECASE)
_rdflib_parser = threading.Lock()  # pyparsing's packrat cache is shared state


class _Refusal(Exception):
    """A request answered with an HTTP error status and a plain-text message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


# -- content negotiation


def _negotiate(accept: str | None, offers: Sequence[tuple[str, Any]]) -> tuple[str, Any] | None:
    """The offer the Accept header prefers (highest q, then most specific range, then first), or None."""
    ranges: list[tuple[str, float]] = []
    for part in (accept or "*/*").split(","):
        media, *params = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if "/" in media:
            ranges.append((media.lower(), quality))
    best, best_key = None, (0.0, -1)
    for offer in offers:
        media = offer[0]
        match = (0.0, -1)
        for media_range, quality in ranges or [("*/*", 1.0)]:
            specificity = {media: 2, media.split("/")[0] + "/*": 1, "*/*": 0}.get(media_range, -1)
            if specificity > match[1]:
                match = (quality, specificity)
        if match[0] > 0 and match > best_key:
            best, best_key = offer, match
    return best


def _content_type(media: str) -> str:
    return f"{media}; charset=utf-8" if media.startswith("text/") else media


# -- what a query may do


def _refuse_service(query: str) -> None:
    """Refuse a query that calls SERVICE: a textual pre-check, then rdflib's SPARQL parser to be sure."""
    unescaped = _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), query)
    if not _SERVICE_WORD.search(unescaped):
        return
    try:
        with _rdflib_parser:
            tree = parseQuery(unescaped)
    except Exception as error:
        raise _Refusal(
            400, f"the query mentions SERVICE and cannot be checked, so it is refused: {error}"
        ) from None
    if "ServiceGraphPattern" in set(_node_names(tree)):
        raise _Refusal(400, "SERVICE (federated query) is not allowed: this endpoint never calls out")


def _node_names(node: object) -> Iterable[str]:
    if isinstance(node, CompValue):
        yield node.name
        node = list(node.values())
    if isinstance(node, list | tuple | ParseResults):
        for child in node:
            yield from _node_names(child)


def _is_update(text: str) -> bool:
    """Whether the text is a SPARQL update with at least one operation."""
    try:
        with _rdflib_parser:
            return "request" in parseUpdate(text)
    except Exception:
        return False


# -- the page and the service description


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
    template = resources.files("mig_graph").joinpath("endpoint_page.html").read_text(encoding="utf-8")
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
    """The state behind the routes: the store, the limits, the page, the named graphs."""

    def __init__(self, dataset: Dataset, query_timeout: float, max_results: int, base_url: str) -> None:
        self.store: ox.Store = oxigraph_store(dataset)
        self.query_timeout = query_timeout
        self.max_results = max_results
        self.base_url = base_url
        self.slots = threading.BoundedSemaphore(MAX_RUNNING_QUERIES)
        self.page = _page(_example_queries())
        self.graph_sizes = [(row["g"], int(row["n"].value)) for row in self.store.query(_GRAPH_SIZES)]
        self.default_size = int(next(iter(self.store.query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")))[0].value)

    async def home(self, request: Request) -> Response:
        return HTMLResponse(self.page)

    async def sparql(self, request: Request) -> Response:
        try:
            return await self._answer(request)
        except _Refusal as refusal:
            return PlainTextResponse(refusal.message + "\n", status_code=refusal.status)
        except Exception:
            _log.exception("SPARQL request failed")
            return PlainTextResponse("internal error while answering the query\n", status_code=500)

    async def _answer(self, request: Request) -> Response:
        started = time.monotonic()
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
        results, graph = _negotiate(accept, _RESULT_OFFERS), _negotiate(accept, _GRAPH_OFFERS)
        if results is None and graph is None:
            offered = ", ".join(media for media, _ in (*_RESULT_OFFERS[:4], *_GRAPH_OFFERS))
            raise _Refusal(406, f"cannot answer in {accept!r}; accepted: {offered}")
        dataset = {
            "default_graph": [_iri(value) for value in params.getlist("default-graph-uri")] or None,
            "named_graphs": [_iri(value) for value in params.getlist("named-graph-uri")] or None,
        }
        deadline = started + self.query_timeout
        if not self.slots.acquire(blocking=False):
            raise _Refusal(503, "too many queries are running; try again in a moment")
        job = self._job(queries[0], dataset, results, graph, deadline)
        try:
            media, body = await _in_daemon_thread(job, deadline - time.monotonic())
        except TimeoutError:
            raise self._timed_out() from None
        return Response(body, media_type=_content_type(media))

    def _describe(self, request: Request, accept: str | None) -> Response:
        chosen = _negotiate(accept, _PAGE_OFFERS)
        if chosen is None:
            raise _Refusal(406, f"cannot describe the service in {accept!r}; give a query to run")
        media, rdf_format = chosen
        if rdf_format is None:
            return HTMLResponse(self.page)
        endpoint = str(request.url.replace(query="", fragment=""))
        triples = _service_description(endpoint, self.graph_sizes, self.default_size)
        body = ox.serialize(triples, format=rdf_format, prefixes=_SD_PREFIXES)
        return Response(body, media_type=_content_type(media))

    def _job(
        self, query: str, dataset: dict[str, Any], results: Any, graph: Any, deadline: float
    ) -> Callable[[], tuple[str, bytes]]:
        """A query thread's work: check, evaluate lazily, stop at the limits, serialise, free the slot."""

        def run() -> tuple[str, bytes]:
            try:
                # Checked here, not in _evaluate: rdflib's parser leaves cyclic garbage that holds its
                # callers' frames, and a frame holding an Oxigraph iterator must not outlive this thread.
                _refuse_service(query)
                return self._evaluate(query, dataset, results, graph, deadline)
            except _Refusal as refusal:
                failure = refusal
            except Exception:
                _log.exception("SPARQL query failed")
                failure = _Refusal(500, "internal error while answering the query")
            finally:
                self.slots.release()
            # Oxigraph iterators must be dropped in the thread that made them: raise without their frames.
            raise failure.with_traceback(None)

        return run

    def _evaluate(
        self, query: str, dataset: dict[str, Any], results: Any, graph: Any, deadline: float
    ) -> tuple[str, bytes]:
        try:
            answer = self.store.query(
                query,
                base_iri=self.base_url,
                prefixes=_QUERY_PREFIXES,
                use_default_graph_as_union=False,
                **dataset,
            )
        except SyntaxError as error:
            if _is_update(query):
                raise _Refusal(403, "this endpoint is read-only: SPARQL updates are refused") from None
            raise _Refusal(400, f"malformed query: {error}") from None
        is_table = isinstance(answer, ox.QuerySolutions | ox.QueryBoolean)
        chosen = results if is_table else graph
        if chosen is None:
            form, offers = ("SELECT or ASK", _RESULT_OFFERS[:4]) if is_table else ("CONSTRUCT", _GRAPH_OFFERS)
            raise _Refusal(406, f"a {form} query answers in {', '.join(media for media, _ in offers)}")
        media, answer_format = chosen
        if isinstance(answer, ox.QueryBoolean):
            return media, answer.serialize(format=answer_format)
        if isinstance(answer, ox.QuerySolutions):
            lines = ["\t".join(str(variable) for variable in answer.variables)]
            for row in self._bounded(answer, deadline, "rows"):
                lines.append("\t".join("" if term is None else str(term) for term in row))
            table = ox.parse_query_results("\n".join(lines) + "\n", ox.QueryResultsFormat.TSV)
            return media, table.serialize(format=answer_format)
        triples = list(self._bounded(answer, deadline, "triples"))
        return media, ox.serialize(triples, format=answer_format, prefixes=PREFIXES)

    def _bounded(self, answer: Iterable[Any], deadline: float, unit: str) -> Iterable[Any]:
        """The answer's items, evaluated lazily; refused past ``max_results`` items or the deadline."""
        for count, item in enumerate(answer, start=1):
            if time.monotonic() > deadline:
                raise self._timed_out()
            if count > self.max_results:
                raise _Refusal(
                    413,
                    f"the result has more than {self.max_results} {unit}, the limit of this endpoint: "
                    "add a LIMIT or narrow the query",
                )
            yield item
        if time.monotonic() > deadline:
            raise self._timed_out()

    def _timed_out(self) -> _Refusal:
        return _Refusal(
            503,
            f"the query ran longer than {self.query_timeout:g} s, the time limit of this endpoint: "
            "narrow the query or add a LIMIT",
        )


async def _in_daemon_thread(job: Callable[[], _T], timeout: float) -> _T:
    """``job()`` in a daemon thread; TimeoutError after ``timeout`` s, leaving the thread to end alone."""
    # Oxigraph cannot be interrupted: a daemon thread neither holds up the server nor its exit.
    loop = asyncio.get_running_loop()
    future: asyncio.Future[_T] = loop.create_future()

    def settle(result: Any, error: BaseException | None) -> None:
        if future.done():  # timed out already
            return
        if error is None:
            future.set_result(result)
        else:
            future.set_exception(error)

    def target() -> None:
        try:
            result, error = job(), None
        except BaseException as failure:
            result, error = None, failure
        with contextlib.suppress(RuntimeError):  # the event loop is closed: nobody waits
            loop.call_soon_threadsafe(settle, result, error)

    threading.Thread(target=target, name="mig-graph query", daemon=True).start()
    return await asyncio.wait_for(future, timeout)


async def _protocol_parameters(request: Request) -> MultiDict:
    """The protocol's parameters: the URL's, plus a form body's, or a direct POST's query."""
    params = MultiDict(request.query_params.multi_items())
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
    return MultiDict([*params.multi_items(), *_form_items(text)])


def _form_items(text: str) -> list[tuple[str, str]]:
    fields = parse_qs(text, keep_blank_values=True)
    return [(name, value) for name, values in fields.items() for value in values]


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
) -> Starlette:
    """The endpoint as an ASGI application over ``dataset``, an Oxigraph-backed one from ``open_dataset``.

    With ``site`` (a folder written by ``mig-graph publish``) it also dereferences entity IRIs and
    serves the site, whose index replaces the query page at ``/`` (the page stays at ``/sparql``).
    """
    endpoint = _Endpoint(dataset, query_timeout, max_results, base_url)
    routes = [Route("/sparql", endpoint.sparql, methods=["GET", "POST"])]
    if site is None:
        routes.insert(0, Route("/", endpoint.home, methods=["GET"]))
    else:
        from mig_graph.deref import site_routes

        routes.extend(site_routes(site, _negotiate))
    return Starlette(
        routes=routes,
        middleware=[
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
    uvicorn.run(create_app(dataset, **limits), host=host, port=port, log_level="info", access_log=True)
