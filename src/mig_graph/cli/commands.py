"""The ``mig-graph`` command line: parse options, call one stage, map the result to an exit code.

Exit codes: 0 success, 1 the graph does not conform, 2 unusable input (or an unreachable endpoint).
Commands that read the graph take RDF files, or ``--store`` (a store made by ``load``), or
nothing (the packaged data, compiled on the fly).  Stage modules are imported inside the
commands so that ``--help`` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

__all__ = ["main"]

EXIT_OK, EXIT_INVALID, EXIT_INPUT = 0, 1, 2


def _console():
    from rich.console import Console

    return Console(stderr=True)


def _fail(error: Exception) -> None:
    from rich.text import Text

    _console().print(Text.assemble(("error: ", "bold red"), str(error)), soft_wrap=True)
    sys.exit(EXIT_INPUT)


def _guarded(run: Callable[[], Any]) -> Any:
    """Run a stage; unusable input or an unreachable endpoint becomes a message and exit code 2."""
    from mig_graph.errors import InputError
    from mig_graph.query.library import RemoteError

    try:
        return run()
    except (InputError, RemoteError, ValueError) as error:
        _fail(error)


def _data_option(help_text: str):
    """``--data PATH…``: curated YAML files or folders."""
    return click.option(
        "--data", "data_paths", multiple=True, type=click.Path(path_type=Path), help=help_text
    )


def _graph_input(command: Callable) -> Callable:
    """``[RDF_FILE…]`` and ``--store PATH``: where a command reads the graph from."""
    command = click.argument("rdf_files", nargs=-1, type=click.Path(path_type=Path))(command)
    return click.option(
        "--store",
        "store_path",
        type=click.Path(file_okay=False, path_type=Path),
        help="An on-disk store made by `mig-graph load` (default: the packaged data, compiled).",
    )(command)


def _open(rdf_files: tuple[Path, ...], store_path: Path | None):
    from mig_graph.store import open_dataset

    return _guarded(lambda: open_dataset(rdf_files, store_path=store_path))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mig-graph")
def cli() -> None:
    """mig-graph: a knowledge graph of global migration governance."""


@cli.command()
@_data_option("Curated YAML files or folders (default: the packaged data).")
@click.option(
    "--out",
    "out_dir",
    default=Path("dist"),
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
)
@click.option("--allow-invalid", is_flag=True, help="Write the graph even if it has SHACL violations.")
def build(data_paths: tuple[Path, ...], out_dir: Path, allow_invalid: bool) -> None:
    """Compile the curated data into RDF, validate it, write it and summarise it.

    Formats written: Turtle, N-Triples, JSON-LD, N-Quads and TriG.
    """
    from rich.table import Table

    from mig_graph.build import NQUADS
    from mig_graph.build import build as run_build
    from mig_graph.query.summary import class_counts
    from mig_graph.store import open_dataset

    result = _guarded(lambda: run_build(data_paths or None, out_dir, allow_invalid=allow_invalid))
    console = _console()
    if result.report.results:
        console.print(result.report.to_text(), end="", soft_wrap=True, markup=False, highlight=False)
    if not result.outputs:
        console.print(f"Refused: nothing written to {out_dir}/ (use --allow-invalid to write anyway).")
        sys.exit(EXIT_INVALID)
    console.print(
        f"{len(result.graph)} triples in {len(result.outputs)} files under {out_dir}/", soft_wrap=True
    )
    table = Table("class", "entities")
    for name, count in class_counts(open_dataset([out_dir / NQUADS])):
        table.add_row(name, str(count))
    console.print(table)


@cli.command()
@click.argument("rdf_files", nargs=-1, type=click.Path(path_type=Path))
@_data_option("Validate these curated YAML files or folders instead of the packaged data.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "turtle"]),
    default="text",
    show_default=True,
)
@click.option(
    "--focus",
    "focus",
    multiple=True,
    metavar="IRI|ID",
    help="Check only these entities (an IRI, or an id such as process/midiocc; repeatable).",
)
@click.option(
    "--engine",
    type=click.Choice(["fast", "pyshacl"]),
    default="fast",
    show_default=True,
    help="fast: each SPARQL constraint once over the whole graph; pyshacl: once per focus node.",
)
def validate(
    rdf_files: tuple[Path, ...],
    data_paths: tuple[Path, ...],
    output_format: str,
    focus: tuple[str, ...],
    engine: str,
) -> None:
    """Validate the graph (default: compiled from the packaged data) or RDF files against the shapes.

    Exit code 0 when it conforms (warnings allowed), 1 on violations, 2 on unusable input.
    The turtle format is the standard SHACL validation report graph.  Both engines give the
    same results.
    """
    from mig_graph.namespaces import ID
    from mig_graph.validate.shacl import validate_inputs

    nodes = [f if f.startswith(("http://", "https://")) else f"{ID}{f}" for f in focus] or None
    report = _guarded(lambda: validate_inputs(rdf_files, data_paths or None, nodes, engine))
    rendered = {"text": report.to_text, "json": report.to_json, "turtle": report.to_turtle}[output_format]()
    click.echo(rendered, nl=False)
    sys.exit(EXIT_OK if report.conforms else EXIT_INVALID)


@cli.command()
@click.option("--store", "store_path", required=True, type=click.Path(file_okay=False, path_type=Path))
@click.argument("rdf_files", nargs=-1, type=click.Path(path_type=Path))
def load(store_path: Path, rdf_files: tuple[Path, ...]) -> None:
    """Load RDF files (default: the packaged data) into an on-disk store that other commands reuse."""
    from mig_graph.store import load_store

    quads = _guarded(lambda: load_store(store_path, rdf_files))
    _console().print(f"{quads} quads (named graphs and their union) in {store_path}/", soft_wrap=True)


@cli.command()
def queries() -> None:
    """List the query library: names, titles and parameters."""
    from rich.console import Console
    from rich.table import Table

    from mig_graph.query.library import library

    table = Table("name", "title", "parameters")
    for name, query in library().items():
        shown = [p.name + (f"={p.default}" if p.default else " (optional)") for p in query.parameters]
        table.add_row(name, query.title, ", ".join(shown))
    Console().print(table)


@cli.command()
@click.argument("name_or_file")
@_graph_input
@click.option(
    "--param", "params", multiple=True, metavar="NAME=VALUE", help="A query parameter (repeatable)."
)
@click.option(
    "--format", "output_format", type=click.Choice(["table", "csv", "tsv", "json", "turtle"]), default="table"
)
@click.option(
    "--endpoint", metavar="URL", help="Run on this SPARQL 1.1 endpoint instead of the embedded store."
)
def query(
    name_or_file: str,
    rdf_files: tuple[Path, ...],
    store_path: Path | None,
    params: tuple[str, ...],
    output_format: str,
    endpoint: str | None,
) -> None:
    """Run a library query (by name) or a .rq file on the graph, RDF files, a store or an endpoint."""
    from mig_graph.errors import InputError
    from mig_graph.query.library import run_query
    from mig_graph.query.results import render

    values: dict[str, str] = {}
    for param in params:
        name, sep, value = param.partition("=")
        if not sep:
            _fail(InputError(f"--param expects NAME=VALUE, got {param!r}"))
        values[name] = value
    dataset = None
    if endpoint is None and (rdf_files or store_path):
        dataset = _open(rdf_files, store_path)
    result = _guarded(lambda: run_query(name_or_file, values, dataset=dataset, endpoint=endpoint))
    click.echo(_guarded(lambda: render(result, output_format)), nl=False)


@cli.command()
@click.option("--endpoint", required=True, metavar="URL", help="The store's Graph Store Protocol address.")
@_graph_input
def push(endpoint: str, rdf_files: tuple[Path, ...], store_path: Path | None) -> None:
    """Load the graph into a store over the SPARQL 1.1 Graph Store Protocol, one named graph per source.

    The union of all sources is also written to the store's default graph, as in the embedded store.
    """
    from mig_graph.publish.push import push_dataset

    dataset = _open(rdf_files, store_path)
    counts = _guarded(lambda: push_dataset(dataset, endpoint))
    _console().print(
        f"{len(counts) - 1} named graphs and the default graph, {sum(counts.values())} triples, to {endpoint}"
    )


@cli.command()
@click.option(
    "--out",
    "out_dir",
    default=Path("site"),
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
)
@click.option(
    "--base-url", default="https://w3id.org/mig-graph/", show_default=True, help="Where the site is served."
)
@_graph_input
def publish(out_dir: Path, base_url: str, rdf_files: tuple[Path, ...], store_path: Path | None) -> None:
    """Write the linked-data site: entity pages and RDF, dumps, VoID/DCAT, ontology docs, .htaccess."""
    from mig_graph.publish.site import publish as run_publish

    dataset = _open(rdf_files, store_path)
    base = base_url if base_url.endswith("/") else base_url + "/"
    report = _guarded(lambda: run_publish(dataset, out_dir, site_url=base, progress=True))
    _console().print(
        f"version {report.version}: {report.files} files in {out_dir}/, {report.written} written, "
        f"{report.files - report.written} unchanged, {report.removed} stale removed",
        soft_wrap=True,
    )


@cli.command()
@_graph_input
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--timeout", "query_timeout", default=10.0, show_default=True, help="Seconds a query may run.")
@click.option("--max-results", default=10_000, show_default=True, help="Rows or triples a result may have.")
@click.option(
    "--max-memory-mib",
    default=1024,
    show_default=True,
    type=click.IntRange(min=64),
    help="Memory a query may use.",
)
@click.option(
    "--site", type=click.Path(file_okay=False, path_type=Path), help="A folder written by `publish`."
)
def serve(
    rdf_files: tuple[Path, ...],
    store_path: Path | None,
    host: str,
    port: int,
    query_timeout: float,
    max_results: int,
    max_memory_mib: int,
    site: Path | None,
) -> None:
    """Serve the SPARQL 1.1 endpoint (/sparql) and the linked-data site, dereferencing entity IRIs.

    Without --site the site is published afresh into a temporary folder.
    """
    import tempfile

    from mig_graph.publish.site import publish as run_publish
    from mig_graph.serve.endpoint import serve as run_serve

    dataset = _open(rdf_files, store_path)
    with tempfile.TemporaryDirectory(prefix="mig-graph-site-") as scratch:
        if site is None:
            site = Path(scratch)
            run_publish(dataset, site, progress=True)
        _console().print(f"SPARQL endpoint http://{host}:{port}/sparql · site http://{host}:{port}/")
        run_serve(
            dataset,
            host=host,
            port=port,
            query_timeout=query_timeout,
            max_results=max_results,
            max_memory_bytes=max_memory_mib * 1024 * 1024,
            site=site,
        )


def _analysis_options(command: Callable) -> Callable:
    """``--as-of DATE`` and ``--role ROLE…``: which links the analysis graphs keep."""
    command = click.option(
        "--role",
        "roles",
        multiple=True,
        help="Keep only links with this role (repeatable; signatory for signatures).",
    )(command)
    return click.option("--as-of", help="A snapshot as of YYYY, YYYY-MM or YYYY-MM-DD.")(command)


class _StageChoice(click.Choice):
    """A choice among the names a stage lists (``module.attribute``), read when click first needs
    them, so that the CLI imports no stage before a command runs."""

    def __init__(self, module: str, attribute: str) -> None:
        self._source = (module, attribute)
        super().__init__(())

    @property
    def choices(self) -> tuple[str, ...]:
        import importlib

        module, attribute = self._source
        return tuple(getattr(importlib.import_module(module), attribute))

    @choices.setter
    def choices(self, _ignored: object) -> None:
        """click's constructor sets the choices; here they always come from the stage."""


