"""The query workers on their own: no network inside them, limits, crashes and replacements."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest

from mig_graph.serve.queryworkers import QueryJob, WorkerPool
from mig_graph.store import oxigraph_store

JSON = "application/sparql-results+json"


@pytest.fixture(scope="module")
def pool(store, tmp_path_factory: pytest.TempPathFactory) -> Iterator[WorkerPool]:
    """Two workers (and one spare) on a snapshot of the seed graph, 200 MiB each."""
    folder = tmp_path_factory.mktemp("snapshot") / "store"
    snapshot = pyoxigraph.Store(str(folder))
    snapshot.bulk_extend(oxigraph_store(store).quads_for_pattern(None, None, None, None))
    snapshot.flush()
    del snapshot
    workers = WorkerPool(Path(folder), size=2, max_memory_bytes=200 * 1024 * 1024, spares=1)
    yield workers
    workers.close()


def job(query: str, seconds: float = 10.0, **changes) -> QueryJob:
    fields = {
        "query": query,
        "base_iri": None,
        "prefixes": {},
        "default_graph": None,
        "named_graphs": None,
        "results_media": JSON,
        "graph_media": "text/turtle",
        "result_prefixes": {},
        "max_results": 100,
        "deadline": time.time() + seconds,
    }
    return QueryJob(**{**fields, **changes})


def test_workers_have_no_network(pool):
    assert pool.isolated
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.setblocking(False)
        remote = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
        # the text check is bypassed here: the worker itself must not reach the listener
        outcome = pool.run(job(f"SELECT * WHERE {{ SERVICE <{remote}> {{ ?s ?p ?o }} }}"), "late")
        assert outcome.status == 400
        assert outcome.body == b"the query cannot be evaluated here: Network is unreachable (os error 101)\n"
        time.sleep(0.1)
        with pytest.raises(BlockingIOError):
            listener.accept()


def test_an_answer(pool):
    outcome = pool.run(job("ASK { ?s ?p ?o }"), "late")
    assert (outcome.status, outcome.media, outcome.body) == (200, JSON, b'{"head":{},"boolean":true}')


def test_the_deadline_kills_and_replaces(pool):
    replaced = pool.replaced
    started = time.monotonic()
    outcome = pool.run(job("SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", 0.3), "too late")
    assert (outcome.status, outcome.body) == (503, b"too late\n")
    assert time.monotonic() - started < 0.3 + 0.2 + 0.3
    assert pool.replaced == replaced + 1
    assert pool.run(job("ASK { ?s ?p ?o }"), "late").status == 200


def test_the_memory_limit_kills_and_replaces(pool):
    replaced = pool.replaced
    outcome = pool.run(job("SELECT * { ?s0 ?p0 ?o0 . ?s1 ?p1 ?o1 } ORDER BY ?o0 ?o1 LIMIT 1", 30), "late")
    assert (outcome.status, outcome.body) == (
        503,
        b"the query needed more than 200 MiB of memory, the limit of this endpoint\n",
    )
    assert pool.replaced == replaced + 1


def test_result_limit_and_unacceptable_forms(pool):
    assert pool.run(job("SELECT * { ?s ?p ?o }"), "late").status == 413
    graph_only = pool.run(job("ASK {}", results_media=None), "late")
    assert graph_only.status == 406
    assert graph_only.body.startswith(b"a SELECT or ASK query answers in application/sparql-results+json")
