"""Isolated query execution for the endpoint: a pool of worker processes, each bounded.

Every query runs in a worker process of its own, never in the server: a crash (a stack overflow in
the query engine, say) ends the worker, not the server; a worker still running at the deadline is
killed, and one whose memory passes its limit is killed at once, so the deadline and the limit
free both the slot and the memory. A killed or crashed worker is replaced in the background.

Workers read a snapshot of the graph: an on-disk Oxigraph store opened read-only (Oxigraph allows
any number of read-only openings of one store). Each worker moves itself, before it reads a query,
into a network namespace of its own, which has no interface but a loopback that is down: the query
engine in it cannot open a connection, whatever the query asks (``SERVICE``). Where the system
refuses namespaces to the user, the worker says so once in the log and the text check of
:mod:`mig_graph.serve.querycheck` remains the only guard.

The worker imports only pyoxigraph, the standard library and the table of formats
(:mod:`mig_graph.rdf.formats`), so a replacement starts in a fraction of a second.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import logging
import multiprocessing.connection
import os
import queue
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyoxigraph as ox

from mig_graph.serve.queryjobs import QueryJob, QueryOutcome, evaluate, refusal, timed_out_message

__all__ = ["QueryJob", "QueryOutcome", "WorkerPool", "evaluate", "timed_out_message"]

_log = logging.getLogger(__name__)
_CLONE_NEWUSER, _CLONE_NEWNET = 0x10000000, 0x40000000
_EVALUATION_STACK_BYTES = 256 * 1024 * 1024  # the parser and evaluator recurse; see querycheck
_WORKER_NICENESS = 10  # workers yield the processor to the server, which must answer at the deadlines
_POLL_SECONDS = 0.05
_GRACE_SECONDS = 0.2  # a worker may answer this late with its own "time limit" refusal


def _leave_the_network() -> bool:
    """Move this (single-threaded) process into a new network namespace; whether that worked."""
    libc = ctypes.CDLL(None, use_errno=True)
    flags = [_CLONE_NEWNET] if os.geteuid() == 0 else [_CLONE_NEWUSER | _CLONE_NEWNET]
    return any(libc.unshare(flag) == 0 for flag in flags)


def _worker_main(connection: multiprocessing.connection.Connection, store_path: str) -> None:
    """A worker's life: leave the network, open the store read-only, answer jobs until the pipe closes."""
    os.nice(_WORKER_NICENESS)
    isolated = _leave_the_network()
    store = ox.Store.read_only(store_path)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    threading.stack_size(_EVALUATION_STACK_BYTES)
    connection.send(("ready", isolated))
    while True:
        try:
            job = QueryJob(**connection.recv())
        except (EOFError, OSError):
            return
        result: list[QueryOutcome] = []

        def run(job: QueryJob = job, result: list[QueryOutcome] = result) -> None:
            result.append(evaluate(store, job))

        thread = threading.Thread(target=run, name="mig-graph query")
        thread.start()
        thread.join()
        outcome = result[0] if result else refusal(500, "internal error while answering the query")
        connection.send((outcome.status, outcome.media, outcome.body))


def _exit_with_parent(parent: int) -> None:
    """End this worker, whatever it is running, once the server that started it is gone."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


class _Worker:
    """One worker process (``python -m mig_graph.serve.queryworkers``) and the parent's end of its socket."""

    def __init__(self, store_path: str) -> None:
        parent_end, child_end = socket.socketpair()
        package_root = str(Path(__file__).resolve().parents[2])  # the folder holding mig_graph/
        python_path = os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mig_graph.serve.queryworkers", str(child_end.fileno()), store_path],
            pass_fds=[child_end.fileno()],
            stdin=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": python_path},
        )
        child_end.close()
        self.connection = multiprocessing.connection.Connection(parent_end.detach())
        self.isolated = False

    def wait_ready(self, timeout: float) -> None:
        if not self.connection.poll(timeout):
            raise RuntimeError("a query worker did not start")
        _, self.isolated = self.connection.recv()

    def is_alive(self) -> bool:
        return self.process.poll() is None

    def rss_bytes(self) -> int:
        try:
            with open(f"/proc/{self.process.pid}/statm", encoding="ascii") as statm:
                return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            return 0

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.process.kill()
        with contextlib.suppress(Exception):
            self.process.wait(5)
        with contextlib.suppress(Exception):
            self.connection.close()