def _read_graphs(rdf_files, store_path, as_of, roles):
    from mig_graph.network import read_graphs

    dataset = _open(rdf_files, store_path)
    return _guarded(lambda: read_graphs(dataset, as_of=as_of, roles=set(roles) if roles else None))


@cli.command()
@_graph_input
@_analysis_options
@click.option("--lang", type=_StageChoice("mig_graph.report", "LANGUAGES"), default="en", show_default=True)
@click.option(
    "--out",
    "out_dir",
    default=Path("analysis"),
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
)
def analyse(
    rdf_files: tuple[Path, ...],
    store_path: Path | None,
    as_of: str | None,
    roles: tuple[str, ...],
    lang: str,
    out_dir: Path,
) -> None:
    """Cross-process membership: NetworkX graphs, measures and a report (Markdown, HTML, plots)."""
    from mig_graph.report import write_report

    graphs = _read_graphs(rdf_files, store_path, as_of, roles)
    written = _guarded(lambda: write_report(graphs, out_dir, lang=lang, as_of=as_of))
    bipartite = graphs.bipartite
    _console().print(
        f"{bipartite.number_of_nodes()} nodes and {bipartite.number_of_edges()} links; "
        f"{len(written)} files in {out_dir}/ (open {out_dir / 'report.html'})",
        soft_wrap=True,
    )


