"""Interrupted commands lose nothing: `load`, `publish` and `build` killed (SIGKILL) inside their
write windows leave the old output or the new one, whole; the next run cleans up and succeeds;
SIGTERM runs the clean-ups, `serve`'s temporary site included.

The commands run as real subprocesses.  ``MIG_GRAPH_TEST_PAUSE_AT`` makes one wait at a named
stage (:mod:`mig_graph.testpause`), so each kill lands at a known moment of the write.
"""

from __future__ import annotations

import hashlib
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from mig_graph import folderswap
from mig_graph.build import NQUADS, OUTPUT_NAMES, READY_MARKER, build, write_outputs
from mig_graph.compile.dataset import union_graph
from mig_graph.errors import InputError
from mig_graph.publish.site import publish
from mig_graph.store import load_store, open_dataset, oxigraph_store
from mig_graph.testpause import PAUSE_VARIABLE

SMALL_GRAPH = (
    "<https://w3id.org/mig-graph/id/org/example> <http://www.w3.org/2000/01/rdf-schema#label> "
    '"Example"@en <https://w3id.org/mig-graph/id/source/example> .\n'
    "<https://w3id.org/mig-graph/id/org/example> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
    "<http://www.w3.org/ns/org#FormalOrganization> <https://w3id.org/mig-graph/id/source/example> .\n"
)
MORE = (
    "<https://w3id.org/mig-graph/id/org/other> <http://www.w3.org/2000/01/rdf-schema#label> "
    '"Other"@en <https://w3id.org/mig-graph/id/source/example> .\n'
    "<https://w3id.org/mig-graph/id/org/other> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
    "<http://www.w3.org/ns/org#FormalOrganization> <https://w3id.org/mig-graph/id/source/example> .\n"
)
SIGTERM_EXIT = 128 + signal.SIGTERM
_STARTED: list[subprocess.Popen] = []
TINY_DATA = """\
source:
  id: tiny
  seed_file: tiny.txt
  title: {en: Tiny, fr: Minuscule}
processes:
  - id: p
    label: {en: P, fr: P}
memberships:
  - organisation: process/p
    members: [state/France]
"""


class Command:
    """``python -m mig_graph ARGS`` in a subprocess, its standard error read line by line."""

    def __init__(self, args: list[str], pause_at: str | None = None, **environment: str) -> None:
        env = {**os.environ, **environment}
        env.pop(PAUSE_VARIABLE, None)
        if pause_at:
            env[PAUSE_VARIABLE] = pause_at
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mig_graph", *args],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        _STARTED.append(self.process)
        self.lines: queue.Queue[str] = queue.Queue()
        self.stderr: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stderr:
            self.lines.put(line)
        self.lines.put("")

    def wait_for(self, text: str, seconds: float = 60) -> None:
        """Wait until standard error shows ``text``."""
        deadline = time.monotonic() + seconds
        while True:
            line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            self.stderr.append(line)
            if text in line:
                return
            assert line, f"the command ended before {text!r}: {''.join(self.stderr)}"

    def signal(self, number: int) -> int:
        """Send the signal; return the exit status."""
        self.process.send_signal(number)
        return self.process.wait(timeout=60)


@pytest.fixture(autouse=True)
def _no_command_left_paused():
    """A test that fails before its kill must not leave its command sleeping."""
    yield
    while _STARTED:
        process = _STARTED.pop()
        if process.poll() is None:
            process.kill()
            process.wait()


def _run(args: list[str]) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key != PAUSE_VARIABLE}
    return subprocess.run(
        [sys.executable, "-m", "mig_graph", *args], capture_output=True, text=True, env=environment
    )


def _tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (hidden ones too) with the SHA-256 of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _leftovers(target: Path) -> list[str]:
    """The staging or retired siblings of ``target``."""
    return sorted(p.name for p in target.parent.iterdir() if p.name.startswith(f".{target.name}."))


def _quads(store_path: Path) -> set[str]:
    """The quads a reader of the store (``query --store``) finds."""
    return {str(quad) for quad in oxigraph_store(open_dataset(store_path=store_path))}


