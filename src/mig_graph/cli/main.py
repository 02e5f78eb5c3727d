"""The ``mig-graph`` command line: parse options, call one stage, map the result to an exit code.

Exit codes: 0 success, 1 the graph does not conform, 2 unusable input (or an unreachable endpoint).
One module per command group; the shared input handling is in :mod:`mig_graph.cli.inputs`.
"""

from __future__ import annotations

import click

from mig_graph.cli.graph_commands import build, load, validate
from mig_graph.cli.network_commands import analyse, export
from mig_graph.cli.panel_commands import panel
from mig_graph.cli.query_commands import push, queries, query
from mig_graph.cli.release_commands import release
from mig_graph.cli.site_commands import publish, serve

__all__ = ["cli", "main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mig-graph")
def cli() -> None:
    """mig-graph: a knowledge graph of global migration governance."""


for _command in (
    build,
    validate,
    load,
    queries,
    query,
    push,
    publish,
    serve,
    analyse,
    export,
    panel,
    release,
):
    cli.add_command(_command)


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
