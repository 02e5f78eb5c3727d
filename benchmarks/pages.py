"""Entity pages under load: `serve --store` rendering `/id/…` documents from the store on request,
beside the same server answering the static files of the same entities.

    python benchmarks/pages.py [--scale 100000] [--clients 8] [--seconds 20] [--out FILE] [RDF_FILE]

``benchmarks/generate.py --scale N`` writes the graph unless an N-Quads file is given; it is loaded
into an on-disk store (``mig-graph load``), and two sites are published from it: the whole site, and
the site without the entities' files (``publish --entities none``).  ``mig-graph serve --store``
then runs on loopback twice, in its own process: with ``--site`` the bare site (every entity page
and RDF document rendered from the store on request), then the whole site (the same documents as
static files).  Each time, ``--clients`` threads request the English page and the Turtle document of
randomly chosen entities, in turn, for ``--seconds`` after a warm-up, and every latency is recorded.
Both servers are checked to answer the same bytes for a sample of documents first.  The section
"Entity pages: dynamic and static" of RESULTS.md is replaced (``benchmarks/run.py`` keeps it).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from endpoint import free_port, run_clients, summary  # noqa: E402
from push import replace_section  # noqa: E402

HEADING = "## Entity pages: dynamic and static"
KINDS = ("html", "ttl")


def _cli(*arguments: str) -> None:
    subprocess.run([sys.executable, "-m", "mig_graph", *arguments], check=True, stdout=subprocess.DEVNULL)


def _stems(site: Path) -> list[str]:
    """The site paths of the entities' documents without extension (``id/process/midiocc``)."""
    return sorted(path.relative_to(site).as_posix()[: -len(".ttl")] for path in (site / "id").rglob("*.ttl"))