@cli.command()
@_graph_input
@_analysis_options
@click.option("--format", "fmt", required=True, type=_StageChoice("mig_graph.export", "SINKS"))
@click.option(
    "--graph",
    "which",
    type=click.Choice(["bipartite", "actors", "processes"]),
    default="bipartite",
    show_default=True,
)
@click.option(
    "--out", "out_path", type=click.Path(path_type=Path), help="File (folder for csv); default by format."
)
def export(
    rdf_files: tuple[Path, ...],
    store_path: Path | None,
    as_of: str | None,
    roles: tuple[str, ...],
    fmt: str,
    which: str,
    out_path: Path | None,
) -> None:
    """Export a network for Gephi, yEd, igraph, Cytoscape.js, D3, spreadsheets or the browser."""
    from mig_graph.export import SUFFIXES, export_graph

    graphs = _read_graphs(rdf_files, store_path, as_of, roles)
    target = out_path or Path(f"{which}{SUFFIXES[fmt]}" if SUFFIXES[fmt] else f"{which}-csv")
    written = _guarded(lambda: export_graph(getattr(graphs, which), fmt, target))
    graph = getattr(graphs, which)
    _console().print(
        f"{which}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges → "
        + ", ".join(str(path) for path in written),
        soft_wrap=True,
    )


def _exit_on_sigterm() -> None:
    """Make SIGTERM end the command as Ctrl-C does, by an exception, so that its clean-ups run
    (staging folders and temporary files removed, ``serve``'s temporary site deleted).

    uvicorn handles SIGTERM itself while it serves, then raises it again once shut down: it then
    reaches this handler.  A second SIGTERM during the clean-up is ignored.
    """
    import signal

    def terminate(signal_number: int, _frame: object) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise SystemExit(128 + signal_number)

    signal.signal(signal.SIGTERM, terminate)


def main() -> None:
    """Entry point of the ``mig-graph`` console script."""
    _exit_on_sigterm()
    cli(prog_name="mig-graph")
