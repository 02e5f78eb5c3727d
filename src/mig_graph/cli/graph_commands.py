"""The commands that make and check the graph: ``build``, ``validate``, ``load``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from mig_graph.cli.inputs import EXIT_INVALID, EXIT_OK, console, data_option, guarded

__all__ = ["build", "load", "validate"]


@click.command()
@data_option("Curated YAML files or folders (default: the packaged data).")
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

    result = guarded(lambda: run_build(data_paths or None, out_dir, allow_invalid=allow_invalid))
    terminal = console()
    if result.report.results:
        terminal.print(result.report.to_text(), end="", soft_wrap=True, markup=False, highlight=False)
    if not result.outputs:
        terminal.print(f"Refused: nothing written to {out_dir}/ (use --allow-invalid to write anyway).")
        sys.exit(EXIT_INVALID)
    terminal.print(
        f"{len(result.graph)} triples in {len(result.outputs)} files under {out_dir}/", soft_wrap=True
    )
    table = Table("class", "entities")
    for name, count in class_counts(open_dataset([out_dir / NQUADS])):
        table.add_row(name, str(count))
    terminal.print(table)


@click.command()
@click.argument("rdf_files", nargs=-1, type=click.Path(path_type=Path))
@data_option("Validate these curated YAML files or folders instead of the packaged data.")
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
    report = guarded(lambda: validate_inputs(rdf_files, data_paths or None, nodes, engine))
    rendered = {"text": report.to_text, "json": report.to_json, "turtle": report.to_turtle}[output_format]()
    click.echo(rendered, nl=False)
    sys.exit(EXIT_OK if report.conforms else EXIT_INVALID)


@click.command()
@click.option("--store", "store_path", required=True, type=click.Path(file_okay=False, path_type=Path))
@click.argument("rdf_files", nargs=-1, type=click.Path(path_type=Path))
def load(store_path: Path, rdf_files: tuple[Path, ...]) -> None:
    """Load RDF files (default: the packaged data) into an on-disk store that other commands reuse."""
    from mig_graph.store import load_store

    quads = guarded(lambda: load_store(store_path, rdf_files))
    console().print(f"{quads} quads (named graphs and their union) in {store_path}/", soft_wrap=True)
