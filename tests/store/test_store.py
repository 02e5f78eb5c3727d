"""The embedded store: RDF files bulk-loaded by Oxigraph, and an on-disk store reused without re-parsing."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from mig_graph.cli import cli
from mig_graph.errors import InputError
from mig_graph.query.library import library
from mig_graph.store import load_store, open_dataset


@pytest.fixture(scope="module")
def disk_store(tmp_path_factory, seed_nquads, built) -> Path:
    path = tmp_path_factory.mktemp("stores") / "seed"
    result = CliRunner().invoke(cli, ["load", "--store", str(path), seed_nquads])
    assert result.exit_code == 0, result.stderr
    quads = len(set(built.dataset.quads())) + len(built.graph)
    assert result.stderr == f"{quads} quads (named graphs and their union) in {path}/\n"
    return path


@pytest.mark.parametrize("name", sorted(library()))
def test_persistent_store_gives_the_same_results_as_the_in_memory_one(
    disk_store, seed_nquads, normalised_csv, name
):
    runner = CliRunner()
    from_store = runner.invoke(cli, ["query", name, "--format", "csv", "--store", str(disk_store)])
    in_memory = runner.invoke(cli, ["query", name, "--format", "csv", seed_nquads])
    assert from_store.exit_code == 0, from_store.stderr
    assert normalised_csv(from_store.stdout) == normalised_csv(in_memory.stdout)


def test_store_keeps_named_graphs_and_their_union(disk_store, built):
    dataset = open_dataset(store_path=disk_store)
    assert len(dataset.default_graph) == len(built.graph)
    graphs = {str(row[0]) for row in dataset.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
    assert "https://w3id.org/mig-graph/id/source/seed-003" in graphs and len(graphs) == 20


def test_a_folder_that_is_not_a_store_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(InputError, match="not a store made by `mig-graph load`"):
        open_dataset(store_path=tmp_path)
    with pytest.raises(InputError, match="not a mig-graph store; refusing to overwrite"):
        load_store(tmp_path)
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_files_and_store_together_are_refused(disk_store, seed_nquads):
    result = CliRunner().invoke(cli, ["query", "meetings", "--store", str(disk_store), seed_nquads])
    assert result.exit_code == 2
    assert "give either RDF files or --store, not both" in result.stderr


def test_a_loaded_store_publishes_the_same_site_as_its_file(tmp_path, seed_nquads):
    from mig_graph.publish.site import publish

    load_store(tmp_path / "store", [Path(seed_nquads)])
    publish(open_dataset(store_path=tmp_path / "store"), tmp_path / "from-store")
    publish(open_dataset([Path(seed_nquads)]), tmp_path / "from-file")
    from_store = {
        p.relative_to(tmp_path / "from-store"): p.read_bytes()
        for p in (tmp_path / "from-store").rglob("*")
        if p.is_file()
    }
    from_file = {
        p.relative_to(tmp_path / "from-file"): p.read_bytes()
        for p in (tmp_path / "from-file").rglob("*")
        if p.is_file()
    }
    assert len(from_store) == 2057
    assert from_store == from_file
