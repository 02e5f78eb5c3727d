"""Validation time of the seed graph and of the same graph replicated N times (default 100).

The replicated graph copies every instance under a renamed IRI (``…-copy7``), so it has the
seed graph's shape and N times its size; the controlled vocabularies, the date instants, IOM and
the thematic-areas scheme (which shapes name by IRI) are shared.  Run:

    python benchmarks/validate.py [--copies 100]
"""

from __future__ import annotations

import argparse
import resource
import time

from rdflib import Graph, URIRef

from mig_graph.compile.dataset import compile_data, union_graph
from mig_graph.namespaces import ID
from mig_graph.validate.shacl import validate_graph


def replicate(graph: Graph, copies: int) -> Graph:
    """``copies`` renamed copies of every triple whose nodes are instances under ``id/``."""

    shared = (str(ID["org/iom"]), str(ID["scheme/thematic-areas"]), str(ID["instant"]))

    def is_shared(node: URIRef) -> bool:
        return any(str(node) == iri or str(node).startswith(iri + "/") for iri in shared)

    def renamed(node, copy: int):
        if isinstance(node, URIRef) and str(node).startswith(str(ID)) and not is_shared(node):
            return URIRef(f"{node}-copy{copy}")
        return node

    big = Graph()
    for copy in range(copies):
        big.addN((renamed(s, copy), p, renamed(o, copy), big) for s, p, o in graph)
    return big


def timed_validation(graph: Graph) -> tuple[float, int, int]:
    start = time.perf_counter()
    report = validate_graph(graph)
    return time.perf_counter() - start, len(report.violations), len(report.warnings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=100)
    arguments = parser.parse_args()
    seed = union_graph(compile_data().dataset)
    big = replicate(seed, arguments.copies)
    seed_time, seed_violations, seed_warnings = timed_validation(seed)
    big_time, big_violations, big_warnings = timed_validation(big)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("| graph | triples | validation (s) | violations | warnings |")
    print("|---|---:|---:|---:|---:|")
    print(f"| seed | {len(seed)} | {seed_time:.2f} | {seed_violations} | {seed_warnings} |")
    print(f"| seed x{arguments.copies} | {len(big)} | {big_time:.2f} | {big_violations} | {big_warnings} |")
    ratio = big_time / seed_time
    print(f"\nratio {ratio:.1f}x time for {len(big) / len(seed):.1f}x triples; peak RSS {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
