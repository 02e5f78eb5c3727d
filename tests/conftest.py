"""Shared fixtures: the seed graph is built once per test session.

The seed graph is compiled from the five seed files (and the country identifier table) only, so
that the facts, counts and query results the tests assert stay those of the seeds when more
curated sources are added to ``data/``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset

from mig_graph import paths
from mig_graph.build import NQUADS, BuildResult, build
from mig_graph.namespaces import PREFIXES
from mig_graph.store import open_dataset

SPARQL_PREFIXES = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items())


SEED_FILES = (
    "000-midiocc.yaml",
    "001-global-rcp-meeting-2009.yaml",
    "002-idm-2024.yaml",
    "003-lima-2006.yaml",
    "004-joint-programme.yaml",
    "country-wikidata.yaml",
)


def seed_data() -> list[Path]:
    """The curated files of the five seeds."""
    return [paths.data_dir() / name for name in SEED_FILES]


@pytest.fixture(scope="session")
def seed_options() -> list[str]:
    """``--data FILE`` for each seed file, for command-line tests."""
    return [part for path in seed_data() for part in ("--data", str(path))]


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The seed graph, written to a temporary folder."""
    return build(seed_data(), tmp_path_factory.mktemp("dist"))


@pytest.fixture(scope="session")
def seed_nquads(built: BuildResult) -> str:
    """The seed graph's N-Quads file (one named graph per source), for commands that read RDF files."""
    return str(built.outputs[0].parent / NQUADS)


@pytest.fixture(scope="session")
def dist_dir(built: BuildResult) -> Path:
    return built.outputs[0].parent


@pytest.fixture(scope="session")
def store(dist_dir: Path) -> Dataset:
    """The built dataset loaded into the embedded Oxigraph store (default graph = union)."""
    return open_dataset([dist_dir / NQUADS])


@pytest.fixture(scope="session")
def select(store: Dataset):
    """Run a SELECT with the project's prefixes; rows as tuples of strings (None when unbound)."""

    def run(query: str) -> list[tuple[str | None, ...]]:
        result = store.query(SPARQL_PREFIXES + query)
        return [tuple(None if value is None else str(value) for value in row) for row in result]

    return run


@pytest.fixture(scope="session")
def stated_counts(select):
    """The counts stated about an entity: (category, value, approximate) sorted."""

    def run(entity: str) -> list[tuple[str | None, ...]]:
        return select(
            f"""
            SELECT (STRAFTER(STR(?category), "/count/") AS ?what) ?value ?approximate WHERE {{
              {entity} mg:hasStatedCount ?count .
              ?count mg:countedCategory ?category ; mg:countValue ?value ; mg:approximate ?approximate .
            }} ORDER BY ?what ?value
            """
        )

    return run


@pytest.fixture(scope="session")
def dates_by_source(select):
    """An event's day-precision dates as each source states them: (source id, start, datatype, end)."""

    def run(event: str) -> list[tuple[str | None, ...]]:
        return select(
            f"""
            SELECT (STRAFTER(STR(?graph), STR(id:)) AS ?src) ?start (DATATYPE(?start) AS ?type) ?end WHERE {{
              GRAPH ?graph {{
                {event} time:hasTime ?interval .
                ?interval time:hasBeginning/time:inXSDDate ?start ; time:hasEnd/time:inXSDDate ?end .
              }}
            }} ORDER BY ?src
            """
        )

    return run


@pytest.fixture(scope="session")
def ask(store: Dataset):
    """Run an ASK with the project's prefixes."""

    def run(query: str) -> bool:
        return bool(store.query(SPARQL_PREFIXES + query).askAnswer)

    return run


@pytest.fixture(scope="session")
def seed_dataset(store: Dataset) -> Dataset:
    """The seed graph in the embedded store (the analysis tests' values are computed by hand from it)."""
    return store


@pytest.fixture(scope="session")
def graphs(store: Dataset):
    """The analysis graphs of the seed graph (all dates, all roles, every reading: ``--include all``,
    since the seed graph has one mechanism with members)."""
    from mig_graph.network import parse_scope, read_graphs

    return read_graphs(store, scope=parse_scope("all"))


@pytest.fixture(scope="session")
def serve_app():
    """A context manager serving an ASGI app with uvicorn on a free loopback port; it yields the base URL."""
    import contextlib
    import socket
    import threading
    import time

    import httpx
    import uvicorn

    from mig_graph.serve.endpoint import SERVER_OPTIONS

    @contextlib.contextmanager
    def running(app):
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        options = {**SERVER_OPTIONS, "access_log": False}
        config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", **options)
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while not server.started:
            assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
            time.sleep(0.02)
        assert httpx.get(f"{base}/sparql", params={"query": "ASK {}"}).status_code == 200
        try:
            yield base
        finally:
            server.should_exit = True
            thread.join(10)
            sock.close()

    return running


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory):
    """Headless Chromium (Debian) through its WebDriver, offline, with a fresh profile."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1200",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(executable_path="/usr/bin/chromedriver"))
    yield driver
    driver.quit()


LIST_COLUMNS = {"processes", "source"}  # GROUP_CONCAT lists: SPARQL leaves their order undefined


@pytest.fixture(scope="session")
def normalised_csv():
    """Parse SPARQL CSV results, sorting the items of list columns (GROUP_CONCAT) in each cell."""
    import csv
    import io

    def run(text: str) -> list[list[str]]:
        rows = list(csv.reader(io.StringIO(text)))
        header = rows[0]
        return [header] + [
            [
                " ".join(sorted(c.split())) if name in LIST_COLUMNS else c
                for name, c in zip(header, row, strict=True)
            ]
            for row in rows[1:]
        ]

    return run