class WorkerPool:
    """A fixed number of query workers over one on-disk store, with a deadline and a memory limit each.

    Parameters
    ----------
    store_path : pathlib.Path
        An on-disk Oxigraph store; the workers open it read-only.
    size : int
        How many queries run at once.
    max_memory_bytes : int
        A worker whose resident memory passes this is killed and its query refused (503).
    queue_seconds : float
        How long a request waits for a free slot before it is refused (503).
    spares : int
        Workers started beyond ``size``, so that a killed worker's slot is usable at once while its
        replacement starts.
    """

    def __init__(
        self,
        store_path: Path,
        size: int,
        max_memory_bytes: int,
        queue_seconds: float = 1.0,
        spares: int = 2,
    ) -> None:
        self.store_path = str(store_path)
        self.size = size
        self._slots = threading.BoundedSemaphore(size)
        self.max_memory_bytes = max_memory_bytes
        self.queue_seconds = queue_seconds
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._closed = False
        self._lock = threading.Lock()
        self._all: set[_Worker] = set()
        self.replaced = 0  # workers killed (deadline, memory) or crashed, and replaced
        workers = [self._spawn() for _ in range(size + spares)]
        for worker in workers:
            worker.wait_ready(60)
            self._idle.put(worker)
        self.isolated = all(worker.isolated for worker in workers)
        if not self.isolated:
            _log.warning(
                "query workers could not leave the network (no network namespace for this user): "
                "SERVICE is refused by the query text check only"
            )

    def _spawn(self) -> _Worker:
        worker = _Worker(self.store_path)
        with self._lock:
            self._all.add(worker)
        return worker

    def run(self, job: QueryJob, timeout_message: str) -> QueryOutcome:
        """Answer ``job`` in a free worker (blocking: call it from a thread).

        Returns 503 when no worker frees up within ``queue_seconds``, when the query passes its
        deadline (the worker is killed) or its memory limit (likewise); 500 when the worker crashes.
        """
        busy = refusal(503, "too many queries are running; try again in a moment")
        if not self._slots.acquire(timeout=max(0.0, min(self.queue_seconds, job.deadline - time.time()))):
            return busy
        try:
            worker = self._idle.get(timeout=max(0.0, job.deadline - time.time()))
        except queue.Empty:
            self._slots.release()
            return busy
        try:
            return self._run_in(worker, job, timeout_message)
        finally:
            self._slots.release()

    def _run_in(self, worker: _Worker, job: QueryJob, timeout_message: str) -> QueryOutcome:
        try:
            worker.connection.send(dataclasses.asdict(job))
            outcome = self._await(worker, job, timeout_message)
        except (OSError, EOFError, ValueError):
            outcome = refusal(500, "the query worker failed while answering; it has been replaced")
            self._replace(worker)
            return outcome
        if outcome is None:
            return refusal(500, "the query worker crashed while answering; it has been replaced")
        if outcome.status == -1:
            return refusal(503, outcome.body.decode("utf-8"))
        self._idle.put(worker)
        return outcome

    def _await(self, worker: _Worker, job: QueryJob, timeout_message: str) -> QueryOutcome | None:
        """The worker's outcome; status -1 (worker killed) at the deadline or the memory limit."""
        while True:
            if worker.connection.poll(_POLL_SECONDS):
                try:
                    return QueryOutcome(*worker.connection.recv())
                except (EOFError, OSError):
                    self._replace(worker)
                    return None
            if not worker.is_alive():
                self._replace(worker)
                return None
            if worker.rss_bytes() > self.max_memory_bytes:
                self._replace(worker)
                limit = self.max_memory_bytes // (1024 * 1024)
                message = f"the query needed more than {limit} MiB of memory, the limit of this endpoint"
                return QueryOutcome(-1, "text/plain", message.encode("utf-8"))
            if time.time() > job.deadline + _GRACE_SECONDS:
                self._replace(worker)
                return QueryOutcome(-1, "text/plain", timeout_message.encode("utf-8"))

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` now; reap it and start its replacement in the background."""
        with contextlib.suppress(Exception):
            worker.process.kill()
        with self._lock:
            self._all.discard(worker)
            self.replaced += 1
        threading.Thread(
            target=self._start_replacement, args=(worker,), name="mig-graph worker start", daemon=True
        ).start()

    def _start_replacement(self, dead: _Worker) -> None:
        dead.kill()  # reaps it
        if self._closed:
            return
        try:
            worker = self._spawn()
            worker.wait_ready(60)
        except Exception:
            _log.exception("a query worker could not be replaced")
            return
        if self._closed:
            worker.kill()
            return
        self._idle.put(worker)

    def close(self) -> None:
        """Kill every worker."""
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.kill()


def _main() -> None:
    """``python -m mig_graph.serve.queryworkers FD STORE``: a worker on the inherited socket ``FD``."""
    descriptor, store_path = int(sys.argv[1]), sys.argv[2]
    _worker_main(multiprocessing.connection.Connection(descriptor), store_path)


if __name__ == "__main__":
    _main()
