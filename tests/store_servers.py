"""Real SPARQL stores on loopback, for the tests and the benchmarks: each started on free ports in
a folder of its own, waited for, and stopped by its process id.

- Oxigraph server, the ``oxigraph`` command of the PyPI package of that name (the test extra):
  ``oxigraph serve``; Graph Store Protocol at ``/store``, queries at ``/query``; it lets ``push``
  replace its default graph.
- Virtuoso Open Source 7 from Debian's packages, unpacked into a folder by ``.ci/virtuoso`` (run
  here when the folder is missing, so the tests never skip it): a minimal ``virtuoso.ini`` bound to
  127.0.0.1, the anonymous Graph Store endpoint ``/sparql-graph-crud`` given the rights to write
  (granted with ``isql``), queries at ``/sparql``. It refuses to replace its default graph (the
  union of all its graphs, its own included), so the union goes into a named graph
  (``push --union-graph``) that queries name as their default graph (``--default-graph-uri``).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["UNION_GRAPH", "StoreServer", "oxigraph_server", "virtuoso_home", "virtuoso_server"]

CHECKOUT = Path(__file__).resolve().parents[1]
UNION_GRAPH = "urn:mig-graph:union"
"""The named graph that holds the union on a store whose default graph cannot be replaced."""


@dataclass
class StoreServer:
    """A running store: its name and version, its two addresses, and where the union goes."""

    name: str
    version: str
    graph_store: str
    query: str
    union_graph: str | None = None
    process: subprocess.Popen | None = field(default=None, repr=False)

    def push_options(self) -> list[str]:
        """The options of ``mig-graph push`` for this store (with the read-back of the counts)."""
        union = ["--union-graph", self.union_graph] if self.union_graph else []
        return ["--endpoint", self.graph_store, "--query-endpoint", self.query, *union]

    def query_options(self) -> list[str]:
        """The options of ``mig-graph query`` for this store."""
        union = ["--default-graph-uri", self.union_graph] if self.union_graph else []
        return ["--endpoint", self.query, *union]


def free_port() -> int:
    """A TCP port free on loopback now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_up(url: str, process: subprocess.Popen, log: Path | None, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
            raise RuntimeError(f"the store exited with {process.returncode} before answering:\n{tail}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                response.read()
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the store did not answer {url} within {timeout:.0f} s")


def _stop(process: subprocess.Popen) -> None:
    """Stop the store by its process id: SIGTERM, then SIGKILL if it has not ended in 30 s."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


# -- Oxigraph server --------------------------------------------------------------------------


def _oxigraph_command() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(found).exists():
        raise RuntimeError("no `oxigraph` command: pip install -e '.[test]' installs it")
    return found


@contextmanager
def oxigraph_server(folder: Path) -> Iterator[StoreServer]:
    """``oxigraph serve`` on a free loopback port, its store in ``folder``."""
    command = _oxigraph_command()
    version = subprocess.run([command, "--version"], capture_output=True, text=True, check=True)
    port = free_port()
    log = folder / "oxigraph.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [command, "serve", "--location", str(folder / "data"), "--bind", f"127.0.0.1:{port}"],
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until_up(f"{base}/query?query=ASK%7B%7D", process, log)
        yield StoreServer(
            "Oxigraph server", version.stdout.split()[-1], f"{base}/store", f"{base}/query", None, process
        )
    finally:
        _stop(process)


# -- Virtuoso ---------------------------------------------------------------------------------

_VIRTUOSO_INI = """\
; A throw-away Virtuoso: loopback only, no Unix socket, its files in one folder.
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
ServerThreads = 10
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty_buffers}
CheckpointInterval = 0
DirsAllowed = {folder}

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerThreads = 6
MaxClientConnections = 6
KeepAliveTimeout = 10

[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 600
MaxQueryCostEstimationTime = 0
"""

_GRANTS = "GRANT SPARQL_UPDATE TO \"SPARQL\"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);"


def virtuoso_home() -> Path:
    """Virtuoso's unpacked packages (``MIG_GRAPH_VIRTUOSO``, else ``.virtuoso`` in the checkout),
    unpacked by ``.ci/virtuoso`` first if they are not there yet."""
    home = Path(os.environ.get("MIG_GRAPH_VIRTUOSO", CHECKOUT / ".virtuoso"))
    if not (home / "usr" / "bin" / "virtuoso-t").exists():
        subprocess.run(["bash", str(CHECKOUT / ".ci" / "virtuoso"), str(home)], check=True)
    return home


@contextmanager
def virtuoso_server(folder: Path, *, buffers: int = 20_000) -> Iterator[StoreServer]:
    """Virtuoso on two free loopback ports (SQL, HTTP), its database in ``folder``.

    ``buffers`` is ``NumberOfBuffers``, pages of 8 KiB kept in memory (20,000: about 160 MiB).
    """
    home = virtuoso_home()
    environment = dict(os.environ)
    libraries = [str(home / "usr" / "lib" / "x86_64-linux-gnu"), str(home / "lib" / "x86_64-linux-gnu")]
    environment["LD_LIBRARY_PATH"] = ":".join([*libraries, environment.get("LD_LIBRARY_PATH", "")])
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(
        _VIRTUOSO_INI.format(
            folder=folder,
            sql_port=sql_port,
            http_port=http_port,
            buffers=buffers,
            dirty_buffers=buffers * 3 // 4,
        ),
        encoding="utf-8",
    )
    with (folder / "virtuoso.out").open("wb") as output:
        process = subprocess.Popen(
            [str(home / "usr" / "bin" / "virtuoso-t"), "+foreground", "+configfile", str(ini)],
            cwd=folder,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        base = f"http://127.0.0.1:{http_port}"
        _wait_until_up(f"{base}/sparql?query=ASK%7B%7D", process, folder / "virtuoso.log")
        subprocess.run(
            [str(home / "usr" / "bin" / "isql-vt"), f"127.0.0.1:{sql_port}", "dba", "dba", f"exec={_GRANTS}"],
            env=environment,
            check=True,
            capture_output=True,
            timeout=60,
        )
        version = (home / "VERSION").read_text(encoding="utf-8").strip()
        yield StoreServer(
            "Virtuoso", version, f"{base}/sparql-graph-crud", f"{base}/sparql", UNION_GRAPH, process
        )
    finally:
        _stop(process)
