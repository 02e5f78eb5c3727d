"""Validation time beside Oxigraph's own load of the same file, for both engines, as ratios.

For each scale, ``benchmarks/generate.py --scale N`` writes a synthetic graph (it conforms to the
shapes), then this times, in one process, one after the other:

- ``load``: a bare ``pyoxigraph.Store().bulk_load`` of the file (the store's speed);
- ``fast`` and ``pyshacl``: ``validate_inputs([file], engine=…)``, parsing included, as
  ``mig-graph validate FILE`` does;
- the SPARQL constraints alone: run once over the whole graph (``fast``), or by pySHACL once
  per focus node on Oxigraph (``pyshacl``), on data already loaded.

Run:

    python benchmarks/validate.py [--scales 10000 100000] [--seed 7]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from mig_graph.store import in_memory, open_dataset

# the passes of the pyshacl engine, to time its SPARQL part alone
from mig_graph.validate.shacl import _ontology, _partition, _pyshacl_sparql_pass, load_shapes, validate_inputs
from mig_graph.validate.whole_graph import oxigraph_copy, plan_constraints, run_constraints

GENERATE = Path(__file__).with_name("generate.py")


def timed(action: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    outcome = action()
    return time.perf_counter() - start, outcome


def measure(path: Path) -> dict[str, float | int]:
    """Seconds of each step on the graph in ``path``, and the number of results of each engine."""
    load, store = timed(lambda: _bulk_load(path))
    fast, fast_report = timed(lambda: validate_inputs([path], engine="fast"))
    reference, reference_report = timed(lambda: validate_inputs([path], engine="pyshacl"))
    assert fast_report.results == reference_report.results, "the engines disagree"
    data = in_memory(open_dataset([path]).default_graph)
    plan = plan_constraints(load_shapes())
    _, sparql_shapes = _partition(load_shapes())
    loaded = oxigraph_copy(data, _ontology())
    sparql_fast, _ = timed(lambda: run_constraints(plan, loaded, data))
    sparql_reference, _ = timed(lambda: _pyshacl_sparql_pass(data, load_shapes(), sparql_shapes))
    return {
        "quads": len(store),
        "load": load,
        "fast": fast,
        "pyshacl": reference,
        "sparql fast": sparql_fast,
        "sparql pyshacl": sparql_reference,
        "results": len(fast_report.results),
    }


def _bulk_load(path: Path) -> ox.Store:
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--seed", type=int, default=7)
    arguments = parser.parse_args()
    print(
        "| quads | load (s) | fast (s) | pyshacl (s) | fast / load | pyshacl / load | pyshacl / fast |",
        end="",
    )
    print(" SPARQL constraints: fast (s) | pyshacl (s) | ratio | results |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for scale in arguments.scales:
            path = Path(folder) / f"synthetic-{scale}.nq"
            command = [sys.executable, str(GENERATE), "--scale", str(scale), "--seed", str(arguments.seed)]
            subprocess.run([*command, "--out", str(path)], check=True, stdout=subprocess.DEVNULL)
            m = measure(path)
            print(
                f"| {m['quads']} | {m['load']:.2f} | {m['fast']:.2f} | {m['pyshacl']:.2f} "
                f"| {m['fast'] / m['load']:.0f}x | {m['pyshacl'] / m['load']:.0f}x "
                f"| {m['pyshacl'] / m['fast']:.1f}x | {m['sparql fast']:.2f} | {m['sparql pyshacl']:.2f} "
                f"| {m['sparql pyshacl'] / m['sparql fast']:.0f}x | {m['results']} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
