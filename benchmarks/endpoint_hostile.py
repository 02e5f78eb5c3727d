"""The endpoint under attack: N clients run the query library while one client sends hostile requests.

    python benchmarks/endpoint_hostile.py [--clients 8] [--seconds 30] [--timeout 10]

Starts `mig-graph serve` on the packaged data on loopback, in its own process. The legitimate
clients send the library queries in turn (parameters bound to their defaults); the hostile client
sends, one after another and over and over, the requests that once crashed, escaped or starved
the server: deep nesting, disguised SERVICE calls (to a listener of this script, which counts any
connection), runaway and memory-hungry queries, NUL bytes and oversized URLs and headers.
Reports the legitimate clients' errors (the target is 0) and latencies, the statuses and the
slowest answer of each hostile request, connections the listener saw (the target is 0), and the
worst resident memory of the server with its query workers.
"""

from __future__ import annotations

import argparse
import collections
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
from endpoint import free_port, library_texts, summary, wait_until_up

from mig_graph.build import NQUADS, build


def hostile_requests(base: str, listener_port: int) -> dict[str, tuple[str, bytes, dict[str, str]]]:
    """Name → (method, raw request target or body, headers) of each hostile request."""
    remote = f"<http://127.0.0.1:{listener_port}/sparql>"
    direct = {"Content-Type": "application/sparql-query"}
    queries = {
        "5,000 nested groups": "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000,
        "5,000 nested parentheses": "SELECT * WHERE { ?s ?p ?o FILTER("
        + "(" * 5000
        + "?o"
        + ")" * 5000
        + ") }",
        "10,000 negations": "SELECT * WHERE { ?s ?p ?o FILTER(" + "!" * 10000 + "?o) }",
        "10,000 UNION branches": "SELECT * WHERE { " + " UNION ".join(["{ ?s ?p ?o }"] * 10000) + " }",
        "1SERVICE": f"SELECT * WHERE {{ ?s ?p 1SERVICE {remote} {{ ?x ?y ?z }} }}",
        "falseSERVICE": f"SELECT * WHERE {{ ?s ?p falseSERVICE {remote} {{ ?x ?y ?z }} }}",
        "SERVICE ?var": "SELECT * WHERE { SERVICE ?endpoint { ?x ?y ?z } }",
        "cartesian COUNT": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        "ORDER BY of a cartesian product": (
            "SELECT * WHERE { ?s0 ?p0 ?o0 . ?s1 ?p1 ?o1 } ORDER BY ?o0 ?o1 LIMIT 1"
        ),
    }
    requests = {name: ("POST", text.encode("utf-8"), direct) for name, text in queries.items()}
    requests.update(
        {
            "NUL in an entity path": ("RAW", b"/id/%00", {}),
            "NUL before an extension": ("RAW", b"/id/process/midiocc%00.ttl", {}),
            "100,000-character entity path": ("RAW", b"/id/" + b"x" * 100_000, {}),
            "malformed UTF-8 in query=": ("RAW", b"/sparql?query=ASK%20%7B%7D%ff%fe", {}),
            "2 MB URL": ("RAW", b"/sparql?query=" + b"%20" * 700_000 + b"ASK%7B%7D", {}),
            "100 KB Accept header": ("RAW", b"/sparql?query=ASK%7B%7D", {"Accept": "a" * 100_000}),
        }
    )
    return requests


def raw_status(base: str, target: bytes, headers: dict[str, str]) -> int:
    """The status of ``GET target`` sent as raw bytes (clients refuse to send such requests)."""
    host, port = base.removeprefix("http://").split(":")
    lines = b"".join(f"{name}: {value}\r\n".encode() for name, value in headers.items())
    with socket.create_connection((host, int(port)), timeout=60) as connection:
        connection.sendall(b"GET " + target + b" HTTP/1.1\r\nHost: localhost\r\n" + lines + b"\r\n")
        reply = b""
        while b"\r\n" not in reply:
            chunk = connection.recv(4096)
            if not chunk:
                return 0  # the connection was closed with no status
            reply += chunk
    return int(reply.split(b" ", 2)[1])