@pytest.fixture
def small_graph(tmp_path) -> Path:
    path = tmp_path / "small.nq"
    path.write_text(SMALL_GRAPH, encoding="utf-8")
    return path


@pytest.fixture
def larger_graph(tmp_path) -> Path:
    path = tmp_path / "larger.nq"
    path.write_text(SMALL_GRAPH + MORE, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def seed_quads(tmp_path_factory, seed_nquads) -> set[str]:
    reference = tmp_path_factory.mktemp("reference") / "store"
    load_store(reference, [Path(seed_nquads)])
    return _quads(reference)


# load


def test_a_load_killed_at_each_stage_leaves_a_whole_store_and_the_next_load_replaces_it(
    tmp_path, small_graph, seed_nquads, seed_quads
):
    store = tmp_path / "store"
    load_store(store, [small_graph])
    old = _quads(store)
    assert len(old) == 4  # two quads in their graph, two in the default graph

    for stage, finds in (("load:writing", old), ("load:staged", old), ("load:exchanged", seed_quads)):
        load = Command(["load", "--store", str(store), seed_nquads], pause_at=stage)
        load.wait_for(f"paused at {stage}")
        assert load.signal(signal.SIGKILL) == -signal.SIGKILL
        assert _leftovers(store) == [".store.mig-graph-new"], stage
        assert _quads(store) == finds, stage

    result = _run(["load", "--store", str(store), seed_nquads])
    assert result.returncode == 0, result.stderr
    assert _quads(store) == seed_quads
    assert _leftovers(store) == []


@pytest.mark.parametrize("milliseconds", [150, 400, 700])
def test_a_load_killed_after_some_milliseconds_leaves_the_old_store_or_the_new_one(
    tmp_path, small_graph, seed_nquads, seed_quads, milliseconds
):
    store = tmp_path / "store"
    load_store(store, [small_graph])
    old = _quads(store)
    load = Command(["load", "--store", str(store), seed_nquads])
    time.sleep(milliseconds / 1000)
    load.signal(signal.SIGKILL)
    assert _quads(store) in (old, seed_quads)
    assert _run(["load", "--store", str(store), seed_nquads]).returncode == 0
    assert _quads(store) == seed_quads
    assert _leftovers(store) == []


def test_a_first_load_killed_leaves_no_store_and_does_not_block_the_next(tmp_path, seed_nquads, seed_quads):
    store = tmp_path / "store"
    load = Command(["load", "--store", str(store), seed_nquads], pause_at="load:writing")
    load.wait_for("paused at load:writing")
    load.signal(signal.SIGKILL)
    assert not store.exists()
    assert _run(["load", "--store", str(store), seed_nquads]).returncode == 0
    assert _quads(store) == seed_quads
    assert _leftovers(store) == []


def test_without_an_exchange_the_old_store_is_read_while_set_aside_and_restored_after_a_kill(
    tmp_path, small_graph, seed_nquads, seed_quads, monkeypatch
):
    store = tmp_path / "store"
    load_store(store, [small_graph])
    old = _quads(store)
    # the state a kill leaves between the two renames: the old store set aside, the new one staged
    load_store(tmp_path / "new", [Path(seed_nquads)])
    os.rename(store, folderswap.retired_path(store))
    os.rename(tmp_path / "new", folderswap.staging_path(store))
    assert _quads(store) == old

    folderswap.recover(store)
    assert _quads(store) == old
    assert _leftovers(store) == []

    monkeypatch.setattr(folderswap, "_exchange", lambda first, second: False)
    load_store(store, [Path(seed_nquads)])
    assert _quads(store) == seed_quads
    assert _leftovers(store) == []


def test_bad_input_leaves_the_store_untouched(tmp_path, small_graph):
    store = tmp_path / "store"
    load_store(store, [small_graph])
    old = _quads(store)
    broken = tmp_path / "broken.nq"
    broken.write_text("<a> <b> .\n", encoding="utf-8")
    result = _run(["load", "--store", str(store), str(broken)])
    assert result.returncode == 2
    assert "cannot parse RDF" in result.stderr and "Traceback" not in result.stderr
    assert _quads(store) == old
    assert _leftovers(store) == []


# publish


def _sums_match(site: Path) -> bool:
    lines = (site / "dumps" / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    pairs = [line.split("  ") for line in lines]
    return len(pairs) == 5 and all(
        hashlib.sha256((site / "dumps" / name).read_bytes()).hexdigest() == digest for digest, name in pairs
    )


@pytest.fixture
def larger_site(tmp_path, larger_graph) -> dict[str, str]:
    """The files of the larger graph's site, published in this process."""
    site = tmp_path / "reference"
    publish(open_dataset([larger_graph]), site)
    return _tree(site)


def test_a_publish_killed_at_each_stage_leaves_the_old_site_or_the_new_one(
    tmp_path, small_graph, larger_graph, larger_site
):
    site = tmp_path / "site"
    publish(open_dataset([small_graph]), site)
    old = _tree(site)
    assert len(old) == 24 and _sums_match(site)
    assert len(larger_site) == 30 and _sums_match(tmp_path / "reference")

    for stage, finds in (
        ("publish:writing", old),
        ("publish:staged", old),
        ("publish:exchanged", larger_site),
    ):
        command = Command(["publish", "--out", str(site), str(larger_graph)], pause_at=stage)
        command.wait_for(f"paused at {stage}")
        command.signal(signal.SIGKILL)
        assert _leftovers(site) == [".site.mig-graph-new"], stage
        assert _tree(site) == finds, stage
        assert _sums_match(site), stage

    result = _run(["publish", "--out", str(site), str(larger_graph)])
    assert result.returncode == 0, result.stderr
    assert f"30 files in {site}/, 0 written, 30 unchanged, 0 stale removed" in result.stderr
    assert _tree(site) == larger_site
    assert _leftovers(site) == []


def test_a_publish_into_a_new_folder_killed_leaves_no_partial_site(tmp_path, larger_graph, larger_site):
    site = tmp_path / "site"
    command = Command(["publish", "--out", str(site), str(larger_graph)], pause_at="publish:staged")
    command.wait_for("paused at publish:staged")
    command.signal(signal.SIGKILL)
    assert not site.exists()
    result = _run(["publish", "--out", str(site), str(larger_graph)])
    assert result.returncode == 0, result.stderr
    assert _tree(site) == larger_site
    assert _leftovers(site) == []


def test_publish_links_unchanged_files_keeps_the_owners_files_and_drops_stale_pages(
    tmp_path, larger_graph, larger_site
):
    site = tmp_path / "site"
    dataset = open_dataset([larger_graph])
    publish(dataset, site)
    (site / "CNAME").write_text("example.org\n", encoding="utf-8")
    (site / "drafts").mkdir()
    (site / "id" / "org" / "gone.html").write_text("stale", encoding="utf-8")
    index = (site / "index.html").stat()
    report = publish(dataset, site)
    assert (report.files, report.written, report.removed) == (30, 0, 1)
    assert _tree(site) == {**larger_site, "CNAME": hashlib.sha256(b"example.org\n").hexdigest()}
    assert list((site / "drafts").iterdir()) == []
    kept = (site / "index.html").stat()
    assert (kept.st_ino, kept.st_mtime_ns) == (index.st_ino, index.st_mtime_ns)


# build


def _outputs(folder: Path) -> dict[str, str]:
    return {name: value for name, value in _tree(folder).items() if name in OUTPUT_NAMES}


@pytest.fixture
def old_build(tmp_path, small_graph) -> Path:
    """A folder holding the outputs of a small graph."""
    from rdflib import Dataset

    dataset = Dataset()
    dataset.parse(small_graph, format="nquads")
    out = tmp_path / "dist"
    write_outputs(dataset, union_graph(dataset), out)
    return out


@pytest.fixture
def tiny_data(tmp_path) -> Path:
    """Curated data of one process (with violations: it is built with ``--allow-invalid``)."""
    path = tmp_path / "tiny.yaml"
    path.write_text(TINY_DATA, encoding="utf-8")
    return path


def test_a_build_interrupted_at_each_stage_leaves_whole_outputs_and_the_next_build_succeeds(
    tmp_path, old_build, tiny_data
):
    old = _tree(old_build)
    new = _outputs(Path(build([tiny_data], tmp_path / "reference", allow_invalid=True).outputs[0]).parent)
    assert sorted(old) == sorted(new) == sorted(OUTPUT_NAMES)
    build_command = ["build", "--data", str(tiny_data), "--allow-invalid", "--out", str(old_build)]

    for number, status in ((signal.SIGTERM, SIGTERM_EXIT), (signal.SIGINT, 1)):  # Ctrl-C: click's "Aborted!"
        interrupted = Command(build_command, pause_at="build:writing")
        interrupted.wait_for("paused at build:writing")
        assert interrupted.signal(number) == status
        assert _tree(old_build) == old  # the temporary files removed on the way out

    killed = Command(build_command, pause_at="build:writing")
    killed.wait_for("paused at build:writing")
    killed.signal(signal.SIGKILL)
    assert _outputs(old_build) == old
    assert sorted(p.name for p in old_build.glob(".*")) == [
        ".mig-graph.jsonld.tmp",
        ".mig-graph.nt.tmp",
        ".mig-graph.ttl.tmp",
    ]

    renaming = Command(build_command, pause_at="build:renaming")
    renaming.wait_for("paused at build:renaming")
    renaming.signal(signal.SIGKILL)
    # killed between two renames: every file whole, old or new, and the marker says the new are complete
    assert (old_build / READY_MARKER).is_file()
    outputs = _outputs(old_build)
    renamed, waiting = OUTPUT_NAMES[:3], OUTPUT_NAMES[3:]
    assert renamed == ("mig-graph.ttl", "mig-graph.nt", "mig-graph.jsonld")
    assert all(outputs[name] == new[name] != old[name] for name in renamed)
    assert all(outputs[name] == old[name] for name in waiting)
    assert _tree(old_build)[f".{NQUADS}.tmp"] == new[NQUADS]

    result = _run(build_command)
    assert result.returncode == 0, result.stderr
    assert _tree(old_build) == new


def test_a_build_refused_on_bad_data_still_finishes_the_renames_of_a_killed_one(
    tmp_path, old_build, dist_dir
):
    new = _outputs(dist_dir)
    # the state a kill between two renames leaves: three outputs new, three new ones still temporary
    for number, name in enumerate(OUTPUT_NAMES):
        target = old_build / (name if number < 3 else f".{name}.tmp")
        target.write_bytes((dist_dir / name).read_bytes())
    (old_build / READY_MARKER).touch()
    bad = tmp_path / "bad.yaml"
    bad.write_text("processes: [\n", encoding="utf-8")
    with pytest.raises(InputError):
        build(([bad]), old_build)
    assert _tree(old_build) == new


# serve


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize(
    ("moment", "number", "status"),
    [
        ("serving", signal.SIGTERM, SIGTERM_EXIT),
        ("publishing", signal.SIGTERM, SIGTERM_EXIT),
        ("serving", signal.SIGINT, 0),
    ],
)
def test_sigterm_or_ctrl_c_of_serve_removes_its_temporary_site(
    tmp_path, larger_graph, moment, number, status
):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    args = ["serve", "--port", str(_free_port()), str(larger_graph)]
    if moment == "serving":
        command = Command(args, TMPDIR=str(scratch))
        command.wait_for("Uvicorn running on")
        site, snapshot = sorted(scratch.iterdir(), key=lambda folder: "site" not in folder.name)
        assert (site / "index.html").is_file()
        assert snapshot.name.startswith("mig-graph-endpoint-")  # the query workers' copy of the graph
    else:
        command = Command(args, pause_at="publish:writing", TMPDIR=str(scratch))
        command.wait_for("paused at publish:writing")
        assert len(list(scratch.iterdir())) == 2  # the temporary folder and the site staged beside it
    assert command.signal(number) == status
    assert list(scratch.iterdir()) == []
