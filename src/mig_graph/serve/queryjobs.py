"""One query and its answer: what a worker receives, what it sends back, and how it evaluates.

:func:`evaluate` answers a :class:`QueryJob` on a store within the job's limits (result size,
deadline) in the media type the request accepted; :mod:`mig_graph.serve.queryworkers` runs it in
isolated processes. Only pyoxigraph, the standard library and the table of formats are imported.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from mig_graph.rdf.formats import DOCUMENT_FORMATS, RESULTS_FORMATS, media_type

__all__ = ["QueryJob", "QueryOutcome", "evaluate", "refusal", "timed_out_message"]


@dataclass(frozen=True)
class QueryJob:
    """A query and everything a worker needs to answer it (plain values, sent through a pipe)."""

    query: str
    base_iri: str | None
    prefixes: dict[str, str]
    default_graph: tuple[str, ...] | None
    named_graphs: tuple[str, ...] | None
    results_media: str | None  # the media type answered for SELECT/ASK, None if not acceptable
    graph_media: str | None  # the media type answered for CONSTRUCT/DESCRIBE, None if not acceptable
    result_prefixes: dict[str, str]
    max_results: int
    deadline: float  # time.time() seconds: the clocks of the processes agree on it


@dataclass(frozen=True)
class QueryOutcome:
    """A worker's answer: ``status`` 200 with the media type and body, or an error status and message."""

    status: int
    media: str
    body: bytes


_TABLE_MEDIA = tuple(media_type(fmt) for fmt in RESULTS_FORMATS)
_GRAPH_MEDIA = tuple(media_type(fmt) for fmt in DOCUMENT_FORMATS)


def refusal(status: int, message: str) -> QueryOutcome:
    return QueryOutcome(status, "text/plain", (message + "\n").encode("utf-8"))


def evaluate(store: ox.Store, job: QueryJob) -> QueryOutcome:
    """Answer ``job`` on ``store``: the serialised result, or a refusal past the limits.

    Parameters
    ----------
    store : pyoxigraph.Store
        The graph.
    job : QueryJob
        The query, its dataset, the media types to answer in and the limits.

    Returns
    -------
    QueryOutcome
        200 and the body, 400 for a malformed query, 406 when the query's form cannot be answered
        in the accepted types, 413 past ``max_results``, 503 past the deadline.
    """
    try:
        answer = store.query(
            job.query,
            base_iri=job.base_iri,
            prefixes=job.prefixes,
            use_default_graph_as_union=False,
            default_graph=None if job.default_graph is None else [ox.NamedNode(i) for i in job.default_graph],
            named_graphs=None if job.named_graphs is None else [ox.NamedNode(i) for i in job.named_graphs],
        )
    except SyntaxError as error:
        return refusal(400, f"malformed query: {error}")
    except OSError as error:  # SERVICE where the worker has no network, or a store failure
        return refusal(400, f"the query cannot be evaluated here: {error}")
    is_table = isinstance(answer, ox.QuerySolutions | ox.QueryBoolean)
    media = job.results_media if is_table else job.graph_media
    if media is None:
        form, offered = ("SELECT or ASK", _TABLE_MEDIA) if is_table else ("CONSTRUCT", _GRAPH_MEDIA)
        return refusal(406, f"a {form} query answers in {', '.join(offered)}")
    try:
        if isinstance(answer, ox.QueryBoolean):
            return QueryOutcome(
                200, media, answer.serialize(format=ox.QueryResultsFormat.from_media_type(media))
            )
        if isinstance(answer, ox.QuerySolutions):
            lines = ["\t".join(str(variable) for variable in answer.variables)]
            for row in _bounded(answer, job, "rows"):
                lines.append("\t".join("" if term is None else str(term) for term in row))
            table = ox.parse_query_results("\n".join(lines) + "\n", ox.QueryResultsFormat.TSV)
            return QueryOutcome(
                200, media, table.serialize(format=ox.QueryResultsFormat.from_media_type(media))
            )
        triples = list(_bounded(answer, job, "triples"))
        rdf_format = ox.RdfFormat.from_media_type(media)
        return QueryOutcome(
            200, media, ox.serialize(triples, format=rdf_format, prefixes=job.result_prefixes)
        )
    except _Limit as limit:
        return limit.outcome
    except OSError as error:
        return refusal(400, f"the query cannot be evaluated here: {error}")


class _Limit(Exception):
    def __init__(self, outcome: QueryOutcome) -> None:
        super().__init__(outcome.status)
        self.outcome = outcome


def timed_out_message(seconds: float) -> str:
    """The message of a query refused at the deadline."""
    return (
        f"the query ran longer than {seconds:g} s, the time limit of this endpoint: "
        "narrow the query or add a LIMIT"
    )


def _bounded(answer: Any, job: QueryJob, unit: str) -> Any:
    for count, item in enumerate(answer, start=1):
        if count > job.max_results:
            raise _Limit(
                refusal(
                    413,
                    f"the result has more than {job.max_results} {unit}, the limit of this endpoint: "
                    "add a LIMIT or narrow the query",
                )
            )
        if count % 256 == 0 and time.time() > job.deadline:
            raise _Limit(refusal(503, "the query ran past the time limit of this endpoint"))
        yield item


# -- the worker process