def resident_bytes(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants."""
    children: dict[int, list[int]] = collections.defaultdict(list)
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                children[int(stat[1])].append(int(entry.name))
            except (OSError, IndexError):
                continue
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        pending.extend(children.get(current, []))
        try:
            total += int((Path("/proc") / str(current) / "statm").read_text().split()[1]) * 4096
        except (OSError, IndexError):
            continue
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--timeout", type=float, default=10.0, help="the server's query time limit")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch, socket.create_server(("127.0.0.1", 0)) as listener:
        nquads = build(None, Path(scratch) / "dist").outputs[0].parent / NQUADS
        texts = library_texts(nquads)
        port = free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mig_graph",
                "serve",
                "--port",
                str(port),
                "--timeout",
                str(arguments.timeout),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        listener.settimeout(0.2)
        seen: list[str] = []
        try:
            wait_until_up(f"{base}/sparql", timeout=300)
            report = run(
                base,
                texts,
                hostile_requests(base, listener.getsockname()[1]),
                arguments,
                server,
                listener,
                seen,
            )
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(report)


def run(base, texts, hostile, arguments, server, listener, seen) -> str:
    stop = time.monotonic() + arguments.seconds
    latencies: list[float] = []
    errors: list[str] = []
    hostile_outcomes: dict[str, list[tuple[int, float]]] = collections.defaultdict(list)
    worst_rss = [0]

    def legitimate(index: int) -> None:
        with httpx.Client(timeout=120) as session:
            turn = index
            while time.monotonic() < stop:
                text = texts[turn % len(texts)]
                turn += 1
                started = time.perf_counter()
                try:
                    answer = session.post(
                        f"{base}/sparql",
                        content=text.encode("utf-8"),
                        headers={
                            "Content-Type": "application/sparql-query",
                            "Accept": "application/sparql-results+json",
                        },
                    )
                    if answer.status_code != 200:
                        errors.append(f"{answer.status_code}: {answer.text[:200]}")
                except httpx.HTTPError as error:
                    errors.append(f"{type(error).__name__}: {error}")
                latencies.append(time.perf_counter() - started)

    def attacker() -> None:
        with httpx.Client(timeout=120) as session:
            while time.monotonic() < stop:
                for name, (method, payload, headers) in hostile.items():
                    if time.monotonic() >= stop:
                        return
                    started = time.perf_counter()
                    try:
                        if method == "RAW":
                            status = raw_status(base, payload, headers)
                        else:
                            status = session.post(
                                f"{base}/sparql", content=payload, headers=headers
                            ).status_code
                    except (httpx.HTTPError, OSError):
                        status = 0
                    hostile_outcomes[name].append((status, time.perf_counter() - started))

    def watch() -> None:
        while time.monotonic() < stop:
            worst_rss[0] = max(worst_rss[0], resident_bytes(server.pid))
            try:
                connection, _ = listener.accept()
                seen.append("connection")
                connection.close()
            except (TimeoutError, OSError):
                pass

    threads = [threading.Thread(target=legitimate, args=(i,)) for i in range(arguments.clients)]
    threads += [threading.Thread(target=attacker), threading.Thread(target=watch)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    throughput, p50, p99 = summary(latencies, arguments.seconds)
    lines = [
        f"{arguments.clients} legitimate clients for {arguments.seconds:.0f} s, "
        f"time limit {arguments.timeout:g} s, one hostile client interleaved\n",
        f"legitimate requests: {len(latencies)} ({throughput:.1f}/s), errors: {len(errors)}, "
        f"p50 {p50:.0f} ms, p99 {p99:.0f} ms, slowest {max(latencies) * 1000:.0f} ms",
        f"worst resident memory, server and workers: {worst_rss[0] / 2**20:.0f} MiB",
        f"connections the SERVICE target saw: {len(seen)}",
        f"server alive at the end: {server.poll() is None}\n",
        "| hostile request | sent | statuses | slowest answer (s) |",
        "|---|---:|---|---:|",
    ]
    for name, outcomes in hostile_outcomes.items():
        statuses = ", ".join(
            f"{status}×{count}" for status, count in collections.Counter(s for s, _ in outcomes).items()
        )
        lines.append(f"| {name} | {len(outcomes)} | {statuses} | {max(t for _, t in outcomes):.2f} |")
    if errors:
        lines.append(f"\nfirst legitimate error: {errors[0]}")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
