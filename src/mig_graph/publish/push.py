"""Stage 7 (sink), push: load the graph into an external store over the SPARQL 1.1 Graph Store Protocol.

Each source's named graph is sent with ``PUT <store>?graph=<source IRI>`` (replacing what the
store held under that name), and the union with ``PUT <store>?default``, so that queries on the
store see the same default graph as on the embedded one.  Any store that speaks the protocol
works: Oxigraph server (``/store``), Fuseki (``/dataset/data``), GraphDB, Virtuoso…
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request

from rdflib import Dataset, Graph

from mig_graph.query.library import USER_AGENT, RemoteError

__all__ = ["push_dataset"]


def _put(url: str, graph: Graph, timeout: float) -> None:
    body = graph.serialize(format="nt", encoding="utf-8")
    request = urllib.request.Request(
        url,
        data=body,
        method="PUT",
        headers={"Content-Type": "application/n-triples", "User-Agent": USER_AGENT},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as error:
        detail = error.read().decode("utf-8", "replace")[:300]
        raise RemoteError(f"{url} answered HTTP {error.code}: {detail or error.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise RemoteError(f"cannot reach {url}: {getattr(error, 'reason', error)}") from None


def push_dataset(dataset: Dataset, store_url: str, *, timeout: float = 120.0) -> dict[str, int]:
    """PUT every named graph and the default graph; return the triples sent per graph ("" = default)."""
    sent: dict[str, int] = {}
    separator = "&" if "?" in store_url else "?"
    for context in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        name = str(context.identifier)
        if context.identifier == dataset.default_graph.identifier or len(context) == 0:
            continue
        graph = Graph()
        graph += context
        _put(f"{store_url}{separator}graph={urllib.parse.quote(name, safe='')}", graph, timeout)
        sent[name] = len(graph)
    union = Graph()
    union += dataset.default_graph
    _put(f"{store_url}{separator}default", union, timeout)
    sent[""] = len(union)
    return sent
