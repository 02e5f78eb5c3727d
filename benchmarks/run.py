"""Benchmarks of every stage at several sizes, beside their baselines, in one run.

    python benchmarks/run.py [--sizes 10000 100000 1000000] [--out benchmarks/RESULTS.md]

For each size a synthetic graph (benchmarks/generate.py) is written as N-Quads, then each stage
runs in a fresh Python process that reports its wall time and its peak resident memory:

- load: mig-graph (``open_dataset``: Oxigraph bulk load + the union default graph) beside raw
  pyoxigraph (``Store.bulk_load`` + the same union, the ceiling) and plain rdflib (``Dataset.parse``,
  the naive way, with and without building the same union default graph);
- every library query: mig-graph (rdflib API over Oxigraph) beside raw pyoxigraph and plain
  rdflib's own SPARQL engine (skipped above ``--rdflib-limit`` quads, where it takes minutes);
- validate (SHACL, the ``fast`` engine, parsing included) beside raw pyoxigraph's load of the same
  file (its ceiling) and the ``pyshacl`` engine (its reference; both engines' results compared),
  validate --focus (one process's neighbourhood), analyse (reading the graphs,
  measures, the report), each export of the bipartite graph, publish (the whole site).

Ratios are baseline time / mig-graph time (above 1: mig-graph is faster).  Writes a Markdown
report with the machine and versions, and prints it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Each stage is a small program run in its own process; it prints a JSON line of timings.
PROLOGUE = """
import json, resource, sys, time
from pathlib import Path
nq = Path(sys.argv[1])
def done(info=None, **timings):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"timings": timings, "info": info or {}, "peak_mib": peak}))
"""
STAGES = {
    "load mig-graph": """
from mig_graph.store import open_dataset
t = time.perf_counter(); ds = open_dataset([nq]); done(seconds=time.perf_counter() - t)
""",
    "load pyoxigraph": """
import pyoxigraph as ox
t = time.perf_counter(); store = ox.Store(); store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"); done(seconds=time.perf_counter() - t)
""",
    "load rdflib": """
from rdflib import Dataset
t = time.perf_counter(); ds = Dataset(); ds.parse(nq, format="nquads"); done(seconds=time.perf_counter() - t)
""",
    "load rdflib + union": """
from rdflib import Dataset
t = time.perf_counter(); ds = Dataset(); ds.parse(nq, format="nquads")
union = {(s, p, o) for s, p, o, g in ds.quads((None, None, None, None))}
ds.default_graph.addN((s, p, o, ds.default_graph) for s, p, o in union); done(seconds=time.perf_counter() - t)
""",
    "queries mig-graph": """
from mig_graph.store import open_dataset
from mig_graph.query.library import library, bind_parameters, resolve_entity, run_local
ds = open_dataset([nq]); run = lambda text: run_local(ds, text)
times = {}
for name, query in library().items():
    text = bind_parameters(query, {}, lambda v: resolve_entity(v, run))
    t = time.perf_counter(); run(text); times[name] = time.perf_counter() - t
done(**times)
""",
    "queries pyoxigraph": """
import pyoxigraph as ox
from mig_graph.store import open_dataset, oxigraph_store
from mig_graph.query.library import library, bind_parameters, resolve_entity, run_local
ds = open_dataset([nq]); run = lambda text: run_local(ds, text)
store = oxigraph_store(ds)
times = {}
for name, query in library().items():
    text = bind_parameters(query, {}, lambda v: resolve_entity(v, run))
    t = time.perf_counter(); result = store.query(text)
    rows = list(result) if isinstance(result, ox.QuerySolutions) else result
    times[name] = time.perf_counter() - t
done(**times)
""",
    "queries rdflib": """
from rdflib import Dataset
from mig_graph.store import open_dataset
from mig_graph.query.library import library, bind_parameters, resolve_entity, run_local
resolver = open_dataset([nq]); run = lambda text: run_local(resolver, text)
ds = Dataset(); ds.parse(nq, format="nquads")
union = {(s, p, o) for s, p, o, g in ds.quads((None, None, None, None))}  # the default graph: the union
ds.default_graph.addN((s, p, o, ds.default_graph) for s, p, o in union)
times = {}
for name, query in library().items():
    text = bind_parameters(query, {}, lambda v: resolve_entity(v, run))
    t = time.perf_counter(); list(ds.query(text)); times[name] = time.perf_counter() - t
