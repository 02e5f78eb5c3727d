"""Time and memory of the analysis on synthetic data: 200 states × 3,000 processes (≈100,000 memberships).

The data has the graph's model (``mg:State`` with ISO codes and labels; processes typed as regional
consultative processes, inter-regional forums, global processes and joint programmes, with
labels and a dated interval; ``org:Membership`` with a role, an ``org:memberDuring`` interval and
``prov:wasDerivedFrom``), one named graph per source, and is deterministic (``random.Random(seed)``).
States fall into 10 regions of 20; 85 % of the processes are regional (8 to 20 members of their
region, and up to 2 from elsewhere), 15 % are inter-regional or global (60 to 200 members).

The N-Quads file is loaded with ``open_dataset`` (Oxigraph), then each step of the analysis is run
twice: once timed, once under ``tracemalloc`` for its peak of Python memory (Oxigraph's own
memory, in Rust, is not traced; the process's peak RSS is reported at the end).  Betweenness on
the process projection is estimated from ``--sample`` seeded sources.  Run:

    python benchmarks/analysis.py [--states 200] [--processes 3000] [--seed 7] [--sample 16]
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pycountry

from mig_graph import network
from mig_graph.namespaces import ID, MG
from mig_graph.store import open_dataset

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ORG = "http://www.w3.org/ns/org#"
TIME = "http://www.w3.org/2006/time#"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
XSD_GYEAR = "http://www.w3.org/2001/XMLSchema#gYear"
REGIONS, SOURCES = 10, 20
KINDS = (
    (MG.RegionalConsultativeProcess, "member"),
    (MG.InterRegionalForum, "member"),
    (MG.GlobalProcess, "member"),
    (MG.JointProgramme, "target-government"),
)


def _quad(subject: str, predicate: str, obj: str, graph: str) -> str:
    return f"<{subject}> <{predicate}> {obj} <{graph}> .\n"


def _iri(value: str) -> str:
    return f"<{value}>"


def _year(year: int) -> str:
    return f'"{year}"^^<{XSD_GYEAR}>'


def generate(path: Path, states: int, processes: int, seed: int) -> int:
    """Write the synthetic dataset as N-Quads; the number of memberships."""
    rng = random.Random(seed)
    countries = sorted(pycountry.countries, key=lambda country: country.alpha_3)[:states]
    sources = [str(ID[f"source/bench-{i:02d}"]) for i in range(SOURCES)]
    memberships = 0
    instants: set[int] = set()
    with path.open("w", encoding="utf-8") as out:
        write = out.write
        for country in countries:
            iri, graph = str(ID[f"state/{country.alpha_3}"]), sources[0]
            write(_quad(iri, RDF, _iri(str(MG.State)), graph))
            write(_quad(iri, str(MG.iso3166Alpha2), f'"{country.alpha_2}"', graph))
            write(_quad(iri, str(MG.iso3166Alpha3), f'"{country.alpha_3}"', graph))
            for lang in ("en", "fr"):
                write(_quad(iri, RDFS_LABEL, f'"{country.name.replace(chr(34), "")}"@{lang}', graph))
        regions = [countries[i::REGIONS] for i in range(REGIONS)]
        for number in range(processes):
            process = str(ID[f"process/bench-{number:04d}"])
            graph = sources[number % SOURCES]
            regional = rng.random() < 0.85
            kind, role = KINDS[0] if regional and rng.random() < 0.8 else rng.choice(KINDS)
            founded = rng.randint(1985, 2020)
            interval = f"{process}/interval/{founded}--"
            write(_quad(process, RDF, _iri(str(kind)), graph))
            write(_quad(process, RDFS_LABEL, f'"Process {number}"@en', graph))
            write(_quad(process, RDFS_LABEL, f'"Processus {number}"@fr', graph))
            write(_quad(process, TIME + "hasTime", _iri(interval), graph))
            write(_quad(interval, TIME + "hasBeginning", _iri(str(ID[f"instant/{founded}"])), graph))
            instants.add(founded)
            if regional:
                region = rng.randrange(REGIONS)
                members = rng.sample(regions[region], rng.randint(8, 20))
                others = [country for country in countries if country not in regions[region]]
                members += rng.sample(others, rng.randint(0, 2))
            else:
                members = rng.sample(
                    countries, rng.randint(min(60, len(countries)), min(200, len(countries)))
                )
            for country in members:
                state = str(ID[f"state/{country.alpha_3}"])
                start = rng.randint(founded, 2024)
                end = rng.randint(start, 2024) if rng.random() < 0.2 else None
                membership = f"{ID!s}membership/process-bench-{number:04d}/{role}/state-{country.alpha_3}"
                during = f"{membership}/interval/{start}--{end or ''}"
                write(_quad(membership, RDF, _iri(ORG + "Membership"), graph))
                write(_quad(membership, ORG + "member", _iri(state), graph))
                write(_quad(membership, ORG + "organization", _iri(process), graph))
                write(
                    _quad(
                        membership, ORG + "role", _iri(f"https://w3id.org/mig-graph/vocab/role/{role}"), graph
                    )
                )
                write(_quad(membership, ORG + "memberDuring", _iri(during), graph))
                write(_quad(membership, PROV_DERIVED, _iri(graph), graph))
                write(_quad(during, TIME + "hasBeginning", _iri(str(ID[f"instant/{start}"])), graph))
                instants.add(start)
                if end is not None:
                    write(_quad(during, TIME + "hasEnd", _iri(str(ID[f"instant/{end}"])), graph))
                    instants.add(end)
                memberships += 1
        for year in sorted(instants):
            write(_quad(str(ID[f"instant/{year}"]), TIME + "inXSDgYear", _year(year), sources[0]))
    return memberships


def measure(step: Callable[[], Any]) -> tuple[Any, float, float]:
    """Run ``step`` timed, then again under tracemalloc: (result, seconds, peak MiB)."""
    gc.collect()
    start = time.perf_counter()
    result = step()
    seconds = time.perf_counter() - start
    del result
    gc.collect()
    tracemalloc.start()
    result = step()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return result, seconds, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--states", type=int, default=200)
    parser.add_argument("--processes", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--sample", type=int, default=16, help="betweenness sources in the process projection"
    )
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "synthetic.nq"
        start = time.perf_counter()
        memberships = generate(path, arguments.states, arguments.processes, arguments.seed)
        generated = time.perf_counter() - start
        size = path.stat().st_size / 2**20
        start = time.perf_counter()
        dataset = open_dataset([path])
        loaded = time.perf_counter() - start
    print(
        f"{arguments.states} states × {arguments.processes} processes, {memberships} memberships; "
        f"N-Quads {size:.0f} MiB written in {generated:.1f} s, loaded into Oxigraph in {loaded:.1f} s\n"
    )

    results: dict[str, Any] = {}
    rows: list[tuple[str, str, float, float]] = []

    def step(name: str, phase: str, run: Callable[[], Any]) -> Any:
        result, seconds, peak = measure(run)
        results[name] = result
        rows.append((name, phase, seconds, peak))
        return result

    links = step("read links (SPARQL → rows)", "read", lambda: network.read_links(dataset))
    nodes = {row.actor for row in links} | {row.process for row in links}
    attributes = step(
        "read node attributes (SPARQL)", "read", lambda: network.read_node_attributes(dataset, nodes)
    )
    step("read timeline (SPARQL)", "read", lambda: network.read_timeline(dataset))
    bipartite = step("build bipartite graph", "compute", lambda: network.bipartite_graph(links, attributes))
    actors = step("actor projection", "compute", lambda: network.actor_projection(bipartite))
    processes = step("process projection", "compute", lambda: network.process_projection(bipartite))
    step("snapshot as of 2010", "compute", lambda: network.snapshot(bipartite, "2010"))
    step("processes per actor", "compute", lambda: network.processes_per_actor(bipartite))
    step("centralities, actor projection (exact)", "compute", lambda: network.centralities(actors))
    step(
        f"centralities, process projection (betweenness k={arguments.sample})",
        "compute",
        lambda: network.centralities(processes, betweenness_sample=arguments.sample),
    )
    step(
        f"centralities, process projection from the bipartite graph (betweenness k={arguments.sample})",
        "compute",
        lambda: network.projection_centralities(bipartite, 1, betweenness_sample=arguments.sample),
    )
    step("brokers", "compute", lambda: network.brokers(bipartite))
    step("Louvain communities, actor projection", "compute", lambda: network.communities(actors))
    step("Louvain communities, process projection", "compute", lambda: network.communities(processes))
    step("overlap matrix (all processes)", "compute", lambda: network.overlap_matrix(bipartite))
    step(
        "change between 2010 and today",
        "compute",
        lambda: network.change_between(network.snapshot(bipartite, "2010"), bipartite),
    )

    print(
        f"bipartite: {bipartite.number_of_nodes()} nodes, {bipartite.number_of_edges()} edges; "
        f"actor projection: {actors.number_of_edges()} edges; "
        f"process projection: {processes.number_of_edges()} edges\n"
    )
    print("| step | phase | time (s) | peak Python memory (MiB) |")
    print("|---|---|---:|---:|")
    for name, phase, seconds, peak in rows:
        print(f"| {name} | {phase} | {seconds:.2f} | {peak:.0f} |")
    total = sum(seconds for _, _, seconds, _ in rows)
    reading = sum(seconds for _, phase, seconds, _ in rows if phase == "read")
    print(f"| **total** | | **{total:.2f}** | |")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"\nreading RDF {reading:.2f} s ({100 * reading / total:.0f} %), computing {total - reading:.2f} s "
        f"({100 * (total - reading) / total:.0f} %); peak RSS of the process {rss:.0f} MiB"
    )


if __name__ == "__main__":
    main()
