"""The build: byte-identical outputs, every file readable by rdflib and by an independent parser."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from mig_graph.build import OUTPUT_NAMES

TRIPLE_FILES = {"mig-graph.ttl": "turtle", "mig-graph.nt": "nt", "mig-graph.jsonld": "json-ld"}
QUAD_FILES = {"mig-graph.nq": "nquads", "mig-graph.trig": "trig"}
RAPPER_SYNTAX = {
    "mig-graph.ttl": "turtle",
    "mig-graph.nt": "ntriples",
    "mig-graph.nq": "nquads",
    "mig-graph.trig": "trig",
}


def _build_in_subprocess(out: Path, hash_seed: str) -> None:
    environment = {**os.environ, "PYTHONHASHSEED": hash_seed}
    subprocess.run(
        [sys.executable, "-m", "mig_graph", "build", "--out", str(out)],
        check=True,
        capture_output=True,
        env=environment,
    )


def test_two_builds_give_the_same_bytes(tmp_path):
    _build_in_subprocess(tmp_path / "a", "1")
    _build_in_subprocess(tmp_path / "b", "2")
    first = {p.name: p.read_bytes() for p in (tmp_path / "a").iterdir()}
    second = {p.name: p.read_bytes() for p in (tmp_path / "b").iterdir()}
    assert sorted(first) == sorted(OUTPUT_NAMES)
    assert first == second


def test_triple_outputs_hold_the_same_graph(built, dist_dir):
    graphs = {name: Graph().parse(dist_dir / name, format=fmt) for name, fmt in TRIPLE_FILES.items()}
    for name, graph in graphs.items():
        assert len(graph) == len(built.graph), name
        assert isomorphic(graph, built.graph), name


def test_quad_outputs_keep_one_named_graph_per_source(built, dist_dir):
    expected = sorted(
        str(g.identifier)
        for g in built.dataset.graphs()
        if len(g) and "urn:x-rdflib" not in str(g.identifier)
    )
    for name, fmt in QUAD_FILES.items():
        dataset = Dataset()
        dataset.parse(dist_dir / name, format=fmt)
        graphs = sorted({str(quad[3]) for quad in dataset.quads()})
        assert graphs == expected, name
        assert len(set(dataset.quads())) == len(set(built.dataset.quads())), name


def test_graph_names_are_the_sources_and_the_vocabularies(built):
    names = sorted(str(g.identifier) for g in built.dataset.graphs() if len(g))
    assert names == [
        "https://w3id.org/mig-graph/id/source/coi-34th-council-2020",
        "https://w3id.org/mig-graph/id/source/country-wikidata",
        "https://w3id.org/mig-graph/id/source/csac-idm-2024",
        "https://w3id.org/mig-graph/id/source/iom-2011-global-iscm-consultation",
        "https://w3id.org/mig-graph/id/source/iom-idm-2024-geneva-release",
        "https://w3id.org/mig-graph/id/source/iom-idm-2024-release-en",
        "https://w3id.org/mig-graph/id/source/iom-lima-2006-release-en",
        "https://w3id.org/mig-graph/id/source/iom-mainstreaming-migration-es",
        "https://w3id.org/mig-graph/id/source/mainstreaming-migration-about",
        "https://w3id.org/mig-graph/id/source/notimerica-lima-2006-05-16",
        "https://w3id.org/mig-graph/id/source/ror-university-of-toronto",
        "https://w3id.org/mig-graph/id/source/sbc-34th-council-2020",
        "https://w3id.org/mig-graph/id/source/seed-000",
        "https://w3id.org/mig-graph/id/source/seed-001",
        "https://w3id.org/mig-graph/id/source/seed-002",
        "https://w3id.org/mig-graph/id/source/seed-003",
        "https://w3id.org/mig-graph/id/source/seed-004",
        "https://w3id.org/mig-graph/id/source/supraverden-bodies",
        "https://w3id.org/mig-graph/id/source/un-desa-lima-2006-statement",
        "https://w3id.org/mig-graph/vocab",
    ]


def test_jsonld_uses_the_standalone_context_file(dist_dir):
    document = json.loads((dist_dir / "mig-graph.jsonld").read_text(encoding="utf-8"))
    context = json.loads((dist_dir / "context.jsonld").read_text(encoding="utf-8"))
    assert document["@context"] == "context.jsonld"
    assert context["@context"]["mg"] == "https://w3id.org/mig-graph/ontology#"
    assert context["@context"]["org"] == "http://www.w3.org/ns/org#"


@pytest.mark.parametrize("name", sorted(RAPPER_SYNTAX))
def test_rapper_parses_every_output_with_the_same_count(built, dist_dir, name):
    result = subprocess.run(
        ["rapper", "--count", "--input", RAPPER_SYNTAX[name], str(dist_dir / name)],
        capture_output=True,
        text=True,
        check=True,
    )
    expected = len(set(built.dataset.quads())) if name in QUAD_FILES else len(built.graph)
    assert f"returned {expected} " in result.stderr