done(**times)
""",
    "validate": """
import hashlib
from mig_graph.validate.shacl import validate_inputs
t = time.perf_counter(); report = validate_inputs([nq], engine="fast"); seconds = time.perf_counter() - t
digest = hashlib.sha256(repr(report.results).encode()).hexdigest()[:16]
done(info={"results": len(report.results), "digest": digest}, seconds=seconds)
""",
    "validate pyshacl": """
import hashlib
from mig_graph.validate.shacl import validate_inputs
t = time.perf_counter(); report = validate_inputs([nq], engine="pyshacl"); seconds = time.perf_counter() - t
digest = hashlib.sha256(repr(report.results).encode()).hexdigest()[:16]
done(info={"results": len(report.results), "digest": digest}, seconds=seconds)
""",
    "validate --focus": """
from rdflib import URIRef
from mig_graph.validate.shacl import validate_inputs
focus = [URIRef("https://w3id.org/mig-graph/id/process/synthetic-0")]  # one process and its neighbourhood
t = time.perf_counter(); validate_inputs([nq], focus_nodes=focus); done(seconds=time.perf_counter() - t)
""",
    "analyse": """
import tempfile
from mig_graph.store import open_dataset
from mig_graph.network import brokers, centralities, communities, parse_scope, read_graphs
from mig_graph.report import write_report
ds = open_dataset([nq])
t = time.perf_counter(); graphs = read_graphs(ds, scope=parse_scope("all")); read = time.perf_counter() - t
t = time.perf_counter()
centralities(graphs.actors, betweenness_sample=64); brokers(graphs.bipartite)
communities(graphs.actors); measures = time.perf_counter() - t
with tempfile.TemporaryDirectory() as out:
    t = time.perf_counter(); write_report(graphs, Path(out)); report = time.perf_counter() - t
done(seconds=read + measures + report, read=read, measures=measures, report=report)
""",
    "exports": """
import os, tempfile
from mig_graph.store import open_dataset
from mig_graph.network import parse_scope, read_graphs
from mig_graph.export import SUFFIXES, export_graph
fmt, store_path = sys.argv[2], (Path(sys.argv[3]) if len(sys.argv) > 3 else None)
def status(field):  # a line of /proc/self/status, in MiB
    line = next(line for line in open("/proc/self/status") if line.startswith(field + ":"))
    return int(line.split()[1]) / 1024
t = time.perf_counter(); dataset = open_dataset(store_path=store_path) if store_path else open_dataset([nq])
load, store_mib = time.perf_counter() - t, status("VmRSS")
t = time.perf_counter(); graphs = read_graphs(dataset, scope=parse_scope("all"))
read = time.perf_counter() - t
graph_mib = status("VmRSS")
open("/proc/self/clear_refs", "w").write("5")  # the peak (VmHWM) from here on: the export's alone
with tempfile.TemporaryDirectory() as out:
    target = Path(out) / f"g{SUFFIXES[fmt] or '-csv'}"
    t = time.perf_counter(); written = export_graph(graphs.bipartite, fmt, target)
    seconds, export_peak = time.perf_counter() - t, status("VmHWM")
    contents = [path.read_bytes() for path in written]
    t = time.perf_counter()
    for number, content in enumerate(contents):  # the ceiling: the same bytes, one write a file
        with open(Path(out) / f"ceiling-{number}", "wb") as stream:
            stream.write(content)
    ceiling = time.perf_counter() - t
done(seconds=seconds, ceiling=ceiling, load=load, read=read, bytes=sum(map(len, contents)),
     store_mib=store_mib, graph_mib=graph_mib, export_peak_mib=export_peak)
""",
    "publish": """