def _wait_until_up(base: str, server: subprocess.Popen, timeout: float = 1800.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"serve exited with {server.returncode}")
        try:
            if httpx.get(f"{base}/index.html", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{base} did not start")


def _hammer(base: str, paths: list[str], clients: int, seconds: float) -> dict[str, list[float]]:
    """Latencies (s) by extension of the requests ``clients`` threads complete in ``seconds``."""
    latencies: list[dict[str, list[float]]] = [{kind: [] for kind in KINDS} for _ in range(clients)]
    errors: list[str] = []
    stop = time.monotonic() + seconds

    def client(index: int) -> None:
        with httpx.Client(timeout=60) as session:
            turn = index * len(paths) // clients
            while time.monotonic() < stop:
                path = paths[turn % len(paths)]
                turn += 1
                started = time.perf_counter()
                answer = session.get(f"{base}/{path}")
                latencies[index][path.rsplit(".", 1)[1]].append(time.perf_counter() - started)
                if answer.status_code != 200:
                    errors.append(f"{path}: {answer.status_code}")

    run_clients(client, clients, errors)
    return {kind: [x for per_client in latencies for x in per_client[kind]] for kind in KINDS}


def _serve(store: Path, site: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    command = [sys.executable, "-m", "mig_graph", "serve", "--store", str(store), "--site", str(site)]
    server = subprocess.Popen(
        [*command, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}"
    _wait_until_up(base, server)
    return server, base


def _measure(
    store: Path, sites: dict[str, Path], paths: list[str], clients: int, seconds: float
) -> dict[str, dict[str, tuple[float, float, float]]]:
    """(requests/s, p50 ms, p99 ms) by mode and extension; every request of both modes together."""
    results: dict[str, dict[str, tuple[float, float, float]]] = {}
    sample = paths[:: max(1, len(paths) // 40)]
    answers: dict[str, list[bytes]] = {}
    for mode, site in sites.items():
        server, base = _serve(store, site)
        try:
            answers[mode] = [httpx.get(f"{base}/{path}", timeout=60).content for path in sample]
            _hammer(base, paths, clients, 2.0)  # warm-up
            latencies = _hammer(base, paths, clients, seconds)
        finally:
            server.terminate()
            server.wait(timeout=60)
        everything = [x for kind in KINDS for x in latencies[kind]]
        results[mode] = {kind: summary(latencies[kind], seconds) for kind in KINDS}
        results[mode]["all"] = summary(everything, seconds)
    first, *others = answers.values()
    if any(other != first for other in others):
        raise RuntimeError("the dynamic and the static documents differ")
    return results


def _section(
    quads: int, scale: int | None, entities: int, arguments: argparse.Namespace, results: dict, machine: str
) -> str:
    origin = f"`generate.py --scale {scale:,}`" if scale else "the given file"
    lines = [
        HEADING,
        "",
        f"One run, {quads:,} quads ({origin}), {entities:,} entities; `benchmarks/pages.py`. "
        f"`mig-graph serve --store` on loopback, {arguments.clients} client threads in the same machine "
        f"for {arguments.seconds:.0f} s after a 2 s warm-up, each requesting in turn the English page "
        "(`.html`) and the Turtle document (`.ttl`) of randomly chosen entities. Dynamic: `--site` holds "
        "no entity file, every document is rendered from the store on request; static: `--site` is the "
        "whole published site, the same documents served as files by the same server. The answers of "
        "both were checked to be the same bytes for a sample.",
        "",
        f"Machine: {machine}",
        "",
        "| entity documents | requests | requests/s | p50 (ms) | p99 (ms) |",
        "|---|---|---:|---:|---:|",
    ]
    for mode, rows in results.items():
        for kind, (throughput, p50, p99) in rows.items():
            shown = "both, together" if kind == "all" else f"`.{kind}`"
            lines.append(f"| {mode} | {shown} | {throughput:,.1f} | {p50:.1f} | {p99:.1f} |")
    dynamic, static = results["dynamic"]["all"], results["static"]["all"]
    lines += [
        "",
        f"Dynamic / static: {dynamic[0] / static[0]:.2f} of the throughput, "
        f"p50 {dynamic[1] / static[1]:.1f}×, p99 {dynamic[2] / static[2]:.1f}× the static files'.",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("nquads", nargs="?", type=Path, help="an N-Quads dump (default: generated)")
    parser.add_argument("--scale", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--entities", type=int, default=5_000, help="entities requested (at random)")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        nquads = arguments.nquads
        if nquads is None:
            nquads = work / "synthetic.nq"
            command = [sys.executable, str(HERE / "generate.py"), "--scale", str(arguments.scale)]
            subprocess.run([*command, "--seed", str(arguments.seed), "--out", str(nquads)], check=True)
        quads = sum(1 for _ in nquads.open(encoding="utf-8"))
        store = work / "store"
        _cli("load", "--store", str(store), str(nquads))
        sites = {"dynamic": work / "bare", "static": work / "whole"}
        _cli("publish", "--store", str(store), "--entities", "none", "--out", str(sites["dynamic"]))
        _cli("publish", "--store", str(store), "--out", str(sites["static"]))
        stems = _stems(sites["static"])
        chosen = random.Random(arguments.seed).sample(stems, min(arguments.entities, len(stems)))
        paths = [f"{stem}.{kind}" for stem in chosen for kind in KINDS]
        load_before = os.getloadavg()[0]
        results = _measure(store, sites, paths, arguments.clients, arguments.seconds)
    versions = f"mig-graph {metadata.version('mig-graph')}, pyoxigraph {metadata.version('pyoxigraph')}"
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; {versions}"
    machine += (
        f"; load average {load_before:.1f} before the servers started and {os.getloadavg()[0]:.1f} at "
        "the end (the clients run on the same cores; other jobs may share them)."
    )
    section = _section(
        quads, None if arguments.nquads else arguments.scale, len(stems), arguments, results, machine
    )
    replace_section(arguments.out, HEADING, section)
    print(section)


if __name__ == "__main__":
    main()
