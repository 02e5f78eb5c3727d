"""What every command shares: where it reads the graph from, its options, errors and exit codes.

Commands that read the graph take RDF files, or ``--store`` (a store made by ``load``), or
nothing: the packaged data, compiled on the fly. That default is decided here, in the command
line's input handling, not in the stages. Stage modules are imported inside the functions so
that ``--help`` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

__all__ = [
    "EXIT_INPUT",
    "EXIT_INVALID",
    "EXIT_OK",
    "StageChoice",
    "analysis_options",
    "console",
    "data_option",
    "fail",
    "graph_input",
    "guarded",
    "open_graph",
    "read_analysis_graphs",
]

EXIT_OK, EXIT_INVALID, EXIT_INPUT = 0, 1, 2


def console():
    from rich.console import Console

    return Console(stderr=True)


def fail(error: Exception) -> None:
    from rich.text import Text

    console().print(Text.assemble(("error: ", "bold red"), str(error)), soft_wrap=True)
    sys.exit(EXIT_INPUT)


def guarded(run: Callable[[], Any]) -> Any:
    """Run a stage; unusable input or an unreachable endpoint becomes a message and exit code 2."""
    from mig_graph.errors import InputError
    from mig_graph.query.library import RemoteError

    try:
        return run()
    except (InputError, RemoteError, ValueError) as error:
        fail(error)


def data_option(help_text: str):
    """``--data PATH…``: curated YAML files or folders."""
    return click.option(
        "--data", "data_paths", multiple=True, type=click.Path(path_type=Path), help=help_text
    )


def graph_input(command: Callable) -> Callable:
    """``[RDF_FILE…]`` and ``--store PATH``: where a command reads the graph from."""
    command = click.argument("rdf_files", nargs=-1, type=click.Path(path_type=Path))(command)
    return click.option(
        "--store",
        "store_path",
        type=click.Path(file_okay=False, path_type=Path),
        help="An on-disk store made by `mig-graph load` (default: the packaged data, compiled).",
    )(command)


def open_graph(rdf_files: tuple[Path, ...], store_path: Path | None):
    from mig_graph.store import open_dataset

    return guarded(lambda: open_dataset(rdf_files, store_path=store_path))


def analysis_options(command: Callable) -> Callable:
    """``--as-of DATE``, ``--role ROLE…`` and ``--include WHAT``: which links the analysis graphs keep."""
    command = click.option(
        "--include",
        "include",
        multiple=True,
        help=(
            "Wider readings beside states in consultation mechanisms (comma-separated, repeatable): "
            "organisations, meetings, declarations, programmes, organisations-with-members, or all."
        ),
    )(command)
    command = click.option(
        "--role",
        "roles",
        multiple=True,
        help="Keep only links with this role (repeatable; signatory for signatures).",
    )(command)
    return click.option("--as-of", help="A snapshot as of YYYY, YYYY-MM or YYYY-MM-DD.")(command)


class StageChoice(click.Choice):
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


def read_analysis_graphs(rdf_files, store_path, as_of, roles, include=()):
    from mig_graph.network import parse_scope, read_graphs

    scope = guarded(lambda: parse_scope(include))
    dataset = open_graph(rdf_files, store_path)
    return guarded(
        lambda: read_graphs(dataset, as_of=as_of, roles=set(roles) if roles else None, scope=scope)
    )
