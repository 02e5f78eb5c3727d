"""`push` of a large synthetic dump into real stores: Oxigraph server and Virtuoso, one run each.

    python benchmarks/push.py [--scale 1100000] [--seed 7] [--out benchmarks/RESULTS.md] [RDF_FILE]

``benchmarks/generate.py --scale N`` writes the dump (about 10^6 quads at the default scale)
unless an N-Quads file is given.  Each store is started on loopback in a temporary folder, as the
tests start it (``tests/store_servers.py``), then, in this process and as ``mig-graph push`` does:
the dump is loaded into the embedded store (its union as the default graph), every graph is pushed
in chunks of 100,000 triples (Virtuoso: the union into a named graph), and the triples of every
graph are counted in the store by SPARQL.  Times are wall-clock seconds.  The section "Push into
real stores" of RESULTS.md is replaced (``benchmarks/run.py`` keeps it).
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from mig_graph.publish.push import DEFAULT_CHUNK, push_dataset, stored_sizes  # noqa: E402
from mig_graph.store import open_dataset  # noqa: E402
from store_servers import oxigraph_server, virtuoso_server  # noqa: E402

HEADING = "## Push into real stores"
VIRTUOSO_BUFFERS = 200_000  # NumberOfBuffers: 8 KiB pages, about 1.6 GiB, for two million triples


def _measure(name: str, start, nquads: Path, scratch: Path) -> dict:
    started = time.perf_counter()
    dataset = open_dataset([nquads])
    loaded = time.perf_counter() - started
    with start(scratch) as server:
        started = time.perf_counter()
        pushed = push_dataset(dataset, server.graph_store, union_graph=server.union_graph)
        pushing = time.perf_counter() - started
        started = time.perf_counter()
        stored = stored_sizes(server.query, [graph.name for graph in pushed])
        reading = time.perf_counter() - started
    sent = sum(graph.sent for graph in pushed)
    differ = sum(1 for graph in pushed if stored[graph.name] != graph.sent)
    print(f"{name}: pushed {sent:,} triples in {pushing:.1f} s, read back {sum(stored.values()):,}")
    return {
        "store": f"{server.name} {server.version}",
        "graphs": len(pushed),
        "load": loaded,
        "push": pushing,
        "read back": reading,
        "sent": sent,
        "stored": sum(stored.values()),
        "union": pushed[-1].sent,
        "stored union": stored[pushed[-1].name],
        "differ": differ,
    }


def _section(quads: int, scale: int | None, rows: list[dict], machine: str) -> str:
    origin = f"`generate.py --scale {scale:,}`" if scale else "the given file"
    lines = [
        HEADING,
        "",
        f"One run, {quads:,} quads ({origin}): its {rows[0]['graphs'] - 1} named graphs "
        "(the sources' and the vocabulary's) and their union "
        f"(the default graph, or a named graph on Virtuoso), in chunks of {DEFAULT_CHUNK:,} triples; "
        "`benchmarks/push.py`. Load: the dump into the embedded store; read back: every graph's triples "
        "counted by SPARQL in the store.",
        "",
        f"Machine: {machine}",
        "",
        "| store | load (s) | push (s) | triples/s | read back (s) | triples sent | triples read back "
        "| union sent / read back | graphs that differ |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['store']} | {row['load']:.1f} | {row['push']:.1f} | {row['sent'] / row['push']:,.0f} "
            f"| {row['read back']:.1f} | {row['sent']:,} | {row['stored']:,} "
            f"| {row['union']:,} / {row['stored union']:,} | {row['differ']} |"
        )
    return "\n".join(lines) + "\n"


def replace_section(path: Path, heading: str, section: str) -> None:
    """Put ``section`` in the Markdown file in place of the one under ``heading`` (or at its end)."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    start = text.find(heading + "\n")
    if start < 0:
        path.write_text(text.rstrip("\n") + "\n\n" + section, encoding="utf-8")
        return
    end = text.find("\n## ", start + len(heading))
    rest = "" if end < 0 else text[end + 1 :]
    path.write_text(text[:start] + section + ("\n" + rest if rest else ""), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("nquads", nargs="?", type=Path, help="an N-Quads dump (default: generated)")
    parser.add_argument("--scale", type=int, default=1_100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        nquads = arguments.nquads
        if nquads is None:
            nquads = Path(scratch) / "synthetic.nq"
            command = [sys.executable, str(HERE / "generate.py"), "--scale", str(arguments.scale)]
            subprocess.run([*command, "--seed", str(arguments.seed), "--out", str(nquads)], check=True)
        quads = sum(1 for _ in nquads.open(encoding="utf-8"))
        rows = []
        for name, start in (
            ("oxigraph", oxigraph_server),
            ("virtuoso", lambda folder: virtuoso_server(folder, buffers=VIRTUOSO_BUFFERS)),
        ):
            folder = Path(scratch) / name
            folder.mkdir()
            rows.append(_measure(name, start, nquads, folder))
    versions = f"mig-graph {metadata.version('mig-graph')}, pyoxigraph {metadata.version('pyoxigraph')}"
    load = os.getloadavg()[0]
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; {versions}"
    machine += f"; load average {load:.1f} at the end of the run (other jobs share the cores)."
    section = _section(quads, None if arguments.nquads else arguments.scale, rows, machine)
    replace_section(arguments.out, HEADING, section)
    print(section)


if __name__ == "__main__":
    main()
