"""Endpoint throughput: N concurrent clients run the query library for a fixed time against
`mig-graph serve` and, in the same run and on the same data, against `oxigraph serve`.

    python benchmarks/endpoint.py [--clients 8] [--seconds 20] [RDF_FILE]

Both servers run on loopback in their own processes; each client sends the library queries in
turn (parameters bound to their defaults) and records every latency.  Reports requests per
second, p50 and p99 latency for both servers and their ratio.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from mig_graph.build import NQUADS, build
from mig_graph.query.library import bind_parameters, library, resolve_entity, run_local
from mig_graph.store import open_dataset


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not start")


def library_texts(nquads: Path) -> list[str]:
    """Every library query with its default parameters bound (resolved on the embedded store)."""
    dataset = open_dataset([nquads])

    def run(text):
        return run_local(dataset, text)

    return [bind_parameters(q, {}, lambda value: resolve_entity(value, run)) for q in library().values()]


def hammer(url: str, texts: list[str], clients: int, seconds: float) -> list[float]:
    """Latencies (s) of all requests that ``clients`` threads complete in ``seconds``."""
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors: list[str] = []
    stop = time.monotonic() + seconds

    def client(index: int) -> None:
        with httpx.Client(timeout=60) as session:
            turn = index
            while time.monotonic() < stop:
                text = texts[turn % len(texts)]
                turn += 1
                started = time.perf_counter()
                answer = session.post(
                    url,
                    content=text.encode("utf-8"),
                    headers={
                        "Content-Type": "application/sparql-query",
                        "Accept": "application/sparql-results+json",
                    },
                )
                latencies[index].append(time.perf_counter() - started)
                if answer.status_code != 200:
                    errors.append(f"{answer.status_code}: {answer.text[:200]}")

    run_clients(client, clients, errors)
    return [latency for per_client in latencies for latency in per_client]


def run_clients(client, clients: int, errors: list[str]) -> None:
    """Run ``client(index)`` in ``clients`` threads at once and wait for them; refuse the run if
    any request failed."""
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise RuntimeError(f"{len(errors)} failed requests, first: {errors[0]}")


def summary(latencies: list[float], seconds: float) -> tuple[float, float, float]:
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
    return len(ordered) / seconds, statistics.median(ordered) * 1000, p99 * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument(
        "nquads", nargs="?", type=Path, help="N-Quads file (default: the packaged data built)"
    )
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        nquads = arguments.nquads or build(None, work / "dist").outputs[0].parent / NQUADS
        texts = library_texts(nquads)
        ours_port, theirs_port = free_port(), free_port()
        oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
        subprocess.run([oxigraph, "load", "--location", str(work / "ox"), "--file", str(nquads)], check=True)
        # Oxigraph's default graph must hold the union, as in mig-graph's store
        subprocess.run(
            [
                oxigraph,
                "update",
                "--location",
                str(work / "ox"),
                "--update",
                "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }",
            ],
            check=True,
        )
        servers = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "mig_graph",
                    "serve",
                    str(nquads),
                    "--port",
                    str(ours_port),
                    "--timeout",
                    "60",
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            ),
            subprocess.Popen(
                [
                    oxigraph,
                    "serve-read-only",
                    "--location",
                    str(work / "ox"),
                    "--bind",
                    f"127.0.0.1:{theirs_port}",
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            ),
        ]
        try:
            ours, theirs = f"http://127.0.0.1:{ours_port}/sparql", f"http://127.0.0.1:{theirs_port}/query"
            wait_until_up(ours)
            wait_until_up(theirs)
            results = {}
            for name, url in (("mig-graph serve", ours), ("oxigraph serve", theirs)):
                hammer(url, texts, arguments.clients, 2.0)  # warm-up
                results[name] = summary(
                    hammer(url, texts, arguments.clients, arguments.seconds), arguments.seconds
                )
        finally:
            for server in servers:
                server.terminate()
                server.wait(timeout=20)
    print(
        f"{arguments.clients} clients, {arguments.seconds:.0f} s each, {len(texts)} library queries in turn\n"
    )
    print("| server | requests/s | p50 (ms) | p99 (ms) |")
    print("|---|---:|---:|---:|")
    for name, (throughput, p50, p99) in results.items():
        print(f"| {name} | {throughput:.1f} | {p50:.1f} | {p99:.1f} |")
    ours_t, theirs_t = results["mig-graph serve"][0], results["oxigraph serve"][0]
    print(f"\nthroughput ratio mig-graph/oxigraph: {ours_t / theirs_t:.2f}")


if __name__ == "__main__":
    main()
