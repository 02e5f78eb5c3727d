"""Stage 7 (sink), push: load the graph into an external store over the SPARQL 1.1 Graph Store Protocol.

Each source's named graph is sent with ``PUT <store>?graph=<source IRI>`` (replacing what the
store held under that name), and the union with ``PUT <store>?default``, so that queries on the
store see the same default graph as on the embedded one.  The default graph is emptied first, so
a store that refuses to replace it (Virtuoso answers HTTP 500) says so before anything is
written; such a store gets the union in a named graph of the caller's choosing instead
(``union_graph``), which queries then name as their default graph (``default-graph-uri``).

A large graph goes in chunks of ``chunk_size`` triples: the first replaces the graph (``PUT``),
the others are added to it (``POST``), so no request body holds more than one chunk.  The graphs
contain no blank nodes (the IRI policy), so splitting a graph keeps every node's identity.  Given
the store's SPARQL query endpoint, the triples of every graph are counted there afterwards.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

import pyoxigraph as ox
from rdflib import Dataset

from mig_graph.errors import InputError
from mig_graph.query.library import USER_AGENT, RemoteError, run_remote
from mig_graph.store import oxigraph_store

__all__ = ["DEFAULT_CHUNK", "PushedGraph", "graph_sizes", "push_dataset", "stored_sizes"]

DEFAULT_CHUNK = 100_000
"""Triples per request: a few MiB of N-Triples, well within what stores accept in one body."""

DEFAULT_GRAPH = ""
"""The name under which the default graph is reported."""

_SIZES = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
_DEFAULT_SIZE = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
_REFUSED_DEFAULT = (
    "; the store does not let its default graph be replaced: give --union-graph IRI to write the "
    "union into a named graph, and query with --default-graph-uri IRI"
)


@dataclass(frozen=True)
class PushedGraph:
    """One graph written to the store: its name ("" for the default graph), the triples sent, and
    the triples the store holds under that name afterwards (None when not read back)."""

    name: str
    sent: int
    stored: int | None = None


def graph_sizes(dataset: Dataset) -> dict[str, int]:
    """Triples per non-empty named graph in IRI order, then of the default graph (under ``""``)."""
    store = oxigraph_store(dataset)
    sizes = {solution["g"].value: int(solution["n"].value) for solution in store.query(_SIZES)}
    default = next(iter(store.query(_DEFAULT_SIZE)))["n"]
    return {name: sizes[name] for name in sorted(sizes)} | {DEFAULT_GRAPH: int(default.value)}


def _chunks(triples: Iterable[ox.Triple], size: int) -> Iterator[list[ox.Triple]]:
    iterator = iter(triples)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _send(url: str, method: str, triples: list[ox.Triple], timeout: float) -> None:
    request = urllib.request.Request(
        url,
        data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES),
        method=method,
        headers={"Content-Type": "application/n-triples", "User-Agent": USER_AGENT},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as error:
        detail = _plain(error.read().decode("utf-8", "replace"))[:300]
        raise RemoteError(f"{method} {url} answered HTTP {error.code}: {detail or error.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise RemoteError(f"cannot reach {url}: {getattr(error, 'reason', error)}") from None


def _plain(body: str) -> str:
    """An error page's text, without its markup (Virtuoso answers in HTML).

    >>> _plain("<html><h3>Error 22023</h3>\\n<xmp>no default graph</xmp></html>")
    'Error 22023 no default graph'
    """
    return " ".join(re.sub(r"<[^>]*>", " ", body).split())


def _target(store_url: str, name: str) -> str:
    separator = "&" if "?" in store_url else "?"
    if name == DEFAULT_GRAPH:
        return f"{store_url}{separator}default"
    return f"{store_url}{separator}graph={urllib.parse.quote(name, safe='')}"


def push_dataset(
    dataset: Dataset,
    store_url: str,
    *,
    union_graph: str | None = None,
    query_endpoint: str | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    timeout: float = 120.0,
    on_chunk: Callable[[str, int], None] | None = None,
) -> list[PushedGraph]:
    """Write every named graph, then the union, to a Graph Store Protocol endpoint.

    Parameters
    ----------
    dataset
        The graph on Oxigraph (as :func:`mig_graph.store.open_dataset` gives): a named graph per
        source and their union as the default graph.
    store_url
        The store's Graph Store Protocol address (Oxigraph server: ``/store``; Virtuoso:
        ``/sparql-graph-crud``).
    union_graph
        Write the union into this named graph instead of the store's default graph.
    query_endpoint
        The store's SPARQL query endpoint, to count each graph's triples after the push.
    chunk_size
        Triples per request.
    on_chunk
        Called with the graph's name and the number of triples after each request.

    Returns
    -------
    list of PushedGraph
        The named graphs in IRI order, then the union (named ``union_graph``, or ``""``).
    """
    if chunk_size < 1:
        raise InputError(f"the chunk size must be at least 1 triple, got {chunk_size}")
    store = oxigraph_store(dataset)
    sizes = graph_sizes(dataset)
    if union_graph is not None and union_graph in sizes:
        raise InputError(f"--union-graph {union_graph} is the name of one of the graph's own named graphs")
    if union_graph is None:
        _clear_default_graph(store_url, timeout)
    sent: dict[str, int] = {}
    for name in sizes:
        source = ox.DefaultGraph() if name == DEFAULT_GRAPH else ox.NamedNode(name)
        target = union_graph if name == DEFAULT_GRAPH and union_graph is not None else name
        quads = store.quads_for_pattern(None, None, None, source)
        # an empty default graph still replaces the store's, with nothing
        chunks = _chunks((quad.triple for quad in quads), chunk_size) if sizes[name] else iter([[]])
        sent[target] = 0
        for number, chunk in enumerate(chunks):
            _send(_target(store_url, target), "PUT" if number == 0 else "POST", chunk, timeout)
            sent[target] += len(chunk)
            if on_chunk is not None:
                on_chunk(target, len(chunk))
    stored = stored_sizes(query_endpoint, list(sent)) if query_endpoint else {}
    return [PushedGraph(name, count, stored.get(name)) for name, count in sent.items()]


def _clear_default_graph(store_url: str, timeout: float) -> None:
    """Empty the store's default graph before anything else is sent, so that a store refusing to
    replace it says so at once, with nothing written (and in answer to an empty body: Virtuoso
    answers a large one before reading it, and the client sees its connection broken)."""
    try:
        _send(_target(store_url, DEFAULT_GRAPH), "PUT", [], timeout)
    except RemoteError as error:
        hint = _REFUSED_DEFAULT if " answered HTTP " in str(error) else ""
        raise RemoteError(str(error) + hint) from None


def stored_sizes(query_endpoint: str, names: list[str]) -> dict[str, int]:
    """The triples a store holds in each of the named graphs (and the default graph for ``""``)."""
    named = [name for name in names if name != DEFAULT_GRAPH]
    sizes = dict.fromkeys(names, 0)
    if named:
        values = " ".join(f"<{name}>" for name in named)
        query = f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}"
        query += " GROUP BY ?g"
        for graph, count in run_remote(query_endpoint, query).rows:
            sizes[str(graph)] = int(str(count))
    if DEFAULT_GRAPH in names:
        sizes[DEFAULT_GRAPH] = int(str(run_remote(query_endpoint, _DEFAULT_SIZE).rows[0][0]))
    return sizes
