"""The ``mig-graph`` command line: parse options, call one stage, map the result to an exit code.

Exit codes: 0 success, 1 the graph does not conform, 2 unusable input.
Stage modules are imported inside the commands so that ``--help`` stays fast.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

__all__ = ["main"]

EXIT_OK, EXIT_INVALID, EXIT_INPUT = 0, 1, 2


def _console():
    from rich.console import Console

    return Console(stderr=True)


def _fail_input(error: Exception) -> None:
    from rich.text import Text

    _console().print(Text.assemble(("error: ", "bold red"), str(error)), soft_wrap=True)
    sys.exit(EXIT_INPUT)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mig-graph")
def cli() -> None:
    """mig-graph: a knowledge graph of global migration governance."""


@cli.command()
@click.option(
    "--data",
    "data_paths",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Curated YAML files or folders (default: the packaged data).",
)
@click.option(
    "--out",
    "out_dir",
    default=Path("dist"),
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the graph files.",
)
def build(data_paths: tuple[Path, ...], out_dir: Path) -> None:
    """Compile the curated data into RDF (Turtle, N-Triples, JSON-LD, N-Quads, TriG) and summarise it."""
    from rich.table import Table

    from mig_graph.build import NQUADS
    from mig_graph.build import build as run_build
    from mig_graph.errors import InputError
    from mig_graph.store import open_dataset
    from mig_graph.summary import class_counts

    try:
        result = run_build(data_paths or None, out_dir)
    except InputError as error:
        _fail_input(error)
        return
    console = _console()
    stored = open_dataset([out_dir / NQUADS])
    console.print(
        f"{len(result.graph)} triples in {len(result.outputs)} files under {out_dir}/", soft_wrap=True
    )
    table = Table()
    table.add_column("class")
    table.add_column("entities", justify="right")
    for name, count in class_counts(stored):
        table.add_row(name, str(count))
    console.print(table)
    sys.exit(EXIT_OK)


def main() -> None:
    """Entry point of the ``mig-graph`` console script."""
    cli(prog_name="mig-graph")