import tempfile
from mig_graph.store import open_dataset
from mig_graph.publish.site import publish
sys.path.insert(0, sys.argv[2]); from run import write_like
ds = open_dataset([nq])
cpu = lambda *whose: sum(u.ru_utime + u.ru_stime for u in map(resource.getrusage, whose))
with tempfile.TemporaryDirectory() as out:
    before = cpu(resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    t = time.perf_counter(); report = publish(ds, Path(out) / "site"); seconds = time.perf_counter() - t
    used = cpu(resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN) - before
    ceiling, files, size = write_like(Path(out) / "site", Path(out) / "ceiling")
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
timings = {"seconds": seconds, "ceiling": ceiling, "cpu": used}
print(json.dumps({"timings": timings, "peak_mib": peak, "files": files, "bytes": size}))
""",
}


def run_stage(stage: str, nquads: Path, timeout: float) -> dict | None:
    """Run one stage in a fresh interpreter; None when it exceeded ``timeout``."""
    program = PROLOGUE + STAGES[stage]
    try:
        completed = subprocess.run(
            [sys.executable, "-c", program, str(nquads), str(HERE)],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
    except subprocess.TimeoutExpired:
        return None
    except subprocess.CalledProcessError as error:
        raise RuntimeError(f"stage {stage!r} failed:\n{error.stderr[-2000:]}") from None
    return json.loads(completed.stdout.strip().splitlines()[-1])


EXPORT_FORMATS = ("graphml", "gexf", "cyjs", "d3", "csv", "html")


def run_exports(stage: str, nquads: Path, timeout: float) -> dict | None:
    """The ``exports`` stage: each format in its own fresh process (one format's peak memory is
    not hidden by another's), reading the N-Quads file into memory, then again from an on-disk
    store made by ``mig-graph load`` (the RDF not held in memory)."""
    runs: dict[str, dict[str, dict]] = {"memory": {}, "store": {}}
    with tempfile.TemporaryDirectory() as scratch:
        store = Path(scratch) / "store"
        subprocess.run(
            [sys.executable, "-c", "import sys; from pathlib import Path; from mig_graph.store import "
             "load_store; load_store(Path(sys.argv[1]), [Path(sys.argv[2])])", str(store), str(nquads)],
            check=True, timeout=timeout,
        )  # fmt: skip
        for where, extra in (("memory", []), ("store", [str(store)])):
            for fmt in EXPORT_FORMATS:
                try:
                    completed = subprocess.run(
                        [sys.executable, "-c", PROLOGUE + STAGES[stage], str(nquads), fmt, *extra],
                        capture_output=True, text=True, timeout=timeout, check=True,
                        env={**os.environ, "PYTHONHASHSEED": "0"},
                    )  # fmt: skip
                except subprocess.TimeoutExpired:
                    return None
                except subprocess.CalledProcessError as error:
                    raise RuntimeError(f"export {fmt!r} failed:\n{error.stderr[-2000:]}") from None
                runs[where][fmt] = json.loads(completed.stdout.strip().splitlines()[-1])
    memory = runs["memory"]
    return {
        "timings": {"seconds": sum(run["timings"]["seconds"] for run in memory.values())}
        | {fmt: run["timings"]["seconds"] for fmt, run in memory.items()},
        "peak_mib": max(run["peak_mib"] for run in memory.values()),
        "formats": runs,
    }


def _exports_tables(result: dict | None, quads: int) -> list[str]:
    """Per format: seconds beside the ceiling (the same bytes written with one call), memory
    beyond the store and the graphs, and the process's peak per quad."""
    if result is None or "formats" not in result:
        return []
    lines = [
        "Exports, each format in a fresh process; the ceiling writes the export's bytes with one "
        "`write` a file (ours/ceiling: how many times as long as writing the bytes); beyond the graphs: the "
        "export's peak resident set minus the resident set once the store is open and the graphs "
        "read; process peak: the whole process's, per quad of the file.",
        "",
    ]
    for where, title in (("memory", "RDF read into memory"), ("store", "from an on-disk store (`--store`)")):
        lines += [*_exports_table(title, result["formats"][where], quads)]
    return lines


def _exports_table(title: str, formats: dict[str, dict], quads: int) -> list[str]:
    lines = [
        f"Exports, {title}:",
        "",
        "| format | seconds | ceiling (s) | ours/ceiling | MiB written | store MiB | graphs MiB "
        "| export peak MiB | beyond the graphs MiB | B/quad beyond | process peak B/quad |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for fmt, run in formats.items():
        timing = run["timings"]
        beyond = timing["export_peak_mib"] - timing["graph_mib"]
        lines.append(
            f"| {fmt} | {timing['seconds']:.2f} | {timing['ceiling']:.4f} | "
            f"{timing['seconds'] / max(timing['ceiling'], 1e-6):,.0f} | {timing['bytes'] / 2**20:.1f} | "
            f"{timing['store_mib']:.0f} | {timing['graph_mib']:.0f} | {timing['export_peak_mib']:.0f} | "
            f"{beyond:.0f} | {beyond * 2**20 / quads:,.0f} | {_per_quad(run, quads)} |"
        )
    return [*lines, ""]


def write_like(site: Path, out: Path) -> tuple[float, int, int]:
    """Publish's ceiling: the seconds a bare loop takes to write the files of ``site`` again, the same
    paths and sizes, into ``out`` (each folder made once); and how many files and bytes they are."""
    listing = []
    for directory, _, names in os.walk(site):
        folder = Path(directory).relative_to(site)
        listing += [(folder, name, (Path(directory) / name).stat().st_size) for name in names]
    block = bytes(1 << 20)
    started = time.perf_counter()
    made: set[Path] = set()
    for folder, name, size in listing:
        if folder not in made:
            (out / folder).mkdir(parents=True, exist_ok=True)
            made.add(folder)
        with open(out / folder / name, "wb") as handle:
            for start in range(0, size, len(block)):
                handle.write(block[: min(len(block), size - start)])
    return time.perf_counter() - started, len(listing), sum(size for *_, size in listing)


def _publish_line(result: dict | None) -> list[str]:
    """Publish beside its ceiling (the same files written by a bare loop), when it ran."""
    if result is None or "ceiling" not in result["timings"]:
        return []
    t = result["timings"]
    return [
        f"Publish: {result['files']:,} files, {result['bytes'] / 2**20:,.0f} MiB in {t['seconds']:.1f} s; "
        f"a bare loop writes the same files (paths and sizes) in {t['ceiling']:.1f} s, "
        f"{t['ceiling'] / max(t['seconds'], 1e-6):.2f} of publish's time (its ceiling). Processor "
        f"time of publish (its worker processes' too): {t['cpu']:.1f} s.",
        "",
    ]


def _cell(result: dict | None, key: str = "seconds") -> str:
    if result is None:
        return "timeout"
    return f"{result['timings'][key]:.3f}"


def _ratio(baseline: dict | None, ours: dict | None, key: str = "seconds") -> str:
    if baseline is None or ours is None:
        return "—"
    mine = max(ours["timings"][key], 1e-6)
    return f"{baseline['timings'][key] / mine:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--rdflib-limit", type=int, default=20_000, help="skip plain rdflib queries above")
    parser.add_argument("--pyshacl-limit", type=int, default=None, help="skip the pySHACL engine above")
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds per stage")
    parser.add_argument("--skip", nargs="*", default=[], help="stages to leave out")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    arguments = parser.parse_args()
    sections: list[str] = []
    kept = _other_sections(arguments.out)
    with tempfile.TemporaryDirectory() as scratch:
        for size in arguments.sizes:
            nquads = Path(scratch) / f"synthetic-{size}.nq"
            subprocess.run(
                [sys.executable, str(HERE / "generate.py"), "--scale", str(size), "--out", str(nquads)],
                check=True,
            )
            quads = sum(1 for _ in nquads.open(encoding="utf-8"))
            results: dict[str, dict | None] = {}
            for stage in STAGES:
                if stage in arguments.skip or (stage == "queries rdflib" and quads > arguments.rdflib_limit):
                    continue
                limit = arguments.pyshacl_limit
                if stage == "validate pyshacl" and limit is not None and quads > limit:
                    continue
                started = time.perf_counter()
                run = run_exports if stage == "exports" else run_stage
                results[stage] = run(stage, nquads, arguments.timeout)
                print(f"{size}: {stage} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
            sections.append(_section(size, quads, results))
            # written after each size, so that a long run leaves its finished sizes behind
            arguments.out.write_text(_header(arguments) + "\n".join(sections) + kept, encoding="utf-8")
    print(arguments.out.read_text(encoding="utf-8"))


def _other_sections(path: Path) -> str:
    """The sections of the results file that other benchmarks wrote (``benchmarks/push.py``)."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    parts = re.split(r"^(?=## )", text, flags=re.MULTILINE)
    return "".join("\n" + part for part in parts if part.startswith("## ") and not _OWN.match(part))


_OWN = re.compile(r"## [\d,]+ quads \(scale")


def _section(size: int, quads: int, results: dict[str, dict | None]) -> str:
    lines = [f"## {quads:,} quads (scale {size:,})", "", "| stage | seconds | peak MiB |", "|---|---:|---:|"]
    for stage, result in results.items():
        if stage.startswith("queries"):
            total = None if result is None else sum(result["timings"].values())
            seconds = "timeout" if total is None else f"{total:.3f} (all queries)"
        elif result is not None and len(result["timings"]) > 1:
            parts = ", ".join(f"{k} {v:.2f}" for k, v in result["timings"].items() if k != "seconds")
            seconds = f"{result['timings']['seconds']:.3f} ({parts})"
        else:
            seconds = _cell(result)
        peak = "—" if result is None else f"{result['peak_mib']:.0f}"
        lines.append(f"| {stage} | {seconds} | {peak} |")
    ours, raw = results.get("load mig-graph"), results.get("load pyoxigraph")
    naive, naive_union = results.get("load rdflib"), results.get("load rdflib + union")
    lines += [
        "",
        f"Load: mig-graph runs at {_ratio(raw, ours)}× raw pyoxigraph's speed; "
        f"plain rdflib / mig-graph = {_ratio(naive, ours)} (parsing only), "
        f"{_ratio(naive_union, ours)} (with the same union default graph). "
        f"Peak memory: {_per_quad(ours, quads)} per quad for mig-graph's load.",
        "",
        *_validation_lines(results, quads),
    ]
    lines += _publish_line(results.get("publish"))
    queries_ours = results.get("queries mig-graph")
    if queries_ours is not None:
        lines += ["| query | mig-graph (s) | pyoxigraph (s) | rdflib (s) | pyoxigraph/ours | rdflib/ours |"]
        lines += ["|---|---:|---:|---:|---:|---:|"]
        raw_q, naive_q = results.get("queries pyoxigraph"), results.get("queries rdflib")
        for name in queries_ours["timings"]:
            lines.append(
                f"| {name} | {_cell(queries_ours, name)} | {_cell(raw_q, name) if raw_q else '—'} | "
                f"{_cell(naive_q, name) if naive_q else 'skipped'} | {_ratio(raw_q, queries_ours, name)} | "
                f"{_ratio(naive_q, queries_ours, name)} |"
            )
        lines.append("")
    lines += _exports_tables(results.get("exports"), quads)
    return "\n".join(lines)


def _validation_lines(results: dict[str, dict | None], quads: int) -> list[str]:
    """Validation beside its ceiling (raw pyoxigraph's load of the same file) and its reference
    (pySHACL), and whether both engines gave the same results."""
    fast, reference = results.get("validate"), results.get("validate pyshacl")
    ceiling = results.get("load pyoxigraph")
    if fast is None or ceiling is None:
        return []
    times_load = fast["timings"]["seconds"] / max(ceiling["timings"]["seconds"], 1e-6)
    line = (
        f"Validation (the `fast` engine, parsing included, as `mig-graph validate FILE` runs): "
        f"{fast['timings']['seconds']:.2f} s, {times_load:.1f}× raw pyoxigraph's load of the same file "
        f"(target: at most 4×); peak memory {_per_quad(fast, quads)} per quad (target: at most 1.2 KB); "
        f"{fast['info']['results']} results."
    )
    if reference is None:
        line += " pySHACL (the reference engine): not run or past the time limit."
    else:
        same = "identical" if reference["info"] == fast["info"] else "DIFFERENT"
        line += (
            f" pySHACL (`--engine pyshacl`, the reference): {reference['timings']['seconds']:.2f} s, "
            f"{_ratio(reference, fast)}× the fast engine's time; its {reference['info']['results']} results "
            f"are {same} (SHA-256 of the sorted results)."
        )
    return [line, ""]


def _per_quad(result: dict | None, quads: int) -> str:
    if result is None:
        return "—"
    return f"{result['peak_mib'] * 1024 * 1024 / quads:,.0f} B"


def _header(arguments: argparse.Namespace) -> str:
    versions = ", ".join(
        f"{package} {metadata.version(package)}"
        for package in ("mig-graph", "rdflib", "oxrdflib", "pyoxigraph", "pyshacl", "networkx")
    )
    return (
        "# Benchmark results\n\n"
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()} on "
        f"{platform.system()} {platform.release()}. Versions: {versions}. "
        f"Sizes: {', '.join(str(s) for s in arguments.sizes)}. Each stage runs in a fresh process; "
        "times are wall-clock seconds of the stage alone, memory the process's peak resident set.\n\n"
    )


if __name__ == "__main__":
    main()
